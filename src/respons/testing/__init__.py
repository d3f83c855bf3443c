"""respons.testing: the store conformance suite, as a pytest plugin for backend authors.

Subclass `StoreConformance`, provide a ``store_url`` fixture returning the URL of a fresh,
empty store of your backend, and every test of the suite runs against it::

    class TestMyStore(StoreConformance):
        @pytest.fixture
        def store_url(self, tmp_path):
            return f"mydb:///{tmp_path}/store"

The plugin (registered as the pytest11 entry point ``respons``) also provides the fixtures
``respons_regime`` (the resolved regime the suite uses) and ``respons_records`` (write
generated records to a JSON Lines file). Nothing in it runs unless a test asks for it.
"""

from __future__ import annotations

from respons.testing.conformance import StoreConformance, conformance_regime, regime_path
from respons.testing.records import generate, write_jsonl

__all__ = ["StoreConformance", "conformance_regime", "generate", "regime_path", "write_jsonl"]

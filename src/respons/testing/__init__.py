"""respons.testing: the store conformance suite, as a pytest plugin for backend authors.

Subclass `StoreConformance`, provide a ``store_url`` fixture returning the URL of a fresh,
empty store of your backend, and every test of the suite runs against it::

    class TestMyStore(StoreConformance):
        @pytest.fixture
        def store_url(self, tmp_path):
            return f"mydb:///{tmp_path}/store"

The plugin (``respons.testing.plugin``, registered as the pytest11 entry point
``respons``) also provides the fixtures ``respons_regime`` (the resolved regime the suite
uses) and ``respons_records`` (write generated records to a JSON Lines file). Names are
imported on first use, so that loading the plugin into a test run imports nothing else.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "StoreConformance": "respons.testing.conformance",
    "conformance_regime": "respons.testing.regime",
    "regime_path": "respons.testing.regime",
    "generate": "respons.testing.records",
    "write_jsonl": "respons.testing.records",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'respons.testing' has no attribute {name!r}")

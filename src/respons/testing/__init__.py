"""respons.testing: the contract suites plugin authors run, one for every plugin kind.

Subclass a suite, provide the fixture it names, and every test of the suite runs against
your plugin (docs/hooks.md, "Testing a plugin")::

    class TestMyStore(StoreConformance):          # a storage backend
        @pytest.fixture
        def store_url(self, tmp_path):
            return f"mydb:///{tmp_path}/store"

    class TestMyCalendar(CalendarConformance):    # a calendar
        @pytest.fixture
        def calendar_provider(self):
            return CalendarProvider(name="hk", load=load_hk, description="…")

`SchemeConformance` (fixture ``scoring_scheme``) and `FormatConformance` (fixture
``notice_format``) do the same for scoring schemes and notice formats.

The plugin (``respons.testing.plugin``, registered as the pytest11 entry point
``respons``) also provides the fixtures ``respons_regime`` (the resolved regime the store
suite uses) and ``respons_records`` (write generated records to a JSON Lines file). Names
are imported on first use, so that loading the plugin into a test run imports nothing else.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "StoreConformance": "respons.testing.conformance",
    "CalendarConformance": "respons.testing.calendars",
    "SchemeConformance": "respons.testing.schemes",
    "FormatConformance": "respons.testing.formats",
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

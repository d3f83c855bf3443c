"""四舍五入 in the store is the scoring schemes' rounding: ROUND of a ``decimal`` on SQLite,
PostgreSQL and DuckDB gives what `respons.registry.round_points` (ROUND_HALF_UP) gives —
94.5 → 95 and 95.5 → 96 at precision 0, where Python's half-to-even round() says 94 and 96
and would grade 94.5 良好 rather than 优秀 (jilin-city 31: 95分以上为优秀)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from respons.registry import Registry, plugin_manager, round_points
from respons.sql.ir import Cast, Func, Lit, select
from respons.store import open_store

CASES = [("94.5", 0), ("95.5", 0), ("69.5", 0), ("84.75", 1), ("99.25", 1), ("0.5", 0),
         ("-2.5", 0), ("70", 0), ("89.95", 1)]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "duckdb"])
def test_the_store_rounds_half_up_as_the_schemes_do(backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    with open_store(url, Registry(plugin_manager())) as store:
        store.ledger.init()
        for value, places in CASES:
            query = select(Func("ROUND", (Cast(Lit(float(value)), "decimal"), Lit(places))))
            found = Decimal(str(store.compute.query(query)[0][0]))
            expected = round_points(Decimal(value), places)
            assert found == expected, f"{backend}: ROUND({value}, {places}) is {found}, " \
                                      f"四舍五入 gives {expected}"
    assert round(94.5) == 94 and round_points(Decimal("94.5"), 0) == 95

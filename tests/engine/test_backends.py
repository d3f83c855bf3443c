"""The same records give the same evaluation on SQLite and on PostgreSQL.

One rich scenario: two versions of a regime (取代), where-conditions on a 是否 and a choice
field, owners from a field and a named post, corrections, extensions granted in time and
too late, pauses (one recorded after its end, one corrected), completions ingested out of
order, a due date in a year the calendar lacks; and tongzhou's ten duties. Skipped, with
the reason, when no PostgreSQL server answers.
"""

from __future__ import annotations

import json

import test_tongzhou as tongzhou
from engine_helpers import by_start
from semantics_regime import REVIEW, case, write_regime
from test_semantics import CONDITIONS, CORRECTIONS, EXTENSIONS, PAUSES

FILES = [
    CONDITIONS + CORRECTIONS + EXTENSIONS + PAUSES + [
        case("v1", "受理", "2024-12-30", "AJ-31"),
        case("v1-file", "立案", "2025-01-08", "AJ-31", procedure="简易"),
        case("o1", "受理", "2025-03-03", "AJ-21"),
        case("o1-file", "立案", "2025-03-12", "AJ-21", procedure="简易"),
        case("p4", "立案", "2026-03-02", "AJ-74"),
        case("p4-go", "恢复", "2026-03-10", "AJ-74"),
        case("u1", "受理", "2026-12-28", "AJ-41"),
    ],
    [case("o1-back", "退回", "2025-03-07", "AJ-21"),
     case("p4-stop", "中止", "2026-03-04", "AJ-74")],
]
AS_OF = ("2025-03-11", "2025-10-17", "2026-03-09", "2026-12-31")


def _outputs(engine, store: str, county, tongzhou_regime) -> list[str]:
    for records in FILES:
        engine.ingest(county, records, store=store)
    engine.ingest(tongzhou_regime, [r | {"id": f"tz-{r['id']}"} for r in tongzhou.RECORDS],
                  store=store)
    out = []
    for regime in (county, tongzhou_regime):
        for as_of in AS_OF:
            for output in ("json", "text"):
                text = engine.run(regime, as_of, store=store, output=output).stdout
                out.append(text.replace(store, "<store>"))
    return out


def test_sqlite_and_postgresql_give_the_same_evaluation(engine, tmp_path, postgresql_url):
    write_regime(tmp_path, "county-2024", effective="2024-01-01", review=5)
    county = write_regime(tmp_path, "county", effective="2025-06-01", review=10,
                          supersedes="county-2024")
    sqlite = _outputs(engine, engine.store, county, tongzhou.REGIME)
    postgresql = _outputs(engine, postgresql_url, county, tongzhou.REGIME)
    for one, other in zip(sqlite, postgresql, strict=True):
        assert one == other
    # The scenario is as rich as it claims: every state occurs, on both.
    states = set()
    for text in sqlite:
        if text.startswith("{"):
            states |= {ob["state"] for ob in json.loads(text)["obligations"]}
    assert states == {"met", "met_late", "open", "paused", "overdue", "unknown"}
    last = by_start(json.loads(sqlite[2 * len(AS_OF) - 2]))
    assert last[("v1", REVIEW)]["regime"] == "county-2024"


def test_both_forms_of_the_first_record_lookup_give_the_same_evaluation(engine, tmp_path,
                                                                        monkeypatch):
    """The correlated subquery and the window form (`Dialect.first_row`) are one meaning:
    the rich scenario evaluated both ways on SQLite gives the same bytes."""
    from respons.store.sqlite import SQLiteDialect

    write_regime(tmp_path, "county-2024", effective="2024-01-01", review=5)
    county = write_regime(tmp_path, "county", effective="2025-06-01", review=10,
                          supersedes="county-2024")
    correlated = _outputs(engine, engine.store, county, tongzhou.REGIME)
    monkeypatch.setattr(SQLiteDialect, "first_row", "window")
    window_store = f"sqlite:///{tmp_path / 'window.db'}"
    window = _outputs(engine, window_store, county, tongzhou.REGIME)
    for one, other in zip(correlated, window, strict=True):
        assert one == other.replace(window_store, engine.store)

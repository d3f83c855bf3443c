"""The same records give the same evaluation on every backend: SQLite, PostgreSQL, DuckDB.

One rich scenario: two versions of a regime (取代), where-conditions on a 是否 and a choice
field, owners from a field and a named post, corrections, extensions granted in time and
too late, pauses (one recorded after its end, one corrected), completions ingested out of
order, a due date in a year the calendar lacks; and tongzhou's ten duties. Then the example
year (examples/changchun-xinqu-2025) through `respons run`, as the README runs it. Each
other backend is compared with SQLite, byte for byte; one that is not installed (or has no
server) is skipped with the reason.
"""

from __future__ import annotations

import json

import pytest
import test_tongzhou as tongzhou
from engine_helpers import by_start
from semantics_regime import REVIEW, case, write_regime
from test_semantics import CONDITIONS, CORRECTIONS, EXTENSIONS, PAUSES

from paths import ROOT

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


#: The backends compared with SQLite; each one's URL fixture skips when it cannot run.
OTHERS = ["postgresql", "duckdb"]


@pytest.mark.parametrize("backend", OTHERS)
def test_every_backend_gives_the_evaluation_sqlite_gives(engine, tmp_path, request, backend):
    other_url = request.getfixturevalue(f"{backend}_url")
    write_regime(tmp_path, "county-2024", effective="2024-01-01", review=5)
    county = write_regime(tmp_path, "county", effective="2025-06-01", review=10,
                          supersedes="county-2024")
    sqlite = _outputs(engine, engine.store, county, tongzhou.REGIME)
    other = _outputs(engine, other_url, county, tongzhou.REGIME)
    for one, another in zip(sqlite, other, strict=True):
        assert one == another
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


EXAMPLE = ROOT / "examples" / "changchun-xinqu-2025"


def _example_year(respons, folder, store: str) -> list[str]:
    """`respons run` over the example year (text, then JSON of everything), then
    `respons evaluate` of the same run; the outputs with the store's URL taken out."""
    regime, records = str(EXAMPLE / "xinqu-departments.resp"), str(EXAMPLE / "records.jsonl")
    outputs = []
    for args in (["run", regime, records], ["evaluate", regime, "--format", "json", "--all"]):
        result = respons(*args, "--store", store, cwd=folder)
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout.replace(store, "<store>"))
    return outputs


@pytest.mark.parametrize("backend", OTHERS)
def test_the_example_year_is_the_same_on_every_backend(respons, tmp_path, request, backend):
    other_url = request.getfixturevalue(f"{backend}_url")
    sqlite = _example_year(respons, tmp_path, f"sqlite:///{tmp_path / 'example.db'}")
    assert sqlite == _example_year(respons, tmp_path, other_url)
    text, document = sqlite[0], json.loads(sqlite[1])
    assert "义务 263 项：按期履行 167 · 逾期履行 57 · 未到期 1" in text
    assert document["totals"] == {"met": 167, "met_late": 57, "open": 1, "paused": 0,
                                  "overdue": 20, "unknown": 18, "due_soon": 0}
    assert len(document["obligations"]) == 263 and len(document["breaches"]) == 77

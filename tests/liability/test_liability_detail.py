"""Deciding once per set of facts, and writing the kept detail piece by piece, change
nothing: over every scenario of the seed regimes that expects liability and over the test
regimes of this folder, the cases decided once per key (`respons.engine.liability_decide`)
are the cases decided afresh one by one, and each case's kept detail
(`respons.report.liability_detail`) is byte for byte the canonical JSON of its data — and so
is what the store keeps of it, its own part and its decision's joined back."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from respons.engine import liability, scenarios
from respons.engine.liability_kept import whole
from respons.records.canonical import canonical_json
from respons.report.liability_detail import DetailWriter
from respons.report.liability_json import case_data

HERE = Path(__file__).parent
JURISDICTIONS = HERE.parent.parent / "jurisdictions"
#: The seed regimes whose scenarios expect liability.
WITH_LIABILITY = ("dacheng-approval", "guizhou-edu", "hangzhou", "heilongjiang", "henan",
                  "jilin-city", "samr", "tongzhou")


@pytest.fixture
def checked(monkeypatch):
    """Every `evaluate_liability` of the run also decides afresh and writes each detail
    both ways, asserting they agree; the cases it compared."""
    seen = []
    real = liability.evaluate_liability

    def both(compute, regime, head, selection, tabled=True):
        cases = real(compute, regime, head, selection, tabled=True)
        afresh = real(compute, regime, head, selection, tabled=False)
        assert cases == afresh
        writer, data = DetailWriter(regime, {}), case_data(regime, {})
        for case in cases + afresh:
            expected = canonical_json(data(case))
            assert writer(case) == expected, case.record
            # and without the decision it shares: written piece by piece
            assert writer(attrs.evolve(case, decision=None)) == expected, case.record
            # and kept in two, its own and its decision's, joined back
            decision, shared, own = writer.kept(case)
            assert whole(shared, own) == expected, case.record
            assert (decision is None) == (shared is None)
        seen.extend(cases)
        return cases

    monkeypatch.setattr(liability, "evaluate_liability", both)
    monkeypatch.setattr(scenarios, "evaluate_liability", both)
    return seen


@pytest.mark.parametrize("name", WITH_LIABILITY)
def test_the_seed_scenarios_decide_alike_and_write_alike(respons, checked, name):
    result = respons("test", str(JURISDICTIONS / f"{name}.test.resp"))
    assert result.exit_code == 0, result.stdout[-2000:]
    assert checked, "no scenario asked for liability"


@pytest.mark.parametrize("regime, records", [("edu", "cases"), ("units", "units"),
                                             ("complaints", "complaints")])
def test_the_test_regimes_decide_alike_and_write_alike(respons, checked, sqlite_url, regime,
                                                       records):
    path = str(HERE / f"{regime}.resp")
    assert respons("ingest", path, str(HERE / f"{records}.jsonl"), "--store",
                   sqlite_url).exit_code == 0
    result = respons("liability", path, "--store", sqlite_url, "--year", "2025")
    assert result.exit_code == 0, result.stdout
    assert any(case.outcomes for case in checked)


def test_a_case_of_a_key_seen_before_gets_its_own_records(respons, sqlite_url, tmp_path):
    """Two cases of one key share their outcomes but not the records their count found:
    张三's second and third faults of the year both reach 多次发生过错 (2 and 3 records)."""
    import json

    from respons.check.runner import check_paths
    from respons.engine.liability_sql import Selection
    from respons.registry import Registry, plugin_manager
    from respons.store import open_store

    records = tmp_path / "cases.jsonl"
    lines = []
    for n, (filed, officer) in enumerate([("2025-03-01", "张三"), ("2025-05-01", "张三"),
                                          ("2025-09-01", "张三"), ("2025-10-01", "李四")]):
        lines += [{"id": f"t{n}", "type": "过错案件.提起", "at": filed, "案件编号": f"K-{n}",
                   "过错行为": "没有法定依据实施处罚", "承办人": officer, "过错程度": "一般过错"},
                  {"id": f"d{n}", "type": "过错案件.决定", "at": filed[:8] + "20",
                   "案件编号": f"K-{n}"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                       "utf-8")
    path = str(HERE / "edu.resp")
    assert respons("ingest", path, str(records), "--store", sqlite_url).exit_code == 0
    registry = Registry(plugin_manager())
    regime = check_paths([path], registry).resolved[0].regime
    with open_store(sqlite_url, registry, {}) as store:
        cases = liability.evaluate_liability(store.compute, regime, store.ledger.head(),
                                             Selection(year=2025))
    first, second, third, other = cases
    assert second.decision is third.decision and second.outcomes is third.outcomes
    assert first.decision is other.decision and first.decision is not second.decision
    count = {c.record: next(x for x in c.circumstances if x.name == "多次发生过错")
             for c in cases}
    assert count["d1"].records == ("d0", "d1") and count["d2"].records == ("d0", "d1", "d2")
    assert count["d3"].records == ("d3",) and not count["d3"].holds
    writer, data = DetailWriter(regime, {}), case_data(regime, {})
    for case in cases:
        assert writer(case) == canonical_json(data(case))

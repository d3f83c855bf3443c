"""A regime that says no date it takes effect (district-opinion: no 施行) governs records of
every date: its one version runs from 0000-01-01 to 9999-12-31. (Its hand-worked due dates
are scenarios in jurisdictions/district-opinion.test.resp.)"""

from __future__ import annotations

from pathlib import Path

from engine_helpers import by_start, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "district-opinion.resp"


def test_a_regime_without_an_effective_date_governs_every_date(engine):
    fields = {"季度": "1999Q4", "报送机关": "行政执法部门"}
    engine.ingest(REGIME, [rec("f0", "罚款缴款明细报送.季度终了", "1999-12-31", **fields)])
    document = engine.evaluate(REGIME, "2026-04-07")
    assert document["versions"] == [{"regime": "district-opinion", "from": "0000-01-01",
                                      "until": "9999-12-31"}]
    # a record of 1999, long before any date a regime would give, starts its duty
    assert by_start(document)[("f0", "报送罚款缴款明细")]["state"] == "unknown"

"""district-opinion (a district 实施意见, no issuer or date): its three duties by hand.

权责清单动态调整 1 个月 (任务2), 委托执法备案 15 日 (任务3), 报送罚款缴款明细 7 日 (任务7).
The regime has no 施行 date, so it governs records of every date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "district-opinion.resp"

LIST, ENTRUST, FINES = "权责清单动态调整", "委托执法备案", "报送罚款缴款明细"
M1, D15, D7 = (1, "months"), (15, "days"), (7, "days")


def basis(id, event, at, name):
    return rec(id, f"执法依据变动.{event}", at, 依据名称文号=name, 责任机关="行政执法部门",
               变动类别="改")


def entrust(id, event, at, number):
    return rec(id, f"委托执法.{event}", at, 委托决定文号=number, 委托机关="行政执法部门",
               受委托组织="某街道综合行政执法队", 委托依据="《中华人民共和国行政处罚法》第二十条")


def fines(id, event, at, quarter):
    return rec(id, f"罚款缴款明细报送.{event}", at, 季度=quarter, 报送机关="行政执法部门")


RECORDS = [
    basis("b1", "公布", "2024-01-31", "某条例（2024年修正）"),
    basis("b1-done", "权责清单调整并公布", "2024-02-29", "某条例（2024年修正）"),
    basis("b2", "公布", "2025-01-31", "某规章（2025年修订）"),
    basis("b2-done", "权责清单调整并公布", "2025-03-03", "某规章（2025年修订）"),
    basis("b3", "公布", "2024-09-01", "某办法（2024年）"),
    basis("b3-done", "权责清单调整并公布", "2024-10-08", "某办法（2024年）"),
    basis("b4", "公布", "2025-09-05", "某决定（2025年）"),
    basis("b4-done", "权责清单调整并公布", "2025-10-10", "某决定（2025年）"),
    entrust("e1", "作出书面委托决定", "2025-12-17", "区委托〔2025〕3号"),
    entrust("e1-done", "上报备案", "2026-01-05", "区委托〔2025〕3号"),
    fines("f1", "季度终了", "2024-03-31", "2024Q1"),
    fines("f1-done", "报送", "2024-04-08", "2024Q1"),
    fines("f2", "季度终了", "2024-12-31", "2024Q4"),
    fines("f2-done", "报送", "2025-01-07", "2024Q4"),
    fines("f3", "季度终了", "2025-09-30", "2025Q3"),
    fines("f4", "季度终了", "2026-03-31", "2026Q1"),
]

WHO = {"owner": "行政执法部门", "agency": "行政执法部门"}
EXPECTED = {
    # 2024-01-31 + 1 month: February 2024 has no 31st, so its last day 2024-02-29 (leap
    # year; 民法典 202), a Thursday and a working day; adjusted on 02-29: met.
    ("b1", LIST): Due("2024-01-31", M1, "2024-02-29", "met", "b1-done", **WHO),
    # 2025-01-31 (inside 春节 2025; the start day is not counted) + 1 month: no 02-31, so
    # 2025-02-28 (Fri), a working day; adjusted Monday 03-03: late.
    ("b2", LIST): Due("2025-01-31", M1, "2025-02-28", "met_late", "b2-done", **WHO),
    # 2024-09-01 + 1 month = 2024-10-01, 国庆 2024 (10-01..07) → 2024-10-08 (民法典 203).
    ("b3", LIST): Due("2024-09-01", M1, "2024-10-08", "met", "b3-done", **WHO),
    # 2025-09-05 + 1 month = 2025-10-05, 国庆·中秋 2025 (10-01..08) → 2025-10-09 (Thu);
    # adjusted on 10-10: one day late.
    ("b4", LIST): Due("2025-09-05", M1, "2025-10-09", "met_late", "b4-done", **WHO),
    # 2025-12-17 + 15 calendar days = 2026-01-01, 元旦 2026 (01-01..03) → the make-up
    # Sunday 2026-01-04 is the next working day; filed Monday 01-05: one day late.
    ("e1", ENTRUST): Due("2025-12-17", D15, "2026-01-04", "met_late", "e1-done", **WHO),
    # 2024-03-31 + 7 calendar days = 2024-04-07, a Sunday but the make-up working day of
    # 清明 2024: no roll; reported Monday 04-08: one day late.
    ("f1", FINES): Due("2024-03-31", D7, "2024-04-07", "met_late", "f1-done", **WHO),
    # 2024-12-31 + 7 calendar days = 2025-01-07 (Tue): 元旦 2025 inside the period is
    # counted like any calendar day; reported on 01-07: met.
    ("f2", FINES): Due("2024-12-31", D7, "2025-01-07", "met", "f2-done", **WHO),
    # 2025-09-30 + 7 calendar days = 2025-10-07, 国庆·中秋 2025 → 10-08 still a holiday →
    # 2025-10-09; never reported: overdue as of 2026-04-07.
    ("f3", FINES): Due("2025-09-30", D7, "2025-10-09", "overdue", **WHO),
    # 2026-03-31 + 7 calendar days = 2026-04-07 (Tue, 清明 2026 was 04-04..06): open on
    # 2026-04-07 itself.
    ("f4", FINES): Due("2026-03-31", D7, "2026-04-07", "open", **WHO),
}


def test_district_opinion_duties(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-04-07")
    assert document["versions"] == [{"regime": "district-opinion", "from": "0000-01-01",
                                      "until": "9999-12-31"}]
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    later = by_start(engine.evaluate(REGIME, "2026-04-08"))
    assert later[("f4", FINES)]["state"] == "overdue"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_district_opinion_dates_agree_with_chinese_calendar(key):
    cross_check(EXPECTED[key])

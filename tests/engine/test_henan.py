"""henan (河南省人民政府令第187号): its four duties, dates worked out by hand.

按期立案 15 日 限于 发现途径 = "行政执法监督" (第二十一条), 调查终结并作出处理 30 日 (第二十三条),
申诉期限 10 日 without an owner (第二十五条), 处理申诉 20 日 负责 申诉受理机关, an optional field
(第二十五条). The two 延长 have no 凭, so no record grants them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "henan.resp"

OPEN, HANDLE, APPEAL, REVIEW = "按期立案", "调查终结并作出处理", "申诉期限", "处理申诉"
D15, D30, D10, D20 = (15, "days"), (30, "days"), (10, "days"), (20, "days")


def case(id, event, at, number, found="行政执法监督", **more):
    return rec(id, f"过错责任追究.{event}", at, 案件编号=number, 发现途径=found,
               被追究对象="行政执法人员", 被追究人员="王某", 追究机关="行政执法机关", **more)


RECORDS = [
    case("n1", "发现", "2024-12-17", "GC-2024-31"),
    case("n1-open", "立案", "2025-01-02", "GC-2024-31"),
    case("n1-done", "处理", "2025-02-06", "GC-2024-31", 处理结果="予以追究"),
    # Found otherwise than in supervision: 第二十一条 sets no period for opening it.
    case("n2", "发现", "2024-01-05", "GC-2024-02", found="其他"),
    case("n2-open", "立案", "2024-01-10", "GC-2024-02", found="其他"),
    case("n2-done", "处理", "2024-02-09", "GC-2024-02", found="其他", 处理结果="不予追究"),
    case("n3", "收到处理意见", "2026-02-10", "GC-2025-40"),
    case("n3-done", "申诉", "2026-02-24", "GC-2025-40"),
    case("n4", "收到申诉", "2026-09-13", "GC-2026-08", 申诉受理机关="司法行政部门"),
    case("n5", "收到申诉", "2024-08-27", "GC-2024-19"),
    case("n5-done", "申诉处理", "2024-09-19", "GC-2024-19"),
]

EXPECTED = {
    # 2024-12-17 + 15 calendar days = 2025-01-01, 元旦 2025 → Thursday 2025-01-02;
    # opened on 01-02: met.
    ("n1", OPEN): Due("2024-12-17", D15, "2025-01-02", "met", "n1-open",
                      owner="行政执法机关"),
    # 2025-01-02 + 30 calendar days = 2025-02-01, a Saturday inside 春节 2025 (01-28..
    # 02-04) → 02-02 Sunday, 02-03, 02-04 holidays → 2025-02-05 (Wed); handled on 02-06:
    # one day late.
    ("n1-open", HANDLE): Due("2025-01-02", D30, "2025-02-05", "met_late", "n1-done",
                             owner="行政执法机关"),
    # 2024-01-10 + 30 calendar days = 2024-02-09, 除夕 2024, which the 2024 notice leaves
    # a working day (春节 2024 is 02-10..17) → 2024-02-09; handled on 02-09: met.
    ("n2-open", HANDLE): Due("2024-01-10", D30, "2024-02-09", "met", "n2-done",
                             owner="行政执法机关"),
    # 2026-02-10 + 10 calendar days = 2026-02-20, inside 春节 2026 (02-15..23) → 2026-02-24
    # (Tue); the appeal filed on 02-24: met. The duty names no owner.
    ("n3", APPEAL): Due("2026-02-10", D10, "2026-02-24", "met", "n3-done", owner=None),
    # 2026-09-13 + 20 calendar days = 2026-10-03, 国庆 2026 (10-01..07) → 2026-10-08 (Thu):
    # open on 10-08; owner from the record's 申诉受理机关.
    ("n4", REVIEW): Due("2026-09-13", D20, "2026-10-08", "open", owner="司法行政部门"),
    # 2024-08-27 + 20 calendar days = 2024-09-16, 中秋 2024 (09-15..17) → 2024-09-18 (Wed);
    # handled 09-19: one day late. 申诉受理机关 not recorded: no owner.
    ("n5", REVIEW): Due("2024-08-27", D20, "2024-09-18", "met_late", "n5-done", owner=None),
}


def test_henan_duties(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-10-08")
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    later = by_start(engine.evaluate(REGIME, "2026-10-09"))
    assert later[("n4", REVIEW)]["state"] == "overdue"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_henan_dates_agree_with_chinese_calendar(key):
    cross_check(EXPECTED[key])

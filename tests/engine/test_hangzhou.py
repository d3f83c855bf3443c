"""hangzhou (杭州市人民政府令第230号): its four duties, dates worked out by hand.

调整执法依据 30 工作日 (第八条第二款), 审查责任追究案件 7 工作日 (第四十六条), 作出责任追究决定
30 工作日, 延长 15 工作日 经 主管机关 (第四十八条第一款; no 凭, so no record grants it), 责任追究
决定备案 15 工作日 限于 追究机关类别 = "行政执法部门" (第四十九条).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "hangzhou.resp"

ADJUST, REVIEW = "调整执法依据", "审查责任追究案件"
DECIDE, FILE = "作出责任追究决定", "责任追究决定备案"
WD30, WD7, WD15 = (30, "workdays"), (7, "workdays"), (15, "workdays")
BODY = "行政执法部门.法制工作机构"


def change(id, event, at, number):
    return rec(id, f"法律规范变动.{event}", at, 变动编号=number, 法律规范="杭州市某管理条例",
               变动类型="修改", 行政执法部门="行政执法部门")


def case(id, event, at, number, government=False, **more):
    fields = {"案件编号": number, "案件来源": "投诉", "被追究对象": "行政执法人员",
              "责任人": "李四", "被追究部门": "行政执法部门",
              "责任追究机构": "各级人民政府.法制工作机构" if government else BODY,
              "追究机关": "各级人民政府" if government else "行政执法部门",
              "追究机关类别": "人民政府" if government else "行政执法部门"}
    return rec(id, f"责任追究.{event}", at, **fields, **more)


RECORDS = [
    change("v1", "变动", "2024-04-15", "BD-2024-07"),
    change("v1-done", "调整执法依据", "2024-05-28", "BD-2024-07"),
    case("k1", "收到", "2025-09-30T10:00", "ZJ-2025-11"),
    case("k1-file", "立案", "2025-10-16", "ZJ-2025-11"),
    case("k1-ext", "批准延长", "2025-11-20", "ZJ-2025-11", 情况复杂=True),
    case("k1-decide", "决定", "2025-11-28", "ZJ-2025-11", 处理结果="追究"),
    case("k1-filed", "备案", "2025-12-22", "ZJ-2025-11"),
    case("k2", "决定", "2025-12-22", "ZJ-2025-12", 处理结果="追究"),
    case("k2-filed", "备案", "2026-01-13", "ZJ-2025-12"),
    # Decided by the people's government (第三十六条第一款): no filing duty (第四十九条).
    case("k3", "决定", "2025-12-22", "ZJ-2025-13", government=True, 处理结果="不予追究"),
    case("k4", "收到", "2025-04-25", "ZJ-2025-04"),
    case("k4-done", "不予立案", "2025-05-08", "ZJ-2025-04"),
    case("k5", "收到", "2026-04-28", "ZJ-2026-04"),
]

EXPECTED = {
    # 2024-04-15 (Mon) + 30 working days, 劳动节 2024: 04-16..19 (1-4), 04-22..26 (5-9),
    # 04-28 make-up Sunday (10), 04-29, 04-30 (11-12), 05-01..05 holidays, 05-06..10
    # (13-17), 05-11 make-up Saturday (18), 05-13..17 (19-23), 05-20..24 (24-28), 05-27
    # (29), 05-28 (30) → 2024-05-28; adjusted on 05-28: met.
    ("v1", ADJUST): Due("2024-04-15", WD30, "2024-05-28", "met", "v1-done",
                        owner="行政执法部门", agency="行政执法部门"),
    # 2025-09-30 + 7 working days, 国庆·中秋 2025: 10-01..08 holidays, 10-09 (1), 10-10 (2),
    # 10-11 make-up Saturday (3), 10-13..16 (4-7) → 2025-10-16; filed (立案) on 10-16: met.
    ("k1", REVIEW): Due("2025-09-30", WD7, "2025-10-16", "met", "k1-file", owner=BODY),
    # 2025-10-16 + 30 working days: 10-17 (1), 10-20..24 (2-6), 10-27..31 (7-11),
    # 11-03..07 (12-16), 11-10..14 (17-21), 11-17..21 (22-26), 11-24..27 (27-30)
    # → 2025-11-27. The 批准延长 record of 11-20, before that date, extends it by 15
    # working days from 11-27 (凭 责任追究.批准延长): 11-28 (1), 12-01..05 (2-6),
    # 12-08..12 (7-11), 12-15..18 (12-15) → 2025-12-18; decided 11-28: met.
    ("k1-file", DECIDE): Due("2025-10-16", WD30, "2025-11-27", "met", "k1-decide",
                             owner=BODY, extended="2025-12-18"),
    # 2025-11-28 (Fri) + 15 working days: 12-01..05, 12-08..12, 12-15..19 → 2025-12-19;
    # filed Monday 12-22: late.
    ("k1-decide", FILE): Due("2025-11-28", WD15, "2025-12-19", "met_late", "k1-filed",
                             owner="行政执法部门"),
    # 2025-12-22 (Mon) + 15 working days, 元旦 2026: 12-23..26 (1-4), 12-29..31 (5-7),
    # 01-01..03 holidays, 01-04 make-up Sunday (8), 01-05..09 (9-13), 01-12 (14), 01-13
    # (15) → 2026-01-13; filed on 01-13: met.
    ("k2", FILE): Due("2025-12-22", WD15, "2026-01-13", "met", "k2-filed",
                      owner="行政执法部门"),
    # 2025-04-25 (Fri) + 7 working days, 劳动节 2025: 04-26 Saturday, 04-27 make-up Sunday
    # (1), 04-28..30 (2-4), 05-01..05 holidays, 05-06..08 (5-7) → 2025-05-08; 不予立案 on
    # 05-08: met.
    ("k4", REVIEW): Due("2025-04-25", WD7, "2025-05-08", "met", "k4-done", owner=BODY),
    # 2026-04-28 (Tue) + 7 working days, 劳动节 2026: 04-29, 04-30 (1-2), 05-01..05
    # holidays, 05-06..08 (3-5), 05-09 make-up Saturday (6), 05-11 (7) → 2026-05-11:
    # open on 05-11.
    ("k5", REVIEW): Due("2026-04-28", WD7, "2026-05-11", "open", owner=BODY),
}


def test_hangzhou_duties(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-05-11")
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    later = by_start(engine.evaluate(REGIME, "2026-05-12"))
    assert later[("k5", REVIEW)]["state"] == "overdue"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_hangzhou_dates_agree_with_chinese_calendar(key):
    # 作出责任追究决定 may be extended by 15 working days (第四十八条第一款).
    cross_check(EXPECTED[key], (15, "workdays") if key[1] == DECIDE else None)

"""changchun-xinqu (长新管办发〔2017〕52号): its three duties, dates worked out by hand.

告知投诉举报受理情况 5 工作日 (任务21), 重大行政处罚备案 15 日 (任务15), 行政执法证件检验
3 年 (任务12). Holidays from the State Council notices in src/respons/calendar/data/cn.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "changchun-xinqu.resp"

TELL, FILE, CHECK = "告知投诉举报受理情况", "重大行政处罚备案", "行政执法证件检验"
WD5, D15, Y3 = (5, "workdays"), (15, "days"), (3, "years")


def complaint(id, event, at, number):
    return rec(id, f"投诉举报.{event}", at, 投诉举报编号=number, 受理单位="行政执法部门")


def penalty(id, event, at, number):
    return rec(id, f"重大行政处罚.{event}", at, 决定书文号=number, 作出机关="行政执法部门",
               以委托行政机关名义作出=False)


def certificate(id, event, at, number):
    return rec(id, f"行政执法证件.{event}", at, 证件编号=number, 持证人="张三",
               所在部门="行政执法部门")


RECORDS = [
    complaint("c0", "收到", "2023-12-28", "TS-2023-52"),
    complaint("c0-done", "告知受理情况", "2024-01-05", "TS-2023-52"),
    complaint("c1", "收到", "2024-02-07T09:00", "TS-2024-01"),
    complaint("c1-done", "告知受理情况", "2024-02-20T16:00", "TS-2024-01"),
    complaint("c2", "收到", "2025-01-24", "TS-2025-01"),
    complaint("c2-done", "说明不予受理理由", "2025-02-08", "TS-2025-01"),
    complaint("c3", "收到", "2026-02-12", "TS-2026-01"),
    complaint("c3-reg", "编号登记", "2026-02-13", "TS-2026-01"),  # not a completion
    penalty("p1", "作出决定", "2024-09-16", "新管罚决〔2024〕1号"),
    penalty("p1-done", "报送备案", "2024-10-08", "新管罚决〔2024〕1号"),
    penalty("p2", "作出决定", "2025-03-07", "新管罚决〔2025〕1号"),
    penalty("p2-done", "报送备案", "2025-03-24", "新管罚决〔2025〕1号"),
    penalty("p3", "作出决定", "2025-04-16", "新管罚决〔2025〕2号"),
    penalty("p3-done", "报送备案", "2025-05-07", "新管罚决〔2025〕2号"),
    certificate("z1", "核发", "2023-01-01", "ZJ-2023-001"),
    certificate("z1-done", "检验", "2026-01-05", "ZJ-2023-001"),
    certificate("z2", "核发", "2024-02-29", "ZJ-2024-001"),
]

OWNER = {"owner": "行政执法部门", "agency": "行政执法部门"}
EXPECTED = {
    # 2023-12-28 (Thu) + 5 working days, 元旦 2024: 12-29 (1), 12-30, 12-31 weekend, 01-01
    # holiday (no make-up day that year), 01-02..05 (2-5) → 2024-01-05; told on 01-05: met.
    ("c0", TELL): Due("2023-12-28", WD5, "2024-01-05", "met", "c0-done", **OWNER),
    # 2024-02-07 (Wed) + 5 working days, 春节 2024: 02-08 (1), 02-09 除夕 is a working day
    # in 2024 (2), 02-10..17 holidays, 02-18 make-up Sunday (3), 02-19 (4), 02-20 (5)
    # → 2024-02-20; told on 02-20: met on the due date.
    ("c1", TELL): Due("2024-02-07", WD5, "2024-02-20", "met", "c1-done", **OWNER),
    # 2025-01-24 (Fri) + 5 working days, 春节 2025: 01-25 Saturday, 01-26 make-up Sunday
    # (1), 01-27 (2), 01-28..02-04 holidays, 02-05 (3), 02-06 (4), 02-07 (5) → 2025-02-07;
    # the reasons for refusing given on 02-08 (a make-up Saturday): one day late.
    ("c2", TELL): Due("2025-01-24", WD5, "2025-02-07", "met_late", "c2-done", **OWNER),
    # 2026-02-12 (Thu) + 5 working days, 春节 2026: 02-13 (1), 02-14 make-up Saturday (2),
    # 02-15..23 holidays, 02-24 (3), 02-25 (4), 02-26 (5) → 2026-02-26; registering the
    # number (编号登记) does not meet it: open on 02-26.
    ("c3", TELL): Due("2026-02-12", WD5, "2026-02-26", "open", **OWNER),
    # 2024-09-16 (a 中秋 holiday; the start day is not counted either way) + 15 calendar
    # days = 2024-10-01, 国庆 2024 (10-01..07) → rolls to 2024-10-08 (民法典 203); filed on
    # 10-08: met on the due date.
    ("p1", FILE): Due("2024-09-16", D15, "2024-10-08", "met", "p1-done", **OWNER),
    # 2025-03-07 (Fri) + 15 calendar days = 2025-03-22, a Saturday → Monday 2025-03-24;
    # filed on 03-24: met (had the period not rolled, it would be late).
    ("p2", FILE): Due("2025-03-07", D15, "2025-03-24", "met", "p2-done", **OWNER),
    # 2025-04-16 (Wed) + 15 calendar days = 2025-05-01, 劳动节 2025 (05-01..05) → 2025-05-06;
    # filed on 05-07: one day late.
    ("p3", FILE): Due("2025-04-16", D15, "2025-05-06", "met_late", "p3-done", **OWNER),
    # 2023-01-01 + 3 years = 2026-01-01 (民法典 202), 元旦 2026 (01-01..03) → the next working
    # day is the make-up Sunday 2026-01-04; inspected on Monday 01-05: one day late.
    ("z1", CHECK): Due("2023-01-01", Y3, "2026-01-04", "met_late", "z1-done", **OWNER),
    # 2024-02-29 + 3 years: 2027 has no 29 February, so 2027-02-28 (民法典 202) — but the
    # calendar has no 2027 notice: the due date is unknown, never guessed.
    ("z2", CHECK): Due("2024-02-29", Y3, None, "unknown", **OWNER),
    # Each inspection starts the next three years (起算 核发 或 检验): 2026-01-05 + 3 years
    # → 2029-01-05, a year the calendar has no notice for: unknown.
    ("z1-done", CHECK): Due("2026-01-05", Y3, None, "unknown", **OWNER),
}


def test_changchun_xinqu_duties(engine):
    engine.ingest(REGIME, RECORDS)
    result = engine.run(REGIME, "2026-02-26")
    document = json.loads(result.stdout)
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    assert "2027" in result.stderr and "warning" in result.stderr
    # One day later the open complaint is overdue.
    later = by_start(engine.evaluate(REGIME, "2026-02-27"))
    assert later[("c3", TELL)]["state"] == "overdue"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_changchun_xinqu_dates_agree_with_chinese_calendar(key):
    cross_check(EXPECTED[key])

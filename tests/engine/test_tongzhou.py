"""tongzhou (通政发〔2008〕8号, five parts): its ten duties, dates worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "tongzhou.resp"

FILE_OPINION = "协调意见备案"                  # 3 工作日, 限于 协调结果 = "达成一致"
TRANSFER = "移送协调申请"                      # 3 工作日, 限于 职责范围 = "不属于", 移交 且 告知
FEEDBACK = "异地评查反馈评查单"                 # 3 日, 限于 评查方式 = "异地", 负责 a post
OBJECT = "对评查结果提出意见期限"               # 3 日, 限于 评查方式 = "异地", no 负责
SUSPENSION = "暂扣证件处理决定"                 # 2 个月
OUTSIDE = "外来证件备案"                       # 30 日, 限于 证件来源 ≠ "区政府法制办核发"
COMPLAINT = "投诉举报核查答复"                 # 30 日, 限于 是否受理 = "受理"
AFTER_RULING = "复议判决认定后提出追究意见"      # 20 工作日, 负责 a body
AFTER_FINDING = "认定意见后提出追究意见"         # 30 工作日
WD3, WD20, WD30 = (3, "workdays"), (20, "workdays"), (30, "workdays")
D3, D30, M2 = (3, "days"), (30, "days"), (2, "months")
DEPT, OFFICE = "行政执法部门", "区政府.区政府法制办"


def coordination(id, event, at, number, result=None):
    more = {"协调结果": result} if result else {}
    return rec(id, f"执法协调.{event}", at, 协调编号=number, 主动协调部门=DEPT,
               协调事项="联合执法", **more)


def application(id, event, at, number, scope="不属于"):
    return rec(id, f"协调申请.{event}", at, 申请编号=number, 申请部门=DEPT, 协调机关="区政府",
               职责范围=scope)


def spot_check(id, event, at, number, how="异地"):
    return rec(id, f"日常抽查.{event}", at, 抽查编号=number, 被查部门=DEPT, 评查方式=how)


def suspension(id, event, at, number):
    return rec(id, f"证件暂扣.{event}", at, 暂扣通知书编号=number, 证件="ZJ-0101", 持证人="王五",
               区级行政执法主体=DEPT)


def certificate(id, event, at, number, source):
    return rec(id, f"行政执法证件.{event}", at, 证件编号=number, 持证人="钱七",
               所在行政执法主体=DEPT, 证件来源=source)


def complaint(id, event, at, number, accepted="受理"):
    return rec(id, f"投诉举报.{event}", at, 投诉编号=number, 被投诉人员="赵六", 受理机关=DEPT,
               是否受理=accepted)


def liability(id, event, at, number, how):
    return rec(id, f"责任追究.{event}", at, 追究编号=number, 被追究对象="行政执法人员",
               被追究部门=DEPT, 认定方式=how)


RECORDS = [
    coordination("x1", "协调结束", "2024-09-12", "XT-2024-05", "达成一致"),
    coordination("x1-done", "报送备案", "2024-09-18", "XT-2024-05"),
    coordination("x2", "协调结束", "2024-09-12", "XT-2024-06", "未达成一致"),
    application("a1", "收到", "2024-09-26", "SQ-2024-09"),
    application("a1-moved", "移交", "2024-10-08", "SQ-2024-09"),
    application("a2", "收到", "2025-09-25", "SQ-2025-09"),
    application("a2-moved", "移交", "2025-09-29", "SQ-2025-09"),
    application("a2-told", "告知申请部门", "2025-09-30", "SQ-2025-09"),
    application("a3", "收到", "2026-09-18", "SQ-2026-08"),
    application("a3-moved", "移交", "2026-09-22", "SQ-2026-08"),
    application("a3-told", "告知申请部门", "2026-09-22", "SQ-2026-08"),
    application("a4", "收到", "2026-10-08", "SQ-2026-10"),
    application("a5", "收到", "2026-10-08", "SQ-2026-11", scope="属于"),
    spot_check("s1", "评查结束", "2025-01-23", "CC-2025-01"),
    spot_check("s1-done", "反馈评查单", "2025-01-27", "CC-2025-01"),
    spot_check("s2", "评查结束", "2025-01-23", "CC-2025-02", how="现场"),
    spot_check("s3", "收到评查单", "2025-04-30", "CC-2025-04"),
    spot_check("s3-done", "提出意见", "2025-05-06", "CC-2025-04"),
    suspension("z1", "暂扣", "2025-12-31", "ZK-2025-12"),
    suspension("z1-done", "作出处理决定", "2026-03-02", "ZK-2025-12"),
    certificate("c1", "领取", "2024-04-01", "GW-2024-001", "国务院部门核发"),
    certificate("c1-done", "备案", "2024-05-06", "GW-2024-001", "国务院部门核发"),
    certificate("c2", "领取", "2024-04-01", "TZ-2024-001", "区政府法制办核发"),
    complaint("t1", "接到", "2026-04-01", "TS-2026-04"),
    complaint("t2", "接到", "2026-04-01", "TS-2026-05", accepted="不予受理"),
    liability("r1", "知道复议决定或判决", "2026-01-26", "ZJ-2026-01", "复议决定或判决"),
    liability("r1-done", "报送追究意见", "2026-02-28", "ZJ-2026-01", "复议决定或判决"),
    liability("r2", "接到认定意见", "2024-12-25", "ZJ-2024-12", "投诉信访或执法监督中认定"),
    liability("r2-done", "确认不存在违法执法情形", "2025-02-13", "ZJ-2024-12",
              "投诉信访或执法监督中认定"),
]

EXPECTED = {
    # 2024-09-12 (Thu) + 3 working days, 中秋 2024: 09-13 (1), 09-14 make-up Saturday (2),
    # 09-15..17 holidays, 09-18 (3) → 2024-09-18; filed on 09-18: met. (x2 did not agree:
    # no duty.)
    ("x1", FILE_OPINION): Due("2024-09-12", WD3, "2024-09-18", "met", "x1-done",
                              owner=DEPT, agency=DEPT),
    # 2024-09-26 (Thu) + 3 working days, 国庆 2024: 09-27 (1), 09-28 Saturday, 09-29 make-up
    # Sunday (2), 09-30 (3) → 2024-09-30. Moved on 10-08 but never told (移交 且 告知申请部门,
    # 协调规定 12 "同时"): not met, overdue.
    ("a1", TRANSFER): Due("2024-09-26", WD3, "2024-09-30", "overdue", owner="区政府"),
    # 2025-09-25 (Thu) + 3 working days, 国庆·中秋 2025: 09-26 (1), 09-27 Saturday, 09-28
    # make-up Sunday (2), 09-29 (3) → 2025-09-29; moved 09-29, told 09-30: met by the later,
    # late.
    ("a2", TRANSFER): Due("2025-09-25", WD3, "2025-09-29", "met_late", "a2-told"),
    # 2026-09-18 (Fri) + 3 working days, 国庆 2026: 09-19 Saturday, 09-20 make-up Sunday
    # (1), 09-21 (2), 09-22 (3) → 2026-09-22; both done 09-22: met, by the one recorded last.
    ("a3", TRANSFER): Due("2026-09-18", WD3, "2026-09-22", "met", "a3-told"),
    # 2026-10-08 (Thu) + 3 working days: 10-09 (1), 10-10 make-up Saturday of 国庆 2026 (2),
    # 10-12 (3) → 2026-10-12: open on 10-12. (a5 is within its remit: no duty.)
    ("a4", TRANSFER): Due("2026-10-08", WD3, "2026-10-12", "open"),
    # 2025-01-23 (Thu) + 3 calendar days = 2025-01-26, a Sunday but the make-up working day
    # of 春节 2025: it does not roll; fed back Monday 01-27: one day late. Owner: the post
    # the duty names. (s2 was on site: no duty.)
    ("s1", FEEDBACK): Due("2025-01-23", D3, "2025-01-26", "met_late", "s1-done",
                          owner="区政府.区政府法制办.评查人员"),
    # 2025-04-30 + 3 calendar days = 2025-05-03, 劳动节 2025 (05-01..05) → 2025-05-06 (Tue);
    # objections on 05-06: met. The duty names no owner: the record's agency (the
    # department inspected, which is the one to object) stands for it.
    ("s3", OBJECT): Due("2025-04-30", D3, "2025-05-06", "met", "s3-done", owner=DEPT),
    # 2025-12-31 + 2 months: February 2026 has no 31st → 2026-02-28 (民法典 202), a
    # Saturday but the make-up working day after 春节 2026: no roll; decided 03-02: late.
    ("z1", SUSPENSION): Due("2025-12-31", M2, "2026-02-28", "met_late", "z1-done",
                            owner=DEPT, agency=DEPT),
    # 2024-04-01 + 30 calendar days = 2024-05-01, 劳动节 2024 (05-01..05) → 2024-05-06 (Mon);
    # filed on 05-06: met. (c2 was issued by the district: no duty, the ≠ condition.)
    ("c1", OUTSIDE): Due("2024-04-01", D30, "2024-05-06", "met", "c1-done", owner=DEPT),
    # 2026-04-01 + 30 calendar days = 2026-05-01, 劳动节 2026 (05-01..05) → 2026-05-06 (Wed);
    # never answered: overdue on 2026-10-12. (t2 was not accepted: no duty.)
    ("t1", COMPLAINT): Due("2026-04-01", D30, "2026-05-06", "overdue", owner=DEPT),
    # 2026-01-26 (Mon) + 20 working days, 春节 2026: 01-27..30 (1-4), 02-02..06 (5-9),
    # 02-09..13 (10-14), 02-14 make-up Saturday (15), 02-15..23 holidays, 02-24..27
    # (16-19), 02-28 make-up Saturday (20) → 2026-02-28; reported on 02-28: met.
    ("r1", AFTER_RULING): Due("2026-01-26", WD20, "2026-02-28", "met", "r1-done",
                              owner=OFFICE),
    # 2024-12-25 (Wed) + 30 working days over 元旦 and 春节 2025: 12-26, 12-27 (1-2), 12-30,
    # 12-31 (3-4), 01-01 holiday, 01-02, 01-03 (5-6), 01-06..10 (7-11), 01-13..17
    # (12-16), 01-20..24 (17-21), 01-26 make-up Sunday (22), 01-27 (23), 01-28..02-04
    # holidays, 02-05..07 (24-26), 02-08 make-up Saturday (27), 02-10..12 (28-30)
    # → 2025-02-12; concluded 02-13: one day late.
    ("r2", AFTER_FINDING): Due("2024-12-25", WD30, "2025-02-12", "met_late", "r2-done",
                               owner=OFFICE),
}


def test_tongzhou_duties(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-10-12")
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    # The breach of 协调意见备案 would count as the fault its 违反 names; none here is late.
    later = by_start(engine.evaluate(REGIME, "2026-10-13"))
    assert later[("a4", TRANSFER)]["state"] == "overdue"


def test_tongzhou_breach_names_its_fault(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-10-12")
    overdue = [b for b in document["breaches"] if b["start_record"] == "t1"]
    assert overdue == [{
        "duty": COMPLAINT, "regime": "tongzhou", "state": "overdue", "agency": DEPT,
        "owner": DEPT, "matter": "TS-2026-04", "start_record": "t1",
        "start_date": "2026-04-01", "due_date": "2026-05-06", "extended": False,
        "done_record": None, "done_date": None,
        # 2026-05-06 → 2026-10-12: 25 + 30 + 31 + 31 + 30 + 12 = 159 calendar days
        "days_late": 159,
        "counts_as": "未按照规定对投诉举报进行调查处理", "period": "30 日",
        "citation": "北京市通州区行政执法责任制配套制度 人员管理办法 第二十五条",
    }]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_tongzhou_dates_agree_with_chinese_calendar(key):
    cross_check(EXPECTED[key])

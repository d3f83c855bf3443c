"""tongzhou (通政发〔2008〕8号, five parts): a year of records, and what a breach reports.

The hand-worked due dates of its duties are scenarios in jurisdictions/tongzhou.test.resp,
run by `respons test` (tests/test_scenarios.py) and cross-checked with `chinese_calendar`
(tests/engine/test_scenario_dates.py). These records stay here because test_backends.py
evaluates them on every backend (``RECORDS``, ``REGIME``); what is tested here is the report
of a breach, which a scenario does not expect.
"""

from __future__ import annotations

from pathlib import Path

from engine_helpers import rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "tongzhou.resp"

COMPLAINT = "投诉举报核查答复"                 # 30 日, 限于 是否受理 = "受理"
DEPT = "行政执法部门"


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

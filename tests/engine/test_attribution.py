"""Who an obligation is filed under, pauses begun too late, and periods that start before
the calendar's first year of data. Expected dates worked out by hand (reasons beside)."""

from __future__ import annotations

import json

from engine_helpers import Due, assert_obligations, rec

REGIME = """制度 某市责任追究办法 {
  层级 市
  施行 2005-01-01
  日历 cn
}

机关 市政府 〔第二条〕 {}
机关 市场监督管理局 〔第二条〕 {
  性质 法定
  职权 处罚 行政处罚
  机构 法制科 {
    承担 行政处罚
    岗位 科员 { 承担 行政处罚 }
  }
}

记录 追究 〔第三条〕 {
  主键 案号
  字段 被追究机关 机关
  字段 追究机关 机关
  事件 立案, 中止, 恢复, 决定
}

职责 作出追究决定 〔第四条〕 {
  起算 追究.立案
  期限 15 日
  完成 追究.决定
  中止 追究.中止 至 追究.恢复
  负责 追究机关
}

职责 法制科审核 〔第五条〕 {
  起算 追究.立案
  期限 5 工作日
  完成 追究.决定
  负责 市场监督管理局.法制科
}
"""
DECIDE, REVIEW = "作出追究决定", "法制科审核"
D15, W5 = (15, "days"), (5, "workdays")


def case(id_, event, at, key, target="市场监督管理局", by="市政府"):
    return rec(id_, f"追究.{event}", at, 案号=key, 被追究机关=target, 追究机关=by)


def test_obligations_are_filed_under_the_owner_s_agency(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [case("a1", "立案", "2025-03-03", "ZJ-1")])
    document = engine.evaluate(regime, "2025-03-31")
    assert_obligations(document, {
        # 2025-03-03 + 15 days → 2025-03-18 (Tue, a working day). The owner is the record's
        # 追究机关 (an agency field), so the obligation is filed under it, not under the
        # first agency field (被追究机关, the agency being pursued).
        ("a1", DECIDE): Due("2025-03-03", D15, "2025-03-18", "overdue", owner="市政府",
                            agency="市政府"),
        # 2025-03-03 (Mon) + 5 working days: 03-04..07 (1-4), 03-10 (5) → 2025-03-10. The
        # owner is a body the duty names: filed under the body's agency.
        ("a1", REVIEW): Due("2025-03-03", W5, "2025-03-10", "overdue",
                            owner="市场监督管理局.法制科", agency="市场监督管理局"),
    })
    agencies = {a["agency"] for a in document["agencies"]}
    assert agencies == {"市政府", "市场监督管理局"}


def test_a_pause_begun_after_the_due_date_does_not_revive_the_obligation(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [
        case("p1", "立案", "2025-03-03", "ZJ-2"),
        # Due 2025-03-18 (as above); paused only on 03-20, after it passed.
        case("p1-stop", "中止", "2025-03-20", "ZJ-2"),
        case("p1-go", "恢复", "2025-03-25", "ZJ-2"),
        case("p1-decide", "决定", "2025-03-26", "ZJ-2"),
    ])
    assert_obligations(engine.evaluate(regime, "2025-03-31"), {
        ("p1", DECIDE): Due("2025-03-03", D15, "2025-03-18", "met_late", "p1-decide",
                            paused=0),
        ("p1", REVIEW): Due("2025-03-03", W5, "2025-03-10", "met_late", "p1-decide"),
    })
    # While the late pause runs, the obligation stays overdue, not paused.
    during = engine.evaluate(regime, "2025-03-21")
    states = {(o["start_id"], o["duty"]): o["state"] for o in during["obligations"]}
    assert states[("p1", DECIDE)] == "overdue"


def test_a_calendar_day_period_may_start_before_the_calendar_s_first_year(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [case("o1", "立案", "2007-12-20", "ZJ-3"),
                           case("o1-decide", "决定", "2008-01-04", "ZJ-3")])
    result = engine.run(regime, "2008-01-31")
    assert_obligations(json.loads(result.stdout), {
        # 2007-12-20 + 15 days → 2008-01-04 (Fri, a working day in the 2008 notice): the
        # start day needs no calendar data, only the last day does. Met on the day.
        ("o1", DECIDE): Due("2007-12-20", D15, "2008-01-04", "met", "o1-decide"),
        # Working days from 2007-12-20 would need 2007's holidays, which the calendar does
        # not hold: unknown, never guessed.
        ("o1", REVIEW): Due("2007-12-20", W5, None, "unknown", "o1-decide"),
    })
    # The warning names the year the unknown obligation needs, and only that one.
    assert "no data for 2007 (" in result.stderr


def test_a_working_day_period_may_start_on_the_last_day_before_the_calendar(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [case("n1", "立案", "2007-12-31", "ZJ-4")])
    document = engine.evaluate(regime, "2008-01-31")
    ob = {o["duty"]: o for o in document["obligations"] if o["start_id"] == "n1"}
    # The start day is not counted, so 2007's calendar is not needed: 2008-01-01 元旦, then
    # 01-02..04 (1-3), 01-07..08 (4-5) → 2008-01-08, as `respons calendar add` counts it.
    assert ob[REVIEW]["due_date"] == "2008-01-08"
    assert ob[REVIEW]["state"] == "overdue"

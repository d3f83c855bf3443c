"""Scenarios in the language: what a `场景` block builds, and what `respons check` reports of
one — the names it uses, the values it gives fields, its ids and its expectations."""

from __future__ import annotations

import datetime as dt

import pytest

from respons.check.runner import check_paths
from respons.model.scenario import Datum, Fact, GivenField, NoObligation, ObligationExpected
from respons.syntax.parser import parse_text
from scenario_regime import HEADER, REGIME, write


def scenario_of(text: str):
    parsed = parse_text(HEADER + text, "county.test.resp")
    assert parsed.diagnostics == ()
    [scenario] = parsed.regime.scenarios
    return scenario


def test_a_scenario_builds_its_records_and_expectations():
    scenario = scenario_of("""\
场景 投诉 〔第一条〕 {
  截至 2024-06-28
  记录 投诉.收到 T1 2024-03-01T09:30 受理机关 = 行政执法部门, 类别 = 一般,
      紧急 = 是, 金额 = 12.5
  记录 r2 投诉.答复 T1 2024-03-07
  记录 r3 更正 r2 投诉.答复 "T1" 2024-03-06 紧急 = 否
  预期 职责 答复投诉 T1 按期完成, 到期 2024-03-08, 延长 至 无, 完成 r3, 负责 行政执法部门,
      机关 行政执法部门
  预期 职责 答复后回访 T1 起算 2024-03-06 截至 2024-07-01 逾期
  预期 无 职责 答复投诉 T2
}
""")
    assert scenario.name == "投诉" and scenario.as_of == dt.date(2024, 6, 28)
    assert scenario.citation.article == 1
    first, second, third = scenario.records
    assert first.type.text == "投诉.收到" and first.matter == Datum("name", "T1")
    assert first.at == Datum("time", "2024-03-01T09:30")
    assert first.fields == (GivenField("受理机关", Datum("name", "行政执法部门")),
                            GivenField("类别", Datum("name", "一般")),
                            GivenField("紧急", Datum("name", "是")),
                            GivenField("金额", Datum("number", 12.5)))
    assert (second.id, second.corrects, third.id, third.corrects) == ("r2", None, "r3", "r2")
    assert third.matter == Datum("string", "T1")
    # an id nobody wrote is derived from the matter, the event and the time
    assert scenario.record_ids == ("T1.收到.2024-03-01T09:30", "r2", "r3")
    reply, later, none = scenario.expectations
    assert isinstance(reply, ObligationExpected) and reply.duty.text == "答复投诉"
    assert reply.facts == (Fact("state", "met"), Fact("due", dt.date(2024, 3, 8)),
                           Fact("extended", None), Fact("met_by", Datum("name", "r3")),
                           Fact("owner", "行政执法部门"), Fact("agency", "行政执法部门"))
    assert later.which.start == Datum("date", dt.date(2024, 3, 6))
    assert later.as_of == dt.date(2024, 7, 1) and later.facts == (Fact("state", "overdue"),)
    assert isinstance(none, NoObligation) and none.which.matter.text == "T2"


def test_english_keywords_build_the_same_scenario():
    chinese = scenario_of("""\
场景 s {
  截至 2024-06-28
  记录 r1 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般
  记录 更正 r1 投诉.收到 T1 2024-03-02
  预期 职责 答复投诉 T1 起算 r1 逾期完成, 到期 2024-03-08, 延长 至 2024-03-15, 完成 r1
  预期 职责 答复投诉 T1 截至 2024-07-01 无法确定 缺 2027, 到期 无, 负责 无, 机关 无
  预期 无 职责 答复后回访
}
""")
    english = scenario_of("""\
scenario s {
  as-of 2024-06-28
  record r1 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般
  record corrects r1 投诉.收到 T1 2024-03-02
  expect duty 答复投诉 T1 starts r1 met-late, due 2024-03-08, extend to 2024-03-15, met-by r1
  expect duty 答复投诉 T1 as-of 2024-07-01 unknown lacks 2027, due none, owner none, agency no
  expect no duty 答复后回访
}
""")
    assert english == chinese


def test_state_words_that_are_keywords_elsewhere_are_states_here():
    # 中止 is the keyword of a duty's pause; after an expectation's matter it is a state
    scenario = scenario_of(
        "场景 s {\n  截至 2024-06-28\n  预期 职责 答复投诉 T1 中止, 到期 无\n}\n")
    [expectation] = scenario.expectations
    assert expectation.facts == (Fact("state", "paused"), Fact("due", None))


def test_a_file_of_scenarios_only_states_no_level_or_date_of_its_own():
    assert parse_text(HEADER + "场景 s {\n  截至 2024-06-28\n}\n", "x.resp").diagnostics == ()
    # without scenarios it is a regime like any other, and one that declares more as well
    bare = parse_text(HEADER, "x.resp").diagnostics
    assert sorted(d.code for d in bare) == ["R0109", "R0111"]
    more = parse_text(HEADER + "场景 s {\n  截至 2024-06-28\n}\n过错 某过错 〔第一条〕\n", "x.resp")
    assert sorted(d.code for d in more.diagnostics) == ["R0109", "R0111"]
    # a scenario that does not parse is still a scenario: only its own error is reported
    broken = parse_text(
        HEADER + "场景 s {\n  截至 2024-06-28\n  预期 职责 D M 起算 a.b.c 逾期\n}\n", "x.resp")
    assert [d.code for d in broken.diagnostics] == ["R0101"]


def _checked(tmp_path, body: str, as_of: str = "2024-06-28"):
    path = write(tmp_path, f"场景 s {{\n  截至 {as_of}\n{body}}}\n")
    report = check_paths([path], None)
    return [(d.code, d.message, d.help) for d in report.diagnostics]


RECEIVED = "  记录 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n"

WRONG = [
    ("unknown event", "  记录 投诉.收发 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n",
     "R0201", "a scenario's record names '投诉.收发', which is not declared (did you mean "
     "'投诉.收到'?)"),
    ("unknown field", RECEIVED.replace("\n", ", 级别 = 一般\n"), "R0201",
     "投诉 has no field '级别' (did you mean '类别'?)"),
    ("key as a field", RECEIVED.replace("\n", ", 投诉编号 = T1\n"), "R0201",
     "投诉 has no field '投诉编号'; the key 投诉编号 is written after the event"),
    ("misspelt choice", RECEIVED.replace("类别 = 一般", "类别 = 一帮"), "R1301",
     "类别 is one of \"一般\", \"重大\": '一帮' is not one of them (did you mean '一般'?)"),
    ("number for 是否", RECEIVED.replace("\n", ", 紧急 = 7\n"), "R1301",
     "紧急 is 是 or 否: 7 is not 是 or 否"),
    ("number for a date", RECEIVED.replace("\n", ", 收到日期 = 3\n"), "R1301",
     "收到日期 is a date (YYYY-MM-DD): 3 is not a date"),
    ("fraction for 整数", RECEIVED.replace("\n", ", 件数 = 1.5\n"), "R1301",
     "件数 is a whole number: 1.5 is not a whole number"),
    ("undeclared agency", RECEIVED.replace("受理机关 = 行政执法部门", "受理机关 = 某局"),
     "R1301", "受理机关 is the name of an agency: no agency '某局' is declared"),
    ("no matter", "  记录 投诉.收到 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n", "R1303",
     "this record names no matter: 投诉's key '投诉编号' must be given"),
    ("matter of a keyless kind", "  记录 培训.完成 P1 2024-03-01 参训机关 = 行政执法部门\n",
     "R1303", "培训 has no key (主键), so its records name no matter, but this one names 'P1'"),
    ("missing field", "  记录 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门\n", "R1303",
     "this 投诉 record lacks '类别' (not optional)"),
    ("id twice", "  记录 a 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n"
     "  记录 a 投诉.答复 T1 2024-03-02\n", "R1304",
     "two records of this scenario have the id 'a'"),
    ("correction of nothing", RECEIVED + "  记录 更正 T9 投诉.答复 T1 2024-03-02\n", "R1304",
     "`更正`/`corrects` names 'T9', which no earlier record of this scenario has as its id"),
    ("met by no record", RECEIVED + "  预期 职责 答复投诉 T1 按期完成, 完成 r9\n", "R1304",
     "完成/met-by names 'r9', which is the id of no record of this scenario"),
    ("expected twice", RECEIVED + "  预期 职责 答复投诉 T1 逾期\n  预期 职责 答复投诉 T1 逾期\n",
     "R1302", "this expectation of 答复投诉 for T1 repeats or contradicts another"),
    ("none contradicts", RECEIVED + "  预期 职责 答复投诉 T1 逾期\n  预期 无 职责 答复投诉\n",
     "R1302", "this expectation of 答复投诉 repeats or contradicts another"),
    ("lacks a year but met", RECEIVED + "  预期 职责 答复投诉 T1 按期完成 缺 2027\n", "R1305",
     "`缺`/`lacks` names the year a due date cannot be determined for, but this obligation "
     "is not expected unknown"),
    ("met by a record but open", RECEIVED + "  预期 职责 答复投诉 T1 未到期, 完成 2024-03-02\n",
     "R1305", "an obligation is met by a record exactly when it is 按期完成 or 逾期完成, and "
     "this one is expected open"),
    ("unknown with a date", RECEIVED + "  预期 职责 答复投诉 T1 无法确定, 到期 2024-03-08\n",
     "R1305", "an obligation whose due date cannot be determined has none, but 2024-03-08 is "
     "expected"),
    ("unknown duty", RECEIVED + "  预期 职责 答复头诉 T1 逾期\n", "R0201",
     "an expectation names '答复头诉', which is not declared (did you mean '答复投诉'?)"),
    ("undeclared agency expected", RECEIVED + "  预期 职责 答复投诉 T1 逾期, 机关 某局\n",
     "R0201", "an expectation's 机关/agency names '某局', which is not declared"),
    ("misspelt state", RECEIVED + "  预期 职责 答复投诉 T1 按期完城\n", "R0107",
     "unknown state of an obligation '按期完城' (did you mean '按期完成' or '按期' or "
     "'逾期完成'?)"),
    ("fact twice", RECEIVED + "  预期 职责 答复投诉 T1 逾期, 到期 2024-03-08, 到期 2024-03-09\n",
     "R0108", "the due date is given twice in this expectation"),
    ("a field compared", RECEIVED.replace("类别 = 一般", "类别 >= 一般"), "R0101",
     "a record's field is given with `=`, not `>=`"),
    ("no such time", "  记录 投诉.收到 T1 2024-02-30T10:00 受理机关 = 行政执法部门, 类别 = 一般\n",
     "R0105", "2024-02-30T10:00 is not a time on the calendar"),
]


@pytest.mark.parametrize(("body", "code", "message"), [w[1:] for w in WRONG],
                         ids=[w[0] for w in WRONG])
def test_check_reports_what_a_scenario_cannot_mean(tmp_path, body, code, message):
    found = _checked(tmp_path, body)
    assert [(c, m) for c, m, _ in found if c == code] == [(code, message)], found
    assert [c for c, _, _ in found] == [code]  # and nothing else


def test_a_scenario_without_its_date_and_one_named_twice(tmp_path):
    path = write(tmp_path, "场景 s {\n}\n场景 s {\n  截至 2024-06-28\n}\n")
    diagnostics = check_paths([path], None).diagnostics
    assert sorted((d.code, d.message) for d in diagnostics) == [
        ("R0109", "this scenario has no 截至/as-of"), ("R0202", "scenario 's' is declared twice")]
    [twice] = [d for d in diagnostics if d.code == "R0202"]
    assert [(r.span.line, r.message) for r in twice.related] == [(5, "first declared here")]


def test_a_sound_scenario_checks_clean_and_its_names_share_no_scope(tmp_path):
    # a scenario may be named like a duty: its name is its own
    path = write(tmp_path, "场景 答复投诉 {\n  截至 2024-06-28\n" + RECEIVED
                 + "  记录 投诉.答复 T1 2024-03-07 金额 = \"12.50\"\n"
                 + "  预期 职责 答复投诉 T1 按期完成, 完成 2024-03-07\n}\n")
    assert check_paths([path], None).diagnostics == ()


def test_fields_a_matter_s_first_record_gives_are_its_later_records_too(tmp_path):
    # 类别 and 受理机关 are given once: the 答复 needs them no more than a real record would
    assert _checked(tmp_path, RECEIVED + "  记录 投诉.答复 T1 2024-03-07\n") == []
    assert [c for c, _, _ in _checked(tmp_path, RECEIVED + "  记录 投诉.答复 T2 2024-03-07\n")] \
        == ["R1303"]


def test_the_regime_the_scenarios_test_is_checked_too(tmp_path):
    path = write(tmp_path, "场景 s {\n  截至 2024-06-28\n}\n",
                 regime=REGIME.replace("期限 10 日", "期限 10 天天"))
    assert {d.code for d in check_paths([path], None).diagnostics} == {"R0107"}

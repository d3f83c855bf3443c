"""The language of liability (issue 10): each construct parses to its model, shows, and is
checked — counts per subject with windows and a later event, circumstances by the case's
fields or left to the decision-maker, 应当/可以, 单独或者合并, bearers joined three ways,
measures 施于 whom, entrustment in general, the proceeding."""

from __future__ import annotations

import json

from respons.syntax.parser import parse_text

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
RECORDS = """
记录 投诉举报 〔第三十七条〕 {
  主键 编号
  字段 被投诉人 人员
  字段 查证结果 之一 "属实", "不属实"
  事件 收到, 核实
}
记录 追究案件 〔第三十五条〕 {
  主键 案件编号
  字段 过错 文本
  字段 责任人 人员
  字段 主要负责人 人员
  字段 分管负责人 人员
  字段 过错程度 之一 "一般过错", "重大过错"
  事件 决定
}
"""


def _regime(text: str):
    parsed = parse_text(HEADER + text, "x.resp")
    assert not parsed.diagnostics, [d.message for d in parsed.diagnostics]
    return parsed.regime


def test_a_count_per_officer_with_a_later_event_and_its_window():
    regime = _regime(RECORDS + """
情形 一年内三次投诉查证属实 〔第三十七条〕 {
  计数 投诉举报.收到 其后 投诉举报.核实 限于 查证结果 = "属实" 按 被投诉人 对应 责任人 \
近 1 年 >= 3 次
}
情形 同一年度两次 〔第三十五条〕 {
  计数 追究案件.决定 按 责任人, 过错 同一年度 >= 2 次
}
""")
    first, second = (c.count for c in regime.circumstances)
    assert first.later.event.text == "投诉举报.核实" and first.later.where is not None
    assert [(g.field, g.against) for g in first.groups] == [("被投诉人", "责任人")]
    assert first.window.unit == "years" and not first.same_year
    assert second.same_year and second.window is None
    assert [(g.field, g.against) for g in second.groups] == [("责任人", "责任人"), ("过错", "过错")]


def test_modal_words_combinations_and_bearers_joined_three_ways():
    regime = _regime(RECORDS + """
过错 甲 〔第一条〕
情形 轻 〔第二条〕
措施 A 〔第三条〕 { 轻重 1; 施于 主要负责人 或 分管负责人 }
措施 B 〔第三条〕 { 轻重 2; 决定 任免机关 }
阶梯 L 〔第四条〕 {
  第1级 甲 => 可以 单独或者合并 A、B
  从轻 轻 => 可以 免予追究
}
责任划分 H 〔第五条〕 {
  情形 甲 => 主要负责人 主要 领导责任 或 分管负责人
  情形 轻 => 上级机关 分别 本机关
}
""")
    step = regime.ladders[0].steps[0]
    assert step.modal == "may" and step.combine and step.options == (
        (step.options[0][0],), (step.options[1][0],))
    assert regime.ladders[0].modifiers[0].modal == "may"
    assert regime.measures[0].falls_on == ("principal", "deputy")
    assert regime.measures[1].decided_by.text == "任免机关"
    first, second = regime.apportionments[0].rules
    assert first.joiner == "or" and second.joiner == "severally"
    bearer = first.bearers[0]
    assert (bearer.reference, bearer.share, bearer.kind) == ("主要负责人", "main", "leadership")


def _codes(tmp_path, text: str) -> list[str]:
    from respons.check.runner import check_paths

    path = tmp_path / "x.resp"
    path.write_text(HEADER + text, "utf-8")
    return [d.code for d in check_paths([path], None).diagnostics if d.severity == "error"]


def test_an_entrustment_named_in_general_passes_r0304(tmp_path):
    text = ("机关 局 〔第三条〕 {\n  性质 法定\n}\n"
            "机关 所 〔第三条〕 {\n  性质 委托\n  委托机关 局 〔第三条〕\n}\n")
    assert _codes(tmp_path, text) == []
    wrong = ("机关 所 〔第三条〕 {\n  性质 法定\n  委托机关 局\n}\n"
             "机关 局 〔第三条〕 {\n  性质 法定\n}\n")
    assert _codes(tmp_path, wrong) == ["R0304"]


def test_the_proceeding_shows_in_text_and_json(respons, tmp_path):
    path = tmp_path / "x.resp"
    path.write_text(HEADER + RECORDS + """
过错 甲 〔第一条〕
情形 重大 〔第二条〕 {
  依据 案件.过错程度 = "重大过错"
}
措施 A 〔第三条〕 { 轻重 1 }
阶梯 L 〔第四条〕 {
  第1级 甲 => A
}
追究 P 〔第六条〕 {
  案件 追究案件.决定
  过错 过错
  阶梯 L
}
""", "utf-8")
    assert respons("check", str(path)).exit_code == 0
    text = respons("show", str(path)).stdout
    assert "责任追究 Liability proceedings" in text and "    案件 追究案件.决定" in text
    assert '重大 = 条件 案件.过错程度 = "重大过错"' in text
    data = json.loads(respons("show", "--format", "json", str(path)).stdout)
    [proceeding] = data["regime"]["proceedings"]
    assert proceeding["case"] == "追究案件.决定" and proceeding["fault_field"] == "过错"


def test_a_right_within_a_window_is_checked_and_shown(respons):
    from paths import ROOT

    path = ROOT / "tests" / "golden" / "invalid" / "rights.resp"
    regime = parse_text(path.read_text("utf-8"), "rights.resp").regime
    review, until, _ = regime.rights
    assert (review.period.amount, review.period.unit, review.holder, review.suspends) == \
        (30, "days", "当事人", False)
    assert until.until_field == "回复期限" and until.suspends and until.period is None
    result = respons("check", str(path))
    assert result.exit_code == 1
    assert "R0403: record kind '追究决定' has no field '无此字段'" in result.stdout
    assert "期限 至 of right 坏 names '当事人', a 人员 field, not a date" in result.stdout
    assert "R0201: 行使/exercised-by names '追究决定.申诉'" in result.stdout


def test_a_bearer_is_read_off_the_cases_of_the_proceedings_that_apportion(tmp_path):
    """R0610 asks the bearer's field of the case records of the proceedings that use the
    责任划分, not of every proceeding's (guizhou-edu's 纠正过错 does not apportion), and a
    count's comparison field of the cases of the proceedings whose ladders read it."""
    text = RECORDS.replace("  字段 过错程度", "  字段 涉事人员 人员\n  字段 过错程度") + """
记录 纠正 〔第十四条〕 {
  主键 通知编号
  字段 过错 文本
  事件 发现
}
过错 甲 〔第一条〕
情形 重大 〔第二条〕 {
  依据 案件.过错程度 = "重大过错"
}
情形 多次 〔第三条〕 {
  计数 投诉举报.核实 按 被投诉人 对应 责任人 近 1 年 >= 3 次
}
措施 A 〔第三条〕 { 轻重 1 }
阶梯 L 〔第四条〕 {
  第1级 甲 => A
  从重 多次 => 最重
}
阶梯 M 〔第四条〕 {
  第1级 甲 => A
}
责任划分 H 〔第五条〕 {
  情形 重大 => 涉事人员
}
追究 P 〔第六条〕 {
  案件 追究案件.决定
  过错 过错
  阶梯 L
  责任划分 H
}
追究 Q 〔第七条〕 {
  案件 纠正.发现
  过错 过错
  阶梯 M
}
"""
    assert _codes(tmp_path, text) == []
    # The same 责任划分 applied to the 纠正 cases too: now their record must name the bearers.
    both = text.replace("  阶梯 M\n}", "  阶梯 M\n  责任划分 H\n}")
    assert _codes(tmp_path, both) == ["R0610"]
    # And a ladder of Q reading the count: 纠正 has no 责任人 to compare with.
    counted = text.replace("阶梯 M 〔第四条〕 {\n  第1级 甲 => A\n}",
                           "阶梯 M 〔第四条〕 {\n  第1级 甲 => A\n  从重 多次 => 最重\n}")
    assert _codes(tmp_path, counted) == ["R0612"]

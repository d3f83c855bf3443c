"""Parsing: what a regime says becomes the model, in either language, wherever written."""

from __future__ import annotations

import datetime as dt

from respons.model import AllOf, AnyOf, Compare, Not, Ref
from respons.syntax.parser import parse_text

CHINESE = """
# 杭州市行政执法责任制规定 (part)
制度 杭州市行政执法责任制规定 {
  层级 市
  制定机关 "杭州市人民政府"
  文号 "杭州市人民政府令第230号"
  公布 2006-09-25
  施行 2006-12-01
  日历 cn
}
机关 市场监督管理局 〔第二条〕 {
  性质 法定
  职权 处罚 无照经营处罚 { 依据 "《无证无照经营查处办法》第十三条" }
  机构 稽查科 {
    承担 无照经营处罚
    岗位 科员 { 角色 承办; 承担 无照经营处罚; 资格 执法证; 培训 72 学时 每年 }
  }
  岗位 局长 { 角色 第一责任人, 批准 }
}
记录 责任追究 {
  主键 案号
  字段 机关 机关
  字段 承办人 人员 可选
  字段 重大 是否
  事件 受理, 立案, 决定
}
职责 立案审查 〔第四十六条〕 {
  起算 责任追究.受理 限于 重大 = 是
  期限 7 工作日
  完成 责任追究.立案 或 责任追究.决定
  延长 15 工作日 经 主管机关 〔第四十八条第一款〕
  负责 承办人
}
情形 情节轻微 〔第四十条第（二）项〕
情形 一年内三次 〔第四十二条第（二）项〕 { 计数 责任追究.决定 近 1 年 >= 3 次 }
措施 通报批评 〔第三十九条第（三）项〕 { 轻重 3; 对象 人员 }
阶梯 人员责任 〔第四十条〕 {
  对象 人员
  第1级 情节轻微 且 非 一年内三次 => 通报批评 〔第（二）项〕
  从重 一年内三次 => 加重一级 〔第四十二条〕
}
"""

ENGLISH = """
# the same regime with English keywords
regime 杭州市行政执法责任制规定 {
  level city
  issuer "杭州市人民政府"
  number "杭州市人民政府令第230号"
  issued 2006-09-25
  effective 2006-12-01
  calendar cn
}
agency 市场监督管理局 [art. 2] {
  status statutory
  power penalty 无照经营处罚 { basis "《无证无照经营查处办法》第十三条" }
  body 稽查科 {
    holds 无照经营处罚
    post 科员 { role handler; holds 无照经营处罚; requires certificate; training 72 hours yearly }
  }
  post 局长 { role principal, approver }
}
record 责任追究 {
  key 案号
  field 机关 agency
  field 承办人 officer optional
  field 重大 boolean
  event 受理, 立案, 决定
}
duty 立案审查 [art. 46] {
  starts 责任追究.受理 where 重大 = 是
  within 7 workdays
  met-by 责任追究.立案 or 责任追究.决定
  extend 15 workdays approved-by 主管机关 [art. 48(1)]
  owner 承办人
}
circumstance 情节轻微 [article 40 item 2]
circumstance 一年内三次 [art. 42 item 2] { count 责任追究.决定 in-last 1 years >= 3 times }
measure 通报批评 [art. 39 item 3] { severity 3; subject officer }
ladder 人员责任 [art. 40] {
  subject officer
  step 1 情节轻微 and not 一年内三次 => 通报批评 [item 2]
  aggravate 一年内三次 => raise 1 [art. 42]
}
"""


def test_chinese_and_english_keywords_give_the_same_model():
    chinese = parse_text(CHINESE, "hangzhou.resp")
    english = parse_text(ENGLISH, "hangzhou.resp")
    assert chinese.diagnostics == () and english.diagnostics == ()
    assert chinese.regime == english.regime


def test_header_and_elements():
    regime = parse_text(CHINESE, "hangzhou.resp").regime
    assert regime.id == "hangzhou"
    assert regime.level == "city" and regime.calendar == "cn"
    assert regime.effective == dt.date(2006, 12, 1)
    agency = regime.agencies[0]
    assert agency.status == "statutory"
    assert agency.powers[0].type == "penalty"
    assert agency.powers[0].basis == ("《无证无照经营查处办法》第十三条",)
    [(_body, post), (_, head)] = [(b.name if b else None, p) for b, p in agency.all_posts()][::-1]
    assert post.roles == ("handler",) and post.requirements == ("certificate",)
    assert post.training[0].hours == 72 and post.training[0].when == "yearly"
    assert head.roles == ("principal", "approver")
    duty = regime.duties[0]
    assert duty.starts.event == Ref(("责任追究", "受理"))
    assert isinstance(duty.starts.where, Compare)
    assert duty.period.amount == 7 and duty.period.unit == "workdays"
    assert duty.met_by == (Ref(("责任追究", "立案")), Ref(("责任追究", "决定")))
    assert duty.extensions[0].approver == Ref(("主管机关",))
    assert duty.extensions[0].citation.article == 48
    step = regime.ladders[0].steps[0]
    assert step.level == 1
    assert step.condition == AllOf((Ref(("情节轻微",)), Not(Ref(("一年内三次",)))))
    assert regime.ladders[0].modifiers[0].effects[0].kind == "raise"
    assert regime.ladders[0].modifiers[0].effects[0].steps == 1
    count = regime.circumstances[1].count
    assert (count.op, count.threshold, count.window.unit) == (">=", 3, "years")


def test_spans_point_at_what_was_written_and_do_not_count_in_equality():
    parsed = parse_text(CHINESE, "hangzhou.resp")
    duty = parsed.regime.duties[0]
    lines = CHINESE.splitlines()
    duty_line = lines.index("职责 立案审查 〔第四十六条〕 {") + 1
    assert (duty.span.line, duty.span.column) == (duty_line, 1)
    assert (duty.period.span.line, duty.period.span.column) == (duty_line + 2, 6)
    moved = parse_text("\n\n   " + CHINESE.replace("  ", "    "), "hangzhou.resp")
    assert moved.regime == parsed.regime
    assert moved.regime.duties[0].span != duty.span


def test_keywords_count_only_where_the_grammar_expects_them():
    text = """制度 规定 { 层级 市; 施行 2020-01-01 }
记录 决定 { 字段 机关 机关; 字段 期限 日期; 事件 决定, 完成 }
职责 期限内决定 〔第一条〕 { 起算 决定.决定; 期限 5 日; 完成 决定.完成 }
"""
    parsed = parse_text(text, "t.resp")
    assert parsed.diagnostics == ()
    record = parsed.regime.records[0]
    assert [f.name for f in record.fields] == ["机关", "期限"]
    assert record.fields[0].type.kind == "agency"
    assert parsed.regime.duties[0].name == "期限内决定"


def test_chinese_forms_of_dates_strings_names_and_parentheses():
    text = """制度 「某县规定」 { 层级 县; 施行 2019年1月1日; 制定机关 “某县人民政府” }
情形 「情节轻微（初犯）」 〔第十条〕
情形 主动纠正 〔第十一条〕
措施 批评教育 〔第十二条〕 { 轻重 1 }
阶梯 人员责任 〔第十三条〕 { 第 一 级 （「情节轻微（初犯）」 或 主动纠正） => 批评教育 }
"""
    parsed = parse_text(text, "t.resp")
    assert parsed.diagnostics == ()
    regime = parsed.regime
    assert regime.effective == dt.date(2019, 1, 1)
    assert regime.issuer == "某县人民政府"
    assert regime.circumstances[0].name == "情节轻微（初犯）"
    assert isinstance(regime.ladders[0].steps[0].condition, AnyOf)
    assert regime.ladders[0].steps[0].level == 1


def test_a_statement_may_continue_after_a_connective():
    text = """制度 规定 { 层级 市; 施行 2020-01-01 }
情形 甲 〔第一条〕
情形 乙 〔第一条〕
阶梯 阶梯一 〔第二条〕 {
  第1级 甲 => 批评
  不予追究 甲 或
      乙
}
措施 批评 〔第三条〕 { 轻重 1 }
"""
    parsed = parse_text(text, "t.resp")
    assert parsed.diagnostics == ()
    assert parsed.regime.ladders[0].modifiers[0].condition == AnyOf((Ref(("甲",)), Ref(("乙",))))


def test_relative_citations_are_completed_by_their_block():
    regime = parse_text(CHINESE, "hangzhou.resp").regime
    ladder = regime.ladders[0]
    step = ladder.steps[0].citation.within(ladder.citation)
    assert (step.regime, step.article, step.item) == ("hangzhou", 40, 2)
    absolute = ladder.modifiers[0].citation.within(ladder.citation)
    assert (absolute.article, absolute.item) == (42, None)


def test_a_file_that_parses_is_complete_and_a_broken_one_keeps_its_sound_statements():
    broken = CHINESE.replace("期限 7 工作日", "期限 7 工作日 工作日")
    parsed = parse_text(broken, "hangzhou.resp")
    assert not parsed.complete
    # The broken 期限 costs that statement: the duty is built from the others, and is not
    # said to lack the 期限 it has (R0109).
    assert [d.code for d in parsed.diagnostics] == ["R0101"]
    assert [d.name for d in parsed.regime.agencies] == ["市场监督管理局"]
    [duty] = parsed.regime.duties
    assert (duty.name, duty.period) == ("立案审查", None)
    assert duty.starts is not None and duty.met_by
    assert parsed.lost.partial == {"立案审查"} and not parsed.lost.names
    assert parsed.regime.ladders[0].name == "人员责任"

"""Typed conditions (issue 9): what each field's type lets a condition do, the keywords a
drafter writes (或者, 并且…), 且 over 或, and Chinese numerals wherever a number stands."""

from __future__ import annotations

import pytest

from respons.check.runner import check_paths
from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf
from respons.registry import Registry, plugin_manager
from respons.syntax.keywords import KEYWORDS
from respons.syntax.parser import parse_text

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
RECORD = """机关 市场监督管理局 〔第一条〕 {
  性质 法定
  机构 执法科 〔第一条〕 { 岗位 执法人员 }
}
记录 投诉 〔第二条〕 {
  主键 编号
  字段 机关 机关
  字段 结果 之一 "属实", "不属实"
  字段 重大 是否
  字段 罚款 金额
  字段 收到日 日期
  字段 收到时间 时间
  字段 承办人 人员
  字段 岗位 岗位
  字段 摘要 文本
  事件 收到, 答复
}
"""


def duty(where: str) -> str:
    return (f"职责 答复 〔第三条〕 {{\n  起算 投诉.收到 限于 {where}\n  期限 7 日\n"
            "  完成 投诉.答复\n}\n")


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def check(tmp_path, registry):
    """Check a regime; return its diagnostics as (code, message) pairs."""
    def run(text: str):
        path = tmp_path / "main.resp"
        path.write_text(HEADER + text, "utf-8")
        return [(d.code, d.message) for d in check_paths([path], registry).diagnostics]
    return run


# ── what each type accepts ───────────────────────────────────────────────────────────
@pytest.mark.parametrize("where", [
    '结果 = "属实"', "结果 = 不属实", '结果 ≠ "属实"', "重大", "非 重大", "重大 = 是",
    "重大 != 否", "罚款 >= 10000", "罚款 < 五万", "收到日 >= 2024-01-01",
    "收到时间 < 2024年3月1日", "机关 = 市场监督管理局", '机关 = "市场监督管理局"',
    "岗位 = 执法人员", '岗位 = "市场监督管理局.执法人员"',
    '岗位 = "市场监督管理局.执法科.执法人员"',
    '承办人 = "张三"', '摘要 = "无"', '编号 = "A-1"',
])
def test_a_condition_that_fits_its_field_checks_clean(check, where):
    assert check(RECORD + duty(where)) == []


def test_a_misspelt_choice_value_is_reported_with_the_nearest_value(check):
    [(code, message)] = check(RECORD + duty('结果 = "属"'))
    assert code == "R1202"
    assert "'属' is not one of the values of 结果" in message and "'属实'" in message


@pytest.mark.parametrize(("where", "code", "words"), [
    ("收到日 >= 7", "R1201", "日期 field, compared here with a number"),
    ('罚款 >= "很多"', "R1201", "金额 field, compared here with a string"),
    ("罚款 = 2024-01-01", "R1201", "compared here with a date"),
    ("重大 = 7", "R1201", "是否 field (true or false), compared here with = 7"),
    ("重大 >= 是", "R1201", "compared here with >= 是"),
    ('重大 = "是"', "R1201", '= "是"'),
    ('结果 >= "属实"', "R1201", "it has no order"),
    ("摘要 = 5", "R1201", "文本 field, compared here with a number"),
    ("机关", "R1203", "'机关' is a 机关 field of 投诉, not a truth value"),
    ("结果 且 重大", "R1203", "is a 之一"),
    ("编号", "R1203", "(its key)"),
    ("机关 = 市场监管局", "R1204", "'市场监管局' is not one the regime declares"),
    ("岗位 = 执法员", "R1204", "did you mean"),
    ("重大案件", "R0403", "has no field '重大案件'"),
])
def test_a_condition_that_does_not_fit_its_field_is_an_error(check, where, code, words):
    [(found, message)] = check(RECORD + duty(where))
    assert found == code and words in message, message


def test_a_comparison_where_names_are_circumstances_is_an_error(check):
    text = RECORD + """情形 情节严重 〔第四条〕
措施 批评 〔第五条〕 { 轻重 1 }
阶梯 责任 〔第六条〕 {
  第1级 情节严重 = 是 => 批评
}
"""
    assert [c for c, _ in check(text)] == ["R1201"]


def test_a_veto_may_count_an_event_but_not_compare_it_with_text(check):
    text = RECORD + """考核 年度考核 〔第七条〕 {
  方案 等次评定
  等级 合格
  等级 不合格
  否决 投诉.收到 >= 三 次 => 不合格
  否决 投诉.答复 = "有" => 不合格
}
"""
    assert [c for c, _ in check(text)] == ["R1201"]


def test_a_count_of_faults_has_no_fields_to_filter(check):
    text = RECORD + """过错 拖延 〔第八条〕
情形 屡次拖延 〔第八条〕 { 计数 拖延 限于 重大 近 1 年 >= 2 次 }
"""
    assert [c for c, _ in check(text)] == ["R1206"]


def test_a_count_of_a_duty_filters_on_the_record_kind_that_starts_it(check):
    text = RECORD + duty("重大") + """情形 屡次 〔第八条〕 {
  计数 答复 限于 结果 = "属" 近 1 年 >= 2 次
}
"""
    assert [c for c, _ in check(text)] == ["R1202"]


# ── precedence ───────────────────────────────────────────────────────────────────────
def _step(condition: str):
    text = HEADER + f"阶梯 梯 〔第一条〕 {{\n  第1级 {condition} => 批评\n}}\n"
    return parse_text(text, "p.resp").regime.ladders[0].steps[0].condition


def test_and_binds_tighter_than_or_and_brackets_group():
    a, b, c = (Ref((n,)) for n in "甲乙丙")
    assert _step("甲 或 乙 且 丙") == AnyOf((a, AllOf((b, c))))
    assert _step("甲 且 乙 或 丙") == AnyOf((AllOf((a, b)), c))
    assert _step("(甲 或 乙) 且 丙") == AllOf((AnyOf((a, b)), c))


# ── the spellings a drafter writes ───────────────────────────────────────────────────
@pytest.mark.parametrize("spelling", KEYWORDS["KW_OR"])
def test_every_spelling_of_or_is_or(spelling):
    assert _step(f"甲 {spelling} 乙") == _step("甲 或 乙")


@pytest.mark.parametrize("spelling", KEYWORDS["KW_AND"])
def test_every_spelling_of_and_is_and(spelling):
    assert _step(f"甲 {spelling} 乙") == _step("甲 且 乙")


def test_huozhe_in_a_condition_and_in_measures_parses():
    text = HEADER + ("阶梯 梯 〔第一条〕 {\n  第1级 甲 或者 乙 并且 丙 => "
                     "批评 或者 警告 以及 检查\n}\n")
    parsed = parse_text(text, "p.resp")
    assert not parsed.diagnostics
    step = parsed.regime.ladders[0].steps[0]
    assert step.options == ((Ref(("批评",)),), (Ref(("警告",)), Ref(("检查",))))


def test_a_name_holding_a_keyword_spelling_stays_one_name():
    # 或者 inside a name (samr: 免予或者不予处分) is no keyword.
    assert _step("免予或者不予处分 或者 乙") == AnyOf((Ref(("免予或者不予处分",)), Ref(("乙",))))


# ── Chinese numerals wherever a number stands ────────────────────────────────────────
DIGITS = """记录 案件 〔第一条〕 {
  主键 编号
  事件 立案, 办结
}
职责 办结 〔第二条〕 {
  起算 案件.立案
  期限 15 日
  延长 30 日
  完成 案件.办结
}
情形 多次 〔第三条〕 { 计数 案件.立案 近 1 年 >= 3 次 }
措施 批评 〔第四条〕 { 轻重 2 }
阶梯 梯 〔第五条〕 {
  step 1 多次 => 批评
  从重 多次 => 加重 2
}
"""


def _numbers(text: str):
    return parse_text(HEADER + text, "n.resp")


@pytest.mark.parametrize(("digits", "chinese"), [
    ("期限 15 日", "期限 十五 日"), ("延长 30 日", "延长 三十 日"),
    ("近 1 年 >= 3 次", "近 一 年 >= 三 次"), ("轻重 2", "轻重 二"), ("step 1", "step 一"),
    ("加重 2", "加重 两"),
])
def test_numerals_in_periods_counts_severities_and_steps(digits, chinese):
    written, spelt = _numbers(DIGITS), _numbers(DIGITS.replace(digits, chinese))
    assert not spelt.diagnostics and not written.diagnostics
    assert spelt.regime == written.regime


ASSESS = """考核 年度 〔第一条〕 {
  方案 百分制
  满分 100
  项目 执法 60 分 {
    每 案件.逾期 扣 2 分
  }
  项目 其他 40 分
  等级 优秀 95 以上
  等级 合格 >= 60 且 不满 95
  等级 不合格 < 60
  边界 60 => 合格
  后果 不合格 连续 2 年 => 批评
  权重 自评 30 %
  权重 组织考评 70 %
}
记录 案件 〔第二条〕 {
  主键 编号
  事件 逾期
}
措施 批评 〔第三条〕 { 轻重 1 }
"""


@pytest.mark.parametrize(("digits", "chinese"), [
    ("满分 100", "满分 一百"), ("执法 60 分", "执法 六十 分"), ("扣 2 分", "扣 二 分"),
    ("95 以上", "九十五 以上"), ("不满 95", "不满 九十五"), ("< 60", "< 六十"),
    ("边界 60", "边界 六十"), ("连续 2 年", "连续 两 年"), ("自评 30 %", "自评 三十 %"),
])
def test_numerals_in_points_bands_boundaries_consequences_and_weights(digits, chinese):
    written, spelt = _numbers(ASSESS), _numbers(ASSESS.replace(digits, chinese))
    assert not spelt.diagnostics and not written.diagnostics
    assert spelt.regime == written.regime


def test_numerals_in_training_hours_and_comparisons():
    post = "机关 局 〔第一条〕 {{ 性质 法定; 岗位 科员 {{ 培训 {} 学时 每年 }} }}\n"
    assert _numbers(post.format("四十")).regime == _numbers(post.format("40")).regime
    assert _step("罚款 >= 一万二千") == _step("罚款 >= 12000")
    assert _step("罚款 >= 一万零五百") == _step("罚款 >= 10500")


def test_the_fix_for_a_window_run_together_checks_clean(check):
    # 近一年 is one word; written apart, the Chinese numeral is accepted as it stands.
    text = RECORD + '情形 屡次 〔第八条〕 { 计数 投诉.收到 限于 结果 = "属实" 近 一 年 >= 三 次 }\n'
    assert check(text) == []


@pytest.mark.parametrize("bad", ["十十", "三四", "一万五"])
def test_numerals_no_statute_writes_are_an_error(bad):
    parsed = parse_text(HEADER + DIGITS.replace("期限 15 日", f"期限 {bad} 日"), "n.resp")
    assert [d.code for d in parsed.diagnostics] == ["R1208"]


def test_a_keyword_run_into_a_name_is_split_at_its_longest_spelling(check):
    text = RECORD + "情形 甲 〔第九条〕\n情形 乙 〔第九条〕\n措施 批评 〔第九条〕 { 轻重 1 }\n" \
        "阶梯 梯 〔第九条〕 {\n  第1级 甲 或者乙 => 批评\n}\n"
    [(code, message)] = check(text)
    assert code == "R0101" and "`或者`" in message, message

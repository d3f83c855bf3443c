"""Named conditions (条件, and 情形 … { 条件 … }) and fault categories (属于): defined once,
used wherever a condition stands, checked where they are used, never defined in terms of
themselves, and shown opened by `respons show` with their citations."""

from __future__ import annotations

import json

import pytest

from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
LIABILITY = """过错 行政执法过错 〔第九条〕 { 对象 人员 }
过错 超越职权 〔第十条第（一）项〕 {
  对象 人员
  属于 行政执法过错
}
过错 违反程序 〔第十条第（二）项〕 { 对象 人员; 属于 行政执法过错 }
情形 情节轻微 〔第十一条〕
情形 涉嫌犯罪 〔第十一条〕
措施 批评 〔第十二条〕 { 轻重 1 }
措施 移送 〔第十二条〕 { 轻重 2 }
"""
RECORD = """记录 案件 〔第一条〕 {
  主键 编号
  字段 重大 是否
  字段 罚款 金额
  事件 立案, 办结
}
"""


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def write(tmp_path):
    def run(text: str):
        path = tmp_path / "main.resp"
        path.write_text(HEADER + text, "utf-8")
        return path
    return run


@pytest.fixture
def check(write, registry):
    """Check a regime; return its diagnostics as (code, line in the text, message)."""
    def run(text: str):
        skip = HEADER.count("\n")
        return [(d.code, d.span.line - skip, d.message)
                for d in check_paths([write(text)], registry).diagnostics]
    return run


def test_a_named_condition_stands_for_its_list_in_every_step(check):
    assert check(LIABILITY + """条件 第十条所列 〔第十条〕 { 超越职权 或者 违反程序 }
阶梯 责任 〔第十三条〕 {
  第1级 第十条所列 => 批评
  第2级 第十条所列 且 涉嫌犯罪 => 移送
}
""") == []


def test_a_named_condition_is_checked_where_it_is_used(check):
    # Its names are fields in a duty's 限于 and circumstances or faults on a ladder: the
    # same definition used in both places is wrong in one of them.
    found = check(RECORD + LIABILITY + """条件 重大案件 〔第二条〕 { 重大 或 罚款 >= 一万 }
职责 办结 〔第三条〕 {
  起算 案件.立案 限于 重大案件
  期限 30 日
  完成 案件.办结
}
阶梯 责任 〔第十三条〕 {
  第1级 重大案件 => 批评
}
""")
    assert [(code, line) for code, line, _ in found] == [("R0201", 17), ("R1201", 17)]


def test_a_misspelt_value_inside_a_named_condition_is_reported_at_its_definition(check):
    text = RECORD.replace("字段 重大 是否", '字段 结果 之一 "属实", "不属实"') + \
        """条件 属实案件 〔第二条〕 { 结果 = "属" }
职责 办结 〔第三条〕 {
  起算 案件.立案 限于 属实案件
  期限 30 日
  完成 案件.办结
}
"""
    [(code, line, message)] = check(text)
    assert (code, line) == ("R1202", 7) and "'属实'" in message


def test_a_circumstance_may_be_defined_by_a_condition(check):
    assert check(LIABILITY + """情形 情节轻微的过错 〔第十四条〕 { 条件 行政执法过错 且 情节轻微 }
阶梯 责任 〔第十三条〕 {
  第1级 情节轻微的过错 => 批评
}
""") == []


def test_a_circumstance_counted_and_defined_by_a_condition_is_an_error(check):
    found = check(RECORD + LIABILITY + """情形 两者 〔第十四条〕 {
  计数 案件.立案 近 一 年 >= 三 次
  条件 情节轻微
}
""")
    assert [code for code, _, _ in found] == ["R1209"]


def test_a_condition_defined_in_terms_of_itself_is_reported_with_its_cycle(check):
    found = check(LIABILITY + """条件 甲 〔第一条〕 { 情节轻微 且 乙 }
条件 乙 〔第一条〕 { 丙 或 涉嫌犯罪 }
条件 丙 〔第一条〕 { 甲 }
阶梯 责任 〔第十三条〕 {
  第1级 甲 => 批评
}
""")
    assert [(code, line) for code, line, _ in found] == [("R1205", 11)]
    assert found[0][2] == "甲 is defined in terms of itself: 甲 → 乙 → 丙 → 甲"


def test_a_circumstance_using_itself_through_a_named_condition_is_a_cycle(check):
    found = check(LIABILITY + """情形 从重情形 〔第一条〕 { 条件 从重条件 }
条件 从重条件 〔第一条〕 { 从重情形 或 涉嫌犯罪 }
""")
    assert [code for code, _, _ in found] == ["R1205"]
    assert "从重条件 → 从重情形 → 从重条件" in found[0][2]


def test_a_fault_belonging_to_itself_is_reported(check):
    found = check("""过错 甲 〔第一条〕 { 属于 乙 }
过错 乙 〔第一条〕 { 属于 甲 }
""")
    assert [(code, message) for code, _, message in found] == [
        ("R1205", "甲 belongs to itself through its categories (属于): 甲 → 乙 → 甲")]


def test_a_category_must_be_a_fault(check):
    found = check(LIABILITY + "过错 丁 〔第一条〕 { 属于 情节轻微 }\n"
                  "过错 戊 〔第一条〕 { 属于 己 }\n")
    assert [code for code, _, _ in found] == ["R0203", "R0201"]


def test_a_named_condition_used_nowhere_is_a_warning(check):
    found = check(LIABILITY + "条件 闲置 〔第一条〕 { 情节轻微 或 不存在的情形 }\n")
    assert [code for code, _, _ in found] == ["R1207"]


def test_an_empty_named_condition_is_an_error(check):
    assert [code for code, _, _ in check("条件 空 〔第一条〕 {\n}\n")] == ["R0109"]


# ── respons show ─────────────────────────────────────────────────────────────────────
SHOWN = LIABILITY + """条件 第十条所列 〔第十条〕 { 超越职权 或 违反程序 }
阶梯 责任 〔第十三条〕 {
  第1级 第十条所列 => 批评
  第2级 行政执法过错 且 涉嫌犯罪 => 移送
}
"""


def test_show_opens_named_conditions_and_categories_with_their_citations(write, respons):
    result = respons("show", str(write(SHOWN)))
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    step1 = lines.index("    第1级 第十条所列 => 批评  〔测试规定 第十三条〕")
    assert lines[step1 + 1] == "      = 条件 第十条所列: 超越职权 或 违反程序  〔测试规定 第十条〕"
    step2 = lines.index("    第2级 行政执法过错 且 涉嫌犯罪 => 移送  〔测试规定 第十三条〕")
    assert lines[step2 + 1] == \
        "      = 过错 行政执法过错 或属于它的 超越职权、违反程序  〔测试规定 第九条〕"
    assert "  超越职权 (人员) 属于 行政执法过错  〔测试规定 第十条第（一）项〕" in lines
    assert "条件 Named conditions" in lines


def test_show_json_gives_each_condition_expanded_and_each_fault_its_members(write, respons):
    result = respons("show", "--format", "json", str(write(SHOWN)))
    regime = json.loads(result.stdout)["regime"]
    step1, step2 = regime["ladders"][0]["steps"]
    assert step1["condition"] == "第十条所列"
    assert step1["expanded"] == {"op": "any", "operands": ["超越职权", "违反程序"]}
    assert step2["expanded"] == {"op": "all", "operands": [
        {"op": "any", "operands": ["行政执法过错", "超越职权", "违反程序"]}, "涉嫌犯罪"]}
    faults = {f["name"]: f for f in regime["faults"]}
    assert faults["行政执法过错"]["members"] == ["超越职权", "违反程序"]
    assert faults["超越职权"]["categories"] == ["行政执法过错"]
    [named] = regime["conditions"]
    assert named["citation"]["text"] == "测试规定 第十条"


# ── the corpus ───────────────────────────────────────────────────────────────────────
def _or_lists(regime):
    """Every list of three or more names joined by 或 in a ladder or 责任划分 rule."""
    from respons.model.base import Ref
    from respons.model.condition import AllOf, AnyOf

    found = []
    stack = [rule.condition for ladder in regime.ladders
             for rule in (*ladder.steps, *ladder.modifiers)]
    stack += [rule.condition for a in regime.apportionments for rule in a.rules]
    while stack:
        node = stack.pop()
        if isinstance(node, AnyOf) and len(node.operands) >= 3 and \
                all(isinstance(o, Ref) for o in node.operands):
            found.append(tuple(o.text for o in node.operands))
        elif isinstance(node, AllOf | AnyOf):
            stack.extend(node.operands)
    return found


def test_no_regime_of_the_corpus_copies_a_condition_list():
    from paths import JURISDICTIONS
    from respons.syntax.parser import parse_text

    for path in sorted(JURISDICTIONS.glob("*.resp")):
        lists = _or_lists(parse_text(path.read_text("utf-8"), str(path)).regime)
        copied = {names for names in lists if lists.count(names) > 1}
        assert not copied, f"{path.name} writes the same 或 list twice: {sorted(copied)}"


def test_jilin_city_ladder_names_article_35_once(registry):
    from paths import JURISDICTIONS

    report = check_paths([JURISDICTIONS / "jilin-city.resp"], registry)
    regime = report.resolved[0].regime
    ladder = next(lad for lad in regime.ladders if lad.name == "机关责任追究")
    named = {c.name: c for c in regime.conditions}
    assert ladder.steps[0].condition.text == "第三十五条追究情形"
    assert named["第三十五条追究情形"].citation.article == 35
    assert len(named["第三十五条追究情形"].condition.operands) == 16


def test_a_condition_nested_too_deeply_once_opened_is_reported(check):
    # Forty conditions each one level deeper than the next: 32 levels at most, opened.
    chain = "".join(f"条件 层{n} 〔第一条〕 {{ 情节轻微 且 (涉嫌犯罪 或 层{n + 1}) }}\n"
                    for n in range(40)) + "条件 层40 〔第一条〕 { 情节轻微 }\n"
    found = check(LIABILITY + chain + "阶梯 责任 〔第十三条〕 {\n  第1级 层0 => 批评\n}\n")
    assert {code for code, _, _ in found} == {"R0113"}


def test_a_long_chain_of_definitions_is_checked_without_recursing(check):
    chain = "".join(f"条件 链{n} 〔第一条〕 {{ 链{n + 1} }}\n" for n in range(3000))
    found = check(LIABILITY + chain + "条件 链3000 〔第一条〕 { 情节轻微 }\n"
                  "阶梯 责任 〔第十三条〕 {\n  第1级 链0 => 批评\n}\n")
    assert {code for code, _, _ in found} == {"R0113"}

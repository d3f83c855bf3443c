"""A 文号 whose 代字 names facts (`"{追究机关代字}执追〔{年}〕{号}号"`): where one agency of
the regime stands for many (tongzhou's 行政执法部门), each department's own 代字 comes from
the record, and its notices run in a series of their own. Only the 代字 may name a fact;
`respons check` holds the names to the facts the notice is given (R0703) and refuses the
notice's own number, date or recipients as a 代字 (R0705)."""

from __future__ import annotations

import textwrap

import pytest

from respons.check.runner import check_paths
from respons.model import docnumber
from respons.registry import Registry, plugin_manager

PATTERN = "{追究机关代字}执追〔{年}〕{号}号"


# ── the pattern ──────────────────────────────────────────────────────────────────
def test_a_code_made_of_facts_is_filled_before_the_number():
    assert docnumber.problems(PATTERN) == []
    assert docnumber.code_names(PATTERN) == ("追究机关代字",)
    assert docnumber.code_names("吉司整〔{年}〕{号}号") == ()
    filled = docnumber.with_code(PATTERN, {"追究机关代字": " 通甲 "})
    assert filled == "通甲执追〔{年}〕{号}号"
    assert docnumber.fill(filled, 2025, 2) == "通甲执追〔2025〕2号"
    # the year and sequence keep the spelling the pattern wrote
    assert docnumber.with_code("{甲}{乙}〔{year}〕{seq}号", {"甲": "通", "乙": "执"}) == \
        "通执〔{year}〕{seq}号"
    assert docnumber.with_code("吉司整〔{年}〕{号}号", {}) == "吉司整〔{年}〕{号}号"


@pytest.mark.parametrize(("value", "words"), [
    (None, "nothing fills {追究机关代字}"), ("  ", "nothing fills"),
    ("通{号}", "holds '{'"), ("通〔甲〕", "holds '〔'"), ("通\n甲", "holds '\\n'"),
])
def test_a_code_that_is_missing_or_would_not_read_as_one_is_refused(value, words):
    facts = {} if value is None else {"追究机关代字": value}
    with pytest.raises(ValueError) as error:
        docnumber.with_code(PATTERN, facts)
    assert words in str(error.value)


def test_only_the_code_may_name_a_fact():
    for pattern in ("通〔{年}〕{号}号{x}", "通〔{年}〕{x}{号}号"):
        assert any("{x} is neither the year" in p and "only the 代字" in p
                   for p in docnumber.problems(pattern)), pattern
    # a code of nothing but a fact is still a code
    assert docnumber.problems("{代字}〔{年}〕{号}号") == []


def test_an_unfilled_code_is_never_written_as_a_number():
    with pytest.raises(ValueError, match="追究机关代字"):
        docnumber.fill(PATTERN, 2025, 1)


# ── the check ────────────────────────────────────────────────────────────────────
HEADER = "制度 测试规定 {\n  层级 区\n  施行 2020-01-01\n}\n"
BASE = """
记录 责任追究 〔第十三条〕 {
  主键 追究编号
  字段 责任人 人员
  字段 追究机关代字 文本 可选
  事件 决定
}
文书 决定 〔第十四条〕 {
  标题 "决定"
  签发 记录 责任追究.决定
  发文机关 "某部门"
  主送 责任人
  文号 "{追究机关代字}执追〔{年}〕{号}号"
  要素 案件 = 追究编号
}
"""


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def check(tmp_path, registry):
    def run(text: str):
        path = tmp_path / "main.resp"
        path.write_text(HEADER + textwrap.dedent(text), "utf-8")
        return [(d.code, d.message) for d in check_paths([path], registry).diagnostics]
    return run


def test_a_code_naming_a_field_of_the_record_checks_clean(check):
    assert check(BASE) == []
    assert check(BASE.replace("{追究机关代字}", "{发文机关}")) == []


def test_a_code_naming_no_fact_is_reported_with_the_nearest(check):
    [(code, message)] = check(BASE.replace("{追究机关代字}执追", "{追究机关代子}执追"))
    assert code == "R0703"
    assert "the 文号 of 决定 makes its 代字 of {追究机关代子}" in message
    assert "did you mean '追究机关代字'" in message


@pytest.mark.parametrize("name", ["文号", "成文日期", "主送机关", "date"])
def test_the_notice_s_own_number_date_or_recipient_is_no_code(check, name):
    [(code, message)] = check(BASE.replace("{追究机关代字}", "{" + name + "}"))
    assert code == "R0705" and f"{{{name}}}" in message


def test_a_code_after_the_year_is_a_pattern_problem(check):
    found = check(BASE.replace("执追〔{年}〕{号}号", "执追〔{年}〕{号}号{追究机关代字}"))
    assert [c for c, _ in found] == ["R0705"], found

"""签发 记录 EVENT 限于 CONDITION: a notice issued on a record only where its fields satisfy a
condition — parsed, built, checked as a duty's 起算 … 限于 is (the fields of the event's
record), refused on any other kind of outcome, and shown.

hangzhou 48 is the example: the 决定书 sent to the officer is the decision of a case whose
被追究对象 is 行政执法人员; a case against a department is sent to the department."""

from __future__ import annotations

import json
import textwrap

import pytest

from respons.check.runner import check_paths
from respons.model.base import Ref
from respons.model.condition import AllOf, Compare, Literal, Not
from respons.model.outcomes import outcomes_of
from respons.registry import Registry, plugin_manager
from respons.syntax.parser import parse_text

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"

BASE = """
记录 责任追究 〔第四十五条〕 {
  主键 案件编号
  字段 被追究对象 之一 "行政执法部门", "行政执法人员"
  字段 被追究部门 机关 可选
  字段 责任人 人员 可选
  字段 情况复杂 是否 可选
  字段 送达日期 日期 可选
  事件 立案, 决定
}
措施 通报批评 〔第三十九条〕 { 轻重 1; 对象 人员 }
"""
NAMED = '条件 对人员 〔第三十六条〕 { 被追究对象 = "行政执法人员" }\n'

ZH = """文书 决定书 〔第四十八条〕 {
  标题 "决定书"
  签发 记录 责任追究.决定 限于 被追究对象 = "行政执法人员" 且 非 情况复杂 〔第四十八条第一款〕
  发文机关 "某局"
  主送 责任人
  文号 "杭责追〔{年}〕{号}号"
  要素 案件 = 案件编号
}
"""
EN = """notice 决定书 [art. 48] {
  title "决定书"
  issued-on record 责任追究.决定 where 被追究对象 = "行政执法人员" and not 情况复杂 [art. 48(1)]
  issuer "某局"
  recipient 责任人
  number "杭责追〔{年}〕{号}号"
  elements 案件 = 案件编号
}
"""


def notice_of(text: str):
    parsed = parse_text(HEADER + BASE + text, "t.resp")
    assert not parsed.diagnostics, parsed.diagnostics
    return parsed.regime, parsed.regime.notices[-1]


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def check(tmp_path, registry):
    """Check BASE and ``text``: [(code, message)] of every diagnostic."""
    def run(text: str):
        path = tmp_path / "main.resp"
        path.write_text(HEADER + BASE + textwrap.dedent(text), "utf-8")
        return [(d.code, d.message) for d in check_paths([path], registry).diagnostics]
    return run


# ── parse and build ──────────────────────────────────────────────────────────────
def test_the_condition_is_built_after_the_event_and_before_the_citation():
    _, notice = notice_of(ZH)
    [outcome] = notice.issued_on
    assert (outcome.kind, outcome.target.text) == ("record", "责任追究.决定")
    assert outcome.where == AllOf((
        Compare(Ref(("被追究对象",)), "=", Literal("string", "行政执法人员")),
        Not(Ref(("情况复杂",)))))
    assert outcome.citation.paragraph == 1
    # the statement's span runs to the end of its condition
    assert outcome.span.end_column > outcome.where.operands[1].span.column


def test_chinese_and_english_keywords_build_the_same_condition():
    assert notice_of(ZH)[1] == notice_of(EN)[1]


def test_one_event_under_two_conditions_is_two_outcomes():
    regime, notice = notice_of(ZH.replace(
        "  主送 责任人\n", "  签发 记录 责任追究.决定 限于 被追究对象 = \"行政执法部门\"\n"
        "  签发 记录 责任追究.决定\n  主送 责任人\n"))
    assert [o.where is None for o in outcomes_of(notice, regime)] == [False, False, True]


# ── check ────────────────────────────────────────────────────────────────────────
def test_a_condition_on_the_record_s_fields_checks_clean(check):
    assert check(ZH) == []
    assert check(NAMED + ZH.replace('被追究对象 = "行政执法人员" 且 非 情况复杂',
                                    "对人员 且 送达日期 >= 2025-01-01")) == []


def test_a_name_that_is_no_field_of_the_record_is_reported_with_the_nearest(check):
    [(code, message)] = check(ZH.replace("被追究对象 =", "被追究对像 ="))
    assert code == "R0403"
    assert "record kind '责任追究' has no field '被追究对像'" in message
    assert "did you mean '被追究对象'" in message


def test_a_declared_name_that_is_not_a_field_is_reported(check):
    [(code, message)] = check(ZH.replace("非 情况复杂", "非 通报批评"))
    assert code == "R0203"
    assert "签发/issued-on 限于 of notice 决定书 tests fields of 责任追究" in message


def test_a_condition_is_checked_against_the_field_s_type(check):
    found = check(ZH.replace('被追究对象 = "行政执法人员" 且 非 情况复杂',
                             '被追究对象 = "行政执法机关" 且 责任人 且 情况复杂 = 3'))
    assert [c for c, _ in found] == ["R1202", "R1203", "R1201"], found
    assert "行政执法机关" in found[0][1]


def test_a_named_condition_used_there_is_used_and_checked(check):
    assert check(NAMED + ZH.replace('被追究对象 = "行政执法人员" 且 非 情况复杂', "对人员")) == []
    # without the 签发 using it, the named condition is used nowhere
    assert [c for c, _ in check(NAMED + ZH)] == ["R1207"]
    # and its body is checked against the record's fields where it is used
    found = check(NAMED.replace("被追究对象", "被追究者") + ZH.replace(
        '被追究对象 = "行政执法人员" 且 非 情况复杂', "对人员"))
    assert [c for c, _ in found] == ["R0403"], found


@pytest.mark.parametrize("outcome", ["措施 通报批评", "等级 年度考核", "后果 年度考核.不合格"])
def test_a_condition_on_any_other_kind_of_outcome_is_refused(check, outcome):
    found = check(ZH.replace("记录 责任追究.决定", outcome))
    assert "R0706" in [c for c, _ in found], found
    message = next(m for c, m in found if c == "R0706" and "限于" in m)
    assert "限于 picks the records of an event" in message


# ── show ─────────────────────────────────────────────────────────────────────────
def test_show_writes_the_condition_in_text_and_json(respons, tmp_path):
    path = tmp_path / "t.resp"
    path.write_text(HEADER + BASE + ZH, "utf-8")
    text = respons("show", str(path))
    assert text.exit_code == 0, text.stdout + text.stderr
    assert '签发 记录 责任追究.决定 限于 被追究对象 = "行政执法人员" 且 非 情况复杂' in text.stdout
    shown = respons("show", str(path), "--format", "json")
    [notice] = json.loads(shown.stdout)["regime"]["notices"]
    assert notice["issued_on"][0]["where"]["op"] == "all"
    assert notice["outcomes"][0]["where"] == notice["issued_on"][0]["where"]


def test_the_public_site_says_which_records_issue_each_notice(respons, tmp_path):
    """hangzhou's two 决定书 share a title and an event: the disclosure page tells them
    apart by their conditions."""
    from paths import JURISDICTIONS

    out = tmp_path / "site"
    result = respons("publish", str(JURISDICTIONS / "hangzhou.resp"), "--out", str(out))
    assert result.exit_code == 0, result.stdout + result.stderr
    page = (out / "notices.html").read_text("utf-8")
    for who in ("行政执法人员", "行政执法部门"):
        assert f"责任追究.决定（限于 被追究对象 = &quot;{who}&quot;）" in page

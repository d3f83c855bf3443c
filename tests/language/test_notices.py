"""Notices (文书) in the language: what issues one, to whom, its number pattern and its
elements bound to data with their citations — parsed, built, checked, shown, and held to
the one table of outcome kinds (respons.model.outcomes)."""

from __future__ import annotations

import textwrap

import pytest

from paths import JURISDICTIONS, ROOT
from respons.check.rules.notice_outcomes import RESOLVERS
from respons.check.runner import check_paths
from respons.model.base import Ref
from respons.model.notice import NoticeElement, Outcome, Party
from respons.model.outcomes import BY_NAME, COMMON, OUTCOMES, facts_of, outcomes_of
from respons.registry import Registry, plugin_manager
from respons.syntax.keywords import KEYWORDS
from respons.syntax.parser import model_parser, parse_text

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"

#: A regime with an outcome of every kind, for the checks below.
BASE = """
机关 司法局 〔第二条〕 { 性质 法定 }
记录 责任追究 〔第四十五条〕 {
  主键 案件编号
  字段 责任人 人员
  字段 追究机关 机关
  字段 决定理由 文本 可选
  事件 立案, 决定
}
措施 通报批评 〔第三十九条〕 { 轻重 1; 对象 人员 }
考核 年度考核 〔第二十八条〕 {
  方案 百分制
  满分 100
  等级 合格 60 以上
  等级 不合格 不满 60
  后果 不合格 => 通报批评
  后果 不合格 连续 2 年 => 通报批评
}
"""

ZH = """文书 决定书 〔第四十八条〕 {
  标题 "决定书"
  签发 记录 责任追究.决定 〔第四十八条第一款〕
  发文机关 追究机关
  主送 责任人, "某某局"
  抄送 司法局
  文号 "杭责追〔{年}〕{号}号"
  要素 作出决定的理由 = 决定理由 〔第四十八条第一款〕
  要素 申诉权利 可选 = "对本决定不服的，可以申诉。" 〔第四十八条第二款〕
  要素 责任人, 乙 可选
  格式 md, html
}
"""
EN = """notice 决定书 [art. 48] {
  title "决定书"
  issued-on record 责任追究.决定 [art. 48(1)]
  issuer 追究机关
  recipient 责任人, "某某局"
  copy-to 司法局
  number "杭责追〔{年}〕{号}号"
  elements 作出决定的理由 = 决定理由 [art. 48(1)]
  elements 申诉权利 optional = "对本决定不服的，可以申诉。" [art. 48(2)]
  elements 责任人, 乙 optional
  format md, html
}
"""


def notice_of(text: str, header: str = HEADER):
    parsed = parse_text(header + BASE + text, "t.resp")
    assert not parsed.diagnostics, parsed.diagnostics
    return parsed.regime, parsed.regime.notices[-1]


# ── parse and build ──────────────────────────────────────────────────────────────
def test_chinese_and_english_keywords_build_the_same_notice():
    assert notice_of(ZH)[1] == notice_of(EN)[1]


def test_every_statement_of_a_notice_is_built():
    _, notice = notice_of(ZH)
    assert notice.issued_on == (Outcome("record", Ref(("责任追究", "决定"))),) or (
        notice.issued_on[0].kind, notice.issued_on[0].target.text) == ("record", "责任追究.决定")
    assert notice.issued_on[0].citation.paragraph == 1
    assert notice.issuer == Party("追究机关")
    assert notice.recipients == (Party("责任人"), Party("某某局", literal=True))
    assert notice.copy_to == (Party("司法局"),)
    assert notice.number == "杭责追〔{年}〕{号}号" and notice.number_span.line > 0
    assert [(e.name, e.template, e.fact, e.optional) for e in notice.elements] == [
        ("作出决定的理由", None, "决定理由", False),
        ("申诉权利", "对本决定不服的，可以申诉。", None, True),
        ("责任人", None, None, False), ("乙", None, None, True)]
    assert notice.required == ("作出决定的理由", "责任人")
    assert notice.formats == ("md", "html")


def test_each_element_keeps_its_citation_completed_by_the_notice_s():
    """The builder kept the citation of every `要素` (it used to throw it away)."""
    _, notice = notice_of(ZH)
    reasons, appeal, first, _ = notice.elements
    assert (reasons.citation.paragraph, appeal.citation.paragraph) == (1, 2)
    assert first.citation is None and notice.cited(first) == notice.citation
    assert all(e.declared_in == "t" for e in notice.elements)
    _, relative = notice_of(ZH.replace("〔第四十八条第二款〕", "〔第二款〕"))
    appeal = relative.elements[1]
    assert appeal.citation.article is None and appeal.citation.paragraph == 2
    assert (relative.cited(appeal).article, relative.cited(appeal).paragraph) == (48, 2)


def test_a_plain_name_is_a_required_element_bound_to_nothing():
    element = NoticeElement("整改要求")
    assert (element.template, element.fact, element.optional) == (None, None, False)


def test_an_outcome_with_consecutive_years_and_of_every_kind():
    _, notice = notice_of("""文书 通知 〔第一条〕 {
  标题 "通知"
  签发 后果 年度考核.不合格 连续 2 年
  签发 等级 年度考核
  签发 措施 通报批评
  签发 记录 责任追究.决定
}
""")
    assert [(o.kind, o.target.text, o.consecutive) for o in notice.issued_on] == [
        ("consequence", "年度考核.不合格", 2), ("grade", "年度考核", None),
        ("measure", "通报批评", None), ("record", "责任追究.决定", None)]


def test_an_element_given_twice_is_reported_once_and_kept_once():
    parsed = parse_text(HEADER + '文书 甲 〔第一条〕 {\n  标题 "甲"\n  要素 理由\n'
                        '  要素 理由 = "x"\n}\n', "t.resp")
    assert [d.code for d in parsed.diagnostics] == ["R0108"]
    assert [e.name for e in parsed.regime.notices[0].elements] == ["理由"]


def test_an_override_sets_only_what_it_says():
    parsed = parse_text(HEADER.replace("}\n", "  上位 prov\n}\n") +
                        '覆盖 文书 甲 {\n  文号 "市〔{年}〕{号}号"\n  要素 乙\n}\n', "t.resp")
    [override] = parsed.regime.overrides
    assert override.fields == {"number", "number_span", "elements"}


# ── the one table of outcome kinds ───────────────────────────────────────────────
def test_the_outcome_kinds_are_the_grammar_s_and_the_checker_s():
    alternatives = {r.expansion[0].name for r in model_parser().rules
                    if r.origin.name == "_outcome"}
    assert alternatives == {kind.terminal for kind in OUTCOMES}
    assert all(kind.terminal in KEYWORDS for kind in OUTCOMES)
    assert set(RESOLVERS) == set(BY_NAME)


def test_the_language_reference_lists_every_kind_and_every_fact():
    section = (ROOT / "docs" / "language.md").read_text("utf-8").split("## Notices")[1] \
        .split("## Scenarios")[0]
    for kind in OUTCOMES:
        assert kind.en in section, kind.name
    for fact in COMMON + tuple(f for kind in OUTCOMES for f in kind.facts):
        assert f"`{fact.zh}`/`{fact.en}`" in section, fact.zh


def test_facts_have_both_spellings_and_a_field_cannot_shadow_one():
    record = BY_NAME["record"]
    facts = facts_of(record, ["责任人", "事件"])
    assert facts["事件"] is facts["event"] and facts["事件"].en == "event"
    assert "责任人" in facts and "发文机关" in facts and "issuer" in facts
    assert "责任人" not in facts_of(BY_NAME["grade"], ["责任人"])
    assert set(facts_of(None)) == {n for f in COMMON for n in (f.zh, f.en)}


def test_a_consequence_that_calls_for_a_notice_issues_it():
    regime, notice = notice_of('文书 通报批评书 〔第一条〕 {\n  标题 "通报批评书"\n}\n'
                               .replace("通报批评书", "整改书"))
    assert outcomes_of(notice, regime) == ()
    text = BASE.replace("后果 不合格 => 通报批评\n", "后果 不合格 => 通报批评 并 整改书\n")
    parsed = parse_text(HEADER + text + '文书 整改书 〔第一条〕 {\n  标题 "整改书"\n'
                        "  签发 后果 年度考核.不合格\n}\n", "t.resp")
    [outcome] = outcomes_of(parsed.regime.notices[0], parsed.regime)  # the two are one
    assert (outcome.kind, outcome.target.text, outcome.consecutive) == \
        ("consequence", "年度考核.不合格", None)


# ── checks ───────────────────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def check(tmp_path, registry):
    """Check BASE and ``text``: [(code, message)] of every diagnostic."""
    def run(text: str, **others: str):
        for name, body in others.items():
            (tmp_path / f"{name}.resp").write_text(textwrap.dedent(body), "utf-8")
        path = tmp_path / "main.resp"
        path.write_text(HEADER + BASE + textwrap.dedent(text), "utf-8")
        return [(d.code, d.message) for d in check_paths([path], registry).diagnostics]
    return run


def test_the_bound_notice_checks_clean(check):
    assert check(ZH) == []


def test_an_unknown_placeholder_names_itself_the_element_and_the_nearest_fact(check):
    [(code, message)] = check(ZH.replace("对本决定不服的", "{决定理屈}不服的"))
    assert code == "R0703"
    assert "element 申诉权利 of 决定书 uses {决定理屈}" in message
    assert "记录 责任追究.决定" in message and "did you mean '决定理由'" in message


def test_a_placeholder_is_checked_against_what_every_outcome_gives(check):
    text = ZH.replace("  签发 记录 责任追究.决定 〔第四十八条第一款〕\n",
                      "  签发 记录 责任追究.决定\n  签发 措施 通报批评\n")
    found = check(text)
    # 决定理由 is the decision record's field: a measure proposed gives no such fact
    assert [c for c, _ in found] == ["R0201", "R0703"]
    assert "追究机关" in found[0][1]  # the issuer: a field of the record only


def test_names_after_issued_on_are_resolved_with_suggestions(check):
    found = check("""文书 通知 〔第一条〕 {
  标题 "通知"
  签发 措施 通报批评书
  签发 记录 责任追究.决议
  签发 等级 年度考合
  签发 后果 年度考核.合格
}
""")
    assert [c for c, _ in found] == ["R0707", "R0201", "R0402", "R0201", "R0706"]
    assert "did you mean '通报批评'" in found[1][1]
    assert "did you mean '决定'" in found[2][1]
    assert "did you mean '年度考核'" in found[3][1]
    assert "年度考核 has no consequence of 合格" in found[4][1]


def test_a_notice_that_is_issued_has_all_it_takes(check):
    found = check('文书 通知 〔第一条〕 {\n  标题 "通知"\n  签发 措施 通报批评\n'
                  "  要素 说明\n  要素 附件 可选\n}\n")
    assert [c for c, _ in found] == ["R0707", "R0707"]
    assert "no 发文机关/issuer, no 主送/recipient, no 文号/number" in found[0][1]
    assert "required element 说明" in found[1][1]


def test_an_element_named_like_a_fact_is_filled_by_it(check):
    assert check('文书 通知 〔第一条〕 {\n  标题 "通知"\n  签发 措施 通报批评\n'
                 '  发文机关 司法局\n  主送 责任人\n  文号 "司通〔{年}〕{号}号"\n'
                 "  要素 过错, 情形, 措施\n}\n") == []


def test_a_notice_that_nothing_issues_is_given_the_common_facts_only(check):
    found = check('文书 通知 〔第一条〕 {\n  标题 "通知"\n  要素 日期 = "{成文日期}"\n'
                  '  要素 对象 = "{被考核对象}"\n  要素 说明\n}\n')
    assert found == [("R0703", found[0][1])]
    assert "a notice that nothing issues" in found[0][1]


def test_a_party_is_a_fact_an_agency_or_a_quoted_name(check):
    found = check(ZH.replace("主送 责任人, \"某某局\"", "主送 责任任, 主送机关"))
    assert [c for c, _ in found] == ["R0201", "R0201"]
    assert "did you mean '责任人'" in found[0][1]


def test_an_unresolved_outcome_reports_no_fact_as_missing(check):
    """What an unknown outcome would give is unknown: one error, not one per name."""
    found = check(ZH.replace("责任追究.决定 〔第四十八条第一款〕", "责任追究.决议"))
    assert [c for c, _ in found] == ["R0402"]


BROKEN_PATTERNS = {
    "杭责追〔{年}〕第{号}": ["no 第", "号 follows"],
    "杭责追〔{年}〕0{号}号": ["leading digits"],
    "杭责追[{年}]{号}号": ["not in []"],
    "杭责追（{年}）{号}号": ["not in （）"],
    "杭责追{年}{号}号": ["六角括号"],
    "〔{年}〕{号}号": ["代字"],
    "杭责追〔{年}〕号": ["no {号}"],
    "杭责追{号}号": ["no {年}"],
    "杭〔{年}〕〔{year}〕{号}号": ["{年} 2 times"],
    "杭〔{年}〕{号}号{序}": ["{序} is neither"],
    "杭〔{年}〕{号号": ["not closed"],
}


@pytest.mark.parametrize("pattern", sorted(BROKEN_PATTERNS))
def test_a_number_pattern_breaking_gb_t_9704_is_reported(check, pattern):
    found = check(ZH.replace("杭责追〔{年}〕{号}号", pattern))
    assert {c for c, _ in found} == {"R0705"}
    for words in BROKEN_PATTERNS[pattern]:
        assert any(words in message for _, message in found), (words, found)


def test_a_template_that_cannot_be_read_is_one_error(check):
    for template in ("{a.b}", "{}", "a}b", "{x", "{0}", "{a:>3}", "{a[0]}", "{ a }"):
        found = check(ZH.replace("对本决定不服的，可以申诉。", template))
        assert [c for c, _ in found] == ["R0704"], (template, found)


# ── layering: a lower regime cannot drop a required element ──────────────────────
def city(tmp_path, override: str):
    """A city regime built on jurisdictions/hangzhou.resp, with ``override``."""
    path = tmp_path / "city.resp"
    path.write_text("制度 杭州市某区实施办法 {\n  层级 区\n  施行 2020-01-01\n  上位 hangzhou\n}\n"
                    + textwrap.dedent(override), "utf-8")
    return path


def test_an_override_that_drops_hangzhou_48_s_right_of_appeal_is_an_error(
        tmp_path, registry, respons):
    """Issue 12: `覆盖 文书` without 依法享有的申诉权利 used to check clean, and `show` listed
    the notice without it."""
    path = city(tmp_path, """
        覆盖 文书 行政执法责任追究决定书 {
          要素 作出决定的理由 = 决定理由
          要素 事实依据, 法律依据
        }
    """)
    report = check_paths([path], registry, (JURISDICTIONS,))
    [diagnostic] = report.diagnostics
    assert diagnostic.code == "R0702"
    assert "依法享有的申诉权利" in diagnostic.message and "hangzhou" in diagnostic.message
    assert "第四十八条" in diagnostic.message
    assert diagnostic.related[0].span.file.endswith("hangzhou.resp")
    (tmp_path / "respons.toml").write_text(
        f'[regimes]\npath = ["{JURISDICTIONS.as_posix()}"]\n', "utf-8")
    shown = respons("show", "city.resp", cwd=tmp_path)
    assert shown.exit_code == 1 and "R0702" in shown.stdout + shown.stderr
    assert "文书 Notices" not in shown.stdout  # the notice is not shown without its element


def test_an_override_may_rebind_reorder_and_add_but_not_make_optional(tmp_path, registry):
    path = city(tmp_path, """
        覆盖 文书 行政执法责任追究决定书 {
          要素 依法享有的申诉权利 = "不服本决定的，可以向区人民政府申诉。"
          要素 作出决定的理由 = 决定理由
          要素 事实依据, 法律依据
          要素 本区说明 可选 = "依本办法作出。"
        }
    """)
    report = check_paths([path], registry, (JURISDICTIONS,))
    assert report.valid, report.diagnostics
    notice = next(n for n in report.resolved[0].regime.notices
                  if n.name == "行政执法责任追究决定书")
    assert notice.required[0] == "依法享有的申诉权利"
    assert notice.elements[0].declared_in == "city" and notice.issued_on  # kept
    optional = city(tmp_path, """
        覆盖 文书 行政执法责任追究决定书 {
          要素 作出决定的理由 = 决定理由
          要素 事实依据, 法律依据, 依法享有的申诉权利 可选
        }
    """)
    [diagnostic] = check_paths([optional], registry, (JURISDICTIONS,)).diagnostics
    assert diagnostic.code == "R0702" and "makes optional" in diagnostic.message


def test_an_override_of_the_number_only_keeps_the_elements(tmp_path, registry):
    path = city(tmp_path, '覆盖 文书 行政执法责任追究决定书 { 文号 "杭某责追〔{年}〕{号}号" }\n')
    report = check_paths([path], registry, (JURISDICTIONS,))
    assert report.valid, report.diagnostics


# ── the formatter ────────────────────────────────────────────────────────────────
MESSY = """文书  决定书 〔第四十八条〕 {  标题 "决定书" ;签发   记录 责任追究.决定
  发文机关   追究机关 ;主送 责任人 ,"某某局"、司法局
抄送 司法局
      文号 "杭责追〔{年}〕{号}号"
  要素 作出决定的理由=决定理由 〔第一款〕
  要素 申诉权利   可选 =   "对本决定不服的，{{可以}}申诉。"   # the right of appeal
  要素 甲,
      乙 可选
}
"""
CANONICAL = """文书 决定书 〔第四十八条〕 {
  标题 "决定书"
  签发 记录 责任追究.决定
  发文机关 追究机关
  主送 责任人, "某某局"、司法局
  抄送 司法局
  文号 "杭责追〔{年}〕{号}号"
  要素 作出决定的理由 = 决定理由 〔第一款〕
  要素 申诉权利 可选 = "对本决定不服的，{{可以}}申诉。"  # the right of appeal
  要素 甲,
      乙 可选
}
"""


def test_fmt_lays_out_a_notice_and_keeps_what_it_says():
    from respons.syntax.formatter import format_text

    assert format_text(HEADER + "\n" + MESSY) == HEADER + "\n" + CANONICAL
    assert format_text(HEADER + "\n" + CANONICAL) == HEADER + "\n" + CANONICAL
    before = parse_text(HEADER + MESSY, "t.resp")
    after = parse_text(HEADER + CANONICAL, "t.resp")
    assert not before.diagnostics and before.regime == after.regime


def test_guizhou_edu_14_s_correction_notice_can_be_written(check):
    """guizhou-edu 14 (encoded with its liability, issue 10): 重大过错 → the 法制工作机构 sends
    the 原执法办案部门 a 《纠正过错通知书》(一), which it answers within the time the notice
    sets (二), or contests before the 法制工作机构 within that time (三)."""
    assert check("""
        记录 过错纠正 〔第十四条〕 {
          主键 通知编号
          字段 原执法办案部门 机关
          字段 过错情况 文本 可选
          字段 纠正要求 文本 可选
          字段 回复期限 日期 可选
          事件 口头通知纠正, 主要负责人同意, 发出纠正过错通知书, 回复办理结果, 提请复查
        }
        文书 纠正过错通知书 〔第十四条第（一）项〕 {
          标题 "纠正过错通知书"
          签发 记录 过错纠正.发出纠正过错通知书
          发文机关 "贵州省教育厅法制工作机构"
          主送 原执法办案部门
          文号 "黔教纠〔{年}〕{号}号"
          要素 过错情况, 纠正要求
          要素 回复办理结果 = "请按要求认真办理，并于{回复期限}前回复办理结果。" 〔第（二）项〕
          要素 提请复查 = "对本通知有异议的，可在回复期限内向法制工作机构提请复查。" 〔第（三）项〕
          格式 md, html
        }
    """) == []


def test_a_broken_statement_of_a_notice_hides_no_other_error_and_invents_none(check):
    """A 签发 that did not parse may have given the facts the templates use: they are not
    reported missing; what is wrong elsewhere in the notice still is."""
    found = check(ZH.replace("  签发 记录 责任追究.决定 〔第四十八条第一款〕\n", "  签发 记录\n")
                  .replace("杭责追〔{年}〕{号}号", "杭责追〔{年}〕第{号}号"))
    assert [c for c, _ in found] == ["R0101", "R0705"]

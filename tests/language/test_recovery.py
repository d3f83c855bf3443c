"""Error recovery: a broken file is parsed block by block, the blocks found as the parser's
lexer reads the text, and every diagnostic placed on the line the parser counts."""

from __future__ import annotations

import pytest

from respons.syntax.parser import parse_text
from respons.syntax.recovery import source_lines, split_blocks

HEADER = "制度 某市规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
BROKEN_DUTY = "职责 答复 {{\n  期限 7 工作日 工作日\n}}\n"
SOUND_MEASURE = "措施 通报批评 {{ 轻重 1 }}\n"


@pytest.mark.parametrize("line_break", ["\f", "\u2028", "\x85", "\x1c", "\r"])
def test_a_character_that_str_splitlines_breaks_at_does_not_shift_the_lines(line_break):
    """Lark counts lines at \\n only, and so does the caret under a diagnostic; a form feed
    (a blank to the grammar) or a U+2028 in a comment must not move a recovered error."""
    header = HEADER.replace("  层级 市\n", f"  层级 市  # 注{line_break}释\n")
    text = header + BROKEN_DUTY.format() + SOUND_MEASURE.format()
    parsed = parse_text(text, "x.resp")
    [error] = _syntax(parsed)
    assert (error.code, error.span.line, error.span.column) == ("R0101", 6, 12)
    assert source_lines(text)[error.span.line - 1] == "  期限 7 工作日 工作日"
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]


@pytest.mark.parametrize("inside", ['"}"', "“}”", "「}」", "〔第}条〕", "[art. }]", "# }"])
def test_a_brace_the_parser_reads_as_part_of_a_token_is_no_brace(inside):
    """Recovery counts the braces the parser's lexer sees: one in a string, a 「name」, a
    citation (either kind) or a comment neither closes nor opens a block."""
    text = HEADER + f"职责 答复 {{  # {inside}\n  期限 7 工作日 工作日\n  完成 {inside}\n}}\n" \
        + SOUND_MEASURE.format()
    chunks = split_blocks(text)
    assert [first for first, _ in chunks] == [1, 5, 9]
    parsed = parse_text(text, "x.resp")
    # Line 7 is an error of its own unless what is there is a name (「}」): a broken
    # statement does not hide the next one.
    second = [] if inside == "「}」" else [("R0101", 7)]
    assert [(d.code, d.span.line) for d in _syntax(parsed)] == [("R0101", 6), *second]
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]


def _syntax(parsed):
    """The syntax errors among a file's diagnostics (the blocks here lack statements and
    citations, which recovery no longer hides)."""
    return [d for d in parsed.diagnostics if d.code in ("R0101", "R0102", "R0103")]


def test_a_block_keyword_in_column_one_starts_a_block_even_after_a_forgotten_brace():
    text = HEADER + "职责 答复 {\n  期限 7 工作日\n" + SOUND_MEASURE.format() + \
        "  期限 8 日\n阶梯 x {\n}\n"
    # The stray `期限 8 日` is a chunk of its own: the ladder after it is not lost with it.
    assert [first for first, _ in split_blocks(text)] == [1, 5, 7, 8, 9]


def test_after_rejected_text_the_rest_of_the_line_is_not_read():
    """An unclosed string runs to the end of its line: a `}` after it closes nothing."""
    text = HEADER + '文书 整改通知书 {\n  标题 "整改 }\n}\n' + SOUND_MEASURE.format()
    assert [first for first, _ in split_blocks(text)] == [1, 5, 8]
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in _syntax(parsed)] == [("R0103", 6)]
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]


# ── one broken statement costs that statement (issue 9, point 3) ─────────────────────────
RECORD = "记录 投诉 〔第二条〕 {\n  主键 编号\n  事件 收到, 答复\n}\n"
DUTY = "职责 答复投诉 〔第三条〕 {{\n  起算 投诉.收到\n  {period}\n  完成 {met_by}\n}}\n"


@pytest.fixture
def check(tmp_path):
    """`respons check` of a file holding the text given (no plugins: no calendar rules)."""
    from respons.check.runner import check_paths

    def run(text: str):
        path = tmp_path / "x.resp"
        path.write_text(text, "utf-8")
        return check_paths([path], None)

    return run


def _codes(report) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in report.diagnostics]


def test_the_glued_period_of_the_issue_hides_none_of_the_other_errors(check):
    text = HEADER + RECORD + DUTY.format(period="期限60日", met_by="投诉.办结") + \
        "阶梯 责任 〔第四条〕 {\n  第1级 拖延 => 通报批评\n}\n"
    assert _codes(check(text)) == [("R0101", 11), ("R0402", 12), ("R0201", 15),
                                    ("R0201", 15)]


def test_a_broken_statement_leaves_the_rest_of_its_block_built():
    parsed = parse_text(HEADER + RECORD + DUTY.format(period="期限 7 工作日 工作日",
                                                      met_by="投诉.答复"), "x.resp")
    [duty] = parsed.regime.duties
    assert duty.starts.event.text == "投诉.收到" and duty.met_by[0].text == "投诉.答复"
    assert duty.period is None  # lost with its statement, and not reported missing
    assert [d.code for d in parsed.diagnostics] == ["R0101"]


def test_every_broken_statement_of_a_block_is_reported():
    text = HEADER + "机关 市局 〔第五条〕 {\n  性质 法定\n  职权 处罚 罚款 罚款\n" \
        "  岗位 执法岗 {\n    承担 罚款 罚款\n  }\n  上级 市政府 市政府\n}\n"
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == \
        [("R0101", 7), ("R0101", 9), ("R0101", 11)]
    [agency] = parsed.regime.agencies
    assert agency.statuses == ("statutory",) and [p.name for p in agency.posts] == ["执法岗"]


def test_a_statement_between_braces_on_one_line_costs_only_itself():
    text = HEADER + "记录 投诉 { 主键 编号; 事件 收到 答复; 字段 内容 文本 }\n"
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == [("R0101", 5)]
    [record] = parsed.regime.records
    assert record.key == "编号" and [f.name for f in record.fields] == ["内容"]


def test_what_a_lost_statement_declared_is_not_reported_missing_but_the_rest_is(check):
    # 事件 is broken: 投诉's events are unknown, so 投诉.办结 is not reported; 违反 names a
    # fault nothing declares, and that is still an error.
    text = HEADER + RECORD.replace("事件 收到, 答复", "事件 收到 答复") + \
        DUTY.format(period="期限 7 工作日", met_by="投诉.办结").replace(
            "\n}\n", "\n  违反 拖延\n}\n")
    report = check(text)
    assert _codes(report) == [("R0101", 7), ("R0201", 13)]


def test_a_block_lost_whole_is_not_reported_undefined_but_other_names_are(check):
    # The fault's first line is broken (an unclosed citation): the fault is lost, and a
    # reference to it is no second error; the undefined measure is.
    text = HEADER + "过错 拖延 〔第一条\n阶梯 责任 〔第四条〕 {\n  第1级 拖延 => 通报批评\n}\n"
    report = check(text)
    assert _codes(report) == [("R0103", 5), ("R0201", 7)]


def test_an_agency_that_lost_a_statement_reports_no_gap_and_another_agency_does(check):
    text = HEADER + "机关 甲局 〔第五条〕 {\n  性质 法定\n  职权 处罚 罚款\n  岗位 执法岗 {\n" \
        "    承担 罚款 罚款\n  }\n}\n" + \
        "机关 乙局 〔第六条〕 {\n  性质 法定\n  职权 处罚 警告\n  岗位 执法岗\n}\n"
    assert _codes(check(text)) == [("R0101", 9), ("R0301", 14)]


def test_a_statement_left_outside_its_block_keeps_the_block_before_it():
    text = HEADER + "措施 通报批评 〔第三十九条〕\n  轻重 3\n}\n过错 拖延 〔第一条〕\n"
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == [("R0101", 6)]
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]
    assert [f.name for f in parsed.regime.faults] == ["拖延"]
    # Its 轻重 went with the stray line: the ladder does not call it unweighted.
    assert parsed.lost.partial == {"通报批评"}


def test_a_broken_header_statement_keeps_the_header(check):
    text = '制度 某市规定 {\n  层级 市\n  制定机关 "某市人民政府\n  施行 2020-01-01\n}\n' + \
        "过错 拖延\n"
    report = check(text)
    # The header is there (no R0110), and the uncited fault is still reported.
    assert _codes(report) == [("R0103", 3), ("R0901", 6)]
    assert report.resolved[0].regime.level == "city"


def test_an_unclosed_block_keeps_its_statements():
    text = HEADER + RECORD + "职责 答复投诉 〔第三条〕 {\n  起算 投诉.收到\n  期限 5 工作日\n" \
        "  完成 投诉.答复\n" + "措施 通报批评 〔第八条〕 { 轻重 1 }\n"
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == [("R0102", 9)]
    [duty] = parsed.regime.duties
    assert duty.period is not None and duty.met_by


def test_a_block_with_more_broken_statements_than_the_bound_is_reported_and_given_up():
    from respons.syntax import parser

    lines = "".join("  期限 7 工作日 工作日\n" for _ in range(parser.MAX_ERRORS_PER_BLOCK + 5))
    parsed = parse_text(HEADER + "职责 答复 〔第三条〕 {\n" + lines + "}\n", "x.resp")
    codes = [d.code for d in parsed.diagnostics]
    assert codes.count("R0101") == parser.MAX_ERRORS_PER_BLOCK + 1
    assert parsed.diagnostics[-1].message.startswith("this block has more than 100 syntax")
    assert parsed.regime.duties == ()


def test_words_that_start_with_a_keyword_are_never_split():
    """或者, 并且, 并处, 期限内 are words of legal Chinese: a message never tells the author
    to write them apart (或 者), whether or not the grammar takes them as keywords."""
    for text in ("第1级 甲 或者 乙 => 批评", "第1级 甲 并且 乙 => 批评",
                 "第1级 甲 => 批评 并处 警告", "第1级 甲 或是 乙 => 批评"):
        parsed = parse_text(HEADER + f"阶梯 责任 〔第四条〕 {{\n  {text}\n}}\n", "x.resp")
        for diagnostic in parsed.diagnostics:
            assert "runs the keyword" not in diagnostic.message, text
            assert " 者`" not in (diagnostic.help or "") and " 且`" not in (diagnostic.help or "")
    # A keyword run into a name the file writes on its own is split: 完成投诉.
    parsed = parse_text(HEADER + RECORD + DUTY.format(period="期限 7 工作日", met_by="投诉.答复")
                        .replace("完成 投诉", "完成投诉"), "x.resp")
    [error] = parsed.diagnostics
    assert error.help == "put a space after `完成`: `完成 投诉`"


def test_expected_words_are_what_may_follow_here_not_what_may_follow_a_name_anywhere():
    # Issue 9: `第1级 不 甲 => 批评` listed 凭, 扣, 可选… (what may follow a name elsewhere).
    parsed = parse_text(HEADER + "阶梯 责任 〔第四条〕 {\n  第1级 不 甲 => 批评\n}\n", "x.resp")
    [error] = parsed.diagnostics
    assert error.message == ("unexpected `甲`; expected `且`/`and`, `或`/`or`, a comparison "
                             "(>=, >, <=, <, =), `.` or `=>`")
    for word in ("凭", "扣", "可选", "限于", "至", "近"):
        assert f"`{word}`" not in error.message and word not in (error.help or "")
    # 不 is no keyword: read as a name, it was meant as 非.
    assert error.help == "`不` is read as a name here; a condition is negated with `非` (or " \
        "`not`): `非 甲`"

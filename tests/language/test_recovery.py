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
    [error] = parsed.diagnostics
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
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == [("R0101", 6)]
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]


def test_a_block_keyword_in_column_one_starts_a_block_even_after_a_forgotten_brace():
    text = HEADER + "职责 答复 {\n  期限 7 工作日\n" + SOUND_MEASURE.format() + \
        "  期限 8 日\n阶梯 x {\n}\n"
    assert [first for first, _ in split_blocks(text)] == [1, 5, 7, 8]


def test_after_rejected_text_the_rest_of_the_line_is_not_read():
    """An unclosed string runs to the end of its line: a `}` after it closes nothing."""
    text = HEADER + '文书 整改通知书 {\n  标题 "整改 }\n}\n' + SOUND_MEASURE.format()
    assert [first for first, _ in split_blocks(text)] == [1, 5, 8]
    parsed = parse_text(text, "x.resp")
    assert [(d.code, d.span.line) for d in parsed.diagnostics] == [("R0103", 6)]
    assert [m.name for m in parsed.regime.measures] == ["通报批评"]

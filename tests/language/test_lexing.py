"""The tokens fmt and recovery work on are Lark's: the same terminals, the same places,
comments and blanks included, and text Lark rejects marked where Lark rejects it."""

from __future__ import annotations

import functools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedCharacters

from paths import GOLDEN, JURISDICTIONS
from respons.syntax.keywords import KEYWORDS
from respons.syntax.lexing import BAD, pieces, tokens
from respons.syntax.parser import tree_parser

TEXTS = {p.name: p.read_text("utf-8") for p in sorted(JURISDICTIONS.glob("*.resp"))} | \
    {p.name: p.read_text("utf-8") for p in sorted((GOLDEN / "invalid").glob("*.resp"))}
ALPHABET = ["制度", "机关", "职责", "期限", "期限内", "起算", "阶梯", "第1级", "第 一 级", "并",
            "且", "或", "or", "order", "and", "and-so", "非", "{", "}", "(", "（", ")", "=>", "⇒",
            ">=",
            "=", "〔第四十条〕", "[art. 4]", '"x"', '"a\\"b"', "“y”", "「名 称」", "「}」",
            "2020-01-01", "2020年1月1日", "7", "-3", "1.5", "工作日", ";", "；", "\n", "\r\n", " ",
            "\t", "\u3000", "\f", ".", "、", ",", "，", "%", "#", "# 注 }", '"', "〔", "「", "@",
            "\r", "\u2028", "x"]
LIMITS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# How the test expects an _NL to come apart (the module under test finds it with the
# grammar's own terminals; this is an independent statement of the same).
_NL_PARTS = re.compile(r"\r?\n|[;；]|[ \t]+|#[^\n]*")


@functools.cache
def lark_lexer():
    """Lark's own basic lexer over the parser's terminals, nothing ignored."""
    return tree_parser()


def lark_tokens(text: str) -> list[tuple[str, str, int, int]]:
    """What Lark's lexer reads, with each _NL cut as the module under test cuts it;
    raises UnexpectedCharacters where Lark stops."""
    out = []
    for token in lark_lexer().lex(text, dont_ignore=True):
        if token.type != "_NL":
            out.append((token.type, str(token), token.line, token.column))
            continue
        line, column = token.line, token.column
        for part in _NL_PARTS.findall(str(token)):
            kind = "COMMENT" if part.startswith("#") else \
                "WS" if part.strip(" \t") == "" else "_NL"
            out.append((kind, part, line, column))
            line, column = (line + 1, 1) if part.endswith("\n") else (line, column + len(part))
    return out


def ours(text: str) -> list[tuple[str, str, int, int]]:
    return [(t.type, t.value, t.line, t.column) for t in tokens(text)]


def test_the_seed_regimes_lex_exactly_as_lark_lexes_them():
    for name, text in TEXTS.items():
        try:
            expected = lark_tokens(text)
        except UnexpectedCharacters:
            continue  # a golden file with a lexical error: the property below covers it
        assert ours(text) == expected, name


@LIMITS
@given(st.lists(st.sampled_from(ALPHABET), max_size=60))
def test_any_text_lexes_as_lark_lexes_it_up_to_where_lark_stops(words):
    text = "".join(words)
    mine = ours(text)
    assert "".join(value for _, value, _, _ in mine) == text
    assert [(kind, value) for kind, value, _, _ in mine] == pieces(text)
    try:
        expected = lark_tokens(text)
    except UnexpectedCharacters as error:
        # Lark stops at the first character no terminal matches: so do we, and mark the
        # rest of that line as rejected.
        bad = next(i for i, token in enumerate(mine) if token[0] == BAD)
        assert mine[bad][2:] == (error.line, error.column)
        assert "\n" not in mine[bad][1]
        assert mine[bad][1] == text[error.pos_in_stream:].split("\n")[0]
        prefix = lark_tokens(text[:error.pos_in_stream]) if error.pos_in_stream else []
        assert mine[:bad] == prefix[:bad]
        return
    assert mine == expected


def test_a_name_spelt_like_a_keyword_is_that_keyword_a_longer_one_is_a_name():
    found = [(t.type, t.value) for t in tokens("期限 期限内 and and-so 第1级 step x")
             if t.type != "WS"]
    assert found == [("KW_WITHIN", "期限"), ("NAME", "期限内"), ("KW_AND", "and"),
                     ("NAME", "and-so"), ("STEP", "第1级"), ("KW_STEP", "step"), ("NAME", "x")]


def test_comments_and_statement_ends_come_apart_in_place():
    text = "职责 a {  # why\n\n  # whole line\n  期限 7 日; 负责 b\r\n}"
    found = [(t.type, t.value, t.line, t.column) for t in tokens(text)]
    assert [t for t in found if t[0] in ("COMMENT", "_NL")] == [
        ("COMMENT", "# why", 1, 9), ("_NL", "\n", 1, 14), ("_NL", "\n", 2, 1),
        ("COMMENT", "# whole line", 3, 3), ("_NL", "\n", 3, 15), ("_NL", ";", 4, 9),
        ("_NL", "\r\n", 4, 15)]
    assert found[-1] == ("RBRACE", "}", 5, 1)


def test_rejected_text_runs_to_the_line_end_and_lexing_goes_on():
    text = '依据 "未闭合 { 的字符串\n} @ 2020-01-01 }\n职责 x'
    found = [(t.type, t.value, t.line) for t in tokens(text) if t.type != "WS"]
    assert found == [("KW_BASIS", "依据", 1), (BAD, '"未闭合 { 的字符串', 1), ("_NL", "\n", 1),
                     ("RBRACE", "}", 2), (BAD, "@ 2020-01-01 }", 2), ("_NL", "\n", 2),
                     ("KW_DUTY", "职责", 3), ("NAME", "x", 3)]


def test_every_spelling_of_every_keyword_lexes_as_lark_lexes_it():
    """The keywords are found as NAMEs spelt like them: true while no terminal tried before
    NAME matches where a keyword does, which this checks for each spelling and follower."""
    for terminal, spellings in KEYWORDS.items():
        for spelling in spellings:
            for after in (" x", "\n", "(", ".", "、", "=>", "#", "}", "1", "-", "x", ""):
                text = spelling + after
                assert ours(text) == lark_tokens(text), (terminal, text)

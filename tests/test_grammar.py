"""The grammar: the shipped copy is the canonical one, it has no conflicts, and every
keyword has an English and a Chinese spelling."""

from __future__ import annotations

import importlib.resources

from lark import Lark

from paths import ROOT
from respons.syntax.grammar import grammar_text
from respons.syntax.keywords import KEYWORDS, pattern
from respons.syntax.parser import model_parser

CANONICAL = ROOT / "grammar" / "respons.lark"


def test_shipped_grammar_is_the_canonical_one():
    shipped = importlib.resources.files("respons.syntax") / "respons.lark"
    assert shipped.read_bytes() == CANONICAL.read_bytes()
    assert grammar_text() == CANONICAL.read_text("utf-8")


def test_grammar_has_no_conflicts_or_terminal_collisions():
    # strict=True makes Lark raise on any shift/reduce conflict or regex collision.
    Lark(CANONICAL.read_text("utf-8"), parser="lalr", lexer="contextual", strict=True)


def test_parser_is_built_once_per_process():
    assert model_parser() is model_parser()


def _spellings():
    yield from KEYWORDS.items()


def test_the_keyword_table_is_the_grammar_s_keywords():
    """syntax/keywords.py and the grammar say the same: every KW_ terminal of the grammar
    is a row of the table with exactly the table's pattern, and every row a terminal."""
    terminals = {t.name: t.pattern.value for t in model_parser().terminals
                 if t.name.startswith("KW_")}
    assert set(terminals) == set(KEYWORDS)
    for name, value in terminals.items():
        assert value == pattern(name), name


def test_every_keyword_has_an_english_and_a_chinese_spelling():
    for name, spellings in _spellings():
        english = [s for s in spellings if s.isascii()]
        chinese = [s for s in spellings if not s.isascii()]
        assert english, name
        if name != "KW_STEP":  # the Chinese step is the STEP token: 第1级
            assert chinese, name


def test_no_two_keywords_share_a_spelling():
    seen = {}
    for name, spellings in _spellings():
        for spelling in spellings:
            assert spelling not in seen, f"{spelling} is both {seen[spelling]} and {name}"
            seen[spelling] = name


def test_every_keyword_is_in_the_language_reference():
    table = (ROOT / "docs" / "language.md").read_text("utf-8").split("## Keywords")[1]
    for name, spellings in _spellings():
        for spelling in spellings:
            assert f"| {spelling} |" in table or f" {spelling}," in table or \
                f", {spelling} |" in table, f"{spelling} ({name}) missing from docs/language.md"

"""Regime text as the parser's lexer reads it, every character accounted for.

`respons fmt` and error recovery work on tokens, and need all of them: the comments and
blanks the parser ignores, and text the parser rejects. Rather than keep copies of the
grammar's lexemes, they lex with the terminal definitions of the shipped parser, as Lark's
basic lexer does — the same terminals, tried in Lark's order, nothing ignored — so a
string, a citation, a 「name」, a comment or a brace is exactly what the parser takes it to
be, and a change to the grammar reaches them. tests/language/test_lexing.py checks the
tokens against Lark's own `Lark.lex(text, dont_ignore=True)`.

Lark's lexer makes a Python object per token and tries the ~90 keyword terminals one by
one at every position; that made `respons fmt` half again as slow. So the expressions are
Lark's, but the loop is this module's, and a keyword is found as Lark finds a keyword
written as a string: as a NAME whose text is that keyword. Each keyword's pattern is its
spellings followed by what cannot continue a name, so it covers exactly the text a NAME
would (tests/test_grammar.py holds the keyword table to the grammar's patterns, and
tests/language/test_lexing.py lexes every spelling both ways).

``pieces`` gives (terminal, text) for the formatter; ``tokens`` adds where each starts.

What comes out differs from what the parser reads in three ways, each on purpose:

- An ``_NL`` — to the parser one token: a run of line ends, `;`, blanks and whole-line
  comments — comes out in pieces: one ``_NL`` per line end (``\\n``, ``\\r\\n``) or `;`,
  and the grammar's own ``WS`` and ``COMMENT`` for blanks and comments, so that a comment
  keeps its place among the lines.
- Where no terminal matches (an unclosed string, a stray character), the rest of the line
  is one ``BAD`` token and lexing goes on at the line end: Lark reads nothing past such a
  place, and strings, citations and 「names」 never span lines.
- Every terminal is tried everywhere, where the parser's contextual lexer tries only those
  the parser expects next: a name spelt like a keyword comes out as the keyword. It covers
  the same text, which is what the formatter and recovery rely on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from copy import copy
from typing import NamedTuple

from lark.lexer import BasicLexer

from respons.syntax.keywords import KEYWORDS
from respons.syntax.parsers import model_parser

#: The type of a token for text no terminal matches (to the end of its line).
BAD = "BAD"


class Lexeme(NamedTuple):
    """One token: its terminal, its text and where it starts (from 1, as Lark counts)."""

    type: str
    value: str
    line: int
    column: int


#: Makes a Lexeme without the Python-level __new__ of a NamedTuple (a file has 10⁴–10⁶ tokens).
_make = tuple.__new__


@functools.cache
def _keyword_of() -> dict[str, str]:
    return {spelling: terminal for terminal, spellings in KEYWORDS.items()
            for spelling in spellings}


class _Scanners(NamedTuple):
    every: re.Pattern  # every terminal but the keywords, in Lark's order
    inside: re.Pattern  # the parts of an _NL
    blanks: re.Pattern  # the grammar's WS


@functools.cache
def _scanners() -> _Scanners:
    conf = copy(model_parser().lexer_conf)
    conf.ignore = ()
    conf.terminals = [t for t in conf.terminals if t.name not in KEYWORDS]
    # The parser's own terminals, validated when its tables were built: validating them
    # again (with interegular, where it is installed) would cost more than the lexing.
    conf.skip_validation = True
    ordered = BasicLexer(conf).terminals  # sorted as Lark tries them
    regexp = {t.name: t.pattern.to_regexp() for t in ordered}
    every = "|".join(f"(?P<{name}>{pattern})" for name, pattern in regexp.items())
    # Inside an _NL, what is neither a comment nor blanks is a line end or a `;`.
    inside = "|".join(f"(?P<{name}>{regexp[name]})" for name in ("COMMENT", "WS")) \
        + r"|(?P<_NL>\r\n|[\s\S])"
    flags = conf.g_regex_flags
    return _Scanners(re.compile(every, flags), re.compile(inside, flags),
                     re.compile(regexp["WS"], flags))


def pieces(text: str) -> list[tuple[str, str]]:
    """(terminal, text) of every token of ``text`` in order; the texts add up to ``text``."""
    scanners = _scanners()
    get_keyword = _keyword_of().get
    all_blanks = scanners.blanks.fullmatch
    out: list[tuple[str, str]] = []
    add = out.append
    for found in scanners.every.finditer(text):
        kind, value = found.lastgroup, found.group()
        if kind == "NAME":
            add((get_keyword(value, kind), value))
        elif kind != "_NL" or value == "\n":  # one line end, the most common _NL, is whole
            add((kind, value))
        elif value[0] == "\n" and all_blanks(value, 1):  # a line end and the next indent
            out += ((kind, "\n"), ("WS", value[1:]))
        else:
            out += [(part.lastgroup, part.group()) for part in scanners.inside.finditer(value)]
    # Matches do not overlap, so they cover the text unless the search skipped some of it.
    if sum(len(value) for _, value in out) != len(text):
        return _with_rejections(text)
    return out


def _with_rejections(text: str) -> list[tuple[str, str]]:
    """The careful way, for text where somewhere no terminal matches: token by token."""
    scanners = _scanners()
    get_keyword = _keyword_of().get
    out: list[tuple[str, str]] = []
    pos, end = 0, len(text)
    while pos < end:
        found = scanners.every.match(text, pos)
        if found is None:
            stop = text.find("\n", pos)
            stop = end if stop < 0 else stop
            out.append((BAD, text[pos:stop]))
            pos = stop
            continue
        kind, value = found.lastgroup, found.group()
        if kind == "_NL":
            out += [(part.lastgroup, part.group()) for part in scanners.inside.finditer(value)]
        else:
            out.append((get_keyword(value, kind) if kind == "NAME" else kind, value))
        pos += len(value)
    return out


def tokens(text: str) -> Iterator[Lexeme]:
    """Every token of ``text`` in order, with the line and column where it starts."""
    line, column = 1, 1
    for kind, value in pieces(text):
        yield _make(Lexeme, (kind, value, line, column))
        if value[-1] == "\n":  # only an _NL piece holds a line end, and at its end
            line, column = line + 1, 1
        else:
            column += len(value)

"""Syntax errors in the author's words.

Lark reports terminals by their grammar names (KW_WITHIN, RBRACE, $END); this module
turns them into what the author typed (`期限`/`within`, `}`, end of file), recognises the
common mistakes — a keyword run into its value, an unknown statement word, a missing
`{` or `}`, an unclosed string — and says how to fix them.
"""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from respons.diagnostics.codes import severity_of
from respons.diagnostics.diagnostic import Diagnostic
from respons.diagnostics.suggest import nearest
from respons.model.base import Span
from respons.model.kinds import ELEMENTS, OVERRIDABLE
from respons.syntax.keywords import BLOCK_TERMINALS, chinese, spellings

_KEYWORD = re.compile(r"^KW_\w+$")
_LABELS = {
    "NAME": "a name", "NUMBER": "a number", "STRING": 'a quoted string "…"',
    "DATE": "a date (2006-01-01)", "CITATION": "a citation 〔第N条〕",
    "RBRACE": "`}`", "LBRACE": "`{`", "_NL": "the end of the statement", "$END": "end of file",
    "COMPARATOR": "a comparison (>=, >, <=, <, =)", "_ARROW": "`=>`",
    "_LIST_SEP": "`,` or `、`", "STEP": "a step (第1级)", "PERCENT": "`%`",
    "_LPAR": "`(`", "_RPAR": "`)`", "DOT": "`.`",
}


def label(terminal: str) -> str:
    if _KEYWORD.match(terminal) or terminal == "KW_STEP":
        return "/".join(f"`{s}`" for s in reversed(spellings(terminal)))
    return _LABELS.get(terminal, f"`{terminal}`")


def _expected_phrase(expected: set[str]) -> str:
    expected = {e for e in expected if e not in ("COMMENT",)}
    keywords = sorted(e for e in expected if _KEYWORD.match(e))
    others = sorted(e for e in expected if not _KEYWORD.match(e))
    phrases = [label(e) for e in others]
    if len(keywords) > 4:
        sample = ", ".join(spellings(k)[-1] for k in keywords[:6])
        phrases.insert(0, f"a statement ({sample}{', …' if len(keywords) > 6 else ''})")
    else:
        phrases = [label(k) for k in keywords] + phrases
    if not phrases:
        return "nothing more here"
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " or " + phrases[-1]


def _token_text(token) -> str:
    if token.type == "$END":
        return "end of file"
    if token.type == "_NL":
        return "end of line" if str(token).strip() in ("", "#") or "\n" in str(token) \
            else f"`{str(token).strip()}`"
    return f"`{token}`"


def syntax_diagnostic(error: UnexpectedInput, path: str, lines: list[str],
                      line_offset: int = 0, block_start: int | None = None,
                      next_block: int | None = None) -> Diagnostic:
    """One diagnostic for a Lark parse error, with a message and a fix where one is known.

    ``block_start`` is the first line of the top-level block being parsed on its own, and
    ``next_block`` the line where the next one starts: a block that runs out is reported
    at its start, which is where the author has to look.
    """
    if _ran_out(error) and block_start is not None:
        source = lines[block_start - 1] if block_start <= len(lines) else ""
        width = len(source.split("{")[0].rstrip()) or 1
        span = Span(path, block_start, 1, block_start, width + 1)
        where = f"before line {next_block}, where the next block starts" if next_block \
            else "before the end of the file"
        return Diagnostic("R0102", severity_of("R0102"), f"this block is not closed {where}",
                          span, "close it with `}`")
    line = (error.line if error.line and error.line > 0 else len(lines) - line_offset)
    column = error.column if error.column and error.column > 0 else 1
    line += line_offset
    code, message, help_text, width = _describe(error, lines, line)
    span = Span(path, line, column, line, column + max(width, 1))
    return Diagnostic(code, severity_of(code), message, span, help_text)


def _ran_out(error: UnexpectedInput) -> bool:
    return isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END")


def _describe(error: UnexpectedInput, lines: list[str], line: int):
    if isinstance(error, UnexpectedEOF) or (
            isinstance(error, UnexpectedToken) and error.token.type == "$END"):
        return ("R0102", "unexpected end of file: a block is not closed",
                "close every `{` with a `}`", 1)
    if isinstance(error, UnexpectedCharacters):
        char = error.char
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        if char in ('"', "“"):
            return ("R0103", "this string is not closed before the end of the line",
                    'close the string with the same kind of quote: "…" or “…”', 1)
        if char in ("〔", "["):
            return ("R0103", "this citation is not closed before the end of the line",
                    "close the citation: 〔第N条〕 or [art. N]", 1)
        allowed = _expected_phrase(set(error.allowed or ()))
        return ("R0103", f"unexpected character {char!r}; expected {allowed}",
                _char_help(char, source), 1)
    assert isinstance(error, UnexpectedToken)
    token = error.token
    expected = set(error.expected or ())
    width = len(str(token)) if token.type not in ("_NL",) else 1
    found = _token_text(token)
    if {e for e in expected if _KEYWORD.match(e)} == _OVERRIDABLE_TERMINALS:
        return _after_override(token, found, width)
    if _KEYWORD.match(token.type) and _is_top_level(expected) and \
            not _is_top_level({token.type}):
        return ("R0101", f"{found} stands outside any block",
                "a statement belongs inside a block: did the line before miss a `{`, "
                "or a `}` close the block too early?", width)
    if token.type == "NAME":
        glued = _glued_keyword(str(token), expected)
        if glued:
            return ("R0101", f"{found} runs the keyword `{glued}` into what follows",
                    f"put a space after `{glued}`: `{glued} {str(token)[len(glued):]}`", width)
        keywords = [k for k in expected if _KEYWORD.match(k)]
        if len(keywords) > 2:
            words = [s for k in keywords for s in spellings(k)]
            # Answer in the author's language: a Chinese word gets the Chinese keywords.
            chinese = any(ord(c) > 0x2E80 for c in str(token))
            words = [s for s in words if (ord(s[0]) > 0x2E80) == chinese] or words
            close = nearest(str(token), words)
            hint = f"did you mean {' or '.join(f'`{c}`' for c in close)}? " if close else ""
            return ("R0101", f"unknown statement {found} here",
                    f"{hint}a statement here starts with one of: "
                    + ", ".join(sorted(words)), width)
    if token.type == "_NL" and "LBRACE" in expected:
        return ("R0101", "expected `{` to open the block before the end of the line",
                "write the block as `<keyword> <name> { … }` with `{` on the same line", 1)
    if token.type == "RBRACE" and "_ARROW" in expected:
        return ("R0101", "this rule has no `=>` and no result",
                "write `<condition> => <result>`", width)
    return ("R0101", f"unexpected {found}; expected {_expected_phrase(expected)}", None, width)


#: What may follow `覆盖`: the keyword of a kind an override may change.
_OVERRIDABLE_TERMINALS = {kind.terminal for kind in OVERRIDABLE.values()}


def _after_override(token, found: str, width: int):
    words = ", ".join(f"`{chinese(kind.terminal)}`" for kind in OVERRIDABLE.values())
    kind = next((k for k in ELEMENTS if k.terminal == token.type), None)
    if kind is not None:
        return ("R0101", f"{found} cannot follow `覆盖`: {kind.one} cannot be overridden",
                f"an override changes what one of {words} says; declare what the lower "
                "regime adds under a new name", width)
    return ("R0101", f"unexpected {found} after `覆盖`; expected what it overrides",
            f"write `覆盖 <keyword> <name> {{ … }}` with one of {words}", width)


def _is_top_level(expected: set[str]) -> bool:
    """Whether the keywords among ``expected`` are only those that start a block."""
    keywords = {e for e in expected if _KEYWORD.match(e)}
    return bool(keywords) and keywords <= BLOCK_TERMINALS


def _glued_keyword(text: str, expected: set[str]) -> str | None:
    for terminal in expected:
        if not _KEYWORD.match(terminal):
            continue
        # The longest spelling first: 或者乙 runs 或者 (not 或) into 乙.
        for spelling in sorted(spellings(terminal), key=len, reverse=True):
            if text.startswith(spelling) and len(text) > len(spelling):
                return spelling
    return None


def _char_help(char: str, source: str) -> str | None:
    if char in "{}":
        return "braces open and close blocks: `<keyword> <name> { … }`"
    if char == "=":
        return "`=>` separates a condition from its result; `=` compares a field with a value"
    return None

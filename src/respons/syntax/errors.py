"""Syntax errors in the author's words.

Lark reports terminals by their grammar names (KW_WITHIN, RBRACE, $END); this module
turns them into what the author typed (`期限`/`within`, `}`, end of file), recognises the
common mistakes — a keyword run into its value, an unknown statement word, a missing
`{` or `}`, an unclosed string — and says how to fix them. What it lists as expected is
what the parser can take at that place (Lark's `accepts`), and a fix it writes out is one
the parser was seen to accept there (the caller's ``fits``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from respons.diagnostics.codes import severity_of
from respons.diagnostics.diagnostic import Diagnostic
from respons.diagnostics.suggest import nearest
from respons.model.base import Span
from respons.model.kinds import ELEMENTS, OVERRIDABLE
from respons.syntax.keywords import BLOCK_TERMINALS, KEYWORDS, chinese, spellings
from respons.syntax.numerals import parse_number

#: Whether the text of the parsed chunk with a replacement (start, end, new text) parses
#: past the line of the change: a fix is written out only where it does.
Fits = Callable[[int, int, str], bool]

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
    """How a message names what may come: a keyword by its Chinese and English spellings
    (`且`/`and` — not every spelling a drafter may write, 并且, 而且, 以及…)."""
    if _KEYWORD.match(terminal) or terminal == "KW_STEP":
        shown = dict.fromkeys([chinese(terminal), spellings(terminal)[0]])
        return "/".join(f"`{s}`" for s in shown)
    return _LABELS.get(terminal, f"`{terminal}`")


def _expected_phrase(expected: set[str]) -> str:
    expected = {e for e in expected if e not in ("COMMENT",)}
    keywords = sorted(e for e in expected if _KEYWORD.match(e))
    others = sorted(e for e in expected if not _KEYWORD.match(e))
    phrases = [label(e) for e in others]
    if len(keywords) > 4:
        sample = ", ".join(chinese(k) for k in keywords[:6])
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
                      next_block: int | None = None, names: Callable[[], set[str]] = set,
                      fits: Fits | None = None) -> Diagnostic:
    """One diagnostic for a Lark parse error, with a message and a fix where one is known.

    ``block_start`` is the first line of the top-level block being parsed on its own, and
    ``next_block`` the line where the next one starts: a block that runs out is reported
    at its start, which is where the author has to look. ``names`` gives the names the
    file writes as words of their own; ``fits`` tries a fix (without it, none is offered
    that changes more than a space after a keyword).
    """
    if ran_out(error) and block_start is not None:
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
    code, message, help_text, width = _describe(error, lines, line, names, fits)
    span = Span(path, line, column, line, column + max(width, 1))
    return Diagnostic(code, severity_of(code), message, span, help_text)


def _accepted(error: UnexpectedInput) -> set[str]:
    """The terminals the parser can take where it stopped: Lark's `accepts`, each tried on a
    copy of the parser. `expected` is every terminal of the LALR state, and a state is
    shared by every context its items occur in: after the name in `第1级 不 甲`, it holds
    what may follow a name anywhere (凭, 扣, 可选…), not what may follow it in a step."""
    parser = getattr(error, "interactive_parser", None)
    if parser is None:
        return set()
    return set(parser.accepts())


def ran_out(error: UnexpectedInput) -> bool:
    return isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END")


def _describe(error: UnexpectedInput, lines: list[str], line: int,
              names: Callable[[], set[str]], fits: Fits | None):
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
        allowed = _expected_phrase(_accepted(error) or set(error.allowed or ()))
        return ("R0103", f"unexpected character {char!r}; expected {allowed}",
                _char_help(char, source), 1)
    assert isinstance(error, UnexpectedToken)
    token = error.token
    expected = _accepted(error) or set(error.expected or ())
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
        unglued = _unglued(str(token), expected, names)
        if unglued is not None:
            glued, forms = unglued
            fix = next((form for form in forms if fits is None or
                        fits(token.start_pos, token.end_pos, form)), None)
            if fix is not None:
                spaced = fix == f"{glued} {str(token)[len(glued):]}"
                how = f"put a space after `{glued}`" if spaced else \
                    "put spaces between the keyword, the number and the unit"
                return ("R0101", f"{found} runs the keyword `{glued}` into what follows",
                        f"{how}: `{fix}`", width)
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
    return ("R0101", f"unexpected {found}; expected {_expected_phrase(expected)}",
            _negation_help(token, lines, line), width)


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


#: A number in digits or in Chinese numerals, and what follows it (a unit, or nothing).
_NUMBER_FIRST = re.compile(r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)(.*)", re.S)


def _unglued(text: str, expected: set[str], names: Callable[[], set[str]]):
    """The keyword that ``text`` starts with, where the parser expects it, and the ways
    of writing ``text`` apart, best first — or None.

    Only what cannot be one word is split: a keyword run into a number (期限7, 期限60日,
    近一年: keyword, number and unit apart, the author's numeral first) or into a name the
    file writes elsewhere as a word of its own (完成投诉 where 投诉 is a record kind).
    Legal Chinese is full of words that start with a keyword — 或者, 并且, 期限内, 非法 —
    and telling an author to write 或 者 would be a wrong fix."""
    for terminal in sorted(t for t in expected if _KEYWORD.match(t)):
        for spelling in sorted(spellings(terminal), key=len, reverse=True):
            if not text.startswith(spelling) or len(text) == len(spelling):
                continue
            rest = text[len(spelling):]
            number = _NUMBER_FIRST.fullmatch(rest)
            if number is not None:
                digits, unit = number.groups()
                written = [digits] + [str(n) for n in [parse_number(digits)]
                                      if n is not None and not digits[0].isdigit()]
                return spelling, [" ".join([spelling, n, unit] if unit else [spelling, n])
                                  for n in written]
            if rest in names():
                return spelling, [f"{spelling} {rest}"]
    return None


def meant_keyword(terminal: str, text: str) -> str | None:
    """The keyword a statement that starts with ``text`` (lexed as ``terminal``) was meant
    to start with: its own, or the longest it runs into (期限60日); None for a word that
    starts with none."""
    if terminal in KEYWORDS or terminal == "STEP":
        return terminal
    if terminal != "NAME":
        return None
    starts = [(len(s), keyword) for keyword, spelled in KEYWORDS.items() for s in spelled
              if text.startswith(s)]
    return max(starts)[1] if starts else None


#: How Chinese says "not" where the language has 非: read as a name, 不 甲 is two names.
_NEGATIONS = ("不", "未", "无", "没有", "不是")


def _negation_help(token, lines: list[str], line: int) -> str | None:
    """For `第1级 不 甲`: the word before the unexpected name was meant to negate it."""
    source = lines[line - 1] if token.type == "NAME" and 0 < line <= len(lines) else ""
    before = source[:token.column - 1].split()
    if not before or before[-1] not in _NEGATIONS:
        return None
    return (f"`{before[-1]}` is read as a name here; a condition is negated with `非` (or "
            f"`not`): `非 {token}`")


def _char_help(char: str, source: str) -> str | None:
    if char in "{}":
        return "braces open and close blocks: `<keyword> <name> { … }`"
    if char == "=":
        return "`=>` separates a condition from its result; `=` compares a field with a value"
    return None

"""Shared machinery of the builder: tokens to values, spans, and statement assembly.

The builder runs inside the LALR parser (Lark's embedded transformer), so the model is
built in the same pass as the parse without an intermediate tree. Lark fixes the
transformer when the parser is built, so the per-file context — the file name, the
regime id and where diagnostics go — is held in a context variable set by
``respons.syntax.parser.parse_text``.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import attrs
from lark import Token

from respons.diagnostics.diagnostic import Sink, related
from respons.model.base import Citation, Ref, Span
from respons.model.vocab import Vocabulary
from respons.syntax.citation import CitationError, parse_citation
from respons.syntax.keywords import KEYWORDS
from respons.syntax.numerals import read_number


@attrs.define
class BuildContext:
    file: str
    regime_id: str
    sink: Sink
    #: Added to every line number: a chunk parsed on its own (``respons.syntax.recovery``)
    #: starts at this line of the file.
    line_offset: int = 0
    #: id(condition node) → (its depth, the node), while the file is built (R0113)
    depths: dict = attrs.Factory(dict)
    #: The statements error recovery took out of the chunk (``respons.syntax.recovery``):
    #: the line of the `{` of their block → the terminals they start with (None for a
    #: statement whose first word is no keyword). A block does not report as missing what
    #: one of them may have said.
    dropped: dict[int, set[str | None]] = attrs.Factory(dict)


def dropped_from(head: Span | None, *terminals: str) -> bool:
    """Whether the block whose first line ``head`` is on lost a statement that may have
    started with one of ``terminals`` (then its absence is not reported)."""
    if head is None:
        return False
    lost = ctx().dropped.get(head.line)
    return bool(lost) and (None in lost or not lost.isdisjoint(terminals))


CURRENT: contextvars.ContextVar[BuildContext] = contextvars.ContextVar("respons_build")


def ctx() -> BuildContext:
    return CURRENT.get()


@attrs.frozen(slots=True)
class Stmt:
    """One statement of a block, reduced to the model field it sets and its value."""

    key: str
    value: object
    span: Span
    keyword: str = ""


def span_of(first: Token, last: Token | None = None) -> Span:
    last = last or first
    context = ctx()
    offset = context.line_offset
    return Span(context.file, first.line + offset, first.column, last.end_line + offset,
                last.end_column)


def span_between(first: Span, last: Span | None) -> Span:
    if last is None:
        return first
    return Span(first.file, first.line, first.column, last.end_line, last.end_column)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC. Records are stored in NFC (docs/records.md), so a name or
    a value the regime spells otherwise — 行 as the compatibility ideograph U+FA08, é as
    e and a combining accent — must meet them in the same form."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def name_text(text: str) -> str:
    """A name as the model holds it, from the text of its token: 「…」 taken off, in NFC."""
    return nfc(text[1:-1]) if text.startswith("「") else nfc(text)


def name_of(token: Token) -> str:
    text = str(token)
    if not text.startswith("「"):
        return nfc(text)  # a bare name is letters, digits, _ and - only
    name = nfc(text[1:-1])
    if _CONTROL.search(name):
        # Names become record fields, JSON members and SQL parameters; a tab, NUL or other
        # control character is never meant, and NUL cannot be stored on PostgreSQL.
        char = _CONTROL.search(name)[0]
        ctx().sink.add("R0115", f"the name {name!r} holds the control character "
                       f"U+{ord(char):04X}", span_of(token),
                       "remove it: a name holds visible characters and spaces only")
    return name


#: Unicode control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def string_of(token: Token) -> str:
    text = str(token)
    if text.startswith("“"):
        return nfc(text[1:-1])
    return nfc(re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1]))


def text_of(token: Token, what: str) -> str:
    """A quoted string that must say something — a 委托书's 文号, a 制定机关, a notice's
    标题: an empty one (or blanks only) is reported (R0116) and kept as written."""
    text = string_of(token)
    if not text.strip():
        ctx().sink.add("R0116", f"{what} is empty", span_of(token),
                       f"write {what} between the quotes, as the text gives it")
    return text


#: Digits a number may have before and after its point: more than any law writes, few
#: enough that every number converts exactly-enough and quickly (Python refuses to read
#: integers of more than 4,300 digits at all).
MAX_DIGITS = 15


def number_of(token: Token) -> float | int:
    """The value of a number token: digits (15, 7.5, -1) or Chinese numerals (十五, 两)."""
    text = str(token)
    if text[:1] in _CHINESE_DIGITS:
        value = read_number(text)
        if value is None:
            ctx().sink.add("R1208", f"{text} is not a number written the way statutes "
                           "write numbers", span_of(token),
                           "write it as 十五, 二十, 一百零五 or 一万二千, or in digits: 15")
            return 1  # stands in, so that no later check also reports a zero
        return value
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(whole) > MAX_DIGITS or len(fraction) > MAX_DIGITS:
        ctx().sink.add("R0114", f"the number {_shortened(text)} has more than {MAX_DIGITS} "
                       "digits before or after its point", span_of(token),
                       f"write a number of at most {MAX_DIGITS} digits each side of the point")
        # The largest number allowed stands in, so that no later step meets a huge one.
        largest = int("9" * MAX_DIGITS)
        return -largest if text.startswith("-") else largest
    return float(text) if "." in text else int(text)


#: The first characters of a number written in Chinese numerals (the grammar's NUMBER).
_CHINESE_DIGITS = frozenset("零〇一二两三四五六七八九十百千万")


def _shortened(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:10]}…{text[-10:]} ({len(text)} characters)"


_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def date_of(token: Token) -> dt.date | None:
    text = str(token)
    match = _CN_DATE.match(text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        return dt.date.fromisoformat(text)
    except ValueError:
        ctx().sink.add("R0105", f"{text} is not a date on the calendar", span_of(token),
                       "write the date as YYYY-MM-DD or YYYY年M月D日, e.g. 2006-01-01")
        return None


def citation_of(token: Token | None) -> Citation | None:
    if token is None:
        return None
    span = span_of(token)
    try:
        return parse_citation(str(token), ctx().regime_id, span)
    except CitationError as error:
        ctx().sink.add("R0106", f"cannot read citation {token}: {error}", span,
                       "cite as 〔第N条第M款第（K）项〕, 〔《法律名称》第N条〕 or [art. N(M)(K)]")
        # Keep what was written as a section, so the rule is not also reported as uncited.
        return Citation(regime=ctx().regime_id, section=str(token)[1:-1], text=str(token),
                        span=span)


def word(vocab: Vocabulary, token: Token) -> str | None:
    """Look a word up in a vocabulary; report an unknown one with the nearest spellings."""
    text = name_of(token)
    found = vocab.get(text)
    if found is None:
        from respons.diagnostics.suggest import did_you_mean

        hint = did_you_mean(text, vocab.spellings())
        ctx().sink.add("R0107", f"unknown {vocab.label} {text!r}{hint}", span_of(token),
                       f"a {vocab.label} is one of: {vocab.listing()}")
    return found


def ref_of(tokens: list[Token]) -> Ref:
    return Ref(tuple(name_of(t) for t in tokens), span=span_of(tokens[0], tokens[-1]))


def split(children: Iterable) -> tuple[list[Token], list]:
    """Separate the tokens of a rule's children from the values built below it."""
    tokens, values = [], []
    for child in children:
        (tokens if isinstance(child, Token) else values).append(child)
    return tokens, values


def first(tokens: list[Token], *types: str) -> Token | None:
    for token in tokens:
        if token.type in types:
            return token
    return None


def assemble(kind: str, stmts: Iterable, singles: dict[str, str], lists: Iterable[str] = (),
             required: dict[str, str] | None = None, head: Span | None = None) -> dict:
    """Turn a block's statements into keyword arguments of its model class.

    ``singles`` maps the field of a statement that may appear once to the keyword the
    author wrote (for the message when it appears twice); ``lists`` are fields that
    collect every statement; ``required`` are singles a block must have.
    """
    values: dict[str, object] = {key: [] for key in lists}
    seen: dict[str, Stmt] = {}
    for stmt in stmts:
        if not isinstance(stmt, Stmt):
            continue
        if stmt.key in singles:
            if stmt.key in seen:
                ctx().sink.add(
                    "R0108", f"{singles[stmt.key]} is given twice in this {kind}", stmt.span,
                    f"a {kind} has one {singles[stmt.key]}; remove one of them",
                    related(seen[stmt.key].span, f"the first {singles[stmt.key]}"))
                continue
            seen[stmt.key] = stmt
            values[stmt.key] = stmt.value
        else:
            values.setdefault(stmt.key, []).append(stmt.value)
    for key in lists:
        values[key] = tuple(values[key])
    for key, keyword in (required or {}).items():
        if key not in seen and head is not None and not dropped_from(head, terminal_of(keyword)):
            ctx().sink.add("R0109", f"this {kind} has no {keyword}", head,
                           f"add a `{keyword}` statement to the {kind}")
    return values


def terminal_of(label: str) -> str:
    """The terminal of a statement's keyword as messages write it: 期限/within → KW_WITHIN."""
    spelled = label.split("/")[0]
    return next((terminal for terminal, spellings in KEYWORDS.items() if spelled in spellings),
                spelled)


def set_fields(stmts: Iterable) -> frozenset[str]:
    return frozenset(stmt.key for stmt in stmts if isinstance(stmt, Stmt))

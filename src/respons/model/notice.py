"""Notices (文书): the documents a regime requires — what issues one, who issues it to whom,
how it is numbered, the elements it must carry with their citations — and a notice as
issued (`IssuedNotice`): its elements filled in, each with its citation, which
notice-format plugins render.

What can issue a notice is the table of outcome kinds (``respons.model.outcomes``); how an
element's template is read and filled is ``respons.model.template``, and a document number
``respons.model.docnumber``. None of them runs anything a regime wrote: a template is text
with named holes, filled with plain text.
"""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition


@attrs.frozen(slots=True)
class NoticeElement:
    """One element (要素) of a notice: its name, what fills it, whether the notice may go
    without it, and the article that requires it.

    ``template`` is text with ``{事实}`` placeholders (``respons.model.template``), ``fact``
    binds the element to one fact of the outcome that issues the notice. With neither, the
    fact of the element's own name fills it where the outcome gives one; otherwise nothing
    does, and a notice that something issues is an error (R0707). ``declared_in`` is the
    regime whose text declares the element: what `respons check` names when a regime
    built on it drops a required one (R0702)."""

    name: str
    template: str | None = None
    fact: str | None = None
    optional: bool = False
    citation: Citation | None = None
    declared_in: str = attrs.field(default="", eq=False, hash=False, repr=False)
    span: Span | None = span_field()


def _element(value) -> NoticeElement:
    # A bare name is a required element bound to nothing: how notices were first written,
    # and how a format plugin's tests still write one (`Notice(elements=("整改要求",))`).
    return NoticeElement(value) if isinstance(value, str) else value


def _elements(value) -> tuple[NoticeElement, ...]:
    return tuple(_element(item) for item in value)


@attrs.frozen(slots=True)
class Outcome:
    """签发 <kind> <name>: an outcome that issues the notice — an assessment's grade, an
    assessment's consequence, a liability measure proposed, a record's event. ``kind`` is
    the name of a row of ``respons.model.outcomes.OUTCOMES``, which says what ``target``
    names and the facts a notice issued on it is given; ``consecutive`` picks a
    consequence that follows a grade so many periods running (连续 N 年); ``where`` (限于)
    restricts a record's event to the records whose fields satisfy a condition, as a
    duty's 起算 … 限于 does (hangzhou 48: the 决定书 to an officer, 限于 被追究对象 =
    "行政执法人员")."""

    kind: str
    target: Ref
    consecutive: int | None = None
    citation: Citation | None = None
    where: Condition | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Party:
    """发文机关, 主送 or 抄送: who issues the notice, or receives it. ``name`` is a fact of
    the outcome (the assessed agency, the person liable…) or a declared agency; a name
    written in quotes (``literal``) is printed as it is written."""

    name: str
    literal: bool = False
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Notice:
    """A notice (文书) of the regime: its title (标题), what issues it (签发), its issuer
    (发文机关), recipients (主送) and copies (抄送), its document-number pattern (文号, e.g.
    ``吉司整〔{年}〕{号}号``), its elements (要素) in order and the formats it is issued in."""

    name: str
    title: str | None = None
    elements: tuple[NoticeElement, ...] = attrs.field(default=(), converter=_elements)
    formats: tuple[str, ...] = ()
    format_spans: tuple[Span, ...] = attrs.field(default=(), eq=False, hash=False, repr=False)
    issued_on: tuple[Outcome, ...] = ()
    issuer: Party | None = None
    recipients: tuple[Party, ...] = ()
    copy_to: tuple[Party, ...] = ()
    number: str | None = None
    number_span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    citation: Citation | None = None
    span: Span | None = span_field()

    @property
    def required(self) -> tuple[str, ...]:
        """The names of the elements the notice cannot go without, in its order."""
        return tuple(e.name for e in self.elements if not e.optional)

    def cited(self, element: NoticeElement) -> Citation | None:
        """The article that requires ``element``: its own citation completed by the
        notice's (第（三）项 under 第三十二条), or the notice's where it cites none."""
        if element.citation is None:
            return self.citation
        return element.citation.within(self.citation)


def written_date(date: dt.date) -> str:
    """成文日期 as GB/T 9704-2012 7.3.5.4 writes it: Arabic numerals, the year in full, the
    month and day without a leading zero — 2025年3月1日."""
    return f"{date.year}年{date.month}月{date.day}日"


@attrs.frozen
class IssuedElement:
    """One element (要素) of a notice as issued: its name as the regime writes it, its text,
    and the article that requires it, written out (empty where none is cited)."""

    name: str
    text: str
    citation: str = ""


def _issued(value) -> tuple[IssuedElement, ...]:
    return tuple(value)


@attrs.frozen
class IssuedNotice:
    """A notice as issued, what a notice-format plugin renders (``render(issued) -> bytes``):
    the parts of an official document after GB/T 9704-2012 — 发文机关 (``issuer``),
    发文字号 (``number``, e.g. 吉司整〔2025〕3号), 标题, 主送机关 (``recipient``), the body as
    its elements in the notice's order, each with its citation, 成文日期 (``date``), 抄送机关
    (``copy_to``) — and the article the notice is issued under (``citation``, written out).
    Every string is plain text: a format escapes it for itself."""

    notice: Notice
    number: str
    date: dt.date
    issuer: str
    recipient: str
    elements: tuple[IssuedElement, ...] = attrs.field(default=(), converter=_issued)
    citation: str = ""
    copy_to: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @property
    def title(self) -> str:
        return self.notice.title or self.notice.name

    def text(self, name: str) -> str:
        """The text of the element ``name`` ("" where the notice has none)."""
        return next((e.text for e in self.elements if e.name == name), "")

    def missing(self) -> list[str]:
        """The elements the notice requires that are absent or blank, in its order: a
        format refuses to render such a notice (`ValueError` naming them). An optional
        element (可选) may be absent."""
        given = {e.name for e in self.elements if str(e.text).strip()}
        return [name for name in self.notice.required if name not in given]

"""Notices (文书): the documents a regime requires, their title and required elements, and a
notice as issued (`IssuedNotice`): its elements filled in, each with its citation, which
notice-format plugins render.
"""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.base import Citation, Span, span_field


@attrs.frozen(slots=True)
class Notice:
    name: str
    title: str | None = None
    elements: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    format_spans: tuple[Span, ...] = attrs.field(default=(), eq=False, hash=False, repr=False)
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen
class IssuedElement:
    """One element (要素) of a notice as issued: its name as the regime writes it, its text,
    and the article that requires it, written out (empty where none is cited)."""

    name: str
    text: str
    citation: str = ""


def _elements(value) -> tuple[IssuedElement, ...]:
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
    elements: tuple[IssuedElement, ...] = attrs.field(default=(), converter=_elements)
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
        format refuses to render such a notice (`ValueError` naming them)."""
        given = {e.name for e in self.elements if str(e.text).strip()}
        return [name for name in self.notice.elements if name not in given]

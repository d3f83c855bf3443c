"""Notices (文书): the documents a regime requires, their title and required elements, and a
notice as issued (`IssuedNotice`): its values filled in, which notice-format plugins render.
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
class IssuedNotice:
    notice: Notice
    number: str
    date: dt.date
    issuer: str
    recipient: str
    values: dict[str, str] = attrs.Factory(dict)
    citation: str = ""

    @property
    def title(self) -> str:
        return self.notice.title or self.notice.name

    def missing(self) -> list[str]:
        return [e for e in self.notice.elements if not str(self.values.get(e, "")).strip()]

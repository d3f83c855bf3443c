"""Notices (文书): the documents a regime requires, their title and required elements."""

from __future__ import annotations

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

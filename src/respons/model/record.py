"""Record kinds: the matters a jurisdiction keeps records of (投诉举报, 案件, 执法证…).

A record kind has a key field that names one matter (a complaint number), fields, and the
events that happen to a matter (收到, 答复, 办结). A record in the store is one event:
``{"id": …, "type": "投诉举报.收到", "at": …, "投诉编号": …}``.
"""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref, Span, span_field


@attrs.frozen(slots=True)
class FieldType:
    """A field's type: a simple type (文本, 日期, 机关…), a reference to a kind, or a choice."""

    kind: str
    target: Ref | None = None
    choices: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Field:
    name: str
    type: FieldType
    optional: bool = False
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Event:
    name: str
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class RecordKind:
    name: str
    key: str | None = None
    fields: tuple[Field, ...] = ()
    events: tuple[Event, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()

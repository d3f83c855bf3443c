"""Building record kinds: key, fields and events."""

from __future__ import annotations

from respons.model.record import Event, Field, FieldType, RecordKind
from respons.model.vocab import FIELD_TYPES
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    first,
    name_of,
    span_of,
    split,
    string_of,
    word,
)


class RecordRules:
    def record(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("record", stmts, {"key": "主键/key"}, ("fields", "events"))
        values["events"] = tuple(e for group in values["events"] for e in group)
        return RecordKind(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                          span=head, **values)

    def key(self, children):
        return Stmt("key", name_of(children[1]), span_of(children[0], children[1]))

    def field(self, children):
        tokens, values = split(children)
        span = span_of(tokens[0], tokens[1])
        optional = len(values) > 1
        field = Field(name_of(tokens[1]), values[0], optional, span=span)
        return Stmt("fields", field, span)

    def simple_type(self, children):
        return FieldType(word(FIELD_TYPES, children[0]))

    def ref_type(self, children):
        return FieldType("ref", target=children[1])

    def choice_type(self, children):
        return FieldType("choice", choices=tuple(string_of(t) for t in children[1:]))

    def optional(self, children):
        return True

    def event(self, children):
        citation = citation_of(first(children, "CITATION"))
        events = tuple(Event(name_of(t), citation, span=span_of(t))
                       for t in children[1:] if t.type == "NAME")
        return Stmt("events", events, span_of(children[0], children[-1]))

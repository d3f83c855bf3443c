"""Building duties: trigger, period, completion, extensions, pauses, owner, breach."""

from __future__ import annotations

from respons.model.duty import Duty, Extension, Pause, Trigger
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    first,
    name_of,
    span_between,
    span_of,
    split,
)

DUTY_SINGLES = {"starts": "起算/starts", "period": "期限/within", "owner": "负责/owner",
                "breach": "违反/breach", "met_by": "完成/met-by"}
DUTY_LISTS = ("extensions", "pauses")
DUTY_REQUIRED = {"starts": "起算/starts", "period": "期限/within", "met_by": "完成/met-by"}


def duty_fields(values: dict) -> dict:
    met_by = values.pop("met_by", None)
    if met_by is not None:
        values["met_by"], values["met_by_all"] = met_by
    period = values.pop("period", None)
    if period is not None:
        limit, values["period_citation"] = period
        values["due_field" if isinstance(limit, str) else "period"] = limit
    return values


class DutyRules:
    def duty(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("duty", stmts, DUTY_SINGLES, DUTY_LISTS, DUTY_REQUIRED, head)
        return Duty(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                    span=head, **duty_fields(values))

    def starts(self, children):
        tokens, values = split(children)
        where = values.pop() if first(tokens, "KW_WHERE") is not None else None
        event, *also = values
        span = span_between(span_of(tokens[0]), (where or values[-1]).span)
        return Stmt("starts", Trigger(event, where, tuple(also), span=span), span)

    def within(self, children):
        tokens, values = split(children)
        citation = citation_of(first(tokens, "CITATION"))
        if not values:  # 期限 至 FIELD: the date a field of the starting record gives
            field = first(tokens, "NAME")
            return Stmt("period", (name_of(field), citation), span_of(tokens[0], field))
        span = span_between(span_of(tokens[0]), values[0].span)
        return Stmt("period", (values[0], citation), span)

    def met_by(self, children):
        tokens, refs = split(children)
        span = span_between(span_of(tokens[0]), refs[-1].span)
        joiners = {t.type for t in tokens[1:]}
        if joiners == {"KW_OR", "KW_AND"}:
            ctx().sink.add("R0404", "完成/met-by mixes 或/or and 且/and", span,
                           "write `完成 A 或 B` (met by the first) or `完成 A 且 B` (met when "
                           "all have happened); declare two duties for anything else")
        return Stmt("met_by", (tuple(refs), "KW_AND" in joiners), span)

    def extend(self, children):
        tokens, values = split(children)
        period, refs = values[0], values[1:]
        approver = refs.pop(0) if refs and first(tokens, "KW_APPROVED_BY") else None
        upon = refs[0] if refs else None
        span = span_between(span_of(tokens[0]), (upon or approver or period).span)
        extension = Extension(period, approver, upon, citation_of(first(tokens, "CITATION")),
                              span=span)
        return Stmt("extensions", extension, span)

    def pause(self, children):
        tokens, refs = split(children)
        span = span_between(span_of(tokens[0]), refs[-1].span)
        return Stmt("pauses", Pause(refs[0], refs[1], citation_of(first(tokens, "CITATION")),
                                    span=span), span)

    def owner(self, children):
        return Stmt("owner", children[1], span_between(span_of(children[0]), children[1].span))

    def breach(self, children):
        return Stmt("breach", children[1], span_between(span_of(children[0]), children[1].span))



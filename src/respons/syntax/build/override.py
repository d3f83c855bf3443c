"""Building overrides: `覆盖 <kind> <name> { … }` — a partial element and the fields it sets."""

from __future__ import annotations

from respons.model.agency import Agency
from respons.model.assessment import Assessment
from respons.model.duty import Duty
from respons.model.liability import Circumstance, Ladder, Measure
from respons.model.notice import Notice
from respons.model.regime import Override
from respons.syntax.build.agency import AGENCY_LISTS, AGENCY_SINGLES, agency_fields
from respons.syntax.build.assessment import ASSESS_LISTS, ASSESS_SINGLES, assessment_fields
from respons.syntax.build.base import assemble, set_fields, span_between, span_of, split
from respons.syntax.build.duty import DUTY_LISTS, DUTY_SINGLES, duty_fields
from respons.syntax.build.liability import (
    CIRC_SINGLES,
    LADDER_LISTS,
    LADDER_SINGLES,
    MEASURE_SINGLES,
)
from respons.syntax.build.notice import NOTICE_SINGLES, notice_fields


def _identity(values: dict) -> dict:
    return values


#: kind → (model class, singles, lists, post-processing of the assembled values)
OVERRIDABLE = {
    "agency": (Agency, AGENCY_SINGLES, AGENCY_LISTS, agency_fields),
    "duty": (Duty, DUTY_SINGLES, DUTY_LISTS, duty_fields),
    "measure": (Measure, MEASURE_SINGLES, (), _identity),
    "ladder": (Ladder, LADDER_SINGLES, LADDER_LISTS, _identity),
    "assessment": (Assessment, ASSESS_SINGLES, ASSESS_LISTS, assessment_fields),
    "notice": (Notice, NOTICE_SINGLES, ("elements",), notice_fields),
    "circumstance": (Circumstance, CIRC_SINGLES, (), _identity),
}

#: Field names of the statements in each kind, as the model names them after post-processing.
_RENAMED = {"status": ("status", "statuses", "status_citation"),
            "period": ("period", "period_citation"),
            "scheme": ("scheme", "scheme_span"), "formats": ("formats", "format_spans"),
            "met_by": ("met_by", "met_by_all")}


def _build(kind: str, children):
    cls, singles, lists, post = OVERRIDABLE[kind]
    tokens, values = split(children)
    target, stmts = values[0], values[1:]
    assembled = assemble(kind, stmts, singles, ())
    for key in lists:
        assembled[key] = tuple(assembled.get(key, ()))
    element = cls(target.parts[-1], span=target.span, **post(assembled))
    fields = set()
    for key in set_fields(stmts):
        fields.update(_RENAMED.get(key, (key,)))
    span = span_between(span_of(tokens[0]), target.span)
    return Override(kind, target, element, frozenset(fields), span=span)


class OverrideRules:
    def override(self, children):
        inner = children[1]
        return Override(inner.kind, inner.target, inner.element, inner.fields,
                        span=span_between(span_of(children[0]), inner.target.span))


def _make(kind):
    def method(self, children):
        return _build(kind, children)
    method.__name__ = f"override_{kind}"
    return method


for _kind in OVERRIDABLE:
    setattr(OverrideRules, f"override_{_kind}", _make(_kind))

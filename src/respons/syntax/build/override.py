"""Building overrides: `覆盖 <kind> <name> { … }` — a partial element and the fields it sets.

Which kinds may be overridden, their model classes and which fields each statement sets
are the kinds table's (``respons.model.kinds``); this module adds how each kind's
statements are assembled, which its own builder module says. The grammar's rule for
overriding a kind is ``override_<kind>``, and a method of that name is made for each.
"""

from __future__ import annotations

from respons.model.kinds import OVERRIDABLE
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
from respons.syntax.build.notice import NOTICE_LISTS, NOTICE_SINGLES, notice_fields


def _identity(values: dict) -> dict:
    return values


#: kind → (singles, lists, post-processing of the assembled values): how the statements of
#: each overridable kind become its model's fields, as its own builder assembles them.
STATEMENTS = {
    "agency": (AGENCY_SINGLES, AGENCY_LISTS, agency_fields),
    "duty": (DUTY_SINGLES, DUTY_LISTS, duty_fields),
    "measure": (MEASURE_SINGLES, (), _identity),
    "ladder": (LADDER_SINGLES, LADDER_LISTS, _identity),
    "assessment": (ASSESS_SINGLES, ASSESS_LISTS, assessment_fields),
    "notice": (NOTICE_SINGLES, NOTICE_LISTS, notice_fields),
    "circumstance": (CIRC_SINGLES, (), _identity),
}


def _build(name: str, children):
    kind = OVERRIDABLE[name]
    singles, lists, post = STATEMENTS[name]
    tokens, values = split(children)
    target, stmts = values[0], values[1:]
    assembled = assemble(name, stmts, singles, ())
    for key in lists:
        assembled[key] = tuple(assembled.get(key, ()))
    element = kind.model(target.parts[-1], span=target.span, **post(assembled))
    fields = set()
    for key in set_fields(stmts):
        fields.update(kind.sets.get(key, (key,)))
    span = span_between(span_of(tokens[0]), target.span)
    return Override(name, target, element, frozenset(fields), span=span)


class OverrideRules:
    def override(self, children):
        inner = children[1]
        return Override(inner.kind, inner.target, inner.element, inner.fields,
                        span=span_between(span_of(children[0]), inner.target.span))


def _make(name: str):
    def method(self, children):
        return _build(name, children)
    method.__name__ = f"override_{name}"
    return method


for _name in OVERRIDABLE:
    setattr(OverrideRules, f"override_{_name}", _make(_name))

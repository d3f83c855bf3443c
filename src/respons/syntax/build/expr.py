"""Building conditions, values and periods: the expressions inside statements."""

from __future__ import annotations

from respons.model.condition import MAX_DEPTH, AllOf, AnyOf, Compare, Literal, Not, refs_in
from respons.model.duty import Period
from respons.model.vocab import COMPARATORS, POINTS, TIMES, UNITS
from respons.syntax.build.base import (
    ctx,
    date_of,
    name_of,
    number_of,
    span_between,
    span_of,
    split,
    string_of,
    word,
)


def _joined_span(values):
    return span_between(values[0].span, values[-1].span) if values[0].span else None


def _depth(node) -> int:
    return ctx().depths.get(id(node), (1,))[0]


def _bounded(node, operands):
    """Record the node's depth; a condition deeper than MAX_DEPTH is reported (R0113) and
    flattened to the names it mentions, so that nothing later recurses into it.

    Only the level that crosses the limit is flattened (walking its subtree once); each
    level around it keeps that flattened node as it is, so that a condition nested n deep
    costs time in proportion to n — the names of those outer levels are not checked
    until the condition is written flatter."""
    depth = 1 + max((_depth(o) for o in operands), default=0)
    if depth > MAX_DEPTH:
        flattened = next((o for o in operands if _depth(o) > MAX_DEPTH), None)
        if flattened is not None:
            return flattened
        ctx().sink.add("R0113", f"this condition is nested more than {MAX_DEPTH} levels "
                       "deep", node.span, "write it flatter: 非 非 A is A, and 且/或 "
                       "chains need no brackets")
        node = AllOf(tuple(refs_in(node)), span=node.span)
    # The node is kept with its depth: while it is alive its id names no other node.
    ctx().depths[id(node)] = (min(depth, MAX_DEPTH + 1), node)
    return node


class ExprRules:
    def any_of(self, children):
        _, operands = split(children)
        return _bounded(AnyOf(tuple(operands), span=_joined_span(operands)), operands)

    def every(self, children):
        _, operands = split(children)
        return _bounded(AllOf(tuple(operands), span=_joined_span(operands)), operands)

    def not_(self, children):
        operand = children[1]
        node = Not(operand, span=span_between(span_of(children[0]), operand.span))
        return _bounded(node, [operand])

    def compare(self, children):
        left, op, right = children
        return Compare(left, COMPARATORS[str(op)], right, span=span_between(left.span, right.span))

    def number_value(self, children):
        unit = name_of(children[1]) if len(children) > 1 else None
        if unit is not None:  # 3 次 and 3 times say the same
            unit = next((v.get(unit) for v in (TIMES, UNITS, POINTS) if v.get(unit)), unit)
        return Literal("number", number_of(children[0]), unit,
                       span=span_of(children[0], children[-1]))

    def string_value(self, children):
        return Literal("string", string_of(children[0]), span=span_of(children[0]))

    def date_value(self, children):
        return Literal("date", date_of(children[0]), span=span_of(children[0]))

    def name_value(self, children):
        return Literal("name", name_of(children[0]), span=span_of(children[0]))

    def period(self, children):
        amount, unit = children
        return Period(number_of(amount), word(UNITS, unit), span=span_of(amount, unit))

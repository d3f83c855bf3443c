"""Conditions: the boolean expressions of ladders, vetoes, exemptions and filters.

A condition is a named circumstance or fault (a `Ref`), a comparison of a record field
with a value, or `Not`/`AllOf`/`AnyOf` of conditions (非, 且/并, 或).
"""

from __future__ import annotations

from typing import Union

import attrs

from respons.model.base import Ref, Span, span_field


@attrs.frozen(slots=True)
class Literal:
    """A constant in a comparison: a number (with an optional unit word), string, date or name."""

    kind: str  # "number", "string", "date" or "name"
    value: object
    unit: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Compare:
    left: Ref
    op: str  # one of >= <= > < = !=
    right: Literal
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Not:
    operand: Condition
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class AllOf:
    operands: tuple[Condition, ...]
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class AnyOf:
    operands: tuple[Condition, ...]
    span: Span | None = span_field()


Condition = Union[Ref, Compare, Not, AllOf, AnyOf]  # noqa: UP007 - a runtime alias


def refs_in(condition: Condition | None):
    """Every name a condition mentions (not the literals it compares with), in order.

    Walked with a stack, not recursion: a condition's depth is the author's to choose."""
    stack = [condition] if condition is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, Ref):
            yield node
        elif isinstance(node, Compare):
            yield node.left
        elif isinstance(node, Not):
            stack.append(node.operand)
        else:
            stack.extend(reversed(node.operands))


#: Conditions nest at most this deep; deeper ones are refused (R0113) before anything
#: walks them recursively (comparing, showing, compiling to SQL).
MAX_DEPTH = 32

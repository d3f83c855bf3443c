"""Conditions: the boolean expressions of ladders, vetoes, exemptions and filters.

A condition is a named circumstance or fault (a `Ref`), a comparison of a record field
with a value, or `Not`/`All`/`Any` of conditions (非, 且/并, 或).
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
class All:
    operands: tuple[Condition, ...]
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Any:
    operands: tuple[Condition, ...]
    span: Span | None = span_field()


Condition = Union[Ref, Compare, Not, All, Any]  # noqa: UP007 - a runtime alias


def refs_in(condition: Condition | None):
    """Every name a condition mentions (not the literals it compares with)."""
    if condition is None:
        return
    if isinstance(condition, Ref):
        yield condition
    elif isinstance(condition, Compare):
        yield condition.left
    elif isinstance(condition, Not):
        yield from refs_in(condition.operand)
    else:
        for operand in condition.operands:
            yield from refs_in(operand)

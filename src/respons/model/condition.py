"""Conditions: the boolean expressions of ladders, vetoes, exemptions and filters.

A condition is a name (a `Ref`: a circumstance, a fault, a 是否 field, a named condition),
a comparison of a record field with a value, or `Not`/`AllOf`/`AnyOf` of conditions (非,
且/并, 或). A `NamedCondition` (条件) is a condition defined once under a name; `expand`
replaces each use of such a name by its definition, which is how the engine and `respons
show` see it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Union

import attrs

from respons.model.base import Citation, Ref, Span, span_field


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


@attrs.frozen(slots=True)
class NamedCondition:
    """A named condition (条件): ``condition`` defined once, used by its name wherever a
    condition may stand. ``condition`` is None only where the block was left empty."""

    name: str
    condition: Condition | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


def expand(condition: Condition | None, definitions: Mapping[str, Condition],
           keep: frozenset[str] = frozenset()) -> Condition | None:
    """``condition`` with every name of ``definitions`` replaced by its definition, to any
    depth. A name met again inside its own expansion (a cycle, which the checker reports)
    and a name in ``keep`` (a field, which a field place reads before any named
    condition) stay as they are."""
    return _expand(condition, definitions, keep, ())


def _expand(node, definitions, keep, active: tuple[str, ...]):
    if node is None:
        return None
    if isinstance(node, Ref):
        name = node.text
        if name in keep or name not in definitions or name in active:
            return node
        return _expand(definitions[name], definitions, keep, (*active, name))
    if isinstance(node, Compare):
        return node
    if isinstance(node, Not):
        return Not(_expand(node.operand, definitions, keep, active), span=node.span)
    return type(node)(tuple(_expand(o, definitions, keep, active) for o in node.operands),
                      span=node.span)

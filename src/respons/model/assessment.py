"""Assessment (评议考核): a scoring scheme (a plugin) and its parameters.

Items carry points and the deductions that records or breaches cause; bands turn a score
into a grade; vetoes fix a grade whatever the score; consequences follow a grade, over
consecutive periods where the regime says so.
"""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition


@attrs.frozen(slots=True)
class Deduction:
    """每 <event/duty/fault> 扣 N 分: points taken off an item for each occurrence."""

    per: Ref
    where: Condition | None = None
    points: float = 0
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Item:
    """An item of the assessment; ``points`` is None where the regime lists a content to
    evaluate without giving it points (heilongjiang 33)."""

    name: str
    points: float | None
    deductions: tuple[Deduction, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bound:
    """One end of a band: ``op`` is >=, >, <= or < against ``value``.

    95分以上 is ``Bound(">=", 95)`` (民法典 1259: 以上 includes the number itself).
    """

    op: str
    value: float
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Band:
    name: str
    bounds: tuple[Bound, ...]
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Boundary:
    """How a boundary score is graded where the text is ambiguous: 边界 70 => 及格."""

    score: float
    grade: str
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Veto:
    """一票否决: when the condition holds, the grade is ``grade`` whatever the score."""

    condition: Condition
    grade: str
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Consequence:
    """What follows a grade, once or over ``consecutive`` periods: measures or notices."""

    grade: str
    consecutive: int | None = None
    options: tuple[tuple[Ref, ...], ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Weight:
    """The share of one way of evaluating (自评, 互评, 组织考评, 群众评议) in the total."""

    source: str
    percent: float
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Param:
    """A parameter passed to the scoring scheme plugin as written."""

    name: str
    value: object
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Assessment:
    name: str
    scheme: str | None = None
    scheme_span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    subject: str | None = None
    cycle: str | None = None
    full_marks: float | None = None
    items: tuple[Item, ...] = ()
    bands: tuple[Band, ...] = ()
    boundaries: tuple[Boundary, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    consequences: tuple[Consequence, ...] = ()
    weights: tuple[Weight, ...] = ()
    params: tuple[Param, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()

"""Liability (责任追究): faults, circumstances, measures, ladders, and who bears a fault."""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition
from respons.model.duty import Period


@attrs.frozen(slots=True)
class Fault:
    """A situation that counts as a fault (过错行为), e.g. samr 10's eighteen.

    ``categories`` are the broader faults it belongs to (属于): samr 10's eighteen are
    each a 行政执法过错行为 (第九条), and a condition naming that fault holds for them."""

    name: str
    subject: str | None = None
    categories: tuple[Ref, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Count:
    """A circumstance established by counting records: 一年内被追究 3 次以上. Without a
    ``window`` every record counts, however old."""

    event: Ref
    where: Condition | None = None
    window: Period | None = None
    op: str = ">="
    threshold: float = 1
    unit: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Circumstance:
    """A circumstance (情形/情节) a ladder, veto or apportionment rule can test: established
    case by case, by counting records (``count``), or by a condition over other
    circumstances and faults (``condition``, 条件)."""

    name: str
    subject: str | None = None
    count: Count | None = None
    condition: Condition | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Measure:
    """A measure (追究方式): 通报批评, 暂扣执法证件… ranked by ``severity`` (higher is heavier)."""

    name: str
    severity: float | None = None
    category: str | None = None
    subject: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Step:
    """One step of a ladder: when ``condition`` holds, one of ``options`` applies.

    ``options`` are alternatives (或); each is a combination of measures applied together (并).
    """

    level: int
    condition: Condition
    options: tuple[tuple[Ref, ...], ...]
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Effect:
    """What a circumstance does to a ladder: raise/lower by N steps, waive, heaviest, lightest."""

    kind: str
    steps: int | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Modifier:
    """An aggravating (从重), mitigating (从轻) or exempting (不予追究) circumstance."""

    kind: str  # "aggravate", "mitigate" or "exempt"
    condition: Condition
    effects: tuple[Effect, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Ladder:
    """Measures by severity for a subject (机关 or 人员), with their modifiers."""

    name: str
    subject: str | None = None
    steps: tuple[Step, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bearer:
    """Who bears a fault (承办人, 审核人, 批准人…) and what share (主要, 次要)."""

    role: str
    share: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bearing:
    """In a situation (情形), these bear the fault."""

    condition: Condition
    bearers: tuple[Bearer, ...]
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Apportionment:
    """The rules for who bears a fault (责任划分), in order."""

    name: str
    rules: tuple[Bearing, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()

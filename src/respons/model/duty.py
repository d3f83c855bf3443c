"""Duties (职责): a clock started by one record and stopped by another, with its period."""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition


@attrs.frozen(slots=True)
class Period:
    """A period: an amount and a unit (days, workdays, months, years)."""

    amount: float
    unit: str
    span: Span | None = span_field()

    def __str__(self) -> str:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{amount} {self.unit}"


@attrs.frozen(slots=True)
class Trigger:
    """What starts the clock (起算): an event, optionally only where a condition holds.

    ``also`` are further events that start it too: `起算 证件.核发 或 证件.检验` opens an
    obligation at issue and again at every inspection — a duty that recurs (changchun-xinqu
    任务12: inspected every three years).
    """

    event: Ref
    where: Condition | None = None
    also: tuple[Ref, ...] = ()
    span: Span | None = span_field()

    @property
    def events(self) -> tuple[Ref, ...]:
        return (self.event, *self.also)


@attrs.frozen(slots=True)
class Extension:
    """An extension (延长) of at most ``period``, granted by ``approver``; ``upon`` is the
    event that records the grant (凭 责任追究.批准延长), without which none is applied."""

    period: Period
    approver: Ref | None = None
    upon: Ref | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Pause:
    """Time excluded from the period (中止): from one event until another."""

    start: Ref
    end: Ref
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Duty:
    name: str
    starts: Trigger | None = None
    period: Period | None = None
    #: 期限 至 FIELD: due on the date a field of the starting record gives (a notice's
    #: 回复期限, guizhou-edu 14), instead of a period counted from the start.
    due_field: str | None = None
    period_citation: Citation | None = None
    met_by: tuple[Ref, ...] = ()
    #: 完成 A 且 B: met when every one of ``met_by`` has happened (when the last does);
    #: 完成 A 或 B (the default): met by the first of them.
    met_by_all: bool = False
    extensions: tuple[Extension, ...] = ()
    pauses: tuple[Pause, ...] = ()
    owner: Ref | None = None
    breach: Ref | None = None
    citation: Citation | None = None
    span: Span | None = span_field()

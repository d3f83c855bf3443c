"""Reading a run back: its summary, and its obligations listed as a report needs them —
queries in the store.

The summary (totals by state, the table by agency, what is due soon) is aggregated by the
store. The lists are streamed in a complete order, each as one query, optionally limited
in the query itself: what needs action now (overdue, and due within N working days) by
agency; the breaches (overdue or met late); what is due soon; what could not be
determined, with the years the calendar lacks; every obligation. A report so costs memory
in proportion to its summary, not to the records, and is byte-identical for the same run.
Rendering it for a person or a program is ``respons.report.evaluation``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from respons.engine.evaluate import Evaluation
from respons.engine.timeline import add_months
from respons.sql import ir
from respons.sql.ir import Col, CountAll, Func, Join, Lit, Order, Param, Table, all_of, select
from respons.store.results import OBLIGATIONS
from respons.syntax.present import limit_text

STATES = ("met", "met_late", "open", "paused", "overdue", "unknown")
BREACHES = ("overdue", "met_late")

_O = Table("obligations", "o")
_DUE = Func("COALESCE", (Col("o", "extended_due"), Col("o", "due_date")))


@attrs.frozen
class Summary:
    """What a run found, aggregated: ``totals`` by state, ``agencies`` (one row per agency
    with a count per state and ``due_soon``), the number due within ``soon_workdays``
    working days, the count of breaches, and the years without calendar data that the
    unknown obligations need."""

    evaluation: Evaluation
    totals: dict
    agencies: list[dict]
    due_soon: int
    soon_workdays: int
    breaches: int
    wanting: list[int] = attrs.Factory(list)


def _of_run(*conditions) -> ir.Expr:
    return all_of(Col("o", "run").eq(Param("run")), *conditions)


def _duties(evaluation: Evaluation) -> dict[tuple[str, str], object]:
    return {(v.regime.id, d.name): d for v in evaluation.versions for d in v.regime.duties}


def summary(compute, evaluation: Evaluation, soon_workdays: int = 3) -> Summary:
    params = {"run": evaluation.run.id, "as_of": evaluation.as_of, "soon": soon_workdays}
    state = Col("o", "state")
    agency = Func("COALESCE", (Col("o", "agency"), Lit("")))
    # One pass over the run's obligations: the counts by agency and state, whose sums are
    # the totals.
    totals = {name: 0 for name in STATES}
    per_agency: dict[str, dict] = {}
    for name, state_name, count in compute.query(select(
            agency, state, CountAll(), source=_O, where=_of_run(), group_by=[agency, state],
            order_by=[Order(agency), Order(state)]), params):
        entry = per_agency.setdefault(name, {"agency": name or None} |
                                      {s: 0 for s in STATES} | {"due_soon": 0})
        entry[state_name] = count
        totals[state_name] += count
    # Due soon: open, and due within N working days of the evaluation date.
    for name, count in compute.query(select(
            agency, CountAll(), source=_O, joins=_CALENDAR_JOINS, where=_of_run(_soon()),
            group_by=[agency]), params):
        per_agency[name]["due_soon"] = count
    wanting = years_wanting_data(compute, evaluation) if totals["unknown"] else []
    agencies = [per_agency[name] for name in sorted(per_agency)]
    return Summary(evaluation, totals, agencies, sum(a["due_soon"] for a in agencies),
                   soon_workdays, totals["overdue"] + totals["met_late"], wanting)


def years_wanting_data(compute, evaluation: Evaluation) -> list[int]:
    """The years the calendar lacks that the unknown obligations need to be decided (see
    `years_needed`)."""
    rows = compute.query(select(
        Col("o", "regime"), Col("o", "duty"), Col("o", "start_date"), source=_O,
        where=_of_run(Col("o", "state").eq(Lit("unknown"))), distinct=True),
        {"run": evaluation.run.id})
    duties = _duties(evaluation)
    wanted = set()
    for regime, duty_name, start in rows:
        wanted.update(years_needed(evaluation, duties[(regime, duty_name)].period, start))
    return sorted(wanted)


def years_needed(evaluation: Evaluation, period, start: str) -> list[int]:
    """The years without calendar data that a period from ``start`` needs, one per
    calendar of the evaluation.

    For a period of days, months or years only its last day must be known: the year that
    day falls in (before a roll to the next working day). A period of working days needs
    every day from its start: the start's year if it has no data, else the first year
    without data after it.
    """
    if period is None:
        # Due on a date a record gives (期限 至 FIELD): the years it needs are that date's,
        # which the obligation does not carry; the warning names none.
        return []
    day = dt.date.fromisoformat(start)
    wanted = set()
    for timeline in evaluation.timelines:
        covered = range(timeline.first_year, timeline.last_year + 1)
        if period.unit == "workdays":
            wanted.add(day.year if day.year not in covered else timeline.last_year + 1)
        elif period.unit == "days":
            wanted.add((day + dt.timedelta(days=int(period.amount))).year)
        else:
            months = int(period.amount) * (12 if period.unit == "years" else 1)
            wanted.add(add_months(day, months).year)
    return sorted(wanted)


# The calendar rows of the evaluation date (a) and of the due date (d): working days left
# are ``cum`` apart.
_CALENDAR_JOINS = (
    Join(Table("resp_cal", "a"), Col("a", "d").eq(Param("as_of")), left=True),
    Join(Table("resp_cal", "d"), Col("d", "d").eq(_DUE), left=True))
_WORKDAYS_LEFT = Col("d", "cum").minus(Col("a", "cum"))
_AGENCY = Func("COALESCE", (Col("o", "agency"), Lit("")))
_COLUMNS = ("duty", "regime", "start_id", "matter", "start_date", "due_date", "extended_due",
            "done_id", "done_date", "agency", "owner", "state")
#: Everything a listed obligation has, in this order.
LISTED_MEMBERS = ("duty", "regime", "state", "agency", "owner", "matter", "start_record",
                  "start_date", "due_date", "extended", "done_record", "done_date",
                  "days_late", "workdays_left", "counts_as", "period", "citation")
#: The members of a breach and of an obligation due soon, in the order the JSON gives them.
BREACH_MEMBERS = ("duty", "regime", "state", "agency", "owner", "matter", "start_record",
                  "start_date", "due_date", "extended", "done_record", "done_date",
                  "days_late", "counts_as", "period", "citation")
SOON_MEMBERS = ("duty", "regime", "state", "agency", "owner", "matter", "start_record",
                "start_date", "due_date", "extended", "workdays_left", "counts_as", "period",
                "citation")


def _listed(compute, evaluation: Evaluation, where: ir.Expr, order: list[Order],
            limit: int | None, soon_workdays: int = 0,
            members: tuple[str, ...] = LISTED_MEMBERS) -> Iterator[dict]:
    """The run's obligations where ``where`` holds, in ``order`` (completed by duty, start
    and regime, so that it is total), at most ``limit``: each as a report lists it — its
    matter and records, its due date, the days late and working days left, the duty's
    owner, the fault it counts as, its period and its citation — with the ``members``
    asked for, in their order (each dict made once: a province's report makes a million)."""
    # What a duty says of each of its obligations — the fault it counts as, its period,
    # its citation — is worked out once per duty, not once per obligation.
    facts = {key: (duty.breach.text if duty.breach else None, limit_text(duty),
                   duty.citation) for key, duty in _duties(evaluation).items()}
    # Working days left need the calendar: the due date's row and the evaluation date's.
    # Days late are calendar days, a difference of two dates, worked out here rather than
    # joined for every breach of a province's report.
    open_ones = "workdays_left" in members
    query = select(
        *(Col("o", name) for name in _COLUMNS),
        *([_WORKDAYS_LEFT] if open_ones else []), source=_O,
        joins=_CALENDAR_JOINS if open_ones else (), where=_of_run(where),
        order_by=[*order, Order(Col("o", "duty")), Order(Col("o", "start_seq")),
                  Order(Col("o", "regime"))],
        limit=limit)
    params = {"run": evaluation.run.id, "as_of": evaluation.as_of, "soon": soon_workdays}
    picks = [(name, LISTED_MEMBERS.index(name)) for name in members]
    as_of = dt.date.fromisoformat(evaluation.as_of)
    day = dt.date.fromisoformat
    for row in compute.stream(query, params):
        (duty_name, regime, start_id, matter, start, due, extended, done_id, done_date,
         agency, owner, state) = row[:12]
        left = row[12] if open_ones and state == "open" else None
        due = extended or due
        days_late = ((day(done_date) if done_date else as_of) - day(due)).days \
            if state in BREACHES else None
        counts_as, period, citation = facts[(regime, duty_name)]
        values = (duty_name, regime, state, agency, owner, matter, start_id, start, due,
                  extended is not None, done_id, done_date, days_late, left,
                  counts_as, period, citation)
        yield {name: values[index] for name, index in picks}


def _soon() -> ir.Expr:
    return all_of(Col("o", "state").eq(Lit("open")), _WORKDAYS_LEFT.le(Param("soon")))


def needing_action(compute, evaluation: Evaluation, soon_workdays: int = 3,
                   limit: int | None = None) -> Iterator[dict]:
    """What needs action now: every obligation overdue, and every one open and due within
    ``soon_workdays`` working days — by agency; in each, the overdue first, the longest
    overdue first, then the due soon, the soonest first."""
    overdue = Col("o", "state").eq(Lit("overdue"))
    first = ir.Case(((overdue, Lit(0)),), Lit(1))
    return _listed(compute, evaluation, ir.Or((overdue, _soon())),
                   [Order(_AGENCY), Order(first), Order(_DUE)], limit, soon_workdays)


def due_soon(compute, evaluation: Evaluation, soon_workdays: int = 3,
             limit: int | None = None) -> Iterator[dict]:
    """Every obligation open and due within ``soon_workdays`` working days of the
    evaluation date (0: due that day), by agency and due date, with the working days left."""
    return _listed(compute, evaluation, _soon(), [Order(_AGENCY), Order(_DUE)], limit,
                   soon_workdays, SOON_MEMBERS)


def breaches(compute, evaluation: Evaluation, states: tuple[str, ...] = BREACHES,
             limit: int | None = None) -> Iterator[dict]:
    """Every breach of the run — overdue, or met late (or those of ``states``) — by agency,
    duty and start, with the days past the due date (calendar days) and the duty it
    breaches."""
    return _listed(compute, evaluation, Col("o", "state").isin([Lit(s) for s in states]),
                   [Order(_AGENCY)], limit, members=BREACH_MEMBERS)


def undetermined(compute, evaluation: Evaluation, limit: int | None = None
                 ) -> Iterator[dict]:
    """Every obligation whose due date could not be counted (``unknown``), by agency, duty
    and start, each with ``years_needed``: the years the calendar lacks that it needs."""
    duties = _duties(evaluation)
    for item in _listed(compute, evaluation, Col("o", "state").eq(Lit("unknown")),
                        [Order(_AGENCY)], limit):
        period = duties[(item["regime"], item["duty"])].period
        yield item | {"years_needed": years_needed(evaluation, period, item["start_date"])}
def obligations(compute, evaluation: Evaluation) -> Iterator[dict]:
    """Every obligation of the run, in the order of the records that started them."""
    names = OBLIGATIONS.names[1:]
    query = select(*(Col("o", name) for name in names), source=_O, where=_of_run(),
                   order_by=[Order(Col("o", "start_seq")), Order(Col("o", "duty")),
                             Order(Col("o", "regime"))])
    for row in compute.stream(query, {"run": evaluation.run.id}):
        yield dict(zip(names, row, strict=True))

"""Reading a run back: its summary, its breaches, its obligations — queries in the store.

The summary (totals by state, the table by agency, what is due soon) is aggregated by the
store; breaches and obligations are streamed in a complete order, so a report costs
memory in proportion to its summary, not to the records, and is byte-identical for the
same run. Rendering it for a person or a program is ``respons.report.evaluation``'s.
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
from respons.syntax.present import period_text

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
    totals = {name: 0 for name in STATES} | dict(compute.query(select(
        state, CountAll(), source=_O, where=_of_run(), group_by=[state],
        order_by=[Order(state)]), params))
    agency = Func("COALESCE", (Col("o", "agency"), Lit("")))
    per_agency: dict[str, dict] = {}
    for name, state_name, count in compute.query(select(
            agency, state, CountAll(), source=_O, where=_of_run(), group_by=[agency, state],
            order_by=[Order(agency), Order(state)]), params):
        entry = per_agency.setdefault(name, {"agency": name or None} |
                                      {s: 0 for s in STATES} | {"due_soon": 0})
        entry[state_name] = count
    # Due soon: open, and due within N working days of the evaluation date.
    for name, count in compute.query(select(
            agency, CountAll(), source=_O,
            joins=[Join(Table("resp_cal", "a"), Col("a", "d").eq(Param("as_of"))),
                   Join(Table("resp_cal", "d"), Col("d", "d").eq(_DUE))],
            where=_of_run(state.eq(Lit("open")),
                          Col("d", "cum").minus(Col("a", "cum")).le(Param("soon"))),
            group_by=[agency]), params):
        per_agency[name]["due_soon"] = count
    wanting = years_wanting_data(compute, evaluation) if totals["unknown"] else []
    agencies = [per_agency[name] for name in sorted(per_agency)]
    return Summary(evaluation, totals, agencies, sum(a["due_soon"] for a in agencies),
                   soon_workdays, totals["overdue"] + totals["met_late"], wanting)


def years_wanting_data(compute, evaluation: Evaluation) -> list[int]:
    """The years the calendar lacks that the unknown obligations need to be decided.

    For a period of days, months or years only its last day must be known: the year that
    day falls in (before a roll to the next working day). A period of working days needs
    every day from its start: the start's year if it has no data, else the first year
    without data after it.
    """
    rows = compute.query(select(
        Col("o", "regime"), Col("o", "duty"), Col("o", "start_date"), source=_O,
        where=_of_run(Col("o", "state").eq(Lit("unknown"))), distinct=True),
        {"run": evaluation.run.id})
    duties = _duties(evaluation)
    return sorted({year for regime, duty_name, start in rows
                   for year in years_wanting(duties[(regime, duty_name)].period, start,
                                             evaluation)})


def years_wanting(period, start: str, evaluation: Evaluation) -> set[int]:
    """The years the calendar lacks that an unknown obligation of a ``period`` started on
    ``start`` needs, one per calendar loaded (`years_wanting_data` says how each is found)."""
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
    return wanted


def breaches(compute, evaluation: Evaluation) -> Iterator[dict]:
    """Every breach of the run — overdue, or met late — by agency, duty and start, with
    the days past the due date (calendar days) and the duty it breaches."""
    duties = _duties(evaluation)
    late = Func("COALESCE", (Col("dn", "day_index"), Col("a", "day_index"))).minus(
        Col("d", "day_index"))
    query = select(
        Col("o", "duty"), Col("o", "regime"), Col("o", "start_id"), Col("o", "matter"),
        Col("o", "start_date"), Col("o", "due_date"), Col("o", "extended_due"),
        Col("o", "done_id"), Col("o", "done_date"), Col("o", "agency"), Col("o", "owner"),
        Col("o", "state"), late, source=_O,
        joins=[Join(Table("resp_cal", "a"), Col("a", "d").eq(Param("as_of")), left=True),
               Join(Table("resp_cal", "d"), Col("d", "d").eq(_DUE), left=True),
               Join(Table("resp_cal", "dn"), Col("dn", "d").eq(Col("o", "done_date")),
                    left=True)],
        where=_of_run(Col("o", "state").isin([Lit(s) for s in BREACHES])),
        order_by=[Order(Func("COALESCE", (Col("o", "agency"), Lit("")))),
                  Order(Col("o", "duty")), Order(Col("o", "start_seq")),
                  Order(Col("o", "regime"))])
    for row in compute.stream(query, {"run": evaluation.run.id, "as_of": evaluation.as_of}):
        (duty_name, regime, start_id, matter, start, due, extended, done_id, done_date,
         agency, owner, state, days_late) = row
        duty = duties[(regime, duty_name)]
        yield {
            "duty": duty_name, "regime": regime, "state": state, "agency": agency,
            "owner": owner, "matter": matter, "start_record": start_id, "start_date": start,
            "due_date": extended or due, "extended": extended is not None,
            "done_record": done_id, "done_date": done_date, "days_late": days_late,
            "counts_as": duty.breach.text if duty.breach else None,
            "period": period_text(duty.period),
            "citation": duty.citation,
        }


def obligations(compute, evaluation: Evaluation) -> Iterator[dict]:
    """Every obligation of the run, in the order of the records that started them."""
    names = OBLIGATIONS.names[1:]
    query = select(*(Col("o", name) for name in names), source=_O, where=_of_run(),
                   order_by=[Order(Col("o", "start_seq")), Order(Col("o", "duty")),
                             Order(Col("o", "regime"))])
    for row in compute.stream(query, {"run": evaluation.run.id}):
        yield dict(zip(names, row, strict=True))

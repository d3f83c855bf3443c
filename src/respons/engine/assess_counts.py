"""What an assessment counts, per subject, inside the store: the counters and their SQL.

Every deduction (每 X 扣 N 分), finding (发现 X) and count in a veto (否决 X >= 1 次, a
circumstance's 计数) is a **counter**: the records of one event — or the breaches of a duty,
or of the duties that count as a fault (违反) — in the assessed period, each attributed to
the subject it concerns. Inside the transaction that publishes the run's assessment, one
INSERT … SELECT per counter puts (run, assessment, period, counter, subject, record id)
straight into ``assessment_evidence``, where the evidence is kept; the counts are one GROUP
BY over those rows (`counts`), the same on every backend. The rows are written once, where
they stay: neither staged in a temporary table and copied, nor fetched into Python. Python
never sees a record, only the counts per subject and, for the report, the ids behind them.

Attribution: a record of an event is the subject its 按 field names, or else the kind's
first field of the assessment's subject type (`respons.model.assessment.subject_field`); a
breach is its obligation's agency (an assessment of agencies) or its owner (of bodies or
officers). The period: a count in a veto with a window (近 1 年) counts the window ending
on the period's last day; every other counter counts the period itself.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs

from respons.engine.conditions import Conditions
from respons.model.assessment import subject_field
from respons.model.base import Ref
from respons.sql import ir
from respons.sql.ir import Col, Lit, Param, Table, all_of, select

#: The results table the counters fill: one row per record counted per counter.
EVIDENCE = "assessment_evidence"
#: What a breach is: the states of an obligation not met in time (docs/evaluate.md).
BREACH_STATES = ("met_late", "overdue")


@attrs.frozen
class Counter:
    """One thing counted per subject. ``source`` is "event", "duty" or "fault";
    ``what`` the event's type (``投诉举报.查实``), or the duties whose breaches count."""

    key: str
    source: str
    what: tuple[str, ...]
    kind: object = None          # the record kind of an event
    field: str | None = None     # the field naming the subject, for an event
    where: object = None         # a 限于 condition on the event's record
    start: str = ""              # the first day counted
    until: str = ""              # the last day counted


def period_of(year: int, cycle: str | None) -> tuple[str, str]:
    """The assessed period of ``year``: the calendar year (自然年, 1 January to 31
    December) — what every seed regime's 每年/年度 means; a two-year cycle (每两年) the
    year and the one before it."""
    first = year - 1 if cycle == "biennial" else year
    return f"{first}-01-01", f"{year}-12-31"


def window_start(until: str, window) -> str:
    """The first day of a window (近 N 年/个月/日) that ends on ``until``: 近 1 年 ending on
    31 December is that calendar year."""
    end = dt.date.fromisoformat(until)
    if window.unit == "years":
        start = end.replace(year=end.year - int(window.amount)) + dt.timedelta(days=1)
    elif window.unit == "months":
        start = _after_months(end, int(window.amount))
    else:
        start = end - dt.timedelta(days=int(window.amount) - 1)
    return start.isoformat()


def _after_months(end: dt.date, months: int) -> dt.date:
    """The day after the day ``months`` months before ``end`` (its month's last day where
    the month is shorter: 民法典 202)."""
    index = end.year * 12 + end.month - 1 - months
    year, month = divmod(index, 12)
    day = min(end.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day) + dt.timedelta(days=1)


class Counting:
    """Builds the counters of one assessment over one regime and compiles them to SQL."""

    def __init__(self, regime, index, assessment) -> None:
        self.regime = regime
        self.index = index
        self.assessment = assessment
        self.definitions = {c.name: c.condition for c in regime.conditions
                            if c.condition is not None}

    def counter(self, key: str, ref: Ref, where, by: str | None, start: str,
                until: str) -> Counter | None:
        """The counter of ``ref`` (an event, a duty, a fault), or None where ``ref`` names
        none of them (the checker has reported it)."""
        found = self.index.find(ref)
        if found is None:
            return None
        if found.kind == "event":
            kind = found.owner
            field = subject_field(kind, self.assessment.subject, by)
            if field is None:
                return None
            return Counter(key, "event", (ref.text,), kind, field, where, start, until)
        if found.kind == "duty":
            return Counter(key, "duty", (found.element.name,), start=start, until=until)
        if found.kind == "fault":
            duties = tuple(sorted(d.name for d in self.regime.duties
                                  if d.breach is not None and d.breach.text == ref.text))
            return Counter(key, "fault", duties, start=start, until=until)
        return None

    def insert(self, compute, counter: Counter, period: str, run: str, head: int,
               corrections: bool) -> None:
        """Add the records ``counter`` counts to the run's evidence, in one statement
        (inside the publishing transaction)."""
        if counter.source == "event":
            query, params = self._records(counter, head, corrections)
        else:
            query, params = self._breaches(counter, run)
        if query is not None:
            params.update(run=run, assessment=self.assessment.name, period=period)
            compute.insert(EVIDENCE, query, params)

    def _records(self, counter: Counter, head: int, corrections: bool):
        params: dict = {"key": counter.key, "type": counter.what[0], "from": counter.start,
                        "until": counter.until, "head": head}

        def param(value, hint="v"):
            name = f"{hint}{len(params)}"
            params[name] = value
            return Param(name)

        kind = counter.kind
        subject = Col("r", "matter") if counter.field == kind.key else \
            ir.JsonText(Col("r", "data"), counter.field)
        where = [Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
                 Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until")),
                 subject.not_null()]
        if corrections:
            where.append(ir.Exists(select(Lit(1), source=Table("records", "k"), where=all_of(
                Col("k", "corrects").eq(Col("r", "id")), Col("k", "seq").le(Param("head")))),
                negate=True))
        if counter.where is not None:
            types = {f.name: f.type.kind for f in kind.fields}
            where.append(Conditions(types, kind.key, self.definitions, param,
                                    lambda name: ir.JsonText(Col("r", "data"), name)
                                    ).compile(counter.where))
        return select(Param("run"), Param("assessment"), Param("period"), Param("key"), subject,
                      Col("r", "id"), source=Table("records", "r"),
                      where=all_of(*where), order_by=_in_key_order(subject, Col("r", "id"))
                      ), params

    def _breaches(self, counter: Counter, run: str):
        if not counter.what:
            return None, {}
        params: dict = {"key": counter.key, "run": run, "from": counter.start,
                        "until": counter.until}
        duties = []
        for number, duty in enumerate(counter.what):
            params[f"d{number}"] = duty
            duties.append(Param(f"d{number}"))
        states = []
        for number, state in enumerate(BREACH_STATES):
            params[f"s{number}"] = state
            states.append(Param(f"s{number}"))
        who = Col("o", "agency") if (self.assessment.subject or "agency") == "agency" else \
            Col("o", "owner")
        return select(Param("run"), Param("assessment"), Param("period"), Param("key"), who,
                      Col("o", "start_id"), source=Table("obligations", "o"),
                      where=all_of(Col("o", "run").eq(Param("run")), Col("o", "duty").isin(duties),
                                   Col("o", "state").isin(states),
                                   Col("o", "due_date").ge(Param("from")),
                                   Col("o", "due_date").le(Param("until")), who.not_null()),
                      order_by=_in_key_order(who, Col("o", "start_id"))), params


def _in_key_order(subject, record) -> tuple:
    """The ORDER BY of a counter's INSERT … SELECT: its rows share the key's first four
    columns (run, assessment, period, counter), so ordered by subject and record they go
    into the primary key's index one after another instead of at random places (SQLite,
    1,000,000 records: 13% less CPU for the whole assessment; DuckDB and PostgreSQL
    about the same either way)."""
    return (ir.Order(subject), ir.Order(record))


def counts(compute, run: str, assessment: str, period: str) -> dict[str, dict[str, int]]:
    """subject → counter → how many records it counted (one GROUP BY in the store, over
    the evidence the counters inserted in this transaction)."""
    out: dict[str, dict[str, int]] = {}
    rows = compute.query(select(
        Col("e", "subject"), Col("e", "counter"), ir.CountAll(),
        source=Table(EVIDENCE, "e"),
        where=all_of(Col("e", "run").eq(Param("run")), Col("e", "assessment").eq(Param("a")),
                     Col("e", "period").eq(Param("p"))),
        group_by=(Col("e", "subject"), Col("e", "counter"))),
        {"run": run, "a": assessment, "p": period})
    for subject, key, count in rows:
        out.setdefault(subject, {})[key] = int(count)
    return out


def field_values(compute, kind, field: str, start: str, until: str, head: int) -> set[str]:
    """Every value of ``field`` in the records of ``kind`` dated in the period: who the
    records name, so that a subject with nothing against it is assessed too."""
    subject = Col("r", "matter") if field == kind.key else ir.JsonText(Col("r", "data"), field)
    # NULL (a record that names no one) is left out here rather than in the WHERE clause:
    # there PostgreSQL would parse each record's JSON twice, once to test, once to keep.
    rows = compute.query(select(subject, source=Table("records", "r"), distinct=True, where=all_of(
        Col("r", "kind").eq(Param("kind")), Col("r", "seq").le(Param("head")),
        Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until")))),
        {"kind": kind.name, "head": head, "from": start, "until": until})
    return {row[0] for row in rows if row[0] is not None}


def recorded_values(compute, recorded, kind, field: str, start: str, until: str, head: int,
                    corrections: bool, year: int | None = None
                    ) -> dict[str, tuple[object, str]]:
    """subject → (the value recorded, the record's id): the latest record of the event in
    the period for each subject (a later assessment supersedes an earlier one) — or, where
    the statement names a year field (周期 FIELD), the latest whose field is ``year``."""
    subject = Col("r", "matter") if field == kind.key else ir.JsonText(Col("r", "data"), field)
    value = ir.JsonNumber(Col("r", "data"), recorded.field) if recorded.what == "score" else \
        ir.JsonText(Col("r", "data"), recorded.field)
    where = [Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
             subject.not_null()]
    if recorded.year_field is not None:
        where.append(ir.JsonNumber(Col("r", "data"), recorded.year_field).eq(Param("year")))
    else:
        where += [Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until"))]
    if corrections:
        where.append(ir.Exists(select(Lit(1), source=Table("records", "k"), where=all_of(
            Col("k", "corrects").eq(Col("r", "id")), Col("k", "seq").le(Param("head")))),
            negate=True))
    rows = compute.query(select(subject, value, Col("r", "id"), source=Table("records", "r"),
                                where=all_of(*where),
                                order_by=(ir.Order(Col("r", "at")), ir.Order(Col("r", "seq")))),
                         {"type": recorded.per.text, "head": head, "from": start,
                          "until": until, "year": year})
    return {row[0]: (row[1], row[2]) for row in rows}

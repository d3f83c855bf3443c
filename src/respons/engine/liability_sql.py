"""The liability engine's work in the store: the fault cases, their case files, and every
count a circumstance asks of them — as SQL, identical on SQLite, PostgreSQL and DuckDB.

A case is a record of the proceeding's 案件 type (KIND.EVENT) up to the ledger's head, not
corrected by a later record. Its case file is every record of the same kind and matter up
to and including it, in time order: the fields a case record does not repeat (who handled
it, the fault) were given by an earlier event of the matter, and a later value replaces an
earlier one. A count (`计数 EVENT 限于 … 其后 … 按 … 近 N 年`) is one statement per
circumstance over all the cases at once, after staging each side's keys (the case's, each
counted record's) into a temporary table: the counted records of each case, by id. Where
the cases are counted records themselves (a count of the case's own event, unfiltered),
their keys are taken from the counted side, each matter's file read once.

Windows (docs/liability.md, "Counting"): `近 N 年` holds a record dated after the day
corresponding to the act's date N years (近 N 个月: months) before, up to and including the
act's date — 365 or 366 days for one year (民法典 第二百零一条: the first day is not counted;
第二百零二条: a period in years or months ends on the corresponding day, or the month's last
day where there is none) — written as a comparison of the ISO date's month number and day,
so that 2024-02-29 counts from 2023-03-01 on every engine without date arithmetic.
`同一年度` holds a record of the act's calendar year. The act's date is the case record's date.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from respons.engine.conditions import Conditions
from respons.model.liability import Count
from respons.model.record import RecordKind
from respons.sql import ir
from respons.sql.ir import Col, Func, Lit, Order, Param, Table, all_of, select
from respons.store.api import Head

#: The temporary tables a count is staged in (this connection's only).
CASES, COUNTED = "liability_cases", "liability_counted"


@attrs.frozen
class Selection:
    """Which cases: one (``case``, a matter or a record id) or a calendar ``year``; and
    ``as_of``, the evaluation date (ISO): only records dated on or before it count — as a
    case, in a case file, in a count — as for duties (docs/evaluate.md, "States": what a
    supervisor would have seen then). None: every record up to the head."""

    case: str | None = None
    year: int | None = None
    as_of: str | None = None


class Queries:
    """Builds the liability statements over ``head``; ``param`` names their values."""

    def __init__(self, head: Head, case_type: str, selection: Selection,
                 definitions: Mapping[str, object]) -> None:
        self.params: dict = {"head": head.seq, "case_type": case_type}
        self.selection = selection
        self.definitions = definitions
        if selection.case is not None:
            self.params["case"] = selection.case
        if selection.as_of is not None:
            self.params["as_of"] = selection.as_of
        if selection.year is not None:
            self.params["y_from"] = f"{selection.year:04d}-01-01"
            self.params["y_to"] = f"{selection.year:04d}-12-31"

    def param(self, value, hint: str = "v") -> Param:
        name = f"{hint}{len(self.params)}"
        self.params[name] = value
        return Param(name)

    def visible(self, alias: str) -> ir.Expr:
        """``alias`` is in the ledger up to the head (dated on or before the evaluation
        date, where one is given), and no such record corrects it."""
        k = f"k_{alias}"
        corrected = ir.Exists(select(Lit(1), source=Table("records", k),
                                     where=all_of(Col(k, "corrects").eq(Col(alias, "id")),
                                                  *self._in_time(k))),
                              negate=True)
        return all_of(*self._in_time(alias), corrected)

    def _in_time(self, alias: str) -> list[ir.Expr]:
        found = [Col(alias, "seq").le(Param("head"))]
        if "as_of" in self.params:
            found.append(Col(alias, "at_date").le(Param("as_of")))
        return found

    def pick(self, alias: str) -> ir.Expr | None:
        """The one case (its matter or record id) or the year chosen, of record ``alias``."""
        if self.selection.case is not None:
            return ir.Or((Col(alias, "matter").eq(Param("case")),
                          Col(alias, "id").eq(Param("case"))))
        if self.selection.year is not None:
            return all_of(Col(alias, "at_date").ge(Param("y_from")),
                          Col(alias, "at_date").le(Param("y_to")))
        return None

    def chosen(self, alias: str = "c") -> ir.Expr:
        """The case records chosen: of the case type, visible, and the one case or year."""
        return all_of(Col(alias, "type").eq(Param("case_type")), self.visible(alias),
                      self.pick(alias))

    def files(self) -> ir.Select:
        """(seq, id, matter, at_date, data) of every chosen case — the case in chain order,
        the data of each record of its file in time order (NULL for a case without a
        matter, whose file is none)."""
        return select(Col("c", "seq"), Col("c", "id"), Col("c", "matter"), Col("c", "at_date"),
                      Col("m", "data"), source=Table("records", "c"),
                      joins=[ir.Join(Table("records", "m"), all_of(
                          Col("m", "kind").eq(Col("c", "kind")),
                          Col("m", "matter").eq(Col("c", "matter")),
                          Col("m", "at").le(Col("c", "at")), self.visible("m")), left=True)],
                      where=self.chosen(),
                      order_by=(Order(Col("c", "seq")), Order(Col("m", "at")),
                                Order(Col("m", "seq"))))

    def file_value(self, of: str, field: str) -> ir.Expr:
        """The latest value of ``field`` in the file of record ``of``'s matter up to it —
        its own, or what an earlier event of the matter said (a correlated lookup)."""
        m = f"f_{of}"
        value = ir.JsonText(Col(m, "data"), field)
        return ir.Scalar(select(value, source=Table("records", m), where=all_of(
            Col(m, "kind").eq(Col(of, "kind")), Col(m, "matter").eq(Col(of, "matter")),
            Col(m, "at").le(Col(of, "at")), value.not_null(), self.visible(m)),
            order_by=(Order(Col(m, "at"), descending=True),
                      Order(Col(m, "seq"), descending=True)), limit=1))

    def stage(self, compute, count: Count, counted: RecordKind | None,
              later: RecordKind | None) -> tuple[ir.Select, bool]:
        """Stage what ``count`` compares — each chosen case's keys, each counted record's
        keys — into two temporary tables of this connection (the matter's file read once
        per record, not once per pair), then the statement that joins them: (case seq,
        counted id) for a count per subject (按), ordered by case and time; (case seq,
        number) for a count across the jurisdiction, whose records are too many to list.
        The bool says which."""
        keys = [(f"k{n}", "text") for n in range(len(count.groups))]
        self._stage_counted(compute, count, counted, later)
        compute.temp_table(CASES, [("seq", "integer"), ("at", "text"), ("at_date", "text"),
                                   *keys])
        if self._cases_are_counted(count):
            # Every chosen case is itself a counted record, with the same keys: read them
            # from the staged records rather than each case's file again.
            compute.insert(CASES, select(
                Col("r", "seq"), Col("r", "at"), Col("r", "at_date"),
                *(Col("r", k) for k, _ in keys), source=Table(COUNTED, "r"),
                where=self.pick("r")), self.params)
        else:
            compute.insert(CASES, select(
                Col("c", "seq"), Col("c", "at"), Col("c", "at_date"),
                *(self.file_value("c", g.against) for g in count.groups),
                source=Table("records", "c"), where=self.chosen()), self.params)
        r = "r"
        join = [ir.Join(Table(COUNTED, r), self._window_join(count))]
        if count.groups:
            return select(Col("c", "seq"), Col(r, "id"), source=Table(CASES, "c"), joins=join,
                          order_by=(Order(Col("c", "seq")), Order(Col(r, "at")),
                                    Order(Col(r, "seq")))), True
        return select(Col("c", "seq"), ir.CountAll(), source=Table(CASES, "c"), joins=join,
                      group_by=(Col("c", "seq"),), order_by=(Order(Col("c", "seq")),)), False

    def _cases_are_counted(self, count: Count) -> bool:
        """Whether the chosen cases are counted records too, with the same keys: the count
        is of the case's own event, unfiltered, each key the same field on both sides."""
        return count.event.text == self.params["case_type"] and count.where is None and \
            count.later is None and all(g.against == g.field for g in count.groups)

    def _stage_counted(self, compute, count: Count, counted: RecordKind | None,
                       later: RecordKind | None) -> None:
        """Every record ``count`` counts, with its keys read from its matter's file — a 决定
        record need not repeat who handled the case, which its 提起 said."""
        keys = [(f"k{n}", "text") for n in range(len(count.groups))]
        r = "r"
        filters = [Col(r, "type").eq(self.param(count.event.text, "t")), self.visible(r)]
        if count.where is not None:
            filters.append(self._condition(count.where, counted, r))
        if count.later is not None:
            filters.append(self._later(count, later, r))
        compute.temp_table(COUNTED, [("seq", "integer"), ("id", "text"), ("matter", "text"),
                                     ("at", "text"), ("at_date", "text"), *keys],
                           indexes=[(*(k for k, _ in keys), "at_date")])
        compute.insert(COUNTED, select(
            Col(r, "seq"), Col(r, "id"), Col(r, "matter"), Col(r, "at"), Col(r, "at_date"),
            *(self.file_value(r, g.field) for g in count.groups),
            source=Table("records", r), where=all_of(*filters)), self.params)

    def standing(self, compute, count: Count, counted: RecordKind | None,
                 later: RecordKind | None) -> ir.Select:
        """A standing fault's count (jilin-city 37): for every counted record — each a
        possible act — the records its window counts with it: (act seq, act id, act date,
        its keys…, counted id), in time order. Which act first reaches the number is the
        caller's to see; a year chosen keeps the acts of that year."""
        self._stage_counted(compute, count, counted, later)
        keys = [f"k{n}" for n in range(len(count.groups))]
        where = None
        if self.selection.year is not None:
            where = all_of(Col("c", "at_date").ge(Param("y_from")),
                           Col("c", "at_date").le(Param("y_to")))
        return select(Col("c", "seq"), Col("c", "id"), Col("c", "at_date"),
                      *(Col("c", k) for k in keys), Col("r", "id"),
                      source=Table(COUNTED, "c"),
                      joins=[ir.Join(Table(COUNTED, "r"), self._window_join(count))],
                      where=where, order_by=(Order(Col("c", "at")), Order(Col("c", "seq")),
                                             Order(Col("r", "at")), Order(Col("r", "seq"))))

    def _window_join(self, count: Count) -> ir.Expr:
        """The counted record ``r`` is of the act ``c``'s subject and in its window."""
        r = "r"
        on = [Col(r, f"k{n}").eq(Col("c", f"k{n}")) for n in range(len(count.groups))]
        if count.same_year:
            # 年度 is the calendar year as a whole: after the act too, up to the head.
            on.append(_year(Col(r, "at_date")).eq(_year(Col("c", "at_date"))))
        else:
            on.append(Col(r, "at_date").le(Col("c", "at_date")))
            if count.window is not None:
                months = int(count.window.amount) * (12 if count.window.unit == "years" else 1)
                on.append(self._months(r, months))
        return all_of(*on)

    def _condition(self, condition, kind: RecordKind | None, alias: str) -> ir.Expr:
        types = {f.name: f.type.kind for f in kind.fields} if kind is not None else {}
        key = kind.key if kind is not None else None
        return Conditions(types, key, self.definitions, self.param,
                          lambda name: ir.JsonText(Col(alias, "data"), name),
                          Col(alias, "data")).compile(condition)

    def _months(self, r: str, months: int) -> ir.Expr:
        """After the corresponding day ``months`` months before the act's date: a later
        month, or that month and a later day (a day the month lacks is never written, so
        the month's last day is the corresponding one, as 民法典 第二百零二条 says)."""
        mine, act = _month_index(Col(r, "at_date")), _month_index(Col("c", "at_date"))
        edge = act.minus(Lit(months))
        return ir.Or((mine.gt(edge), all_of(mine.eq(edge), _day(Col(r, "at_date")).gt(
            _day(Col("c", "at_date"))))))

    def _later(self, count: Count, kind: RecordKind | None, r: str) -> ir.Expr:
        """A later record of the same matter, on or after the counted one, meets the
        condition (jilin-city 37: a complaint counts once its 核实 found it true)."""
        lt = "lt"
        where = [Col(lt, "type").eq(self.param(count.later.event.text, "t")),
                 Col(lt, "matter").eq(Col(r, "matter")), Col(lt, "at").ge(Col(r, "at")),
                 self.visible(lt)]
        if count.later.where is not None:
            where.append(self._condition(count.later.where, kind, lt))
        return ir.Exists(select(Lit(1), source=Table("records", lt), where=all_of(*where)))


def _year(date: ir.Expr) -> ir.Expr:
    return ir.Cast(Func("SUBSTR", (date, Lit(1), Lit(4))), "integer")


def _month_index(date: ir.Expr) -> ir.Expr:
    """Months since year 0: year × 12 + month."""
    month = ir.Cast(Func("SUBSTR", (date, Lit(6), Lit(2))), "integer")
    return ir.Op("+", ir.Op("*", _year(date), Lit(12)), month)


def _day(date: ir.Expr) -> ir.Expr:
    return Func("SUBSTR", (date, Lit(9), Lit(2)))

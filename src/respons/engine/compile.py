"""Compiling a duty into one SQL statement over the store's records.

For one duty of one regime version, the statement selects every starting record in the
version's window, finds the first record that meets it (the same matter — the record
kind's key — on or after the start, as of the evaluation date), the grants of its
extensions (凭), the time its pauses exclude (中止), and computes its due date by joining
the calendar tables of ``respons.engine.timeline``. Its state as of the date follows:
met, met late, open, paused, overdue — or unknown where the calendar has no data.

The statement is a `respons.sql.ir` tree, rendered by the store's dialect: no name the
author wrote — a field, an event, a duty — is spliced into SQL text, every one is a named
parameter. Every read of ``records`` stops at the head the evaluation was started on
(``seq <= head``), so a file ingested meanwhile changes nothing, and a record that a later
record corrects is left out (its correction takes its place).

"The first record of these types after the start" is written in the form the dialect's
planner runs best (`Dialect.first_row`): a correlated subquery ordered and limited to one
row, or a join numbered with ROW_NUMBER() and filtered to the first — the form engines
without correlated-subquery rewriting (Spark) need, and DuckDB plans as well.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from respons.engine.conditions import Conditions
from respons.engine.owners import OwnerNames
from respons.model.base import Ref
from respons.model.duty import Duty, Period
from respons.model.record import RecordKind
from respons.sql import ir
from respons.sql.ir import Col, Cte, Derived, Join, Lit, Order, Param, Table, all_of, select
from respons.store.results import OBLIGATIONS

#: The columns of an obligation as the statement selects them: the results table's but
#: the run, in its order (`respons.store.results.OBLIGATIONS`).
COLUMNS = OBLIGATIONS.columns[1:]

#: unit → the calendar column a pause's length is counted in
_PAUSE_COLUMN = {"workdays": "cum", "days": "day_index", "months": "day_index",
                 "years": "day_index"}
_MONTHS = {"months": 1, "years": 12}

@attrs.frozen
class Window:
    """The dates a regime version governs: from its 施行 (inclusive) to the next (exclusive)."""

    regime: str
    start: str  # ISO date, "0000-01-01" for no lower bound
    end: str    # ISO date, "9999-12-31" for no upper bound


@attrs.frozen
class Statement:
    """A compiled duty: the tree and the value of each of its named parameters."""

    query: ir.With
    params: dict


class Compiler:
    """Builds the statement of one duty. ``first_row`` is the dialect's choice of lookup
    form ("correlated" or "window"); ``materialize`` whether to ask for a CTE to be
    computed once (PostgreSQL otherwise inlines one used once, and runs its subqueries
    again inside a hash join over every record)."""

    def __init__(self, kind: RecordKind, duty: Duty, window: Window, as_of: str, head: int,
                 *, first_row: str = "correlated", materialize: bool = False,
                 corrections: bool = True, owner_agency: str | None = None,
                 owner_names: OwnerNames | None = None,
                 definitions: Mapping[str, object] | None = None) -> None:
        self.kind = kind
        self.duty = duty
        self.window = window
        self.first_row = first_row
        self.materialize = materialize
        #: Whether the store holds any correction: without one, no record is left out,
        #: and the statement need not ask of every record whether a later one corrects it.
        self.corrections = corrections
        #: The agency the duty's named owner belongs to (its post's or body's agency).
        self.owner_agency = owner_agency
        #: Where the owner is a body or post field: the names of its kind by agency
        #: (`respons.engine.owners`), to file the obligation under the agency it names.
        self.owner_names = owner_names
        #: Named conditions (条件) by name: expanded where a condition uses them.
        self.definitions = dict(definitions or {})
        self.params: dict = {"as_of": as_of, "head": head, "duty": duty.name,
                             "regime": window.regime, "from": window.start,
                             "until": window.end}
        self.ctes: list[Cte] = []
        self._types = {f.name: f.type.kind for f in kind.fields}

    # ── parameters and small pieces ──────────────────────────────────────────────
    def param(self, value, hint: str = "v") -> Param:
        """A parameter for ``value``; equal values share one name."""
        for name, existing in self.params.items():
            if name.startswith(hint) and existing == value and type(existing) is type(value):
                return Param(name)
        name = f"{hint}{len(self.params)}"
        self.params[name] = value
        return Param(name)

    def types(self, refs) -> tuple[Param, ...]:
        return tuple(self.param(ref.text if isinstance(ref, Ref) else ref, "t") for ref in refs)

    def visible(self, alias: str) -> ir.Expr:
        """The record ``alias`` is in the ledger up to the head, and no correction of it is."""
        seen = Col(alias, "seq").le(Param("head"))
        if not self.corrections:
            return seen
        k = f"k_{alias}"
        corrected = ir.Exists(select(Lit(1), source=Table("records", k),
                                     where=all_of(Col(k, "corrects").eq(Col(alias, "id")),
                                                  Col(k, "seq").le(Param("head")))),
                              negate=True)
        return all_of(seen, corrected)

    def cte(self, name: str, query: ir.Select, materialized: bool = False) -> str:
        self.ctes.append(Cte(name, query, materialized and self.materialize))
        return name

    # ── "the first record of these types after the start" ────────────────────────
    def first(self, base: str, outer: str, tag: str, types: tuple[Param, ...]
              ) -> tuple[ir.Expr, list[Join]]:
        """(the seq of the first record of ``types`` in the matter of the row ``outer`` of
        CTE ``base``, on or after its date; the joins that expression needs). First in time
        (``at``), not in the chain — records reach the store in any order — and never the
        starting record itself: a duty that recurs (起算 A 或 B, 完成 B) is met by the next B."""
        c = f"{tag}c"
        conditions = all_of(
            Col(c, "type").isin(types), Col(c, "matter").eq(Col(outer, "matter")),
            Col(c, "at_date").ge(Col(outer, "at_date")), Col(c, "seq").ne(Col(outer, "seq")),
            Col(c, "at_date").le(Param("as_of")), self.visible(c))
        order = (Order(Col(c, "at")), Order(Col(c, "seq")))
        if self.first_row == "correlated":
            return ir.Scalar(select(Col(c, "seq"), source=Table("records", c), where=conditions,
                                    order_by=order, limit=1)), []
        numbered = select((Col(outer, "seq"), "oseq"), (Col(c, "seq"), "cseq"),
                          (ir.RowNumber((Col(outer, "seq"),), order), "rn"),
                          source=Table(base, outer),
                          joins=[Join(Table("records", c), conditions)])
        join = Join(Derived(numbered, tag), all_of(Col(tag, "oseq").eq(Col(outer, "seq")),
                                                   Col(tag, "rn").eq(Lit(1))), left=True)
        return Col(tag, "cseq"), [join]

    # ── fields and conditions ────────────────────────────────────────────────────
    def text(self, name: str, alias: str = "r") -> ir.Expr:
        return ir.JsonText(Col(alias, "data"), name)

    def condition(self, condition) -> ir.Expr | None:
        """The SQL of a checked 限于 condition on the starting record's fields, each field
        read by its declared type (``respons.engine.conditions``)."""
        if condition is None:
            return None
        return Conditions(self._types, self.kind.key, self.definitions, self.param,
                          self.text).compile(condition)

    def who(self) -> tuple[ir.Expr, ir.Expr | None]:
        """(agency, owner or None for "the agency itself"), read in the starting record.

        The owner is whoever the duty makes responsible (负责): a field of the record, or
        a named agency, body or post. An obligation is filed under the owner's agency: the
        owner itself when it is an agency field, the agency of a named owner, the agency a
        body or post field's value belongs to, and otherwise the record kind's first
        agency field."""
        first_agency = next((n for n, kind in self._types.items() if kind == "agency"), None)
        default = self.text(first_agency) if first_agency else Lit(None)
        owner = self.duty.owner
        if owner is None:
            return default, None
        if len(owner.parts) == 1 and owner.head in self._types:
            kind = self._types[owner.head]
            if kind == "agency":
                return self.text(owner.head), None
            if kind in ("body", "post") and self.owner_names is not None:
                return self.agency_named(self.text(owner.head), default), self.text(owner.head)
            return default, self.text(owner.head)
        agency = self.param(self.owner_agency, "a") if self.owner_agency else default
        return agency, self.param(owner.text, "o")

    def agency_named(self, value: ir.Expr, default: ir.Expr) -> ir.Expr:
        """The agency the body or post ``value`` names belongs to: the one agency that
        declares it, or — a bare name several declare — the record's agency field that
        names one of them (the field ingest accepted it by); otherwise ``default``."""
        names = self.owner_names
        whens: list[tuple[ir.Expr, ir.Expr]] = [
            (value.isin(tuple(self.param(n, "b") for n in listed)), self.param(agency, "a"))
            for agency, listed in names.by_agency]
        fields = [n for n, kind in self._types.items() if kind == "agency"]
        for name, agencies in names.shared:
            for field in fields:
                whens.append((all_of(value.eq(self.param(name, "b")), self.text(field).isin(
                    tuple(self.param(a, "a") for a in agencies))), self.text(field)))
        return ir.Case(tuple(whens), default) if whens else default

    # ── the due date ─────────────────────────────────────────────────────────────
    def due(self, period: Period, cal: str, date: ir.Expr, shift: ir.Expr, tag: str):
        """(joins, expression) for the end of ``period`` counted from the date whose
        ``resp_cal`` row is ``cal`` (its ISO text ``date``), ``shift`` units later."""
        amount = Lit(int(period.amount))
        if period.unit == "workdays":
            on = Col(tag, "cum").eq(Col(cal, "base").plus(amount).plus(shift))
            return [Join(Table("resp_wd", tag), on, left=True)], Col(tag, "d")
        if period.unit == "days":
            on = Col(tag, "day_index").eq(Col(cal, "day_index").plus(amount).plus(shift))
            return [Join(Table("resp_cal", tag), on, left=True)], Col(tag, "roll")
        months = Lit(int(period.amount) * _MONTHS[period.unit])
        m = f"{tag}m"
        return [Join(Table("resp_months", m), all_of(Col(m, "d").eq(date), Col(m, "n").eq(months)),
                     left=True),
                Join(Table("resp_cal", tag), Col(tag, "day_index").eq(
                    Col(m, "target_index").plus(shift)), left=True)], Col(tag, "roll")

    def due_on_field(self, base: str) -> tuple[list[Join], ir.Expr]:
        """(joins, expression) for a due date the starting record's field gives (期限 至
        FIELD): that date, or — where it is a rest day — the first working day after it, as
        the last day of any period (民法典 第二百零三条). Unknown (NULL) for a date the
        calendar has no data for, or a record without the field."""
        return [Join(Table("records", "df"), Col("df", "seq").eq(Col("b", "seq"))),
                Join(Table("resp_cal", "dc"), Col("dc", "d").eq(ir.Func(
                    "SUBSTR", (self.text(self.duty.due_field, "df"), Lit(1), Lit(10)))),
                         left=True)], Col("dc", "roll")

    # ── pauses (中止 … 至 …) ───────────────────────────────────────────────────────
    def pause_units(self, base: str, unit: str) -> tuple[ir.Expr, list[Join]]:
        """Units that pauses ended by the evaluation date exclude, per row of ``base``
        (which has ``due0``, the due date without pauses). A pause ends at the first end
        record at or after its start in time, whatever order the records reached the store
        in. A pause begun after the due date has passed does not revive an expired
        obligation; a pause recorded while the matter is already paused adds nothing: it
        ends with the pause it falls in, whose time is already counted."""
        column = _PAUSE_COLUMN[unit]
        total: ir.Expr = Lit(0)
        joins = []
        for n, pause in enumerate(self.duty.pauses):
            start, end = self.param(pause.start.text, "t"), self.param(pause.end.text, "t")
            o, p, q, y, e = "o", f"p{n}", f"q{n}", f"y{n}", f"e{n}"
            # q: an earlier start in the matter not yet ended when p began: p falls inside.
            ended_between = ir.Exists(select(Lit(1), source=Table("records", y), where=all_of(
                Col(y, "type").eq(end), Col(y, "matter").eq(Col(q, "matter")),
                Col(y, "at").ge(Col(q, "at")), Col(y, "at").le(Col(p, "at")),
                self.visible(y))))
            inside = ir.Exists(select(Lit(1), source=Table("records", q), where=all_of(
                Col(q, "type").eq(start), Col(q, "matter").eq(Col(p, "matter")),
                ir.Or((Col(q, "at").lt(Col(p, "at")),
                       all_of(Col(q, "at").eq(Col(p, "at")), Col(q, "seq").lt(Col(p, "seq"))))),
                self.visible(q), ir.Not(ended_between))), negate=True)
            begun = all_of(
                Col(p, "type").eq(start), Col(p, "matter").eq(Col(o, "matter")),
                Col(p, "at_date").ge(Col(o, "at_date")), Col(p, "at_date").le(Param("as_of")),
                Col(p, "at_date").le(Col(o, "due0")), self.visible(p), inside)
            ends = all_of(
                Col(e, "type").eq(end), Col(e, "matter").eq(Col(p, "matter")),
                Col(e, "at").ge(Col(p, "at")), Col(e, "at_date").le(Param("as_of")),
                self.visible(e))
            # Each begun pause with its first end, numbered per pause; then the units
            # between the two, summed per obligation.
            numbered = self.cte(f"pe{n}", select(
                (Col(o, "seq"), "oseq"), (Col(p, "at_date"), "pdate"),
                (Col(e, "at_date"), "edate"),
                (ir.RowNumber((Col(o, "seq"), Col(p, "seq")),
                              (Order(Col(e, "at")), Order(Col(e, "seq")))), "rn"),
                source=Table(base, o), joins=[Join(Table("records", p), begun),
                                              Join(Table("records", e), ends)]))
            cp, ce = f"cp{n}", f"ce{n}"
            units = self.cte(f"pu{n}", select(
                (Col("x", "oseq"), "oseq"),
                (ir.Func("SUM", (Col(ce, column).minus(Col(cp, column)),)), "units"),
                source=Table(numbered, "x"),
                joins=[Join(Table("resp_cal", cp), Col(cp, "d").eq(Col("x", "pdate"))),
                       Join(Table("resp_cal", ce), Col(ce, "d").eq(Col("x", "edate")))],
                where=Col("x", "rn").eq(Lit(1)), group_by=[Col("x", "oseq")]))
            joins.append(Join(Table(units, f"u{n}"), Col(f"u{n}", "oseq").eq(Col("b", "seq")),
                              left=True))
            total = total.plus(ir.Func("COALESCE", (Col(f"u{n}", "units"), Lit(0))))
        return total, joins

    def paused(self, base: str) -> tuple[ir.Expr, list[Join]]:
        """1 while a pause begun by the due date (without pauses) has not ended as of the
        evaluation date, else 0, per row of ``base``."""
        if not self.duty.pauses:
            return Lit(0), []
        conditions = []
        for n, pause in enumerate(self.duty.pauses):
            q, y = f"z{n}", f"zy{n}"
            start, end = self.param(pause.start.text, "t"), self.param(pause.end.text, "t")
            unended = ir.Exists(select(Lit(1), source=Table("records", y), where=all_of(
                Col(y, "type").eq(end), Col(y, "matter").eq(Col(q, "matter")),
                Col(y, "at").ge(Col(q, "at")), Col(y, "at_date").le(Param("as_of")),
                self.visible(y))), negate=True)
            conditions.append(all_of(
                Col(q, "type").eq(start), Col(q, "matter").eq(Col("o", "matter")),
                Col(q, "at_date").ge(Col("o", "at_date")), Col(q, "at_date").le(Col("o", "due0")),
                Col(q, "at_date").le(Param("as_of")), self.visible(q), unended))
        # One row per obligation that is paused, joined back: no subquery in the select list.
        flagged = []
        for n, condition in enumerate(conditions):
            flagged.append(self.cte(f"pz{n}", select(
                (Col("o", "seq"), "oseq"), source=Table(base, "o"),
                joins=[Join(Table("records", f"z{n}"), condition)], distinct=True)))
        joins = [Join(Table(name, f"w{n}"), Col(f"w{n}", "oseq").eq(Col("v", "seq")), left=True)
                 for n, name in enumerate(flagged)]
        any_paused = ir.Or(tuple(Col(f"w{n}", "oseq").not_null() for n in range(len(flagged))))
        return ir.Case(((any_paused, Lit(1)),), Lit(0)), joins

    # ── the statement ────────────────────────────────────────────────────────────
    def compile(self) -> Statement:
        duty = self.duty
        agency, owner = self.who()
        r = "r"
        starts = select(
            (Col(r, "seq"), "seq"), (Col(r, "id"), "id"), (Col(r, "matter"), "matter"),
            (Col(r, "at"), "at"), (Col(r, "at_date"), "at_date"), (agency, "agency_v"),
            *([(owner, "owner_v")] if owner is not None else []),
            source=Table("records", r),
            where=all_of(Col(r, "type").isin(self.types(duty.starts.events)),
                         Col(r, "at_date").ge(Param("from")), Col(r, "at_date").lt(Param("until")),
                         Col(r, "at_date").le(Param("as_of")), self.visible(r),
                         self.condition(duty.starts.where)))
        base = self.cte("s", starts)
        shift: ir.Expr = Lit(0)
        if duty.pauses:
            # The due date without pauses; then the pauses begun by then; then the due
            # date moved by the units they took.
            joins0, due0 = self.due(duty.period, "zc", Col("b", "at_date"), Lit(0), "z0")
            with_due0 = self.cte("s0", select(
                ir.Star("b"), (due0, "due0"), source=Table(base, "b"),
                joins=[Join(Table("resp_cal", "zc"), Col("zc", "d").eq(Col("b", "at_date")),
                            left=True), *joins0]))
            units, unit_joins = self.pause_units(with_due0, duty.period.unit)
            base = self.cte("s1", select(ir.Star("b"), (units, "pause_units"),
                                         source=Table(with_due0, "b"), joins=unit_joins))
            shift = Col("b", "pause_units")
        # A clock without an end (a right whose period other laws give, 期限 依照法律和有关
        # 规定): no due date, so open until met, never late (`respons.engine.rights`).
        endless = duty.period is None and duty.due_field is None
        if endless:
            joins, due = [], Lit(None)
        elif duty.due_field is not None:
            joins, due = self.due_on_field(base)
        else:
            joins, due = self.due(duty.period, "sc", Col("b", "at_date"), shift, "dd")
            joins = [Join(Table("resp_cal", "sc"), Col("sc", "d").eq(Col("b", "at_date")),
                          left=True), *joins]
        columns = [ir.Star("b"), (due, "eff0")]
        if not duty.pauses:
            columns.append((Lit(0), "pause_units"))
        grants = [ext for ext in duty.extensions if ext.upon is not None]
        for n, ext in enumerate(grants):
            seq, extra = self.first(base, "b", f"g{n}", self.types([ext.upon]))
            columns.append((seq, f"grant{n}"))
            joins += extra
        if not duty.met_by_all:
            seq, extra = self.first(base, "b", "c", self.types(duty.met_by))
            columns.append((seq, "done_seq"))
            joins += extra
        else:
            for n, ref in enumerate(duty.met_by):
                seq, extra = self.first(base, "b", f"c{n}", self.types([ref]))
                columns.append((seq, f"done{n}_seq"))
                joins += extra
        last = self.cte("v0", select(*columns, source=Table(base, "b"), joins=joins),
                        materialized=True)
        if duty.met_by_all:
            last = self._last_of_all(last)
        # An extension runs on from the due date it extends, if granted before that passed.
        for n, ext in enumerate(grants):
            tag, eff = f"x{n}", Col("v", f"eff{n}")
            ext_joins, ext_due = self.due(ext.period, f"{tag}c", eff, Lit(0), tag)
            granted_in_time = Col("g", "at_date").le(eff)
            last = self.cte(f"v{n + 1}", select(
                ir.Star("v"), (ir.Case(((granted_in_time, ext_due),), eff), f"eff{n + 1}"),
                source=Table(last, "v"),
                joins=[Join(Table("records", "g"), Col("g", "seq").eq(Col("v", f"grant{n}")),
                            left=True),
                       Join(Table("resp_cal", f"{tag}c"), Col(f"{tag}c", "d").eq(eff), left=True),
                       *ext_joins]))
        eff = Col("t", f"eff{len(grants)}")
        paused, paused_joins = self.paused(last)
        done = Col("d", "at_date")
        state = ir.Case(((done.not_null(), Lit("met")),), Lit("open")) if endless else ir.Case((
            (done.not_null(), ir.Case(((eff.is_null(), Lit("unknown")),
                                       (done.le(eff), Lit("met"))), Lit("met_late"))),
            (Col("t", "paused").eq(Lit(1)), Lit("paused")),
            (eff.is_null(), Lit("unknown")),
            (Param("as_of").le(eff), Lit("open"))), Lit("overdue"))
        body = select(
            (Param("duty"), "duty"), (Param("regime"), "regime"), (Col("t", "seq"), "start_seq"),
            (Col("t", "id"), "start_id"), (Col("t", "matter"), "matter"),
            (Col("t", "at_date"), "start_date"), (Col("t", "eff0"), "due_date"),
            (ir.Case(((all_of(eff.not_null(), eff.ne(Col("t", "eff0"))), eff),)), "extended_due"),
            (Col("t", "pause_units"), "paused_units"), (Col("d", "id"), "done_id"),
            (Col("d", "at_date"), "done_date"), (Col("t", "agency_v"), "agency"),
            (Col("t", "owner_v" if owner is not None else "agency_v"), "owner"),
            (state, "state"),
            source=Derived(select(ir.Star("v"), (paused, "paused"), source=Table(last, "v"),
                                  joins=paused_joins), "t"),
            joins=[Join(Table("records", "d"), Col("d", "seq").eq(Col("t", "done_seq")),
                        left=True)])
        return Statement(ir.With(tuple(self.ctes), body), dict(self.params))

    def _last_of_all(self, source: str) -> str:
        """完成 A 且 B: the first of each in the matter; met when the last of them happens —
        the latest by (at, seq), chosen with joins, no subquery."""
        count = len(self.duty.met_by)
        joins = [Join(Table("records", f"m{n}"), Col(f"m{n}", "seq").eq(Col("w", f"done{n}_seq")),
                      left=True) for n in range(count)]
        latest: ir.Expr = Col("m0", "seq")
        latest_at: ir.Expr = Col("m0", "at")
        for n in range(1, count):
            at, seq = Col(f"m{n}", "at"), Col(f"m{n}", "seq")
            later = ir.Or((at.gt(latest_at), all_of(at.eq(latest_at), seq.gt(latest))))
            latest = ir.Case(((later, seq),), latest)
            latest_at = ir.Case(((later, at),), latest_at)
        missing = ir.Or(tuple(Col("w", f"done{n}_seq").is_null() for n in range(count)))
        return self.cte("va", select(ir.Star("w"), (ir.Case(((missing, Lit(None)),), latest),
                                                     "done_seq"),
                                     source=Table(source, "w"), joins=joins))

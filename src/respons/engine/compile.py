"""Compiling a duty into one SQL statement over the store's records.

For one duty of one regime version, the statement selects every starting record in the
version's window, finds the first record that meets it (the same matter — the record
kind's key — on or after the start, as of the evaluation date), the grants of its
extensions (凭), the time its pauses exclude (中止), and computes its due date by joining
the calendar tables of ``respons.engine.timeline``. Its state as of the date follows:
met, met late, open, paused, overdue — or unknown where the calendar has no data.

The SQL is portable between SQLite and PostgreSQL: CTEs, scalar subqueries, LEFT JOINs
and ``?`` parameters only; JSON fields are read through `Store.json_text`. A record that
a later record corrects is left out (its correction takes its place).

No name a regime declares — a record kind, an event, a field, a duty, an owner, the
regime's id — is ever part of the SQL text: each is a parameter, whatever characters it
holds (quotes, ``?``, ``%``, ``$``, backslashes).
"""

from __future__ import annotations

import re

import attrs

from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not
from respons.model.duty import Duty, Period
from respons.model.record import RecordKind

#: The columns of ``resp_obligations``, in order.
COLUMNS = (
    ("duty", "text"), ("regime", "text"), ("start_seq", "integer"), ("start_id", "text"),
    ("subject", "text"), ("start_date", "text"), ("due_date", "text"),
    ("extended_due", "text"), ("paused_units", "integer"), ("done_id", "text"),
    ("done_date", "text"), ("agency", "text"), ("owner", "text"), ("state", "text"),
)

#: unit → (the resp_cal column it counts in, months per unit or None)
_UNITS = {"workdays": ("cum", None), "days": ("day_index", None), "months": ("day_index", 1),
          "years": ("day_index", 12)}
#: A parameter's mark in the statement being built: NUL cannot occur in the SQL text
#: (no name is spliced into it, and the checker refuses names with control characters).
_MARK = re.compile("\x00([0-9]+)\x00")


@attrs.frozen
class Window:
    """The dates a regime version governs: from its 施行 (inclusive) to the next (exclusive)."""

    regime: str
    start: str  # ISO date, "0000-01-01" for no lower bound
    end: str    # ISO date, "9999-12-31" for no upper bound


class Compiler:
    """Builds the statement for one duty; ``store`` supplies JSON access for its dialect.

    Values go in as parameters through `value`, which leaves a numbered mark; `statement`
    turns the marks into ``?`` in the order they appear, so parts can be built in any order.
    The store's JSON access binds its keys through `value` too.
    """

    def __init__(self, store, kind: RecordKind, duty: Duty, window: Window, as_of: str,
                 corrections: bool = True, owner_agency: str | None = None) -> None:
        self.store = store
        #: The agency the duty's named owner belongs to (its post's or body's agency), if any.
        self.owner_agency = owner_agency
        #: Whether the store holds any correction: without one, no record is left out, and
        #: the statement need not ask of every record whether a later one corrects it.
        self.corrections = corrections
        self.kind = kind
        self.duty = duty
        self.window = window
        self.as_of = as_of
        self._values: list = []

    def value(self, value) -> str:
        self._values.append(value)
        return f"\x00{len(self._values) - 1}\x00"

    def statement(self) -> tuple[str, list]:
        sql = self._sql()
        order = [int(m.group(1)) for m in _MARK.finditer(sql)]
        text = _MARK.sub("?", sql)
        # A mark is only ever one `value` made (parts built but not used leave values
        # unused); anything else is a bug here.
        if any(n >= len(self._values) for n in order) or "\x00" in text:
            raise AssertionError("the statement's parameter marks do not match its values")
        return text, [self._values[n] for n in order]

    # ── pieces ───────────────────────────────────────────────────────────────────
    def _not_corrected(self, alias: str) -> str:
        if not self.corrections:
            return "1 = 1"
        return f"NOT EXISTS (SELECT 1 FROM records k WHERE k.corrects = {alias}.id)"

    def _first(self, alias: str, types: list[str], outer: str) -> str:
        """The seq of the first record of ``types`` in ``outer``'s matter on or after it:
        first in time (``at``), not in the chain — records reach the store in any order."""
        marks = ", ".join(self.value(t) for t in types)
        # Not the starting record itself: a duty that recurs (起算 A 或 B, 完成 B) is met by
        # the next B, never by the B that started it.
        return (f"(SELECT {alias}.seq FROM records {alias} WHERE {alias}.type IN ({marks})"
                f" AND {alias}.subject = {outer}.subject AND {alias}.at_date >= {outer}.at_date"
                f" AND {alias}.seq <> {outer}.seq"
                f" AND {alias}.at_date <= {self.value(self.as_of)}"
                f" AND {self._not_corrected(alias)} ORDER BY {alias}.at, {alias}.seq LIMIT 1)")

    def _pause_units(self, column: str) -> str:
        """Units that pauses ended by the evaluation date exclude (中止 … 至 …). A pause
        ends at the first end record at or after its start in time (``at``), whatever
        order the records reached the store in; corrected records are left out. A pause
        recorded while the matter is already paused adds nothing: it ends with the pause it
        falls in, whose time is already counted."""
        parts = []
        for n, pause in enumerate(self.duty.pauses):
            p, e, q = f"p{n}", f"e{n}", f"o{n}"
            start, end = self.value(pause.start.text), self.value(pause.end.text)
            inside = (
                f"NOT EXISTS (SELECT 1 FROM records {q} WHERE {q}.type = {start}"
                f" AND {q}.subject = {p}.subject AND ({q}.at < {p}.at OR ({q}.at = {p}.at"
                f" AND {q}.seq < {p}.seq)) AND {self._not_corrected(q)}"
                f" AND NOT EXISTS (SELECT 1 FROM records y WHERE y.type = {end}"
                f" AND y.subject = {q}.subject AND y.at >= {q}.at AND y.at <= {p}.at"
                f" AND {self._not_corrected('y')}))")
            parts.append(
                f"(SELECT COALESCE(SUM(ce.{column} - cp.{column}), 0) FROM records {p}"
                f" JOIN resp_cal cp ON cp.d = {p}.at_date"
                f" JOIN records {e} ON {e}.seq = (SELECT x.seq FROM records x"
                f" WHERE x.type = {self.value(pause.end.text)} AND x.subject = {p}.subject"
                f" AND x.at >= {p}.at AND x.at_date <= {self.value(self.as_of)}"
                f" AND {self._not_corrected('x')} ORDER BY x.at, x.seq LIMIT 1)"
                f" JOIN resp_cal ce ON ce.d = {e}.at_date"
                f" WHERE {p}.type = {self.value(pause.start.text)} AND {p}.subject = s0.subject"
                f" AND {p}.at_date >= s0.at_date AND {p}.at_date <= {self.value(self.as_of)}"
                f" AND {p}.at_date <= s0.due0 AND {self._not_corrected(p)} AND {inside})")
        return " + ".join(parts) if parts else "0"

    def _paused(self, outer: str) -> str:
        # A pause begun after the due date (without pauses) has passed does not revive an
        # expired obligation, as a late extension grant does not.
        """1 while a pause has begun and not yet ended as of the evaluation date."""
        checks = []
        for n, pause in enumerate(self.duty.pauses):
            q = f"q{n}"
            checks.append(
                f"EXISTS (SELECT 1 FROM records {q} WHERE {q}.type = {self.value(pause.start.text)}"
                f" AND {q}.subject = {outer}.subject AND {q}.at_date >= {outer}.at_date"
                f" AND {q}.at_date <= {outer}.due0"
                f" AND {q}.at_date <= {self.value(self.as_of)} AND {self._not_corrected(q)}"
                f" AND NOT EXISTS (SELECT 1 FROM records y"
                f" WHERE y.type = {self.value(pause.end.text)} AND y.subject = {q}.subject"
                f" AND y.at >= {q}.at AND y.at_date <= {self.value(self.as_of)}"
                f" AND {self._not_corrected('y')}))")
        return f"CASE WHEN {' OR '.join(checks)} THEN 1 ELSE 0 END" if checks else "0"

    @staticmethod
    def _due(period: Period, cal: str, date: str, shift: str, tag: str) -> tuple[str, str]:
        """(joins, expression) for the end of ``period`` counted from the date whose
        ``resp_cal`` row is ``cal`` (and whose ISO text is ``date``), ``shift`` units later."""
        amount = int(period.amount)
        if period.unit == "workdays":
            return (f" LEFT JOIN resp_wd {tag} ON {tag}.cum = {cal}.base + {amount} + {shift}",
                    f"{tag}.d")
        if period.unit == "days":
            return (f" LEFT JOIN resp_cal {tag} ON {tag}.day_index = {cal}.day_index + {amount}"
                    f" + {shift}", f"{tag}.roll")
        months = amount * _UNITS[period.unit][1]
        return (f" LEFT JOIN resp_months {tag}m ON {tag}m.d = {date} AND {tag}m.n = {months}"
                f" LEFT JOIN resp_cal {tag} ON {tag}.day_index = {tag}m.target_index + {shift}",
                f"{tag}.roll")

    def _field(self, name: str, alias: str) -> str:
        return self.store.json_text(f"{alias}.data", name, self.value)

    def _condition(self, condition) -> str:
        if condition is None:
            return "1 = 1"
        if isinstance(condition, Ref):
            return f"{self._field(condition.text, 'r')} = 'true'"
        if isinstance(condition, Not):
            return f"NOT ({self._condition(condition.operand)})"
        if isinstance(condition, (AllOf, AnyOf)):
            joiner = " AND " if isinstance(condition, AllOf) else " OR "
            return "(" + joiner.join(self._condition(c) for c in condition.operands) + ")"
        assert isinstance(condition, Compare)
        op = {"=": "=", "!=": "<>"}.get(condition.op, condition.op)
        field = self._field(condition.left.text, "r")
        value = condition.right.value
        if condition.right.kind == "number":
            return f"CAST({field} AS REAL) {op} {self.value(float(value))}"
        # 是/否 for a 是否 field: the JSON booleans, which json_text gives as true/false.
        value = {"是": "true", "否": "false"}.get(value, value)
        return f"{field} {op} {self.value(str(value))}"

    _STRINGS = ("agency", "body", "post", "officer", "power", "text", "choice", "date",
                "datetime")

    def _who(self) -> tuple[str, str]:
        """(agency, owner) read in the starting record (``r``).

        The owner is whoever the duty makes responsible (负责): a field of the record, or a
        named agency, body or post. An obligation is filed under the owner's agency: the
        owner itself when it is an agency field, the agency of a named owner, and otherwise
        the record kind's first agency field. ``"agency_v"`` as the owner means "the same
        as the agency"."""
        fields = {f.name: f.type.kind for f in self.kind.fields}

        def read(name: str) -> str:
            if fields.get(name) in self._STRINGS:
                return self.store.json_string("r.data", name, self.value)
            return self._field(name, "r")

        first_agency = next((n for n, kind in fields.items() if kind == "agency"), None)
        default = read(first_agency) if first_agency else "NULL"
        owner = self.duty.owner
        if owner is None:
            return default, "agency_v"
        if len(owner.parts) == 1 and owner.head in fields:
            if fields[owner.head] == "agency":
                return read(owner.head), "agency_v"
            return default, read(owner.head)
        if self.owner_agency is not None:
            return self.value(self.owner_agency), self.value(owner.text)
        return default, self.value(owner.text)

    # ── the statement ────────────────────────────────────────────────────────────
    def _sql(self) -> str:
        duty = self.duty
        column = _UNITS[duty.period.unit][0]
        agency, owner = self._who()
        # The owner is most often the agency field itself: read it once.
        owner_column = "" if owner == "agency_v" else f" {owner} AS owner_v,"
        owner = "t.agency_v" if owner == "agency_v" else "t.owner_v"
        starts = (
            f"SELECT r.seq, r.id, r.subject, r.at_date, {agency} AS agency_v,{owner_column}"
            f" 0 AS pause_units, NULL AS due0"
            f" FROM records r WHERE r.type IN"
            f" ({', '.join(self.value(ref.text) for ref in duty.starts.events)})"
            f" AND r.at_date >= {self.value(self.window.start)}"
            f" AND r.at_date < {self.value(self.window.end)}"
            f" AND r.at_date <= {self.value(self.as_of)} AND {self._not_corrected('r')}"
            f" AND {self._condition(duty.starts.where)}")
        ctes = [f"s AS ({starts})"]
        base = "s"
        if duty.pauses:
            # First the due date without pauses; then the pauses begun by then; then the
            # due date moved by the units they took.
            joins0, due0 = self._due(duty.period, "zc", "s.at_date", "0", "z0")
            ctes.append(f"s0 AS (SELECT s.seq, s.id, s.subject, s.at_date, s.agency_v,"
                        f"{' s.owner_v,' if owner_column else ''} {due0} AS due0"
                        f" FROM s LEFT JOIN resp_cal zc ON zc.d = s.at_date{joins0})")
            ctes.append(f"s1 AS (SELECT s0.*, {self._pause_units(column)} AS pause_units"
                        f" FROM s0)")
            base = "s1"
        joins, due = self._due(duty.period, "sc", "b.at_date", "b.pause_units", "dd")
        grants = [ext for ext in duty.extensions if ext.upon is not None]
        grant_columns = "".join(
            f", {self._first(f'g{n}', [ext.upon.text], 'b')} AS grant{n}"
            for n, ext in enumerate(grants))
        # PostgreSQL would otherwise inline v0 and run the completion subquery twice per
        # obligation inside a hash join over the whole records table; SQLite plans it well.
        materialized = " MATERIALIZED" if self.store.dialect == "postgresql" else ""
        if not duty.met_by_all:
            done = self._first("c", [ref.text for ref in duty.met_by], "b")
            ctes.append(f"v0 AS{materialized} (SELECT b.*, {due} AS eff0, {done} AS done_seq"
                        f"{grant_columns}"
                        f" FROM {base} b LEFT JOIN resp_cal sc ON sc.d = b.at_date{joins})")
        else:
            # 完成 A 且 B: the first of each in the matter; met when the last of them happens.
            firsts = [f"{self._first(f'c{n}', [ref.text], 'b')} AS done{n}_seq"
                      for n, ref in enumerate(duty.met_by)]
            columns = [f"w.done{n}_seq" for n in range(len(duty.met_by))]
            missing = " OR ".join(f"{c} IS NULL" for c in columns)
            ctes.append(f"w AS{materialized} (SELECT b.*, {due} AS eff0, {', '.join(firsts)}"
                        f"{grant_columns}"
                        f" FROM {base} b LEFT JOIN resp_cal sc ON sc.d = b.at_date{joins})")
            ctes.append(f"v0 AS (SELECT w.*, CASE WHEN {missing} THEN NULL ELSE"
                        f" (SELECT x.seq FROM records x WHERE x.seq IN ({', '.join(columns)})"
                        f" ORDER BY x.at DESC, x.seq DESC LIMIT 1) END AS done_seq FROM w)")
        # An extension runs on from the due date it extends, if granted before that passed.
        for n, ext in enumerate(grants):
            prev, tag = f"v{n}", f"x{n}"
            ext_joins, ext_due = self._due(ext.period, f"{tag}c", f"{prev}.eff{n}", "0", tag)
            ctes.append(
                f"v{n + 1} AS (SELECT {prev}.*, CASE WHEN g.at_date <= {prev}.eff{n}"
                f" THEN {ext_due} ELSE {prev}.eff{n} END AS eff{n + 1} FROM {prev}"
                f" LEFT JOIN records g ON g.seq = {prev}.grant{n}"
                f" LEFT JOIN resp_cal {tag}c ON {tag}c.d = {prev}.eff{n}{ext_joins})")
        last, eff = f"v{len(grants)}", f"eff{len(grants)}"
        as_of = self.value(self.as_of)
        state = (
            f"CASE WHEN d.at_date IS NOT NULL THEN CASE WHEN t.{eff} IS NULL THEN 'unknown'"
            f" WHEN d.at_date <= t.{eff} THEN 'met' ELSE 'met_late' END"
            f" WHEN t.paused = 1 THEN 'paused' WHEN t.{eff} IS NULL THEN 'unknown'"
            f" WHEN {as_of} <= t.{eff} THEN 'open' ELSE 'overdue' END")
        final = (
            f"SELECT {self.value(duty.name)}, {self.value(self.window.regime)}, t.seq, t.id,"
            f" t.subject, t.at_date, t.eff0,"
            f" CASE WHEN t.{eff} IS NOT NULL AND t.{eff} <> t.eff0 THEN t.{eff} END,"
            f" t.pause_units, d.id, d.at_date, t.agency_v, {owner}, {state}"
            f" FROM (SELECT {last}.*, {self._paused(last)} AS paused FROM {last}) t"
            f" LEFT JOIN records d ON d.seq = t.done_seq")
        return "WITH " + ", ".join(ctes) + " " + final

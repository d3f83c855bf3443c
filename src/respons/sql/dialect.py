"""Rendering the engine's SQL tree (`respons.sql.ir`) for one database engine.

A `Dialect` turns a tree into SQL text and the ordered list of values for its
placeholders. The base class writes standard SQL as SQLite, PostgreSQL and DuckDB all
accept it; a backend's dialect overrides only what its engine spells differently — the
placeholder, quoting, the type names, JSON member access, the CTE hint — and says which
form of the "first matching record" lookup its planner runs best (`first_row`).

Parameters are named in the tree and bound by name (`Rendered.bind`), so their order in
the text can never disagree with the values: a name used twice is bound twice. The names
of JSON members (a regime's field names) are bound too, as values the dialect chooses —
a JSON path, or the name itself — and never written into the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import ClassVar

import attrs

from respons.sql import ir

_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")


@attrs.frozen
class Rendered:
    """SQL text and, per placeholder in order, what it binds: the name of a parameter, or
    (as a one-element tuple) a value the dialect bound itself (a JSON member's name)."""

    sql: str
    slots: tuple[str | tuple, ...]

    @property
    def parameters(self) -> set[str]:
        return {slot for slot in self.slots if isinstance(slot, str)}

    def bind(self, values: Mapping[str, object]) -> list:
        missing = sorted(self.parameters - set(values))
        if missing:
            raise KeyError(f"no value for parameter(s) {', '.join(missing)}")
        return [values[slot] if isinstance(slot, str) else slot[0] for slot in self.slots]


class Dialect:
    """Standard SQL; subclass per engine. ``name`` is what a backend reports."""

    name = "standard"
    #: "correlated": (SELECT … ORDER BY … LIMIT 1) per row; "window": a join numbered
    #: with ROW_NUMBER() — what a planner without correlated-subquery rewriting needs.
    first_row = "correlated"
    #: portable type → the engine's type; ``decimal`` holds points (exact to 6 places
    #: where the engine has a decimal type; SQLite's NUMERIC keeps what it can exactly)
    types: ClassVar[dict[str, str]] = {"text": "TEXT", "integer": "INTEGER", "real": "REAL",
                                       "seq": "INTEGER", "decimal": "NUMERIC"}
    #: whether `WITH x AS MATERIALIZED (…)` is understood
    materialize_hint = False
    #: whether an index may have a WHERE clause (the store's index of corrections)
    partial_indexes = True
    #: whether the store's tables get their secondary indexes (records by type and matter,
    #: results by run and state…): what a row store's planner looks rows up by. A columnar
    #: engine that skips row groups by their min/max (DuckDB) reads none of them and would
    #: only pay for keeping them at every insert; keys and unique constraints stay.
    secondary_indexes = True
    quote = '"'
    #: Plain names the engine's parser does not take as a bare column name (DuckDB's
    #: ``at``): `identifier` quotes them, as it quotes any name that is not plain.
    reserved: ClassVar[frozenset[str]] = frozenset()

    # ── what subclasses change ───────────────────────────────────────────────────
    def placeholder(self, index: int, name: str) -> str:
        return "?"

    def json_text(self, column: str, name: str, bind: Callable[[object], str]) -> str:
        """SQL for the string member ``name`` of the JSON object text ``column``, as text;
        NULL when absent. ``bind(value)`` returns a placeholder for a value — the name,
        or a path built from it — which is how the name reaches the SQL: never spliced."""
        raise NotImplementedError(f"the {self.name} dialect has no JSON member access")

    def json_number(self, column: str, name: str, bind: Callable[[object], str]) -> str:
        """The number member, as a real; NULL when absent."""
        return f"CAST({self.json_text(column, name, bind)} AS {self.type_name('real')})"

    def json_is(self, column: str, name: str, value: bool,
                bind: Callable[[object], str]) -> str:
        """A condition: the member is the JSON literal true (``value``) or false."""
        raise NotImplementedError(f"the {self.name} dialect has no JSON member access")

    def identifier(self, name: str) -> str:
        if _PLAIN.match(name) and name not in self.reserved:
            return name
        q = self.quote
        return q + name.replace(q, q + q) + q

    def columns(self, names) -> str:
        """A list of column names as the store's own statements write it: ``a, b, c``."""
        return ", ".join(self.identifier(name) for name in names)

    def create_temporary(self, name: str, definitions: str) -> str:
        """CREATE for a table that only this connection sees, gone when it closes."""
        return f"CREATE TEMPORARY TABLE {name} ({definitions})"

    def drop_temporary(self, name: str) -> str:
        """DROP of such a table if it exists — never of a lasting table of that name."""
        return f"DROP TABLE IF EXISTS {name}"

    def analyze(self, name: str) -> str | None:
        """The statement that gathers a table's statistics for the planner, or None."""
        return f"ANALYZE {name}"

    def append_only(self, table: str, message: str) -> list[str]:
        """The statements (triggers) that make ``table`` refuse UPDATE and DELETE with
        ``message``; none by default, for an engine without triggers (DuckDB)."""
        return []

    def type_name(self, portable: str) -> str:
        try:
            return self.types[portable]
        except KeyError:
            raise ValueError(f"{portable!r} is not a portable type (text, integer, real, "
                             "decimal)") \
                from None

    # ── rendering ────────────────────────────────────────────────────────────────
    def render(self, node) -> Rendered:
        writer = _Writer(self)
        text = writer.query(node) if isinstance(node, ir.Select | ir.With) else writer.expr(node)
        return Rendered(text, tuple(writer.slots))

    def literal(self, value) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, int | float):
            return repr(value)
        return "'" + str(value).replace("'", "''") + "'"


class _Writer:
    def __init__(self, dialect: Dialect) -> None:
        self.d = dialect
        self.slots: list[str | tuple] = []

    def slot(self, name: str) -> str:
        self.slots.append(name)
        return self.d.placeholder(len(self.slots), name)

    def bind(self, value) -> str:
        self.slots.append((value,))
        return self.d.placeholder(len(self.slots), "")

    # ── expressions ──────────────────────────────────────────────────────────────
    def expr(self, e) -> str:  # one case per node type
        d = self.d
        if isinstance(e, ir.Col):
            column = d.identifier(e.name)
            return f"{d.identifier(e.table)}.{column}" if e.table else column
        if isinstance(e, ir.Param):
            return self.slot(e.name)
        if isinstance(e, ir.Lit):
            return d.literal(e.value)
        if isinstance(e, ir.Op):
            return f"({self.expr(e.left)} {e.op} {self.expr(e.right)})"
        if isinstance(e, ir.And | ir.Or):
            joiner = " AND " if isinstance(e, ir.And) else " OR "
            return "(" + joiner.join(self.expr(o) for o in e.operands) + ")"
        if isinstance(e, ir.Not):
            return f"(NOT {self.expr(e.operand)})"
        if isinstance(e, ir.IsNull):
            return f"({self.expr(e.operand)} IS {'NOT ' if e.negate else ''}NULL)"
        if isinstance(e, ir.In):
            return f"({self.expr(e.operand)} IN ({', '.join(self.expr(i) for i in e.items)}))"
        if isinstance(e, ir.Func):
            return f"{e.name}({', '.join(self.expr(a) for a in e.args)})"
        if isinstance(e, ir.CountAll):
            return "COUNT(*)"
        if isinstance(e, ir.Case):
            whens = " ".join(f"WHEN {self.expr(c)} THEN {self.expr(v)}" for c, v in e.whens)
            otherwise = f" ELSE {self.expr(e.otherwise)}" if e.otherwise is not None else ""
            return f"(CASE {whens}{otherwise} END)"
        if isinstance(e, ir.Cast):
            return f"CAST({self.expr(e.operand)} AS {d.type_name(e.to)})"
        if isinstance(e, ir.Exists):
            return f"({'NOT ' if e.negate else ''}EXISTS ({self.query(e.query)}))"
        if isinstance(e, ir.Scalar):
            return f"({self.query(e.query)})"
        if isinstance(e, ir.JsonText):
            return d.json_text(self.expr(e.column), e.key, self.bind)
        if isinstance(e, ir.JsonNumber):
            return d.json_number(self.expr(e.column), e.key, self.bind)
        if isinstance(e, ir.JsonIs):
            return d.json_is(self.expr(e.column), e.key, e.value, self.bind)
        if isinstance(e, ir.RowNumber):
            parts = []
            if e.partition_by:
                parts.append("PARTITION BY " + ", ".join(self.expr(p) for p in e.partition_by))
            if e.order_by:
                parts.append("ORDER BY " + self.orders(e.order_by))
            return f"ROW_NUMBER() OVER ({' '.join(parts)})"
        if isinstance(e, ir.Star):
            return f"{d.identifier(e.table)}.*" if e.table else "*"
        raise TypeError(f"not an SQL expression: {e!r}")

    def orders(self, orders) -> str:
        return ", ".join(self.expr(o.expr) + (" DESC" if o.descending else "") for o in orders)

    # ── queries ──────────────────────────────────────────────────────────────────
    def source(self, s) -> str:
        if isinstance(s, ir.Table):
            name = self.d.identifier(s.name)
            return f"{name} {self.d.identifier(s.alias)}" if s.alias else name
        return f"({self.query(s.query)}) {self.d.identifier(s.alias)}"

    def query(self, q) -> str:
        if isinstance(q, ir.With):
            ctes = []
            for cte in q.ctes:
                hint = " MATERIALIZED" if cte.materialized and self.d.materialize_hint else ""
                ctes.append(f"{self.d.identifier(cte.name)} AS{hint} ({self.select(cte.query)})")
            return "WITH " + ", ".join(ctes) + " " + self.select(q.body)
        return self.select(q)

    def select(self, s: ir.Select) -> str:
        columns = ", ".join(self.expr(e) + (f" AS {self.d.identifier(a)}" if a else "")
                            for e, a in s.columns)
        out = ["SELECT " + ("DISTINCT " if s.distinct else "") + columns]
        if s.source is not None:
            out.append("FROM " + self.source(s.source))
        for join in s.joins:
            out.append(("LEFT JOIN " if join.left else "JOIN ") + self.source(join.source)
                       + " ON " + self.expr(join.on))
        if s.where is not None:
            out.append("WHERE " + self.expr(s.where))
        if s.group_by:
            out.append("GROUP BY " + ", ".join(self.expr(g) for g in s.group_by))
        if s.order_by:
            out.append("ORDER BY " + self.orders(s.order_by))
        if s.limit is not None:
            out.append(f"LIMIT {int(s.limit)}")
        return " ".join(out)

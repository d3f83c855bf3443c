"""A small SQL tree: the one representation the engine writes its statements in.

The engine never writes SQL text. It builds these nodes — selects, joins, CTEs,
expressions, named parameters — and a backend's `respons.sql.dialect.Dialect` renders them
into the SQL its engine speaks, with its own placeholders, quoting, JSON access and
hints. So a new backend (DuckDB, a distributed engine) is a dialect, not a rewrite of the
compiler, and no name the author wrote is ever spliced into SQL text: field names, event
types and duty names reach the database only as parameters.

The tree covers what the engine needs and no more: it is not a general SQL builder.
Nodes are frozen attrs classes, so a statement compares equal to the same statement.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

# ── expressions ──────────────────────────────────────────────────────────────────


class Expr:
    """An SQL expression."""

    # Operators build trees, so the compiler reads close to the SQL it means.
    def eq(self, other) -> Op:
        return Op("=", self, _expr(other))

    def ne(self, other) -> Op:
        return Op("<>", self, _expr(other))

    def lt(self, other) -> Op:
        return Op("<", self, _expr(other))

    def le(self, other) -> Op:
        return Op("<=", self, _expr(other))

    def gt(self, other) -> Op:
        return Op(">", self, _expr(other))

    def ge(self, other) -> Op:
        return Op(">=", self, _expr(other))

    def plus(self, other) -> Op:
        return Op("+", self, _expr(other))

    def minus(self, other) -> Op:
        return Op("-", self, _expr(other))

    def is_null(self) -> IsNull:
        return IsNull(self)

    def not_null(self) -> IsNull:
        return IsNull(self, negate=True)

    def isin(self, items: Sequence) -> In:
        return In(self, tuple(_expr(i) for i in items))


def _expr(value) -> Expr:
    return value if isinstance(value, Expr) else Lit(value)


@attrs.frozen
class Col(Expr):
    """A column, optionally qualified by a table alias."""

    table: str | None
    name: str


@attrs.frozen
class Param(Expr):
    """A named parameter; its value is bound when the statement runs, never spliced."""

    name: str


@attrs.frozen
class Lit(Expr):
    """A constant of the engine's own (0, 1, 'met', NULL) — never text an author wrote."""

    value: int | float | str | None

    def __attrs_post_init__(self):
        if isinstance(self.value, bool):
            raise TypeError("write booleans as conditions, not literals")


@attrs.frozen
class Op(Expr):
    """A binary operator: comparison (= <> < <= > >=), arithmetic (+ -), AND, OR."""

    op: str
    left: Expr
    right: Expr


@attrs.frozen
class And(Expr):
    operands: tuple[Expr, ...]


@attrs.frozen
class Or(Expr):
    operands: tuple[Expr, ...]


@attrs.frozen
class Not(Expr):
    operand: Expr


@attrs.frozen
class IsNull(Expr):
    operand: Expr
    negate: bool = False


@attrs.frozen
class In(Expr):
    operand: Expr
    items: tuple[Expr, ...]


@attrs.frozen
class Func(Expr):
    """A function every dialect spells the same way: COALESCE, SUM, COUNT, MIN, MAX."""

    name: str
    args: tuple[Expr, ...] = ()

    def __attrs_post_init__(self):
        if self.name not in PORTABLE_FUNCTIONS:
            raise ValueError(f"{self.name} is not a portable function")


#: Functions whose name and meaning are the same on every engine respons renders for.
#: ROUND(x, n) of a ``decimal`` rounds a half away from zero on every engine (四舍五入,
#: as `respons.registry.round_points`; tests/store/test_rounding.py holds them to it).
#: SUBSTR(text, from, length) counts characters from 1 on SQLite, PostgreSQL and DuckDB.
PORTABLE_FUNCTIONS = frozenset({"COALESCE", "SUM", "COUNT", "MIN", "MAX", "ABS", "ROUND",
                                "SUBSTR"})


@attrs.frozen
class CountAll(Expr):
    """COUNT(*)."""


@attrs.frozen
class Case(Expr):
    """CASE WHEN c1 THEN v1 … ELSE e END."""

    whens: tuple[tuple[Expr, Expr], ...]
    otherwise: Expr | None = None


@attrs.frozen
class Cast(Expr):
    """CAST(x AS t), ``to`` a portable type: text, integer, real or decimal (points)."""

    operand: Expr
    to: str


@attrs.frozen
class Exists(Expr):
    query: Select
    negate: bool = False


@attrs.frozen
class Scalar(Expr):
    """A scalar subquery: (SELECT …)."""

    query: Select


@attrs.frozen
class JsonText(Expr):
    """Member ``key`` of the JSON object text in ``column`` where it is a string: the text
    (NULL when absent). ``key`` is the member's name — a field name a regime wrote — which
    the dialect binds as a parameter of its own: it never becomes part of the SQL text."""

    column: Expr
    key: str


@attrs.frozen
class JsonNumber(Expr):
    """Member ``key`` of the JSON object text in ``column`` where it is a number, as a
    real number (NULL when absent)."""

    column: Expr
    key: str


@attrs.frozen
class JsonIs(Expr):
    """The condition that member ``key`` of the JSON object text in ``column`` is the JSON
    literal ``true`` (or ``false``): how a 是否 field is tested."""

    column: Expr
    key: str
    value: bool = True


@attrs.frozen
class RowNumber(Expr):
    """ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)."""

    partition_by: tuple[Expr, ...]
    order_by: tuple[Order, ...]


@attrs.frozen
class Star(Expr):
    """``t.*`` (or ``*``)."""

    table: str | None = None


# ── queries ──────────────────────────────────────────────────────────────────────


@attrs.frozen
class Order:
    expr: Expr
    descending: bool = False


@attrs.frozen
class Table:
    """A table by name, with an alias."""

    name: str
    alias: str | None = None


@attrs.frozen
class Derived:
    """A subquery in FROM or JOIN: (SELECT …) alias."""

    query: Select
    alias: str


@attrs.frozen
class Join:
    source: Table | Derived
    on: Expr
    left: bool = False


@attrs.frozen
class Select:
    columns: tuple[tuple[Expr, str | None], ...]
    source: Table | Derived | None = None
    joins: tuple[Join, ...] = ()
    where: Expr | None = None
    group_by: tuple[Expr, ...] = ()
    order_by: tuple[Order, ...] = ()
    limit: int | None = None
    distinct: bool = False


@attrs.frozen
class Cte:
    name: str
    query: Select
    #: Ask the planner to compute it once (PostgreSQL inlines a CTE used once by
    #: default); a dialect that has no such hint ignores it.
    materialized: bool = False


@attrs.frozen
class With:
    """WITH … SELECT …: the statement form of every engine query."""

    ctes: tuple[Cte, ...]
    body: Select


Query = Select | With


# ── helpers the compiler reads well with ────────────────────────────────────────


def all_of(*operands: Expr | None) -> Expr:
    """AND of the operands that are not None (TRUE when none)."""
    items = tuple(o for o in operands if o is not None)
    if not items:
        return Op("=", Lit(1), Lit(1))
    return items[0] if len(items) == 1 else And(items)


def any_of(*operands: Expr) -> Expr:
    items = tuple(operands)
    if not items:
        return Op("=", Lit(1), Lit(0))
    return items[0] if len(items) == 1 else Or(items)


def select(*columns, source=None, joins=(), where=None, group_by=(), order_by=(),
           limit=None, distinct=False) -> Select:
    """A Select whose columns may be given bare (no alias) or as (expr, alias) pairs."""
    cols = tuple(c if isinstance(c, tuple) else (c, None) for c in columns)
    return Select(cols, source, tuple(joins), where, tuple(group_by), tuple(order_by), limit,
                  distinct)

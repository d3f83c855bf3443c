"""Compiling a 限于 condition on a record's fields into SQL, each field by its type.

The compiler never guesses from the literal what a field holds: it reads the field's
declared type. A 是否 field is the JSON literal true or false (`JsonIs`); numbers, integers
and amounts are numbers (`JsonNumber`: an amount is stored as decimal text, "12.50", which
every dialect's JSON number access reads as a number too); dates, choices, text and names
are text (`JsonText`; ISO dates order as text); a 时间 date-time against a date is compared
by its date in China Standard Time. Named conditions (条件) are expanded first, so the
statement names none of them.

The checker refuses every condition this cannot compile (``respons.check.rules.types``);
meeting one here is a bug, and `Uncompilable` says so rather than returning a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Not, expand
from respons.model.vocab import NUMERIC_TYPES, TRUTH
from respons.sql import ir
from respons.sql.ir import Col


class Uncompilable(ValueError):
    """A condition the checker should have refused reached the compiler: a bug."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"cannot compile the condition on {field!r}: it {reason} "
                         "(respons check reports this; please report it as a bug)")


class Conditions:
    """Compiles conditions over the fields ``types`` (name → declared type) of the record
    ``r``; ``param(value, hint)`` makes a named parameter, ``text(name)`` reads a field."""

    def __init__(self, types: Mapping[str, str | None], key: str | None,
                 definitions: Mapping[str, object], param: Callable, text: Callable,
                 column: ir.Expr | None = None) -> None:
        self.types = types
        self.key = key
        self.definitions = definitions
        self.param = param
        self.text = text
        #: The JSON column of the record the condition tests (``r.data`` unless told).
        self.column = column if column is not None else Col("r", "data")

    def compile(self, condition) -> ir.Expr:
        # A field's own name is read before a named condition of the same name.
        return self._test(expand(condition, self.definitions, frozenset(self.types)))

    def _test(self, condition) -> ir.Expr:
        if isinstance(condition, Ref):
            if self.type_of(condition.text) != "boolean":
                raise Uncompilable(condition.text, "is not a 是否 field")
            return ir.JsonIs(self.column, condition.text)
        if isinstance(condition, Not):
            return ir.Not(self._test(condition.operand))
        if isinstance(condition, AllOf | AnyOf):
            parts = tuple(self._test(c) for c in condition.operands)
            return ir.And(parts) if isinstance(condition, AllOf) else ir.Or(parts)
        name, literal, op = condition.left.text, condition.right, condition.op
        kind = self.type_of(name)
        sql_op = {"=": "=", "!=": "<>"}.get(op, op)
        if kind == "boolean":
            truth = TRUTH.get(str(literal.value).lower()) if literal.kind == "name" else None
            if truth is None or op not in ("=", "!="):
                raise Uncompilable(name, f"is a 是否 field compared with {literal.value!r}")
            test = ir.JsonIs(self.column, name, truth)
            return test if op == "=" else ir.Not(test)
        if kind in NUMERIC_TYPES:
            if literal.kind != "number":
                raise Uncompilable(name, f"is a number compared with {literal.value!r}")
            return ir.Op(sql_op, ir.JsonNumber(self.column, name),
                         self.param(float(literal.value), "n"))
        if kind == "datetime":
            return self._moment(name, op, literal)
        if kind == "date" and literal.kind != "date":
            raise Uncompilable(name, f"is a date compared with {literal.value!r}")
        if kind != "date" and literal.kind not in ("string", "name"):
            raise Uncompilable(name, f"is text compared with {literal.value!r}")
        return ir.Op(sql_op, self.text(name), self.param(_text_of(literal), "s"))

    def type_of(self, name: str) -> str | None:
        """The field's declared type; the key, written without a 字段, is text."""
        if name in self.types:
            return self.types[name]
        return "text" if name == self.key else None

    def _moment(self, name: str, op: str, literal) -> ir.Expr:
        """A 时间 field against a date: by its date in China Standard Time, at which every
        date-time is stored (``2024-03-01T09:30:00+08:00``), so that the text before and
        after the day's first moment orders it — no substring, on any engine."""
        if literal.kind != "date":
            raise Uncompilable(name, f"is a date-time compared with {literal.value!r}")
        value = self.text(name)
        day = self.param(literal.value.isoformat(), "s")
        after = self.param((literal.value + dt.timedelta(days=1)).isoformat(), "s")
        on_day = ir.And((value.ge(day), value.lt(after)))
        return {">=": value.ge(day), "<": value.lt(day), "<=": value.lt(after),
                ">": value.ge(after), "=": on_day, "!=": ir.Not(on_day)}[op]


def _text_of(literal) -> str:
    value = literal.value
    return value.isoformat() if isinstance(value, dt.date) else str(value)

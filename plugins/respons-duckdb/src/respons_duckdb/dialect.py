"""`DuckDBDialect`: the engine's SQL tree as DuckDB reads it.

DuckDB takes standard SQL with ``?`` placeholders; what it spells its own way is JSON
member access (``json_extract_string`` with a JSON Pointer), a few keywords that cannot be
bare column names (``at``), and no partial indexes. Its text compares bytewise — its
default collation is binary, as SQLite's — so ``ORDER BY`` gives the rows in the order
SQLite and PostgreSQL (``COLLATE "C"``) give them.
"""

from __future__ import annotations

import functools
from typing import ClassVar

import duckdb

from respons.sql.dialect import Dialect


@functools.cache
def keywords() -> frozenset[str]:
    """The words this DuckDB does not take as a bare column name (its reserved,
    type-function and column-name keywords: ``at``, ``select``…)."""
    with duckdb.connect(":memory:") as connection:
        rows = connection.execute("SELECT keyword_name FROM duckdb_keywords() "
                                  "WHERE keyword_category <> 'unreserved'").fetchall()
    return frozenset(name for (name,) in rows)


def pointer(name: str) -> str:
    """The JSON Pointer (RFC 6901) to member ``name`` of an object: ``/`` and its name,
    ``~`` written ``~0`` and ``/`` written ``~1``. Unlike a ``$.`` path it has no quoting
    to get wrong: every name — a dot, a quote, a bracket, the empty name — has one
    pointer, and DuckDB compares it with the member's name as decoded from the JSON."""
    return "/" + name.replace("~", "~0").replace("/", "~1")


class DuckDBDialect(Dialect):
    """DuckDB's SQL. Its optimizer turns a correlated subquery into a join of its own, but
    the first matching record numbered with ROW_NUMBER() ran faster still (docs/
    performance.md), so that is the form it gets; it decides for itself which CTEs to
    materialise. It skips row groups by their min/max rather than looking rows up in an
    index, so the store's secondary indexes are left out: they would only slow every
    insert (its keys and unique constraints stay)."""

    name = "duckdb"
    first_row = "window"
    materialize_hint = False
    partial_indexes = False
    secondary_indexes = False
    types: ClassVar[dict[str, str]] = {"seq": "BIGINT", "text": "VARCHAR", "integer": "BIGINT",
                                       "real": "DOUBLE", "decimal": "DECIMAL(18, 6)"}

    @property
    def reserved(self) -> frozenset[str]:  # type: ignore[override]
        return keywords()

    def json_text(self, column: str, name: str, bind) -> str:
        # The member's name reaches DuckDB only as a bound JSON Pointer.
        return f"json_extract_string({column}, {bind(pointer(name))})"

    def json_number(self, column: str, name: str, bind) -> str:
        # TRY_CAST: a member that is not a number reads as NULL, as on PostgreSQL it
        # would fail and on SQLite read as 0 — respons stores only numbers there.
        return f"TRY_CAST(json_extract_string({column}, {bind(pointer(name))}) AS DOUBLE)"

    def json_is(self, column: str, name: str, value: bool, bind) -> str:
        # The member as JSON text: exactly the literal true (false), not the string "true".
        word = "true" if value else "false"
        return f"(CAST(json_extract({column}, {bind(pointer(name))}) AS VARCHAR) = '{word}')"

    def drop_temporary(self, name: str) -> str:
        # temp.main: the temporary catalog, never a lasting table of that name.
        return f"DROP TABLE IF EXISTS temp.main.{name}"

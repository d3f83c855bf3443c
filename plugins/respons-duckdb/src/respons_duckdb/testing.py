"""The conformance suite's hooks for DuckDB, for the test classes that run it.

Subclass `DuckDBHooks` before `respons.testing.StoreConformance`: the suite's raw SQL is
written as SQLite and PostgreSQL read it, and it watches a crash from a second process,
which a DuckDB file does not let in while the ingest holds it. Each hook does the same
thing the suite means, as DuckDB needs it done — no test is left out.
"""

from __future__ import annotations

import re

from respons.records.row import RECORD_COLUMNS
from respons.store.api import BATCH_COLUMNS

_LITERAL = re.compile(r"('(?:[^']|'')*')")
_WORD = re.compile(r"\b[a-z_][a-z0-9_]*\b")
#: The columns of the store's own tables, which the suite's statements name bare.
_COLUMNS = frozenset({*RECORD_COLUMNS, *BATCH_COLUMNS, "key", "value"})


def in_duckdb_spelling(store, sql: str) -> str:
    """``sql`` with every column of the store's tables that DuckDB takes for a keyword
    (``at``) quoted as the store's dialect quotes it; text in quotes is left as it is."""
    quote = store.dialect.identifier
    parts = _LITERAL.split(sql)
    for index in range(0, len(parts), 2):  # the parts between string literals
        parts[index] = _WORD.sub(lambda m: quote(m.group(0)) if m.group(0) in _COLUMNS
                                 else m.group(0), parts[index])
    return "".join(parts)


class DuckDBHooks:
    """`tamper` and `peek` in DuckDB's spelling; the crash test's first file seen from the
    ingest's report on stdout."""

    def tamper(self, store, sql: str, params=()) -> None:
        super().tamper(store, in_duckdb_spelling(store, sql), params)

    def peek(self, store, sql: str, params=()) -> list[tuple]:
        return super().peek(store, in_duckdb_spelling(store, sql), params)

    def wait_for_first_file(self, store, process, file: str) -> None:
        # While the ingest runs it holds the file: this process cannot read the batches
        # table until it is killed. The ingest says when a file is committed.
        self.wait_for_report(process, file)

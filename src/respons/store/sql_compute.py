"""`SQLCompute`: the engine's side of a `respons.store.sql.SQLStore`.

The engine hands over `respons.sql.ir` trees and the values of their named parameters;
the store's dialect renders them, so what runs is the backend's own SQL and no value is
ever part of the text. Temporary tables live on this connection only — two evaluations
of one store at once each have their own calendar tables and their own results until
they publish them — and the store's tables can be written only inside `transaction`,
and of those only the results tables.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from respons.store.api import RESULTS, Compute
from respons.store.register import HEAD_KEY
from respons.store.results import RESULT_TABLES
from respons.store.schema import OWN_TABLES

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class SQLCompute(Compute):
    def __init__(self, db) -> None:
        self.db = db
        self.dialect = db.dialect
        self._temporary: set[str] = set()
        self._publishing = False

    def _render(self, query, params: Mapping | None) -> tuple[str, list]:
        rendered = self.dialect.render(query)
        return rendered.sql, rendered.bind(params or {})

    def _run(self, sql: str, values: Sequence = ()):
        cursor = self.db.connection.cursor()
        cursor.execute(sql, tuple(values))
        return cursor

    def query(self, query, params=None) -> list[tuple]:
        sql, values = self._render(query, params)
        if self._publishing:  # inside the write transaction: already isolated
            return [tuple(row) for row in self._run(sql, values).fetchall()]
        with self.db._read_only():
            return [tuple(row) for row in self._run(sql, values).fetchall()]

    def stream(self, query, params=None) -> Iterator[tuple]:
        sql, values = self._render(query, params)
        return self.db._stream(sql, values)

    def temp_table(self, name: str, columns: Sequence[tuple[str, str]],
                   rows: Iterable[Sequence] = (), indexes: Sequence[Sequence[str]] = ()
                   ) -> None:
        if not _IDENTIFIER.match(name) or name in OWN_TABLES:
            raise ValueError(f"{name!r} cannot name a temporary table (a plain lower-case "
                             f"identifier, not one of {', '.join(OWN_TABLES)})")
        if not columns:
            raise ValueError("a temporary table needs at least one column")
        d = self.dialect
        names = set()
        definitions = []
        for column, portable in columns:
            if not _IDENTIFIER.match(column):
                raise ValueError(f"{column!r} is not a plain column name")
            names.add(column)
            definitions.append(f"{d.identifier(column)} {d.type_name(portable.rstrip('?'))}")
        for key in indexes:
            if not key or not set(key) <= names:
                raise ValueError(f"cannot index {name} on {key!r}")
        self._run(d.drop_temporary(name))
        self._run(d.create_temporary(name, ", ".join(definitions)))
        self.db._insert_rows(name, [column for column, _ in columns], rows)
        for number, key in enumerate(indexes):
            self._run(f"CREATE INDEX {name}_i{number} ON {name} ({d.columns(key)})")
        # A lookup table joined with millions of records needs statistics, or the planner
        # guesses its size and may scan every record for it.
        analyze = d.analyze(name)
        if analyze:
            self._run(analyze)
        self._temporary.add(name)

    def insert(self, table: str, query, params=None) -> int:
        if table not in self._temporary and not (self._publishing and table in RESULT_TABLES):
            raise ValueError(f"{table!r} is neither a temporary table of this evaluation nor, "
                             "inside a transaction, a results table")
        sql, values = self._render(query, params)
        return self._run(f"INSERT INTO {table} {sql}", values).rowcount

    def append_rows(self, table: str, rows) -> int:
        # The backend's bulk insert (executemany; a backend's own where it has one),
        # straight into the results table: no staging copy.
        if not (self._publishing and table in RESULT_TABLES):
            raise ValueError(f"{table!r} is not a results table, or this is not inside a "
                             "transaction")
        rows = list(rows)
        self.db._insert_rows(table, RESULT_TABLES[table].names, rows)
        return len(rows)

    def register_head(self) -> str | None:
        self._require_publishing()
        return self.db._info(HEAD_KEY)

    def set_register_head(self, text: str) -> None:
        self._require_publishing()
        self.db._set_info(HEAD_KEY, text)

    def _require_publishing(self) -> None:
        if not self._publishing:
            raise ValueError("the register's head is read and written only inside a "
                             "transaction, with the entries it heads")

    @contextlib.contextmanager
    def transaction(self):
        self.db._begin_write(RESULTS)
        self._publishing = True
        try:
            yield self
            self.db._commit()
        except BaseException:
            with contextlib.suppress(Exception):  # a dead connection has nothing to undo
                self.db._rollback()
            raise
        finally:
            self._publishing = False

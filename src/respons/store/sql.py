"""`SQLStore`: a store over one DB-API connection, the base of every SQL backend.

A backend subclass supplies the connection, its dialect (`respons.sql.dialect.Dialect`) and
the few statements that differ between engines (`_begin_write`, `_select_in`,
`_write_rows` and `_insert_rows`, `_table_exists`, `_read_only`, `_stream`). On that, `SQLLedger`
(``respons.store.sql_ledger``) keeps the chain and `SQLCompute`
(``respons.store.sql_compute``) runs the engine's queries, so every backend holds the same
logical schema and gives the same answers by construction.

The ledger's own statements are short and fixed; they are written with ``?`` and turned
into the dialect's placeholder here. The engine's are trees the dialect renders.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from respons.records.row import RECORD_COLUMNS
from respons.store.api import LEDGER, Store, StoreUnavailable
from respons.store.sql_compute import SQLCompute
from respons.store.sql_ledger import SQLLedger

#: How long a writer waits for the store's write lock, in seconds, unless the backend's
#: settings say otherwise (``lock_timeout`` in ``[plugins.<backend>]`` of respons.toml).
LOCK_TIMEOUT = 60.0
#: The longest wait a setting may ask for: a day.
_LONGEST_WAIT = 86400


def lock_timeout(settings: dict | None, plugin: str) -> float:
    """The ``lock_timeout`` of a backend's settings, in seconds: a number > 0 (at most a
    day); `LOCK_TIMEOUT` when not set. Raises `StoreUnavailable` naming the setting."""
    value = (settings or {}).get("lock_timeout", LOCK_TIMEOUT)
    if type(value) not in (int, float) or not math.isfinite(value) \
            or not 0 < value <= _LONGEST_WAIT:
        raise StoreUnavailable(f"lock_timeout in [plugins.{plugin}] of respons.toml must be "
                               f"a number of seconds, more than 0 and at most {_LONGEST_WAIT}, "
                               f"not {value!r}")
    return float(value)


class SQLStore(Store):
    #: The settings table that holds this backend's lock_timeout, for messages.
    plugin = "sql"

    def __init__(self, connection, url: str, dialect, lock_timeout: float = LOCK_TIMEOUT
                 ) -> None:
        self.connection = connection
        self.url = url
        self.dialect = dialect
        self.lock_timeout = lock_timeout
        self.ledger = SQLLedger(self)
        self.compute = SQLCompute(self)

    # ── what a backend supplies ──────────────────────────────────────────────────
    def _prepare(self) -> None:
        """Before the schema is created or migrated: create what it lives in (a SQLite
        file, a PostgreSQL schema). Nothing by default."""

    def _begin_write(self, lock: str = LEDGER) -> None:
        """Start a transaction holding ``lock`` (`LEDGER` or `RESULTS`): one writer of
        each at a time, waiting at most `lock_timeout`, then `StoreLocked`."""
        raise NotImplementedError

    def _select_in(self, sql: str, values: Sequence[str]) -> list[tuple]:
        """Run ``sql`` whose last condition is ``<column> IN ({})`` for all ``values``."""
        raise NotImplementedError

    def _write_rows(self, rows: Sequence[tuple]) -> None:
        """Append a file's rows to ``records`` (`Appender.write`)."""
        self._insert_rows("records", RECORD_COLUMNS, rows)

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]
                     ) -> None:
        """Insert ``rows`` (values in ``columns`` order) into ``table``: the records a file
        appends, the rows of a temporary table, a migration's copy. ``executemany`` by
        default; a backend whose driver runs that a row at a time gives its bulk path."""
        self._executemany(f"INSERT INTO {table} ({self.dialect.columns(columns)}) VALUES "
                          f"({', '.join('?' * len(columns))})", rows)

    def _table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def _read_only(self):
        """A context manager in which statements cannot write."""
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        """The rows of ``sql`` (in the dialect's own placeholders) without holding them all
        in memory, in a read-only transaction of their own."""
        raise NotImplementedError

    # ── plumbing ─────────────────────────────────────────────────────────────────
    def _sql(self, sql: str) -> str:
        """A ledger statement written with ``?`` in the dialect's placeholders."""
        mark = self.dialect.placeholder(1, "")
        if mark == "?":
            return sql
        return sql.replace("%", "%%").replace("?", mark)

    def _execute(self, sql: str, params: Sequence = ()):
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return cursor

    def _executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        cursor = self.connection.cursor()
        cursor.executemany(self._sql(sql), rows)

    def _one(self, sql: str, params: Sequence = ()):
        return self._execute(sql, params).fetchone()

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def _info(self, key: str) -> str | None:
        row = self._one("SELECT value FROM store_info WHERE key = ?", (key,))
        return row[0] if row else None

    def _set_info(self, key: str, value: str) -> None:
        self._execute("INSERT INTO store_info (key, value) VALUES (?, ?) ON CONFLICT (key) "
                      "DO UPDATE SET value = excluded.value", (key, value))

    def locked_message(self) -> str:
        """What a writer is told when the write lock stayed taken for `lock_timeout`."""
        return (f"the store {self.url} is locked by another writer: gave up after "
                f"{self.lock_timeout:g} s; try again when it is done, or raise lock_timeout "
                f"in [plugins.{self.plugin}] of respons.toml")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

"""The DuckDB store: `respons.store.sql.SQLStore` over one DuckDB database file.

``duckdb:///relative/path.duckdb`` and ``duckdb:////absolute/path.duckdb`` (three slashes
then a relative path, four then an absolute one, as for SQLite); ``duckdb:///:memory:``
is a database in memory, which `respons.store.open_store` refuses (its records would vanish
when respons exits). The file is opened only when it exists; `init` creates it.

What DuckDB does differently from the shared base is in `respons_duckdb.session` (the
connection, opened on demand and let go of when idle; bulk inserts; streams) and
`respons_duckdb.dialect` (its SQL). The store's two locks — one writer of the ledger, one
publisher of results — are held twice over: against other processes by DuckDB's own lock
on the file, which a process holds while it has the file open; against other stores of the
same file in this process (which share one DuckDB database) by a lock of this module per
file and per lock. A writer waits for both at most ``lock_timeout`` seconds
(``[plugins.duckdb]`` of respons.toml, default 60), then gives up with `StoreLocked`.

A file is one transaction: DuckDB writes a transaction to its write-ahead log when it
commits, so a killed process leaves the store as it was after the last whole file.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb

from respons.store.api import LEDGER, StoreLocked, StoreUnavailable
from respons.store.sql import LOCK_TIMEOUT, SQLStore
from respons.store.sql_compute import SQLCompute
from respons.store.sql_ledger import SQLLedger
from respons.store.url import redact
from respons_duckdb.dialect import DuckDBDialect
from respons_duckdb.session import Session

#: Ids per lookup statement: DuckDB's default index_scan_max_count is 2048.
_IN_CHUNK = 2000
#: Paths that are no file.
_TRANSIENT = {":memory:": "a database in memory"}

#: (file, lock) → the lock of this process's stores of that file.
_LOCKS: dict[tuple[str, str], threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def duckdb_path(url: str) -> str:
    """The file a ``duckdb:`` URL names (``:memory:`` for a database in memory)."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() != "duckdb" or not rest.startswith("/"):
        raise StoreUnavailable(f"store URL {redact(url)!r} is not duckdb:///PATH "
                               "(duckdb:///respons.duckdb, duckdb:////var/respons/store.duckdb)")
    path = urllib.parse.unquote(rest[1:].partition("?")[0])
    if not path:
        raise StoreUnavailable(f"store URL {redact(url)!r} names no file: write "
                               "duckdb:///respons.duckdb")
    if "\0" in path:
        raise StoreUnavailable(f"store URL {redact(url)!r} names a file with a NUL character "
                               "(%00) in its name, which no file can have")
    return path if path in _TRANSIENT else str(Path(path))


def _process_lock(key: tuple[str, str]) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


def _held(method):
    """``method`` of the ledger or the compute, run under one hold of the store's file: the
    statements of one call open it once, not once each. A file not created yet is not
    opened (DuckDB would create it): `init` creates it."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        if self.db.connection is None:
            return method(self, *args, **kwargs)
        with self.db.session.use():
            return method(self, *args, **kwargs)
    return run


def _held_stream(method):
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        if self.db.connection is None:
            yield from method(self, *args, **kwargs)
            return
        with self.db.session.use():
            yield from method(self, *args, **kwargs)
    return run


class DuckDBLedger(SQLLedger):
    schema_version = _held(SQLLedger.schema_version)
    init = _held(SQLLedger.init)
    append = _held(SQLLedger.append)
    head = _held(SQLLedger.head)
    count = _held(SQLLedger.count)
    last_seq = _held(SQLLedger.last_seq)
    batches = _held(SQLLedger.batches)
    rehashed_from = _held(SQLLedger.rehashed_from)
    scan = _held_stream(SQLLedger.scan)


class DuckDBCompute(SQLCompute):
    query = _held(SQLCompute.query)
    stream = _held_stream(SQLCompute.stream)
    temp_table = _held(SQLCompute.temp_table)
    insert = _held(SQLCompute.insert)


class DuckDBStore(SQLStore):
    errors = (duckdb.Error,)
    plugin = "duckdb"

    def __init__(self, url: str, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = duckdb_path(url)
        super().__init__(None, redact(url), DuckDBDialect(), lock_timeout)
        self.ledger = DuckDBLedger(self)
        self.compute = DuckDBCompute(self)
        self.transient = _TRANSIENT.get(self.path)
        self.session = Session(self.path, lock_timeout, self._locked, self.url,
                               keep=self.transient is not None)
        self._held: list[threading.Lock] = []
        try:
            # What this process's locks are keyed by: the file, however the URL names it.
            self._file = f":memory:{id(self)}" if self.transient else os.path.realpath(self.path)
            if self.transient or Path(self.path).is_file():
                self._attach()
            elif Path(self.path).exists():
                raise StoreUnavailable(f"store {self.url}: {self.path} is not a file")
        except OSError as error:  # a name too long, a folder that cannot be searched
            raise StoreUnavailable(f"store {self.url}: {error.strerror or error}") from None

    def _locked(self) -> StoreLocked:
        return StoreLocked(self.locked_message())

    def _attach(self) -> None:
        """Use the file: opened once now, which proves it is a DuckDB database."""
        with self.session.use():
            pass
        self.connection = self.session

    # ── what SQLStore asks of a backend ──────────────────────────────────────────
    def _prepare(self) -> None:
        if self.connection is None:
            folder = Path(self.path).resolve().parent
            if not folder.is_dir():
                raise StoreUnavailable(f"store {self.url}: folder {folder} does not exist")
            self._attach()  # DuckDB creates the file

    def _table_exists(self, name: str) -> bool:
        rows, _ = self.session.execute(
            "SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND "
            "schema_name = 'main' AND table_name = ?", (name,))
        return bool(rows)

    def _begin_write(self, lock: str = LEDGER) -> None:
        deadline = time.monotonic() + self.lock_timeout
        mine = _process_lock((self._file, lock))
        if not mine.acquire(timeout=self.lock_timeout):
            raise self._locked()
        try:
            self.session.begin(deadline)  # the file: waits for another process's hold
        except BaseException:
            mine.release()
            raise
        self._held.append(mine)

    def _end(self, commit: bool) -> None:
        try:
            self.session.end(commit)
        finally:
            while self._held:
                self._held.pop().release()

    def _commit(self) -> None:
        self._end(commit=True)

    def _rollback(self) -> None:
        self._end(commit=False)

    def _select_in(self, sql: str, values: Sequence[str]) -> list[tuple]:
        # A list of constants no longer than index_scan_max_count (2048) is looked up in
        # the unique index on id; a longer one, or a list parameter, scans the column.
        found: list[tuple] = []
        values = list(values)
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start:start + _IN_CHUNK]
            found += self.session.execute(sql.format(", ".join("?" * len(chunk))), chunk)[0]
        return found

    def _insert_rows(self, table: str, columns: Sequence[str], rows) -> None:
        self.session.insert_rows(table, self.dialect.columns(columns), len(columns), rows)

    @contextlib.contextmanager
    def _read_only(self):
        with self.session.use():
            self.session.begin(time.monotonic() + self.lock_timeout, read_only=True)
            try:
                yield
            finally:
                self.session.end(commit=False)

    def _stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        return self.session.stream(sql, params)

    def close(self) -> None:
        self.session.close()
        self.connection = None
        while self._held:
            self._held.pop().release()

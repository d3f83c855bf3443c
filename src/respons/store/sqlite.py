"""The embedded SQLite store: one file, the default (``sqlite:///respons.db``).

The file is opened only when it exists; `init` creates it. The database runs in WAL mode
so that a long ingest does not block readers, with ``synchronous=FULL`` so that a file
committed is on disk: a crash — a killed process or a lost machine — leaves the store as
it was after the last whole file. ``BEGIN IMMEDIATE`` takes the write lock up front, so
two ingests into one file take turns rather than interleave their chains; a writer waits
for it at most ``lock_timeout`` seconds (``busy_timeout``), then gives up with one line.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from respons.sql.dialect import Dialect
from respons.store.api import LEDGER, StoreLocked, StoreUnavailable
from respons.store.sql import LOCK_TIMEOUT, SQLStore
from respons.store.url import redact, sqlite_path, transient

#: SQLite allows 32766 parameters per statement since 3.32; stay well below.
_IN_CHUNK = 900


class SQLiteDialect(Dialect):
    """SQLite's SQL: ``?`` placeholders, JSON through its json1 functions, temporary tables
    in its ``temp`` schema. Its planner rewrites nothing but runs a correlated subquery
    over an index range fast: the first matching record is looked up that way."""

    name = "sqlite"

    def json_text(self, column: str, name: str, bind) -> str:
        if _plain_label(name):
            return f"json_extract({column}, {bind(_path(name))})"
        # Looked up by its decoded name: the one way that does not depend on how this
        # SQLite version reads escapes in a path (see `_plain_label`).
        return f"(SELECT jm.value FROM json_each({column}) jm WHERE jm.key = {bind(name)})"

    def json_is(self, column: str, name: str, value: bool, bind) -> str:
        word = "true" if value else "false"
        if _plain_label(name):
            return f"(json_type({column}, {bind(_path(name))}) = '{word}')"
        return (f"EXISTS (SELECT 1 FROM json_each({column}) jm WHERE jm.key = {bind(name)} "
                f"AND jm.type = '{word}')")

    def create_temporary(self, name: str, definitions: str) -> str:
        return f"CREATE TEMP TABLE {name} ({definitions})"

    def drop_temporary(self, name: str) -> str:
        return f"DROP TABLE IF EXISTS temp.{name}"

    def analyze(self, name: str) -> str:
        return f"ANALYZE temp.{name}"

    def append_only(self, table: str, message: str) -> list[str]:
        # RAISE(ABORT) undoes the statement and fails it with the message.
        text = "'" + message.replace("'", "''") + "'"
        return [f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, {text}); END" for verb in ("UPDATE", "DELETE")]


class SQLiteStore(SQLStore):
    errors = (sqlite3.Error,)
    plugin = "sqlite"

    def __init__(self, url: str, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = sqlite_path(url)
        self._opened_with = url
        super().__init__(None, redact(url), SQLiteDialect(), lock_timeout)
        self.transient = transient(self.path)
        try:
            if self.transient or Path(self.path).is_file():
                self.connection = self._connect(create=False)
            elif Path(self.path).exists():
                raise StoreUnavailable(f"store {self.url}: {self.path} is not a file")
        except OSError as error:  # a name too long, a folder that cannot be searched
            raise StoreUnavailable(f"store {self.url}: {error.strerror or error}") from None

    def reader(self) -> SQLiteStore | None:
        # In WAL mode readers and the writer do not block each other; a database in
        # memory is this connection's alone.
        if self.transient or self.connection is None:
            return None
        return SQLiteStore(self._opened_with, self.lock_timeout)

    def _connect(self, create: bool) -> sqlite3.Connection:
        if self.transient:
            target, uri = self.path, False
        else:
            try:
                folder = Path(self.path).resolve().parent
                folder_exists = folder.is_dir()
            except OSError as error:
                raise StoreUnavailable(f"store {self.url}: {error.strerror or error}") \
                    from None
            if not folder_exists:
                raise StoreUnavailable(f"store {self.url}: folder {folder} does not exist")
            target = Path(self.path).resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
            uri = True
        try:
            connection = sqlite3.connect(target, uri=uri, isolation_level=None,
                                         check_same_thread=False)
            # Every lock wait, the write lock's included, ends after lock_timeout.
            connection.execute(f"PRAGMA busy_timeout = {max(int(self.lock_timeout * 1000), 1)}")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA cache_size = -65536")  # 64 MiB: index pages stay hot
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # a database?
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(f"store {self.url}: {self.path} is not a SQLite database "
                                   f"({error})") from None
        return connection

    @staticmethod
    def _table_exists_on(connection, name: str) -> bool:
        # Reading the schema also proves the file is a database at all.
        return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                  "name = ?", (name,)).fetchone() is not None

    def _prepare(self) -> None:
        if self.connection is None:
            self.connection = self._connect(create=True)
        if not self.transient:
            self.connection.execute("PRAGMA journal_mode = WAL")

    def _table_exists(self, name: str) -> bool:
        return self._table_exists_on(self.connection, name)

    def _begin_write(self, lock: str = LEDGER) -> None:
        # SQLite has one write lock per file: ingest and publishing results take turns.
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            # The primary code (the low byte) of the extended one: busy, or locked.
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise StoreLocked(self.locked_message()) from None
            raise

    def _select_in(self, sql: str, values: Sequence[str]) -> list[tuple]:
        found: list[tuple] = []
        values = list(values)
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start:start + _IN_CHUNK]
            found += self.connection.execute(sql.format(", ".join("?" * len(chunk))),
                                             chunk).fetchall()
        return found

    @contextlib.contextmanager
    def _read_only(self):
        self.connection.execute("PRAGMA query_only = ON")
        try:
            yield
        finally:
            self.connection.execute("PRAGMA query_only = OFF")

    def _stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        cursor = self.connection.execute(sql, tuple(params))
        cursor.arraysize = 4000
        while rows := cursor.fetchmany():
            yield from rows


def _plain_label(key: str) -> bool:
    """Whether ``$."key"`` finds member ``key`` on every SQLite version. Before 3.45 a
    quoted path label is compared with the member's name as written in the JSON text, and
    the stored text (canonical, not ASCII-escaped) writes a name as it is except for ``"``,
    ``\\`` and control characters, which are escaped; a path cannot hold them either."""
    return not any(c in '"\\' or c < " " for c in key)


def _path(name: str) -> str:
    return f'$."{name}"'

"""`Session`: one DuckDB connection behaving as `respons.store.sql.SQLStore` expects.

DuckDB differs from the DB-API drivers the shared base was written against in four ways,
and this module is where each is met:

- **One process per file.** A process that opens a database file for writing holds a lock
  on it, and every other process — reader or writer — is refused ("Could not set lock on
  file") until it lets go. So the session opens the file only when a statement needs it
  and lets go of it as soon as it is idle — no transaction, no temporary table, no stream
  under way — and an open that finds the file held by another process is retried until
  the store's ``lock_timeout``, then `StoreLocked`. An evaluation holds the file while it
  runs (its temporary tables live on the connection); a store left open does not.
- **``cursor()`` is another connection.** DuckDB's ``cursor()`` opens a second connection
  to the database — its own transaction, its own temporary tables. `Session.cursor`
  returns a cursor that runs on the session's one connection instead.
- **One result at a time.** A statement run while a stream is being read would end the
  stream's result: the stream's remaining rows are read into memory first (`_Stream`).
- **``executemany`` runs a statement per row** (about 2,000 rows/s). `insert_rows` sends
  a chunk of rows as one ``INSERT … SELECT UNNEST(?), …`` with a list per column, which
  DuckDB binds in bulk (about 150,000 rows/s).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Sequence

import duckdb

from respons.store.api import StoreUnavailable

#: What DuckDB is given when it opens a file: never load or fetch an extension behind the
#: user's back (a SQLite file named by a duckdb:// URL would ask for one).
CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
#: Rows per statement of `insert_rows`.
CHUNK = 50_000
#: Rows a stream fetches at a time.
FETCH = 5_000
#: How long to wait between two tries at a file another process holds, in seconds.
RETRY = 0.05

_HELD = "Could not set lock on file"


def held_by_another_process(error: Exception) -> bool:
    return isinstance(error, duckdb.IOException) and _HELD in str(error)


class Session:
    """The one connection of a `respons_duckdb.store.DuckDBStore`, opened on demand.

    ``locked`` makes the `StoreLocked` to raise when the file stayed held for
    ``lock_timeout`` seconds; ``keep`` keeps the connection for the session's life (a
    database in memory would vanish when let go of).
    """

    def __init__(self, path: str, lock_timeout: float, locked, url: str,
                 keep: bool = False) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.locked = locked
        self.url = url
        self.keep = keep
        self.raw: duckdb.DuckDBPyConnection | None = None
        self.depth = 0            # `use` blocks under way
        self.transaction = False  # a transaction of the store's is open
        self.temporary = False    # a temporary table lives on the connection
        self.active: _Stream | None = None  # the stream being read

    # ── the connection ───────────────────────────────────────────────────────────
    def open(self, deadline: float | None = None) -> duckdb.DuckDBPyConnection:
        """The connection, opened if it is not: waits for a file another process holds
        until ``deadline`` (monotonic; default ``lock_timeout`` from now)."""
        if self.raw is not None:
            return self.raw
        deadline = time.monotonic() + self.lock_timeout if deadline is None else deadline
        while True:
            try:
                self.raw = duckdb.connect(self.path, config=CONFIG)
                return self.raw
            except duckdb.Error as error:
                if not held_by_another_process(error):
                    raise unavailable(self.url, self.path, error) from None
                if time.monotonic() >= deadline:
                    raise self.locked() from None
                time.sleep(RETRY)

    def idle(self) -> bool:
        return not (self.depth or self.transaction or self.temporary or self.active
                    or self.keep)

    def release(self) -> None:
        """Let go of the file if nothing needs the connection."""
        if self.raw is not None and self.idle():
            raw, self.raw = self.raw, None
            raw.close()

    @contextlib.contextmanager
    def use(self, deadline: float | None = None):
        """The connection, held for the block; let go of after it when idle."""
        self.open(deadline)
        self.depth += 1
        try:
            yield self.raw
        finally:
            self.depth -= 1
            self.release()

    def close(self) -> None:
        self.active = None
        self.transaction = self.temporary = False
        if self.raw is not None:
            raw, self.raw = self.raw, None
            raw.close()

    # ── statements ───────────────────────────────────────────────────────────────
    def execute(self, sql: str, params: Sequence = ()) -> tuple[list[tuple], int]:
        """Run one statement; (its rows, its row count)."""
        with self.use() as raw:
            if self.active is not None:
                self.active.drain()
            raw.execute(sql, list(params))
            rows = raw.fetchall() if raw.description else []
            if sql.startswith("CREATE TEMPORARY TABLE "):
                self.temporary = True
            return rows, raw.rowcount

    def cursor(self) -> Cursor:
        return Cursor(self)

    def begin(self, deadline: float, read_only: bool = False) -> None:
        with self.use(deadline):
            self.execute("BEGIN TRANSACTION READ ONLY" if read_only else "BEGIN TRANSACTION")
            self.transaction = True

    def end(self, commit: bool) -> None:
        """COMMIT (or ROLLBACK) the store's transaction; let go of the file when idle."""
        try:
            if self.raw is not None and self.transaction:
                self.execute("COMMIT" if commit else "ROLLBACK")
        finally:
            self.transaction = False
            self.release()

    def insert_rows(self, table: str, columns: str, count: int, rows: Iterable[Sequence]
                    ) -> None:
        """INSERT ``rows`` (``count`` values each, in the order of the column list
        ``columns``) into ``table``, a chunk per statement, each column a list."""
        statement = (f"INSERT INTO {table} ({columns}) SELECT "
                     + ", ".join("UNNEST(?)" for _ in range(count)))
        chunk: list[Sequence] = []
        with self.use():
            for row in rows:
                chunk.append(row)
                if len(chunk) == CHUNK:
                    self.execute(statement, [list(c) for c in zip(*chunk, strict=True)])
                    chunk = []
            if chunk:
                self.execute(statement, [list(c) for c in zip(*chunk, strict=True)])

    def stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        """The rows of ``sql``, fetched a few thousand at a time — in a read-only
        transaction of their own unless the store's is open — holding the file until the
        last row is read."""
        with self.use() as raw:
            if self.active is not None:
                self.active.drain()
            stream = _Stream(self)
            if not self.transaction:
                raw.execute("BEGIN TRANSACTION READ ONLY")
                stream.open = True
            self.active = stream
            try:
                raw.execute(sql, list(params))
                while rows := stream.fetch():
                    yield from rows
            finally:
                stream.finish()


class _Stream:
    """A result being read. `drain` reads its rest into memory and ends its transaction,
    so that another statement can run on the connection without cutting it short."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.buffer: list[tuple] | None = None
        self.open = False

    def fetch(self) -> list[tuple]:
        if self.buffer is not None:
            rows, self.buffer = self.buffer, []
            return rows
        return self.session.raw.fetchmany(FETCH)

    def drain(self) -> None:
        session = self.session
        self.buffer = (self.buffer or []) + session.raw.fetchall()
        session.active = None
        self.end()

    def end(self) -> None:
        if self.open:  # read only: ROLLBACK ends it as COMMIT would, even after an error
            self.open = False
            self.session.raw.execute("ROLLBACK")

    def finish(self) -> None:
        session = self.session
        if session.active is self:
            session.active = None
        if session.raw is not None:
            with contextlib.suppress(duckdb.Error):
                self.end()


class Cursor:
    """A DB-API cursor on the session's connection: the results are read at once, so
    that the session can let go of the file right after the statement."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[tuple] = []
        self.rowcount = -1

    def execute(self, sql: str, params: Sequence = ()) -> Cursor:
        self.rows, self.rowcount = self.session.execute(sql, params)
        return self

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        with self.session.use():
            for row in rows:
                self.session.execute(sql, row)

    def fetchone(self):
        return self.rows.pop(0) if self.rows else None

    def fetchall(self) -> list[tuple]:
        rows, self.rows = self.rows, []
        return rows


def unavailable(url: str, path: str, error: Exception) -> StoreUnavailable:
    first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
    return StoreUnavailable(f"store {url}: cannot open {path} as a DuckDB database ({first})")

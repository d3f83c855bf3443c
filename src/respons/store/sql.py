"""`SQLStore`: the store over a DB-API connection, shared by the SQLite and PostgreSQL backends.

Everything that is the same on every SQL dialect lives here — the schema and its
migrations, taking the write lock, appending a file's rows and moving the head, reading
the chain back, the engine's read-only queries and helper tables — so that the backends
hold the same logical schema by construction. A backend subclass supplies the connection
and the few statements that differ (`_begin_write`, `_select_in`, `_write_rows`,
`_table_exists`, `_read_only`, `_stream`), and the placeholder style.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence

from respons.store.api import (
    RECORD_COLUMNS,
    Appender,
    BatchInfo,
    Head,
    SchemaError,
    Store,
    StoredRecord,
    StoreError,
)
from respons.store.canonical import GENESIS
from respons.store.schema import OWN_TABLES, SCHEMA_VERSION, column_type, migrations

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BATCH_COLUMNS = ("batch", "file", "file_sha256", "regime", "regime_sha256", "lines", "stored",
                  "duplicates", "rejected", "first_seq", "last_seq", "head_hash", "ingested_at")


def binder(bind):
    """``bind`` as a function from a value to its placeholder: a list collects the values
    (each placeholder then ``?``); a function, such as the engine compiler's, is used as
    it is."""
    if isinstance(bind, list):
        def collect(value, values=bind) -> str:
            values.append(value)
            return "?"
        return collect
    return bind


class SQLStore(Store):
    placeholder = "?"

    def __init__(self, connection, url: str) -> None:
        self.connection = connection
        self.url = url

    # ── what a dialect supplies ──────────────────────────────────────────────────
    def _begin_write(self) -> None:
        """Start a transaction holding the store's write lock (one writer at a time)."""
        raise NotImplementedError

    def _select_in(self, sql: str, values: Sequence[str]) -> list[tuple]:
        """Run ``sql`` whose last condition is ``<column> IN ({})`` for all ``values``."""
        raise NotImplementedError

    def _write_rows(self, rows: Sequence[tuple]) -> None:
        self._executemany(f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) VALUES "
                          f"({', '.join('?' * len(RECORD_COLUMNS))})", rows)

    def _table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def _read_only(self):
        """A context manager in which statements cannot write."""
        raise NotImplementedError

    def _stream(self, sql: str) -> Iterator[tuple]:
        """The rows of ``sql`` without holding them all in memory."""
        raise NotImplementedError

    # ── plumbing ─────────────────────────────────────────────────────────────────
    def _sql(self, sql: str) -> str:
        if self.placeholder == "?":
            return sql
        return sql.replace("%", "%%").replace("?", self.placeholder)

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

    def _require_schema(self) -> None:
        version = self.schema_version()
        if version is None:
            raise SchemaError(f"the store {self.url} holds no records yet (its schema was "
                              "never created): run `respons ingest` or `respons store init`")
        if version > SCHEMA_VERSION:
            raise SchemaError(f"the store {self.url} has schema version {version}, newer than "
                              f"this respons reads ({SCHEMA_VERSION}): upgrade respons")

    # ── schema ───────────────────────────────────────────────────────────────────
    def schema_version(self) -> int | None:
        if not self._table_exists("store_info"):
            return None
        value = self._info("schema_version")
        return int(value) if value is not None else None

    def init(self) -> int:
        self._begin_write()
        try:
            current = self.schema_version()
            if current is not None and current > SCHEMA_VERSION:
                self._require_schema()
            for version, statements in migrations(self.dialect, current):
                for statement in statements:
                    self._execute(statement)
                self._set_info("schema_version", str(version))
            if current is None:
                self._set_info("head_seq", "0")
                self._set_info("head_hash", GENESIS)
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return SCHEMA_VERSION

    # ── the chain ────────────────────────────────────────────────────────────────
    def head(self) -> Head:
        self._require_schema()
        return Head(int(self._info("head_seq") or 0), self._info("head_hash") or GENESIS)

    def count(self) -> int:
        self._require_schema()
        return int(self._one("SELECT COUNT(*) FROM records")[0])

    def append(self) -> Appender:
        self._require_schema()
        self._begin_write()
        try:
            head = Head(int(self._info("head_seq")), self._info("head_hash"))
            last = self._one("SELECT MAX(seq) FROM records")[0] or 0
            if last != head.seq:
                raise StoreError(f"the store's records end at seq {last} but its head says "
                                 f"{head.seq}: the store was changed outside respons; run "
                                 "`respons verify` before adding records")
            batch = int(self._one("SELECT COALESCE(MAX(batch), 0) + 1 FROM batches")[0])
        except BaseException:
            self._rollback()
            raise
        return _SQLAppender(self, head, batch)

    def scan(self) -> Iterator[StoredRecord]:
        self._require_schema()
        for row in self._stream(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records "
                                "ORDER BY seq"):
            yield StoredRecord(*row)

    def batches(self) -> list[BatchInfo]:
        self._require_schema()
        rows = self._execute(f"SELECT {', '.join(_BATCH_COLUMNS)} FROM batches "
                             "ORDER BY batch").fetchall()
        return [BatchInfo(**dict(zip(_BATCH_COLUMNS, row, strict=True))) for row in rows]

    # ── for the engine ───────────────────────────────────────────────────────────
    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._read_only():
            return [tuple(row) for row in self._execute(sql, params).fetchall()]

    def load_table(self, name: str, columns: Sequence[tuple[str, str]],
                   rows: Iterable[Sequence], indexes: Sequence[Sequence[str]] = ()) -> None:
        if not _IDENTIFIER.match(name) or name.lower() in OWN_TABLES:
            raise ValueError(f"{name!r} cannot name a helper table (a plain identifier, not "
                             f"one of {', '.join(OWN_TABLES)})")
        if not columns:
            raise ValueError("a helper table needs at least one column")
        definitions = []
        for column, portable in columns:
            if not _IDENTIFIER.match(column):
                raise ValueError(f"{column!r} is not a plain column name")
            try:
                definitions.append(f"{column} {column_type(self.dialect, portable)}")
            except KeyError:
                raise ValueError(f"column type {portable!r} is not text, integer or real") \
                    from None
        self._begin_write()
        try:
            self._execute(f"DROP TABLE IF EXISTS {name}")
            self._execute(f"CREATE TABLE {name} ({', '.join(definitions)})")
            self._executemany(f"INSERT INTO {name} VALUES "
                              f"({', '.join('?' * len(columns))})", rows)
            names = {column for column, _ in columns}
            for number, key in enumerate(indexes):
                if not key or not set(key) <= names:
                    raise ValueError(f"cannot index {name} on {key!r}")
                self._execute(f"CREATE INDEX {name}_i{number} ON {name} ({', '.join(key)})")
            # A lookup table joined with millions of records needs statistics, or the
            # planner guesses its size and picks hash joins over the whole records table.
            self._execute(f"ANALYZE {name}")
            self._commit()
        except BaseException:
            self._rollback()
            raise

    def create_table(self, name: str, columns: Sequence[tuple[str, str]]) -> None:
        self.load_table(name, columns, ())

    def insert_select(self, name: str, sql: str, params: Sequence = ()) -> int:
        if not _IDENTIFIER.match(name) or name.lower() in OWN_TABLES:
            raise ValueError(f"{name!r} is not a helper table")
        self._begin_write()
        try:
            count = self._execute(f"INSERT INTO {name} {sql}", params).rowcount
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return count

    def json_string(self, column: str, key: str, bind) -> str:
        """Member ``key`` of the JSON in ``column`` where it is known to be a string (an
        agency, officer or text field): cheaper than `json_text` on some dialects."""
        return self.json_text(column, key, bind)

    def json_text(self, column: str, key: str, bind) -> str:
        return self._json_text(column, key, binder(bind))

    def _json_text(self, column: str, key: str, bind) -> str:
        """The expression for ``key``; ``bind(value)`` gives the placeholder of a value
        (call it once per placeholder, in their order). The key is never spliced in."""
        raise NotImplementedError

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class _SQLAppender(Appender):
    def __init__(self, store: SQLStore, head: Head, batch: int) -> None:
        self.store = store
        self.head = head
        self.batch = batch
        self.done = False

    def lookup(self, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        rows = self.store._select_in("SELECT id, seq, content_hash FROM records WHERE id IN ({})",
                                     ids)
        return {row[0]: (int(row[1]), row[2]) for row in rows}

    def corrected(self, ids: Sequence[str]) -> dict[str, str]:
        rows = self.store._select_in("SELECT corrects, id FROM records WHERE corrects IN ({})",
                                     ids)
        return {row[0]: row[1] for row in rows}

    def write(self, rows: Sequence[tuple]) -> None:
        if rows:
            self.store._write_rows(rows)

    def commit(self, batch: BatchInfo) -> int:
        store = self.store
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        values = {**{c: getattr(batch, c) for c in _BATCH_COLUMNS}, "batch": self.batch,
                  "ingested_at": stamp}
        store._execute(f"INSERT INTO batches ({', '.join(_BATCH_COLUMNS)}) VALUES "
                       f"({', '.join('?' * len(_BATCH_COLUMNS))})",
                       [values[c] for c in _BATCH_COLUMNS])
        store._set_info("head_seq", str(batch.last_seq))
        store._set_info("head_hash", batch.head_hash)
        store._commit()
        self.done = True
        return self.batch

    def rollback(self) -> None:
        if not self.done:
            self.done = True
            with contextlib.suppress(Exception):  # a dead connection has nothing to undo
                self.store._rollback()

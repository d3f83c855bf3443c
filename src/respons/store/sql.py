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
import math
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from respons.records.canonical import GENESIS
from respons.store.api import (
    BATCH_COLUMNS,
    RECORD_COLUMNS,
    Appender,
    BatchInfo,
    DamagedStore,
    Head,
    SchemaError,
    Store,
    StoredRecord,
    StoreUnavailable,
)
from respons.store.batches import BATCH_GENESIS, batch_hash
from respons.store.schema import OWN_TABLES, SCHEMA_VERSION, column_type, migrations

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEX64 = re.compile(r"[0-9a-f]{64}")

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


def _count(value) -> int | None:
    """A count as store_info keeps it (decimal digits), or None."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


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
    #: The settings table that holds this backend's lock_timeout, for messages.
    plugin = "sql"

    def __init__(self, connection, url: str, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.connection = connection
        self.url = url
        self.lock_timeout = lock_timeout

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

    def locked_message(self) -> str:
        """What a writer is told when the write lock stayed taken for `lock_timeout`."""
        return (f"the store {self.url} is locked by another writer: gave up after "
                f"{self.lock_timeout:g} s; try again when it is done, or raise lock_timeout "
                f"in [plugins.{self.plugin}] of respons.toml")

    def _require_schema(self) -> None:
        version = self.schema_version()
        if version is None:
            raise SchemaError(f"the store {self.url} holds no records yet (its schema was "
                              "never created): run `respons ingest` or `respons store init`")
        if version > SCHEMA_VERSION:
            raise SchemaError(f"the store {self.url} has schema version {version}, newer than "
                              f"this respons reads ({SCHEMA_VERSION}): upgrade respons")
        self._require_tables()
        if version < SCHEMA_VERSION:
            raise SchemaError(f"the store {self.url} has schema version {version}, older than "
                              f"this respons reads ({SCHEMA_VERSION}): run `respons store "
                              "init` to migrate it")

    def _require_tables(self) -> None:
        for name in OWN_TABLES:
            if not self._table_exists(name):
                raise DamagedStore(self.url, f"its table {name} is missing")

    # ── schema ───────────────────────────────────────────────────────────────────
    def schema_version(self) -> int | None:
        """None for a store never initialised; raises `DamagedStore` when ``store_info``
        is missing beside the other tables, or holds no version number."""
        if not self._table_exists("store_info"):
            if any(self._table_exists(name) for name in OWN_TABLES):
                raise DamagedStore(self.url, "its table store_info is missing")
            return None
        value = self._info("schema_version")
        version = _count(value)
        if version is None or version < 1:
            raise DamagedStore(self.url, "store_info has no schema_version" if value is None
                               else f"store_info.schema_version holds {value!r}, not a "
                               "version number")
        return version

    def init(self) -> int:
        self._begin_write()
        try:
            current = self.schema_version()
            if current is not None:
                if current > SCHEMA_VERSION:
                    self._require_schema()
                self._require_tables()
                self._head()  # a store whose head is damaged is not migrated nor written
            for version, steps in migrations(self.dialect, current):
                for step in steps:
                    if callable(step):
                        step(self)
                    else:
                        self._execute(step)
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
        return self._head()

    def _head(self) -> Head:
        """The head ``store_info`` records; `DamagedStore` when it is not a head."""
        seq, hash_ = self._info("head_seq"), self._info("head_hash")
        if _count(seq) is None:
            raise DamagedStore(self.url, "store_info has no head_seq" if seq is None else
                               f"store_info.head_seq holds {seq!r}, not a record count")
        if not (isinstance(hash_, str) and _HEX64.fullmatch(hash_)):
            raise DamagedStore(self.url, "store_info has no head_hash" if hash_ is None else
                               f"store_info.head_hash holds {hash_!r}, not a chain hash")
        return Head(_count(seq), hash_)

    def count(self) -> int:
        self._require_schema()
        return int(self._one("SELECT COUNT(*) FROM records")[0])

    def append(self) -> Appender:
        self._require_schema()
        self._begin_write()
        try:
            head = self._head()
            last = self._one("SELECT MAX(seq) FROM records")[0] or 0
            if last != head.seq:
                raise DamagedStore(self.url, f"its records end at seq {last} but its head "
                                   f"says {head.seq}")
            batch, previous = self._last_batch(head)
        except BaseException:
            self._rollback()
            raise
        return _SQLAppender(self, head, batch + 1, previous)

    def _last_batch(self, head: Head) -> tuple[int, str]:
        """(number, batch hash) of the last batch, which must end at ``head``: a file is
        appended only to a store whose batches table is whole at its end."""
        row = self._one("SELECT batch, last_seq, head_hash, batch_hash FROM batches "
                        "ORDER BY batch DESC LIMIT 1")
        if row is None and head.seq == 0:
            return 0, BATCH_GENESIS
        if row is None or type(row[0]) is not int or (row[1], row[2]) != (head.seq, head.hash) \
                or not (isinstance(row[3], str) and _HEX64.fullmatch(row[3])):
            raise DamagedStore(self.url, f"its batches table does not end at its head (seq "
                               f"{head.seq})")
        return row[0], row[3]

    def scan(self) -> Iterator[StoredRecord]:
        self._require_schema()
        for row in self._stream(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records "
                                "ORDER BY seq"):
            yield StoredRecord(*row)

    def batches(self) -> list[BatchInfo]:
        self._require_schema()
        rows = self._execute(f"SELECT {', '.join(BATCH_COLUMNS)} FROM batches "
                             "ORDER BY batch").fetchall()
        return [BatchInfo(**dict(zip(BATCH_COLUMNS, row, strict=True))) for row in rows]

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
    def __init__(self, store: SQLStore, head: Head, batch: int, previous: str) -> None:
        self.store = store
        self.head = head
        self.batch = batch
        self.previous = previous  # the batch hash of the batch before
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
        batch = attrs.evolve(batch, batch=self.batch, ingested_at=stamp)
        batch = attrs.evolve(batch, batch_hash=batch_hash(batch, self.previous))
        store._execute(f"INSERT INTO batches ({', '.join(BATCH_COLUMNS)}) VALUES "
                       f"({', '.join('?' * len(BATCH_COLUMNS))})",
                       [getattr(batch, c) for c in BATCH_COLUMNS])
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

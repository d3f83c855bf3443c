"""`SQLLedger`: the chain of records and its batches, over a `respons.store.sql.SQLStore`.

The ledger's statements are the same on every SQL backend — the schema and its
migrations, taking the write lock, appending a file's rows and moving the head, reading
the chain back — so that every backend holds the same logical schema by construction; the
backend's own statements come from the store it is given (``db``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Sequence

import attrs

from respons.records.canonical import GENESIS
from respons.records.row import RECORD_COLUMNS, StoredRecord
from respons.store.api import (
    BATCH_COLUMNS,
    Appender,
    BatchInfo,
    DamagedStore,
    Head,
    Ledger,
    SchemaError,
)
from respons.store.batches import BATCH_GENESIS, batch_hash
from respons.store.schema import LEDGER_TABLES, SCHEMA_VERSION, migrations

_HEX64 = re.compile(r"[0-9a-f]{64}")


def _count(value) -> int | None:
    """A count as store_info keeps it (decimal digits), or None."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


class SQLLedger(Ledger):
    def __init__(self, db) -> None:
        self.db = db

    def _require_schema(self) -> None:
        version = self.schema_version()
        if version is None:
            raise SchemaError(f"the store {self.db.url} holds no records yet (its schema was "
                              "never created): run `respons ingest` or `respons store init`")
        if version > SCHEMA_VERSION:
            raise SchemaError(f"the store {self.db.url} has schema version {version}, newer than "
                              f"this respons reads ({SCHEMA_VERSION}): upgrade respons")
        self._require_tables()
        if version < SCHEMA_VERSION:
            raise SchemaError(f"the store {self.db.url} has schema version {version}, older than "
                              f"this respons reads ({SCHEMA_VERSION}): run `respons store "
                              "init` to migrate it")

    def _require_tables(self) -> None:
        for name in LEDGER_TABLES:
            if not self.db._table_exists(name):
                raise DamagedStore(self.db.url, f"its table {name} is missing")


    # ── schema ───────────────────────────────────────────────────────────────────
    def schema_version(self) -> int | None:
        """None for a store never initialised; raises `DamagedStore` when ``store_info``
        is missing beside the other tables, or holds no version number."""
        if self.db.connection is None:  # a SQLite file not created yet
            return None
        if not self.db._table_exists("store_info"):
            if any(self.db._table_exists(name) for name in LEDGER_TABLES):
                raise DamagedStore(self.db.url, "its table store_info is missing")
            return None
        value = self.db._info("schema_version")
        version = _count(value)
        if version is None or version < 1:
            raise DamagedStore(self.db.url, "store_info has no schema_version" if value is None
                               else f"store_info.schema_version holds {value!r}, not a "
                               "version number")
        return version

    def init(self) -> int:
        self.db._prepare()
        self.db._begin_write()
        try:
            current = self.schema_version()
            if current is not None:
                if current > SCHEMA_VERSION:
                    self._require_schema()
                self._require_tables()
                self._head()  # a store whose head is damaged is not migrated nor written
            for version, steps in migrations(self.db.dialect, current):
                for step in steps:
                    if callable(step):
                        step(self.db)
                    else:
                        self.db._execute(step)
                self.db._set_info("schema_version", str(version))
            if current is None:
                self.db._set_info("head_seq", "0")
                self.db._set_info("head_hash", GENESIS)
            self.db._commit()
        except BaseException:
            self.db._rollback()
            raise
        return SCHEMA_VERSION

    # ── the chain ────────────────────────────────────────────────────────────────
    def head(self) -> Head:
        self._require_schema()
        return self._head()

    def _head(self) -> Head:
        """The head ``store_info`` records; `DamagedStore` when it is not a head."""
        seq, hash_ = self.db._info("head_seq"), self.db._info("head_hash")
        if _count(seq) is None:
            raise DamagedStore(self.db.url, "store_info has no head_seq" if seq is None else
                               f"store_info.head_seq holds {seq!r}, not a record count")
        if not (isinstance(hash_, str) and _HEX64.fullmatch(hash_)):
            raise DamagedStore(self.db.url, "store_info has no head_hash" if hash_ is None else
                               f"store_info.head_hash holds {hash_!r}, not a chain hash")
        return Head(_count(seq), hash_)

    def count(self) -> int:
        self._require_schema()
        return int(self.db._one("SELECT COUNT(*) FROM records")[0])

    def last_seq(self) -> int:
        self._require_schema()
        return int(self.db._one("SELECT MAX(seq) FROM records")[0] or 0)

    def append(self) -> Appender:
        self._require_schema()
        self.db._begin_write()
        try:
            head = self._head()
            last = self.db._one("SELECT MAX(seq) FROM records")[0] or 0
            if last != head.seq:
                raise DamagedStore(self.db.url, f"its records end at seq {last} but its head "
                                   f"says {head.seq}")
            batch, previous = self._last_batch(head)
        except BaseException:
            self.db._rollback()
            raise
        return _SQLAppender(self.db, head, batch + 1, previous)

    def _last_batch(self, head: Head) -> tuple[int, str]:
        """(number, batch hash) of the last batch, which must end at ``head``: a file is
        appended only to a store whose batches table is whole at its end."""
        row = self.db._one("SELECT batch, last_seq, head_hash, batch_hash FROM batches "
                           "ORDER BY batch DESC LIMIT 1")
        if row is None and head.seq == 0:
            return 0, BATCH_GENESIS
        if row is None or type(row[0]) is not int or (row[1], row[2]) != (head.seq, head.hash) \
                or not (isinstance(row[3], str) and _HEX64.fullmatch(row[3])):
            raise DamagedStore(self.db.url, f"its batches table does not end at its head (seq "
                               f"{head.seq})")
        return row[0], row[3]

    def scan(self) -> Iterator[StoredRecord]:
        self._require_schema()
        make = tuple.__new__  # the named tuple without its Python-level constructor
        columns = self.db.dialect.columns(RECORD_COLUMNS)
        for row in self.db._stream(f"SELECT {columns} FROM records ORDER BY seq"):
            yield make(StoredRecord, row)

    def rehashed_from(self) -> str | None:
        self._require_schema()
        return self.db._info("head_hash_schema_2")

    def batches(self) -> list[BatchInfo]:
        self._require_schema()
        rows = self.db._execute(f"SELECT {', '.join(BATCH_COLUMNS)} FROM batches "
                                "ORDER BY batch").fetchall()
        return [BatchInfo(**dict(zip(BATCH_COLUMNS, row, strict=True))) for row in rows]

class _SQLAppender(Appender):
    def __init__(self, store, head: Head, batch: int, previous: str) -> None:
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

"""What a store is: the interfaces a storage backend implements, and their errors.

A backend opens a `Store`, which has two faces over one database:

- its `Ledger`: the records, append-only, in one hash chain, with the batches they came in
  — what ingest appends to and verify reads back (``respons.store.sql`` implements it over
  DB-API for every SQL backend);
- its `Compute`: what the engine needs to derive results inside the database, set-oriented
  — read-only queries, session-local temporary tables, INSERT … SELECT into them and into
  the results tables, a write transaction to publish a run's results — all in the SQL of
  the backend's `respons.sql.dialect.Dialect`, which renders the engine's SQL trees.

Core knows no backend: column types, JSON access, placeholders and planner hints are the
dialect's, which the backend plugin supplies. This module does not validate or hash
records: that is the ingest pipeline's job.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from respons.records.row import RECORD_COLUMNS, StoredRecord

__all__ = ["BATCH_COLUMNS", "LEDGER", "RECORD_COLUMNS", "RESULTS", "Appender", "BatchInfo",
           "Compute", "DamagedStore", "Head", "Ledger", "SchemaError", "Store", "StoreError",
           "StoreLocked", "StoreUnavailable", "StoredRecord"]

#: The two locks of a store: one writer of the ledger at a time (ingest), one publisher of
#: results at a time (an evaluation publishing its run). They are apart so that a long
#: ingest does not hold up an evaluation publishing what it computed from an earlier head.
LEDGER, RESULTS = "ledger", "results"

#: The columns of table ``batches`` (schema 2), in the order of `BatchInfo`'s reading.
BATCH_COLUMNS = ("batch", "file", "file_sha256", "regime", "regime_sha256", "lines", "stored",
                 "duplicates", "rejected", "first_seq", "last_seq", "head_hash", "ingested_at",
                 "batch_hash")


class StoreError(Exception):
    """A problem with the store that a user can act on; the message is one line."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened: no server, no such file, bad URL."""


class StoreLocked(StoreUnavailable):
    """Another writer held the store's write lock for longer than the lock timeout."""


class SchemaError(StoreError):
    """The store's schema is missing (never initialised), older than this respons reads
    (``respons store init`` migrates it) or newer."""


class DamagedStore(StoreError):
    """What the store keeps about itself — ``store_info``, its own tables, the end of the
    batches table — is not what respons wrote: it was changed outside respons.

    ``reason`` says what, without the advice the message adds; `respons.store.verify`
    reports it as a finding, every other command refuses the store.
    """

    def __init__(self, url: str, reason: str, advice: str = "run `respons verify`") -> None:
        self.reason = reason
        super().__init__(f"the store {url} is damaged: {reason}; {advice}")


@attrs.frozen
class Head:
    """The end of the chain: the last seq (0 for an empty store) and its chain hash."""

    seq: int
    hash: str


@attrs.frozen
class BatchInfo:
    """One ingested file, as the ``batches`` table keeps it.

    Not part of the records' chain (its file name and clock would make the chain depend
    on more than the records): the batches have a chain of their own, ``batch_hash``
    (`respons.store.batches`), which ends in each batch at the records' ``head_hash``.
    """

    file: str
    file_sha256: str
    regime: str
    regime_sha256: str
    lines: int
    stored: int
    duplicates: int
    rejected: int
    first_seq: int
    last_seq: int
    head_hash: str
    batch: int = 0
    ingested_at: str = ""
    batch_hash: str = ""


class Appender(abc.ABC):
    """One file being appended, inside one transaction that holds the store's write lock.

    ``head`` is the chain's end when the lock was taken and ``batch`` the number this
    file's rows carry. Nothing is visible to others until `commit`; leaving the ``with``
    block without committing rolls everything back.
    """

    head: Head
    batch: int

    @abc.abstractmethod
    def lookup(self, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """For the ids already stored (this transaction's rows included): id → (seq,
        content_hash)."""

    @abc.abstractmethod
    def corrected(self, ids: Sequence[str]) -> dict[str, str]:
        """For the ids that some stored record corrects: id → id of the correcting record."""

    @abc.abstractmethod
    def write(self, rows: Sequence[tuple]) -> None:
        """Append rows (tuples in `RECORD_COLUMNS` order, seqs consecutive from head+1)."""

    @abc.abstractmethod
    def commit(self, batch: BatchInfo) -> int:
        """Record the batch, move the head, commit; returns the batch number."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Forget everything written since the lock was taken."""

    def __enter__(self) -> Appender:
        return self

    def __exit__(self, *exc) -> None:
        if not getattr(self, "done", False):
            self.rollback()


class Ledger(abc.ABC):
    """The records' chain and the batches they came in: what ingest appends to and verify
    reads. Every method but `schema_version` and `init` requires an initialised schema of
    this respons's version (`SchemaError`) whose own tables are whole (`DamagedStore`)."""

    @abc.abstractmethod
    def schema_version(self) -> int | None:
        """The schema version the store holds, or None when it was never initialised."""

    @abc.abstractmethod
    def init(self) -> int:
        """Create the schema, or migrate it to this respons's version; returns the version."""

    @abc.abstractmethod
    def append(self) -> Appender:
        """Take the write lock and start a transaction for one file."""

    @abc.abstractmethod
    def head(self) -> Head:
        """The chain's end as recorded by the last commit (``store_info``)."""

    @abc.abstractmethod
    def count(self) -> int:
        """How many rows table ``records`` holds."""

    @abc.abstractmethod
    def last_seq(self) -> int:
        """The highest seq table ``records`` holds (0 when empty), whatever the head says."""

    @abc.abstractmethod
    def scan(self) -> Iterator[StoredRecord]:
        """Every record in seq order, streamed (memory does not grow with the store)."""

    @abc.abstractmethod
    def batches(self) -> list[BatchInfo]:
        """Every ingested file, in order."""

    def rehashed_from(self) -> str | None:
        """The head the chain had before the migration to schema 3 re-hashed it, or None:
        heads recorded before then (``--expect-head``) name that chain."""
        return None


class Compute(abc.ABC):
    """What the engine computes with, inside the store's database.

    Queries are `respons.sql.ir` trees with named parameters, rendered by `dialect`; a
    backend never receives SQL text from the engine. Temporary tables belong to this
    connection alone (two evaluations at once never see each other's); results tables
    are the store's own (``respons.store.schema``) and are written only inside
    `transaction`, whose writes others see all at once or not at all.
    """

    #: The backend's `respons.sql.dialect.Dialect`.
    dialect: object

    @abc.abstractmethod
    def query(self, query, params: Mapping[str, object] | None = None) -> list[tuple]:
        """Run a read-only query; its rows. It cannot change what the store holds."""

    @abc.abstractmethod
    def stream(self, query, params: Mapping[str, object] | None = None) -> Iterator[tuple]:
        """The rows of a read-only query, without holding them all in memory."""

    @abc.abstractmethod
    def temp_table(self, name: str, columns: Sequence[tuple[str, str]],
                   rows: Iterable[Sequence] = (), indexes: Sequence[Sequence[str]] = ()
                   ) -> None:
        """(Re)create the temporary table ``name`` — visible to this connection only,
        gone when it closes — with ``columns`` ((name, portable type) pairs: ``text``,
        ``integer``, ``real``), fill it with ``rows`` and index it on each column list of
        ``indexes``."""

    @abc.abstractmethod
    def insert(self, table: str, query, params: Mapping[str, object] | None = None) -> int:
        """INSERT INTO ``table`` the rows of ``query`` (its columns in the table's order);
        the number of rows added. ``table`` is a temporary table of this connection, or —
        inside `transaction` — a results table; never a table of the ledger."""

    @abc.abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager:
        """A write transaction for publishing results: what is inserted inside is seen by
        others all at once when the block ends, or not at all if it raises. It waits for
        another publisher at most the backend's lock timeout (`StoreLocked`)."""

    def append_rows(self, table: str, rows: Sequence[Sequence]) -> int:
        """Inside `transaction`, append ``rows`` (values in the table's column order,
        `respons.store.results`) to the results table ``table``; the number appended.
        Results computed in Python — a province-year of liability proposals — go in
        bulk, not a statement per row. This default stages them in a temporary table
        and copies them with `insert`; a backend may give its own bulk path."""
        from respons.sql.ir import Col, Table, select
        from respons.store.results import RESULT_TABLES

        if table not in RESULT_TABLES:
            raise ValueError(f"{table!r} is not a results table")
        columns = RESULT_TABLES[table].columns
        staged = f"staged_{table}"
        self.temp_table(staged, [(name, kind.rstrip("?")) for name, kind in columns], rows)
        return self.insert(table, select(*(Col("s", name) for name, _ in columns),
                                         source=Table(staged, "s")))

    def register_head(self) -> str | None:
        """The head of the register of document numbers as the ledger keeps it
        (`respons.store.register.RegisterHead.to_text`), read inside `transaction`."""
        raise NotImplementedError(f"{type(self).__name__} keeps no register of numbers")

    def set_register_head(self, text: str) -> None:
        """Anchor the register's new head in the ledger, inside `transaction` (the one
        that appended its entries): the only thing of the ledger the engine writes."""
        raise NotImplementedError(f"{type(self).__name__} keeps no register of numbers")


class Store(abc.ABC):
    """A store, as a backend opens it: its `ledger`, its `compute` and its `dialect` over
    one connection. ``url`` is the URL it was opened with, without any password."""

    url: str
    ledger: Ledger
    compute: Compute
    #: The backend's `respons.sql.dialect.Dialect` (``dialect.name``: ``"sqlite"``…).
    dialect: object
    #: The driver's exception types, which the command line reports in one line.
    errors: tuple[type[Exception], ...] = ()
    #: None when the store keeps its records after it is closed; otherwise what it is
    #: (``"a database in memory"``): `respons.store.open_store` refuses such a store,
    #: whose records would vanish when respons exits.
    transient: str | None = None

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def reader(self) -> Store | None:
        """The same store over a connection of its own, for reading beside this one — the
        chain verified while the engine computes on this one — or None where the backend
        cannot open a second connection (the two then take turns). The caller closes it;
        it may be used from another thread than the one that opened it."""
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

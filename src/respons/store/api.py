"""What a store is: the interface every storage backend implements, and its errors.

A store keeps a jurisdiction's records append-only, in one hash chain, in the same logical
schema on every backend (``respons.store.schema``), so that the engine's SQL runs unchanged
on each. Backends register through the ``respons_storage_backends`` hook and are chosen by
the scheme of the store URL. Most backends subclass `respons.store.sql.SQLStore`, which
implements all of this over a DB-API connection; this module only states the contract.
It does not validate or hash records: that is the ingest pipeline's job.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Sequence

import attrs

#: The columns of table ``records``, in the order rows are written.
RECORD_COLUMNS = ("seq", "id", "type", "kind", "event", "at", "at_date", "subject",
                  "corrects", "data", "raw", "content_hash", "chain_hash", "batch")

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


@attrs.frozen
class StoredRecord:
    """A row of table ``records``, as read back for verification."""

    seq: int
    id: str
    type: str
    kind: str
    event: str
    at: str
    at_date: str
    subject: str | None
    corrects: str | None
    data: str
    raw: str
    content_hash: str
    chain_hash: str
    batch: int


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


class Store(abc.ABC):
    """A store of records. ``dialect`` is ``"sqlite"`` or ``"postgresql"`` (the SQL the
    engine writes); ``url`` is the URL it was opened with, without any password."""

    dialect: str
    url: str
    #: The driver's exception types, which the command line reports in one line.
    errors: tuple[type[Exception], ...] = ()
    #: None when the store keeps its records after it is closed; otherwise what it is
    #: (``"a database in memory"``): `respons.store.open_store` refuses such a store,
    #: whose records would vanish when respons exits.
    transient: str | None = None

    # ── schema ───────────────────────────────────────────────────────────────────
    @abc.abstractmethod
    def schema_version(self) -> int | None:
        """The schema version the store holds, or None when it was never initialised."""

    @abc.abstractmethod
    def init(self) -> int:
        """Create the schema, or migrate it to this respons's version; returns the version."""

    # ── the chain ────────────────────────────────────────────────────────────────
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
    def scan(self) -> Iterator[StoredRecord]:
        """Every record in seq order, streamed (memory does not grow with the store)."""

    @abc.abstractmethod
    def batches(self) -> list[BatchInfo]:
        """Every ingested file, in order."""

    # ── for the engine ───────────────────────────────────────────────────────────
    @abc.abstractmethod
    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Run read-only SQL (``?`` placeholders on every dialect) and return its rows.

        The statement runs in a read-only transaction: it cannot change the records.
        """

    @abc.abstractmethod
    def load_table(self, name: str, columns: Sequence[tuple[str, str]],
                   rows: Iterable[Sequence], indexes: Sequence[Sequence[str]] = ()) -> None:
        """(Re)create helper table ``name`` with ``columns`` — (name, type) pairs, type one
        of ``text``, ``integer``, ``real`` — fill it with ``rows`` and index it on each
        column list of ``indexes`` (lookup tables are joined on their keys). The store's
        own tables cannot be replaced this way."""

    @abc.abstractmethod
    def create_table(self, name: str, columns: Sequence[tuple[str, str]]) -> None:
        """(Re)create an empty helper table, as `load_table` does, for `insert_select`."""

    @abc.abstractmethod
    def insert_select(self, name: str, sql: str, params: Sequence = ()) -> int:
        """Run ``INSERT INTO name <sql>`` — a SELECT over the store's tables — in one write
        transaction, and return the number of rows added. Only helper tables can be
        written this way: the engine derives its results inside the store, set-oriented,
        without passing the rows through Python."""

    @abc.abstractmethod
    def json_text(self, column: str, key: str, bind) -> str:
        """A SQL expression for member ``key`` of the JSON text in ``column``, as text:
        strings as they are, integers in decimal, booleans ``true``/``false``.

        The key — any text a regime's field name may be — is never spliced into the SQL:
        it is passed as parameters. ``bind`` is a list, to which those parameters are
        appended in the order of their ``?`` in the expression, or a function taking a
        value and returning its placeholder text."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

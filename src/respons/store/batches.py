"""The batches table's own chain, and what `respons verify` checks of that table.

Every committed file is a row of ``batches``: which file (name and SHA-256), which regime
(id and SHA-256 of its text), how many lines, records stored, duplicates and rejected
lines, the seqs it stored and the records' chain hash after it, when. Most of that cannot
be derived from the records, so each row is bound into a chain of its own:
``batch_hash = sha256(canonical JSON of the row, with "previous": the batch_hash of the
row before)``, from `BATCH_GENESIS`. It is a chain separate from the records' so that the
records' hashes stay free of file names and clocks (the same records give the same head
everywhere); it ties itself to the records' chain through ``head_hash``.

This module computes the hash, backfills it when a store of schema 1 is migrated, and
checks the table for `respons.store.verify` (`check_rows` before the records are read,
`check_tiling` after). It does not read the store itself.
"""

from __future__ import annotations

import hashlib
import re

from respons.records.canonical import canonical_json
from respons.store.api import BATCH_COLUMNS, BatchInfo, DamagedStore, Head

#: The batch hash "before" the first batch: sha256 of this fixed text.
BATCH_GENESIS = hashlib.sha256(b"respons batches chain v1").hexdigest()

#: The columns of a batch row that are hashed (all but batch_hash), integers and texts.
INTEGER_COLUMNS = ("batch", "lines", "stored", "duplicates", "rejected", "first_seq",
                   "last_seq")
TEXT_COLUMNS = ("file", "file_sha256", "regime", "regime_sha256", "head_hash", "ingested_at")

_HEX64 = re.compile(r"[0-9a-f]{64}")


def batch_hash(batch: BatchInfo, previous: str) -> str:
    """The link of one batch row: every column but the link itself, and the link before."""
    row = {column: getattr(batch, column) for column in INTEGER_COLUMNS + TEXT_COLUMNS}
    row["previous"] = previous
    return hashlib.sha256(canonical_json(row).encode("utf-8")).hexdigest()


def backfill(store) -> None:
    """Migration step to schema 2: give the rows of a schema-1 store their batch hashes,
    in batch order (the rows as they stand: verify a store before migrating it)."""
    rows = store._execute(f"SELECT {', '.join(BATCH_COLUMNS)} FROM batches "
                          "ORDER BY batch").fetchall()
    previous = BATCH_GENESIS
    for row in rows:
        batch = BatchInfo(**dict(zip(BATCH_COLUMNS, row, strict=True)))
        wrong = _wrong_type(batch)
        if wrong:  # hashing it would bless it: the migration is rolled back
            raise DamagedStore(store.url, wrong, "it is not migrated: verify it with the "
                               "respons that wrote it")
        previous = batch_hash(batch, previous)
        store._execute("UPDATE batches SET batch_hash = ? WHERE batch = ?",
                       (previous, batch.batch))


def _wrong_type(b: BatchInfo) -> str | None:
    """What in a row is not of its column's type (SQLite keeps any value in any column)."""
    for column in INTEGER_COLUMNS:
        value = getattr(b, column)
        if type(value) is not int or value < 0:
            return f"batch {b.batch!r}: column {column} holds {value!r}, not a count"
    for column in TEXT_COLUMNS:
        if not isinstance(getattr(b, column), str):
            return f"batch {b.batch!r}: column {column} holds {getattr(b, column)!r}, not text"
    return None


def check_rows(batches: list[BatchInfo]) -> str | None:
    """The rows themselves, before any record is read: their types, their numbers, their
    links, and that each stores as many records as its seq range holds. None when they do.
    """
    previous = BATCH_GENESIS
    for number, b in enumerate(batches, 1):
        where = f"batch {b.batch!r}"
        wrong = _wrong_type(b)
        if wrong:
            return wrong
        if not isinstance(b.batch_hash, str):
            return f"{where}: column batch_hash holds {b.batch_hash!r}, not text"
        if b.batch != number:
            return (f"the batches are not numbered 1, 2, 3…: batch {number} is missing or "
                    f"renumbered (the next is {where})")
        if b.batch_hash != batch_hash(b, previous):
            return (f"{where} ({b.file}) was altered: its row does not match its batch "
                    "hash, or a batch before it was changed")
        previous = b.batch_hash
        if b.last_seq < b.first_seq or b.stored != b.last_seq - b.first_seq + 1:
            return f"{where} says it stored {b.stored} records in seqs {b.first_seq}–{b.last_seq}"
        if b.lines < b.stored + b.duplicates + b.rejected:
            return (f"{where} says its file had {b.lines} lines, fewer than the "
                    f"{b.stored + b.duplicates + b.rejected} it stored, skipped and rejected")
        if not (_HEX64.fullmatch(b.file_sha256) and _HEX64.fullmatch(b.regime_sha256)):
            return f"{where}: file_sha256 or regime_sha256 is not a SHA-256"
    return None


def check_tiling(batches: list[BatchInfo], recorded: Head, ends: dict[int, str],
                 latest: Head) -> str | None:
    """After the records are read: the batches up to the recorded head tile seqs 1..head
    in order, without gaps or overlaps, each ending at the chain hash of its last record
    (``ends``: seq → chain hash); each batch beyond it lies within the head as it is now
    (committed while verify ran). None when they do."""
    next_seq = 1
    for b in batches:
        if b.first_seq > recorded.seq:
            if b.last_seq > latest.seq:
                return (f"batch {b.batch} holds seqs {b.first_seq}–{b.last_seq}, beyond the "
                        f"store's head (seq {latest.seq}): it was added outside respons")
            continue
        if b.first_seq != next_seq:
            return (f"batch {b.batch} holds seqs {b.first_seq}–{b.last_seq}, but the batches "
                    f"before it end at seq {next_seq - 1}: batches overlap or leave a gap")
        if ends.get(b.last_seq) != b.head_hash:
            return (f"batch {b.batch}: its head_hash is not the chain hash of its last "
                    f"record (seq {b.last_seq})")
        next_seq = b.last_seq + 1
    if next_seq - 1 != recorded.seq:
        return (f"the batches table accounts for seqs 1–{next_seq - 1}, the store's head is "
                f"seq {recorded.seq}: a batch was removed or changed")
    return None


def anchors(batches: list[BatchInfo], recorded: Head) -> set[str]:
    """The batch hashes of a verified table up to the recorded head: anchors as well."""
    return {b.batch_hash for b in batches if b.first_seq <= recorded.seq}

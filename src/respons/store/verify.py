"""`respons verify`: recompute a store's hash chain from what it holds and name the first
record that does not fit.

Every row is read back in seq order. Its content hash is recomputed from the canonical
text (``raw``), its link from the link before it, and every column is compared with what
the canonical text says, so that editing any column, deleting a row, inserting one or
swapping two is found, however it was done. The batches table is checked as a chain of
its own (`respons.store.batches`): each row against its batch hash, and the rows against
the records — they tile seqs 1..head, each ending at its last record's chain hash. What
the store keeps about itself (``store_info``, its tables) must be whole: a damaged store
is a finding (``metadata``), not a crash. What a chain alone cannot find — the whole store
rewritten consistently, hashes and all — is found by comparing with a head recorded
elsewhere (``expect_head``).
"""

from __future__ import annotations

import json

import attrs

from respons.records.canonical import GENESIS, RESERVED, canonical_json, chain_hash, content_hash
from respons.store.api import DamagedStore, Head, Store, StoredRecord
from respons.store.batches import anchors, check_rows, check_tiling

#: The columns of a record row that hold text (``subject`` and ``corrects`` may be null).
_TEXT = ("id", "type", "kind", "event", "at", "at_date", "data", "raw", "content_hash",
         "chain_hash")


@attrs.frozen
class Broken:
    """The first thing found wrong: what (``kind``), where, and in words."""

    kind: str  # altered, column, chain, removed, head, batches, metadata, anchor
    message: str
    seq: int | None = None
    id: str | None = None


@attrs.frozen
class VerifyReport:
    records: int
    head: Head
    broken: Broken | None
    anchor: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify(store: Store, expect_head: str | None = None) -> VerifyReport:
    """Check the chain up to the head recorded when verification starts.

    An ingest that commits while this runs adds records beyond that head (and moves the
    head past them); those are not checked this time and not mistaken for tampering. Rows
    beyond both the first and the latest recorded head were added outside respons.
    ``expect_head`` is a records' chain hash, or a batch hash, recorded earlier.
    """
    try:
        return _verify(store, expect_head)
    except DamagedStore as error:
        return VerifyReport(0, Head(0, GENESIS), Broken("metadata", f"the store is damaged: "
                                                        f"{error.reason}"), expect_head)


def _verify(store: Store, expect_head: str | None) -> VerifyReport:
    recorded = store.head()
    # Read after the head: a batch committed in between starts beyond it.
    batches = store.batches()
    problem = check_rows(batches)
    if problem is not None:
        return VerifyReport(0, Head(0, GENESIS), Broken("batches", problem), expect_head)
    covering = {b.batch: b for b in batches if b.first_seq <= recorded.seq}
    last_seqs = {b.last_seq for b in covering.values()}
    ends: dict[int, str] = {}
    previous, expected, anchored = GENESIS, 1, False
    beyond = None
    for row in store.scan():
        if row.seq > recorded.seq:
            beyond = row
            break
        broken = _check_row(row, expected, previous, covering)
        if broken is not None:
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        previous, expected = row.chain_hash, expected + 1
        anchored = anchored or previous == expect_head
        if row.seq in last_seqs:
            ends[row.seq] = row.chain_hash
    count, head = expected - 1, Head(expected - 1, previous)
    broken = _check_end(store, recorded, head, beyond)
    if broken is None:
        problem = check_tiling(batches, recorded, ends, store.head())
        broken = Broken("batches", problem) if problem else None
    anchored = anchored or expect_head in anchors(batches, recorded)
    if broken is None and expect_head is not None and not anchored and expect_head != GENESIS:
        broken = Broken("anchor", f"neither a record's chain hash nor a batch hash is the "
                        f"expected head {expect_head}: the store was rewritten since that head "
                        "was recorded, or the head belongs to another store")
    return VerifyReport(count, head, broken, expect_head)


def _check_end(store: Store, recorded: Head, head: Head, beyond):
    if recorded.seq > head.seq:
        return Broken("removed", f"the records after seq {head.seq} were removed: the store's "
                      f"head says {recorded.seq} records")
    if recorded.hash != head.hash:
        return Broken("head", f"the store's recorded head hash ({recorded.hash[:12]}…) is not "
                      f"the chain's (seq {head.seq}, {head.hash[:12]}…): the head was changed "
                      "outside respons")
    if beyond is not None:
        latest = store.head()
        last = store.query("SELECT MAX(seq) FROM records")[0][0]
        if latest.seq < last:
            return Broken("head", f"record seq {beyond.seq} (id {beyond.id!r}) lies beyond the "
                          f"store's recorded head (seq {recorded.seq}): records were added "
                          "outside respons, or the head was moved back", beyond.seq, beyond.id)
    return None


def _check_row(row: StoredRecord, expected: int, previous: str, batches: dict):
    seq, rid = row.seq, row.id
    if seq != expected:
        return Broken("removed", f"record seq {expected} is missing: it was removed (the next "
                      f"stored is seq {seq}, id {rid!r})", expected, None)
    where = f"record seq {seq} (id {rid!r})"
    for column in (*_TEXT, "subject", "corrects"):
        value = getattr(row, column)
        if not isinstance(value, str) and (value is not None or column in _TEXT):
            return Broken("column", f"{where}: column {column} was altered: it holds "
                          f"{value!r}, not text", seq, rid)
    if content_hash(row.raw) != row.content_hash:
        return Broken("altered", f"{where} was altered: its content does not match its "
                      "content hash", seq, rid)
    if chain_hash(previous, row.content_hash, seq, row.subject) != row.chain_hash:
        return Broken("chain", f"{where} does not follow the record before it: records "
                      "were reordered, inserted or removed here, or this record was rewritten "
                      "with new hashes, or its subject changed", seq, rid)
    try:
        content = json.loads(row.raw)
    except ValueError:
        return Broken("altered", f"{where} was altered: its content is not JSON", seq, rid)
    kind, _, event = str(content.get("type")).partition(".")
    fields = {k: v for k, v in content.items() if k not in RESERVED}
    expected_columns = {
        "id": content.get("id"), "type": content.get("type"), "kind": kind, "event": event,
        "at": content.get("at"), "at_date": str(content.get("at"))[:10],
        "corrects": content.get("corrects"), "data": canonical_json(fields),
    }
    for column, value in expected_columns.items():
        stored = getattr(row, column)
        if stored != value:
            return Broken("column", f"{where}: column {column} was altered: it holds "
                          f"{_short(stored)}, the record's content says {_short(value)}",
                          seq, rid)
    batch = batches.get(row.batch)
    if batch is None or not batch.first_seq <= seq <= batch.last_seq:
        return Broken("batches", f"{where} is not within its batch {row.batch} in the batches "
                      "table: the batches table or the batch column was changed", seq, rid)
    return None


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 50 else text[:47] + "…"

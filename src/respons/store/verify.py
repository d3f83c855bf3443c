"""`respons verify`: recompute a store's hash chain from what it holds and name the first
record that does not fit.

Every row is read back in seq order. Its content hash is recomputed from the canonical
text (``raw``), its link from the link before it, and every column is compared with what
the canonical text says, so that editing any column, deleting a row, inserting one or
swapping two is found, however it was done. What a chain alone cannot find — the whole
store rewritten consistently, hashes and all — is found by comparing with a head recorded
elsewhere (``expect_head``).
"""

from __future__ import annotations

import json

import attrs

from respons.store.api import Head, Store, StoredRecord
from respons.store.canonical import GENESIS, RESERVED, canonical_json, chain_hash, content_hash


@attrs.frozen
class Broken:
    """The first thing found wrong: what (``kind``), where, and in words."""

    kind: str  # altered, column, chain, removed, head, batches, anchor
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
    """
    recorded = store.head()
    # Read after the head: a batch committed in between starts beyond it and is not counted.
    batches = {b.batch: b for b in store.batches() if b.first_seq <= recorded.seq}
    previous, expected, anchored = GENESIS, 1, False
    beyond = None
    for row in store.scan():
        if row.seq > recorded.seq:
            beyond = row
            break
        broken = _check_row(row, expected, previous, batches)
        if broken is not None:
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        previous, expected = row.chain_hash, expected + 1
        anchored = anchored or previous == expect_head
    count, head = expected - 1, Head(expected - 1, previous)
    broken = _check_end(store, recorded, head, beyond, batches)
    if broken is None and expect_head is not None and not anchored and expect_head != GENESIS:
        broken = Broken("anchor", f"no record's chain hash is the expected head {expect_head}: "
                        "the store was rewritten since that head was recorded, or the head "
                        "belongs to another store")
    return VerifyReport(count, head, broken, expect_head)


def _check_end(store: Store, recorded: Head, head: Head, beyond, batches: dict):
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
    covered = sum(b.stored for b in batches.values())
    if covered != head.seq:
        return Broken("batches", f"the batches table accounts for {covered} records, the chain "
                      f"holds {head.seq}: the batches table was changed outside respons")
    return None


def _check_row(row: StoredRecord, expected: int, previous: str, batches: dict):
    seq, rid = row.seq, row.id
    if seq != expected:
        return Broken("removed", f"record seq {expected} is missing: it was removed (the next "
                      f"stored is seq {seq}, id {rid!r})", expected, None)
    where = f"record seq {seq} (id {rid!r})"
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

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
    previous, expected, anchored = GENESIS, 1, False
    batches = {b.batch: b for b in store.batches()}
    for row in store.scan():
        broken = _check_row(row, expected, previous, batches)
        if broken is not None:
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        previous, expected = row.chain_hash, expected + 1
        anchored = anchored or previous == expect_head
    count, head = expected - 1, Head(expected - 1, previous)
    recorded = store.head()
    if recorded != head:
        if recorded.seq > count:
            message = (f"the records after seq {count} were removed: the store's head says "
                       f"{recorded.seq} records")
            kind = "removed"
        else:
            message = (f"the store's recorded head (seq {recorded.seq}, {recorded.hash[:12]}…) "
                       f"is not the chain's end (seq {count}, {head.hash[:12]}…): records or "
                       "the head were changed outside respons")
            kind = "head"
        return VerifyReport(count, head, Broken(kind, message), expect_head)
    covered = sum(b.stored for b in batches.values())
    if covered != count:
        return VerifyReport(count, head, Broken(
            "batches", f"the batches table accounts for {covered} records, the chain holds "
            f"{count}: the batches table was changed outside respons"), expect_head)
    if expect_head is not None and not anchored and expect_head != GENESIS:
        return VerifyReport(count, head, Broken(
            "anchor", f"no record's chain hash is the expected head {expect_head}: the store "
            "was rewritten since that head was recorded, or the head belongs to another "
            "store"), expect_head)
    return VerifyReport(count, head, None, expect_head)


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

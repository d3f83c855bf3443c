"""`respons verify`: recompute a store's hash chain from what it holds and name the first
record that does not fit.

Every row is read back in seq order. Its content hash is recomputed from its content
columns as stored (`respons.records.row.CONTENT`: every column but seq, the hashes and the
batch) and its link from the link before it, so that editing any column, deleting a row,
inserting one or swapping two is found, however it was done — without parsing any JSON:
one encode of a short list and two SHA-256 per record. The batches table is checked as a chain of
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

from respons.records.canonical import GENESIS, chain_hash, content_hash
from respons.records.row import CONTENT_SLICE
from respons.store.api import DamagedStore, Head, Ledger
from respons.store.batches import anchors, check_rows, check_tiling


@attrs.frozen
class Broken:
    """The first thing found wrong: what (``kind``), where, and in words."""

    kind: str  # altered, column, chain, removed, head, batches, metadata, anchor, register
    message: str
    seq: int | None = None
    id: str | None = None
    #: For the register (kind ``register``): the series and number of the entry at fault.
    series: str | None = None
    number: str | None = None


@attrs.frozen
class VerifyReport:
    records: int
    head: Head
    broken: Broken | None
    anchor: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify(ledger: Ledger, expect_head: str | None = None) -> VerifyReport:
    """Check the chain up to the head recorded when verification starts.

    An ingest that commits while this runs adds records beyond that head (and moves the
    head past them); those are not checked this time and not mistaken for tampering. Rows
    beyond both the first and the latest recorded head were added outside respons.
    ``expect_head`` is a records' chain hash, or a batch hash, recorded earlier.
    """
    try:
        return _verify(ledger, expect_head)
    except DamagedStore as error:
        return VerifyReport(0, Head(0, GENESIS), Broken("metadata", f"the store is damaged: "
                                                        f"{error.reason}"), expect_head)


def _verify(ledger: Ledger, expect_head: str | None) -> VerifyReport:
    recorded = ledger.head()
    # Read after the head: a batch committed in between starts beyond it.
    batches = ledger.batches()
    problem = check_rows(batches)
    if problem is not None:
        return VerifyReport(0, Head(0, GENESIS), Broken("batches", problem), expect_head)
    covering = [b for b in batches if b.first_seq <= recorded.seq]
    last_seqs = {b.last_seq for b in covering}
    ends: dict[int, str] = {}
    previous, expected, anchored = GENESIS, 1, False
    beyond = None
    # The batch each seq must carry, in order (the tiling is checked after the loop).
    pending = iter(covering)
    batch = next(pending, None)
    for row in ledger.scan():
        seq = row[0]
        if seq > recorded.seq:
            beyond = row
            break
        if seq != expected:
            broken = Broken("removed", f"record seq {expected} is missing: it was removed "
                            f"(the next stored is seq {seq}, id {row[1]!r})", expected, None)
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        try:
            digest = content_hash(row[CONTENT_SLICE])
        except (TypeError, ValueError, UnicodeEncodeError):
            digest = None  # a column holds what no record holds: not text, not NULL
        if digest != row[-3] or chain_hash(previous, row[-3], seq) != row[-2]:
            broken = _broken_row(row, previous, digest)
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        while batch is not None and seq > batch.last_seq:
            batch = next(pending, None)
        if batch is None or row[-1] != batch.batch or seq < batch.first_seq:
            broken = Broken("batches", f"record seq {seq} (id {row[1]!r}) is not within its "
                            f"batch {row[-1]!r} in the batches table: the batches table or the "
                            "batch column was changed", seq, row[1])
            return VerifyReport(expected - 1, Head(expected - 1, previous), broken, expect_head)
        previous, expected = row[-2], expected + 1
        if previous == expect_head:
            anchored = True
        if seq in last_seqs:
            ends[seq] = previous
    count, head = expected - 1, Head(expected - 1, previous)
    broken = _check_end(ledger, recorded, head, beyond)
    if broken is None:
        problem = check_tiling(batches, recorded, ends, ledger.head())
        broken = Broken("batches", problem) if problem else None
    anchored = anchored or expect_head in anchors(batches, recorded)
    if broken is None and expect_head is not None and not anchored and expect_head != GENESIS:
        broken = Broken("anchor", f"neither a record's chain hash nor a batch hash is the "
                        f"expected head {expect_head}: the store was rewritten since that head "
                        "was recorded, or the head belongs to another store")
    return VerifyReport(count, head, broken, expect_head)


def _check_end(ledger: Ledger, recorded: Head, head: Head, beyond):
    if recorded.seq > head.seq:
        return Broken("removed", f"the records after seq {head.seq} were removed: the store's "
                      f"head says {recorded.seq} records")
    if recorded.hash != head.hash:
        return Broken("head", f"the store's recorded head hash ({recorded.hash[:12]}…) is not "
                      f"the chain's (seq {head.seq}, {head.hash[:12]}…): the head was changed "
                      "outside respons")
    if beyond is not None and ledger.head().seq < ledger.last_seq():
        return Broken("head", f"record seq {beyond.seq} (id {beyond.id!r}) lies beyond the "
                      f"store's recorded head (seq {recorded.seq}): records were added "
                      "outside respons, or the head was moved back", beyond.seq, beyond.id)
    return None


def _broken_row(row, previous: str, digest: str | None) -> Broken:
    """Why a record does not fit: a column that holds no text, content that does not match
    its hash, or a link that does not follow the record before."""
    seq, rid = row.seq, row.id
    where = f"record seq {seq} (id {rid!r})"
    for column, value in zip(row._fields, row, strict=True):
        nullable = column in ("matter", "corrects")
        expected = int if column in ("seq", "batch") else str
        if not isinstance(value, expected) and not (value is None and nullable):
            return Broken("column", f"{where}: column {column} was altered: it holds "
                          f"{_short(value)}, not {'a number' if expected is int else 'text'}",
                          seq, rid)
    if digest != row.content_hash:
        # Columns derived from others at ingest can say which was changed; the rest only
        # that one was.
        if row.type != f"{row.kind}.{row.event}":
            which = "type, kind or event"
        elif row.at_date != row.at[:10]:
            which = "at or at_date"
        else:
            which = "id, type, at, matter, corrects or data"
        return Broken("altered", f"{where} was altered: its columns do not match its content "
                      f"hash (one of {which} was changed)", seq, rid)
    return Broken("chain", f"{where} does not follow the record before it: records were "
                  "reordered, inserted or removed here, or this record was rewritten with new "
                  "hashes", seq, rid)


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= 50 else text[:47] + "…"

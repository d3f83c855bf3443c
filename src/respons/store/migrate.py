"""The migration to schema 3: the record row of `respons.records.row`, the chain re-hashed.

Schema 3 renames ``subject`` to ``matter``, drops the ``raw`` text (a record's content is
its columns), and hashes the content as the columns (`respons.records.canonical`): every
record gets a new content hash and a new link, so the head changes, and with it each
batch's ``head_hash`` and the batches' own chain. A migration must never bless tampering,
so the chain of schema 2 is checked on the way — every record against its old content
hash and link, every batch row against its batch hash — and a store that does not verify
is not migrated (the transaction is rolled back). Heads recorded before the migration
(`respons verify --expect-head`) name the old chain: `respons store init` prints the old
head and the new one, and store_info keeps the old one as ``head_hash_schema_2``.

The rows are read and written a chunk at a time, in seq order, so memory does not grow
with the store; the new table replaces the old one at the end of the transaction.
"""

from __future__ import annotations

import hashlib

import attrs

from respons.records.canonical import GENESIS, chain_hash, content_hash
from respons.records.row import RECORD_COLUMNS
from respons.store.api import BATCH_COLUMNS, BatchInfo, DamagedStore
from respons.store.batches import BATCH_GENESIS, batch_hash, check_rows

CHUNK = 5000
_V2_GENESIS = hashlib.sha256(b"respons records chain v1").hexdigest()
_V2_COLUMNS = ("seq", "id", "type", "kind", "event", "at", "at_date", "subject", "corrects",
               "data", "raw", "content_hash", "chain_hash", "batch")


def rechain(store, table_ddl: str) -> None:
    """Migration step to schema 3 (run inside the migration's transaction); ``table_ddl``
    creates the new records table, ``records_v3``."""
    refuse = _refusal(store)
    batches = [BatchInfo(**dict(zip(BATCH_COLUMNS, row, strict=True))) for row in
               store._execute(f"SELECT {', '.join(BATCH_COLUMNS)} FROM batches "
                              "ORDER BY batch").fetchall()]
    problem = check_rows(batches)
    if problem:
        raise refuse(problem)
    ends = {b.last_seq for b in batches}
    store._execute(table_ddl)
    old, new, seq = _V2_GENESIS, GENESIS, 0
    new_ends: dict[int, str] = {}
    columns = store.dialect.columns
    while True:
        rows = store._execute(f"SELECT {columns(_V2_COLUMNS)} FROM records WHERE seq > ? "
                              f"ORDER BY seq LIMIT {CHUNK}", (seq,)).fetchall()
        if not rows:
            break
        out = []
        for (row_seq, rid, type_, kind, event, at, at_date, subject, corrects, data, raw,
             old_content, old_link, batch) in rows:
            seq += 1
            if row_seq != seq:
                raise refuse(f"record seq {seq} is missing")
            if hashlib.sha256(str(raw).encode("utf-8")).hexdigest() != old_content or \
                    hashlib.sha256(f"{old}{old_content}{seq}:{subject or ''}".encode()
                                   ).hexdigest() != old_link:
                raise refuse(f"record seq {seq} (id {rid!r}) does not match its hashes")
            old = old_link
            content = (rid, type_, kind, event, at, at_date, subject, corrects, data)
            digest = content_hash(content)
            new = chain_hash(new, digest, seq)
            if seq in ends:
                new_ends[seq] = new
            out.append((seq, *content, digest, new, batch))
        store._insert_rows("records_v3", RECORD_COLUMNS, out)
    head_seq, head_hash = store._info("head_seq"), store._info("head_hash")
    new_store = head_seq is None and seq == 0  # created now: its head is written after
    if not new_store and (str(seq) != head_seq or old != (head_hash if seq else _V2_GENESIS)):
        raise refuse(f"its records end at seq {seq}, its head says {head_seq}")
    store._execute("DROP TABLE records")
    store._execute("ALTER TABLE records_v3 RENAME TO records")
    previous = BATCH_GENESIS
    for b in batches:
        b = attrs.evolve(b, head_hash=new_ends[b.last_seq])
        previous = batch_hash(b, previous)
        store._execute("UPDATE batches SET head_hash = ?, batch_hash = ? WHERE batch = ?",
                       (b.head_hash, previous, b.batch))
    if seq:
        store._set_info("head_hash_schema_2", head_hash)
    if not new_store:
        store._set_info("head_hash", new if seq else GENESIS)


def _refusal(store):
    def refuse(reason: str) -> DamagedStore:
        return DamagedStore(store.url, reason, "it is not migrated to schema 3: verify it "
                            "with the respons that wrote it")
    return refuse

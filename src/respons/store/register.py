"""The register of document numbers (``notice_numbers``) as a hash chain, anchored in the ledger.

Every number a store ever issued is a row of ``notice_numbers``; schema 5 makes the rows a
chain of their own, in the order they were issued: row ``entry`` n (1, 2, 3 … without gaps
over the whole store, whatever the series) carries the hash of its content — series, year,
sequence, number, regime, notice, outcome, date, run, time of issue, as the canonical JSON
array `respons.records.canonical.content_hash` hashes a record's columns — and its link,
the hash of the link before it, that content and its entry (`chain_hash`, from
`REGISTER_GENESIS`). A number altered, a row removed from the middle or rows reordered no
longer fit.

A chain alone cannot tell its last rows removed from rows never written, so the register's
head — how many entries, the last link, and which number the last one is — is kept in the
ledger's ``store_info`` beside the records' head, written in the transaction that appends the
entries (``register_head``): the last number removed by hand leaves a register shorter than
its head, and `verify_register` names the number the head says was last. Rewriting the
register *and* its head consistently is what no chain finds; as for the records, a head
recorded elsewhere does (`respons verify --expect-head` takes the register's head too).

Where the backend has triggers (SQLite, PostgreSQL) the table refuses UPDATE and DELETE
(``Dialect.append_only``); DuckDB has no triggers, so there only the chain finds a change.
This module is the store's: the engine appends through `respons.store.api.Compute`, verify
and the migration to schema 5 read and write through the store's own connection.
"""

from __future__ import annotations

import hashlib
import json

import attrs

from respons.records.canonical import chain_hash, content_hash
from respons.store.api import DamagedStore

#: The link "before" the register's first entry.
REGISTER_GENESIS = hashlib.sha256(b"respons register of document numbers v1").hexdigest()

#: The columns an entry's content hash covers, in order: every column but the entry and
#: its hashes.
CONTENT = ("series", "year", "seq", "number", "regime", "notice", "outcome", "issued_on",
           "run", "issued_at")
#: Every column of the register, in the table's order (`respons.store.results`).
COLUMNS = (*CONTENT, "entry", "content_hash", "chain_hash")

#: The store_info key of the register's head.
HEAD_KEY = "register_head"

#: What the register's triggers answer an UPDATE or DELETE with.
REFUSAL = ("the register of document numbers (notice_numbers) is append-only: a number "
           "issued is never changed nor removed")


def entry_content(values) -> tuple:
    """An entry's content as hashed: the `CONTENT` columns, integers as numbers."""
    series, year, seq, *rest = values
    return (series, int(year), int(seq), *rest)


def link(previous: str, values, entry: int) -> tuple[str, str]:
    """(content hash, chain hash) of entry ``entry`` holding ``values`` (`CONTENT` order)."""
    digest = content_hash(entry_content(values))
    return digest, chain_hash(previous, digest, entry)


@attrs.frozen
class RegisterHead:
    """The register's head as store_info keeps it: how many entries, the last link, and
    the last entry's series, year and number (to name it where it was removed)."""

    entries: int = 0
    hash: str = REGISTER_GENESIS
    series: str = ""
    year: int = 0
    number: str = ""

    def to_text(self) -> str:
        return json.dumps(attrs.asdict(self), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str | None) -> RegisterHead | None:
        """The head written by `to_text`; None where store_info holds none or what is not
        one (the caller reports it)."""
        if text is None:
            return None
        try:
            value = json.loads(text)
            head = cls(**value)
        except (ValueError, TypeError):
            return None
        valid = (isinstance(head.entries, int) and head.entries >= 0
                 and isinstance(head.hash, str) and len(head.hash) == 64)
        return head if valid else None

    @property
    def named(self) -> str:
        """The last entry in words: its number, or its series and year."""
        shown = self.number or f"{self.series} {self.year}"
        return f"entry {self.entries} ({shown})"


@attrs.frozen
class RegisterProblem:
    """What is wrong with the register: in words, with the entry and its series and
    number where there is one."""

    message: str
    entry: int | None = None
    series: str | None = None
    number: str | None = None


def _named(row: dict) -> str:
    number = row["number"] or f"seq {row['seq']}"
    return f"{number} (series {row['series']} {row['year']}, entry {row['entry']})"


def check(rows, head: RegisterHead | None) -> RegisterProblem | None:
    """The first problem of the register's ``rows`` (dicts of `COLUMNS`, in entry order)
    against its ``head``, or None where every entry fits and the head is the last one's."""
    if head is None:
        return RegisterProblem("store_info holds no register head (register_head) or what it "
                               "holds is not one: the store's metadata was changed by hand")
    previous, expected = REGISTER_GENESIS, 1
    last = None
    for row in rows:
        where = _named(row)
        if row["entry"] != expected:
            return RegisterProblem(
                f"register entry {expected} is missing: a number was removed from the "
                f"register (the next stored is {where})", expected, row["series"],
                row["number"])
        try:
            digest, chained = link(previous, [row[c] for c in CONTENT], expected)
        except (TypeError, ValueError):
            digest, chained = None, None
        if digest != row["content_hash"]:
            return RegisterProblem(f"the document number {where} was altered: its columns "
                                   "do not match its content hash", expected, row["series"],
                                   row["number"])
        if chained != row["chain_hash"]:
            return RegisterProblem(
                f"the document number {where} does not follow the entry before it: entries "
                "were reordered, inserted or removed here, or rewritten with new hashes",
                expected, row["series"], row["number"])
        previous, expected, last = chained, expected + 1, row
    count = expected - 1
    if count < head.entries:
        return RegisterProblem(
            f"the register holds {count} numbers but its head says {head.entries}: the last "
            f"issued, {head.named} in series {head.series} {head.year}, was removed",
            head.entries, head.series, head.number)
    if count > head.entries or previous != head.hash:
        shown = _named(last) if last else "none"
        return RegisterProblem(
            f"the register's head (entry {head.entries}, {head.hash[:12]}…) is not its last "
            f"entry ({shown}): numbers were added, or the head changed, outside respons",
            count, last["series"] if last else None, last["number"] if last else None)
    return None


def head_of(rows) -> RegisterHead:
    """The head of a register whose ``rows`` (dicts of `COLUMNS`) are in entry order."""
    head = RegisterHead()
    for row in rows:
        head = RegisterHead(row["entry"], row["chain_hash"], row["series"], int(row["year"]),
                            row["number"])
    return head


# ── through the store's connection (verify, the migration to schema 5) ───────────────
def read_rows(db) -> list[dict]:
    """Every entry of the register, in entry order. A register is small (the notices a
    store ever issued), so it is read whole."""
    names = db.dialect.columns(COLUMNS)
    rows = db._execute(f"SELECT {names} FROM notice_numbers ORDER BY entry").fetchall()
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


@attrs.frozen
class RegisterReport:
    """What `verify` found: how many entries were read, the last link read, every link (a
    head recorded elsewhere is looked for among them), and the first problem or None."""

    entries: int
    head: str
    links: frozenset[str]
    problem: RegisterProblem | None


def verify(db) -> RegisterReport:
    """The register checked entry by entry against its head (`check`)."""
    if not db._table_exists("notice_numbers"):
        return RegisterReport(0, REGISTER_GENESIS, frozenset(), RegisterProblem(
            "the register of document numbers (table notice_numbers) is missing"))
    rows = read_rows(db)
    problem = check(rows, RegisterHead.from_text(db._info(HEAD_KEY)))
    last = head_of(rows)
    return RegisterReport(len(rows), last.hash, frozenset(r["chain_hash"] for r in rows),
                          problem)


def chain_register(db, ddl: list[str]) -> None:
    """Migration step to schema 5 (inside the migration's transaction): the register of
    schema 4 rebuilt with ``ddl`` (the table with its entry and hashes), its rows chained
    in the order they were issued — by time of issue, then series, year and sequence
    (the order of numbers taken in one transaction, which schema 4 did not keep) — and
    its head written. A register of schema 4 whose series have gaps (a row removed by
    hand) is refused, not blessed with a chain."""
    old = ("series", "year", "seq", "number", "regime", "notice", "outcome", "issued_on",
           "run", "issued_at")
    rows = db._execute(f"SELECT {db.dialect.columns(old)} FROM notice_numbers ORDER BY "
                       "issued_at, series, year, seq").fetchall()
    counts: dict[tuple[str, int], list[int]] = {}
    for row in rows:
        counts.setdefault((row[0], int(row[1])), []).append(int(row[2]))
    for (series, year), seqs in sorted(counts.items()):
        if sorted(seqs) != list(range(1, len(seqs) + 1)):
            raise DamagedStore(db.url, f"the register of document numbers lacks numbers of "
                               f"{series} {year} (it holds {len(seqs)}, the highest is "
                               f"{max(seqs)})", "it is not migrated to schema 5: restore the "
                               "store from a copy")
    db._execute("DROP TABLE notice_numbers")
    for statement in ddl:
        db._execute(statement)
    previous, out = REGISTER_GENESIS, []
    for entry, row in enumerate(rows, 1):
        values = entry_content(row)
        digest, previous = link(previous, values, entry)
        out.append((*values, entry, digest, previous))
    db._insert_rows("notice_numbers", COLUMNS, out)
    head = head_of(dict(zip(COLUMNS, row, strict=True)) for row in out)
    db._set_info(HEAD_KEY, head.to_text())

"""The store's tables, the same logical schema on every backend, and its migrations.

The ledger: ``records`` holds one row per record in chain order (``seq`` 1..n without
gaps; its columns are `respons.records.row.RECORD_ROW`); ``batches`` one row per ingested
file; ``store_info`` the schema version and the chain's head. The results: ``runs`` one
row per evaluation run, and the tables of what runs computed (``obligations`` …, declared
in `respons.store.results`), every row keyed by its run. Dates and times are ISO text
everywhere — ``at`` always at +08:00, so text order is time order — and text compares
bytewise on every backend (each dialect's ``text`` type sees to it), so that ``ORDER BY``
gives the same rows in the same order everywhere.

A migration is a list of steps that takes the schema from one version to the next — SQL
statements, or a function of the store for what SQL cannot compute (a hash) — which
backends run in one transaction, holding the write lock, and then record the new version.
Column types come from the backend's dialect (``dialect.type_name``): core names none; column
names go through ``dialect.identifier``, which quotes those an engine takes for keywords.

Versions: 1, the tables; 2, ``batches.batch_hash``, the chain of the batches table
(`respons.store.batches`), backfilled; 3, the record row of `respons.records.row`
(``subject`` is ``matter``; no ``raw`` text: the content hash is of the columns, so verify
parses no JSON), the chain re-hashed (`respons.store.migrate`), and the results tables;
4, the assessment results (``assessments``, ``assessment_scores``,
``assessment_evidence``) and the register of document numbers (``notice_numbers``); 5, the
register as a hash chain (``entry``, ``content_hash``, ``chain_hash``; its head in store_info
as ``register_head``, `respons.store.register`), the rows of schema 4 chained in the order
they were issued, and, where the backend has triggers, UPDATE and DELETE on it refused; and
the records indexed on ``(kind, matter, at)`` in place of ``(kind, matter)``
(`records_indexes_5`); 6, the liability proposals kept by reference to what the cases of
one decision share (``liability_proposals.decision``, ``liability_decisions``; the rows of
schema 5 keep their whole detail, their decision NULL). Each results table names the
version that created it (``since``), so a version creates exactly its own.
"""

from __future__ import annotations

import functools

from respons.records.row import RECORD_ROW
from respons.store.batches import backfill
from respons.store.migrate import rechain
from respons.store.register import REFUSAL, chain_register
from respons.store.results import (
    LIABILITY_PROPOSALS,
    LIABILITY_PROPOSALS_V4,
    NOTICE_NUMBERS,
    NOTICE_NUMBERS_V4,
    RESULT_TABLES,
)

#: The version this respons writes and reads.
SCHEMA_VERSION = 6

#: The ledger's tables: nothing but ingest writes them.
LEDGER_TABLES = ("records", "batches", "store_info")
#: Every table the store owns; temporary tables may not take these names.
OWN_TABLES = (*LEDGER_TABLES, *RESULT_TABLES)


def _version_1(dialect) -> list[str]:
    t = dialect.type_name
    text, seq, integer = t("text"), t("seq"), t("integer")
    at = dialect.identifier("at")  # a keyword of some engines' SQL (DuckDB's)
    return [
        f"""CREATE TABLE records (
            seq {seq} PRIMARY KEY,
            id {text} NOT NULL UNIQUE,
            type {text} NOT NULL,
            kind {text} NOT NULL,
            event {text} NOT NULL,
            {at} {text} NOT NULL,
            at_date {text} NOT NULL,
            subject {text},
            corrects {text},
            data {text} NOT NULL,
            raw {text} NOT NULL,
            content_hash {text} NOT NULL,
            chain_hash {text} NOT NULL,
            batch {integer} NOT NULL)""",
        f"""CREATE TABLE batches (
            batch {integer} PRIMARY KEY,
            file {text} NOT NULL,
            file_sha256 {text} NOT NULL,
            regime {text} NOT NULL,
            regime_sha256 {text} NOT NULL,
            lines {integer} NOT NULL,
            stored {integer} NOT NULL,
            duplicates {integer} NOT NULL,
            rejected {integer} NOT NULL,
            first_seq {seq} NOT NULL,
            last_seq {seq} NOT NULL,
            head_hash {text} NOT NULL,
            ingested_at {text} NOT NULL)""",
        f"CREATE TABLE store_info (key {text} PRIMARY KEY, value {text} NOT NULL)",
    ]


def _version_2(dialect) -> list:
    return [f"ALTER TABLE batches ADD COLUMN batch_hash {dialect.type_name('text')} NOT NULL "
            "DEFAULT ''", backfill]


def records_table(dialect, name: str = "records") -> str:
    """CREATE TABLE for the record row of `respons.records.row`."""
    columns = []
    for column, kind in RECORD_ROW:
        nullable = kind.endswith("?")
        definition = f"{dialect.identifier(column)} {dialect.type_name(kind.rstrip('?'))}"
        if column == "seq":
            definition += " PRIMARY KEY"
        elif column == "id":
            definition += " NOT NULL UNIQUE"
        elif not nullable:
            definition += " NOT NULL"
        columns.append(definition)
    return f"CREATE TABLE {name} ({', '.join(columns)})"


def records_indexes(dialect) -> list[str]:
    """The records' secondary indexes of schema 3 (schema 5 replaces one of them)."""
    # (type, matter, at): the engine looks up the first event of a type in a matter in
    # time order — an index range read, no sort.
    if not dialect.secondary_indexes:
        return []
    corrects = "WHERE corrects IS NOT NULL" if dialect.partial_indexes else ""
    return [f"CREATE INDEX records_type_matter ON records "
            f"({dialect.columns(('type', 'matter', 'at'))})",
            "CREATE INDEX records_kind_matter ON records (kind, matter)",
            f"CREATE INDEX records_corrects ON records (corrects) {corrects}".rstrip()]


def records_indexes_5(dialect) -> list[str]:
    """Schema 5's change to the records' indexes: ``(kind, matter, at)`` in place of
    ``(kind, matter)``, which it serves as well."""
    # The engine reads the latest value of a field in a matter's file up to a record (a
    # count's 按 key, once per counted record; the case files of liability) in time order,
    # latest first: with ``at`` in the index that is a range read in the index's order,
    # no sort per record (docs/performance.md, "Liability"). A backend without secondary
    # indexes (DuckDB: it skips row groups by their min/max) has neither. IF EXISTS / IF
    # NOT EXISTS: the step is the same whatever a schema-4 store's indexes were left as
    # (one dropped or added by hand).
    if not dialect.secondary_indexes:
        return []
    return ["DROP INDEX IF EXISTS records_kind_matter",
            f"CREATE INDEX IF NOT EXISTS records_kind_matter_at ON records "
            f"({dialect.columns(('kind', 'matter', 'at'))})"]


def _version_3(dialect) -> list:
    return [functools.partial(rechain, table_ddl=records_table(dialect, "records_v3")),
            *records_indexes(dialect),
            *_tables_since(3, dialect)]


def _tables_since(version: int, dialect, *besides) -> list[str]:
    """The tables version ``version`` creates, but ``besides`` (which a later version
    changes: the version creates them as they were then)."""
    return [statement for table in RESULT_TABLES.values()
            if table.since == version and table not in besides
            for statement in table.ddl(dialect)]


def _version_4(dialect) -> list:
    return [*_tables_since(4, dialect, LIABILITY_PROPOSALS), *LIABILITY_PROPOSALS_V4.ddl(dialect),
            *NOTICE_NUMBERS_V4.ddl(dialect)]


def _version_5(dialect) -> list:
    # The register is rebuilt by its step (its rows read, chained and written back), not
    # created empty; any other table of version 5 is created as usual.
    others = _tables_since(5, dialect, NOTICE_NUMBERS)
    return [functools.partial(chain_register, ddl=NOTICE_NUMBERS.ddl(dialect)), *others,
            *dialect.append_only("notice_numbers", REFUSAL), *records_indexes_5(dialect)]


def _version_6(dialect) -> list:
    name, kind = LIABILITY_PROPOSALS.columns[-1]
    return [f"ALTER TABLE liability_proposals ADD COLUMN {dialect.identifier(name)} "
            f"{dialect.type_name(kind.rstrip('?'))}", *_tables_since(6, dialect)]


#: version → the steps that make it from the version before (0: nothing).
MIGRATIONS = {1: _version_1, 2: _version_2, 3: _version_3, 4: _version_4, 5: _version_5,
              6: _version_6}


def migrations(dialect, current: int | None) -> list[tuple[int, list]]:
    """The steps from ``current`` (None: no schema) to `SCHEMA_VERSION`, in order."""
    start = current or 0
    return [(version, MIGRATIONS[version](dialect))
            for version in range(start + 1, SCHEMA_VERSION + 1)]

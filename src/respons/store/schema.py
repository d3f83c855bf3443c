"""The store's tables, the same logical schema on every dialect, and its migrations.

``records`` holds one row per record in chain order (``seq`` 1..n without gaps);
``batches`` one row per ingested file; ``store_info`` the schema version and the chain's
head. Dates and times are ISO text on every dialect — ``at`` always at +08:00, so text
order is time order — and PostgreSQL compares text bytewise (``COLLATE "C"``) as SQLite
does, so that ``ORDER BY`` gives the same rows in the same order on both.

A migration is a list of steps that takes the schema from one version to the next — SQL
statements, or a function of the store for what SQL cannot compute (a hash) — which
backends run in one transaction, holding the write lock, and then record the new version.

Versions: 1, the tables; 2, ``batches.batch_hash``, the chain of the batches table
(`respons.store.batches`), backfilled for the batches already stored.
"""

from __future__ import annotations

from respons.store.batches import backfill

#: The version this respons writes and reads.
SCHEMA_VERSION = 2

#: Tables the store owns; helper tables (`Store.load_table`) may not take these names.
OWN_TABLES = ("records", "batches", "store_info")

_TYPES = {
    "sqlite": {"seq": "INTEGER", "text": "TEXT", "integer": "INTEGER", "real": "REAL"},
    "postgresql": {"seq": "BIGINT", "text": 'TEXT COLLATE "C"', "integer": "BIGINT",
                   "real": "DOUBLE PRECISION"},
}


def column_type(dialect: str, portable: str) -> str:
    """The dialect's type for a portable one (``text``, ``integer``, ``real``)."""
    return _TYPES[dialect][portable]


def _version_1(dialect: str) -> list[str]:
    t = _TYPES[dialect]
    text, seq, integer = t["text"], t["seq"], t["integer"]
    return [
        f"""CREATE TABLE records (
            seq {seq} PRIMARY KEY,
            id {text} NOT NULL UNIQUE,
            type {text} NOT NULL,
            kind {text} NOT NULL,
            event {text} NOT NULL,
            at {text} NOT NULL,
            at_date {text} NOT NULL,
            subject {text},
            corrects {text},
            data {text} NOT NULL,
            raw {text} NOT NULL,
            content_hash {text} NOT NULL,
            chain_hash {text} NOT NULL,
            batch {integer} NOT NULL)""",
        # (type, subject, at): the engine looks up the first event of a type in a matter in
        # time order — an index range read, no sort, on both dialects.
        "CREATE INDEX records_type_subject ON records (type, subject, at)",
        "CREATE INDEX records_kind_subject ON records (kind, subject)",
        "CREATE INDEX records_corrects ON records (corrects) WHERE corrects IS NOT NULL",
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


def _version_2(dialect: str) -> list:
    text = _TYPES[dialect]["text"]
    return [f"ALTER TABLE batches ADD COLUMN batch_hash {text} NOT NULL DEFAULT ''", backfill]


#: version → the steps that make it from the version before (0: nothing).
MIGRATIONS = {1: _version_1, 2: _version_2}


def migrations(dialect: str, current: int | None) -> list[tuple[int, list]]:
    """The steps from ``current`` (None: no schema) to `SCHEMA_VERSION`, in order."""
    start = current or 0
    return [(version, MIGRATIONS[version](dialect))
            for version in range(start + 1, SCHEMA_VERSION + 1)]

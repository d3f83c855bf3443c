"""A store written by an earlier respons is migrated to this one's schema, on every backend.

The store of schema 1 here is made as respons 0.1's ingest made it — its tables created by
the migration of version 1, its records hashed as that version hashed them (the record's
canonical JSON text kept as ``raw``, the link over the ``subject``) — so that the
migration is tested on what it will meet: batch hashes backfilled (schema 2), the chain
re-hashed over the columns (schema 3), the register of document numbers chained (schema
5), and a store that does not verify refused.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from respons.records import compile_schema
from respons.records.canonical import canonical_json
from respons.testing import conformance_regime, generate, regime_path, write_jsonl

V1_GENESIS = hashlib.sha256(b"respons records chain v1").hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _v1_rows(records, first_seq: int, previous: str, batch: int):
    """The rows respons 0.1 wrote for ``records``, and the chain's end after them."""
    schema = compile_schema(conformance_regime())
    rows = []
    for seq, record in enumerate(records, first_seq):
        c = schema.check(record)
        content = {"id": c.id, "type": c.type, "at": c.at, **json.loads(c.data)}
        if c.corrects:
            content["corrects"] = c.corrects
        raw = canonical_json(content)
        digest = _sha(raw)
        previous = _sha(f"{previous}{digest}{seq}:{c.matter or ''}")
        rows.append((seq, c.id, c.type, c.kind, c.event, c.at, c.at_date, c.matter,
                     c.corrects, c.data, raw, digest, previous, batch))
    return rows, previous


def _quote(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _schema_1_store(raw_sql, url, dialect, files):
    """A store of schema 1 holding ``files`` (lists of records), one batch each."""
    from respons.store.schema import MIGRATIONS

    statements = list(MIGRATIONS[1](dialect))
    previous, seq = V1_GENESIS, 1
    for batch, records in enumerate(files, 1):
        rows, previous = _v1_rows(records, seq, previous, batch)
        statements += [f"INSERT INTO records VALUES ({', '.join(map(_quote, row))})"
                       for row in rows]
        statements.append(
            "INSERT INTO batches VALUES (" + ", ".join(map(_quote, (
                batch, f"f{batch}.jsonl", "0" * 64, "conformance", "1" * 64, len(rows),
                len(rows), 0, 0, seq, seq + len(rows) - 1, previous,
                "2026-01-01T00:00:00+00:00"))) + ")")
        seq += len(rows)
    statements += ["INSERT INTO store_info VALUES ('schema_version', '1')",
                   f"INSERT INTO store_info VALUES ('head_seq', '{seq - 1}')",
                   f"INSERT INTO store_info VALUES ('head_hash', '{previous}')"]
    raw_sql(url, *statements)
    return previous


@pytest.fixture
def dialect(store_url):
    if store_url.startswith("sqlite:"):
        from respons.store.sqlite import SQLiteDialect

        return SQLiteDialect()
    if store_url.startswith("duckdb:"):
        from respons_duckdb.dialect import DuckDBDialect

        return DuckDBDialect()
    from respons_postgresql.store import PostgreSQLDialect

    return PostgreSQLDialect()


@pytest.fixture
def schema_for(store_url):
    """Create the PostgreSQL schema a test's URL names (SQLite needs nothing)."""
    if store_url.startswith("postgresql:"):
        import psycopg
        from respons_postgresql.store import split_url

        conninfo, schema = split_url(store_url)
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    return store_url


def test_a_store_of_schema_1_is_migrated_and_its_chain_rehashed(respons, raw_sql, schema_for,
                                                                 dialect, tmp_path):
    url = schema_for
    a = list(generate(conformance_regime(), 6, seed=1, prefix="A"))
    b = list(generate(conformance_regime(), 4, seed=2, prefix="B"))
    old_head = _schema_1_store(raw_sql, url, dialect, [a, b])
    for command in (["verify"], ["store", "info"], ["ingest", str(regime_path()),
                                                   str(tmp_path / "x.jsonl")]):
        (tmp_path / "x.jsonl").write_text("", "utf-8")
        result = respons(*command, "--store", url)
        assert result.exit_code == 2 and "has schema version 1, older than this respons " \
            "reads (6): run `respons store init` to migrate it" in result.stderr, result.stderr
    result = respons("store", "init", "--store", url)
    assert result.exit_code == 0, result.stderr
    assert "schema version 6 (migrated from version 1)" in result.stdout
    assert f"the chain was re-hashed: head {old_head} is now " in result.stdout
    verified = respons("verify", "--store", url, "--format", "json")
    assert verified.exit_code == 0, verified.stdout
    document = json.loads(verified.stdout)
    assert document["records"] == 10 and document["head"]["hash"] != old_head
    info = json.loads(respons("store", "info", "--store", url, "--format", "json").stdout)
    assert [(f["file"], f["stored"]) for f in info["batches"]] == [("f1.jsonl", 6),
                                                                   ("f2.jsonl", 4)]
    # The records are those a fresh ingest of the same records would have stored.
    fresh = tmp_path / "fresh.jsonl"
    write_jsonl(fresh, a)
    more = tmp_path / "more.jsonl"
    write_jsonl(more, [*b, *generate(conformance_regime(), 3, seed=3, prefix="C")])
    again = respons("ingest", str(regime_path()), str(fresh), str(more), "--store", url,
                    "--format", "json")
    assert again.exit_code == 0, again.stdout
    files = json.loads(again.stdout)["files"]
    assert [(f["stored"], f["duplicates"]) for f in files] == [(0, 6), (3, 4)]
    assert respons("verify", "--store", url).exit_code == 0
    if dialect.secondary_indexes:  # schema 3's, then schema 5's (kind, matter, at)
        assert _records_indexes(raw_sql, url) == ["records_corrects", "records_kind_matter_at",
                                                  "records_type_matter"]


@pytest.mark.parametrize(("case", "statement"), [
    ("a record's text", "UPDATE records SET raw = replace(raw, '\"at\":\"', '\"at\":\"1') "
                        "WHERE seq = 3"),
    ("a record's subject", "UPDATE records SET subject = 'another' WHERE seq = 2"),
    ("the head", "UPDATE store_info SET value = '4' WHERE key = 'head_seq'"),
])
def test_a_schema_1_store_that_does_not_verify_is_not_migrated(respons, raw_sql, schema_for,
                                                               dialect, case, statement):
    url = schema_for
    _schema_1_store(raw_sql, url, dialect, [list(generate(conformance_regime(), 6, seed=1))])
    raw_sql(url, statement)
    result = respons("store", "init", "--store", url)
    assert result.exit_code == 1, (case, result.stderr)
    assert "it is not migrated to schema 3: verify it with the respons that wrote it" in \
        result.stderr, result.stderr
    assert raw_sql(url, "SELECT value FROM store_info WHERE key = 'schema_version'",
                   fetch=True) == [[("1",)]]


def test_a_schema_1_store_whose_batches_hold_the_wrong_types_is_not_migrated(respons, raw_sql,
                                                                             sqlite_url):
    from respons.store.sqlite import SQLiteDialect

    _schema_1_store(raw_sql, sqlite_url, SQLiteDialect(),
                    [list(generate(conformance_regime(), 5, seed=1))])
    raw_sql(sqlite_url, "UPDATE batches SET file = x'00ff'")
    result = respons("store", "init", "--store", sqlite_url)
    assert result.exit_code == 1, result.stderr
    assert "batch 1: column file holds b'\\x00\\xff', not text; it is not migrated: verify " \
        "it with the respons that wrote it" in result.stderr, result.stderr
    assert raw_sql(sqlite_url, "SELECT value FROM store_info WHERE key = 'schema_version'",
                   fetch=True) == [[("1",)]]


def _v4_register_rows():
    """A register as schema 4 kept it: two series; issued_at orders them, not seq."""
    return [("吉司整", 2025, 1, "吉司整〔2025〕1号", "jilin-city", "整改通知书", "record:a",
             "2025-03-01", "run1", "2026-01-01T00:00:00+00:00"),
            ("杭责追", 2025, 1, "杭责追〔2025〕1号", "hangzhou", "决定书", "record:b",
             "2025-04-10", "run2", "2026-01-02T00:00:00+00:00"),
            ("吉司整", 2025, 2, "吉司整〔2025〕2号", "jilin-city", "整改通知书", "record:c",
             "2025-03-02", "run3", "2026-01-03T00:00:00+00:00")]


def _records_indexes(raw_sql, url) -> list[str]:
    """The names of the records table's secondary indexes, those of its keys and unique
    constraints left out (none on DuckDB)."""
    if url.startswith("duckdb:"):
        return []
    if url.startswith("sqlite:"):
        query = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' "
                 "AND sql IS NOT NULL ORDER BY name")
    else:
        # not those of its keys and unique constraints
        query = ("SELECT indexname FROM pg_indexes WHERE tablename = 'records' AND schemaname "
                 "= current_schema() AND indexname NOT IN (SELECT conname FROM pg_constraint) "
                 "ORDER BY indexname")
    return [name for (name,) in raw_sql(url, query, fetch=True)[0]]


def _schema_4_store(raw_sql, url, dialect, rows):
    """A store of schema 4 (its register without entries, hashes or head; the records
    indexed as schema 3 indexed them; the liability proposals without their decision)
    holding ``rows``."""
    from respons.store.results import LIABILITY_PROPOSALS_V4, NOTICE_NUMBERS_V4
    from respons.store.schema import records_indexes

    result_tables = [f"INSERT INTO notice_numbers VALUES ({', '.join(map(_quote, row))})"
                     for row in rows]
    indexes = []
    if dialect.secondary_indexes:
        indexes = ["DROP INDEX records_kind_matter_at",
                   *(s for s in records_indexes(dialect) if "records_kind_matter " in s)]
    raw_sql(url, "DROP TABLE notice_numbers", *NOTICE_NUMBERS_V4.ddl(dialect), *result_tables,
            *indexes, "DROP TABLE liability_decisions", "DROP TABLE liability_proposals",
            *LIABILITY_PROPOSALS_V4.ddl(dialect),
            "DELETE FROM store_info WHERE key = 'register_head'",
            "UPDATE store_info SET value = '4' WHERE key = 'schema_version'")


def test_a_store_of_schema_4_has_its_register_chained(respons, raw_sql, schema_for, dialect):
    url = schema_for
    assert respons("store", "init", "--store", url).exit_code == 0
    _schema_4_store(raw_sql, url, dialect, _v4_register_rows())
    result = respons("store", "init", "--store", url)
    assert result.exit_code == 0, result.stderr
    assert "schema version 6 (migrated from version 4)" in result.stdout
    verified = respons("verify", "--store", url, "--format", "json")
    assert verified.exit_code == 0, verified.stdout
    register = json.loads(verified.stdout)["register"]
    rows = raw_sql(url, "SELECT entry, number, chain_hash FROM notice_numbers ORDER BY entry",
                   fetch=True)[0]
    # chained in the order they were issued, whatever the series
    assert [tuple(r[:2]) for r in rows] == [(1, "吉司整〔2025〕1号"), (2, "杭责追〔2025〕1号"),
                                            (3, "吉司整〔2025〕2号")]
    assert register == {"numbers": 3, "head": rows[-1][2]}
    if dialect.secondary_indexes:  # (kind, matter, at) in place of (kind, matter)
        assert _records_indexes(raw_sql, url) == ["records_corrects", "records_kind_matter_at",
                                                  "records_type_matter"]
    if not url.startswith("duckdb:"):  # SQLite, PostgreSQL: the triggers came with it
        with pytest.raises(Exception, match="append-only"):
            raw_sql(url, "UPDATE notice_numbers SET number = 'x' WHERE entry = 1")


def test_a_store_of_schema_4_whose_register_has_a_gap_is_not_migrated(respons, raw_sql,
                                                                      schema_for, dialect):
    url = schema_for
    assert respons("store", "init", "--store", url).exit_code == 0
    _schema_4_store(raw_sql, url, dialect, _v4_register_rows()[1:])  # 吉司整 1号 removed
    result = respons("store", "init", "--store", url)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "lacks numbers of 吉司整 2025 (it holds 1, the highest is 2); it is not migrated " \
        "to schema 5" in result.stderr, result.stderr
    assert raw_sql(url, "SELECT value FROM store_info WHERE key = 'schema_version'",
                   fetch=True) == [[("4",)]]


def test_a_store_of_schema_5_keeps_its_proposals_whole(respons, raw_sql, schema_for, dialect):
    """Schema 6 keeps a case by reference to what its decision's cases share; the proposals
    a store of schema 5 kept stay as they were, whole, their decision NULL."""
    from respons.engine.liability_kept import read
    from respons.registry import Registry, plugin_manager
    from respons.store import open_store
    from respons.store.results import LIABILITY_PROPOSALS_V4

    url = schema_for
    assert respons("store", "init", "--store", url).exit_code == 0
    whole = canonical_json({"case": "GZ-1", "ladders": [], "record": "a1"})
    raw_sql(url, "DROP TABLE liability_decisions", "DROP TABLE liability_proposals",
            *LIABILITY_PROPOSALS_V4.ddl(dialect),
            "INSERT INTO liability_proposals VALUES ('run1', '过错责任追究', 'a1', 'GZ-1', "
            f"'2025-03-01', '没有法定依据实施处罚', 0, {_quote(whole)})",
            "UPDATE store_info SET value = '5' WHERE key = 'schema_version'")
    refused = respons("verify", "--store", url)
    assert refused.exit_code == 2 and "run `respons store init` to migrate it" in refused.stderr
    result = respons("store", "init", "--store", url)
    assert result.exit_code == 0, result.stderr
    assert "schema version 6 (migrated from version 5)" in result.stdout
    assert raw_sql(url, "SELECT decision, detail FROM liability_proposals", fetch=True) == \
        [[(None, whole)]]
    store = open_store(url, Registry(plugin_manager()), {})
    try:
        assert read(store.compute, "run1") == {("过错责任追究", "a1"): whole}
    finally:
        store.close()

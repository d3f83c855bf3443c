"""`respons verify` and `respons store` as a user runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3

import pytest

from respons.testing import conformance_regime, generate, regime_path, write_jsonl


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    write_jsonl(path, generate(conformance_regime(), 30, seed=1))
    return path


def _ingest(respons, url, path):
    result = respons("ingest", str(regime_path()), str(path), "--store", url, "--quiet")
    assert result.exit_code == 0, result.stderr


def test_verify_intact_and_tampered(respons, sqlite_url, records, tmp_path):
    _ingest(respons, sqlite_url, records)
    result = respons("verify", "--store", sqlite_url)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{sqlite_url}: 30 records verified, chain intact\n"
                                    "head seq 30 ")
    with sqlite3.connect(tmp_path / "store.db") as connection:
        connection.execute("UPDATE records SET at = '2031-01-01T00:00:00+08:00' WHERE seq = 7")
    broken = respons("verify", "--store", sqlite_url)
    assert broken.exit_code == 1
    assert broken.stderr == (
        f"{sqlite_url}: chain broken after 6 intact records\n"
        "error: record seq 7 (id 'R000000006') was altered: its columns do not match its "
        "content hash (one of at or at_date was changed)\n")
    document = json.loads(respons("verify", "--store", sqlite_url, "--format", "json").stdout)
    assert document == {
        "format_version": 1, "store": sqlite_url, "intact": False, "records": 6,
        "head": document["head"], "expect_head": None,
        "problem": {"kind": "altered", "seq": 7, "id": "R000000006",
                    "message": document["problem"]["message"]}}
    assert document["head"]["seq"] == 6


def test_verify_expect_head(respons, sqlite_url, records):
    _ingest(respons, sqlite_url, records)
    info = json.loads(respons("store", "info", "--store", sqlite_url, "--format", "json").stdout)
    head = info["head"]["hash"]
    assert respons("verify", "--store", sqlite_url, "--expect-head", head).exit_code == 0
    assert respons("verify", "--store", sqlite_url, "--expect-head", "f" * 64).exit_code == 1
    malformed = respons("verify", "--store", sqlite_url, "--expect-head", "abc")
    assert malformed.exit_code == 2 and "64 hexadecimal digits" in malformed.stderr


def test_verify_without_a_store(respons, tmp_path):
    result = respons("verify", "--store", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.exit_code == 2 and "holds no records yet" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_store_init_and_info(respons, sqlite_url, records):
    first = respons("store", "init", "--store", sqlite_url)
    assert (first.exit_code, first.stdout) == (0, f"{sqlite_url}: schema version 6 (created)\n")
    again = respons("store", "init", "--store", sqlite_url)
    assert again.stdout == f"{sqlite_url}: schema version 6 (up to date)\n"
    _ingest(respons, sqlite_url, records)
    info = json.loads(respons("store", "info", "--store", sqlite_url, "--format", "json").stdout)
    assert info["format_version"] == 1 and info["dialect"] == "sqlite"
    assert info["schema_version"] == 6 and info["records"] == 30
    (batch,) = info["batches"]
    assert (batch["file"], batch["stored"], batch["first_seq"], batch["last_seq"],
            batch["regime"]) == (str(records), 30, 1, 30, "conformance")
    assert batch["head_hash"] == info["head"]["hash"]


def test_same_hashes_on_sqlite_and_postgresql(respons, sqlite_url, postgresql_url, records):
    heads = []
    for url in (sqlite_url, postgresql_url):
        _ingest(respons, url, records)
        info = json.loads(respons("store", "info", "--store", url, "--format", "json").stdout)
        heads.append(info["head"])
    assert heads[0] == heads[1]


def test_verify_finds_raw_sql_tampering_on_postgresql(respons, postgresql_url, records):
    import psycopg
    from respons_postgresql.store import split_url

    _ingest(respons, postgresql_url, records)
    conninfo, schema = split_url(postgresql_url)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DELETE FROM "{schema}".records WHERE seq = 12')
    result = respons("verify", "--store", postgresql_url)
    assert result.exit_code == 1
    assert "error: record seq 12 is missing: it was removed (the next stored is seq 13, " \
           "id 'R000000012')" in result.stderr

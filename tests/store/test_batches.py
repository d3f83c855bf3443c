"""The batches table is verified as a chain of its own (`respons.store.batches`), by the
command line as by the API, on both backends; a store of schema 1 is migrated to it."""

from __future__ import annotations

import json

import pytest

from respons.testing import conformance_regime, generate, regime_path, write_jsonl


def _ingest(respons, url, tmp_path, name, count, prefix):
    path = tmp_path / name
    write_jsonl(path, generate(conformance_regime(), count, seed=1, prefix=prefix))
    result = respons("ingest", str(regime_path()), str(path), "--store", url, "--quiet")
    assert result.exit_code == 0, result.stderr


def _info(respons, url):
    result = respons("store", "info", "--store", url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("column", "value"), [
    ("file", "'forged.jsonl'"), ("file_sha256", f"'{'0' * 64}'"), ("regime", "'another'"),
    ("regime_sha256", f"'{'1' * 64}'"), ("head_hash", f"'{'ab' * 32}'"),
    ("ingested_at", "'2020-01-01T00:00:00+00:00'"), ("lines", "lines + 1"),
    ("duplicates", "duplicates + 1"), ("rejected", "rejected + 1"),
])
def test_an_edited_batch_fails_verify_also_with_an_expected_head(respons, raw_sql, store_url,
                                                                 tmp_path, column, value):
    _ingest(respons, store_url, tmp_path, "a.jsonl", 8, "A")
    _ingest(respons, store_url, tmp_path, "b.jsonl", 4, "B")
    head = _info(respons, store_url)["head"]["hash"]
    assert respons("verify", "--store", store_url, "--expect-head", head).exit_code == 0
    raw_sql(store_url, f"UPDATE batches SET {column} = {value} WHERE batch = 1")
    for extra in ((), ("--expect-head", head)):
        result = respons("verify", "--store", store_url, "--format", "json", *extra)
        assert result.exit_code == 1, (extra, result.stdout)
        document = json.loads(result.stdout)
        assert not document["intact"] and document["problem"]["kind"] == "batches"
        assert "batch 1 (" in document["problem"]["message"]


def test_store_info_shows_the_batch_hashes_which_anchor(respons, store_url, tmp_path):
    _ingest(respons, store_url, tmp_path, "a.jsonl", 5, "A")
    _ingest(respons, store_url, tmp_path, "b.jsonl", 3, "B")
    first, second = _info(respons, store_url)["batches"]
    assert len(first["batch_hash"]) == 64 and first["batch_hash"] != second["batch_hash"]
    for anchor in (first["batch_hash"], second["batch_hash"]):
        result = respons("verify", "--store", store_url, "--expect-head", anchor)
        assert result.exit_code == 0, result.stderr


def test_a_store_of_schema_1_is_migrated(respons, raw_sql, store_url, tmp_path):
    _ingest(respons, store_url, tmp_path, "a.jsonl", 5, "A")
    _ingest(respons, store_url, tmp_path, "b.jsonl", 3, "B")
    before = _info(respons, store_url)
    # What schema 1 was: the same tables without batches.batch_hash.
    raw_sql(store_url, "ALTER TABLE batches DROP COLUMN batch_hash",
            "UPDATE store_info SET value = '1' WHERE key = 'schema_version'")
    for command in (["verify"], ["store", "info"]):
        result = respons(*command, "--store", store_url)
        assert result.exit_code == 2 and "older than this respons reads (2): run `respons " \
            "store init` to migrate it" in result.stderr, result.stderr
    result = respons("store", "init", "--store", store_url)
    assert result.exit_code == 0 and "schema version 2 (migrated from version 1)" in \
        result.stdout
    assert _info(respons, store_url) == before
    assert respons("verify", "--store", store_url).exit_code == 0
    _ingest(respons, store_url, tmp_path, "c.jsonl", 2, "C")
    assert respons("verify", "--store", store_url).exit_code == 0


def test_a_schema_1_store_whose_batches_hold_the_wrong_types_is_not_migrated(respons, raw_sql,
                                                                             sqlite_url,
                                                                             tmp_path):
    _ingest(respons, sqlite_url, tmp_path, "a.jsonl", 5, "A")
    raw_sql(sqlite_url, "ALTER TABLE batches DROP COLUMN batch_hash",
            "UPDATE store_info SET value = '1' WHERE key = 'schema_version'",
            "UPDATE batches SET file = x'00ff'")
    result = respons("store", "init", "--store", sqlite_url)
    assert result.exit_code == 1, result.stderr
    assert "batch 1: column file holds b'\\x00\\xff', not text; it is not migrated: verify " \
        "it with the respons that wrote it" in result.stderr, result.stderr
    assert raw_sql(sqlite_url, "SELECT value FROM store_info WHERE key = 'schema_version'",
                   fetch=True) == [[("1",)]]

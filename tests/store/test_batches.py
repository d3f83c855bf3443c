"""The batches table is verified as a chain of its own (`respons.store.batches`), by the
command line as by the API, on both backends (a store of schema 1 migrated to it:
tests/store/test_migrate.py)."""

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

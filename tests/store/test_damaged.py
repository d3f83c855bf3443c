"""A store whose metadata was edited or wiped, on both backends: every command says so in
one line with its documented exit code — verify reports a finding (1), ingest refuses to
append (1, "run `respons verify`") and stores nothing — and none prints a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respons.testing import conformance_regime, generate, regime_path, write_jsonl

DAMAGES = [
    ("head_seq is not a number", ["UPDATE store_info SET value = 'x' WHERE key = 'head_seq'"],
     "store_info.head_seq holds 'x', not a record count"),
    ("head_seq is negative", ["UPDATE store_info SET value = '-3' WHERE key = 'head_seq'"],
     "store_info.head_seq holds '-3'"),
    ("head_seq deleted", ["DELETE FROM store_info WHERE key = 'head_seq'"],
     "store_info has no head_seq"),
    ("head_hash is not a hash", ["UPDATE store_info SET value = 'zz' WHERE key = 'head_hash'"],
     "store_info.head_hash holds 'zz', not a chain hash"),
    ("head_hash deleted", ["DELETE FROM store_info WHERE key = 'head_hash'"],
     "store_info has no head_hash"),
    ("schema_version is not a number",
     ["UPDATE store_info SET value = 'abc' WHERE key = 'schema_version'"],
     "store_info.schema_version holds 'abc', not a version number"),
    ("schema_version deleted", ["DELETE FROM store_info WHERE key = 'schema_version'"],
     "store_info has no schema_version"),
    ("store_info dropped", ["DROP TABLE store_info"], "its table store_info is missing"),
    ("records dropped", ["DROP TABLE records"], "its table records is missing"),
    ("batches dropped", ["DROP TABLE batches"], "its table batches is missing"),
]


@pytest.fixture
def files(tmp_path):
    first, more = tmp_path / "first.jsonl", tmp_path / "more.jsonl"
    write_jsonl(first, generate(conformance_regime(), 10, seed=1))
    write_jsonl(more, generate(conformance_regime(), 3, seed=2, prefix="M"))
    return first, more


def _ingest(respons, url, path):
    return respons("ingest", str(regime_path()), str(path), "--store", url, "--quiet")


@pytest.mark.parametrize(("case", "statements", "reason"), DAMAGES, ids=[d[0] for d in DAMAGES])
def test_every_command_on_damaged_metadata(respons, raw_sql, store_url, files, case,
                                           statements, reason):
    first, more = files
    assert _ingest(respons, store_url, first).exit_code == 0
    head = json.loads(respons("store", "info", "--store", store_url, "--format",
                              "json").stdout)["head"]["hash"]
    raw_sql(store_url, *statements)
    for extra in ((), ("--expect-head", head)):
        result = respons("verify", "--store", store_url, "--format", "json", *extra)
        assert result.exit_code == 1, (case, result.stderr)
        problem = json.loads(result.stdout)["problem"]
        assert problem["kind"] == "metadata" and reason in problem["message"], problem
    text = respons("verify", "--store", store_url)
    assert text.exit_code == 1 and f"error: the store is damaged: {reason}" in text.stderr
    regime = str(regime_path())
    for command in (["store", "info"], ["store", "init"], ["ingest", regime, str(more),
                    "--quiet"], ["run", regime, str(more), "--quiet"]):
        result = respons(*command, "--store", store_url)
        assert result.exit_code == 1, (case, command, result.stderr)
        assert result.stderr.startswith("error: the store ") and reason in result.stderr
        assert result.stderr.endswith("; run `respons verify`\n"), result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
    # evaluate verifies the chain before it reports: what it says is what verify says (or,
    # when the schema itself cannot be read, what every command says).
    result = respons("evaluate", regime, "--store", store_url)
    assert result.exit_code == 1 and result.stdout == "", (case, result.stderr)
    assert "damaged" in result.stderr and reason in result.stderr, result.stderr
    if case not in ("records dropped", "store_info dropped"):
        (count,), = raw_sql(store_url, "SELECT COUNT(*) FROM records", fetch=True)[0]
        assert count == 10  # nothing of the refused file was stored


def test_ingest_refuses_a_store_whose_records_do_not_end_at_its_head(respons, raw_sql,
                                                                      store_url, files):
    first, more = files
    assert _ingest(respons, store_url, first).exit_code == 0
    raw_sql(store_url, "DELETE FROM records WHERE seq = 10")
    result = _ingest(respons, store_url, more)
    assert result.exit_code == 1  # docs/cli.md: run `respons verify`
    assert "its records end at seq 9 but its head says 10; run `respons verify`" in \
        result.stderr


def _wipe_sqlite_file(url, raw_sql, how):
    path = Path(url.removeprefix("sqlite:///"))
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    if how == "zero bytes":
        path.write_bytes(b"")
    else:
        path.unlink()


@pytest.mark.parametrize("how", ["zero bytes", "deleted", "tables dropped", "records dropped"])
def test_a_wiped_store_with_an_expected_head_is_a_finding(respons, raw_sql, store_url, files,
                                                          how):
    if how in ("zero bytes", "deleted") and not store_url.startswith("sqlite:"):
        pytest.skip("a file of its own is SQLite's")
    assert _ingest(respons, store_url, files[0]).exit_code == 0
    head = json.loads(respons("store", "info", "--store", store_url, "--format",
                              "json").stdout)["head"]["hash"]
    if how in ("zero bytes", "deleted"):
        _wipe_sqlite_file(store_url, raw_sql, how)
    elif how == "tables dropped":
        raw_sql(store_url, "DROP TABLE records", "DROP TABLE batches", "DROP TABLE store_info")
    else:
        raw_sql(store_url, "DROP TABLE records")
    result = respons("verify", "--store", store_url, "--expect-head", head, "--format", "json")
    assert result.exit_code == 1, result.stderr
    document = json.loads(result.stdout)
    assert not document["intact"] and document["problem"]["kind"] in ("anchor", "metadata")
    assert document["records"] == 0
    if how != "records dropped":
        plain = respons("verify", "--store", store_url)
        assert plain.exit_code == 2 and "holds no records yet" in plain.stderr

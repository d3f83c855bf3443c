"""duckdb:// URLs: relative and absolute files, and what is refused in one line (exit 2)
without creating or changing any file."""

from __future__ import annotations

import sqlite3

import pytest
from respons_duckdb.store import DuckDBStore, duckdb_path

from respons.store import StoreUnavailable, open_store
from respons.store.schema import SCHEMA_VERSION
from respons.testing import conformance_regime, generate, regime_path, write_jsonl


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.jsonl"
    write_jsonl(path, generate(conformance_regime(), 3))
    return path


def test_three_slashes_are_relative_four_absolute(tmp_path):
    assert duckdb_path("duckdb:///respons.duckdb") == "respons.duckdb"
    assert duckdb_path("duckdb:///data/x%20y.duckdb") == "data/x y.duckdb"
    assert duckdb_path(f"duckdb:///{tmp_path}/s.duckdb") == str(tmp_path / "s.duckdb")
    assert duckdb_path("duckdb:///:memory:") == ":memory:"


def test_a_relative_file_is_made_in_the_current_folder(respons, good, tmp_path):
    result = respons("ingest", str(regime_path()), str(good), "--store",
                     "duckdb:///here.duckdb", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "here.duckdb").is_file()
    info = respons("store", "info", "--store", "duckdb:///here.duckdb", cwd=tmp_path)
    assert f"(duckdb), schema version {SCHEMA_VERSION}" in info.output
    assert "3 records" in info.output


def _commands(good):
    return [("store", "info"), ("store", "init"), ("verify",),
            ("ingest", str(regime_path()), str(good))]


@pytest.mark.parametrize(("url", "phrase"), [
    ("duckdb:///:memory:", "names a database in memory, whose records would vanish when "
     "respons exits"),
    ("duckdb:///%00", "names a file with a NUL character (%00)"),
    ("duckdb://", "is not duckdb:///PATH"),
    ("duckdb:///", "names no file"),
])
def test_bad_urls_are_one_line(respons, good, tmp_path, url, phrase):
    for command in _commands(good):
        result = respons(*command, "--store", url, cwd=tmp_path)
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.startswith("error: ") and phrase in result.stderr, \
            (command, result.stderr)
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert list(tmp_path.iterdir()) == [good]


@pytest.mark.parametrize(("command", "phrase"), [
    (("store", "info"), "holds no records yet"), (("verify",), "holds no records yet"),
    (("store", "init"), "does not exist"), (("ingest",), "does not exist")])
def test_a_file_in_no_folder_is_not_made(respons, good, tmp_path, command, phrase):
    if command == ("ingest",):
        command = ("ingest", str(regime_path()), str(good))
    result = respons(*command, "--store", "duckdb:///nowhere/s.duckdb", cwd=tmp_path)
    assert result.exit_code == 2 and phrase in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.jsonl"]
    info = respons("store", "info", "--store", "duckdb:///s.duckdb", cwd=tmp_path)
    assert "holds no records yet" in info.stderr
    assert not (tmp_path / "s.duckdb").exists()  # looking does not create it


def test_a_store_in_memory_opens_for_tests_but_not_for_use(registry):
    with DuckDBStore("duckdb:///:memory:") as store:  # kept for its life: nothing to share
        store.ledger.init()
        assert store.transient == "a database in memory" and store.ledger.count() == 0
    with pytest.raises(StoreUnavailable, match="a database in memory"):
        open_store("duckdb:///:memory:", registry)


@pytest.mark.parametrize("kind", ["text", "sqlite", "empty", "folder"])
def test_a_file_that_is_not_a_duckdb_database_is_refused_and_left_alone(respons, good,
                                                                        tmp_path, kind):
    path = tmp_path / "store.duckdb"
    if kind == "text":
        path.write_text("not a database\n" * 300, "utf-8")
    elif kind == "sqlite":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE records (seq INTEGER)")
        connection.close()
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.mkdir()
    before = path.read_bytes() if path.is_file() else None
    for command in _commands(good):
        result = respons(*command, "--store", f"duckdb:///{path}")
        assert result.exit_code == 2, (command, result.output)
        expected = "is not a file" if kind == "folder" else "as a DuckDB database"
        assert expected in result.stderr and len(result.stderr.splitlines()) == 1, \
            result.stderr
    assert (path.read_bytes() if path.is_file() else None) == before

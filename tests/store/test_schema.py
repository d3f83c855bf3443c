"""The schema is the backend's own: created, migrated to a newer version, and a store from
a newer respons refused rather than misread."""

from __future__ import annotations

import sqlite3

import pytest

from respons.store import SchemaError, schema
from respons.store.sqlite import SQLiteStore

CURRENT = schema.SCHEMA_VERSION


def test_migration_to_a_later_version(tmp_path, monkeypatch, respons):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with SQLiteStore(url) as store:
        assert store.ledger.init() == CURRENT
    later = {**schema.MIGRATIONS,
             CURRENT + 1: lambda dialect: ["CREATE INDEX records_at_date ON records (at_date)"]}
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", CURRENT + 1)
    monkeypatch.setattr("respons.store.sql_ledger.SCHEMA_VERSION", CURRENT + 1)
    result = respons("store", "init", "--store", url)
    assert result.stdout == (f"{url}: schema version {CURRENT + 1} (migrated from version "
                             f"{CURRENT})\n")
    with sqlite3.connect(tmp_path / "store.db") as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "records_at_date" in names


def test_a_store_from_a_newer_respons_is_refused(tmp_path, respons):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with SQLiteStore(url) as store:
        store.ledger.init()
    with sqlite3.connect(tmp_path / "store.db") as connection:
        connection.execute("UPDATE store_info SET value = '99' WHERE key = 'schema_version'")
    with SQLiteStore(url) as store, pytest.raises(SchemaError, match="newer than"):
        store.ledger.head()
    for command in (["verify"], ["store", "info"], ["store", "init"]):
        result = respons(*command, "--store", url)
        assert result.exit_code == 2, command
        assert ("has schema version 99, newer than this respons reads "
                f"({CURRENT}): upgrade respons") in result.stderr

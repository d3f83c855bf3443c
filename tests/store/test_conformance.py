"""The store conformance suite (respons.testing) against every backend respons ships:
SQLite built in, PostgreSQL and DuckDB as plugins (skipped, with the reason, when one is
not installed or has no server)."""

from __future__ import annotations

import pytest

from respons.testing import StoreConformance

try:  # the DuckDB plugin's hooks for the suite, when it is installed
    from respons_duckdb.testing import DuckDBHooks
except ImportError:
    class DuckDBHooks:  # the tests skip (duckdb_url says why)
        pass


class TestSQLite(StoreConformance):
    @pytest.fixture
    def store_url(self, sqlite_url):
        return sqlite_url


class TestPostgreSQL(StoreConformance):
    @pytest.fixture
    def store_url(self, postgresql_url):
        return postgresql_url


class TestDuckDB(DuckDBHooks, StoreConformance):
    @pytest.fixture
    def store_url(self, duckdb_url):
        return duckdb_url

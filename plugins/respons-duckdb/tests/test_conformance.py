"""The respons store conformance suite against the DuckDB backend: a fresh file per test."""

from __future__ import annotations

import pytest
from respons_duckdb.testing import DuckDBHooks

from respons.testing import StoreConformance


class TestDuckDBStore(DuckDBHooks, StoreConformance):
    @pytest.fixture
    def store_url(self, tmp_path):
        return f"duckdb:///{tmp_path / 'store.duckdb'}"

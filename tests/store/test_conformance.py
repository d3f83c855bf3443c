"""The store conformance suite (respons.testing) against both backends respons ships."""

from __future__ import annotations

import pytest

from respons.testing import StoreConformance


class TestSQLite(StoreConformance):
    @pytest.fixture
    def store_url(self, sqlite_url):
        return sqlite_url


class TestPostgreSQL(StoreConformance):
    @pytest.fixture
    def store_url(self, postgresql_url):
        return postgresql_url

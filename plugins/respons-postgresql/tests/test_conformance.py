"""The respons store conformance suite against this backend — all a backend's tests need.

Each test gets a schema of its own on the server named by RESPONS_TEST_POSTGRESQL_URL
(default: the local test database), dropped afterwards. Without a server the tests are
skipped, and `pytest -ra` shows why.
"""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest

from respons.testing import StoreConformance

BASE = os.environ.get("RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def server():
    try:
        with psycopg.connect(BASE, connect_timeout=5):
            pass
    except psycopg.Error as error:
        pytest.skip(f"no PostgreSQL server at {BASE}: {str(error).strip().splitlines()[0]}")


class TestPostgreSQLStore(StoreConformance):
    @pytest.fixture
    def store_url(self, server):
        schema = f"respons_test_{uuid.uuid4().hex[:12]}"
        yield f"{BASE}{'&' if '?' in BASE else '?'}schema={schema}"
        with psycopg.connect(BASE, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

"""Fixtures for the duty engine tests: an `Engine` driving the CLI in a temporary folder,
and a PostgreSQL schema of its own (skipped with the reason when no server answers)."""

from __future__ import annotations

import os
import uuid

import pytest
from engine_helpers import Engine

DEFAULT_POSTGRESQL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture
def engine(respons, tmp_path):
    return Engine(respons, tmp_path)


def _postgresql_base() -> str:
    return os.environ.get("RESPONS_TEST_POSTGRESQL_URL", DEFAULT_POSTGRESQL)


def _postgresql_unavailable() -> str | None:
    """None when the tests can use the server, else why not."""
    try:
        import psycopg
        import respons_postgresql  # noqa: F401
    except ImportError as error:
        return (f"PostgreSQL backend not installed ({error}): python3 -m pip install -e "
                "plugins/respons-postgresql")
    try:
        with psycopg.connect(_postgresql_base(), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        text = str(error).strip()
        return f"no PostgreSQL server at {_postgresql_base()}: " + (
            text.splitlines()[0] if text else repr(error))
    return None


@pytest.fixture
def postgresql_store():
    """A store URL naming a fresh schema on the test server, dropped afterwards."""
    reason = _postgresql_unavailable()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"respons_engine_{uuid.uuid4().hex[:12]}"
    base = _postgresql_base()
    yield f"{base}{'&' if '?' in base else '?'}schema={schema}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

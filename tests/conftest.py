"""Shared fixtures: invoking the CLI in-process, and store URLs for the tests of every
folder — a temporary SQLite file, a temporary DuckDB file, and a fresh schema on a real
PostgreSQL server (``RESPONS_TEST_POSTGRESQL_URL``, default the local test database). When
no server answers, or the PostgreSQL or DuckDB backend is not installed, those tests are
skipped with the reason, which ``pytest -ra`` prints — never passed silently."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner


class Result:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception


@pytest.fixture
def respons():
    """Run `respons ARGS…` in-process (optionally in ``cwd``); returns exit code and output."""
    from respons.cli import main

    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        runner = CliRunner()
        previous = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            result = runner.invoke(main, list(args), input=input, catch_exceptions=True)
        finally:
            os.chdir(previous)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result)

    return run


DEFAULT_POSTGRESQL = "postgresql://postgres@127.0.0.1:5432/test"


def postgresql_base() -> str:
    return os.environ.get("RESPONS_TEST_POSTGRESQL_URL", DEFAULT_POSTGRESQL)


def _postgresql_ready() -> str | None:
    """None when tests can use the server, else why not."""
    try:
        import psycopg
        import respons_postgresql  # noqa: F401
    except ImportError as error:
        return (f"PostgreSQL backend not installed ({error}): python3 -m pip install -e "
                "plugins/respons-postgresql")
    try:
        with psycopg.connect(postgresql_base(), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return f"no PostgreSQL server at {postgresql_base()}: {first}"
    return None


@pytest.fixture(scope="session")
def postgresql_reason():
    return _postgresql_ready()


@pytest.fixture
def postgresql_url(postgresql_reason):
    """A URL naming a schema of its own on the test server, dropped afterwards."""
    if postgresql_reason:
        pytest.skip(postgresql_reason)
    import psycopg

    schema = f"respons_test_{uuid.uuid4().hex[:12]}"
    base = postgresql_base()
    yield f"{base}{'&' if '?' in base else '?'}schema={schema}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'store.db'}"


def _duckdb_ready() -> str | None:
    """None when the DuckDB backend is installed, else why not."""
    try:
        import duckdb  # noqa: F401
        import respons_duckdb  # noqa: F401
    except ImportError as error:
        return (f"DuckDB backend not installed ({error}): python3 -m pip install -e "
                "plugins/respons-duckdb")
    return None


@pytest.fixture(scope="session")
def duckdb_reason():
    return _duckdb_ready()


@pytest.fixture
def duckdb_url(tmp_path, duckdb_reason):
    """A URL naming a DuckDB file of its own (not created yet)."""
    if duckdb_reason:
        pytest.skip(duckdb_reason)
    return f"duckdb:///{tmp_path / 'store.duckdb'}"

"""The store tests take their store URLs (``sqlite_url``, ``postgresql_url``) from
tests/conftest.py, shared with the engine tests; ``store_url`` is each in turn, and
``raw_sql`` changes a store behind respons's back, as someone with the database could."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture(params=["sqlite", "postgresql", "duckdb"])
def store_url(request):
    """A fresh store URL on each backend."""
    return request.getfixturevalue(f"{request.param}_url")


def _run_sql(url: str, statements, fetch: bool = False):
    if url.startswith("duckdb:"):
        import duckdb
        from respons_duckdb.store import duckdb_path

        with duckdb.connect(duckdb_path(url)) as connection:
            rows = []
            for statement in statements:
                connection.execute(statement)
                rows.append(connection.fetchall() if fetch else None)
        return rows
    if url.startswith("sqlite:"):
        from respons.store.url import sqlite_path

        with sqlite3.connect(sqlite_path(url)) as connection:
            rows = [connection.execute(s).fetchall() for s in statements]
        connection.close()
        return rows
    import psycopg
    from respons_postgresql.store import split_url

    conninfo, schema = split_url(url)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        if schema:
            connection.execute(f'SET search_path TO "{schema}"')
        rows = []
        for statement in statements:
            cursor = connection.execute(statement)
            rows.append(cursor.fetchall() if fetch else None)
        return rows


@pytest.fixture
def raw_sql():
    """``raw_sql(url, *statements)`` runs SQL on a store directly; ``fetch=True`` returns
    the rows of each statement."""

    def run(url: str, *statements: str, fetch: bool = False):
        return _run_sql(url, statements, fetch)

    return run

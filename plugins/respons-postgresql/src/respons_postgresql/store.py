"""The PostgreSQL store: `respons.store.sql.SQLStore` over a psycopg 3 connection.

The shared base holds the schema, the chain and the engine's interface; this module gives
what PostgreSQL does differently: ``%s`` placeholders, an advisory lock per schema as the
write lock, ``= ANY(%s)`` for id lookups, COPY for appending rows, a server-side cursor for
reading the chain back, and read-only transactions for the engine's queries.

The URL is a libpq URI with one extra query parameter, ``schema``: the PostgreSQL schema
the store's tables live in (created by `init` when missing), so that several stores — or
tests — can share one database.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from collections.abc import Iterator, Sequence

import psycopg
from psycopg import sql

from respons.store.api import RECORD_COLUMNS, StoreUnavailable
from respons.store.sql import SQLStore
from respons.store.url import redact

_SCHEMA = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def split_url(url: str) -> tuple[str, str | None]:
    """(the libpq conninfo URI, the ``schema`` parameter or None)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - read for its check: a port that is not a number
    except ValueError as error:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        raise StoreUnavailable(f"store URL {redact(url)} is not a PostgreSQL URL "
                               f"({error}): write postgresql://user@host:5432/database"
                               ) from None
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    schemas = [value for key, value in query if key == "schema"]
    rest = [(key, value) for key, value in query if key != "schema"]
    schema = schemas[-1] if schemas else None
    if schema is not None and not _SCHEMA.match(schema):
        raise StoreUnavailable(f"store URL {redact(url)}: schema={schema!r} is not a plain "
                               "identifier (letters, digits, _; at most 63)")
    scheme = "postgresql" if parts.scheme == "postgres" else parts.scheme
    conninfo = urllib.parse.urlunsplit(parts._replace(
        scheme=scheme, query=urllib.parse.urlencode(rest)))
    return conninfo, schema


class PostgreSQLStore(SQLStore):
    dialect = "postgresql"
    placeholder = "%s"
    errors = (psycopg.Error,)

    def __init__(self, url: str, settings: dict | None = None) -> None:
        conninfo, self.schema = split_url(url)
        try:
            connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise StoreUnavailable(f"cannot connect to {redact(url)}: {reason}") from None
        super().__init__(connection, redact(url))
        if self.schema is not None:
            connection.execute(sql.SQL("SET search_path TO {}").format(
                sql.Identifier(self.schema)))

    def init(self) -> int:
        if self.schema is not None:
            self.connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                sql.Identifier(self.schema)))
        return super().init()

    def _table_exists(self, name: str) -> bool:
        row = self.connection.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()
        return bool(row[0])

    def _begin_write(self) -> None:
        # One writer per schema at a time; readers are not blocked. The lock goes with the
        # transaction, so a killed client cannot leave it held.
        self.connection.execute("BEGIN")
        self.connection.execute(
            "SELECT pg_advisory_xact_lock(hashtext('respons:' || current_schema()))")

    def _select_in(self, statement: str, values: Sequence[str]) -> list[tuple]:
        query = statement.replace("IN ({})", "= ANY(%s)")
        return self.connection.execute(query, (list(values),)).fetchall()

    def _write_rows(self, rows: Sequence[tuple]) -> None:
        copy_sql = f"COPY records ({', '.join(RECORD_COLUMNS)}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)

    @contextlib.contextmanager
    def _read_only(self):
        self.connection.execute("BEGIN READ ONLY")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _stream(self, statement: str) -> Iterator[tuple]:
        self.connection.execute("BEGIN READ ONLY")
        try:
            with self.connection.cursor(name="respons_scan") as cursor:
                cursor.itersize = 5000
                cursor.execute(statement)
                yield from cursor
        finally:
            with contextlib.suppress(psycopg.Error):
                self.connection.execute("ROLLBACK")

    def _json_text(self, column: str, key: str, bind) -> str:
        # The key is a parameter: ->> takes any text as a member's name.
        return f"(({column})::jsonb ->> {bind(key)})"

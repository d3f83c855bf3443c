"""The PostgreSQL store: `respons.store.sql.SQLStore` over a psycopg 3 connection.

The shared base holds the schema, the chain and the engine's interface; this module gives
what PostgreSQL does differently: its dialect (``%s`` placeholders, text compared bytewise,
JSON through jsonb, MATERIALIZED CTEs), an advisory lock per schema for each of the
store's two locks, ``= ANY(%s)`` for id lookups, COPY for every bulk insert (a file's
records, a temporary table's rows), a server-side cursor for reading rows back, and
read-only transactions for the engine's queries.

The URL is a libpq URI with one extra query parameter, ``schema``: the PostgreSQL schema
the store's tables live in (created by `init` when missing), so that several stores — or
tests — can share one database; PostgreSQL's own schemas (``information_schema``,
``pg_*``) are refused. A writer waits for the lock at most ``lock_timeout`` seconds
(``[plugins.postgresql]`` of respons.toml, default 60).

Whatever a driver says about a URL passes through `respons.store.masking` before it is
raised: libpq and urllib quote what they read, which can be a piece of the password.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
import uuid
from collections.abc import Iterator, Sequence
from typing import ClassVar

import psycopg
from psycopg import sql

from respons.sql.dialect import Dialect
from respons.store.api import LEDGER, StoreLocked, StoreUnavailable
from respons.store.masking import mask, password_candidates, user_information_end
from respons.store.sql import LOCK_TIMEOUT, SQLStore
from respons.store.url import redact

_SCHEMA = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

#: What a password must not hold unencoded, and how to write it instead: libpq and urllib
#: would end the password, or the host, there (or refuse the URL).
_ENCODE = {"/": "%2F", "?": "%3F", "#": "%23", "@": "%40", " ": "%20"}


def _unencoded(url: str) -> str | None:
    """Why the password of ``url`` cannot be read as the user meant it, or None."""
    rest = url.partition("://")[2]
    end = user_information_end(rest)
    password = rest[:end].partition(":")[2] if end >= 0 else ""
    held = [char for char in _ENCODE if char in password]
    if re.search(r"%(?![0-9A-Fa-f]{2})", password):
        held.append("%")
    if not held:
        return None
    return ("the password holds " + ", ".join(f"{c!r}" for c in held) + " unencoded: write "
            + ", ".join(f"{c!r} as {_ENCODE.get(c, '%25')}" for c in held))


def _is_system_schema(name: str) -> bool:
    # PostgreSQL reserves pg_* for itself; information_schema is the SQL standard's
    # catalogue. Either would mix the store's tables with the server's own.
    return name.lower() == "information_schema" or name.lower().startswith("pg_")


def split_url(url: str) -> tuple[str, str | None]:
    """(the libpq conninfo URI, the ``schema`` parameter or None)."""
    unencoded = _unencoded(url)
    if unencoded:
        raise StoreUnavailable(f"store URL {redact(url)}: {unencoded}")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - read for its check: a port that is not a number
    except ValueError as error:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        reason = "its port is not a number" if "could not be cast" in str(error) else error
        raise StoreUnavailable(mask(f"store URL {redact(url)} is not a PostgreSQL URL "
                                    f"({reason}): write postgresql://user@host:5432/database",
                                    password_candidates(url))) from None
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    schemas = [value for key, value in query if key == "schema"]
    rest = [(key, value) for key, value in query if key != "schema"]
    schema = schemas[-1] if schemas else None
    if schema is not None and not _SCHEMA.match(schema):
        raise StoreUnavailable(f"store URL {redact(url)}: schema={schema!r} is not a plain "
                               "identifier (letters, digits, _; at most 63)")
    if schema is not None and _is_system_schema(schema):
        raise StoreUnavailable(f"store URL {redact(url)}: schema={schema} is one of "
                               "PostgreSQL's own schemas (information_schema, pg_*): name a "
                               "schema of the store's own")
    scheme = "postgresql" if parts.scheme == "postgres" else parts.scheme
    conninfo = urllib.parse.urlunsplit(parts._replace(
        scheme=scheme, query=urllib.parse.urlencode(rest)))
    return conninfo, schema


def scratch(url: str, name: str):
    """A new schema in the database ``url`` names (its own ``schema`` parameter, if any,
    replaced), and what drops it with everything in it. The schema's name is random, so
    that scenarios run at the same time never meet; ``name`` is not needed for that."""
    conninfo, _ = split_url(url)  # refuses a URL the store would refuse
    schema = f"respons_scratch_{uuid.uuid4().hex[:16]}"
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if k != "schema"] + [("schema", schema)]
    scratch_url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))

    def dispose() -> None:
        try:
            with psycopg.connect(conninfo, autocommit=True, connect_timeout=10) as connection:
                connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                    sql.Identifier(schema)))
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise StoreUnavailable(mask(f"cannot drop the scratch schema {schema} of "
                                        f"{redact(url)}: {reason}",
                                        password_candidates(url))) from None

    return scratch_url, dispose


class PostgreSQLDialect(Dialect):
    """PostgreSQL's SQL. Text is ``COLLATE "C"`` so that it compares bytewise, as SQLite's
    does: ``ORDER BY`` gives the same rows in the same order on both. Its planner inlines
    a CTE used once — and would then run the completion subquery again for every row of
    a hash join over all records — so the engine's CTEs that are read once are
    MATERIALIZED."""

    name = "postgresql"
    materialize_hint = True
    types: ClassVar[dict[str, str]] = {"seq": "BIGINT", "text": 'TEXT COLLATE "C"',
                                       "integer": "BIGINT", "real": "DOUBLE PRECISION",
                                       "decimal": "NUMERIC(20, 6)"}

    def placeholder(self, index: int, name: str) -> str:
        return "%s"

    def literal(self, value) -> str:
        # %s placeholders: a literal % is written %%.
        return super().literal(value).replace("%", "%%")

    def append_only(self, table: str, message: str) -> list[str]:
        # One function raising the message, fired before any UPDATE or DELETE of a row and
        # before TRUNCATE; created in the store's schema (the search path's first).
        text = "'" + message.replace("'", "''") + "'"
        function = f"{table}_append_only"
        return [f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql "
                f"AS $body$ BEGIN RAISE EXCEPTION {text}; END $body$",
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()",
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"]

    def json_text(self, column: str, name: str, bind) -> str:
        # The member's name is a parameter: ->> takes any text as a name.
        return f"(({column})::jsonb ->> {bind(name)})"

    def json_number(self, column: str, name: str, bind) -> str:
        return f"((({column})::jsonb ->> {bind(name)})::DOUBLE PRECISION)"

    def json_is(self, column: str, name: str, value: bool, bind) -> str:
        return f"((({column})::jsonb -> {bind(name)}) = '{'true' if value else 'false'}'::jsonb)"

    def drop_temporary(self, name: str) -> str:
        return f"DROP TABLE IF EXISTS pg_temp.{name}"


class PostgreSQLStore(SQLStore):
    errors = (psycopg.Error,)
    plugin = "postgresql"

    def __init__(self, url: str, settings: dict | None = None,
                 lock_timeout: float = LOCK_TIMEOUT) -> None:
        conninfo, self.schema = split_url(url)
        self._opened_with = (url, settings)
        try:
            connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise StoreUnavailable(mask(f"cannot connect to {redact(url)}: {reason}",
                                        password_candidates(url))) from None
        super().__init__(connection, redact(url), PostgreSQLDialect(), lock_timeout)
        if self.schema is not None:
            connection.execute(sql.SQL("SET search_path TO {}").format(
                sql.Identifier(self.schema)))

    def reader(self) -> PostgreSQLStore:
        url, settings = self._opened_with
        return PostgreSQLStore(url, settings, self.lock_timeout)

    def _prepare(self) -> None:
        if self.schema is not None:
            self.connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                sql.Identifier(self.schema)))

    def _table_exists(self, name: str) -> bool:
        row = self.connection.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()
        return bool(row[0])

    def _begin_write(self, lock: str = LEDGER) -> None:
        # One writer per schema at a time; readers are not blocked. The lock goes with the
        # transaction, so a killed client cannot leave it held. lock_timeout bounds the
        # wait for it (and for any other lock the transaction waits for) as SQLite's
        # busy_timeout does.
        self.connection.execute("BEGIN")
        try:
            self.connection.execute("SELECT set_config('lock_timeout', %s, true)",
                                    (f"{max(int(self.lock_timeout * 1000), 1)}ms",))
            # One advisory lock per schema and per lock: ingest and publishing results
            # do not wait for each other.
            prefix = "respons:" if lock == LEDGER else f"respons-{lock}:"
            self.connection.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s || current_schema()))", (prefix,))
        except psycopg.errors.LockNotAvailable:
            self.connection.execute("ROLLBACK")
            raise StoreLocked(self.locked_message()) from None
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                self.connection.execute("ROLLBACK")
            raise

    def _select_in(self, statement: str, values: Sequence[str]) -> list[tuple]:
        query = statement.replace("IN ({})", "= ANY(%s)")
        return self.connection.execute(query, (list(values),)).fetchall()

    def _insert_rows(self, table: str, columns: Sequence[str], rows) -> None:
        # COPY for every bulk insert — a file's records, a temporary table's rows (the
        # scores an assessment publishes, the calendar's tables): executemany sends a
        # statement per row, COPY one stream (22,000 assessment scores: 0.7 s → 0.1 s).
        copy_sql = f"COPY {table} ({self.dialect.columns(columns)}) FROM STDIN"
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

    def _stream(self, statement: str, params: Sequence = ()) -> Iterator[tuple]:
        self.connection.execute("BEGIN READ ONLY")
        try:
            with self.connection.cursor(name="respons_scan") as cursor:
                cursor.itersize = 5000
                cursor.execute(statement, tuple(params))
                yield from cursor
        finally:
            with contextlib.suppress(psycopg.Error):
                self.connection.execute("ROLLBACK")

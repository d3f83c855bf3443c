"""respons-postgresql: keep respons records in PostgreSQL (``postgresql://…`` store URLs).

The worked example of a storage backend living outside respons: this module implements
the ``respons_storage_backends`` hook and is registered through the ``respons.plugins``
entry point in this distribution's pyproject.toml; the store itself is in
`respons_postgresql.store`. See README.md for how to write a backend of your own.
"""

from __future__ import annotations

from respons import hookimpl
from respons.registry import SettingsTable, StorageBackend

__version__ = "0.1.0"


def open_postgresql(url: str, settings: dict):
    # Imported here so that `respons check` never pays for loading psycopg.
    from respons.store.sql import lock_timeout
    from respons_postgresql.store import PostgreSQLStore

    return PostgreSQLStore(url, settings, lock_timeout(settings, "postgresql"))


def scratch_postgresql(url: str, name: str):
    from respons_postgresql.store import scratch

    return scratch(url, name)


# Descriptors are keyword-only; ``api_version`` is the major version of respons's plugin
# interface this backend is written for (respons.registry.PLUGIN_API_VERSION when it was):
# a respons that speaks another refuses the plugin with one line instead of misusing it.
API_VERSION = 1


@hookimpl
def respons_storage_backends() -> list[StorageBackend]:
    return [StorageBackend(
        name="postgresql", schemes=("postgresql", "postgres"), open=open_postgresql,
        scratch=scratch_postgresql,
        description="PostgreSQL server via psycopg 3 (postgresql://user@host/db?schema=NAME); "
                    "settings: lock_timeout", api_version=API_VERSION)]


@hookimpl
def respons_settings() -> list[SettingsTable]:
    return [SettingsTable(plugin="postgresql", keys={
        "lock_timeout": "seconds a writer waits for the store's write lock (default 60)"},
        description="the PostgreSQL store", api_version=API_VERSION)]

"""respons-duckdb: keep respons records in a DuckDB file (``duckdb:///…`` store URLs).

DuckDB is an embedded analytical database: one file, like SQLite, with a columnar,
vectorised engine that runs the duty engine's set-oriented SQL several times faster. This
module implements the ``respons_storage_backends`` and ``respons_settings`` hooks and is
registered through the ``respons.plugins`` entry point in this distribution's
pyproject.toml; the store is in `respons_duckdb.store`.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from respons import hookimpl
from respons.registry import SettingsTable, StorageBackend

__version__ = "0.1.0"


def open_duckdb(url: str, settings: dict):
    # Imported here so that `respons check` never pays for loading DuckDB.
    from respons.store.sql import lock_timeout
    from respons_duckdb.store import DuckDBStore

    return DuckDBStore(url, lock_timeout(settings, "duckdb"))


def scratch_duckdb(url: str, name: str):
    """A new DuckDB file in a temporary folder of its own (for `respons test --store`),
    and what removes the folder: nothing is written beside the file ``url`` names."""
    folder = Path(tempfile.mkdtemp(prefix="respons-scratch-"))
    file = folder / (re.sub(r"[^A-Za-z0-9_-]", "_", name)[:64] or "scratch")
    return f"duckdb:///{file}.duckdb", lambda: shutil.rmtree(folder, ignore_errors=True)


@hookimpl
def respons_storage_backends() -> list[StorageBackend]:
    return [StorageBackend(
        name="duckdb", schemes=("duckdb",), open=open_duckdb, scratch=scratch_duckdb,
        description="embedded DuckDB file (duckdb:///path/to/file.duckdb); settings: "
                    "lock_timeout")]


@hookimpl
def respons_settings() -> list[SettingsTable]:
    return [SettingsTable(plugin="duckdb", keys={
        "lock_timeout": "seconds a command waits for the store's file and write lock "
                        "(default 60)"},
        description="the DuckDB store")]

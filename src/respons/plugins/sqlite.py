"""The built-in SQLite store (``sqlite:///path.db``), as a plugin.

Registered through the ``respons.plugins`` entry point ``sqlite`` exactly like an outside
storage backend, and ``trylast`` like every built-in; the store itself lives in
`respons.store.sqlite`. Another plugin serving ``sqlite://`` URLs is an error naming both
while this one is installed: disable ``sqlite`` to serve them with another.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from respons import hookimpl
from respons.registry import SettingsTable, StorageBackend


def open_sqlite(url: str, settings: dict):
    from respons.store.sql import lock_timeout
    from respons.store.sqlite import SQLiteStore

    return SQLiteStore(url, lock_timeout(settings, "sqlite"))


def scratch_sqlite(url: str, name: str):
    """A new SQLite file in a temporary folder of its own, and what removes the folder:
    where ``url`` points does not matter, nothing is written beside it."""
    folder = Path(tempfile.mkdtemp(prefix="respons-scratch-"))
    file = folder / (re.sub(r"[^A-Za-z0-9_-]", "_", name)[:64] or "scratch")
    return f"sqlite:///{file}.db", lambda: shutil.rmtree(folder, ignore_errors=True)


@hookimpl(trylast=True)
def respons_storage_backends() -> list[StorageBackend]:
    return [StorageBackend(
        name="sqlite", schemes=("sqlite",), open=open_sqlite, scratch=scratch_sqlite,
        description="embedded SQLite file (the default: sqlite:///respons.db); settings: "
                    "lock_timeout")]


@hookimpl(trylast=True)
def respons_settings() -> list[SettingsTable]:
    return [SettingsTable(plugin="sqlite", keys={
        "lock_timeout": "seconds a writer waits for the store's write lock (default 60)"},
        description="the SQLite store")]

"""`--rejects PATH` of `respons ingest` and `respons run`: which files the command reads,
so that PATH is none of them, and the one-line refusal when it is (exit 2).

A rejects file written over a file respons reads would destroy it: the records being
ingested, the SQLite store (and with it every record), a regime. So PATH is refused, before
anything is opened for writing, when it is (as a file, however spelled: see
``respons.store.rejects.same_file``) a records FILE of the command, the store with its
``-wal``, ``-shm`` and ``-journal`` files, the regime and every regime it builds on
(上位/参照/取代, as the check report lists them), the respons.toml in force, a calendar data
file it names, or anything inside respons's own installed folder (grammar, calendar data).
Documented in docs/cli.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import respons
from respons.commands.store import fail
from respons.store import StoreError
from respons.store.rejects import Protected, problem, same_file
from respons.store.url import redact, scheme_of, sqlite_path, transient
from respons.terminal import clean

#: The files SQLite keeps beside a database: its write-ahead log, the log's index, and the
#: rollback journal.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def shown(file: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) are
    written as ``\\xff``, so that the name can be printed and stored."""
    return os.fsencode(file).decode("utf-8", "backslashreplace")


def files_read(app, regime: str, sources, files, store_url: str | None) -> Protected:
    """(path, what it is) of every file the command reads or writes besides the rejects."""
    found = [(file, f"the records file {shown(file)}") for file in files]
    found.append((regime, f"the regime {shown(regime)}"))
    found += [(source, f"the regime {shown(source)}, which {shown(regime)} builds on")
              for source in sources if not same_file(source, regime)]
    url = app.store_url(store_url)
    try:
        path = sqlite_path(url) if scheme_of(url) == "sqlite" else None
    except StoreError:  # a malformed URL: opening the store says so
        path = None
    if path is not None and not transient(path):
        found.append((path, f"the store {redact(url)}"))
        found += [(path + suffix, f"the store's file {shown(path + suffix)}")
                  for suffix in SQLITE_COMPANIONS]
    settings = app.settings
    if settings.path is not None:
        found.append((str(settings.path), f"the configuration {settings.path}"))
    for name, calendar in sorted(settings.calendars.items()):
        data = calendar.get("data") if isinstance(calendar, dict) else None
        for file in data if isinstance(data, list) else ():
            found.append((file, f"calendar data {file} ([calendars.{name}] in "
                                f"{settings.path})"))
    return tuple(found)


def refuse_rejects(app, rejects: str | None, regime: str, sources, files,
                   store_url: str | None) -> Protected:
    """Stop (exit 2) when ``rejects`` is a file the command reads, a folder, or in a folder
    that cannot be written; else return the files read, for the check that
    `respons.store.rejects.Rejects` repeats before it moves the file into place."""
    if rejects is None:
        return ()
    protected = files_read(app, regime, sources, files, store_url)
    reason = problem(rejects, protected)
    if reason is None and _inside(rejects, Path(respons.__file__).parent):
        reason = "it is inside respons's own folder, whose files respons reads"
    if reason is not None:
        fail(clean(f"cannot write the rejects file {shown(rejects)}: {reason}"))
    return protected


def _inside(path: str, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False

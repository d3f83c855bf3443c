"""Putting a built site on disk in one step: all of it or nothing.

The files are written into a fresh folder beside the target and renamed into place, so a
reader — or a web server serving the folder — never sees half a site, and a failure (a full
disk, a folder that cannot be written) leaves the target as it was. A target that exists
must be a folder that is empty or holds a site `respons publish` wrote before (its index
names the generator and it holds nothing but the site's kinds of file): respons never
replaces a folder of someone else's files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from respons.report.site.markup import GENERATOR

#: What a site respons wrote holds: pages and its style sheet, no folder.
_SITE_SUFFIXES = (".html", ".css")


class PublishError(Exception):
    """The site cannot be written where asked: ``message`` says where and why, ``help``
    what to do."""

    def __init__(self, message: str, help: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.help = help


def is_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site `respons publish` wrote (and nothing else)."""
    index = folder / "index.html"
    try:
        entries = list(folder.iterdir())
        head = index.read_bytes()[:2048] if index.is_file() else b""
    except OSError:
        return False
    marker = f'<meta name="generator" content="{GENERATOR}">'.encode()
    return marker in head and all(
        entry.is_file() and not entry.is_symlink() and entry.suffix in _SITE_SUFFIXES
        for entry in entries)


def _refuse_target(out: Path) -> None:
    if not (out.exists() or out.is_symlink()):
        return
    if out.is_symlink() or not out.is_dir():
        raise PublishError(f"{out}: is not a folder",
                           "name a folder to write the site into (it is created if missing)")
    try:
        empty = not any(out.iterdir())
    except OSError as error:
        raise PublishError(f"{out}: cannot be read: {error.strerror}") from None
    if not empty and not is_site(out):
        raise PublishError(f"{out}: holds files that are not a site respons published",
                           "name a new or empty folder, or one respons publish wrote before")


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` (name → bytes) as the folder ``out``, replacing a site written
    there before; raise `PublishError` and leave ``out`` as it was when that cannot be."""
    out = Path(os.path.abspath(out))  # `.` and `site/..` by the folder they name
    here = Path.cwd()
    if out == here or out in here.parents:
        raise PublishError(f"{out}: is the current folder or holds it",
                           "name a folder of its own for the site, e.g. --out site")
    _refuse_target(out)
    parent = out.parent
    if not parent.is_dir():
        raise PublishError(f"{parent}: no such folder", "create it first, or name another")
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as error:
        raise PublishError(f"{parent}: cannot write into it: {error.strerror}") from None
    try:
        for name, data in files.items():
            path = temp / name
            path.write_bytes(data)
            path.chmod(0o644)
        temp.chmod(0o755)  # mkdtemp makes it private; a site is there to be served
        _swap(temp, out, parent)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        where = os.fsdecode(error.filename) if error.filename else str(out)
        raise PublishError(f"{where}: cannot write the site: {error.strerror or error}",
                           "nothing was changed") from None


def _swap(temp: Path, out: Path, parent: Path) -> None:
    """Rename ``temp`` to ``out``; an earlier site there is moved aside first and removed
    after, and moved back if the rename fails."""
    if not out.exists():
        os.rename(temp, out)
        return
    if not any(out.iterdir()):
        os.rename(temp, out)  # POSIX rename replaces an empty folder
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
    old.rmdir()
    os.rename(out, old)
    try:
        os.rename(temp, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)

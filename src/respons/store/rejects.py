"""The rejects file of an ingest: every bad line with its reasons, as JSON Lines — written
whole at the end or not at all, and never over a file respons reads.

The lines go to a temporary file in the folder of PATH, moved onto PATH (``os.replace``)
only by `Rejects.close` once every file is ingested; `Rejects.discard` (a failure, an
interrupt) removes it, so that an existing PATH is left as it was. A PATH that is not a
regular file — a device such as ``/dev/null``, a FIFO another program reads — cannot be
replaced and is written directly; a FIFO that no process reads is refused rather than
waited on. A symlink is followed: its target is replaced, the link kept.

Which files a command reads is the command's to say (``respons.commands.ingest``). Here
paths are compared by file identity — device and inode, so that ``./x`` and ``x``, a
symlink or a hard link are the same file — and, for a file that does not exist yet, by
resolved path. `Rejects.close` compares once more before the move: a store that did not
exist when the command started exists at its end.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: (path, what it is) of the files a command reads: what the rejects file may not be.
Protected = Sequence[tuple[str, str]]


class RejectsError(Exception):
    """The rejects file cannot be written; the message is one line naming it."""


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` are one file: by device and inode when both exist, else by
    resolved path (a file that does not exist yet is where it will be created)."""
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def clash(path: str, protected: Protected) -> str | None:
    """What of ``protected`` ``path`` is, or None."""
    for other, what in protected:
        if same_file(path, other):
            return what
    return None


def problem(path: str, protected: Protected = ()) -> str | None:
    """Why ``path`` cannot take the rejects, before anything is written; None when it can."""
    what = clash(path, protected)
    if what is not None:
        return f"it is {what}, which respons reads: name another file"
    target = Path(os.path.realpath(path))
    if target.is_dir():
        return "it is a folder"
    if not target.parent.is_dir():
        return f"{target.parent} is not a folder"
    if not target.exists() and not os.access(target.parent, os.W_OK):
        return f"{target.parent} is not a writable folder"
    return None


class Rejects:
    """The rejects file being written; `close` puts it in place, `discard` drops it."""

    def __init__(self, path: str | os.PathLike, protected: Protected = ()) -> None:
        self.path = Path(path)
        self.protected = tuple(protected)
        self.count = 0
        self._target = os.path.realpath(path)
        self._temporary: str | None = None
        try:
            mode = os.stat(self._target).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as error:
            raise self._error(error) from None
        try:
            if mode is not None and not stat.S_ISREG(mode):
                descriptor = self._open_special(mode)
            else:
                descriptor = self._open_temporary(mode)
            self.stream = open(descriptor, "w", encoding="utf-8")  # noqa: SIM115 - see close
        except OSError as error:
            self._remove()
            raise self._error(error) from None

    def _open_special(self, mode: int) -> int:
        """A device or a FIFO, opened for writing as it is (it cannot be replaced)."""
        flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
        if stat.S_ISFIFO(mode):
            try:  # without a reader, a FIFO would block the ingest: refuse it
                descriptor = os.open(self._target, flags | os.O_NONBLOCK)
            except OSError as error:
                if error.errno == errno.ENXIO:  # no process has the FIFO open for reading
                    raise RejectsError(f"cannot write the rejects file {self.path}: it is a "
                                       "FIFO that no process is reading") from None
                raise
            os.set_blocking(descriptor, True)
            return descriptor
        return os.open(self._target, flags)

    def _open_temporary(self, mode: int | None) -> int:
        folder, name = os.path.split(self._target)
        descriptor, self._temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp",
                                                       dir=folder or ".")
        if mode is None:  # as open() would create it: 0666 less the umask
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self._temporary, 0o666 & ~umask)
        else:
            os.chmod(self._temporary, stat.S_IMODE(mode))
        return descriptor

    def write(self, file: str, line: int, text: str, problems, diagnostics) -> None:
        errors = [{"code": d.code, "message": d.message, "help": d.help, "field": p.field,
                   "column": d.span.column} for p, d in zip(problems, diagnostics, strict=True)]
        entry = {"file": file, "line": line, "text": text, "errors": errors}
        if any(p.clipped for p in problems):
            entry["truncated"] = True  # a line over the limit: `text` is its beginning
        try:
            self.stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        except OSError as error:
            raise self._error(error) from None
        self.count += 1

    def flush(self) -> None:
        """Write out what is buffered: called before a file's records are committed, so
        that a file whose bad lines cannot be written is not stored either."""
        try:
            self.stream.flush()
        except OSError as error:
            raise self._error(error) from None

    def close(self) -> None:
        """Finish: the temporary file, synced, takes PATH's place."""
        try:
            self.stream.flush()
            if self._temporary is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
            if self._temporary is not None:
                what = clash(self._target, self.protected)
                if what is not None:
                    raise RejectsError(f"cannot write the rejects file {self.path}: it is "
                                       f"{what}, which respons reads: name another file")
                os.replace(self._temporary, self._target)
                self._temporary = None
        except OSError as error:
            raise self._error(error) from None
        finally:
            self._remove()

    def discard(self) -> None:
        """Give up: remove the temporary file; PATH stays as it was."""
        with contextlib.suppress(OSError):  # what could not be written is thrown away
            self.stream.close()
        self._remove()

    def _remove(self) -> None:
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None

    def _error(self, error: OSError) -> RejectsError:
        return RejectsError(f"cannot write the rejects file {self.path}: "
                            f"{error.strerror or error}")

"""Reading the text files respons is pointed at — regime files and respons.toml — safely.

Only regular files are read: a FIFO would block respons forever and a device such as
/dev/zero would be read until memory runs out. And a file is read only up to a size
limit, so that a file far larger than any real one is refused rather than parsed for
hours. Both are reported as an `OSError` whose message says why, which the callers
already turn into a diagnostic (R0001, R1002).

Records files are not read here: they are streamed (``respons.records.reader``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MiB = 1024 * 1024
#: The largest regime file read: a province of 10,000 agencies in one file is about 22 MiB.
MAX_REGIME_BYTES = 64 * MiB
#: The largest respons.toml read: a real one is a few hundred bytes.
MAX_CONFIG_BYTES = 1 * MiB


class NotReadable(OSError):
    """A path that names no regular file, or a file above the size limit."""

    def __str__(self) -> str:
        return self.args[0]


def read_limited(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises `NotReadable` for a FIFO, device, socket or folder and for a larger file, and
    `OSError` for a file that cannot be opened."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a
    # regular file. The type is checked on the open file, not on the path beforehand,
    # so that a path swapped in between cannot slip through.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotReadable(f"it is not a regular file ({_kind(mode)})")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotReadable(f"it is larger than {limit // MiB} MiB, the most respons reads "
                          "of such a file")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_regime_bytes(path: str | os.PathLike) -> bytes:
    return read_limited(path, MAX_REGIME_BYTES)


def read_config_text(path: str | os.PathLike) -> str:
    """respons.toml's text (UTF-8, a byte-order mark allowed)."""
    return read_limited(Path(path), MAX_CONFIG_BYTES).decode("utf-8-sig")

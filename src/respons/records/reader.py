"""Reading a JSON Lines records file: numbered lines, each a JSON object or a problem.

The file is read as bytes, a line at a time, so memory does not grow with the file; the
SHA-256 of the whole file is computed on the way (the store keeps it with the batch).
Blank lines are skipped but counted, so line numbers match an editor's. A byte-order mark
is allowed before the first line.

A line is refused (R1102) when it is not JSON text a record can be read from: not UTF-8,
invalid JSON, a member given twice, NaN or Infinity, arrays or objects nested more than
`MAX_DEPTH` deep (a record's fields hold single values), a string escaping half of a
UTF-16 surrogate pair (``"\\ud800"``), which is no Unicode character and cannot be stored
or hashed as UTF-8, or a string holding NUL (``"\\u0000"``), which PostgreSQL cannot store
in text (and SQLite and PostgreSQL must hold the same records).

A line is at most `MAX_LINE` bytes (1 MiB). A longer one is refused (R1102) without being
held: its first `MAX_LINE` bytes are read, the rest only hashed on the way to the next line,
so that memory stays bounded even for a file of one endless line. Records files are
regular files only (`open_regular`): a FIFO or a device (``/dev/zero``) never ends and is
refused before a byte is read.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import json.scanner
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from respons.records.schema import Problem

#: How deep arrays and objects may nest in a line. A record is one object of single
#: values, so 2 would do; a little more lets a wrong value (a list where text belongs) be
#: reported as a value of the wrong type, with the field it is in.
MAX_DEPTH = 32

#: The longest line, in bytes without its line ending: a record is a few hundred bytes, a
#: long one with a case summary a few thousand. A longer line is refused, not read.
MAX_LINE = 1 << 20

#: How much of a line longer than `MAX_LINE` is kept, to show and to write to the rejects.
CLIPPED = 1024

#: Bytes read at a time while skipping the rest of a line longer than `MAX_LINE`.
_SKIP = 1 << 16

#: A ``\\uD800``–``\\uDFFF`` or ``\\u0000`` escape: the only way a JSON line that is
#: UTF-8 can hold a lone surrogate (pairs are joined into one character by the decoder; a
#: lone one stays) or a NUL (JSON forbids raw control characters in strings).
_BAD_ESCAPE = re.compile(r"\\u(?:[dD][89abcdefABCDEF]|0000)")


class DuplicateMember(ValueError):
    pass


class NotRegularFile(OSError):
    """A records file that is not a regular file: a FIFO, a device, a socket."""


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (the check is made on
    the file opened, so nothing can be swapped in between); else `NotRegularFile`.

    The file is opened without blocking, so that a FIFO without a writer is refused rather
    than waited on, and without becoming a controlling terminal.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) \
                or stat.S_ISBLK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a file"
            raise NotRegularFile(None, f"{kind}, not a regular file", str(path))
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(descriptor, True)
        return open(descriptor, "rb")  # the caller closes it
    except BaseException:
        os.close(descriptor)
        raise


def lines(stream: BinaryIO, update: Callable[[bytes], object] = lambda _: None
          ) -> Iterator[tuple[bytes, int]]:
    """Each line of ``stream`` as (its bytes, its length in bytes), line ending included.

    A line longer than `MAX_LINE` comes as its first bytes only — a little more than
    `MAX_LINE` — with its whole length; the rest of it is passed to ``update`` (which sees
    every byte of the stream, in order) but never held.
    """
    readline, cap = stream.readline, MAX_LINE + 2  # the line, and \r\n
    while data := readline(cap):
        update(data)
        if len(data) < cap or data[-1:] == b"\n":
            yield data, len(data)
            continue
        size = len(data)
        while more := readline(_SKIP):
            update(more)
            size += len(more)
            if more[-1:] == b"\n":
                break
        yield data, size


def too_long(data: bytes, size: int) -> bool:
    """Whether a line from `lines` is longer than `MAX_LINE` (its ending not counted)."""
    return size > len(data) or (len(data) > MAX_LINE
                                and len(data.rstrip(b"\r\n")) > MAX_LINE)


def beginning(data: bytes) -> str:
    """The first `CLIPPED` bytes of a line as text, without a character cut in two."""
    return codecs.getincrementaldecoder("utf-8")("replace").decode(data[:CLIPPED])


def printable(text: str) -> str:
    """``text`` with any lone surrogate written as its ``\\uXXXX`` escape, for messages."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")




def _object(pairs):
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise DuplicateMember(twice)
    return record


def _constant(name):
    raise ValueError(f"{name} is not a JSON value")


_decoder = json.JSONDecoder(object_pairs_hook=_object, parse_constant=_constant)
_decode = _decoder.decode
_scan = json.scanner.make_scanner(_decoder)


def parse(text: str):
    """One line's JSON value. The scanner is called directly on the usual line, which
    starts with `{`: `decode` would spend as long again on whitespace checks. Anything
    unusual, and every error, goes through `decode` for its exact message."""
    if text[:1] == "{":
        try:
            value, end = _scan(text, 0)
        except (StopIteration, ValueError):
            return _decode(text)
        if end == len(text) or not text[end:].strip():
            return value
    return _decode(text)


class RecordFile:
    """A records file; iterate for ``(line number, text, value, problem or None)``.

    The value is the line's JSON value, or None when it could not be read; when a problem
    is given the value is not to be checked, only to show whether it was an object.
    """

    def __init__(self, path: str | Path, progress: Callable[[int], None] | None = None):
        self.path = Path(path)
        self.progress = progress
        self.sha256 = ""
        self.lines = 0

    def __iter__(self) -> Iterator[tuple[int, str, object, Problem | None]]:
        digest = hashlib.sha256()
        done = 0
        with open_regular(self.path) as stream:
            for number, (data, size) in enumerate(lines(stream, digest.update), 1):
                self.lines = number
                if self.progress is not None and number % 4096 == 0:
                    self.progress(done)
                done += size
                if number == 1 and data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
                if size > MAX_LINE and too_long(data, size):
                    text = beginning(data)
                    # Unread, it still counts as an object when it opens as one.
                    yield number, text, {} if text.lstrip()[:1] == "{" else None, Problem(
                        "R1102", f"line is longer than the {MAX_LINE:,} bytes (1 MiB) a "
                        "line may have; it was not read", None,
                        "a record is one line of at most 1 MiB: keep long documents "
                        "outside the records file and refer to them", 1, clipped=True)
                    continue
                try:
                    text = data.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as error:
                    yield number, data.decode("utf-8", "replace").rstrip("\r\n"), None, Problem(
                        "R1102", f"line is not UTF-8 text (byte {error.start + 1})", None,
                        "save records files as UTF-8")
                    continue
                if not text or text.isspace():
                    continue
                try:
                    value = parse(text)
                except DuplicateMember as twice:
                    name = printable(str(twice))
                    yield number, text, None, Problem(
                        "R1102", f"the record gives member '{name}' twice", name,
                        "give each member once: JSON readers disagree on which one counts")
                    continue
                except RecursionError:  # a parser's stack: deeper than any record goes
                    # Unread, it still counts as an object when it opens as one.
                    yield number, text, {} if text.lstrip()[:1] == "{" else None, _too_deep()
                    continue
                except ValueError as error:
                    yield number, text, None, Problem(
                        "R1102", f"line is not valid JSON: {_reason(error)}", None,
                        "each line of a records file is one JSON object",
                        getattr(error, "colno", None))
                    continue
                # The usual line has no escape and no nesting: two finds and a count.
                if "\\u" in text or ("[" in text and text.count("[") + text.count("{")
                                        > MAX_DEPTH) or text.count("{") > MAX_DEPTH:
                    # A refused value is still given: the line held a JSON object, or not.
                    yield number, text, value, _shape_problem(text, value)
                else:
                    yield number, text, value, None
        if self.progress is not None:
            self.progress(done)
        self.sha256 = digest.hexdigest()


def _reason(error: ValueError) -> str:
    if "integer string conversion" in str(error):  # Python's limit on digits, 4300
        return "a number has thousands of digits"
    return getattr(error, "msg", None) or str(error)


def _too_deep() -> Problem:
    return Problem("R1102", f"line nests arrays or objects more than {MAX_DEPTH} deep", None,
                   "a record is one JSON object whose fields hold single values: text, "
                   "numbers, true or false", 1)


def _shape_problem(text: str, value) -> Problem | None:
    """Too deep, or text no store can keep: checked only on lines that could be (the
    usual line has no nesting and no such escape, and costs two counts and a find)."""
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        return _too_deep()
    if "\\u" in text and _BAD_ESCAPE.search(text):
        return _text_problem(text, value)
    return None


def _depth(value) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((inner, depth + 1) for inner in
                         (item.values() if isinstance(item, dict) else item))
    return deepest


def _unstorable(text: str) -> str | None:
    """What makes ``text`` unstorable — a lone surrogate, a NUL — or None."""
    if "\0" in text:
        return "nul"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "surrogate"
    return None


_WHY = {
    "surrogate": ("half of a UTF-16 surrogate pair (a lone \\uD800–\\uDFFF escape), which "
                  "is no Unicode character", "write the character itself in UTF-8, or escape "
                  "both halves of the pair (\"\\ud83d\\ude00\" is one character)"),
    "nul": ("the character U+0000 (NUL, written \\u0000), which PostgreSQL cannot keep in "
            "text", "remove it: no store may hold what another cannot"),
}


def _text_problem(text: str, value) -> Problem | None:
    """The first member (of the record, or of the line's value) holding a text that is
    not Unicode (a lone surrogate) or that holds NUL."""
    members = value.items() if isinstance(value, dict) else [(None, value)]
    for key, item in members:
        why = _unstorable(key) if key is not None else None
        if why:
            return _unstorable_problem(text, key, "the name of member", why)
        stack = [item]
        while stack:
            inner = stack.pop()
            why = _unstorable(inner) if isinstance(inner, str) else None
            if why:
                return _unstorable_problem(text, key, "member", why)
            if isinstance(inner, dict):
                stack.extend(inner.keys())
                stack.extend(inner.values())
            elif isinstance(inner, list):
                stack.extend(inner)
    return None


def _unstorable_problem(text: str, key: str | None, where: str, why: str) -> Problem:
    name = printable(key).replace("\0", "\\u0000") if key is not None else None
    column = None
    if name is not None:
        at = text.find(json.dumps(key) + ":")  # the name as ASCII escapes, as it is written
        column = at + 1 if at >= 0 else None
    subject = f"{where} '{name}' holds" if name is not None else "the line holds"
    message, help = _WHY[why]
    return Problem("R1102", f"{subject} {message}", name, help,
                   column or (None if name else 1))

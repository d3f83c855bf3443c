"""Reading a JSON Lines records file: numbered lines, each a JSON object or a problem.

The file is read as bytes, a line at a time, so memory does not grow with the file; the
SHA-256 of the whole file is computed on the way (the store keeps it with the batch).
Blank lines are skipped but counted, so line numbers match an editor's. A byte-order mark
is allowed before the first line.
"""

from __future__ import annotations

import hashlib
import json
import json.scanner
from collections.abc import Callable, Iterator
from pathlib import Path

from respons.records.schema import Problem


class DuplicateMember(ValueError):
    pass


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
    """A records file; iterate for ``(line number, text, record or None, problem or None)``."""

    def __init__(self, path: str | Path, progress: Callable[[int], None] | None = None):
        self.path = Path(path)
        self.progress = progress
        self.sha256 = ""
        self.lines = 0

    def __iter__(self) -> Iterator[tuple[int, str, object, Problem | None]]:
        digest = hashlib.sha256()
        done = 0
        with open(self.path, "rb") as stream:
            for number, data in enumerate(stream, 1):
                digest.update(data)
                self.lines = number
                if self.progress is not None and number % 4096 == 0:
                    self.progress(done)
                done += len(data)
                if number == 1 and data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
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
                    yield number, text, parse(text), None
                except DuplicateMember as twice:
                    yield number, text, None, Problem(
                        "R1102", f"the record gives member {str(twice)!r} twice", str(twice),
                        "give each member once: JSON readers disagree on which one counts")
                except ValueError as error:
                    yield number, text, None, Problem(
                        "R1102", f"line is not valid JSON: {_reason(error)}", None,
                        "each line of a records file is one JSON object",
                        getattr(error, "colno", None))
        if self.progress is not None:
            self.progress(done)
        self.sha256 = digest.hexdigest()


def _reason(error: ValueError) -> str:
    return getattr(error, "msg", None) or str(error)

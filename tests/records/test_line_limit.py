"""Limits on what a records file may make respons hold or print: a line is at most 1 MiB
(refused beyond, R1102, without being held in memory), the source line under a caret is a
window around the column, and a records file is a regular file (a FIFO or a device is
refused before a byte is read, never waited on or read without end)."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from respons.diagnostics.diagnostic import Diagnostic
from respons.diagnostics.render import render_text
from respons.model.base import Span
from respons.records.reader import MAX_LINE, NotRegularFile, RecordFile

CASE = {"id": "c1", "type": "案件.立案", "at": "2024-01-01", "案件编号": "A1",
        "机关": "市场监管局", "职权": "行政处罚"}


def _line(**changes) -> str:
    return json.dumps(dict(CASE, **changes), ensure_ascii=False)


def _stored(respons, store_arg) -> int:
    info = respons("store", "info", store_arg, "--format", "json")
    return json.loads(info.stdout)["records"] if info.exit_code == 0 else 0


def _padded(size: int, id: str = "long") -> str:
    """A valid record line of exactly ``size`` bytes (its 案情 padded with ASCII)."""
    bare = _line(id=id, 案情="")
    return _line(id=id, 案情="x" * (size - len(bare.encode("utf-8"))))


def test_a_line_of_exactly_one_mib_is_a_record(respons, regime, store_arg, tmp_path):
    path = tmp_path / "edge.jsonl"
    line = _padded(MAX_LINE)
    assert len(line.encode("utf-8")) == MAX_LINE
    path.write_text(line + "\r\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 0, result.stderr[:500]


def test_a_longer_line_is_refused_naming_the_line(respons, regime, store_arg, tmp_path):
    path, rejects = tmp_path / "long.jsonl", tmp_path / "rejects.jsonl"
    long = _padded(MAX_LINE + 1)
    path.write_text(f"{_line()}\n{long}\n{_line(id='c2')}\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg, "--rejects", str(rejects))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first == (f"{path}:2:1: error R1102: line is longer than the 1,048,576 bytes "
                     "(1 MiB) a line may have; it was not read"), first
    assert len(result.stderr) < 2000, "the line is not echoed"
    assert _stored(respons, store_arg) == 2
    (entry,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert entry["line"] == 2 and entry["truncated"] is True
    assert long.startswith(entry["text"]) and 1020 < len(entry["text"].encode("utf-8")) <= 1024
    assert entry["errors"][0]["code"] == "R1102"


def test_an_endless_line_is_not_held_in_memory(tmp_path):
    """20 MiB without a newline: read, hashed and refused holding about 1 MiB."""
    path = tmp_path / "endless.jsonl"
    chunk = b'{"id": "' + b"x" * (1 << 20)
    with open(path, "wb") as stream:
        for _ in range(20):
            stream.write(chunk)
    source = RecordFile(path)
    tracemalloc.start()
    try:
        (item,) = list(source)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    number, _, value, problem = item
    assert (number, problem.code, problem.clipped) == (1, "R1102", True)
    assert value == {}, "it opens as an object: the file is a records file"
    assert peak < 4 * MAX_LINE, f"peak {peak:,} bytes"
    import hashlib

    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_caret_line_is_a_window_around_the_column(respons, regime, store_arg, tmp_path):
    """A bad member far along a long (but allowed) line: the line is shown clipped around
    it, with the caret under the member."""
    path = tmp_path / "wide.jsonl"
    line = _line(案情="x" * 500_000)[:-1] + ', "多余": 1}'
    path.write_text(line + "\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 1
    message, source, caret = result.stderr.splitlines()[:3]
    assert "error R1106" in message
    column = int(message.split(":")[2])
    assert column > 500_000
    assert len(source) < 400 and len(caret) < 400
    assert source.startswith("   1 | …")
    under = caret.index("^")
    assert source[under:].startswith('"多余"')


def test_render_text_clips_around_the_column_and_keeps_the_caret_under_it():
    line = "a" * 1000 + "坏" + "b" * 1000
    diagnostic = Diagnostic("R1102", "error", "m", Span("f", 1, 1001, 1, 1002))
    text = render_text([diagnostic], lambda _: [line], summary=False)
    _, source, caret, *_ = text.splitlines()
    assert source.startswith("   1 | …") and source.endswith("…")
    assert len(source) < 400
    # 坏 takes two columns: the caret is as wide, and below it.
    assert caret.strip(" |").startswith("^~")
    prefix = source[:source.index("坏")]
    assert caret.index("^") == len(prefix)


def test_short_lines_are_shown_whole():
    line = "x" * 300
    diagnostic = Diagnostic("R1102", "error", "m", Span("f", 1, 300, 1, 301))
    _, source, caret, *_ = render_text([diagnostic], lambda _: [line],
                                       summary=False).splitlines()
    assert source == "   1 | " + line
    assert caret.index("^") == len("   1 | ") + 299


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_records_file_must_be_a_regular_file(tmp_path, kind, deadline):
    deadline(20)
    if kind == "fifo":
        path = tmp_path / "records.fifo"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero on this system")
    with pytest.raises(NotRegularFile) as error:
        list(RecordFile(path))
    assert error.value.filename == str(path)


@pytest.mark.parametrize("kind", ["fifo", "symlink to a fifo", "device"])
def test_ingest_refuses_what_is_not_a_regular_file(respons, regime, store_arg, tmp_path, kind,
                                                   deadline):
    deadline(20)
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    path = {"fifo": fifo, "device": Path("/dev/zero"), "symlink to a fifo": tmp_path / "l"}[kind]
    if kind == "symlink to a fifo":
        path.symlink_to(fifo)
    if not path.exists():
        pytest.skip(f"no {path} on this system")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: error R1101: cannot read {path}: not a "
                                    "regular file")

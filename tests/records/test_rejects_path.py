"""`--rejects PATH` of `respons ingest` and `respons run`: refused (exit 2, before anything is
opened for writing) when PATH is a file respons reads — a records file, the store and its
companions, the regime and every regime it builds on, respons.toml, calendar data — however
it is spelled; and written to a temporary file moved into place at the end, so that a run
that fails leaves an existing PATH as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from respons.testing import conformance_regime, generate, write_jsonl

COMMANDS = ["ingest", "run"]


def _records(path: Path, count: int = 5, bad: int = 0, prefix: str = "R") -> Path:
    records = list(generate(conformance_regime(), count, prefix=prefix))
    records += [{"id": f"bad-{n}", "type": "投诉举报.答付", "at": "2024-01-01"}
                for n in range(bad)]
    write_jsonl(path, records)
    return path


def _stored(respons, store: str) -> int:
    info = respons("store", "info", f"--store={store}", "--format", "json")
    assert info.exit_code == 0, info.stderr
    return json.loads(info.stdout)["records"]


def _refused(result, *phrases: str) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: cannot write the rejects file ")
    for phrase in phrases:
        assert phrase in line, line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("spelling", ["in.jsonl", "./in.jsonl", "sub/../in.jsonl", "link.jsonl",
                                      "hard.jsonl"])
def test_an_input_is_refused_however_it_is_spelled(respons, regime, tmp_path, command,
                                                   spelling):
    path = _records(tmp_path / "in.jsonl")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.jsonl").symlink_to(path)
    os.link(path, tmp_path / "hard.jsonl")
    before = path.read_bytes()
    result = respons(command, regime, "in.jsonl", "--store=sqlite:///store.db",
                     "--rejects", spelling, cwd=tmp_path)
    _refused(result, f"the rejects file {spelling}: it is the records file in.jsonl")
    assert path.read_bytes() == before
    assert not (tmp_path / "store.db").exists(), "refused before the store is opened"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("spelling", "what"), [
    ("store.db", "the store sqlite:///store.db"), ("./store.db", "the store"),
    ("store-link.db", "the store"), ("store.db-wal", "the store's file store.db-wal"),
    ("store.db-shm", "the store's file store.db-shm"),
    ("store.db-journal", "the store's file store.db-journal")])
def test_the_store_and_its_companions_are_refused(respons, regime, tmp_path, command, spelling,
                                                  what):
    store = "sqlite:///store.db"
    assert respons("ingest", regime, str(_records(tmp_path / "a.jsonl")), f"--store={store}",
                   cwd=tmp_path).exit_code == 0
    (tmp_path / "store-link.db").symlink_to(tmp_path / "store.db")
    more = _records(tmp_path / "b.jsonl", bad=2, prefix="S")
    result = respons(command, regime, str(more), f"--store={store}", "--rejects", spelling,
                     cwd=tmp_path)
    _refused(result, what)
    verify = respons("verify", f"--store=sqlite:///{tmp_path / 'store.db'}")
    assert verify.exit_code == 0, verify.stdout + verify.stderr
    assert _stored(respons, f"sqlite:///{tmp_path / 'store.db'}") == 5


def test_a_store_not_created_yet_is_refused_too(respons, regime, tmp_path):
    result = respons("ingest", regime, str(_records(tmp_path / "a.jsonl", bad=1)),
                     "--store=sqlite:///new.db", "--rejects", "new.db", cwd=tmp_path)
    _refused(result, "the store sqlite:///new.db")
    assert not (tmp_path / "new.db").exists()


BASE = "制度 上位规定 {\n  层级 省\n  施行 2020-01-01\n}\n\n记录 K {\n  主键 号\n  事件 e\n}\n"
LIB = "制度 参照规定 {\n  层级 省\n  施行 2020-01-01\n}\n\n记录 L {\n  主键 号\n  事件 e\n}\n"
OLD = "制度 旧版 {\n  层级 市\n  施行 2021-01-01\n  上位 base\n}\n"
CHILD = "制度 新版 {\n  层级 市\n  施行 2022-01-01\n  上位 base\n  参照 lib\n  取代 old\n}\n"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("target", "what"), [
    ("child.resp", "the regime child.resp"),
    ("base.resp", "the regime base.resp, which child.resp builds on"),
    ("lib.resp", "the regime lib.resp, which child.resp builds on"),
    ("old.resp", "the regime old.resp, which child.resp builds on")])
def test_the_regime_and_every_regime_it_builds_on_are_refused(respons, tmp_path, command,
                                                              target, what):
    for name, text in (("base", BASE), ("lib", LIB), ("old", OLD), ("child", CHILD)):
        (tmp_path / f"{name}.resp").write_text(text, "utf-8")
    records = tmp_path / "in.jsonl"
    records.write_text('{"id": "1", "type": "K.e", "at": "2023-01-01", "号": "A"}\n'
                       '{"id": "2", "type": "K.x", "at": "2023-01-01", "号": "A"}\n', "utf-8")
    before = (tmp_path / target).read_bytes()
    result = respons(command, "child.resp", "in.jsonl", "--store=sqlite:///store.db",
                     "--rejects", target, cwd=tmp_path)
    _refused(result, what)
    assert (tmp_path / target).read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_the_configuration_and_calendar_data_are_refused(respons, regime, tmp_path, command):
    (tmp_path / "extra.toml").write_text("", "utf-8")
    config = tmp_path / "respons.toml"
    config.write_text('[calendars.cn]\ndata = ["extra.toml"]\n', "utf-8")
    records = _records(tmp_path / "in.jsonl", bad=1)
    for target, what in (("respons.toml", "it is the configuration "),
                         ("extra.toml", "calendar data")):
        before = (tmp_path / target).read_bytes()
        result = respons(command, regime, str(records), "--store=sqlite:///store.db",
                         "--rejects", target, cwd=tmp_path)
        _refused(result, what)
        assert (tmp_path / target).read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unwritable_folder_is_refused_before_the_store_is_made(respons, regime, tmp_path,
                                                                  command):
    records = _records(tmp_path / "in.jsonl", bad=1)
    result = respons(command, regime, str(records), "--store=sqlite:///store.db",
                     "--rejects", "missing/rejects.jsonl", cwd=tmp_path)
    _refused(result, "missing/rejects.jsonl")
    assert not (tmp_path / "store.db").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_rejects_are_moved_into_place_only_at_the_end(respons, regime, tmp_path, monkeypatch,
                                                      command):
    """An interrupted ingest leaves the rejects file of an earlier run as it was, and no
    temporary file behind."""
    from respons.store import ingest as pipeline

    first = _records(tmp_path / "a.jsonl", bad=1)
    second = _records(tmp_path / "b.jsonl", bad=1, prefix="S")
    rejects = tmp_path / "rejects.jsonl"
    rejects.write_text("kept\n", "utf-8")
    real, calls = pipeline.ingest_file, []

    def interrupted(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ingest_file", interrupted)
    import respons.commands.ingest as command_module

    monkeypatch.setattr(command_module, "ingest_file", interrupted)
    result = respons(command, regime, str(first), str(second), "--store=sqlite:///store.db",
                     "--rejects", str(rejects), cwd=tmp_path)
    assert result.exit_code != 0
    assert rejects.read_text("utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == \
        ["a.jsonl", "b.jsonl", "rejects.jsonl", "store.db"], "no temporary file is left"


def test_a_finished_ingest_replaces_the_rejects_file(respons, regime, tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    rejects.write_text("old\n", "utf-8")
    rejects.chmod(0o640)
    result = respons("ingest", regime, str(_records(tmp_path / "a.jsonl", bad=2)),
                     "--store=sqlite:///store.db", "--rejects", str(rejects), cwd=tmp_path)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert [r["line"] for r in lines] == [6, 7]
    assert rejects.stat().st_mode & 0o777 == 0o640, "the file keeps its permissions"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "rejects.jsonl",
                                                          "store.db"]


def test_rejects_through_a_symlink_write_its_target(respons, regime, tmp_path):
    target = tmp_path / "target.jsonl"
    target.write_text("", "utf-8")
    (tmp_path / "link.jsonl").symlink_to(target)
    result = respons("ingest", regime, str(_records(tmp_path / "a.jsonl", bad=1)),
                     "--store=sqlite:///store.db", "--rejects", "link.jsonl", cwd=tmp_path)
    assert result.exit_code == 1
    assert (tmp_path / "link.jsonl").is_symlink()
    assert len(target.read_text("utf-8").splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_device_is_one_line_and_exit_2(respons, regime, tmp_path, command):
    result = respons(command, regime, str(_records(tmp_path / "a.jsonl", bad=1)),
                     "--store=sqlite:///store.db", "--rejects", "/dev/full", cwd=tmp_path)
    _refused(result, "/dev/full", "No space left on device")
    # The file whose bad line could not be written is not stored either.
    assert _stored(respons, f"sqlite:///{tmp_path / 'store.db'}") == 0


def test_a_fifo_without_a_reader_is_one_line_and_exit_2(respons, regime, tmp_path, deadline):
    deadline(20)
    fifo = tmp_path / "rejects.fifo"
    os.mkfifo(fifo)
    result = respons("ingest", regime, str(_records(tmp_path / "a.jsonl", bad=1)),
                     "--store=sqlite:///store.db", "--rejects", str(fifo), cwd=tmp_path)
    _refused(result, "no process is reading")

"""`respons ingest` as a user runs it: messages, exit codes, the rejects file, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

from respons.testing import conformance_regime, generate, write_jsonl

GOLDEN = Path(__file__).parent / "golden"


def test_bad_records_are_reported_by_file_line_and_field(respons, regime, tmp_path):
    store = f"--store=sqlite:///{tmp_path / 'golden.db'}"
    result = respons("ingest", regime, "bad.jsonl", store, cwd=GOLDEN)
    assert result.exit_code == 1
    assert result.stderr == (GOLDEN / "bad.expected").read_text("utf-8")
    assert result.stdout.startswith("bad.jsonl: rejected, 13 bad lines; nothing of this file "
                                    "was stored\n")


def test_good_file_is_stored_and_again_stores_nothing(respons, regime, store_arg, tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, generate(conformance_regime(), 40))
    first = respons("ingest", regime, str(path), store_arg)
    assert first.exit_code == 0, first.stderr
    assert f"{path}: stored 40 records (seq 1–40, batch 1)" in first.stdout
    again = respons("ingest", regime, str(path), store_arg)
    assert again.exit_code == 0
    assert f"{path}: nothing new, all 40 records already stored" in again.stdout
    assert "0 stored, 40 already there, 0 rejected; head seq 40 " in again.stdout


def test_json_output(respons, regime, store_arg, tmp_path):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    write_jsonl(good, generate(conformance_regime(), 5))
    write_jsonl(bad, [{"id": "x", "type": "投诉举报.收到", "at": "2024-01-01"}])
    result = respons("ingest", regime, str(good), str(bad), store_arg, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["format_version"] == 1 and document["ok"] is False
    assert document["exit_code"] == 1 and document["regime"] == "conformance"
    first, second = document["files"]
    assert {k: first[k] for k in ("status", "records", "stored", "duplicates", "rejected",
                                  "batch", "first_seq", "last_seq")} == \
        {"status": "stored", "records": 5, "stored": 5, "duplicates": 0, "rejected": 0,
         "batch": 1, "first_seq": 1, "last_seq": 5}
    assert second["status"] == "rejected" and second["stored"] == 0
    assert [(d["code"], d["line"]) for d in second["diagnostics"]] == \
        [("R1105", 1), ("R1105", 1), ("R1105", 1)]
    assert set(second["diagnostics"][0]) == {"file", "line", "column", "end_line",
                                             "end_column", "severity", "code", "message",
                                             "help", "related"}
    assert document["head"]["seq"] == 5 and len(document["head"]["hash"]) == 64
    assert result.stderr == ""


def test_rejects_file_keeps_every_bad_line(respons, regime, store_arg, tmp_path):
    records = list(generate(conformance_regime(), 20))
    records[3] = dict(records[3], type="投诉举报.答付")
    records[9] = dict(records[9], at="yesterday")
    path, rejects = tmp_path / "a.jsonl", tmp_path / "rejects.jsonl"
    write_jsonl(path, records)
    result = respons("ingest", regime, str(path), store_arg, "--rejects", str(rejects))
    assert result.exit_code == 1
    assert f"stored 18 records (seq 1–18, batch 1); 2 bad lines written to {rejects}" \
        in result.stdout
    lines = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert [(r["line"], r["errors"][0]["code"], r["errors"][0]["field"]) for r in lines] == \
        [(4, "R1104", "type"), (10, "R1108", "at")]
    assert json.loads(lines[1]["text"]) == records[9]


def test_invalid_regime_is_refused_before_records_are_read(respons, store_arg, tmp_path):
    regime = tmp_path / "broken.resp"
    regime.write_text("制度 坏 {\n  层级 市\n}\n机关 甲 { 职权 处罚 罚款 }\n", "utf-8")
    result = respons("ingest", str(regime), str(tmp_path / "missing.jsonl"), store_arg)
    assert result.exit_code == 1
    assert "error R0301" in result.stderr
    assert not (tmp_path / "store.db").exists()


def test_missing_file_is_a_usage_error_and_nothing_is_stored(respons, regime, store_arg,
                                                              tmp_path):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    result = respons("ingest", regime, str(good), str(tmp_path / "nope.jsonl"), store_arg)
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.jsonl'}:1:1: error R1101: cannot read " in result.stderr
    assert "no such file" in result.stderr
    assert not (tmp_path / "store.db").exists()


def test_a_file_that_is_not_json_lines(respons, regime, store_arg, tmp_path):
    csv, good = tmp_path / "table.csv", tmp_path / "good.jsonl"
    csv.write_text("id,type,at\n1,投诉举报.收到,2024-01-01\n", "utf-8")
    write_jsonl(good, generate(conformance_regime(), 3))
    result = respons("ingest", regime, str(csv), str(good), store_arg)
    assert result.exit_code == 2
    assert "error R1101: cannot read " in result.stderr
    assert "not a JSON Lines records file" in result.stderr
    assert f"{good}: stored 3 records" in result.stdout


def test_store_url_problems_are_one_line(respons, regime, tmp_path):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    unknown = respons("ingest", regime, str(good), "--store", "mongodb://x/y")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("error: no installed storage backend serves mongodb:// ")
    assert len(unknown.stderr.splitlines()) == 1
    folder = respons("ingest", regime, str(good), "--store", f"sqlite:///{tmp_path}/no/x.db")
    assert folder.exit_code == 2 and "does not exist" in folder.stderr
    not_db = tmp_path / "not.db"
    not_db.write_text("hello, I am not a database\n" * 100)
    result = respons("ingest", regime, str(good), "--store", f"sqlite:///{not_db}")
    assert result.exit_code == 2 and "is not a SQLite database" in result.stderr


def test_unreachable_postgresql_server(respons, regime, tmp_path):
    import pytest

    pytest.importorskip("respons_postgresql")
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    result = respons("ingest", regime, str(good), "--store",
                     "postgresql://someone:secret@127.0.0.1:1/nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot connect to "
                                    "postgresql://someone:***@127.0.0.1:1/nowhere: ")
    assert "secret" not in result.stderr


def test_store_comes_from_the_environment(respons, regime, tmp_path, monkeypatch):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    monkeypatch.setenv("RESPONS_STORE", f"sqlite:///{tmp_path / 'env.db'}")
    assert respons("ingest", regime, str(good), "--quiet", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "env.db").exists() and not (tmp_path / "respons.db").exists()


def test_quiet_prints_nothing_when_all_is_well(respons, regime, store_arg, tmp_path):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    result = respons("ingest", regime, str(good), store_arg, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_unwritable_rejects_path_changes_nothing(respons, regime, store_arg, tmp_path):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, generate(conformance_regime(), 3))
    result = respons("ingest", regime, str(good), store_arg, "--rejects",
                     str(tmp_path / "no" / "rejects.jsonl"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write the rejects file ")
    assert not (tmp_path / "store.db").exists()


def test_empty_file_and_byte_order_mark(respons, regime, store_arg, tmp_path):
    empty, bom = tmp_path / "empty.jsonl", tmp_path / "bom.jsonl"
    empty.write_bytes(b"")
    bom.write_bytes("\ufeff".encode() + b'{"id":"b","type":"\xe5\x9f\xb9\xe8\xae\xad.\xe5\xae'
                    b'\x8c\xe6\x88\x90","at":"2024-01-01","\xe4\xba\xba\xe5\x91\x98":"x",'
                    b'"\xe5\xad\xa6\xe6\x97\xb6":8}\r\n')
    result = respons("ingest", regime, str(empty), str(bom), store_arg)
    assert result.exit_code == 0, result.stderr
    assert f"{empty}: no records" in result.stdout
    assert f"{bom}: stored 1 record (seq 1–1, batch 1)" in result.stdout


def test_a_field_named_like_a_record_member_is_refused(respons, store_arg, tmp_path):
    regime = tmp_path / "clash.resp"
    regime.write_text("制度 冲突 { 层级 市 }\n记录 登记 { 字段 at 日期; 事件 完成 }\n", "utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "1", "type": "登记.完成", "at": "2024-01-01"}\n', "utf-8")
    result = respons("ingest", str(regime), str(records), store_arg)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: record kind 登记 ({regime}:2:1) declares a field "
                                    "'at', which every record uses for itself")


def test_suggestions_for_many_bad_lines_cost_a_bounded_amount(respons, duty_regime, tmp_path,
                                                              monkeypatch):
    """A file whose every line misspells a choice value is compared with the choices within
    the suggestion budget of one file, not once per line without end (check/suggest.py):
    twice the bad lines, the same comparisons. (The budget is made small for the test.)"""
    import difflib
    import functools

    from respons.diagnostics import suggest
    from respons.store import ingest as pipeline

    def comparisons(n: int) -> int:
        calls = []
        original = difflib.SequenceMatcher.set_seq1

        def counted(self, a):
            calls.append(1)
            return original(self, a)

        monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counted)
        monkeypatch.setattr(pipeline, "budget", functools.partial(suggest.budget, 300),
                            raising=False)
        path = tmp_path / f"bad{n}.jsonl"
        path.write_text("".join(json.dumps(
            {"id": f"r{i}", "type": "投诉.收到", "at": "2025-01-02", "投诉编号": f"K-{i}",
             "机关": "市场监管局", "类别": f"投拆{i}"}, ensure_ascii=False) + "\n"
            for i in range(n)), "utf-8")
        result = respons("ingest", str(duty_regime), str(path), "--quiet",
                         f"--store=sqlite:///{tmp_path / f's{n}.db'}")
        monkeypatch.undo()
        assert result.exit_code == 1, result.stderr
        return len(calls)

    small, large = comparisons(1000), comparisons(2000)
    assert large == small, (small, large)

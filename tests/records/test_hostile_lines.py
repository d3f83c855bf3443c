"""Lines that once crashed `respons ingest` with a traceback: each is now refused with a
diagnostic naming the file, the line and the member, its code and exit code, and nothing of
the file is stored."""

from __future__ import annotations

import json

import pytest

#: A valid 案件.立案 record of the conformance regime, to spoil one member of.
CASE = {"id": "h1", "type": "案件.立案", "at": "2024-01-01", "案件编号": "A1",
        "机关": "市场监管局", "职权": "行政处罚"}


def _line(**changes) -> str:
    return json.dumps(dict(CASE, **changes), ensure_ascii=True)


def _stored(respons, store_arg) -> int:
    info = respons("store", "info", store_arg, "--format", "json")
    return json.loads(info.stdout)["records"] if info.exit_code == 0 else 0


GOOD = json.dumps(dict(CASE, id="good"), ensure_ascii=False)

HOSTILE = [
    # (what, the bad line, code, the member named, a phrase of the message)
    ("an integer of 401 digits", _line(当事人数=10 ** 400), "R1107", "当事人数",
     "must be a whole number from -9223372036854775808 to 9223372036854775807"),
    ("an integer just beyond 64 bits", _line(当事人数=2 ** 63), "R1107", "当事人数",
     "must be a whole number from"),
    ("a number field beyond 64 bits", _line(裁量比例=1e300), "R1107", "裁量比例",
     "must be a whole number from"),
    ("a number that reads as infinity", _line()[:-1] + ', "裁量比例": 1e400}', "R1107",
     "裁量比例", "must be a finite number"),
    ("money with a huge exponent", _line(罚款="1e999999999999999999"), "R1107", "罚款",
     "must be an amount in 元"),
    ("money that would be ten million digits", _line(罚款="1e9999999"), "R1107", "罚款",
     "must be an amount in 元"),
    ("money of 10 万亿元", _line(罚款="10000000000000"), "R1107", "罚款",
     "must be less than 10 万亿元"),
    ("money as a huge JSON number", _line(罚款=10 ** 400), "R1107", "罚款",
     "must be less than 10 万亿元"),
    ("a lone surrogate in the id", _line(id="\ud800"), "R1102", "id",
     "half of a UTF-16 surrogate pair"),
    ("a lone surrogate in a field", _line(案情="坏\udfff"), "R1102", "案情",
     "half of a UTF-16 surrogate pair"),
    ("a NUL in a field", _line(案情="a\u0000b"), "R1102", "案情", "U+0000"),
    ("at after 9999 at +08:00", _line(at="9999-12-31T23:59:59-12:00"), "R1108", "at",
     "lies outside the years 0001–9999 once converted to China Standard Time"),
    ("at before year 1 at +08:00", _line(at="0001-01-01T00:00:00+14:00"), "R1108", "at",
     "lies outside the years 0001–9999"),
    ("a datetime field after 9999", _line(决定时间="9999-12-31T20:00:00Z"), "R1107",
     "决定时间", "lies outside the years 0001–9999"),
    ("a value nested 100,000 deep", '{"id": "h1", "案情": ' + "[" * 100_000 + "]" * 100_000
     + "}", "R1102", None, "nests arrays or objects more than 32 deep"),
    ("a value nested 40 deep", '{"id": "h1", "案情": ' + "[" * 40 + "]" * 40 + "}", "R1102",
     None, "nests arrays or objects more than 32 deep"),
]


@pytest.mark.parametrize(("bad", "code", "member", "phrase"),
                         [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_hostile_value_is_refused_with_its_member(respons, regime, store_arg, tmp_path, bad,
                                                  code, member, phrase):
    path = tmp_path / "hostile.jsonl"
    path.write_text(f"{GOOD}\n{bad}\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:2:") and f"error {code}: " in first, first
    assert phrase in first
    if member is not None:
        assert f"'{member}'" in first
        column = int(first.split(":")[2])
        assert bad[column - 1:].startswith((json.dumps(member),
                                            json.dumps(member, ensure_ascii=False))), \
            "the caret is on the member"
    assert f"{path}: rejected, 1 bad line; nothing of this file was stored" in result.stdout
    assert _stored(respons, store_arg) == 0


def test_hostile_lines_go_to_the_rejects_file_readably(respons, regime, store_arg, tmp_path):
    path, rejects = tmp_path / "hostile.jsonl", tmp_path / "rejects.jsonl"
    lines = [case[1] for case in HOSTILE]
    path.write_text("\n".join([GOOD, *lines]) + "\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg, "--rejects", str(rejects),
                     "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["files"][0]["status"] == "partial"
    assert document["files"][0]["stored"] == 1
    written = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert [w["line"] for w in written] == list(range(2, len(lines) + 2))
    assert [w["errors"][0]["code"] for w in written] == [case[2] for case in HOSTILE]
    assert [w["text"] for w in written] == lines


def test_a_surrogate_in_a_member_name_is_shown_escaped(respons, regime, store_arg, tmp_path):
    path = tmp_path / "name.jsonl"
    path.write_text('{"\\ud800": 1, "id": "x"}\n' + GOOD + "\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:1:2: error R1102: the name of member '\\ud800' "
                                    "holds half of a UTF-16 surrogate pair")


def test_a_pair_of_surrogate_escapes_is_one_character(respons, regime, store_arg, tmp_path):
    path = tmp_path / "emoji.jsonl"
    path.write_text(_line(案情="\U0001f600") + "\n", "utf-8")
    assert "\\ud83d\\ude00" in path.read_text("utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("lines", [["[]", '"x"', "null"], ["[" * 100_000 + "]" * 100_000],
                                   ["[]", "", "3"]])
def test_a_file_in_which_no_line_is_an_object_is_not_a_records_file(respons, regime,
                                                                     store_arg, tmp_path,
                                                                     lines):
    path = tmp_path / "values.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: error R1101: cannot read {path}: no line "
                                    "holds a JSON object, so it is not a JSON Lines records "
                                    "file\n")
    assert f"{path}: not a JSON Lines records file; nothing stored" in result.stdout


def test_lines_that_are_not_objects_among_records_are_r1102(respons, regime, store_arg,
                                                           tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(f"{GOOD}\n[]\nnull\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 1
    assert [line.split(" error ")[1][:5] for line in result.stderr.splitlines()
            if " error " in line] == ["R1102", "R1102"]


def test_a_file_name_that_is_not_utf8(respons, regime, store_arg, tmp_path):
    import os

    name = os.fsdecode(b"\xff-records.jsonl")  # as Python gives such a name in argv
    path = tmp_path / name
    path.write_text(GOOD + "\n", "utf-8")
    result = respons("ingest", regime, str(path), store_arg)
    assert result.exit_code == 0, result.stderr
    assert "\\xff-records.jsonl: stored 1 record" in result.stdout
    info = json.loads(respons("store", "info", store_arg, "--format", "json").stdout)
    assert info["batches"][0]["file"].endswith("\\xff-records.jsonl")

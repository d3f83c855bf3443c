"""A regime with earlier versions (取代): each record is checked against the version in
force on its date, not against the newest."""

from __future__ import annotations

import json

import pytest

from respons.records import Checked, compile_versions

V1 = """制度 旧版 {
  层级 市
  施行 2020-01-01
}

记录 K {
  主键 号
  字段 甲 文本 可选
  事件 e, f, old
}
"""

V2 = """制度 新版 {
  层级 市
  施行 2022-01-01
  取代 v1
}

记录 K {
  主键 号
  事件 e, f
}
"""

V3 = """制度 三版 {
  层级 市
  施行 2024-01-01
  取代 v2
}

记录 K {
  主键 号
  事件 e, f, new
}
"""


@pytest.fixture
def versions(tmp_path):
    for name, text in (("v1", V1), ("v2", V2), ("v3", V3)):
        (tmp_path / f"{name}.resp").write_text(text, "utf-8")
    return tmp_path


def _write(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    "utf-8")
    return path


def test_a_year_spanning_a_version_change_ingests_with_the_newest(respons, versions,
                                                                  store_arg):
    records = _write(versions / "file.jsonl",
                     {"id": "1", "type": "K.old", "at": "2021-06-01", "号": "A", "甲": "x"},
                     {"id": "2", "type": "K.e", "at": "2023-06-01", "号": "A"},
                     {"id": "3", "type": "K.old", "at": "2021-12-31T23:59:59+08:00",
                      "号": "B"})
    result = respons("ingest", str(versions / "v2.resp"), str(records), store_arg)
    assert result.exit_code == 0, result.stderr
    assert f"{records}: stored 3 records" in result.stdout


def test_a_record_of_a_type_its_version_lacks_names_the_version_in_force(respons, versions,
                                                                         store_arg):
    late = _write(versions / "late.jsonl",
                  {"id": "4", "type": "K.old", "at": "2023-06-01", "号": "B"})
    result = respons("ingest", str(versions / "v2.resp"), str(late), store_arg)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{late}:1:13: error R1104: v2, the version in force on 2023-06-01 (from 2022-01-01): "
        "record kind 'K' has no event 'old'")
    assert ("= help: K.old is declared only by v1 (in force until 2021-12-31); a record is "
            "checked against the version in force on its date: check its 'at'") \
        in result.stderr
    # The first moment of 2022 in China Standard Time is v2's, whatever the offset written.
    edge = _write(versions / "edge.jsonl",
                  {"id": "5", "type": "K.old", "at": "2021-12-31T16:00:00Z", "号": "C"})
    result = respons("ingest", str(versions / "v2.resp"), str(edge), store_arg)
    assert result.exit_code == 1 and "the version in force on 2022-01-01" in result.stderr


def test_fields_follow_the_version_in_force(respons, versions, store_arg):
    late = _write(versions / "late.jsonl",
                  {"id": "6", "type": "K.e", "at": "2023-06-01", "号": "B", "甲": "z"})
    result = respons("ingest", str(versions / "v2.resp"), str(late), store_arg)
    assert result.exit_code == 1
    assert ("error R1106: v2, the version in force on 2023-06-01 (from 2022-01-01): type K.e "
            "has no field '甲'") in result.stderr


def test_records_before_the_oldest_version_are_checked_against_it(respons, versions,
                                                                  store_arg):
    early = _write(versions / "early.jsonl",
                   {"id": "7", "type": "K.old", "at": "2019-06-01", "号": "D", "甲": "y"})
    result = respons("ingest", str(versions / "v2.resp"), str(early), store_arg)
    assert result.exit_code == 0, result.stderr


def test_three_versions_each_in_its_window(versions):
    from respons.check.runner import check_paths

    checked = check_paths([str(versions / "v3.resp")], None)
    (resolved,) = checked.resolved
    schema = compile_versions(resolved)
    assert [s.regime.id for s in schema.versions] == ["v1", "v2", "v3"]
    assert schema.starts == ("2022-01-01", "2024-01-01")

    def check(kind_event, at):
        return schema.check({"id": "x", "type": kind_event, "at": at, "号": "A"})

    assert isinstance(check("K.old", "2021-12-31"), Checked)
    assert isinstance(check("K.new", "2024-01-01"), Checked)
    assert isinstance(check("K.e", "2023-01-01"), Checked)
    (problem,) = check("K.new", "2023-12-31")
    assert problem.message.startswith("v2, the version in force on 2023-12-31 (from 2022-01-01 "
                                      "to 2023-12-31): ")
    assert "K.new is declared only by v3 (in force from 2024-01-01)" in problem.help
    (problem,) = check("K.old", "2024-05-01")
    assert problem.message.startswith("v3, the version in force on 2024-05-01 (from "
                                      "2024-01-01): ")
    # A record whose date cannot be read is checked against a version that declares its
    # type, so that only its date is reported.
    (problem,) = check("K.old", "sometime")
    assert problem.code == "R1108"


def test_a_regime_without_versions_is_one_schema(versions):
    from respons.check.runner import check_paths

    (resolved,) = check_paths([str(versions / "v1.resp")], None).resolved
    schema = compile_versions(resolved)
    assert schema.versions == () and schema.in_force("2030-01-01") is schema

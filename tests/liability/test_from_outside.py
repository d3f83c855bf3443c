"""`respons liability` used as an integrator would, on a seed regime (henan): records
written from the text, the CLI's exit codes (VISION), its JSON (docs/liability.md) and the
evaluation date (`--as-of`: a record after it is not yet there, as for duties)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from respons.cli import main

REGIME = str(Path(__file__).resolve().parents[2] / "jurisdictions" / "henan.resp")
BASE = {"发现途径": "行政执法监督", "被追究对象": "行政执法人员", "追究机关": "行政执法机关"}
RECORDS = [
    {"id": "h1", "type": "过错责任追究.发现", "at": "2025-03-01", "案件编号": "HN-1",
     "被追究人员": "赵某"},
    # 第十四条第（一）项、第十五条第（二）项：承办人与审核人各依其岗位职责承担；第二十四条：申辩。
    {"id": "h2", "type": "过错责任追究.处理", "at": "2025-03-20", "案件编号": "HN-1",
     "处理结果": "予以追究", "过错行为": "违反法定程序", "承办人": "赵某", "审核人": "钱某",
     "已陈述申辩": True, "认定情形": "提出承办意见错误、审核人未纠正承办人错误意见"},
    {"id": "h3", "type": "过错责任追究.处理", "at": "2025-04-20", "案件编号": "HN-2",
     "处理结果": "予以追究", "承办人": "孙某"},
    {"id": "h4", "type": "过错责任追究.处理", "at": "2025-05-20", "案件编号": "HN-3",
     "处理结果": "予以追究", "过错行为": "飞行", "承办人": "孙某"},
]


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("henan")
    lines = folder / "henan.jsonl"
    lines.write_text("".join(json.dumps({**r, **BASE}, ensure_ascii=False) + "\n"
                             for r in RECORDS), encoding="utf-8")
    url = f"sqlite:///{folder / 'henan.db'}"
    assert _run("ingest", REGIME, str(lines), "--store", url, "-q").exit_code == 0
    return url


def _json(store: str, *args: str) -> dict:
    result = _run("liability", REGIME, "--store", store, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_henan_measures_any_alone_or_together_borne_by_each_post(store):
    """第十条 可以单独或者合并采用: the seven ways are any of them alone or together; both
    承办人 (第十四条第（一）项) and 审核人 (第十五条第（二）项) bear it; 第二十四条 a defence."""
    case = _json(store, "--case", "HN-1")["cases"][0]
    officer = next(x for x in case["ladders"] if x["ladder"] == "行政执法人员过错责任追究")
    assert officer["pursued"]
    assert officer["measures"]["combine"] is True
    assert len(officer["measures"]["options"]) == 7
    assert [b["person"] for b in case["bearers"]] == ["赵某", "钱某"]
    assert case["defence"] is True and officer["notes"] == ["defence"]
    # 第七条第二款: an officer's case is pursued by the officer's own agency (追究机关), not
    # proposed by the 司法行政部门 (第一款 says so of the government's own agencies only).
    assert (case["decided_by"], case["proposed_by"]) == ("行政执法机关", None)


def test_case_by_matter_and_by_record_id_are_the_same_case(store):
    by_matter = _json(store, "--case", "HN-1")
    by_record = _json(store, "--case", "h2")
    assert by_matter["cases"] == by_record["cases"]
    assert by_record["selection"] == {"case": "h2", "year": None}


def test_json_is_byte_identical_and_keys_as_documented(store):
    first = _run("liability", REGIME, "--store", store, "--year", "2025", "--format", "json")
    second = _run("liability", REGIME, "--store", store, "--year", "2025", "--format", "json")
    assert first.output == second.output
    document = json.loads(first.output)
    assert list(document) == ["format_version", "regime", "run", "selection", "cases"]
    assert document["format_version"] == 1
    assert [c["case"] for c in document["cases"]] == ["HN-1", "HN-2", "HN-3"]
    assert list(document["cases"][0]) == [
        "case", "record", "date", "proceeding", "proceeding_citation", "fault",
        "circumstances", "ladders", "bearers", "decided_by", "proposed_by", "defence",
        "found_undeclared"]


def test_a_case_without_its_fault_or_with_an_undeclared_one_proposes_nothing(store):
    missing, undeclared = _json(store, "--year", "2025")["cases"][1:]
    assert missing["fault"] is None and missing["ladders"] == [] and missing["bearers"] == []
    assert undeclared["fault"]["name"] == "飞行" and undeclared["fault"]["declared"] is False
    assert undeclared["ladders"] == []
    text = _run("liability", REGIME, "--store", store, "--case", "HN-3").output
    assert "本制度未规定此过错" in text and "Traceback" not in text


def test_as_of_before_the_case_record_has_no_such_case(store):
    """docs/evaluate.md: only records dated on or before the evaluation date count. As of
    2025-03-10 the 处理 of HN-1 (2025-03-20) has not happened: no case, exit 2."""
    result = _run("liability", REGIME, "--store", store, "--case", "HN-1",
                  "--as-of", "2025-03-10")
    assert result.exit_code == 2
    assert "dated on or before 2025-03-10" in result.output
    assert _json(store, "--year", "2025", "--as-of", "2025-04-30")["cases"][-1]["case"] == "HN-2"
    assert _json(store, "--case", "HN-1", "--as-of", "2025-03-20")["cases"][0]["record"] == "h2"


@pytest.mark.parametrize("args", [
    [], ["--case", "HN-1", "--year", "2025"], ["--case", "NOPE"], ["--year", "0"],
    ["--case", "HN-1", "--as-of", "2025-13-01"], ["--case", "HN-1", "--format", "xml"]])
def test_bad_arguments_exit_2_without_traceback(store, args):
    result = _run("liability", REGIME, "--store", store, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_english_words_for_a_chinese_regime_only_with_lang_en(store):
    chinese = _run("liability", REGIME, "--store", store, "--case", "HN-1").output
    english = _run("liability", REGIME, "--store", store, "--case", "HN-1", "--lang", "en").output
    assert "Case HN-1" in english and "Case" not in chinese
    assert not any(w in chinese for w in ("step", "bearer", "ledger", "verified", "run "))


def test_as_of_is_the_same_on_duckdb(tmp_path):
    """The evaluation date filters in the store's SQL: the same cases on DuckDB."""
    pytest.importorskip("duckdb")
    lines = tmp_path / "henan.jsonl"
    lines.write_text("".join(json.dumps({**r, **BASE}, ensure_ascii=False) + "\n"
                             for r in RECORDS), encoding="utf-8")
    url = f"duckdb:///{tmp_path / 'henan.duckdb'}"
    assert _run("ingest", REGIME, str(lines), "--store", url, "-q").exit_code == 0
    cases = _json(url, "--year", "2025", "--as-of", "2025-04-30")["cases"]
    assert [c["case"] for c in cases] == ["HN-1", "HN-2"]

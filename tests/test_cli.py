"""The `respons check` contract (VISION): exit codes, text/json/github/sarif, and no input,
however broken, producing a traceback."""

from __future__ import annotations

import json

from paths import GOLDEN, JURISDICTIONS

INVALID = GOLDEN / "invalid"


def test_check_exit_codes(respons, tmp_path):
    assert respons("check", str(JURISDICTIONS)).exit_code == 0
    assert respons("check", str(INVALID / "names.resp")).exit_code == 1
    assert respons("check", str(INVALID / "citations.resp")).exit_code == 1
    missing = respons("check", str(tmp_path / "missing.resp"))
    assert missing.exit_code == 2 and "R0002" in missing.stdout
    (tmp_path / "empty").mkdir()
    assert respons("check", str(tmp_path / "empty")).exit_code == 2
    assert respons("check").exit_code == 2  # usage: no PATH


def test_warnings_alone_exit_zero(respons, tmp_path):
    path = tmp_path / "w.resp"
    path.write_text("制度 规定 {\n  层级 市\n  施行 2020-01-01\n}\n过错 不作为\n", "utf-8")
    result = respons("check", str(path))
    assert result.exit_code == 0
    assert "warning R0901" in result.stdout


def test_unreadable_input_exits_two_without_traceback(respons, tmp_path):
    binary = tmp_path / "gbk.resp"
    binary.write_bytes("制度 规定 { 层级 市 }".encode("gbk"))
    result = respons("check", str(binary))
    assert result.exit_code == 2
    assert "R0001" in result.stdout and "not UTF-8" in result.stdout


def test_a_byte_order_mark_is_accepted(respons, tmp_path):
    path = tmp_path / "bom.resp"
    path.write_bytes("\ufeff制度 规定 {\n  层级 市\n  施行 2020-01-01\n}\n".encode())
    assert respons("check", str(path)).exit_code == 0


def test_text_format_has_place_severity_code_source_line_and_caret(respons):
    result = respons("check", "syntax-glued-keyword.resp", cwd=INVALID)
    lines = result.stdout.splitlines()
    assert lines[0] == ("syntax-glued-keyword.resp:8:3: error R0101: `期限7` runs the keyword "
                        "`期限` into what follows")
    assert lines[1] == "   8 |   期限7 工作日"
    assert lines[2] == "     |   ^~~~~"  # 期限7 is five columns wide on a terminal


def test_json_format(respons):
    result = respons("check", "--format", "json", "names.resp", cwd=INVALID)
    document = json.loads(result.stdout)
    assert document["format_version"] == 1 and document["valid"] is False
    first = document["diagnostics"][0]
    assert set(first) == {"file", "line", "column", "end_line", "end_column", "severity",
                          "code", "message", "help", "related"}
    assert (first["file"], first["line"], first["column"], first["code"]) == \
        ("names.resp", 7, 1, "R0202")
    assert all(d["line"] >= 1 and d["column"] >= 1 for d in document["diagnostics"])
    valid = json.loads(respons("check", "--format", "json", str(JURISDICTIONS)).stdout)
    assert valid["valid"] is True
    assert {d["severity"] for d in valid["diagnostics"]} <= {"warning"}


def test_github_format(respons):
    result = respons("check", "--format", "github", "periods.resp", cwd=INVALID)
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=periods.resp,line=1,col=1,endLine=1,")
    assert "title=R0112::the regime takes effect before it was issued" in first


def test_sarif_format(respons):
    result = respons("check", "--format", "sarif", "ladder.resp", cwd=INVALID)
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run["results"]} == rules == {"R0601", "R0602", "R0603", "R0604",
                                                              "R0608"}
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_explain(respons):
    result = respons("explain", "R0301")
    assert result.exit_code == 0 and "不重不漏" in result.stdout
    assert respons("explain", "r0502").exit_code == 0
    unknown = respons("explain", "R9999")
    assert unknown.exit_code == 2 and "unknown code" in unknown.stderr


def test_every_code_used_in_the_source_is_explained():
    import re

    from paths import ROOT
    from respons.diagnostics.codes import CODES

    used = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r'"(R\d{4})"', path.read_text("utf-8")))
    assert used <= set(CODES), used - set(CODES)


def test_docs_codes_md_is_generated_from_the_table():
    from paths import ROOT
    from respons.diagnostics.codes import markdown

    assert (ROOT / "docs" / "codes.md").read_text("utf-8") == markdown()


def test_show_text_and_json(respons):
    text = respons("show", str(JURISDICTIONS / "jilin-city.resp"))
    assert text.exit_code == 0
    assert text.stdout.startswith("吉林市行政执法责任制规定  (jilin-city)")
    assert "职权分解 Decomposition of powers" in text.stdout
    data = json.loads(respons("show", "--format", "json",
                              str(JURISDICTIONS / "jilin-city.resp")).stdout)
    assert data["format_version"] == 1
    assert data["regime"]["id"] == "jilin-city" and data["regime"]["level"] == "city"
    assert {entry["agency"] for entry in data["decomposition"]} == \
        {a["name"] for a in data["regime"]["agencies"]}


def test_show_says_the_measures_a_step_may_add(respons):
    """samr 15②: whichever of the four measures is chosen, the department 并可以 add 调离 or
    取消资格 — `show` says it in text as the JSON's ``additions`` does (it left it out)."""
    text = respons("show", str(JURISDICTIONS / "samr.resp")).stdout
    assert ("诫勉 并 免予或者不予处分 并可以 调离行政执法岗位 或 取消行政执法资格  "
            "〔市场监督管理行政执法责任制规定 第十五条第二款〕") in text
    data = json.loads(respons("show", "--format", "json",
                              str(JURISDICTIONS / "samr.resp")).stdout)
    assert data["regime"]["ladders"][0]["steps"][0]["additions"] == [
        "调离行政执法岗位", "取消行政执法资格"]


def test_show_refuses_a_regime_with_errors(respons):
    result = respons("show", str(INVALID / "decomposition.resp"))
    assert result.exit_code == 1 and "R0301" in result.stderr


BROKEN = """制度 规定 {
  层级 市
  施行 2020-01-01
}

职责 答复 {
  起算 无.收到
  期限 5 工作日
}
"""


def test_a_command_refusing_a_regime_shows_its_warnings_too(respons, tmp_path):
    """A command that uses a regime with errors (run, evaluate, show, …) refuses it with every
    diagnostic `respons check` gives — the warnings too, so the summary counts what the file
    holds (it said "0 warnings" of a file with one)."""
    regime = tmp_path / "r.resp"
    regime.write_text(BROKEN, encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text("", encoding="utf-8")
    checked = respons("check", str(regime))
    assert checked.exit_code == 1 and "warning R0901" in checked.stdout
    summary = checked.stdout.splitlines()[-1]
    assert summary == "2 errors, 1 warning"
    for args in (["run", str(regime), str(records), "--store", f"sqlite:///{tmp_path / 's.db'}"],
                 ["show", str(regime)]):
        result = respons(*args)
        assert result.exit_code == 1 and result.stdout == ""
        assert "warning R0901" in result.stderr
        assert result.stderr.splitlines()[-1] == summary
    document = json.loads(respons("show", "--format", "json", str(regime)).stdout)
    assert sorted(d["code"] for d in document["diagnostics"]) == ["R0109", "R0201", "R0901"]
    ingested = respons("ingest", str(regime), str(records), "--store",
                       f"sqlite:///{tmp_path / 's.db'}")
    assert ingested.exit_code == 1 and "warning R0901" in ingested.stderr
    assert not (tmp_path / "s.db").exists()


def test_version_and_help(respons):
    assert respons("--version").stdout.startswith("respons, version ")
    assert "check" in respons("--help").stdout

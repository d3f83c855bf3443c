"""Notices issued on assessment results: jilin-city 32(三) — an agency graded 不及格 is sent a
整改通知书 by 本级政府, copied to the 司法行政部门 — issued by `respons notices --year Y` (and
`respons run --year Y --notices DIR`) from the grades the assessment kept under its run."""

from __future__ import annotations

import json

from paths import JURISDICTIONS

JILIN = str(JURISDICTIONS / "jilin-city.resp")


def scored(id: str, year: int, score: int, unit: str = "行政执法机关") -> dict:
    return {"id": id, "type": "评议考核结果.评定", "at": f"{year + 1}-01-15",
            "考核编号": id, "被考核单位": unit, "考核年度": year, "得分": score}


def ingest(respons, tmp_path, url, records):
    path = tmp_path / "scores.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    result = respons("ingest", JILIN, str(path), "--store", url, "--quiet")
    assert result.exit_code == 0, result.stderr


def test_a_failing_grade_issues_the_rectification_notice(respons, tmp_path, sqlite_url):
    # The assessors' record of 2025's score is dated within 2025 for the year to read it.
    ingest(respons, tmp_path, sqlite_url, [
        scored("K-2025-1", 2025, 65) | {"at": "2025-12-20"},
        scored("K-2025-2", 2025, 96, "司法行政部门") | {"at": "2025-12-20"}])
    out = tmp_path / "out"
    result = respons("notices", JILIN, "--store", sqlite_url, "--out", str(out), "--year",
                     "2025", "--report", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    document = json.loads(result.stdout)
    [notice] = [n for n in document["notices"] if n["notice"] == "整改通知书"]
    assert (notice["number"], notice["issuer"], notice["recipient"], notice["copy_to"],
            notice["date"]) == ("吉政整〔2025〕1号", "本级人民政府", "行政执法机关",
                                ["司法行政部门"], "2025-12-31")
    assert notice["outcome"]["kind"] == "consequence"
    assert notice["elements"][1] == {
        "name": "评议考核结果",
        "text": "2025年度行政执法责任制评议考核得分65分，评议考核结果为不及格。",
        "citation": "吉林市行政执法责任制规定 第三十一条第一款"}
    text = (out / "吉政整〔2025〕1号.md").read_text(encoding="utf-8")
    assert "本级人民政府" in text and "2025年12月31日" in text
    # Without --year no assessment is looked at: the outcome waits, and says why.
    plain = json.loads(respons("notices", JILIN, "--store", sqlite_url, "--out", str(out),
                               "--report", "json").stdout)
    assert any(w["notice"] == "整改通知书" and "--year" in w["reason"]
               for w in plain["waiting"])


def test_year_and_as_of_together_are_a_usage_error(respons, tmp_path, sqlite_url):
    ingest(respons, tmp_path, sqlite_url, [scored("K-2025-1", 2025, 65)])
    result = respons("notices", JILIN, "--store", sqlite_url, "--out", str(tmp_path / "o"),
                     "--year", "2025", "--as-of", "2025-12-31")
    assert result.exit_code == 2 and "not both" in result.stderr

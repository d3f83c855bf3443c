"""A bar to a grade (不得评为 G 若 …): the subject is kept below G where another assessment
graded it so the same year, or where a count holds — its grade capped to the band below G
(none below: not graded), the bar said with its reason, citation and records in text and
JSON, a bar that does not hold or a grade already below left alone; and the checks (R0201,
R0514)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "assess"
BACKENDS = ["sqlite", "postgresql", "duckdb"]

ROWS = [
    {"id": "A1", "type": "结果.确定", "at": "2025-12-01", "人": "张三", "档次": "不合格"},
    {"id": "A2", "type": "结果.确定", "at": "2025-12-01", "人": "李四", "档次": "合格"},
    {"id": "A3", "type": "结果.确定", "at": "2025-12-01", "人": "王五", "档次": "优秀"},
    {"id": "B1", "type": "公务员考核.确定", "at": "2025-12-20", "人": "张三", "档次": "优秀"},
    {"id": "B2", "type": "公务员考核.确定", "at": "2025-12-20", "人": "李四", "档次": "优秀"},
    {"id": "B3", "type": "公务员考核.确定", "at": "2025-12-20", "人": "王五", "档次": "优秀"},
    {"id": "B4", "type": "公务员考核.确定", "at": "2025-12-20", "人": "赵六", "档次": "称职"},
    {"id": "C1", "type": "处分.决定", "at": "2025-06-20", "人": "王五"},
    {"id": "C0", "type": "处分.决定", "at": "2024-06-20", "人": "李四"},  # another year
    {"id": "S1", "type": "评议考核结果.评定", "at": "2025-12-10", "被考核人员": "王五", "得分": 96},
    {"id": "S2", "type": "评议考核结果.评定", "at": "2025-12-10", "被考核人员": "李四", "得分": 96},
    {"id": "S3", "type": "评议考核结果.评定", "at": "2025-12-10", "被考核人员": "赵六", "得分": 50},
    {"id": "C2", "type": "处分.决定", "at": "2025-03-01", "人": "赵六"},
]


def _run(respons, tmp_path, url, output="json"):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), "utf-8")
    ingested = respons("ingest", str(HERE / "bar.resp"), str(records), "--store", url)
    assert ingested.exit_code == 0, ingested.stderr
    result = respons("assess", str(HERE / "bar.resp"), "--year", "2025", "--store", url,
                     "--format", output)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bar_caps_the_grade_and_says_why(respons, tmp_path, backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    document = json.loads(_run(respons, tmp_path, url))
    found = {(a["assessment"], s["subject"]): s for a in document["assessments"]
             for s in a["subjects"]}
    zhang, li, wang = (found[("乙", who)] for who in ("张三", "李四", "王五"))
    # 张三 is 不合格 in 甲: not 优秀 in 乙, capped to the band below (称职)
    assert (zhang["grade"], [(b["grade"], b["because"], b["from"], b["to"], b["citation"])
                             for b in zhang["bars"]]) == (
        "称职", [("优秀", "考核 甲 等级 不合格", "优秀", "称职", "不得评为 第四条")])
    # 李四: 合格 in 甲, and her 处分 was in 2024 — no bar holds
    assert (li["grade"], li["bars"]) == ("优秀", [])
    assert [(b["index"], b["records"]) for b in wang["bars"]] == [(1, ["C1"])]
    assert wang["grade"] == "称职" and found[("乙", "赵六")]["grade"] == "称职"
    # 丙 by score: 96 is 优秀, and a bar to 良好 keeps 王五 below 良好 — to 不及格, the score
    # kept as it is; 赵六's 50 is 不及格 already, below the grade barred: left alone
    bing = found[("丙", "王五")]
    assert (bing["total"], bing["grade"], bing["bars"][0]["to"]) == ("96", "不及格", "不及格")
    assert found[("丙", "李四")]["grade"] == "优秀"
    assert (found[("丙", "赵六")]["grade"], found[("丙", "赵六")]["bars"]) == ("不及格", [])


def test_text_names_the_bar_its_reason_and_records(respons, tmp_path, sqlite_url):
    text = _run(respons, tmp_path, sqlite_url, output="text")
    assert "不得评为 优秀（考核 甲 等级 不合格）：等次为 称职 〔不得评为 第四条〕" in text
    assert "不得评为 优秀（处分.决定 >= 1 times）：等次为 称职 〔不得评为 第五条〕；记录 C1" in text


def test_a_bar_with_no_band_below_leaves_the_subject_not_graded(respons, tmp_path, sqlite_url):
    regime = (HERE / "bar.resp").read_text("utf-8").replace("  等级 称职\n", "")
    regime = regime.replace('"优秀", "称职"', '"优秀"')
    path = tmp_path / "bar.resp"
    path.write_text(regime, "utf-8")
    rows = [r for r in ROWS if r.get("档次") != "称职"]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert respons("ingest", str(path), str(records), "--store", sqlite_url).exit_code == 0
    result = respons("assess", str(path), "--year", "2025", "--store", sqlite_url, "--format",
                     "json")
    found = {(a["assessment"], s["subject"]): s for a in json.loads(result.stdout)["assessments"]
             for s in a["subjects"]}
    assert found[("乙", "张三")]["grade"] is None
    assert found[("乙", "张三")]["bars"][0]["to"] is None
    text = respons("assess", str(path), "--year", "2025", "--store", sqlite_url).stdout
    assert "不得评为 优秀（考核 甲 等级 不合格）：等次为 未评定" in text


def test_show_lists_the_bars(respons):
    result = respons("show", str(HERE / "bar.resp"))
    assert "    不得评为 优秀 若 考核 甲 等级 不合格  〔不得评为 第四条〕" in result.stdout
    assert "    不得评为 优秀 若 处分.决定 >= 1 times  〔不得评为 第五条〕" in result.stdout


@pytest.mark.parametrize("old, new, code, message", [
    ("不得评为 优秀 若 考核 甲 等级 不合格", "不得评为 优等 若 考核 甲 等级 不合格", "R0201",
     "'优等' is not a band of 乙"),
    ("不得评为 优秀 若 考核 甲 等级 不合格", "不得评为 优秀 若 考核 甲 等级 差", "R0201",
     "grade '差' is not a band of 甲"),
    ("不得评为 优秀 若 考核 甲 等级 不合格", "不得评为 优秀 若 考核 乙 等级 称职", "R0514",
     "乙 is barred by 乙's grade, which itself depends on 乙"),
    ("不得评为 优秀 若 考核 甲 等级 不合格", "不得评为 优秀 若 考核 甲乙 等级 不合格", "R0201",
     "甲乙"),
    ("考核 甲 〔第三条〕 {\n  方案 等次评定\n  对象 人员",
     "考核 甲 〔第三条〕 {\n  方案 等次评定\n  对象 机关", "R0514",
     "乙 assesses 人员 but 甲 assesses 机关"),
])
def test_bars_are_checked(respons, tmp_path, old, new, code, message):
    regime = (HERE / "bar.resp").read_text("utf-8")
    assert old in regime
    path = tmp_path / "bar.resp"
    path.write_text(regime.replace(old, new), "utf-8")
    result = respons("check", "--format", "json", str(path))
    assert result.exit_code == 1
    found = [(d["code"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert any(c == code and message in m for c, m in found), found


def test_who_decides_and_proposes_a_consequence(respons, tmp_path, sqlite_url):
    """jilin-city 32（三）（四）: 本级政府 issues the 整改通知书, 司法行政部门 decides the
    督促整改 and proposes the 诫勉谈话, which 有关部门 hold with the leaders; two years
    running 调离 by 有关部门 and a 行政处分 referred, never decided here."""
    from paths import ROOT

    regime = ROOT / "jurisdictions" / "jilin-city.resp"
    rows = [{"id": f"K{y}", "type": "评议考核结果.评定", "at": f"{y}-12-20", "考核编号": f"KH-{y}",
             "被考核单位": "行政执法机关", "考核年度": y, "得分": 60} for y in (2024, 2025)]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert respons("ingest", str(regime), str(records), "--store", sqlite_url).exit_code == 0
    result = respons("assess", str(regime), "--year", "2025", "--store", sqlite_url,
                     "--format", "json")
    document = json.loads(result.stdout)
    assert document["format_version"] == 2
    [subject] = [s for a in document["assessments"] if a["assessment"] == "行政执法责任制评议考核"
                 for s in a["subjects"]]
    once, twice = subject["consequences"]
    assert (once["decided_by"], once["proposed_by"], once["deciders"], once["referrals"]) == (
        "本级人民政府", "司法行政部门", {"督促整改": "司法行政部门", "诫勉谈话": "有关部门"}, [])
    assert (twice["decided_by"], twice["proposed_by"], twice["referrals"]) == (
        "有关部门", "司法行政部门", ["行政处分"])
    text = respons("assess", str(regime), "--year", "2025", "--store", sqlite_url).stdout
    assert "督促整改（司法行政部门 决定）" in text
    assert "；本级人民政府 决定；司法行政部门 提出" in text
    assert "行政处分（处分：移送任免机关决定，本系统只提出）" in text
    shown = respons("show", str(regime)).stdout
    assert '决定 "本级人民政府" 提出 司法行政部门' in shown


def test_a_decider_that_is_no_declared_agency_is_an_error(respons, tmp_path):
    regime = (HERE / "yearly.resp").read_text("utf-8").replace(
        "后果 不及格 => 整改通知书 〔第七条〕", "后果 不及格 => 整改通知书 决定 丙局 〔第七条〕")
    path = tmp_path / "yearly.resp"
    path.write_text(regime, "utf-8")
    result = respons("check", "--format", "json", str(path))
    assert result.exit_code == 1
    assert any(d["code"] == "R0201" and "丙局" in d["message"]
               for d in json.loads(result.stdout)["diagnostics"])
    path.write_text(regime.replace("决定 丙局", '决定 "丙局"'), "utf-8")
    assert respons("check", str(path)).exit_code == 0

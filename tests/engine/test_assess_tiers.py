"""The scheme of tiers (方案 条件分档): a grade where conditions over the records hold, tried in
order — a tier before the recorded grade, the recorded grade where none holds or one cannot
be decided (never a guess), then the grade written without a condition — on every backend;
and the checks (R0508, R0515)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "assess"
BACKENDS = ["sqlite", "postgresql", "duckdb"]

ROWS = [
    # 甲: failed its training, though the conclusion recorded says 通过 — tier 1 wins
    {"id": "P1", "type": "培训.考核", "at": "2025-10-01", "人": "甲", "结果": "不合格"},
    {"id": "C1", "type": "结论.作出", "at": "2025-12-10", "人": "甲", "等次": "通过"},
    # 乙: passed, no fault, nothing recorded — tier 2
    {"id": "P2", "type": "培训.考核", "at": "2025-10-01", "人": "乙", "结果": "合格"},
    # 丙: passed with a fault: whether it was handled is case by case — the conclusion
    {"id": "P3", "type": "培训.考核", "at": "2025-10-01", "人": "丙", "结果": "合格"},
    {"id": "F3", "type": "过错.发生", "at": "2025-04-01", "人": "丙"},
    {"id": "C3", "type": "结论.作出", "at": "2025-12-10", "人": "丙", "等次": "不通过"},
    # 丁: the same without a conclusion — not graded, and said why
    {"id": "P4", "type": "培训.考核", "at": "2025-10-01", "人": "丁", "结果": "合格"},
    {"id": "F4", "type": "过错.发生", "at": "2025-04-01", "人": "丁"},
    # 戊: no training record this year (last year's does not count) and a conclusion with no
    # grade in it: no tier holds, nothing recorded — the rest, 待定
    {"id": "P5", "type": "培训.考核", "at": "2024-10-01", "人": "戊", "结果": "合格"},
    {"id": "C5", "type": "结论.作出", "at": "2025-12-10", "人": "戊"},
    {"id": "X5", "type": "过错.发生", "at": "2025-01-05", "人": "己"},
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_tiers_in_order_then_the_record_then_the_rest(respons, tmp_path, backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), "utf-8")
    assert respons("ingest", str(HERE / "tiers.resp"), str(records), "--store",
                   url).exit_code == 0
    result = respons("assess", str(HERE / "tiers.resp"), "--year", "2025", "--store", url,
                     "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = {s["subject"]: s for a in json.loads(result.stdout)["assessments"]
             for s in a["subjects"]}
    grades = {who: s["grade"] for who, s in found.items()}
    # 己: a fault and no training — 有过错 且 过错未处理 cannot be decided, nothing recorded
    assert grades == {"甲": "不通过", "乙": "通过", "丙": "不通过", "丁": None, "戊": "待定",
                      "己": None}
    assert "cannot be decided from the records" in found["丁"]["problem"]
    assert found["甲"]["recorded"] == {"grade": "C1"}


@pytest.mark.parametrize("old, new, code", [
    ("方案 条件分档", "方案 等次评定", "R0515"),
    ("  等级 不通过 若 培训不合格 或 有过错 且 过错未处理 〔第三条〕\n"
     "  等级 通过 若 培训合格 且 非 有过错 〔第三条〕\n",
     "  等级 不通过\n  等级 通过\n", "R0508"),
])
def test_tiers_are_checked(respons, tmp_path, old, new, code):
    regime = (HERE / "tiers.resp").read_text("utf-8")
    assert old in regime
    path = tmp_path / "tiers.resp"
    path.write_text(regime.replace(old, new), "utf-8")
    result = respons("check", "--format", "json", str(path))
    assert result.exit_code == 1
    assert code in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}

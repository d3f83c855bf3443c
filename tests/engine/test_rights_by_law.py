"""A right whose period the regime leaves to other laws (`期限 依照法律和有关规定`: jilin-city
第三十九条第二款, 复核和申诉 "依照法律和有关规定", 不影响处理决定的执行): its window opens with its
record and has no last day here — open (可行使) until exercised (已行使), never lapsed nor late
— and the report says the period is as other laws provide and that exercising it does not
suspend the decision; the same bytes on every backend."""

from __future__ import annotations

import json

import pytest

from evaluated import evaluate_both

REGIME = """制度 依法权利测试 {
  层级 部门
  施行 2020-01-01
}

机关 某局 〔第一条〕 {
}

记录 追究 〔第一条〕 {
  主键 编号
  字段 机关 机关
  字段 责任人 人员
  事件 决定, 书面通知, 申请复核, 申诉
}

权利 申请复核或申诉 〔第二条第二款〕 {
  起算 追究.书面通知
  期限 依照法律和有关规定 〔第二条第二款〕
  行使 追究.申请复核 或 追究.申诉
  权利人 责任人
  不停止执行 〔第二条第二款〕
}
"""

_BASE = {"机关": "某局"}
RECORDS = "".join(json.dumps(_BASE | r, ensure_ascii=False) + "\n" for r in [
    # C1: notified, never contested — still open years later.
    {"id": "n1", "type": "追究.书面通知", "at": "2024-03-01", "编号": "C1", "责任人": "甲"},
    # C2: contested a year after notice — exercised, not late: there is no last day.
    {"id": "n2", "type": "追究.书面通知", "at": "2025-03-01", "编号": "C2", "责任人": "乙"},
    {"id": "x2", "type": "追究.申诉", "at": "2026-03-02", "编号": "C2", "责任人": "乙"},
    # C3: a decision not yet notified opens no window.
    {"id": "d3", "type": "追究.决定", "at": "2026-03-01", "编号": "C3", "责任人": "丙"},
])


def _evaluate(respons, tmp_path, store: str) -> tuple[str, str]:
    return evaluate_both(respons, tmp_path, store, "依法权利测试", REGIME, RECORDS)


def test_a_right_without_a_period_is_open_until_exercised(respons, tmp_path):
    document, text = _evaluate(respons, tmp_path, f"sqlite:///{tmp_path / 's.db'}")
    found = json.loads(document)
    windows = {w["matter"]: w for w in found["rights"]}
    assert set(windows) == {"C1", "C2"}
    assert (windows["C1"]["state"], windows["C1"]["closes"]) == ("open", None)
    assert (windows["C2"]["state"], windows["C2"]["exercised_by"]) == ("exercised", "x2")
    assert all(w["period_by_law"] and w["suspends_decision"] is False
               for w in windows.values())
    assert windows["C1"]["citation"] == "依法权利测试 第二条第二款"
    assert found["obligations"] == []  # a right is no one's duty
    assert "五、当事人的权利期间：可行使 1 项 · 已行使 1 项 · 逾期行使 0 项 · 已届满 0 项" in text
    assert "申请复核或申诉 · C1 · 2024-03-01 起，期间依照法律和有关规定：可行使" in text
    assert "权利人 甲 · 起算 n1 · 行使期间不停止执行  〔依法权利测试 第二条第二款〕" in text


def test_a_period_s_rights_say_their_period_is_their_own(respons, tmp_path):
    """`period_by_law` is false for a right with a period of its own (added member)."""
    regime = REGIME.replace("期限 依照法律和有关规定", "期限 10 日")
    (tmp_path / "依法权利测试.resp").write_text(regime, encoding="utf-8")
    (tmp_path / "r.jsonl").write_text(RECORDS, encoding="utf-8")
    store = f"sqlite:///{tmp_path / 's.db'}"
    assert respons("ingest", str(tmp_path / "依法权利测试.resp"), str(tmp_path / "r.jsonl"),
                   "--store", store).exit_code == 0
    result = respons("evaluate", str(tmp_path / "依法权利测试.resp"), "--as-of", "2026-03-31",
                     "--format", "json", "--store", store)
    windows = {w["matter"]: w for w in json.loads(result.stdout)["rights"]}
    assert windows["C1"]["state"] == "lapsed" and windows["C1"]["period_by_law"] is False
    assert windows["C2"]["state"] == "exercised_late"


def test_show_gives_the_period_as_other_laws_provide(respons, tmp_path):
    (tmp_path / "依法权利测试.resp").write_text(REGIME, encoding="utf-8")
    result = respons("show", str(tmp_path / "依法权利测试.resp"))
    assert result.exit_code == 0
    assert "起算 追究.书面通知 · 期限 依照法律和有关规定" in result.stdout


@pytest.mark.parametrize("backend", ["postgresql", "duckdb"])
def test_every_backend_gives_the_windows_sqlite_gives(respons, tmp_path, request, backend):
    other = request.getfixturevalue(f"{backend}_url")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sqlite = _evaluate(respons, tmp_path / "a", f"sqlite:///{tmp_path / 'a' / 's.db'}")
    assert _evaluate(respons, tmp_path / "b", other) == sqlite

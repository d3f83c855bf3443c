"""Parties' right windows (权利, `respons.engine.rights`) and duties due on a record's date
(期限 至 FIELD), from `respons evaluate` as a user runs it: every state of a window, the
roll of a last day past a rest day (民法典 第二百零三条), a window no one's obligation, the
same bytes on every backend; and the checks that refuse a bad window."""

from __future__ import annotations

import json

import pytest

from evaluated import evaluate_both

REGIME = """制度 权利测试 {
  层级 部门
  施行 2020-01-01
}

机关 某局 〔第一条〕 {
}

记录 处理 〔第一条〕 {
  主键 编号
  字段 机关 机关
  字段 当事人 文本
  字段 答复期限 日期 可选
  字段 方式 之一 "书面", "口头"
  事件 送达决定, 申请复核, 答复
}

# 收到决定之日起 10 日内可以申请复核：当事人的权利；口头决定不开启（限于）。
权利 申请复核 〔第二条〕 {
  起算 处理.送达决定 限于 方式 = "书面"
  期限 10 日
  行使 处理.申请复核
  权利人 当事人
  不停止执行 〔第二条第二款〕
}

# 在决定载明的答复期限内答复：机关的职责，到期日由记录给出。
职责 按期答复 〔第三条〕 {
  起算 处理.送达决定
  期限 至 答复期限
  完成 处理.答复
  负责 机关
}
"""

RECORDS = [
    # 2026-02-10 + 10 日 = 02-20, inside the 2026 Spring Festival (02-15..23) → 02-24.
    {"id": "d1", "type": "处理.送达决定", "at": "2026-02-10", "编号": "C1", "机关": "某局",
     "当事人": "甲", "方式": "书面", "答复期限": "2026-03-21"},
    {"id": "x1", "type": "处理.申请复核", "at": "2026-02-24", "编号": "C1", "机关": "某局",
     "当事人": "甲", "方式": "书面"},
    # 2026-03-02 + 10 = 03-12 (Thursday): never exercised → lapsed as of 03-31.
    {"id": "d2", "type": "处理.送达决定", "at": "2026-03-02", "编号": "C2", "机关": "某局",
     "当事人": "乙", "方式": "书面", "答复期限": "2026-03-10"},
    {"id": "a2", "type": "处理.答复", "at": "2026-03-11", "编号": "C2", "机关": "某局",
     "当事人": "乙", "方式": "书面"},
    # 2026-03-09 + 10 = 03-19: requested 03-20, a day after it closed → exercised late.
    {"id": "d3", "type": "处理.送达决定", "at": "2026-03-09", "编号": "C3", "机关": "某局",
     "当事人": "丙", "方式": "书面"},
    {"id": "x3", "type": "处理.申请复核", "at": "2026-03-20", "编号": "C3", "机关": "某局",
     "当事人": "丙", "方式": "书面"},
    # 2026-03-25 + 10 = 04-04, 清明 2026 (04-04..06) → 04-07: still open as of 03-31.
    {"id": "d4", "type": "处理.送达决定", "at": "2026-03-25", "编号": "C4", "机关": "某局",
     "当事人": "丁", "方式": "书面"},
    # An oral decision opens no window (限于 方式 = "书面").
    {"id": "d5", "type": "处理.送达决定", "at": "2026-03-25", "编号": "C5", "机关": "某局",
     "当事人": "戊", "方式": "口头"},
]


def _write(tmp_path):
    regime = tmp_path / "权利测试.resp"  # named by its id: a file of scenarios finds it
    regime.write_text(REGIME, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                       encoding="utf-8")
    return regime, records


def _evaluate(respons, tmp_path, store: str) -> tuple[str, str]:
    return evaluate_both(respons, tmp_path, store, "权利测试", REGIME, "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS))


def test_every_state_of_a_window_and_none_is_an_obligation(respons, tmp_path):
    document, text = _evaluate(respons, tmp_path, f"sqlite:///{tmp_path / 's.db'}")
    found = json.loads(document)
    windows = {w["matter"]: w for w in found["rights"]}
    assert set(windows) == {"C1", "C2", "C3", "C4"}  # C5 was oral
    assert (windows["C1"]["closes"], windows["C1"]["state"]) == ("2026-02-24", "exercised")
    assert (windows["C2"]["closes"], windows["C2"]["state"]) == ("2026-03-12", "lapsed")
    assert windows["C3"]["state"] == "exercised_late"
    assert windows["C3"]["exercised_by"] == "x3" and windows["C3"]["exercised_date"] == "2026-03-20"
    assert (windows["C4"]["closes"], windows["C4"]["state"]) == ("2026-04-07", "open")
    assert windows["C1"]["holder"] == "甲" and windows["C1"]["suspends_decision"] is False
    assert windows["C1"]["citation"] == "权利测试 第二条"
    # The windows are nobody's obligations: only the duty's five are.
    assert {o["duty"] for o in found["obligations"]} == {"按期答复"}
    # A lapsed window is no breach: the one breach is the late or missing answers.
    assert all(b["duty"] == "按期答复" for b in found["breaches"])
    assert "五、当事人的权利期间：可行使 1 项 · 已行使 1 项 · 逾期行使 1 项 · 已届满 1 项" in text
    assert "申请复核 · C4 · 2026-03-25 起，2026-04-07 届满：可行使，还剩 7 天" in text
    assert "2026-03-20 由 x3 逾期行使，届满后 1 天" in text
    assert "权利人 丁 · 起算 d4 · 行使期间不停止执行  〔权利测试 第二条〕" in text


def test_a_duty_due_on_the_date_its_record_gives(respons, tmp_path):
    document, text = _evaluate(respons, tmp_path, f"sqlite:///{tmp_path / 's.db'}")
    duties = {o["matter"]: o for o in json.loads(document)["obligations"]}
    # C1: 2026-03-21 is a Saturday → its last day is Monday 03-23; not answered: overdue.
    assert (duties["C1"]["due_date"], duties["C1"]["state"]) == ("2026-03-23", "overdue")
    assert (duties["C2"]["due_date"], duties["C2"]["state"]) == ("2026-03-10", "met_late")
    # Records without the date: the due date cannot be known.
    assert duties["C3"]["state"] == "unknown" and duties["C3"]["due_date"] is None
    assert "按期答复 · C1 · 2026-02-10 起 至答复期限，到期日 2026-03-23" in text
    # Its reason is the record's missing date, not a calendar year left blank.
    c3 = next(line for line in text.splitlines() if "按期答复 · C3" in line)
    assert c3.endswith("到期日未定：起算记录未载明答复期限，或日历缺该日期所在年份的数据")
    assert "需要  年" not in text


@pytest.mark.parametrize("backend", ["postgresql", "duckdb"])
def test_every_backend_gives_the_windows_sqlite_gives(respons, tmp_path, request, backend):
    other = request.getfixturevalue(f"{backend}_url")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sqlite = _evaluate(respons, tmp_path / "a", f"sqlite:///{tmp_path / 'a' / 's.db'}")
    assert _evaluate(respons, tmp_path / "b", other) == sqlite


@pytest.mark.parametrize(("change", "message"), [
    ("期限 至 答复期限", None),
    ("期限 至 当事人", "names '当事人', a 文本 field, not a date"),
    ("期限 至 回复期限", "record kind '处理' has no field '回复期限'"),
])
def test_a_due_date_field_must_be_a_date_of_the_starting_record(respons, tmp_path, change,
                                                                 message):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME.replace("期限 至 答复期限", change), encoding="utf-8")
    result = respons("check", str(regime))
    if message is None:
        assert result.exit_code == 0, result.stdout
    else:
        assert result.exit_code == 1 and "R0403" in result.stdout and message in result.stdout


def test_an_expectation_of_a_right_names_a_right(respons, tmp_path):
    _write(tmp_path)
    tests = tmp_path / "rights.test.resp"
    tests.write_text("""制度 场景 {
  上位 权利测试
}

场景 复核 {
  截至 2026-03-31
  记录 处理.送达决定 C9 2026-03-02 机关 = 某局, 当事人 = "甲", 方式 = 书面
  预期 权利 按期答复 C9 已届满
  预期 权利 申请复核 C9 按期完成
}
""", encoding="utf-8")
    result = respons("test", str(tests))
    assert result.exit_code == 1
    assert "'按期答复' is a duty, but an expectation must name a right" in result.stderr
    assert "unknown state of a right's window '按期完成'" in result.stderr

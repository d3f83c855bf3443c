"""`respons test` counts an assessment's parts one by one: an item where it counted something
for a subject a scenario expects of, a band that subject was graded into by its score (not
fixed by a veto), a boundary it scored exactly on, a veto that held, a consequence proposed —
and an item that computes nothing is no rule to cover."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent / "assess"

SCENARIOS = """制度 覆盖场景 〔第一条〕 {{
  层级 市
  上位 {yearly}
}}

场景 两次查实九十五分 〔第四条〕 {{
  截至 2025-12-31
  记录 投诉举报.查实 T1 2025-03-02 机关 = 甲局, 承办人 = 张三
  记录 投诉举报.查实 T2 2025-03-02 机关 = 甲局, 承办人 = 张三
  # 100 − 2 × 2.5 = 95: on the boundary of 优秀.
  预期 考核 年度考核 甲局 2025 得分 95, 等级 优秀, 后果 无
}}

场景 否决 〔第六条〕 {{
  截至 2025-12-31
  记录 行政赔偿.发生 2025-05-01 机关 = 乙局
  预期 考核 年度考核 乙局 2025 得分 100, 等级 不及格, 后果 整改通知书
}}
"""


def _coverage(respons, tmp_path, text):
    path = tmp_path / "coverage.test.resp"
    path.write_text(text, "utf-8")
    result = respons("test", "--format", "json", str(path))
    assert result.exit_code == 0, result.stdout + result.stderr
    return {c["kind"]: {r["name"]: bool(r["scenarios"]) for r in c["rules"]}
            for c in json.loads(result.stdout)["coverage"]}


def test_items_bands_boundaries_vetoes_and_consequences_are_counted(respons, tmp_path):
    found = _coverage(respons, tmp_path,
                      SCENARIOS.format(yearly=json.dumps(str(HERE / "yearly.resp"))))
    assert found["assessment item"] == {"年度考核 执法规范": True, "年度考核 执法监督": False}
    # 乙局 is 不及格 by the veto, not by its score: the band is not exercised by it
    assert found["band"] == {"年度考核 优秀": True, "年度考核 良好": False,
                             "年度考核 及格": False, "年度考核 不及格": False}
    # 乙局's 100 is the full marks, no boundary; a veto's grade is not a boundary's
    assert found["boundary"] == {"年度考核 70": False, "年度考核 85": False,
                                 "年度考核 95": True}
    assert found["veto"] == {"年度考核 行政赔偿.发生 >= 1 times => 不及格": True}
    assert found["consequence"] == {"年度考核 不及格": True, "年度考核 不及格 连续 2 年": False}


def test_text_lists_each_kind_and_what_no_scenario_exercises(respons, tmp_path):
    path = tmp_path / "coverage.test.resp"
    path.write_text(SCENARIOS.format(yearly=json.dumps(str(HERE / "yearly.resp"))), "utf-8")
    out = respons("test", str(path)).stdout
    assert "coverage: 1 of 3 boundaries exercised by a scenario" in out
    assert "coverage: 1 of 2 items exercised by a scenario" in out
    assert ": 考核项目 年度考核 执法监督\n" in out and ": 边界 年度考核 70\n" in out


def test_an_item_that_computes_nothing_is_no_rule(respons, tmp_path):
    regime = (HERE / "recorded.resp").read_text("utf-8").replace(
        "  项目 专门考核中的案卷评查 〔第六条〕 {",
        "  项目 组织领导 〔第六条〕\n  项目 专门考核中的案卷评查 〔第六条〕 {")
    (tmp_path / "recorded.resp").write_text(regime, "utf-8")
    found = _coverage(respons, tmp_path, f"""制度 覆盖场景 〔第一条〕 {{
  层级 市
  上位 {json.dumps(str(tmp_path / "recorded.resp"))}
}}

场景 评为合格 〔第六条〕 {{
  截至 2025-12-31
  记录 人员考核结果.确定档次 2025-12-20 被考核人员 = 张三, 档次 = "合格"
  记录 案卷评查结果.评定 A1 2025-11-02 被评查人员 = 张三
  预期 考核 人员评议考核 张三 2025 等级 合格, 后果 无
}}
""")
    assert found["assessment item"] == {"人员评议考核 专门考核中的案卷评查": True}
    assert found["band"]["人员评议考核 合格"] is True
    assert found["band"]["人员评议考核 优秀"] is False
    assert not any(name.startswith("人员评议考核 ") for name in found.get("boundary", {}))

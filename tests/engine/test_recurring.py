"""A duty that recurs: `起算 证件.核发 或 证件.检验` opens an obligation at issue and again at
every inspection, each met by the next inspection (changchun-xinqu 任务12: every 3 years)."""

from __future__ import annotations

from engine_helpers import Due, assert_obligations, rec

REGIME = """制度 证件管理办法 {
  层级 区
  施行 2017-09-07
}

机关 执法部门 〔第一条〕 {
  性质 法定
}

记录 证件 〔第二条〕 {
  主键 证件编号
  字段 所在部门 机关
  事件 核发, 检验, 收回
}

职责 证件检验 〔第十二条〕 {
  起算 证件.核发 或 证件.检验
  期限 3 年
  完成 证件.检验 或 证件.收回
  负责 所在部门
}
"""
DUTY, Y3 = "证件检验", (3, "years")


def case(id_, event, at):
    return rec(id_, f"证件.{event}", at, 证件编号="Z-1", 所在部门="执法部门")


def test_each_inspection_opens_the_next_three_years(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [case("issued", "核发", "2020-03-02"),
                           case("check1", "检验", "2023-02-27")])
    assert_obligations(engine.evaluate(regime, "2026-03-31"), {
        # 2020-03-02 + 3 years → 2023-03-02 (Thu, a working day); inspected 2023-02-27: met.
        ("issued", DUTY): Due("2020-03-02", Y3, "2023-03-02", "met", "check1"),
        # The inspection starts the next three years and does not meet itself:
        # 2023-02-27 + 3 years → 2026-02-27 (Fri, a working day after the 2026 Spring
        # Festival); not inspected again by 2026-03-31: overdue.
        ("check1", DUTY): Due("2023-02-27", Y3, "2026-02-27", "overdue"),
    })

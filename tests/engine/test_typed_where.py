"""限于 by each field's type: the engine starts exactly the obligations the condition says —
numbers compared as numbers (an amount too), 是否 fields as true and false, choices as their
values, dates and date-times by their dates, named conditions expanded — on SQLite and on
PostgreSQL alike."""

from __future__ import annotations

import pytest
from engine_helpers import Due, assert_obligations, rec

REGIME = """制度 类型化条件 {
  层级 市
  施行 2020-01-01
}

机关 执法机关 〔第一条〕 {
  性质 法定
}

记录 案件 〔第二条〕 {
  主键 编号
  字段 机关 机关
  字段 罚款 金额 可选
  字段 人数 整数 可选
  字段 重大 是否 可选
  字段 结果 之一 "属实", "不属实" 可选
  字段 发生日 日期 可选
  字段 发现时间 时间 可选
  事件 立案, 办结
}

条件 大额或多人 〔第三条〕 {
  罚款 >= 一万 或者 人数 > 2
}

职责 大额 〔第四条〕 {
  起算 案件.立案 限于 大额或多人
  期限 十 日
  完成 案件.办结
}

职责 重大 〔第五条〕 {
  起算 案件.立案 限于 重大
  期限 10 日
  完成 案件.办结
}

职责 非重大 〔第五条〕 {
  起算 案件.立案 限于 重大 = 否
  期限 10 日
  完成 案件.办结
}

职责 属实 〔第六条〕 {
  起算 案件.立案 限于 结果 = "属实" 并且 非 重大
  期限 10 日
  完成 案件.办结
}

职责 新近 〔第七条〕 {
  起算 案件.立案 限于 发生日 >= 2025-03-01 以及 发现时间 <= 2025-03-03
  期限 10 日
  完成 案件.办结
}
"""
D10 = (10, "days")


def case(id_, key, **fields):
    return rec(id_, "案件.立案", "2025-03-03", 编号=key, 机关="执法机关", **fields)


RECORDS = [
    # 9999.99 元 is below 一万, 10000 is not: compared as numbers, not as text.
    case("a", "A", 罚款="9999.99", 人数=1),
    case("b", "B", 罚款="10000.00"),
    case("c", "C", 人数=3, 重大=True),
    case("d", "D", 重大=False, 结果="属实"),
    case("e", "E", 结果="不属实", 发生日="2025-03-01", 发现时间="2025-03-03T23:59:00+08:00"),
    case("f", "F", 发生日="2025-02-28", 发现时间="2025-03-02T08:00:00"),
    case("g", "G", 发生日="2025-03-02", 发现时间="2025-03-04T00:00:00+08:00"),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("postgresql_url")


def test_each_condition_starts_exactly_its_obligations(engine, tmp_path, store):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, RECORDS, store=store)
    # 2025-03-03 + 10 days = 03-13 (a Thursday): every obligation is due then, none met.
    due = Due("2025-03-03", D10, "2025-03-13", "open")
    assert_obligations(engine.evaluate(regime, "2025-03-05", store=store), {
        ("b", "大额"): due,            # 罚款 10000.00 >= 一万
        ("c", "大额"): due,            # 人数 3 > 2
        ("c", "重大"): due,            # 重大 true
        ("d", "非重大"): due,          # 重大 false: 重大 = 否 (an absent 重大 is neither)
        ("d", "属实"): due,            # 结果 属实 and 非 重大
        # 发生日 on 03-01 and found on 03-03 at 23:59: by its date, not after 03-03.
        ("e", "新近"): due,
    })


@pytest.mark.parametrize("where", ["机关", "罚款 = 是", "重大 = 7", "发生日 >= 3", "结果 = 2"])
def test_the_compiler_refuses_what_the_checker_refuses_and_never_guesses(where):
    # Built without the checker: the compiler must say so rather than compile a guess.
    from respons.engine.conditions import Conditions, Uncompilable
    from respons.syntax.parser import parse_text

    text = REGIME.replace("限于 重大\n", f"限于 {where}\n", 1)
    regime = parse_text(text, "r.resp").regime
    kind = regime.records[0]
    duty = next(d for d in regime.duties if d.name == "重大")
    conditions = Conditions({f.name: f.type.kind for f in kind.fields}, kind.key, {},
                            lambda value, hint: value, lambda name: name)
    with pytest.raises(Uncompilable, match="please report it as a bug"):
        conditions.compile(duty.starts.where)

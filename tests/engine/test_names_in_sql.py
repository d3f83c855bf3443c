"""Names that look like SQL — quotes, ``?``, ``%s``, ``$``, backslashes — are only names.

A regime whose record kind, events, fields, duties, owner post and own id hold characters
that mean something to SQL, to a JSON path or to a driver's placeholder syntax checks
clean and runs to the right obligations on SQLite and PostgreSQL: every name reaches the
store as a parameter, never as SQL text.
"""

from __future__ import annotations

import json
import re

import pytest
from engine_helpers import Due, assert_obligations, rec

from respons.engine.compile import Compiler, Window
from respons.syntax.parser import parse_text

#: The file name is the regime's id: it reaches the SQL as a value too.
REGIME_FILE = "re'gi\"me?%s.resp"

REGIME = r"""制度 名称测试 {
  层级 县
  制定机关 "某县人民政府"
  施行 2024-01-01
  日历 cn
}

机关 「执'法局」 〔第二条〕 {
  性质 法定
  岗位 「法?制岗」 〔第三条〕 {
    角色 法制审核
  }
}

记录 「案'件」 〔第四条〕 {
  主键 「编'号」
  字段 「a'b」 是否
  字段 「a"b」 之一 "x", "y"
  字段 「?p0?」 是否
  字段 「F?x」 数值
  字段 「%s」 是否
  字段 「a$b」 文本
  字段 「'a\b'」 机关
  字段 「?」 人员
  事件 「受'理」, 「立?案」, 「%s决定」, 「$1」
}

职责 「审'查?」 〔第五条〕 {
  起算 「案'件」.「受'理」 限于 「a'b」 = 是 且 「a"b」 = "x" 且 「?p0?」 = 是 且
    「F?x」 > 2 且 「%s」 = 是 且 「a$b」 = "q'?"
  期限 5 工作日
  完成 「案'件」.「立?案」
  负责 「?」
}

职责 「决定%s」 〔第六条〕 {
  起算 「案'件」.「立?案」
  期限 10 工作日
  完成 「案'件」.「%s决定」
  负责 「'a\b'」
}

职责 「复核$1」 〔第七条〕 {
  起算 「案'件」.「%s决定」
  期限 3 工作日
  完成 「案'件」.「$1」
  负责 「执'法局」.「法?制岗」
}
"""

GOOD = {"a'b": True, 'a"b': "x", "?p0?": True, "F?x": 3, "%s": True, "a$b": "q'?",
        "'a\\b'": "执'法局", "?": "张三"}


def case(id: str, event: str, at: str, number: str, **changes) -> dict:
    return rec(id, f"案'件.{event}", at, **{"编'号": number}, **(GOOD | changes))


RECORDS = [
    case("r1", "受'理", "2025-03-03", "N1"),
    # Each fails one condition of 「审'查?」, on one of the fields: no obligation.
    case("r2", "受'理", "2025-03-03", "N2", **{"a'b": False}),
    case("r3", "受'理", "2025-03-03", "N3", **{'a"b': "y"}),
    case("r4", "受'理", "2025-03-03", "N4", **{"?p0?": False}),
    case("r5", "受'理", "2025-03-03", "N5", **{"F?x": 2}),
    case("r6", "受'理", "2025-03-03", "N6", **{"%s": False}),
    case("r7", "受'理", "2025-03-03", "N7", **{"a$b": "q"}),
    case("r1-file", "立?案", "2025-03-05", "N1"),
    case("r1-decide", "%s决定", "2025-03-25", "N1"),
]

REVIEW, DECIDE, RECHECK = "审'查?", "决定%s", "复核$1"
EXPECTED = {
    # 2025-03-03 (Mon) + 5 working days → 03-10; filed 03-05: met; owner the 「?」 field.
    ("r1", REVIEW): Due("2025-03-03", (5, "workdays"), "2025-03-10", "met", "r1-file",
                        owner="张三", agency="执'法局"),
    # 03-05 (Wed) + 10 working days → 03-19; decided 03-25: late; owner the agency field.
    ("r1-file", DECIDE): Due("2025-03-05", (10, "workdays"), "2025-03-19", "met_late",
                             "r1-decide", owner="执'法局", agency="执'法局"),
    # 03-25 (Tue) + 3 working days → 03-28; nothing by 03-31: overdue; the named post.
    ("r1-decide", RECHECK): Due("2025-03-25", (3, "workdays"), "2025-03-28", "overdue",
                                owner="执'法局.法?制岗", agency="执'法局"),
}


@pytest.fixture
def regime(tmp_path):
    path = tmp_path / REGIME_FILE
    path.write_text(REGIME, encoding="utf-8")
    return path


def test_the_regime_checks_clean(respons, regime):
    result = respons("check", str(regime))
    assert result.exit_code == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def _evaluate(engine, regime, store: str) -> dict:
    engine.ingest(regime, RECORDS, store=store)
    document = engine.evaluate(regime, "2025-03-31", store=store)
    assert {v["regime"] for v in document["versions"]} == {regime.name[:-len(".resp")]}
    return document


def test_names_that_look_like_sql_run_on_sqlite(engine, regime):
    assert_obligations(_evaluate(engine, regime, engine.store), EXPECTED)


def test_names_that_look_like_sql_run_on_postgresql(engine, regime, postgresql_url):
    assert_obligations(_evaluate(engine, regime, postgresql_url), EXPECTED)


def _dialects():
    from respons_postgresql.store import PostgreSQLDialect
    from spark_dialect import SparkDialect

    from respons.store.sqlite import SQLiteDialect

    return [SQLiteDialect(), PostgreSQLDialect(), SparkDialect()]


def test_the_statement_holds_no_name(regime):
    """Each name is a parameter: none appears in the SQL text, on any dialect, in either
    form of the first-record lookup."""
    parsed = parse_text(REGIME, str(regime))
    kind = parsed.regime.records[0]
    names = [kind.name, kind.key, *(f.name for f in kind.fields), *(e.name for e in kind.events)]
    for duty in parsed.regime.duties:
        for dialect in _dialects():
            for form in ("correlated", "window"):
                statement = Compiler(kind, duty, Window("re'gi?me", "0000-01-01", "9999-12-31"),
                                     "2025-03-31", 10, first_row=form).compile()
                rendered = dialect.render(statement.query)
                values = rendered.bind(statement.params)
                mark = dialect.placeholder(1, "")
                assert rendered.sql.count(mark) == len(values), (dialect.name, form)
                for name in [*names, duty.name, "re'gi?me"]:
                    assert name in ("?", "%s") or name not in rendered.sql, (name, duty.name)
                # The only quoted text is the engine's own words ('true', 'met', …).
                assert "'" not in re.sub(r"'[a-z_]+'", "", rendered.sql), dialect.name


KEYS = ["a'b", 'a"b', "?p0?", "F?x", "%s", "a$b", "'a\\b'", "a.b", "a[0]", "$", "中文",
        "a\\\"b", " "]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    from respons.registry import Registry, plugin_manager
    from respons.store import open_store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = request.getfixturevalue("postgresql_url")
    with open_store(url, Registry(plugin_manager())) as opened:
        opened.ledger.init()
        yield opened


def test_json_access_binds_any_member_name(store):
    """A JSON member is read whatever its name: the name is bound as a parameter, on
    every dialect, as text, number or truth value."""
    from respons.sql.ir import Col, JsonIs, JsonNumber, JsonText, Order, Param, Table, select

    values = [True, 7, "文'本?%s"]
    rows = [(n, json.dumps({k: values[n % 3] for k in KEYS} | {"other": "x"},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":")))
            for n in range(3)]
    store.compute.temp_table("names_json", [("n", "integer"), ("data", "text")], rows)
    data = Col("j", "data")
    for key in KEYS:
        got = store.compute.query(select(
            Col("j", "n"), JsonText(data, key), JsonIs(data, key),
            source=Table("names_json", "j"), where=Col("j", "n").lt(Param("below")),
            order_by=[Order(Col("j", "n"))]), {"below": 3})
        assert [(n, bool(truth)) for n, _, truth in got] == [(0, True), (1, False),
                                                            (2, False)], key
        assert got[2][1] == "文'本?%s", key
        # A number member, where the field is a number (the only place the engine asks).
        number = store.compute.query(select(JsonNumber(data, key), source=Table("names_json", "j"),
                                            where=Col("j", "n").eq(Param("n"))), {"n": 1})
        assert number == [(7,)], key


@pytest.mark.parametrize("char", ["\x00", "\t", "\x1b", "\x7f", "\x85"])
def test_a_name_with_a_control_character_is_refused_by_the_checker(respons, tmp_path, char):
    """The one kind of name no store can take as it is: the checker says so (R0115), so
    that the engine never meets it."""
    path = tmp_path / "control.resp"
    path.write_text(REGIME.replace("字段 「a$b」 文本", f"字段 「a{char}b」 文本"), "utf-8")
    result = respons("check", "--format", "json", str(path))
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "R0115"]
    assert len(found) == 1 and f"U+{ord(char):04X}" in found[0]["message"]
    assert found[0]["line"] == REGIME.splitlines().index("  字段 「a$b」 文本") + 1

"""What a scenario can say of a fault case beyond its step and measures: which circumstance
made a modifier hold (从重/从轻 applied, 待定 left to the decision-maker, 不予追究 … 因 the
exemption), and each bearer's share and kind — compared exactly, checked against the
ladder's modifiers (tests/liability/edu.resp, after guizhou-edu 8-11, 13)."""

from __future__ import annotations

import json
from pathlib import Path

from respons.model.scenario import BearerExpected, Fact, LiabilityExpected, NotPursued
from respons.syntax.parser import parse_text

HERE = Path(__file__).parent

# GZ-1 is 张三's first fault, GZ-2 his second within the year (第八条第（三）项: 从重, a step up),
# GZ-3 two officers together with a 第九条 circumstance (可以: left open), GZ-4 第十条 exempted.
RECORDS = """\
  截至 2025-12-31
  记录 过错案件.提起 GZ-1 2025-03-01 过错行为 = 没有法定依据实施处罚, 承办人 = 张三
  记录 过错案件.决定 GZ-1 2025-03-20 决定机关 = 省教育厅
  记录 过错案件.提起 GZ-2 2025-06-01 过错行为 = 违反法定程序实施处罚造成后果, 承办人 = 张三,
      过错程度 = 重大过错
  记录 过错案件.决定 GZ-2 2025-06-30
  记录 过错案件.提起 GZ-3 2025-07-01 过错行为 = 没有法定依据实施处罚, 主办人 = 李四,
      协办人 = "王五、赵六", 认定情形 = "二人以上共同行使职权、过错情节明显轻微已改正"
  记录 过错案件.决定 GZ-3 2025-07-15
  记录 过错案件.提起 GZ-4 2025-08-01 过错行为 = 没有法定依据实施处罚, 承办人 = 钱七,
      认定情形 = 行政相对人过错或不可抗力
  记录 过错案件.决定 GZ-4 2025-08-10
"""

RIGHT = """\
  预期 追究 GZ-1 阶梯 执法人员过错责任 第1级 从重 无 待定 无 责任人 张三 全部 直接责任
  预期 追究 GZ-2 阶梯 执法人员过错责任 第2级 从重 多次发生过错 从轻 无
  预期 追究 GZ-3 阶梯 执法人员过错责任 第1级 从重 无 待定 过错情节明显轻微已改正 措施 责令检查 或
      通报批评 责任人 李四 主要, 王五 次要,
      赵六 次要
  预期 不予追究 GZ-4 因 行政相对人过错或不可抗力
  预期 不予追究 GZ-4 阶梯 执法人员过错责任 因 行政相对人过错或不可抗力
"""


def _write(tmp_path: Path, expectations: str) -> str:
    (tmp_path / "edu.resp").write_text((HERE / "edu.resp").read_text("utf-8"), "utf-8")
    path = tmp_path / "edu.test.resp"
    path.write_text("制度 场景 {\n  上位 edu\n}\n\n场景 情节与份额 〔第八条〕 {\n" + RECORDS
                    + expectations + "}\n", "utf-8")
    return str(path)


def test_the_facts_build_with_their_names_shares_and_kinds():
    text = "制度 场景 {\n  上位 edu\n}\n场景 s {\n  截至 2025-12-31\n" + RIGHT + "}\n"
    parsed = parse_text(text, "s.test.resp")
    assert parsed.diagnostics == ()
    first, _, third, fourth, _ = parsed.regime.scenarios[0].expectations
    assert isinstance(first, LiabilityExpected)
    assert first.held == (Fact("aggravated", ()), Fact("pending", ()))
    assert first.bearers == (BearerExpected("张三", ("all",), ("direct",)),)
    assert third.held == (Fact("aggravated", ()), Fact("pending", ("过错情节明显轻微已改正",)))
    assert [b.name for b in third.bearers] == ["李四", "王五", "赵六"]
    assert third.bearers[0].shares == ("main",) and third.bearers[2].shares == ("secondary",)
    assert isinstance(fourth, NotPursued)
    assert fourth.held == (Fact("because", ("行政相对人过错或不可抗力",)),)


def test_what_held_and_the_shares_pass_when_the_engine_agrees(respons, tmp_path):
    path = _write(tmp_path, RIGHT)
    assert respons("check", path).exit_code == 0
    result = respons("test", path)
    assert result.exit_code == 0, result.stdout


def test_a_modifier_that_held_and_is_not_expected_fails_and_says_what_held(respons, tmp_path):
    result = respons("test", _write(tmp_path, """\
  预期 追究 GZ-1 阶梯 执法人员过错责任 从重 多次发生过错
  预期 追究 GZ-2 阶梯 执法人员过错责任 从重 无
  预期 追究 GZ-3 阶梯 执法人员过错责任 待定 无
"""))
    assert result.exit_code == 1
    assert "从重 applied: expected 多次发生过错, got 无" in result.stdout
    assert "从重 applied: expected 无, got 多次发生过错" in result.stdout
    assert "待定 (left to the decision-maker): expected 无, got 过错情节明显轻微已改正" \
        in result.stdout


def test_a_share_that_differs_fails_where_the_names_agree(respons, tmp_path):
    # 第十一条第（二）项 gives the 主办人 主要, not 同等: the people are right, the share is not.
    result = respons("test", "--format", "json", _write(tmp_path, """\
  预期 追究 GZ-3 阶梯 执法人员过错责任 责任人 李四 同等, 王五 次要 领导责任, 赵六
"""))
    assert result.exit_code == 1
    found = {(d["what"], d["expected"], d["got"])
             for s in json.loads(result.stdout)["scenarios"] for d in s["differences"]}
    assert found == {("share", "李四 同等", "李四 主要"),
                     ("kind", "王五 领导责任", "王五 直接责任")}


def test_a_reason_that_did_not_hold_fails(respons, tmp_path):
    # GZ-1 is not pursued by 处分 because no step holds — not for any exemption.
    result = respons("test", _write(tmp_path, """\
  预期 不予追究 GZ-1 阶梯 处分
  预期 不予追究 GZ-4 因 无
"""))
    assert result.exit_code == 1
    assert "因 (not pursued for): expected 无, got 行政相对人过错或不可抗力" in result.stdout
    assert result.stdout.count("因 (not pursued for)") == 1


def test_a_name_no_modifier_of_the_kind_uses_is_refused_with_the_nearest(respons, tmp_path):
    result = respons("check", _write(tmp_path, """\
  预期 追究 GZ-2 阶梯 执法人员过错责任 从重 多次过错
  预期 追究 GZ-3 阶梯 执法人员过错责任 从轻 过错情节明显轻微已改正
  预期 不予追究 GZ-4 阶梯 处分 因 行政相对人过错或不可抗力
  预期 追究 GZ-1 阶梯 执法人员过错责任 责任人 张三 全部责任 主犯
  预期 追究 GZ-1 阶梯 执法人员过错责任 从重 无 从重 多次发生过错
"""))
    assert result.exit_code == 1
    out = result.stdout
    assert "R0201: no 从重 that applies of ladder 执法人员过错责任 names '多次过错' " \
           "(did you mean '多次发生过错'?)" in out
    # 第九条 is 可以: never applied, so 从轻 cannot be expected of it — 待定 is the word.
    assert "R1305: '过错情节明显轻微已改正' is named by a modifier left to the decision-maker" \
        in out
    assert "write `待定 过错情节明显轻微已改正`" in out
    assert "R0201: no exemption (不予追究, or a bound 免予追究) of ladder 处分 names" in out
    assert "R0107: unknown share or kind of responsibility '主犯'" in out
    assert "R0108: the 从重 applied is given twice in this expectation" in out


def test_english_keywords_say_the_same():
    def expectations(lines: str):
        parsed = parse_text("制度 场景 {\n  上位 edu\n}\n场景 s {\n  截至 2025-12-31\n" + lines
                            + "}\n", "s.test.resp")
        assert parsed.diagnostics == ()
        return parsed.regime.scenarios[0].expectations

    chinese = expectations(
        "  预期 追究 GZ-2 阶梯 执法人员过错责任 从重 多次发生过错 从轻 无 待定 无 "
        "责任人 张三 全部 直接责任\n"
        "  预期 不予追究 GZ-4 因 行政相对人过错或不可抗力\n")
    english = expectations(
        "  expect proceeding GZ-2 ladder 执法人员过错责任 aggravate 多次发生过错 "
        "mitigate none pending none bearers 张三 all direct\n"
        "  expect exempt GZ-4 because 行政相对人过错或不可抗力\n")
    assert chinese == english

"""保留较高级: a permitted lighter step proposed in place of the higher step that holds, which
stays open to the decision-maker — samr 第十五条: 第二款 "可以" lets the department give
谈话提醒、批评教育、责令检查 or 诫勉 for a 情节轻微 case with a 法定从轻或者减轻情形, and 第一款's
组织处理 or 处分 remain open to it (第十六条第二款: only 组织处理 after a 政务处分). The text
report, the JSON, the kept detail and a scenario say both; the checker refuses the marking
where nothing could stay open (R0614)."""

from __future__ import annotations

import json
import sqlite3

from paths import JURISDICTIONS
from respons.engine.ladder import Facts, Names, apply
from respons.engine.liability_kept import whole
from respons.records.canonical import canonical_json
from respons.store.url import sqlite_path
from respons.syntax.parser import parse_text

SAMR = str(JURISDICTIONS / "samr.resp")
FAULT = "不及时立案或者办案人员未取得行政执法证件"


def _records(tmp_path, found: dict[str, str]) -> str:
    """A 调查 record of samr per case (its 认定情形 ``found[case]``), as a JSON-lines file."""
    lines = [{"id": f"r{n}", "type": "行政执法过错行为线索.调查", "at": f"2025-10-{13 + n}",
              "线索编号": case, "所在部门": "市场监督管理部门", "工作人员": f"人员{n}",
              "过错行为": FAULT, **({"认定情形": found[case]} if found[case] else {})}
             for n, case in enumerate(found)]
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    return str(path)


CASES = {"K-1": "情节轻微、法定从轻情形",
         "K-2": "情节轻微、法定减轻情形、监察机关已经给予政务处分",
         "K-3": "情节轻微"}


def _stored(respons, sqlite_url, tmp_path) -> str:
    assert respons("ingest", SAMR, _records(tmp_path, CASES), "--store",
                   sqlite_url).exit_code == 0
    return sqlite_url


def _ladder(document, case):
    found = next(c for c in document["cases"] if c["case"] == case)
    return next(lad for lad in found["ladders"] if lad["ladder"] == "行政执法责任追究")


def test_the_text_report_proposes_the_lighter_step_and_keeps_the_first_paragraph_open(
        respons, sqlite_url, tmp_path):
    store = _stored(respons, sqlite_url, tmp_path)
    text = respons("liability", SAMR, "--store", store, "--case", "K-1")
    assert text.exit_code == 0, text.stderr
    out = text.stdout
    assert ("第1级：情节轻微 且 (法定从轻情形 或 法定减轻情形) 成立"
            "（保留较高级：代替同样成立的第3级）") in out
    assert "拟处理：谈话提醒" in out and "并可以：调离行政执法岗位" in out
    assert ("保留较高级：第3级 行政执法过错行为 且 非 监察机关已经给予政务处分 亦成立，"
            "决定机关可以改为适用  〔市场监督管理行政执法责任制规定 第十五条第一款〕") in out
    kept = next(line for line in out.splitlines() if "或者改为：" in line)
    assert "组织处理" in kept and "处分——处分，移送任免机关决定，非本系统决定" in kept
    # After a 政务处分 (第十六条第二款) what stays open is 组织处理, never 处分.
    second = respons("liability", SAMR, "--store", store, "--case", "K-2").stdout
    assert "（保留较高级：代替同样成立的第2级）" in second
    kept = next(line for line in second.splitlines() if "或者改为：" in line)
    assert "组织处理" in kept and "处分——" not in kept
    # 情节轻微 alone is not 第二款's case: 第一款 applies, and nothing is kept open.
    third = respons("liability", SAMR, "--store", store, "--case", "K-3").stdout
    assert "成立（成立的最高一级）" in third and "保留较高级" not in third


def test_the_json_and_the_kept_detail_give_the_step_kept_open(respons, sqlite_url, tmp_path):
    store = _stored(respons, sqlite_url, tmp_path)
    result = respons("liability", SAMR, "--store", store, "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    first = _ladder(document, "K-1")
    assert first["step"] == 1 and first["base_step"]["keeps_higher"] is True
    kept = first["kept_step"]
    assert kept["level"] == 3 and kept["modal"] == "may"
    assert kept["citation"]["text"].endswith("第十五条第一款")
    assert [[m["name"] for m in o] for o in kept["measures"]["options"]] == [["组织处理"],
                                                                            ["处分"]]
    assert kept["measures"]["options"][1][0]["referral"] is True
    assert kept["measures"]["may_add"] == [] and kept["measures"]["combine"] is False
    assert _ladder(document, "K-2")["kept_step"]["level"] == 2
    third = _ladder(document, "K-3")
    assert third["step"] == 3 and third["kept_step"] is None
    assert third["base_step"]["keeps_higher"] is False
    # What the run keeps, joined back (its own part and its decision's), is the same case,
    # byte for byte its canonical JSON — the step kept open with the decision's part.
    with sqlite3.connect(sqlite_path(store)) as connection:
        rows = {record: whole(shared, own) for record, own, shared in connection.execute(
            "SELECT p.record, p.detail, d.detail FROM liability_proposals p "
            "LEFT JOIN liability_decisions d ON d.run = p.run AND d.decision = p.decision")}
    connection.close()
    for case in document["cases"]:
        assert rows[case["record"]] == canonical_json(case)


SCENARIO = """\
制度 场景 {
  上位 samr
}

场景 第十五条第二款 〔第十五条第二款〕 {
  截至 2025-12-31
  记录 行政执法过错行为线索.调查 K-1 2025-10-13 所在部门 = 市场监督管理部门,
      工作人员 = 孙某, 过错行为 = 不及时立案或者办案人员未取得行政执法证件,
      认定情形 = "情节轻微、法定从轻情形"
  预期 追究 K-1 阶梯 行政执法责任追究 第1级 保留较高级 第3级
}
"""


def _scenario(tmp_path, regime: str, expectation: str = "保留较高级 第3级") -> str:
    (tmp_path / "samr.resp").write_text(regime, "utf-8")
    path = tmp_path / "samr.test.resp"
    path.write_text(SCENARIO.replace("保留较高级 第3级", expectation), "utf-8")
    return str(path)


def test_a_scenario_asserts_the_step_kept_open_and_fails_without_it(respons, tmp_path):
    regime = (JURISDICTIONS / "samr.resp").read_text("utf-8")
    assert "可以 保留较高级 谈话提醒" in regime
    assert respons("test", _scenario(tmp_path, regime)).exit_code == 0
    wrong = respons("test", _scenario(tmp_path, regime, "保留较高级 无"))
    assert wrong.exit_code == 1
    assert "保留较高级 (higher step kept open): expected 无, got 第3级" in wrong.stdout
    # Without the marking, the highest step that holds applies: 第3级, nothing kept — the
    # scenario expecting 第1级 keeping 第3级 open fails on both.
    unmarked = regime.replace("可以 保留较高级 谈话提醒", "可以 谈话提醒")
    result = respons("test", _scenario(tmp_path, unmarked))
    assert result.exit_code == 1
    assert "step: expected 第1级, got 第3级" in result.stdout
    assert "expected 第3级, got 无" in result.stdout


HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
PARTS = ("过错 错 〔第一条〕\n情形 轻 〔第二条〕\n"
         "措施 甲 〔第三条〕 { 轻重 1 }\n措施 乙 〔第三条〕 { 轻重 2 }\n")


def _codes(tmp_path, ladder: str) -> list[tuple[str, int]]:
    from respons.check.runner import check_paths

    path = tmp_path / "x.resp"
    path.write_text(HEADER + PARTS + ladder, "utf-8")
    skip = (HEADER + PARTS).count("\n")
    return [(d.code, d.span.line - skip) for d in check_paths([path], None).diagnostics
            if d.severity == "error"]


def test_the_checker_refuses_a_marking_that_could_keep_nothing_open(tmp_path):
    good = "阶梯 两级 〔第四条〕 {\n  第1级 轻 => 可以 保留较高级 甲\n  第2级 错 => 乙\n}\n"
    assert _codes(tmp_path, good) == []
    # Binding (应当, the default): the decision-maker would have no choice to keep open.
    bound = good.replace("可以 保留较高级", "保留较高级")
    assert _codes(tmp_path, bound) == [("R0614", 2)]
    # The highest step has nothing above it to keep.
    top = "阶梯 两级 〔第四条〕 {\n  第1级 轻 => 甲\n  第2级 错 => 可以 保留较高级 乙\n}\n"
    assert _codes(tmp_path, top) == [("R0614", 3)]
    # A marked lower step with the higher one's condition is reachable: no R0608 …
    same = "阶梯 两级 〔第四条〕 {\n  第1级 错 => 可以 保留较高级 甲\n  第2级 错 => 乙\n}\n"
    assert _codes(tmp_path, same) == []
    # … which an unmarked one is not.
    assert ("R0608", 2) in _codes(tmp_path, same.replace("可以 保留较高级 ", "可以 "))


def test_the_engine_keeps_the_highest_step_that_holds_and_not_a_waived_one():
    """The marked step that holds is proposed; the step that would have applied — the
    highest that holds — is kept; a 免予追究 that ends the ladder keeps nothing open."""
    text = HEADER + PARTS + """措施 丙 〔第三条〕 { 轻重 3 }
情形 免 〔第五条〕
阶梯 三级 〔第四条〕 {
  第1级 轻 => 可以 保留较高级 甲
  第2级 错 => 乙
  第3级 错 且 非 轻 => 丙
  从轻 免 => 免予追究
}
"""
    parsed = parse_text(text, "x.resp")
    assert not parsed.diagnostics, [d.message for d in parsed.diagnostics]
    regime = parsed.regime
    names = Names(regime, {})
    severities = {m.name: m.severity for m in regime.measures}
    lad = regime.ladders[0]

    def outcome(found):
        return apply(lad, Facts(names, "错", {}, frozenset(found), {}), severities, False)

    light = outcome({"轻"})
    assert (light.pursued, light.level, light.kept_level) == (True, 1, 2)
    assert light.kept_step.options == lad.steps[1].options
    plain = outcome(set())
    assert (plain.level, plain.kept_level) == (3, None)
    waived = outcome({"轻", "免"})
    assert not waived.pursued and waived.kept_level is None

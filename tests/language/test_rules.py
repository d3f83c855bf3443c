"""Semantic rules on small regimes: what each rule accepts and what it reports."""

from __future__ import annotations

import textwrap

import pytest

from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager

HEADER = "制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def diagnose(tmp_path, registry):
    """Check a regime (and optional companions); return [(code, line)] of one file."""
    def run(text: str, name: str = "main", header: str = HEADER, **others: str):
        for other, body in others.items():
            (tmp_path / f"{other}.resp").write_text(textwrap.dedent(body), "utf-8")
        path = tmp_path / f"{name}.resp"
        path.write_text(header + textwrap.dedent(text).lstrip("\n"), "utf-8")
        report = check_paths([path], registry)
        skip = header.count("\n")
        return [(d.code, d.span.line - skip if d.span.file == str(path) else d.span.file)
                for d in report.diagnostics]
    return run


def test_decomposition_accepts_every_power_on_a_post(diagnose):
    assert diagnose("""
        机关 局 〔第一条〕 {
          性质 法定
          职权 处罚 甲
          职权 检查 乙
          机构 科 { 承担 甲, 乙; 岗位 科员 { 承担 甲 } }
          岗位 局长 { 承担 乙 }
        }
    """) == []


def test_decomposition_reports_gaps_additions_and_body_mismatch(diagnose):
    assert diagnose("""
        机关 局 〔第一条〕 {
          性质 法定
          职权 处罚 甲
          职权 检查 乙
          职权 许可 丁
          机构 科 { 承担 甲; 岗位 科员 { 承担 甲, 乙, 丙 } }
        }
    """) == [("R0301", 5), ("R0303", 6), ("R0302", 6)]


def test_grade_bands_with_a_boundary_rule_are_complete(diagnose):
    # jilin-city 31 with 70 graded 及格: 70分以上 and 70分以下 both hold 70 (民法典 1259).
    assert diagnose("""
        考核 考核 〔第三十一条〕 {
          方案 百分制
          项目 全部 100 分
          等级 优秀 95 以上
          等级 良好 85 以上 且 不满 95
          等级 及格 70 以上 且 不满 85
          等级 不及格 70 以下
          边界 70 => 及格
        }
    """) == []


def test_fractional_and_exclusive_bounds(diagnose):
    assert diagnose("""
        考核 考核 〔第七条〕 {
          方案 百分制
          满分 10
          项目 全部 10 分
          等级 好 超过 7.5
          等级 差 <= 7.5
        }
    """) == []
    assert diagnose("""
        考核 考核 〔第七条〕 {
          方案 百分制
          满分 10
          项目 全部 10 分
          等级 好 超过 7.5
          等级 差 < 7.5
        }
    """) == [("R0501", 1)]


def test_a_boundary_rule_must_name_a_band_holding_the_score(diagnose):
    assert diagnose("""
        考核 考核 〔第七条〕 {
          方案 百分制
          项目 全部 100 分
          等级 合格 60 以上
          等级 不合格 60 以下
          边界 60 => 优秀
        }
    """) == [("R0201", 6), ("R0504", 6)]


def test_ladder_ordering_accepts_growing_severity(diagnose):
    assert diagnose("""
        情形 轻 〔第一条〕
        情形 重 〔第一条〕
        措施 批评 〔第二条〕 { 轻重 1 }
        措施 检查 〔第二条〕 { 轻重 2 }
        措施 调离 〔第二条〕 { 轻重 5 }
        阶梯 阶梯 〔第三条〕 {
          第1级 轻 => 批评 或 检查
          第2级 重 => 检查 并 调离
        }
    """) == []


def test_overrides_replace_statements_and_merge_steps_by_number(diagnose, tmp_path, registry):
    parent = """\
        制度 省规定 {
          层级 省
          施行 2018-01-01
        }
        记录 投诉 { 主键 编号; 事件 收到, 答复 }
        职责 答复 〔第五条〕 { 起算 投诉.收到; 期限 30 日; 完成 投诉.答复 }
        情形 轻 〔第一条〕
        情形 重 〔第一条〕
        措施 批评 〔第二条〕 { 轻重 1 }
        措施 调离 〔第二条〕 { 轻重 5 }
        阶梯 阶梯 〔第三条〕 { 第1级 轻 => 批评; 第2级 重 => 批评 }
    """
    assert diagnose("""
        覆盖 职责 答复 { 期限 15 日 〔第六条〕 }
        覆盖 阶梯 阶梯 { 第2级 重 => 调离 〔第七条〕 }
    """.replace("覆盖 职责", "覆盖 职责"), name="city",
        prov=parent).count(("R0801", 0)) == 0
    # the same, extending the province for real
    city = tmp_path / "city2.resp"
    city.write_text("制度 市规定 {\n  层级 市\n  施行 2019-01-01\n  上位 prov\n}\n"
                    "覆盖 职责 答复 { 期限 15 日 〔第六条〕 }\n"
                    "覆盖 阶梯 阶梯 { 第2级 重 => 调离 〔第七条〕 }\n", "utf-8")
    report = check_paths([city], registry)
    assert report.valid, report.diagnostics
    regime = report.resolved[0].regime
    duty = regime.duties[0]
    assert (duty.period.amount, duty.period_citation.article) == (15, 6)
    assert duty.citation.regime == "prov" and duty.met_by[0].text == "投诉.答复"
    steps = {s.level: s for s in regime.ladders[0].steps}
    assert steps[1].options[0][0].text == "批评" and steps[2].options[0][0].text == "调离"
    assert steps[2].citation.regime == "city2"


OTHER = """\
    制度 他规定 {
      层级 部门
      施行 2018-01-01
    }
    过错 外部过错 〔第一条〕
    过错 不作为 〔第二条〕
"""


def test_uses_brings_declarations_in_and_a_clash_is_reported(diagnose):
    rules = """
        情形 轻 〔第三条〕
        措施 批评 〔第二条〕 { 轻重 1 }
        阶梯 本阶梯 〔第三条〕 { 第1级 轻 且 外部过错 => 批评 }
    """
    assert diagnose(rules, other=OTHER) == [("R0201", 3)]  # without 参照, 外部过错 is unknown
    with_uses = HEADER.replace("}", "  参照 other\n}")
    assert diagnose(rules, header=with_uses, other=OTHER) == []
    clash = rules + "过错 不作为 〔第九条〕\n"
    assert diagnose(clash, header=with_uses, other=OTHER) == [("R0804", 4)]


def test_a_file_with_syntax_errors_does_not_also_report_names_it_lost(diagnose):
    found = diagnose("""
        情形 轻 〔第一条〕 {
          对象 人员 人员
        }
        措施 批评 〔第二条〕 { 轻重 1 }
        阶梯 阶梯 〔第三条〕 { 第1级 轻 => 批评 }
    """)
    assert found == [("R0101", 2)]


def test_an_agency_standing_for_every_agency_lists_several_statuses(diagnose):
    # heilongjiang 2: 行政执法单位 are statutory, authorised and entrusted alike; standing for
    # all of them, the agency needs no 委托书 of its own.
    assert diagnose("""
        机关 行政执法单位 〔第二条〕 {
          性质 法定、授权、委托 〔第二条第二款〕
        }
    """) == []
    assert diagnose("""
        机关 某组织 〔第二条〕 {
          性质 授权、法定
          委托书 "委字1号" { 委托机关 某组织; 期间 2021-01-01 至 2022-01-01 }
        }
    """) == [("R0304", 3)]


# ── checks a reader expects (issue 9, point 3) ─────────────────────────────────────────
LADDER_PARTS = """
    情形 轻 〔第一条〕
    情形 重 〔第一条〕
    措施 批评 〔第二条〕 { 轻重 1; 对象 人员 }
    措施 暂扣证件 〔第二条〕 { 轻重 5; 对象 人员 }
    措施 通报 〔第二条〕 { 轻重 3; 对象 机关 }
"""


@pytest.mark.parametrize(("effect", "found"), [
    ("加重一级", []), ("加重 1", []), ("减轻一级", []), ("最重", []),
    ("加重5级", [("R0605", 11)]), ("加重二级", [("R0605", 11)]), ("减轻 2", [("R0605", 11)]),
])
def test_raising_or_lowering_stays_within_the_steps_of_the_ladder(diagnose, effect, found):
    modifier = "从轻" if effect.startswith("减轻") else "从重"
    assert diagnose(LADDER_PARTS + f"""
        阶梯 人员责任 〔第三条〕 {{
          对象 人员
          第1级 轻 => 批评
          第2级 重 => 暂扣证件
          {modifier} 重 => {effect}
        }}
    """) == found


def test_a_ladder_of_one_step_moves_nothing(diagnose):
    assert diagnose(LADDER_PARTS + """
        阶梯 人员责任 〔第三条〕 {
          第1级 轻 => 批评
          从重 重 => 加重一级
        }
    """) == [("R0605", 9)]


def test_a_ladder_names_measures_for_its_subject(diagnose):
    ladder = """
        阶梯 责任 〔第三条〕 {{
          对象 {subject}
          第1级 轻 => 批评 或 通报
        }}
    """
    # 通报 is for agencies, 批评 for officers: each ladder is told of the other one.
    assert diagnose(LADDER_PARTS + ladder.format(subject="人员")) == [("R0606", 9)]
    assert diagnose(LADDER_PARTS + ladder.format(subject="机关")) == [("R0606", 9)]
    # Without 对象 a ladder (or a measure) is for either.
    assert diagnose(LADDER_PARTS + ladder.replace("  对象 {subject}\n", "").format()) == []


def test_a_ladder_of_one_step_needs_no_severities_unless_one_is_chosen(diagnose):
    parts = "情形 轻 〔第一条〕\n措施 甲 〔第二条〕\n措施 乙 〔第二条〕\n"
    assert diagnose(parts + "阶梯 一级 〔第三条〕 { 第1级 轻 => 甲 或 乙 }\n") == []
    # 最重 takes the heaviest option: then the options need severities to choose by.
    chosen = "阶梯 一级 〔第三条〕 {\n  第1级 轻 => 甲 或 乙\n  从重 轻 => 最重\n}\n"
    assert diagnose(parts + chosen) == [("R0603", 5), ("R0603", 5)]
    # Two steps: the order is what needs them, as before.
    assert diagnose(parts + "阶梯 两级 〔第三条〕 {\n  第1级 轻 => 甲\n  第2级 非 轻 => 乙\n}\n") \
        == [("R0603", 5), ("R0603", 6)]
    # Two steps with one condition: the lower one never applies (R0608).
    assert ("R0608", 5) in diagnose(
        parts + "阶梯 两级 〔第三条〕 {\n  第1级 轻 => 甲\n  第2级 轻 => 乙\n}\n")


def test_an_entrustment_names_its_document(diagnose):
    agencies = """
        机关 局 〔第三条〕 {{
          性质 法定
          职权 处罚 罚款
          岗位 执法岗 {{ 承担 罚款 }}
        }}
        机关 大队 〔第四条〕 {{
          性质 委托
          委托书 {number} 〔第十六条〕 {{
            委托机关 局
            范围 罚款
            期间 2020-01-01 至 2025-12-31
          }}
        }}
    """
    assert diagnose(agencies.format(number='"吉市委字〔2020〕1号"')) == []
    assert diagnose(agencies.format(number='""')) == [("R0116", 8)]
    assert diagnose(agencies.format(number="“　 ”")) == [("R0116", 8)]

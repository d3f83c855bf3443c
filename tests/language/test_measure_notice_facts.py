"""What a notice issued on a liability measure (签发 措施 M) is given, as `respons check` sees
it: the measure's facts and the fields of the case record of every proceeding (追究) that
proposes M — which the engine gives it (respons.engine.notices._measure_facts) — so that
`主送 被追究部门` names the department pursued (tongzhou 裁量权监督规定 6), and a name that
is neither stays an error (R0201, R0703)."""

from __future__ import annotations

import textwrap

import pytest

from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager

HEADER = "制度 测试规定 {\n  层级 区\n  施行 2020-01-01\n}\n"

BASE = """
机关 区政府 〔第二条〕 { 性质 法定 }
记录 责任追究 〔第十三条〕 {
  主键 追究编号
  字段 被追究部门 机关
  字段 责任人 人员 可选
  字段 过错行为 文本 可选
  字段 追究机关 机关 可选
  事件 决定
}
记录 评查 〔第十七条〕 {
  主键 评查编号
  字段 被追究部门 机关
  字段 过错行为 文本 可选
  字段 评查员 文本 可选
  事件 认定
}
过错 未按规定追究人员责任 〔第十七条〕
情形 案卷问题 〔第十七条〕
措施 制发法制建议书 〔第六条〕 { 轻重 1; 对象 机关 }
措施 通报 〔第六条〕 { 轻重 2; 对象 机关 }
阶梯 督促追究 〔第十七条〕 {
  对象 机关
  第1级 未按规定追究人员责任 => 制发法制建议书
}
阶梯 评查整改 〔第十七条〕 {
  对象 机关
  第1级 案卷问题 => 制发法制建议书 或 通报
}
责任划分 承担者 〔第六条〕 {
  情形 未按规定追究人员责任 => 被追究部门
}
追究 追究 〔第十三条〕 {
  案件 责任追究.决定
  过错 过错行为
  阶梯 督促追究
  责任划分 承担者
  决定 区政府
}
"""

NOTICE = """
文书 法制建议书 〔第六条〕 {
  标题 "政府法制建议书"
  签发 措施 制发法制建议书
  发文机关 区政府
  主送 被追究部门
  抄送 追究机关
  文号 "通法建〔{年}〕{号}号"
  要素 发现的问题 = "{过错}（{追究编号}）"
  要素 所在部门 = 所在机关
}
"""

#: a second proceeding over another case record that proposes the same measure
SECOND = """
追究 评查追究 〔第十七条〕 {
  案件 评查.认定
  过错 过错行为
  阶梯 评查整改
  决定 区政府
}
"""


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


@pytest.fixture
def check(tmp_path, registry):
    def run(text: str):
        path = tmp_path / "main.resp"
        path.write_text(HEADER + BASE + textwrap.dedent(text), "utf-8")
        return [(d.code, d.message) for d in check_paths([path], registry).diagnostics]
    return run


def test_the_case_record_s_fields_are_parties_and_facts_of_a_measure_notice(check):
    assert check(NOTICE) == []


def test_a_name_that_is_no_field_of_the_case_record_is_still_refused(check):
    found = check(NOTICE.replace("主送 被追究部门", "主送 被追究部们"))
    assert [c for c, _ in found] == ["R0201"]
    assert "did you mean '被追究部门'" in found[0][1]
    found = check(NOTICE.replace("{追究编号}", "{评查编号}"))
    assert [c for c, _ in found] == ["R0703"]
    assert "uses {评查编号}, which is not a fact of a notice issued on 措施 制发法制建议书" \
        in found[0][1]


def test_with_two_case_records_only_the_fields_both_have_are_given(check):
    # 被追究部门 is a field of both case records; 追究编号 and 追究机关 of one only
    found = check(SECOND + NOTICE)
    assert sorted(c for c, _ in found) == ["R0201", "R0703"], found
    assert any("追究机关" in m for c, m in found if c == "R0201")
    assert any("{追究编号}" in m for c, m in found if c == "R0703")
    assert check(SECOND + NOTICE.replace("  抄送 追究机关\n", "").replace(
        "（{追究编号}）", "")) == []


def test_a_measure_no_proceeding_proposes_gives_no_case_field(check):
    found = check(NOTICE.replace("签发 措施 制发法制建议书", "签发 措施 通报"))
    # 通报 is proposed only by 评查整改, which no proceeding here applies
    assert sorted(c for c, _ in found) == ["R0201", "R0201", "R0703"], found

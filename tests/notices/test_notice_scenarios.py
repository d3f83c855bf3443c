"""Scenarios can expect a notice called for (预期 文书 …): its number, recipient and elements
as `respons notices` issues them; and none (预期 无 文书 …). A wrong number fails the scenario
with the difference; a notice nobody expected fails it too once the scenario expects any."""

from __future__ import annotations

from paths import JURISDICTIONS

HEAD = f"""制度 测试 {{
  上位 "{JURISDICTIONS / 'hangzhou.resp'}"
}}
"""
DECISION = """  记录 责任追究.决定 {case} {date} 案件来源 = 投诉, 被追究对象 = 行政执法人员,
      责任人 = "{person}", 责任追究机构 = 行政执法部门.法制工作机构, 追究机关 = 行政执法部门,
      追究机关类别 = 行政执法部门, 处理结果 = 追究, 决定理由 = "理由{case}",
      事实依据 = "事实", 法律依据 = "第三十七条"
  记录 责任追究.备案 {case} {date}
"""


def scenario(tmp_path, body: str, records=(("ZJ-1", "2025-04-10", "张三"),)):
    given = "".join(DECISION.format(case=c, date=d, person=p) for c, d, p in records)
    path = tmp_path / "hz.test.resp"
    path.write_text(HEAD + "场景 决定书 {\n  截至 2025-05-30\n" + given + body + "}\n",
                    encoding="utf-8")
    return path


DUTIES = "".join(f"  预期 职责 责任追究决定备案 {c} 按期完成\n" for c in ("ZJ-1", "ZJ-2"))


def test_a_notice_expected_with_its_number_passes(respons, tmp_path):
    path = scenario(tmp_path, DUTIES.splitlines(keepends=True)[0]
                    + '  预期 文书 行政执法责任追究决定书 ZJ-1 文号 "杭责追〔2025〕1号",\n'
                    '      主送 "张三", 要素 作出决定的理由 = "理由ZJ-1"\n')
    result = respons("test", str(path))
    assert result.exit_code == 0, result.stdout
    assert "1 of 5 notices exercised" in result.stdout


def test_a_wrong_number_or_element_fails_with_the_difference(respons, tmp_path):
    path = scenario(tmp_path, DUTIES.splitlines(keepends=True)[0]
                    + '  预期 文书 行政执法责任追究决定书 ZJ-1 文号 "杭责追〔2025〕2号",\n'
                    '      要素 事实依据 = "别的事实"\n')
    result = respons("test", str(path))
    assert result.exit_code == 1
    assert "document number: expected 杭责追〔2025〕2号, got 杭责追〔2025〕1号" in result.stdout
    assert "element 事实依据: expected 别的事实, got 事实" in result.stdout


def test_a_notice_nobody_expected_fails_once_any_is_expected(respons, tmp_path):
    path = scenario(tmp_path, DUTIES + "  预期 文书 行政执法责任追究决定书 ZJ-1\n",
                    records=(("ZJ-1", "2025-04-10", "张三"), ("ZJ-2", "2025-04-11", "李四")))
    result = respons("test", str(path))
    assert result.exit_code == 1
    assert "not expected, as of 2025-05-30: 行政执法责任追究决定书 notice 杭责追〔2025〕2号" \
        in result.stdout


def test_no_notice_before_the_decision(respons, tmp_path):
    path = scenario(tmp_path, DUTIES.splitlines(keepends=True)[0]
                    + "  预期 无 文书 行政执法责任追究决定书 ZJ-1 截至 2025-04-09\n"
                    + "  预期 文书 行政执法责任追究决定书 ZJ-1 截至 2025-04-10\n")
    assert respons("test", str(path)).exit_code == 0
    wrong = scenario(tmp_path, DUTIES.splitlines(keepends=True)[0]
                     + "  预期 无 文书 行政执法责任追究决定书 ZJ-1\n")
    result = respons("test", str(wrong))
    assert result.exit_code == 1
    assert "notices: expected none, got 杭责追〔2025〕1号" in result.stdout


def test_an_element_the_notice_lacks_and_a_repeated_expectation_are_errors(respons, tmp_path):
    path = scenario(tmp_path, "  预期 文书 行政执法责任追究决定书 ZJ-1 要素 处理理由 = \"x\"\n"
                    "  预期 文书 行政执法责任追究决定书 ZJ-1 文号 \"杭责追〔2025〕1号\"\n"
                    "  预期 文书 无此文书 ZJ-1\n")
    result = respons("check", str(path), "--format", "json")
    import json

    codes = sorted(d["code"] for d in json.loads(result.stdout)["diagnostics"])
    assert codes == ["R0201", "R0201", "R1302"], result.stdout


def test_a_notice_on_an_assessment_s_consequence_is_expected_at_the_year_s_end(respons,
                                                                               tmp_path):
    """jilin-city 32(三): an agency graded 不及格 is sent a 整改通知书 — expected in a scenario
    judged on the year's last day, when the year's assessments are scored. (31②'s 通报 of
    every grade is called for that day too, so it is expected as well.)"""
    path = tmp_path / "jl.test.resp"
    path.write_text(f"""制度 测试 {{
  上位 "{JURISDICTIONS / 'jilin-city.resp'}"
}}
场景 不及格的整改通知书 {{
  截至 2025-12-31
  记录 评议考核结果.评定 K-1 2025-12-20 被考核单位 = 行政执法机关, 考核年度 = 2025, 得分 = 65
  预期 考核 行政执法责任制评议考核 行政执法机关 2025 得分 65, 等级 不及格, 后果 整改通知书
  预期 文书 整改通知书 行政执法机关 文号 "吉政整〔2025〕1号", 主送 "行政执法机关",
      要素 评议考核结果 = "2025年度行政执法责任制评议考核得分65分，评议考核结果为不及格。"
  预期 文书 评议考核结果通报 行政执法机关 文号 "吉政通〔2025〕1号"
}}
""", encoding="utf-8")
    result = respons("test", str(path))
    assert result.exit_code == 0, result.stdout
    wrong = path.read_text(encoding="utf-8").replace("吉政整〔2025〕1号", "吉政整〔2025〕2号")
    path.write_text(wrong, encoding="utf-8")
    failed = respons("test", str(path))
    assert failed.exit_code == 1
    assert "document number: expected 吉政整〔2025〕2号, got 吉政整〔2025〕1号" in failed.stdout


def test_a_notice_called_for_that_cannot_be_issued_fails_unless_expected_absent(respons,
                                                                              tmp_path):
    """A decision without its reasons (hangzhou 48 requires them) calls for a 决定书 that
    cannot be issued: `respons notices` exits 1 on it, and a scenario that expects notices
    says so — unless it expects none for that case (预期 无 文书)."""
    reasonless = DECISION.replace(' 决定理由 = "理由{case}",\n      ', "\n      ")
    given = reasonless.format(case="ZJ-9", date="2025-04-10", person="张三")
    body = ('  预期 职责 责任追究决定备案 ZJ-9 按期完成\n'
            '  预期 无 文书 行政执法责任追究决定书 ZJ-8\n')
    path = tmp_path / "hz.test.resp"
    path.write_text(HEAD + "场景 决定书 {\n  截至 2025-05-30\n" + given + body + "}\n",
                    encoding="utf-8")
    result = respons("test", str(path))
    assert result.exit_code == 1
    assert "行政执法责任追究决定书 notice 行政执法责任追究决定书 on record:ZJ-9" in result.stdout
    assert "cannot be issued: nothing fills the required element 作出决定的理由" in result.stdout
    path.write_text(path.read_text(encoding="utf-8").replace("ZJ-8", "ZJ-9"), encoding="utf-8")
    result = respons("test", str(path))
    assert result.exit_code == 0, result.stdout

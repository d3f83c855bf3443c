"""`respons assess` over the seed regimes: the grades, vetoes and consequences their texts
give, from records a year of theirs would hold (issue 11).

Each test ingests a few records into a store of its own and reads `respons assess --format
json`, so what is tested is the encoding in jurisdictions/ through the real ingest, the store's
counting and the built-in schemes: jilin-city 31's boundaries on a recorded score and 32's
consequences one year and two years running; dacheng 七（二）'s veto failing a top score, with
the record behind it; changchun-xinqu 25's officer 不合格 once and twice; tongzhou 人员管理办法
13's 年检 refused on the year's training record whatever the 法制办 concluded. The scenarios
of the regimes' .test.resp files say the same in the regimes' words where `respons test` can.
"""

from __future__ import annotations

import json

import pytest

from paths import JURISDICTIONS


def _assess(respons, tmp_path, regime, rows, year=2025):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       "utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    path = str(JURISDICTIONS / f"{regime}.resp")
    ingested = respons("ingest", path, str(records), "--store", url)
    assert ingested.exit_code == 0, ingested.stdout + ingested.stderr
    result = respons("assess", path, "--year", str(year), "--store", url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    return {(a["assessment"], s["subject"]): s for a in document["assessments"]
            for s in a["subjects"]}


def _consequences(subject):
    return sorted((c["grade"], c["consecutive"], c["measures"][0] if len(c["measures"]) == 1
                   else c["measures"]) for c in subject["consequences"])


def _jilin(at, score, year):
    return {"id": f"KH-{year}", "type": "评议考核结果.评定", "at": at, "考核编号": f"KH-{year}",
            "被考核单位": "行政执法机关", "考核年度": year, "得分": score}


JILIN = "行政执法责任制评议考核"
# 第三十一条第一款, at every boundary and either side of it: 70 is 及格 by the 边界 rule.
JILIN_31 = [(69.9, "不及格"), (70, "及格"), (84.9, "及格"), (85, "良好"), (94.9, "良好"),
            (95, "优秀")]


@pytest.mark.parametrize(("score", "grade"), JILIN_31)
def test_jilin_city_31_grades_the_recorded_score_at_its_boundaries(respons, tmp_path, score,
                                                                   grade):
    found = _assess(respons, tmp_path, "jilin-city", [_jilin("2025-12-20", score, 2025)])
    subject = found[(JILIN, "行政执法机关")]
    assert subject["grade"] == grade
    assert subject["recorded"] == {"score": "KH-2025"}


def test_jilin_city_32_consequences_one_bad_year_then_two(respons, tmp_path):
    rows = [_jilin("2024-12-20", 68, 2024), _jilin("2025-12-20", 69.9, 2025)]
    subject = _assess(respons, tmp_path, "jilin-city", rows)[(JILIN, "行政执法机关")]
    assert subject["grade"] == "不及格"
    measures = {(c["grade"], c["consecutive"]): c["measures"] for c in subject["consequences"]}
    assert measures == {("不及格", None): [["整改通知书", "督促整改", "诫勉谈话"]],
                        ("不及格", 2): [["调离现岗位"], ["行政处分"]]}


def test_jilin_city_32_2_an_excellent_unit_is_commended(respons, tmp_path):
    subject = _assess(respons, tmp_path, "jilin-city", [_jilin("2025-12-20", 96, 2025)])[
        (JILIN, "行政执法机关")]
    assert [(c["grade"], c["measures"]) for c in subject["consequences"]] == [
        ("优秀", [["表彰"]])]


def test_jilin_city_29_items_list_what_the_records_show_behind_the_score(respons, tmp_path):
    """第二十九条第（四）项 (重大行政处罚备案) and 第（七）项 (过错责任追究) are read off the
    records, by the agency they concern; the score is the one recorded, the items its
    contents."""
    rows = [_jilin("2025-12-20", 88, 2025),
            {"id": "P1", "type": "重大行政处罚.作出", "at": "2025-03-02",
             "决定书文号": "吉罚〔2025〕1号", "机关": "行政执法机关"},
            {"id": "P1-备", "type": "重大行政处罚.备案", "at": "2025-03-12",
             "决定书文号": "吉罚〔2025〕1号", "机关": "行政执法机关"},
            {"id": "Z1", "type": "责任追究.决定", "at": "2025-05-12", "决定编号": "吉责〔2025〕1号",
             "责任人": "张三", "处理机关": "行政执法机关"}]
    subject = _assess(respons, tmp_path, "jilin-city", rows)[(JILIN, "行政执法机关")]
    # the score as recorded (a JSON 88), not the binary float the store reads it as
    assert (subject["total"], subject["grade"]) == ("88", "良好")
    found = {item["item"]: [r for f in item["findings"] for r in f["records"]]
             for item in subject["items"]}
    assert len(found) == 8 and all(item["points"] is None for item in subject["items"])
    assert {k: v for k, v in found.items() if v} == {
        "规范性文件重大行政处罚及以政府名义作出具体行政行为的审查备案情况": ["P1-备"],
        "行政执法过错责任追究情况": ["Z1"]}


def _dacheng(id_, who, score):
    field = "被考核机构" if "." in who else "被考核人员"
    return {"id": id_, "type": "评议考核结果.确定档次", "at": "2025-12-20", "考核编号": id_,
            field: who, "考核年度": 2025, "考核分数": score}


INVESTMENT = "大城县行政审批局.投资项目股"
ENTERPRISE = "大城县行政审批局.企业设立股"


def test_dacheng_7_2_a_revoked_act_fails_a_top_score_and_only_its_own(respons, tmp_path):
    rows = [_dacheng("K1", INVESTMENT, 96), _dacheng("K2", ENTERPRISE, 90),
            _dacheng("K3", "张三", 92), _dacheng("K4", "李四", 80),
            {"id": "A1", "type": "具体行政执法行为.因违法被撤销或者变更", "at": "2025-06-01",
             "决定文号": "大审许〔2025〕3号", "执法机构": INVESTMENT, "承办人": "张三"}]
    found = _assess(respons, tmp_path, "dacheng-approval", rows)
    bodies, officers = "执法机构评议考核", "执法人员评议考核"
    for subject in (found[(bodies, INVESTMENT)], found[(officers, "张三")]):
        assert subject["grade"] == "不合格"
        assert [(v["citation"].rsplit(" ", 1)[-1], v["records"]) for v in subject["vetoes"]
                if v["holds"]] == [("七（二）1", ["A1"])]
        assert [c["measures"] for c in subject["consequences"]] == [
            [["考核结果通报", "不得评为年度工作先进"]]]
    # 90 and 80 are each claimed by two bands as written; the 边界 rules give the higher one.
    assert found[(bodies, ENTERPRISE)]["grade"] == "优秀"
    assert found[(officers, "李四")]["grade"] == "良好"


def _officer(year, who, grade):
    key = f"XQ-{year}-{who}"
    return {"id": key, "type": "评议考核结果.确定档次", "at": f"{year}-12-20", "考核编号": key,
            "被考核人员": who, "考核年度": year, "档次": grade}


def test_changchun_xinqu_25_an_officer_failing_once_and_twice(respons, tmp_path):
    rows = [_officer(2024, "甲", "不合格"), _officer(2025, "甲", "不合格"),
            _officer(2024, "乙", "合格"), _officer(2025, "乙", "不合格"),
            _officer(2025, "丙", "优秀")]
    found = _assess(respons, tmp_path, "changchun-xinqu", rows)
    name = "行政执法人员评议考核"
    once = {("不合格", None): [["年度公务员考核不得评为优秀", "批评教育"],
                              ["年度公务员考核不得评为优秀", "离岗培训"]]}
    twice = {**once, ("不合格", 2): [["调离执法岗位"], ["取消执法资格"]]}
    for who, expected in (("甲", twice), ("乙", once), ("丙", {})):
        subject = found[(name, who)]
        assert {(c["grade"], c["consecutive"]): c["measures"]
                for c in subject["consequences"]} == expected, who


def _certificate(id_, event, at, number, holder, **more):
    return {"id": id_, "type": f"行政执法证件.{event}", "at": at, "证件编号": number,
            "持证人": holder, "所在行政执法主体": "行政执法部门", "证件来源": "区政府法制办核发",
            **more}


def test_tongzhou_13_a_failed_retake_refuses_the_inspection_whatever_was_concluded(
        respons, tmp_path):
    rows = [_certificate("Z1-发", "核发", "2024-03-01", "TZ-001", "王五"),
            _certificate("Z1-训", "培训考核", "2025-10-10", "TZ-001", "王五",
                         培训考核结果="补考不合格"),
            _certificate("Z1-检", "年检", "2025-12-10", "TZ-001", "王五", 年检结论="通过年检"),
            _certificate("Z2-发", "核发", "2024-03-01", "TZ-002", "赵六"),
            _certificate("Z2-训", "培训考核", "2025-10-10", "TZ-002", "赵六",
                         培训考核结果="补考合格"),
            _certificate("Z2-检", "年检", "2025-12-10", "TZ-002", "赵六", 年检结论="通过年检")]
    found = _assess(respons, tmp_path, "tongzhou", rows)
    refused, passed = found[("行政执法证件年检", "王五")], found[("行政执法证件年检", "赵六")]
    # graded by tiers (条件分档): the first, 不予年检, holds on the failed retake whatever the
    # 法制办 concluded; 赵六 passed and has no fault record this year: the second, 通过年检
    assert refused["grade"] == "不予年检"
    assert [(t["grade"], t["holds"], t["records"]) for t in refused["tiers"]] == [
        ("不予年检", True, ["Z1-训"]), ("通过年检", False, [])]
    assert passed["grade"] == "通过年检"
    assert [(t["holds"], t["records"]) for t in passed["tiers"]] == [(False, []),
                                                                      (True, ["Z2-训"])]


def _found(subject):
    return {item["item"]: [r for f in item["findings"] for r in f["records"]]
            for item in subject["items"] if any(f["records"] for f in item["findings"])}


def test_hangzhou_29_30_list_reviews_suits_and_liability_without_a_grade(respons, tmp_path):
    rows = [{"id": "F1", "type": "复议诉讼赔偿.提出", "at": "2025-03-01", "案件编号": "FY-1",
             "行政执法部门": "行政执法部门", "承办人": "李四", "类别": "行政复议"},
            {"id": "F2", "type": "复议诉讼赔偿.作出结果", "at": "2025-05-20", "案件编号": "FY-1",
             "行政执法部门": "行政执法部门", "承办人": "李四", "类别": "行政复议", "结果": "撤销"},
            {"id": "F3", "type": "复议诉讼赔偿.提出", "at": "2025-04-01", "案件编号": "PC-1",
             "行政执法部门": "行政执法部门", "类别": "行政赔偿"},
            {"id": "Z1", "type": "责任追究.决定", "at": "2025-09-22", "案件编号": "ZJ-1",
             "案件来源": "投诉", "被追究对象": "行政执法人员", "责任人": "李四",
             "被追究部门": "行政执法部门", "责任追究机构": "各级人民政府.法制工作机构",
             "追究机关": "各级人民政府", "追究机关类别": "人民政府", "处理结果": "追究"}]
    found = _assess(respons, tmp_path, "hangzhou", rows)
    department = found[("政府对行政执法部门评议考核", "行政执法部门")]
    officer = found[("部门对行政执法人员评议考核", "李四")]
    for subject in (department, officer):
        assert (subject["total"], subject["grade"], subject["consequences"]) == (None, None, [])
    # 第二十九条第（五）项 takes review and suit results, not the compensation claim (F3).
    assert _found(department) == {
        "行政执法决定的行政复议和行政诉讼结果及履行情况": ["F2"],
        "对行政执法人员违法执法或者不当行政执法行为责任追究情况": ["Z1"]}
    assert _found(officer) == {"对行政执法行为提出行政复议行政赔偿行政诉讼的情况": ["F1"]}
    assert len(department["items"]) == 9 and len(officer["items"]) == 7


def test_heilongjiang_33_6_lists_a_decision_revoked_on_review(respons, tmp_path):
    rows = [{"id": "D1", "type": "行政执法决定.作出决定", "at": "2025-02-10",
             "案件编号": "HL-2025-1", "作出决定的行政机关": "行政执法单位"},
            {"id": "R1", "type": "复议诉讼结果.作出", "at": "2025-06-10", "结果编号": "FY-1",
             "行政执法单位": "行政执法单位", "案件": "HL-2025-1", "途径": "行政复议",
             "结果": "撤销"}]
    unit = _assess(respons, tmp_path, "heilongjiang", rows)[("行政执法评议考核", "行政执法单位")]
    assert (unit["total"], unit["grade"]) == (None, None) and len(unit["items"]) == 8
    assert _found(unit) == {"行政执法行为是否在行政诉讼或者行政复议中被认定违法和变更撤销": ["R1"]}


def test_dacheng_file_review_8_lists_each_problem_under_its_content(respons, tmp_path):
    def problem(id_, body, content):
        return {"id": id_, "type": "案卷评查问题.评查发现", "at": "2025-12-10", "问题编号": id_,
                "行政审批股室": f"大城县行政审批局.{body}", "案卷": "大审许〔2025〕3号",
                "评查内容": content}

    rows = [problem("W1", "投资项目股", "执法程序"), problem("W2", "投资项目股", "立卷归档"),
            problem("W3", "企业设立股", "执法程序")]
    found = _assess(respons, tmp_path, "dacheng-approval", rows)
    assert _found(found[("行政执法案卷评查", INVESTMENT)]) == {
        "执法程序是否合法": ["W1"], "行政执法文书和材料的立卷归档是否符合有关规定": ["W2"]}
    assert _found(found[("行政执法案卷评查", ENTERPRISE)]) == {"执法程序是否合法": ["W3"]}


def test_every_assessment_of_the_seed_regimes_is_exercised_by_a_scenario(respons):
    result = respons("test", "--format", "json", str(JURISDICTIONS))
    assessments = next(c for c in json.loads(result.stdout)["coverage"]
                       if c["kind"] == "assessment")
    assert [(r["regime"], r["name"]) for r in assessments["rules"] if not r["scenarios"]] == []
    assert assessments["covered"] == assessments["total"] >= 14
    # issue 11's Done-when: every item, band, boundary, veto and consequence too
    parts = {c["kind"]: c for c in json.loads(result.stdout)["coverage"]}
    for kind in ("assessment item", "band", "boundary", "veto", "bar", "consequence"):
        assert [(r["regime"], r["name"]) for r in parts[kind]["rules"]
                if not r["scenarios"]] == [], kind
    assert parts["boundary"]["total"] >= 9 and parts["veto"]["total"] >= 4
    assert parts["bar"]["total"] >= 4


def test_the_example_year_assesses_its_departments_and_officers(respons, tmp_path):
    """examples/changchun-xinqu-2025: `respons run … records.jsonl assessments.jsonl --year 2025`
    has an assessment stage with the consequences of 任务25 and 任务13 — 执法人员007 不合格 in
    2024 and 2025, 新区交通运输局 不合格, 新区综合行政执法局's files 不合格."""
    from paths import ROOT

    example = ROOT / "examples" / "changchun-xinqu-2025"
    result = respons("run", str(example / "xinqu-departments.resp"),
                     str(example / "records.jsonl"), str(example / "assessments.jsonl"),
                     "--year", "2025", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)["assessment"]
    found = {(a["assessment"], s["subject"]): s for a in document["assessments"]
             for s in a["subjects"]}

    def measures(assessment, subject):
        return {(c["grade"], c["consecutive"]): c["measures"]
                for c in found[(assessment, subject)]["consequences"]}

    officers = "行政执法人员评议考核"
    assert measures(officers, "执法人员007")[("不合格", 2)] == [["调离执法岗位"], ["取消执法资格"]]
    assert ("不合格", 2) not in measures(officers, "执法人员011")
    assert measures("行政执法部门评议考核", "新区交通运输局") == {
        ("不合格", None): [["责令限期整改"]]}
    assert measures("单位案卷评查", "新区综合行政执法局") == {
        ("不合格", None): [["通报批评", "责令整改"]]}
    graded = [s for (a, _), s in found.items() if a == officers and s["grade"]]
    assert len(graded) == 24


def test_changchun_xinqu_24_the_file_review_is_listed_under_the_officers_grade(respons,
                                                                              tmp_path):
    """任务24: 专门考核 uses 案卷评查 — the officer's 任务13 file review is shown behind the grade
    the assessor determined (任务25), within the same regime; it decides nothing by itself."""
    rows = [_officer(2025, "甲", "不合格"),
            {"id": "F1", "type": "案卷评查结果.评定", "at": "2025-11-20", "评查编号": "F1",
             "被评查人员": "甲", "评查结果": "不合格"},
            {"id": "F2", "type": "案卷评查结果.评定", "at": "2025-11-20", "评查编号": "F2",
             "被评查人员": "乙", "评查结果": "优秀"}]
    found = _assess(respons, tmp_path, "changchun-xinqu", rows)
    officer = found[("行政执法人员评议考核", "甲")]
    assert officer["grade"] == "不合格"
    assert _found(officer) == {"专门考核中的案卷评查": ["F1"]}
    assert found[("个人案卷评查", "甲")]["grade"] == "不合格"


def test_tongzhou_year_end_review_draws_reproducibly_and_an_appeal_corrects_a_file(respons,
                                                                                  tmp_path):
    """examples/tongzhou-2025: 案卷评查规范 第十条第（四）项's draw from each department's catalogue
    of the number the notice gives (（三）), repeated here with hashlib from the seed, the
    department and the case numbers alone;
    （七）'s mean of the confirmed scores, 第九条's appeal upheld (55 → 78) and one rejected
    (58 stays, 不合格卷)."""
    import hashlib

    from paths import ROOT

    example = ROOT / "examples" / "tongzhou-2025"
    url = f"sqlite:///{tmp_path / 'store.db'}"
    plan, records = str(example / "review-plan.resp"), str(example / "records.jsonl")
    assert respons("ingest", plan, records, "--store", url).exit_code == 0
    result = respons("assess", plan, "--year", "2025", "--store", url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    review = next(a for a in json.loads(result.stdout)["assessments"]
                  if a["assessment"] == "年终案卷评查")
    subjects = {s["subject"]: s for s in review["subjects"]}
    rows = [json.loads(line) for line in (example / "records.jsonl").read_text("utf-8")
            .splitlines()]
    for subject in subjects.values():
        catalogue = [r["处罚决定书文号"] for r in rows if r["type"] == "报送案卷.报送目录"
                     and r["行政执法部门"] == subject["subject"]]
        ranked = sorted(catalogue, key=lambda number: hashlib.sha256(
            "\x1f".join(("2025", subject["subject"], number)).encode("utf-8")).hexdigest())
        draw = subject["draw"]
        assert (draw["seed"], draw["catalogue"]) == (2025, len(catalogue))
        assert [f["file"] for f in draw["files"]] == ranked[:3]
    market = subjects["通州区市场监督管理局"]
    assert market["total"] == "86.0"  # (92 + 88 + 78) / 3; without the appeal 78.3
    assert [(f["sheet_score"], f["score"], f["appeal"]) for f in market["draw"]["files"]
            if f["appeal"]] == [("55", "78", "通市监罚〔2025〕1号-申辩成立")]
    city = subjects["通州区城市管理综合行政执法局"]
    assert city["total"] == "77.3"  # (90 + 58 + 84) / 3, 四舍五入
    assert [f["score"] for f in city["draw"]["files"] if f["vetoed"]] == ["58"]
    assert market["grade"] is None and city["grade"] is None  # 第十五条: no grades
    # The number drawn is the notice's (第十条第（三）项): without the notice nothing is drawn.
    unnoticed = tmp_path / "unnoticed.jsonl"
    unnoticed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows
                                 if r["type"] != "年终评查.书面通知"), "utf-8")
    url = f"sqlite:///{tmp_path / 'unnoticed.db'}"
    assert respons("ingest", plan, str(unnoticed), "--store", url).exit_code == 0
    result = respons("assess", plan, "--year", "2025", "--store", url, "--format", "json")
    review = next(a for a in json.loads(result.stdout)["assessments"]
                  if a["assessment"] == "年终案卷评查")
    assert len(review["subjects"]) == 2
    assert all(s["draw"]["files"] == [] for s in review["subjects"])


def test_jilin_city_32_3_the_rectification_notice_carries_the_recorded_result(respons,
                                                                             tmp_path):
    """A 2025 result determined in January 2026 (周期 考核年度), 69.5 → 不及格 → the
    整改通知书 of 第三十二条第（三）项 from the 本级人民政府, with the score as recorded."""
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(_jilin("2026-01-15", 69.5, 2025), ensure_ascii=False) + "\n",
                       "utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    regime = str(JURISDICTIONS / "jilin-city.resp")
    assert respons("ingest", regime, str(records), "--store", url).exit_code == 0
    out = tmp_path / "notices"
    result = respons("notices", regime, "--store", url, "--year", "2025", "--out", str(out),
                     "--format", "md")
    assert result.exit_code == 0, result.stderr
    # 第三十一条第二款's 通报 of every grade is issued beside it.
    names = sorted(p.name for p in out.glob("*.md"))
    assert names == ["吉政整〔2025〕1号.md", "吉政通〔2025〕1号.md"]
    text = (out / "吉政整〔2025〕1号.md").read_text("utf-8")
    assert "2025年度行政执法责任制评议考核得分69.5分，评议考核结果为不及格。" in text
    assert "本级人民政府" in text and "抄送：司法行政部门" in text

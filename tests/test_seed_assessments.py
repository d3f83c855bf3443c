"""The seed regimes' assessments (评议考核, 案卷评查) grade as their texts say (issue 11).

Each test takes an assessment of a regime in jurisdictions/ as resolved and checks it
against the article it encodes: the grade of every boundary score and the scores either
side of it (jilin-city 31: 95/85/70; dacheng 评议考核实施方案 七（一）: 90/80/60), a veto that
fixes the grade whatever the score (dacheng 七（二）), and the consequences of a grade once
and over consecutive years (jilin-city 32, changchun-xinqu 25, dacheng 七（三）). Scenario
expectations in the regimes' `.test.resp` files take these over as the language gives them
(`respons test`); until then these tests are what fails when an encoding strays from its text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model.grading import grade_for
from respons.plugins import points
from respons.registry import Registry, SubjectFacts, plugin_manager
from respons.syntax.present import condition_text


@pytest.fixture(scope="module")
def regimes():
    report = check_paths([JURISDICTIONS], Registry(plugin_manager()))
    return {r.regime.id: r.regime for r in report.resolved}


def _assessment(regimes, regime, name):
    return next(a for a in regimes[regime].assessments if a.name == name)


def _consequences(assessment):
    """{(grade, years running): [[measure, …] per option]} as written."""
    return {(c.grade, c.consecutive): [[ref.text for ref in option] for option in c.options]
            for c in assessment.consequences}


# 第三十一条第一款: 95分以上为优秀，85分以上为良好，70分以上为及格，70分以下为不及格. 以上/以下
# include the number (民法典 第一千二百五十九条); 70 is claimed by both 及格 and 不及格 and the
# regime's 边界 rule gives it to 及格 (see the comment above the assessment in jilin-city.resp).
JILIN_CITY_31 = [("0", "不及格"), ("69.9", "不及格"), ("69.99", "不及格"), ("70", "及格"),
                 ("70.1", "及格"), ("84.9", "及格"), ("85", "良好"), ("94.9", "良好"),
                 ("94.99", "良好"), ("95", "优秀"), ("100", "优秀")]


@pytest.mark.parametrize(("score", "grade"), JILIN_CITY_31)
def test_jilin_city_31_grades_every_boundary_score(regimes, score, grade):
    assessment = _assessment(regimes, "jilin-city", "行政执法责任制评议考核")
    assert grade_for(assessment, Decimal(score)) == grade


def test_jilin_city_31_decides_70_by_its_boundary_rule_citing_31(regimes):
    assessment = _assessment(regimes, "jilin-city", "行政执法责任制评议考核")
    assert [(b.score, b.grade, b.citation.article) for b in assessment.boundaries] == [
        (70, "及格", 31)]
    assert (assessment.scheme, assessment.subject, assessment.cycle, assessment.full_marks) == (
        "百分制", "agency", "yearly", 100)


def test_jilin_city_32_consequences_once_and_two_years_running(regimes):
    assessment = _assessment(regimes, "jilin-city", "行政执法责任制评议考核")
    assert _consequences(assessment) == {
        ("优秀", None): [["表彰"]],                                       # 第（二）项
        ("不及格", None): [["整改通知书", "督促整改", "诫勉谈话"]],         # 第（三）项
        ("不及格", 2): [["调离现岗位"], ["行政处分"]],                      # 第（四）项
    }
    assert {(c.grade, c.consecutive): c.citation.item for c in assessment.consequences} == {
        ("优秀", None): 2, ("不及格", None): 3, ("不及格", 2): 4}


def test_jilin_city_32_1_selections_are_every_two_years(regimes):
    for name, subject, grade in (("优秀执法标兵单位评比", "agency", "优秀执法标兵单位"),
                                 ("优秀执法标兵评比", "officer", "优秀执法标兵")):
        assessment = _assessment(regimes, "jilin-city", name)
        assert (assessment.cycle, assessment.subject) == ("biennial", subject)
        assert [b.name for b in assessment.bands] == [grade]
        assert _consequences(assessment) == {(grade, None): [["表彰", "嘉奖"]]}


# 七（一）: 优秀（90分以上）、良好（80－90分）、合格（60－80分）、不合格（60分以下）. 90, 80 and 60
# each fall in two bands as written; the regime's 边界 rules give each to the higher grade.
DACHENG_7_1 = [("0", "不合格"), ("59.9", "不合格"), ("60", "合格"), ("60.1", "合格"),
               ("79.9", "合格"), ("80", "良好"), ("89.9", "良好"), ("90", "优秀"),
               ("100", "优秀")]
DACHENG = ("执法机构评议考核", "执法人员评议考核")
SCHEME = "评议考核实施方案"


@pytest.mark.parametrize("name", DACHENG)
@pytest.mark.parametrize(("score", "grade"), DACHENG_7_1)
def test_dacheng_7_1_grades_every_boundary_score(regimes, name, score, grade):
    assert grade_for(_assessment(regimes, "dacheng-approval", name), Decimal(score)) == grade


@pytest.mark.parametrize("name", DACHENG)
def test_dacheng_7_2_a_veto_makes_a_top_score_fail(regimes, name):
    """An act revoked or changed for illegality, or a state compensation, is 不合格 at 100."""
    assessment = _assessment(regimes, "dacheng-approval", name)
    assert [(condition_text(v.condition), v.grade, v.citation.text) for v in assessment.vetoes
            ] == [("因具体行政执法行为违法被撤销或者变更", "不合格", f"〔{SCHEME} 七（二）1〕"),
                  ("因具体行政执法行为违法发生行政赔偿", "不合格", f"〔{SCHEME} 七（二）2〕")]
    top = Decimal(100)  # the score 领导小组 recorded (六（四）)
    clean = points.score(assessment, SubjectFacts.of(assessment, recorded=top))
    assert (clean.total, clean.grade, clean.vetoed_by) == (top, "优秀", None)
    for index in (0, 1):
        vetoed = points.score(assessment, SubjectFacts.of(assessment, recorded=top,
                                                          vetoes=(index,)))
        assert vetoed.grade == "不合格" and vetoed.total == clean.total


def test_dacheng_7_2_vetoes_count_the_acts_of_the_year(regimes):
    circumstances = {c.name: c for c in regimes["dacheng-approval"].circumstances}
    for name, event in (("因具体行政执法行为违法被撤销或者变更", "因违法被撤销或者变更"),
                        ("因具体行政执法行为违法发生行政赔偿", "因违法发生行政赔偿")):
        count = circumstances[name].count
        assert (count.event.text, count.op, count.threshold) == (
            f"具体行政执法行为.{event}", ">=", 1)


@pytest.mark.parametrize("name", DACHENG)
def test_dacheng_7_3_and_7_4_consequences(regimes, name):
    assert _consequences(_assessment(regimes, "dacheng-approval", name)) == {
        ("优秀", None): [["考核结果通报"]], ("良好", None): [["考核结果通报"]],
        ("合格", None): [["考核结果通报"]],
        ("不合格", None): [["考核结果通报", "不得评为年度工作先进"]]}


def test_changchun_xinqu_25_officers_one_bad_year_and_two(regimes):
    """不合格: not 优秀 in the year's civil-service appraisal, and 批评教育 or 离岗培训; two years
    running: moved off enforcement or the qualification withdrawn."""
    assessment = _assessment(regimes, "changchun-xinqu", "行政执法人员评议考核")
    assert [b.name for b in assessment.bands] == ["优秀", "合格", "不合格"]
    assert (assessment.subject, assessment.cycle) == ("officer", "yearly")
    assert _consequences(assessment) == {
        ("不合格", None): [["年度公务员考核不得评为优秀", "批评教育"],
                          ["年度公务员考核不得评为优秀", "离岗培训"]],
        ("不合格", 2): [["调离执法岗位"], ["取消执法资格"]]}


def test_changchun_xinqu_25_departments_and_13_file_review(regimes):
    department = _assessment(regimes, "changchun-xinqu", "行政执法部门评议考核")
    assert _consequences(department) == {("不合格", None): [["责令限期整改"]]}
    for name, subject in (("单位案卷评查", "agency"), ("个人案卷评查", "officer")):
        review = _assessment(regimes, "changchun-xinqu", name)
        assert review.subject == subject
        assert [b.name for b in review.bands] == ["优秀", "合格", "不合格"]
        assert _consequences(review) == {("优秀", None): [["通报表彰"]],
                                         ("不合格", None): [["通报批评", "责令整改"]]}


# Where no text gives item points or grading conditions, the score or grade is the one the
# assessor recorded (jilin-city 28③/31; dacheng 六（四）; changchun-xinqu 25 “被确定为”, 13).
RECORDED = [
    ("jilin-city", "行政执法责任制评议考核", "score", "评议考核结果.评定", "得分", "被考核单位"),
    ("dacheng-approval", "执法机构评议考核", "score", "评议考核结果.确定档次", "考核分数",
     "被考核机构"),
    ("dacheng-approval", "执法人员评议考核", "score", "评议考核结果.确定档次", "考核分数",
     "被考核人员"),
    ("changchun-xinqu", "行政执法人员评议考核", "grade", "评议考核结果.确定档次", "档次",
     "被考核人员"),
    ("changchun-xinqu", "行政执法部门评议考核", "grade", "评议考核结果.确定档次", "档次",
     "被考核部门"),
    ("changchun-xinqu", "单位案卷评查", "grade", "案卷评查结果.评定", "评查结果", "被评查单位"),
    ("changchun-xinqu", "个人案卷评查", "grade", "案卷评查结果.评定", "评查结果", "被评查人员"),
    ("tongzhou", "行政执法证件年检", "grade", "行政执法证件.年检", "年检结论", "持证人"),
    ("jilin-city", "优秀执法标兵单位评比", "grade", "标兵评比.评定", "评比结果", "评选单位"),
    ("jilin-city", "优秀执法标兵评比", "grade", "标兵评比.评定", "评比结果", "评选人员"),
]


@pytest.mark.parametrize(("regime", "name", "what", "per", "field", "by"), RECORDED,
                         ids=[f"{r[0]}-{r[1]}" for r in RECORDED])
def test_the_score_or_grade_is_the_assessors_record(regimes, regime, name, what, per, field,
                                                     by):
    assessment = _assessment(regimes, regime, name)
    # 考核年度: the year a record assesses is its field, not its date, where it has one.
    year_field = "考核年度" if per.startswith("评议考核结果") else None
    assert [(r.what, r.per.text, r.field, r.by, r.year_field) for r in assessment.recorded] == [
        (what, per, field, by, year_field)]
    kind = next(k for k in regimes[regime].records if k.name == per.split(".")[0])
    assert field in {f.name for f in kind.fields}


def test_tongzhou_13_annual_inspection_is_graded_by_tiers(regimes):
    """人员管理办法 第十三条: 无正当理由不参加, 考核和补考不合格 or a fault record 未经处理 →
    不予年检 whatever the 法制办 concluded; else 考核或补考合格 and no fault record → 通过年检;
    else the 法制办's conclusion (视处理结果确定). 未经处理 is established case by case, and only
    asked of those with a fault record."""
    assessment = _assessment(regimes, "tongzhou", "行政执法证件年检")
    assert assessment.scheme == "条件分档" and assessment.vetoes == ()
    assert [(b.name, condition_text(b.condition)) for b in assessment.bands] == [
        ("不予年检", "无正当理由不参加法律知识培训或者考核 或 法律知识考核和补考不合格 或 "
                     "有行政执法过错记录未经处理"),
        ("通过年检", "法律知识培训考核或者补考合格 且 非 本年度有行政执法过错记录")]
    circumstances = {c.name: c for c in regimes["tongzhou"].circumstances}
    counted = {name: (circumstances[name].count.event.text,
                      condition_text(circumstances[name].count.where))
               for name in ("无正当理由不参加法律知识培训或者考核", "法律知识考核和补考不合格",
                            "法律知识培训考核或者补考合格", "本年度有行政执法过错记录")}
    assert counted == {
        "无正当理由不参加法律知识培训或者考核": ("行政执法证件.培训考核",
                                                 '培训考核结果 = "无正当理由未参加"'),
        "法律知识考核和补考不合格": ("行政执法证件.培训考核", '培训考核结果 = "补考不合格"'),
        "法律知识培训考核或者补考合格": ("行政执法证件.培训考核",
                                         '培训考核结果 = "合格" 或 培训考核结果 = "补考合格"'),
        "本年度有行政执法过错记录": ("行政执法证件.发生执法过错", "")}
    assert condition_text(circumstances["有行政执法过错记录未经处理"].condition) == \
        "本年度有行政执法过错记录 且 行政执法过错未经处理"
    assert circumstances["行政执法过错未经处理"].count is None


def test_the_example_assessment_results_are_what_their_generator_writes():
    """examples/changchun-xinqu-2025/assessments.jsonl: the departments' and officers' grades
    of 2024 and 2025 (任务25, 任务13), as generate_assessments.py writes them."""
    import subprocess
    import sys

    from paths import ROOT

    example = ROOT / "examples" / "changchun-xinqu-2025"
    generated = subprocess.run([sys.executable, str(example / "generate_assessments.py")],
                               check=True, capture_output=True).stdout
    assert generated == (example / "assessments.jsonl").read_bytes()


@pytest.mark.parametrize(("regime", "name", "count", "cited"), [
    ("jilin-city", "行政执法责任制评议考核", 8, "第二十九条"),
    ("dacheng-approval", "执法机构评议考核", 4, "评议考核实施方案 三（一）"),
    ("dacheng-approval", "执法人员评议考核", 4, "评议考核实施方案 三（二）"),
    ("heilongjiang", "行政执法评议考核", 8, "第三十三条"),
    ("hangzhou", "政府对行政执法部门评议考核", 9, "第二十九条"),
    ("hangzhou", "部门对行政执法人员评议考核", 7, "第三十条"),
    ("dacheng-approval", "行政执法案卷评查", 8, "案卷评查制度 第八条"),
])
def test_the_contents_the_texts_list_are_items_without_points(regimes, regime, name, count,
                                                              cited):
    """Where a text lists what is assessed but gives it no points, each content is an item
    without points citing its 项 — never points invented to fit a 百分制."""
    items = _assessment(regimes, regime, name).items
    assert len(items) == count and all(item.points is None for item in items)
    assert all(cited in item.citation.text for item in items)

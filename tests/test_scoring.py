"""The built-in scoring schemes on their one contract, score(assessment, subject) -> Score:
points are exact decimals, a total is rounded 四舍五入 (ROUND_HALF_UP, never Python's
half-to-even round()), vetoes fix the grade in the regime's order, and facts the
assessment cannot hold are refused."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from respons.model.assessment import Param
from respons.model.condition import Literal
from respons.plugins import points, rating
from respons.registry import DeductionTaken, ItemScore, Score, SubjectFacts
from respons.testing.schemes import regime_path, suite_assessments

CHECKED, SUPERVISED = ("执法规范", 0), ("执法监督", 0)


@pytest.fixture
def yearly():
    return next(a for a in suite_assessments() if a.name == "年度考核")


@pytest.fixture
def rated():
    return next(a for a in suite_assessments() if a.name == "评议")


def with_params(assessment, **params):
    return attrs.evolve(assessment, params=tuple(
        Param(name, Literal("number", value)) for name, value in params.items()))


def test_nothing_found_scores_full_marks(yearly):
    result = points.score(yearly, SubjectFacts.of(yearly))
    assert result == Score(total=Decimal("100.0"), grade="优秀", items=(
        ItemScore(item="执法规范", points=Decimal(60), score=Decimal(60), deductions=(
            DeductionTaken(index=0, what="投诉举报.查实", count=0, points=Decimal("0")),)),
        ItemScore(item="执法监督", points=Decimal(40), score=Decimal(40), deductions=(
            DeductionTaken(index=0, what="投诉举报.收到", count=0, points=Decimal("0.00")),)),
    ))


def test_deductions_are_exact_and_the_total_rounds_half_up(yearly):
    # 40 − 3 × 0.25 = 39.25: 四舍五入 to one place is 99.3; round() would say 99.2.
    result = points.score(yearly, SubjectFacts.of(yearly, occurrences={SUPERVISED: 3}))
    assert result.total == Decimal("99.3") and round(99.25, 1) == 99.2
    assert result.items[1].score == Decimal("39.25")
    assert result.items[1].deductions[0].points == Decimal("0.75")
    assert all(isinstance(item.score, Decimal) for item in result.items)


def test_precision_is_a_parameter(yearly):
    # 100 − 6 × 0.25 = 98.5: 四舍五入 to a whole number is 99 (half-to-even: 98).
    for precision, expected in ((0, "99"), (1, "98.5"), (3, "98.500")):
        assessment = with_params(yearly, precision=precision)
        result = points.score(assessment, SubjectFacts.of(assessment,
                                                          occurrences={SUPERVISED: 6}))
        assert str(result.total) == expected


def test_an_item_never_falls_below_its_floor(yearly):
    facts = SubjectFacts.of(yearly, occurrences={CHECKED: 100})
    result = points.score(yearly, facts)
    assert (result.items[0].score, result.total, result.grade) == (Decimal(0), Decimal("40.0"),
                                                                   "不合格")
    assessment = with_params(yearly, item_floor=-10)
    result = points.score(assessment, SubjectFacts.of(assessment, occurrences={CHECKED: 100}))
    assert result.items[0].score == Decimal(-10)


def test_the_grade_follows_the_bands(yearly):
    def grade(found):
        return points.score(yearly, SubjectFacts.of(yearly, occurrences={CHECKED: found})).grade
    # 100 − 4 × 2.5 = 90: 90分以上 is 优秀 (以上 includes the number, 民法典 1259).
    assert [grade(n) for n in (0, 4, 5, 16, 17)] == ["优秀", "优秀", "合格", "合格", "不合格"]


def test_the_first_veto_in_the_regime_fixes_the_grade(yearly):
    result = points.score(yearly, SubjectFacts.of(yearly, vetoes=(1, 0)))
    assert (result.total, result.grade) == (Decimal("100.0"), "不合格")
    assert result.vetoed_by == "行政赔偿.发生 >= 1 times"
    assert points.score(yearly, SubjectFacts.of(yearly, vetoes=(1,))).grade == "合格"


@pytest.mark.parametrize(("facts", "message"), [
    ({"occurrences": {("执法规范", 1): 1}}, r"no deduction \('执法规范', 1\)"),
    ({"occurrences": {("公开", 0): 1}}, r"no deduction \('公开', 0\)"),
    ({"occurrences": {CHECKED: -1}}, "whole number of 0 or more"),
    ({"occurrences": {CHECKED: 1.5}}, "whole number of 0 or more"),
    ({"vetoes": (2,)}, "no veto number 2"),
], ids=["deduction-index", "item", "negative", "fraction", "veto"])
def test_facts_the_assessment_cannot_hold_are_refused(yearly, facts, message):
    with pytest.raises(ValueError, match=message):
        points.score(yearly, SubjectFacts.of(yearly, **facts))


@pytest.mark.parametrize(("params", "message"), [
    ({"precision": 7}, "precision must be a whole number of decimal places from 0 to 6"),
    ({"precision": 1.5}, "precision must be"),
    ({"item_floor": "low"}, "item_floor must be a number of points"),
])
def test_parameters_it_cannot_use_are_reported_by_validate(yearly, params, message):
    assessment = with_params(yearly, **params)
    [(found, _span)] = points.validate(assessment)
    assert message in found
    with pytest.raises(ValueError, match=message):
        points.score(assessment, SubjectFacts.of(assessment))


def test_check_reports_a_bad_parameter_with_its_place(respons, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(regime_path().read_text("utf-8").replace(
        "  满分 100\n", "  满分 100\n  参数 precision 9\n"), "utf-8")
    result = respons("check", str(regime))
    assert result.exit_code == 1
    assert "error R0508: parameter precision must be a whole number" in result.stdout


def test_rating_gives_the_grade_given_unless_a_veto_holds(rated):
    assert rating.score(rated, SubjectFacts.of(rated, given="基本满意")) == \
        Score(total=None, grade="基本满意")
    vetoed = rating.score(rated, SubjectFacts.of(rated, given="满意", vetoes=(1, 0)))
    assert (vetoed.grade, vetoed.vetoed_by) == ("不满意", "行政赔偿.发生 >= 1 times")
    with pytest.raises(ValueError, match="no grade of 评议 was given for 甲局"):
        rating.score(rated, SubjectFacts.of(rated, subject="甲局"))
    with pytest.raises(ValueError, match="'良好' for 甲局 is not a grade of 评议"):
        rating.score(rated, SubjectFacts.of(rated, subject="甲局", given="良好"))

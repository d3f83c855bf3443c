"""`SchemeConformance`: what every scoring-scheme plugin must do, as pytest tests.

A scheme is called as ``score(assessment, subject) -> Score`` with the `SubjectFacts` the
engine counted for one subject; the suite holds it to that contract: a `Score` whose points
are `Decimal`, a grade that is one of the assessment's, the first holding veto fixing the
grade, the same answer every time, more deductions never a higher total, and a
``validate`` that says what it cannot score as ``(message, span)`` pairs.

Subclass it and provide the fixture ``scoring_scheme`` (your `ScoringScheme`). The
assessments come from the suite's regime (``scheme.resp``: one in points with deductions
and a veto, one rated into grades, one reviewing case files drawn at random, one weighing
ways of evaluating); the scheme is run on each its ``validate`` accepts.
Provide ``scheme_assessments`` (a list of `Assessment`) to run it on your own::

    class TestStars(SchemeConformance):
        @pytest.fixture
        def scoring_scheme(self):
            return ScoringScheme(name="stars", score=score_stars, description="…")
"""

from __future__ import annotations

import copy
import functools
import importlib.resources
from decimal import Decimal
from pathlib import Path

import pytest

from respons.model.assessment import Assessment
from respons.registry import (
    PLUGIN_API_VERSION,
    FileSheet,
    ItemScore,
    Score,
    ScoringScheme,
    SubjectFacts,
)


def regime_path() -> Path:
    return Path(str(importlib.resources.files("respons.testing") / "scheme.resp"))


@functools.cache
def suite_assessments() -> tuple[Assessment, ...]:
    """The assessments of ``scheme.resp``, checked once per process."""
    from respons.check.runner import check_paths

    report = check_paths([regime_path()], None)
    assert report.valid, [d.message for d in report.diagnostics]
    return report.resolved[0].regime.assessments


def facts_for(assessment: Assessment) -> list[SubjectFacts]:
    """Subjects of every sort: nothing found; one occurrence of each deduction; many; the
    first veto holding. Each carries a grade given (the first, the last), for schemes that
    rate rather than add points."""
    grades = [band.name for band in assessment.bands] or [None]
    keys = [(item.name, index) for item in assessment.items
            for index in range(len(item.deductions))]
    cases = [SubjectFacts.of(assessment, subject="无记录", given=grades[0]),
             SubjectFacts.of(assessment, subject="各一次", occurrences=dict.fromkeys(keys, 1),
                             given=grades[0]),
             SubjectFacts.of(assessment, subject="多次", occurrences=dict.fromkeys(keys, 1000),
                             given=grades[-1])]
    if assessment.sample is not None:  # a review of case files: files drawn, scored
        cases.append(SubjectFacts.of(assessment, subject="两卷", given=grades[0], files=(
            FileSheet(matter="A1", score=Decimal("90"), sheet="A1-评"),
            FileSheet(matter="A2", score=Decimal("45.5"), sheet="A2-评"))))
        cases.append(SubjectFacts.of(assessment, subject="未评查", given=grades[-1],
                                     files=(FileSheet(matter="A3"),)))
    if assessment.weights:  # several ways of evaluating, each a score
        ways = [w.source for w in assessment.weights]
        cases.append(SubjectFacts.of(assessment, subject="各方评分", given=grades[0],
                                     evaluations={w: Decimal("87.5") for w in ways}))
        cases.append(SubjectFacts.of(assessment, subject="缺一方", given=grades[0],
                                     evaluations={ways[0]: Decimal("40")}))
    tiers = [n for n, band in enumerate(assessment.bands) if band.condition is not None]
    if tiers:  # grades given by conditions (条件分档): the first holding, none holding
        cases.append(SubjectFacts.of(assessment, subject="第一档", given=grades[-1],
                                     tiers={n: n == tiers[0] for n in tiers}))
        cases.append(SubjectFacts.of(assessment, subject="各档不成立", given=grades[0],
                                     tiers=dict.fromkeys(tiers, False)))
    if assessment.vetoes:
        cases.append(SubjectFacts.of(assessment, subject="否决", given=grades[0],
                                     vetoes=tuple(range(len(assessment.vetoes)))[::-1]))
    return cases


def cases_for(scheme: ScoringScheme, assessments) -> list[tuple[Assessment, SubjectFacts]]:
    """(assessment, facts) for every assessment the scheme's validate accepts."""
    usable = [a for a in assessments if not (scheme.validate and scheme.validate(a))]
    if not usable:
        pytest.fail(f"scheme {scheme.name} accepts none of the suite's assessments (its "
                    "validate refuses them all): provide the fixture scheme_assessments")
    return [(a, facts) for a in usable for facts in facts_for(a)]


def _decimal_or_none(value, what: str) -> None:
    assert value is None or (isinstance(value, Decimal) and value.is_finite()), \
        f"{what} is {value!r}: points are finite decimal.Decimal (or None), never float"


class SchemeConformance:
    """Subclass it and provide the fixture ``scoring_scheme``."""

    @pytest.fixture
    def scheme_assessments(self) -> list[Assessment]:
        return list(suite_assessments())

    @pytest.fixture
    def scheme_cases(self, scoring_scheme, scheme_assessments):
        return cases_for(scoring_scheme, scheme_assessments)

    # ── the descriptor ───────────────────────────────────────────────────────────
    def test_descriptor_is_well_formed(self, scoring_scheme):
        assert isinstance(scoring_scheme, ScoringScheme)
        assert scoring_scheme.api_version == PLUGIN_API_VERSION
        assert scoring_scheme.description.strip(), "say what the scheme does"
        names = [scoring_scheme.name, *scoring_scheme.aliases]
        assert len(set(names)) == len(names), f"a name given twice: {names}"
        for name, description in scoring_scheme.params.items():
            assert description.strip(), f"parameter {name} has no description"

    def test_validate_says_what_it_cannot_score_as_pairs(self, scoring_scheme,
                                                         scheme_assessments):
        if scoring_scheme.validate is None:
            return
        for assessment in scheme_assessments:
            problems = scoring_scheme.validate(assessment)
            assert isinstance(problems, list | tuple), f"validate returned {problems!r}"
            for problem in problems:
                message, _span = problem
                assert isinstance(message, str) and message.strip()
                assert len(message.splitlines()) == 1, "a message is one line"

    # ── the score ────────────────────────────────────────────────────────────────
    def test_a_score_is_made_of_decimals(self, scoring_scheme, scheme_cases):
        for assessment, facts in scheme_cases:
            result = scoring_scheme.score(assessment, facts)
            assert isinstance(result, Score), f"score returned {result!r}, not a Score"
            _decimal_or_none(result.total, f"the total of {facts.subject}")
            names = [item.name for item in assessment.items]
            scored = [item.item for item in result.items]
            assert scored == [n for n in names if n in scored], \
                f"items {scored} are not the assessment's, in its order ({names})"
            for item in result.items:
                assert isinstance(item, ItemScore)
                _decimal_or_none(item.points, f"item {item.item}'s points")
                _decimal_or_none(item.score, f"item {item.item}'s score")
                for taken in item.deductions:
                    _decimal_or_none(taken.points, f"a deduction of item {item.item}")
                    assert type(taken.count) is int and taken.count >= 0

    def test_the_grade_is_one_of_the_assessment(self, scoring_scheme, scheme_cases):
        for assessment, facts in scheme_cases:
            grade = scoring_scheme.score(assessment, facts).grade
            grades = [band.name for band in assessment.bands]
            assert grade is None or grade in grades, \
                f"{facts.subject} is graded {grade!r}, not one of {grades}"

    def test_the_first_holding_veto_fixes_the_grade(self, scoring_scheme, scheme_cases):
        for assessment, facts in scheme_cases:
            result = scoring_scheme.score(assessment, facts)
            if facts.vetoes:
                first = assessment.vetoes[min(facts.vetoes)]
                assert result.grade == first.grade, \
                    f"veto {min(facts.vetoes)} holds: the grade is {first.grade}, " \
                    f"not {result.grade}"
                assert isinstance(result.vetoed_by, str) and result.vetoed_by.strip()
            else:
                assert result.vetoed_by is None, f"no veto holds for {facts.subject}"

    def test_the_same_facts_give_the_same_score(self, scoring_scheme, scheme_cases):
        for assessment, facts in scheme_cases:
            before = copy.deepcopy(facts)
            first = scoring_scheme.score(assessment, facts)
            assert scoring_scheme.score(assessment, facts) == first
            assert facts == before, "score changed the facts it was given"

    def test_deductions_never_raise_the_total(self, scoring_scheme, scheme_cases):
        by_assessment: dict[str, list] = {}
        for assessment, facts in scheme_cases:
            if not facts.vetoes:
                total = scoring_scheme.score(assessment, facts).total
                by_assessment.setdefault(assessment.name, []).append(total)
        for name, totals in by_assessment.items():
            known = [t for t in totals if t is not None]
            assert known == sorted(known, reverse=True), \
                f"{name}: more deductions gave a higher total ({totals})"

"""The built-in scoring scheme `weighted` (加权): several ways of evaluating, combined by weight.

Regimes assess by several ways at once — organised evaluation with self-evaluation and
mutual review, internal with public evaluation (jilin-city 第三十条: 组织考评和机关自我考评、
互查互评相结合, 内部评议与群众评议相结合; dacheng 评议考核实施方案 五: 自我考评、互查互评,
外部评议). Where a regime gives each way its share (`权重 自评 20% 得分 自评表.提交 的 分数`),
a subject's total is the sum of each way's score times its share, rounded 四舍五入 to
``precision``; the scores come from the records each way submits (the latest per subject
in the period). A subject missing a way's score is not graded — a weighted sum without one
of its parts would be another sum. None of the seed texts writes the shares: this scheme is
for the regimes that do.
"""

from __future__ import annotations

from decimal import Decimal

from respons.model.assessment import Assessment
from respons.model.grading import grade_for
from respons.model.vocab import EVALUATIONS
from respons.registry import (
    Score,
    ScoringScheme,
    SubjectFacts,
    assessment_params,
    first_veto,
    precision_of,
    round_points,
)
from respons.syntax.present import condition_text

PARAMS = {"precision": "decimal places of the total, 0 to 6, rounded 四舍五入 (default 1)"}


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """Σ share × score over the assessment's ways of evaluating; None where one is missing."""
    precision = precision_of(subject.params)
    known = {w.source for w in assessment.weights}
    for way, value in subject.evaluations.items():
        if way not in known:
            raise ValueError(f"{assessment.name} gives {way!r} no weight: "
                             + "、".join(EVALUATIONS.chinese(k) for k in sorted(known)))
        if not isinstance(value, Decimal) or not value.is_finite():
            raise ValueError(f"the score of {way!r} must be a finite Decimal, not {value!r}")
    total = None
    if assessment.weights and all(w.source in subject.evaluations for w in assessment.weights):
        total = round_points(sum((subject.evaluations[w.source] * Decimal(w.percent) / 100
                                  for w in assessment.weights), Decimal(0)), precision)
    grade = grade_for(assessment, total) if total is not None else None
    vetoed_by = None
    veto = first_veto(assessment, subject)
    if veto is not None:
        grade, vetoed_by = veto.grade, condition_text(veto.condition)
    return Score(total=total, grade=grade, vetoed_by=vetoed_by)


def validate(assessment: Assessment) -> list:
    problems = []
    if not assessment.weights:
        problems.append((f"{assessment.name} gives no weights (权重): the weighted scheme (加权) "
                         "combines the ways of evaluating by them", assessment.span))
    elif sum(Decimal(w.percent) for w in assessment.weights) != 100:
        problems.append((f"the weights of {assessment.name} add up to "
                         f"{sum(Decimal(w.percent) for w in assessment.weights)}%, not 100%",
                         assessment.span))
    problems += [(f"weight {EVALUATIONS.chinese(w.source)} names no records of its scores: "
                  "write `得分 EVENT 的 FIELD` after it", w.span)
                 for w in assessment.weights if w.scores is None]
    if not assessment.bands or not all(band.bounds for band in assessment.bands):
        problems.append((f"{assessment.name} needs grade bands with score ranges to grade "
                         "its total", assessment.span))
    try:
        precision_of(assessment_params(assessment))
    except ValueError as error:
        problems.append((str(error), assessment.span))
    return problems


SCHEME = ScoringScheme(name="weighted", aliases=("加权",), score=score, params=PARAMS,
                       description="加权: the ways of evaluating (自评, 互评, 组织考评, 群众评议) "
                                   "combined by their weights", validate=validate)

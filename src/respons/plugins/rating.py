"""The built-in scoring scheme `rating` (等次评定): evaluators give each subject a grade.

Many regimes grade without points: the assessing body weighs the listed contents and
rates each agency or officer 优秀, 合格 or 不合格 (changchun-xinqu 25).
The grade given must be one of the assessment's bands; a veto that holds overrides it.
"""

from __future__ import annotations

import attrs

from respons import hookimpl
from respons.registry import ScoringScheme
from respons.syntax.present import condition_text


@attrs.frozen
class Rating:
    grade: str
    given: str
    vetoed_by: str | None = None


def score(assessment, given: str, vetoes_holding: tuple[int, ...] = ()) -> Rating:
    """The grade of a subject rated ``given`` by its evaluators, after vetoes."""
    grades = [band.name for band in assessment.bands]
    if given not in grades:
        raise ValueError(f"{given!r} is not a grade of {assessment.name}: "
                         + "、".join(grades))
    for index in sorted(vetoes_holding):
        veto = assessment.vetoes[index]
        return Rating(veto.grade, given, condition_text(veto.condition))
    return Rating(given, given)


def validate(assessment) -> list:
    if not assessment.bands:
        return [(f"{assessment.name} has no grades (等级) to rate into", assessment.span)]
    return []


@hookimpl(trylast=True)
def respons_scoring_schemes():
    return [ScoringScheme(name="rating", aliases=("等次评定",), score=score, params={},
                          description="等次评定: evaluators rate each subject into a grade",
                          validate=validate)]

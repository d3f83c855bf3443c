"""The built-in scoring scheme `rating` (等次评定): evaluators give each subject a grade.

Many regimes grade without points: the assessing body weighs the listed contents and
rates each agency or officer 优秀, 合格 or 不合格 (changchun-xinqu 25).
The grade given (``SubjectFacts.given``) must be one of the assessment's bands; a veto that
holds overrides it. A rating has no total and no item scores.
"""

from __future__ import annotations

from respons import hookimpl
from respons.model.assessment import Assessment
from respons.plugins import findings, tiers
from respons.registry import Score, ScoringScheme, SubjectFacts


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """The grade of a subject rated ``subject.given`` by its evaluators, after vetoes."""
    grades = [band.name for band in assessment.bands]
    whose = f" for {subject.subject}" if subject.subject else ""
    if subject.given is None:
        raise ValueError(f"no grade of {assessment.name} was given{whose}: the rating scheme "
                         f"(等次评定) grades what the evaluators gave ({'、'.join(grades)})")
    if subject.given not in grades:
        raise ValueError(f"{subject.given!r}{whose} is not a grade of {assessment.name}: "
                         + "、".join(grades))
    for index in subject.vetoes:
        if type(index) is not int or not 0 <= index < len(assessment.vetoes):
            raise ValueError(f"{assessment.name} has no veto number {index!r} "
                             f"(it has {len(assessment.vetoes)})")
    # What the items found (发现) is shown beside the grade: the evidence behind it.
    items = findings.listed(assessment, subject)
    return findings.vetoed(assessment, subject, items) or Score(
        total=None, grade=subject.given, items=items)


def validate(assessment: Assessment) -> list:
    if not assessment.bands:
        return [(f"{assessment.name} has no grades (等级) to rate into", assessment.span)]
    return []


@hookimpl(trylast=True)
def respons_scoring_schemes() -> list[ScoringScheme]:
    # The schemes that grade without adding points: rating, findings (内容评议) and tiers
    # (条件分档), which register here so that they come with the entry point every
    # installation already has.
    return [ScoringScheme(name="rating", aliases=("等次评定",), score=score, params={},
                          description="等次评定: evaluators rate each subject into a grade",
                          validate=validate), findings.SCHEME, tiers.SCHEME]

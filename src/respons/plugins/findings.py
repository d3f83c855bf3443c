"""The built-in scoring scheme `findings` (内容评议): an assessment of contents, no points.

Several regimes list what the assessment looks at without points or grades: heilongjiang 33
(八项内容), hangzhou 29 and 30, jilin-city 29. Such an assessment's items say what they find
(`发现 行政复议.撤销 按 机关`), record by record; the result of each subject is, per item,
what was found and the records (`respons assess` lists their ids). There is no total, and
no grade — unless the assessment also reads a grade the assessors recorded (`等次 … 的 …`),
which must be one of its bands, or a veto holds, which fixes its grade.
"""

from __future__ import annotations

from respons.model.assessment import Assessment
from respons.registry import ItemScore, Score, ScoringScheme, SubjectFacts, first_veto
from respons.syntax.present import condition_text


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """What each item found of ``subject``; its recorded grade, or the first holding veto's."""
    grades = [band.name for band in assessment.bands]
    for index in subject.vetoes:
        if type(index) is not int or not 0 <= index < len(assessment.vetoes):
            raise ValueError(f"{assessment.name} has no veto number {index!r} "
                             f"(it has {len(assessment.vetoes)})")
    for key, count in subject.found.items():
        if type(count) is not int or count < 0:
            raise ValueError(f"what was found for {key!r} must be a whole number of 0 or "
                             f"more, not {count!r}")
    if subject.given is not None and subject.given not in grades:
        raise ValueError(f"{subject.given!r} is not a grade of {assessment.name}"
                         + (": " + "、".join(grades) if grades else " (it has none)"))
    items = listed(assessment, subject)
    return vetoed(assessment, subject, items) or Score(total=None, grade=subject.given,
                                                        items=items)


def listed(assessment: Assessment, subject: SubjectFacts, fed: bool = True
           ) -> tuple[ItemScore, ...]:
    """What each item found of ``subject``, record by record — the evidence the schemes
    without points (内容评议, 等次评定, 条件分档) show beside a grade. With ``fed``, an item 来自
    another assessment shows that one's total for the subject (its grade is not changed by
    it: none of these schemes adds points)."""
    return tuple(ItemScore(item=item.name, points=None,
                           score=_fed(subject, item) if fed else None, found=tuple(
        (index, finding.per.text, subject.found.get((item.name, index), 0))
        for index, finding in enumerate(item.findings))) for item in assessment.items)


def vetoed(assessment: Assessment, subject: SubjectFacts, items) -> Score | None:
    """The grade the first veto that holds fixes, with ``items``; None when none holds."""
    veto = first_veto(assessment, subject)
    if veto is None:
        return None
    return Score(total=None, grade=veto.grade, items=items,
                 vetoed_by=condition_text(veto.condition))


def validate(assessment: Assessment) -> list:
    """Contents only: points and score ranges would be numbers this scheme never adds up."""
    problems = [(f"item {item.name} has points; the findings scheme (内容评议) gives no "
                 "points — use 百分制 to score them", item.span)
                for item in assessment.items if item.points is not None]
    problems += [(f"band {band.name} has a score range; the findings scheme (内容评议) has no "
                  "score to grade", band.span) for band in assessment.bands if band.bounds]
    return problems


SCHEME = ScoringScheme(name="findings", aliases=("内容评议",), score=score, params={},
                       description="内容评议: what each item finds, record by record, without "
                                   "points", validate=validate)


def _fed(subject: SubjectFacts, item):
    fed = subject.fed.get(item.source) if item.source is not None else None
    return fed[0] if fed is not None else None

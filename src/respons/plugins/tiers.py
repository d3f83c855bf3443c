"""The built-in scoring scheme `tiers` (条件分档): a grade given where conditions over the
records hold, tried in order, rather than by points.

tongzhou 人员管理办法 第十三条 grades each certificate holder's annual inspection (年检) so:
无正当理由不参加培训或者考核、补考不合格的，不予年检; 本年度无过错记录、考核或者补考合格的，
通过年检; 有过错已经处理的，视处理结果确定 — the 法制办's own conclusion. Each grade with a
condition (`等级 G 若 CONDITION`) is a tier; the engine decides the conditions from counts
(``SubjectFacts.tiers``) as it decides vetoes. The first tier whose condition holds gives the
grade. Where none holds, the grade the assessors recorded (`等次 …`, the discretion the text
leaves them) is the grade, or a grade written without a condition (the rest); with neither,
the subject is not graded. A tier that records cannot decide (a circumstance found case by
case), reached before any that holds, leaves the grade to what the assessors recorded — never
a guess. A veto that holds fixes the grade first, as in every scheme.
"""

from __future__ import annotations

from respons.model.assessment import Assessment
from respons.plugins import findings
from respons.registry import Score, ScoringScheme, SubjectFacts


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """The grade of the first tier that holds, else the recorded grade or the rest."""
    grades = [band.name for band in assessment.bands]
    whose = f" for {subject.subject}" if subject.subject else ""
    items = findings.listed(assessment, subject, fed=False)
    fixed = findings.vetoed(assessment, subject, items)
    if fixed is not None:
        return fixed
    if subject.given is not None and subject.given not in grades:
        raise ValueError(f"{subject.given!r}{whose} is not a grade of {assessment.name}: "
                         + "、".join(grades))
    undecided = []
    for index, band in enumerate(assessment.bands):
        if band.condition is None:
            continue
        verdict = subject.tiers.get(index)
        if verdict is None:
            undecided.append(band.name)
        elif verdict and not undecided:
            return Score(total=None, grade=band.name, items=items)
    if subject.given is not None:
        return Score(total=None, grade=subject.given, items=items)
    if undecided:
        raise ValueError(f"whether {'、'.join(undecided)} applies{whose} cannot be decided "
                         "from the records, and no grade was recorded")
    rest = [band.name for band in assessment.bands if band.condition is None]
    if rest:
        return Score(total=None, grade=rest[0], items=items)
    raise ValueError(f"no tier of {assessment.name} holds{whose}, and no grade was recorded")


def validate(assessment: Assessment) -> list:
    if not any(band.condition is not None for band in assessment.bands):
        return [(f"{assessment.name} has no tiers (等级 G 若 CONDITION) to grade by",
                 assessment.span)]
    rest = [band for band in assessment.bands if band.condition is None]
    return [(f"grade {band.name} has no condition: only one grade may be the rest", band.span)
            for band in rest[1:]]


SCHEME = ScoringScheme(name="tiers", aliases=("条件分档",), score=score, params={},
                       description="条件分档: the grade of the first tier whose condition holds "
                                   "over the records", validate=validate)

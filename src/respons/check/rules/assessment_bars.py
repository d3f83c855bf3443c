"""Bars to a grade (不得评为 G 若 …), checked: the grade barred is a band of the assessment, and
a bar that follows another assessment's grade names one of the same subjects, a band of it,
and no chain of bars and sources back to itself (R0201, R0514).

changchun-xinqu 任务25: an officer 不合格 in the yearly assessment cannot be rated 优秀 in the
年度公务员考核 — the two assessments must assess the same people, and the one barred is scored
after the one it follows, so a bar that leads back to its own assessment could never be decided.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean
from respons.model.assessment import depends_on
from respons.model.vocab import SUBJECTS


def check(ctx: RuleContext) -> None:
    by_name = {a.name: a for a in ctx.regime.assessments}
    for assessment in ctx.regime.assessments:
        grades = [band.name for band in assessment.bands]
        for bar in assessment.bars:
            if bar.grade not in grades and ctx.whole(assessment):
                ctx.sink.add("R0201", f"不得评为 {bar.grade}: {bar.grade!r} is not a band of "
                             f"{assessment.name}" + did_you_mean(bar.grade, grades), bar.span,
                             "name a grade declared with `等级`/`band`: " + "、".join(grades))
            if bar.assessment is None:
                continue
            other = by_name.get(bar.assessment.text)
            if other is None:
                ctx.index.lookup(bar.assessment, ("assessment",), "不得评为 … 若 考核")
                continue
            theirs = [band.name for band in other.bands]
            if bar.graded not in theirs:
                ctx.sink.add("R0201", f"grade {bar.graded!r} is not a band of {other.name}"
                             + did_you_mean(bar.graded, theirs), bar.assessment.span,
                             "name a grade declared with `等级`/`band`: " + "、".join(theirs))
            if (other.subject or "agency") != (assessment.subject or "agency"):
                ctx.sink.add("R0514", f"{assessment.name} assesses "
                             f"{SUBJECTS.chinese(assessment.subject or 'agency')} but "
                             f"{other.name} assesses {SUBJECTS.chinese(other.subject or 'agency')}"
                             ": a bar follows the same subject's grade", bar.assessment.span,
                             "bar by an assessment of the same subjects")
            elif _leads_back(other.name, assessment.name, by_name):
                ctx.sink.add("R0514", f"{assessment.name} is barred by {other.name}'s grade, "
                             f"which itself depends on {assessment.name}", bar.assessment.span,
                             "bar an assessment by one scored before it")


def _leads_back(start: str, target: str, by_name: dict) -> bool:
    """Whether ``start``'s result depends, through sources (来自) and bars, on ``target``."""
    seen, stack = set(), [start]
    while stack:
        name = stack.pop()
        if name == target:
            return True
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        stack.extend(depends_on(by_name[name]))
    return False

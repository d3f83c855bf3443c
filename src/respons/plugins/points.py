"""The built-in scoring scheme `points` (百分制): items minus deductions, banded, vetoed.

Each item starts at its points and loses the deduction of every occurrence counted
against it (每 <event/duty/fault> 扣 N 分), never falling below ``item_floor``; the total
is graded by the assessment's bands and boundary rules (``respons.model.grading``); a veto that
holds fixes the grade whatever the score (dacheng 评议考核实施方案 七). This is the scheme
of jilin-city 31, dacheng 七 and most seeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from respons import hookimpl
from respons.model.grading import grade_for
from respons.registry import ScoringScheme
from respons.syntax.present import condition_text


@attrs.frozen
class ItemScore:
    item: str
    points: float
    score: float
    deductions: tuple[tuple[str, int, float], ...]  # (what, occurrences, points taken)


@attrs.frozen
class Score:
    total: float
    grade: str | None
    items: tuple[ItemScore, ...]
    vetoed_by: str | None = None


def _param(params: Mapping, name: str, default: float) -> Fraction:
    value = params.get(name, default)
    return Fraction(str(value))


def score(assessment, occurrences: Mapping[tuple[str, int], int],
          vetoes_holding: tuple[int, ...] = (), params: Mapping | None = None) -> Score:
    """Score one subject: ``occurrences[(item name, deduction index)]`` counts what was found.

    ``vetoes_holding`` are the indexes of the assessment's vetoes whose condition holds;
    the first of them, in the regime's order, fixes the grade.
    """
    params = dict(params or {p.name: p.value.value for p in assessment.params})
    floor = _param(params, "item_floor", 0)
    precision = int(params.get("precision", 1))
    items = []
    total = Fraction(0)
    for item in assessment.items:
        points = Fraction(str(item.points))
        taken = []
        remaining = points
        for index, deduction in enumerate(item.deductions):
            count = int(occurrences.get((item.name, index), 0))
            lost = Fraction(str(deduction.points)) * count
            remaining -= lost
            taken.append((deduction.per.text, count, float(lost)))
        remaining = max(remaining, floor)
        total += remaining
        items.append(ItemScore(item.name, float(points), float(remaining), tuple(taken)))
    total_value = round(float(total), precision)
    grade = grade_for(assessment, total_value)
    vetoed_by = None
    for index in sorted(vetoes_holding):
        veto = assessment.vetoes[index]
        grade, vetoed_by = veto.grade, condition_text(veto.condition)
        break
    return Score(total_value, grade, tuple(items), vetoed_by)


def validate(assessment) -> list:
    """`points` adds up item points: every item needs them, and there must be bands."""
    problems = [(f"item {item.name} has no points; the points scheme (百分制) cannot score it",
                 item.span) for item in assessment.items if item.points is None]
    if not assessment.bands or not all(band.bounds for band in assessment.bands):
        problems.append((f"{assessment.name} needs grade bands with score ranges to grade "
                         "its total", assessment.span))
    return problems


@hookimpl(trylast=True)
def respons_scoring_schemes():
    return [ScoringScheme(
        name="points", aliases=("百分制",), score=score,
        params={"item_floor": "the lowest score an item can fall to (default 0)",
                "precision": "decimal places of the total (default 1)"},
        description="百分制: items minus deductions, graded by bands, fixed by vetoes",
        validate=validate)]

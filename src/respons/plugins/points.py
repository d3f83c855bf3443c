"""The built-in scoring scheme `points` (百分制): items minus deductions, banded, vetoed.

Each item starts at its points and loses the deduction of every occurrence counted
against it (每 <event/duty/fault> 扣 N 分), never falling below ``item_floor``; the total
is rounded to ``precision`` decimal places 四舍五入 (ROUND_HALF_UP) and graded by the
assessment's bands and boundary rules (``respons.model.grading``); a veto that holds fixes
the grade whatever the score (dacheng 评议考核实施方案 七). Points are exact decimals
throughout. This is the scheme of jilin-city 31, dacheng 七 and most seeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from respons import hookimpl
from respons.model.assessment import Assessment
from respons.model.grading import grade_for
from respons.plugins import files, weighted
from respons.registry import (
    DeductionTaken,
    ItemScore,
    Score,
    ScoringScheme,
    SubjectFacts,
    assessment_params,
    first_veto,
    precision_of,
    round_points,
)
from respons.syntax.present import condition_text

PARAMS = {"item_floor": "the lowest score an item can fall to (default 0)",
          "precision": "decimal places of the total, 0 to 6, rounded 四舍五入 (default 1; a "
                       "recorded score is rounded only when it is written)"}


def _points(value: object) -> Decimal:
    # str() first: a float such as 0.1 stands for the decimal the regime wrote.
    return Decimal(str(value))


def _settings(params: Mapping[str, object]) -> tuple[Decimal, int]:
    """(item floor, precision), or `ValueError` naming the parameter that is not one."""
    floor = params.get("item_floor", 0)
    try:
        if isinstance(floor, bool):
            raise InvalidOperation
        floor_value = _points(floor)
        if not floor_value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise ValueError(f"parameter item_floor must be a number of points, not {floor!r}"
                         ) from None
    return floor_value, precision_of(params)


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """Score one subject: ``subject.occurrences[(item name, deduction index)]`` counts what
    was found; the first holding veto (``subject.vetoes``), in the regime's order, fixes
    the grade. Where the assessment reads a recorded score (得分 … 的 FIELD), that score
    is the total and the items are its contents; a subject with none recorded gets none."""
    floor, precision = _settings(subject.params)
    _check_facts(assessment, subject)
    items, total = [], Decimal(0)
    reads_score = any(r.what == "score" for r in assessment.recorded)
    for item in assessment.items:
        found = tuple((index, finding.per.text, subject.found.get((item.name, index), 0))
                      for index, finding in enumerate(item.findings))
        if item.source is not None:
            # 来自: another assessment's result, scaled to this item's points; without one
            # for the subject, the subject is not graded (no total).
            fed = subject.fed.get(item.source)
            fed_total = fed[0] if fed is not None else None
            if item.points is None:
                items.append(ItemScore(item=item.name, points=None, score=fed_total,
                                       found=found))
                continue
            points = _points(item.points)
            if fed_total is None or total is None:
                total = None
                items.append(ItemScore(item=item.name, points=points, score=None,
                                       found=found))
                continue
            kept = fed_total * points / _points(fed[1])
            total += kept
            items.append(ItemScore(item=item.name, points=points, score=kept, found=found))
            continue
        if item.points is None:
            if not reads_score:
                raise ValueError(f"item {item.name} of {assessment.name} has no points to "
                                 "score")
            items.append(ItemScore(item=item.name, points=None, score=None, found=found))
            continue
        points = _points(item.points)
        remaining, taken = points, []
        for index, deduction in enumerate(item.deductions):
            count = subject.occurrences.get((item.name, index), 0)
            moved = _points(deduction.points) * count
            if deduction.cap is not None:  # 至多 M 分: what one deduction takes in all
                moved = min(moved, _points(deduction.cap))
            remaining = remaining + moved if deduction.adds else remaining - moved
            taken.append(DeductionTaken(index=index, what=deduction.per.text, count=count,
                                        points=moved))
        # An item's points are its maximum (additions restore, never exceed them) and
        # item_floor its least.
        remaining = min(max(remaining, floor), points)
        total = total + remaining if total is not None else None
        items.append(ItemScore(item=item.name, points=points, score=remaining,
                               deductions=tuple(taken), found=found))
    if reads_score:
        # A score the assessors gave is graded as they gave it (94.95 is not 95分以上): no
        # seed text rounds it; only a `参数 precision` the regime writes does.
        total = subject.recorded
        if total is not None and "precision" in subject.params:
            total = round_points(total, precision)
    elif total is not None:
        total = round_points(total, precision)
    grade = grade_for(assessment, total) if total is not None else None
    vetoed_by = None
    veto = first_veto(assessment, subject)
    if veto is not None:
        grade, vetoed_by = veto.grade, condition_text(veto.condition)
    return Score(total=total, grade=grade, items=tuple(items), vetoed_by=vetoed_by)


def _check_facts(assessment: Assessment, subject: SubjectFacts) -> None:
    """Facts the assessment cannot hold mean the counting and the regime disagree: say so
    rather than score what was not asked."""
    deductions = {(item.name, index) for item in assessment.items
                  for index in range(len(item.deductions))}
    for key, count in subject.occurrences.items():
        if key not in deductions:
            raise ValueError(f"{assessment.name} has no deduction {key!r} (item name, index) "
                             f"to count {count!r} occurrences against")
        if type(count) is not int or count < 0:
            raise ValueError(f"the occurrences counted against {key!r} must be a whole "
                             f"number of 0 or more, not {count!r}")
    for index in subject.vetoes:
        if type(index) is not int or not 0 <= index < len(assessment.vetoes):
            raise ValueError(f"{assessment.name} has no veto number {index!r} "
                             f"(it has {len(assessment.vetoes)})")


def validate(assessment: Assessment) -> list:
    """`points` adds up item points: every item needs them, there must be bands, and the
    parameters must be ones it can use."""
    reads_score = any(r.what == "score" for r in assessment.recorded)
    problems = [(f"item {item.name} has no points; the points scheme (百分制) cannot score it",
                 item.span) for item in assessment.items
                if item.points is None and not reads_score and item.source is None]
    problems += [(f"item {item.name} has points, but {assessment.name} reads a recorded "
                  "score (得分): give the items no points, or read no score", item.span)
                 for item in assessment.items if item.points is not None and reads_score]
    if any(w.scores is not None for w in assessment.weights):
        problems.append((f"{assessment.name} weighs scores its ways of evaluating submit: "
                         "combine them with 方案 加权 (weighted)", assessment.span))
    if assessment.sample is not None:
        problems.append((f"{assessment.name} draws case files (抽样): score them with "
                         "方案 案卷评查 (files)", assessment.sample.span or assessment.span))
    if not assessment.bands or not all(band.bounds for band in assessment.bands):
        problems.append((f"{assessment.name} needs grade bands with score ranges to grade "
                         "its total", assessment.span))
    params = assessment_params(assessment)
    spans = {param.name: param.span for param in assessment.params}
    for name in PARAMS:
        try:
            _settings({name: params[name]} if name in params else {})
        except ValueError as error:
            problems.append((str(error), spans.get(name) or assessment.span))
    return problems


@hookimpl(trylast=True)
def respons_scoring_schemes() -> list[ScoringScheme]:
    # files (案卷评查) and weighted (加权) register here, with the entry point every
    # installation already has.
    return [files.SCHEME, weighted.SCHEME, ScoringScheme(
        name="points", aliases=("百分制",), score=score, params=PARAMS,
        description="百分制: items minus deductions, graded by bands, fixed by vetoes",
        validate=validate)]

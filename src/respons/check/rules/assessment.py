"""Assessments: bands cover 0 to full marks without gaps or overlaps, items add up, and
the scoring scheme and its parameters exist (R0501–R0507), and a grade given by a
condition is graded by the scheme of tiers (R0515).

民法典 1259: 以上/以下/以内 include the number itself, 不满/超过/以外 do not. So jilin-city
31's "70分以上为及格，70分以下为不及格" grades 70 twice; a regime must say which grade a
boundary score takes (`边界 70 => 及格`).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean
from respons.model.grading import full_marks, interval_of


def _show(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else str(float(value))


def check(ctx: RuleContext) -> None:
    schemes = ctx.registry.scoring_schemes() if ctx.registry is not None else None
    for assessment in ctx.regime.assessments:
        full = full_marks(assessment)
        if full <= 0:
            ctx.sink.add("R0509", f"the full marks of {assessment.name} are {_show(full)}: they "
                         "must be above zero", assessment.span, "write e.g. `满分 100`")
            continue
        if not ctx.whole(assessment):
            # A band or an item may be in a statement that did not parse: gaps and sums
            # would be findings about the broken text.
            if schemes is not None and assessment.scheme is not None:
                _scheme(ctx, assessment, schemes, validate=False)
            continue
        _bands(ctx, assessment, full)
        _tiers(ctx, assessment, schemes)
        if assessment.items and all(item.points is not None for item in assessment.items):
            total = sum(Fraction(str(item.points)) for item in assessment.items)
            if total != full:
                ctx.sink.add("R0503", f"the items of {assessment.name} add up to {_show(total)}, "
                             f"not {_show(full)}", assessment.span,
                             "adjust the points, or set `满分` to their sum")
        if schemes is not None and assessment.scheme is not None:
            _scheme(ctx, assessment, schemes)


def _bands(ctx: RuleContext, assessment, full: Fraction) -> None:
    if not assessment.bands or not any(band.bounds for band in assessment.bands):
        return  # grades without scores: a rating (等次评定), nothing to cover
    intervals = []
    for band in assessment.bands:
        interval = interval_of(band, full)
        if not band.bounds:
            ctx.sink.add("R0507", f"band {band.name} gives no score range, but the other bands "
                         "of the assessment do", band.span, "give it bounds such as `不满 60`")
        elif interval.empty:
            ctx.sink.add("R0507", f"band {band.name} contains no score", band.span,
                         "its lower bound must lie below its upper bound")
        else:
            intervals.append((band, interval))
    boundaries = {Fraction(str(b.score)): b for b in assessment.boundaries}
    used: set[Fraction] = set()
    points = sorted({Fraction(0), full} | {i.low for _, i in intervals} |
                    {i.high for _, i in intervals})
    points = [p for p in points if 0 <= p <= full]
    probes = [(p, True) for p in points] + [
        ((a + b) / 2, False) for a, b in itertools.pairwise(points)]
    problems = []  # (probe, is_point, names of the bands holding it) where not exactly one
    for probe, is_point in sorted(probes):
        holders = [band for band, interval in intervals if interval.contains(probe)]
        if len(holders) == 1:
            continue
        boundary = boundaries.get(probe) if is_point else None
        if boundary is not None:
            used.add(probe)
            if holders and boundary.grade not in {b.name for b in holders}:
                ctx.sink.add("R0504", f"score {_show(probe)} is in "
                             + " and ".join(b.name for b in holders)
                             + f"; the boundary rule cannot make it {boundary.grade}",
                             boundary.span, "grade a boundary score as one of the bands that "
                             "contain it")
            continue
        problems.append((probe, is_point, holders))
    for group in _runs(problems, probes):
        where = _describe(group, points)
        holders = group[0][2]
        if not holders:
            ctx.sink.add("R0501", f"no grade band of {assessment.name} covers {where}",
                         assessment.span, "close the gap, or add `边界 <score> => <grade>` where "
                         "the text grades a boundary score")
        else:
            names = " and ".join(b.name for b in holders)
            ctx.sink.add("R0502", f"grade bands {names} of {assessment.name} overlap at {where}",
                         holders[-1].span,
                         "make the bands exclusive (不满 N / 超过 N), or add `边界 <score> => "
                         "<grade>` saying how the boundary is graded")
    for score, boundary in boundaries.items():
        if score not in used:
            ctx.sink.add("R0504", f"the bands neither overlap nor leave a gap at "
                         f"{_show(score)}: this boundary rule decides nothing", boundary.span,
                         "remove it, or correct the score")


def _tiers(ctx: RuleContext, assessment, schemes) -> None:
    """A grade given by a condition (等级 G 若 …) is a tier, graded only by the scheme that
    grades by conditions (条件分档): another scheme would ignore the condition (R0515)."""
    scheme = schemes.get(assessment.scheme) if schemes is not None else None
    if scheme is None or scheme.name == "tiers":
        return
    for band in assessment.bands:
        if band.condition is not None:
            ctx.sink.add("R0515", f"band {band.name} of {assessment.name} is given by a "
                         f"condition, which scheme {scheme.name} does not grade by", band.span,
                         "write `方案 条件分档` (tiers), or give the band scores instead")


def _runs(problems, probes):
    """Group problems at neighbouring probes with the same bands into one range each."""
    order = {probe: index for index, probe in enumerate(sorted(probes))}
    groups: list[list] = []
    for problem in problems:
        key = (problem[0], problem[1])
        names = [b.name for b in problem[2]]
        if groups:
            last = groups[-1][-1]
            if order[key] == order[(last[0], last[1])] + 1 and \
                    names == [b.name for b in last[2]]:
                groups[-1].append(problem)
                continue
        groups.append([problem])
    return groups


def _describe(group, points: list[Fraction]) -> str:
    """A run of probes as words: "70", or "the scores from 80 (included) to 85 (excluded)"."""
    first, last = group[0], group[-1]
    if len(group) == 1 and first[1]:
        return _show(first[0])
    low = first[0] if first[1] else max(p for p in points if p < first[0])
    high = last[0] if last[1] else min(p for p in points if p > last[0])
    return (f"the scores from {_show(low)} ({'included' if first[1] else 'excluded'}) "
            f"to {_show(high)} ({'included' if last[1] else 'excluded'})")


def _scheme(ctx: RuleContext, assessment, schemes: dict, validate: bool = True) -> None:
    scheme = schemes.get(assessment.scheme)
    if scheme is None:
        ctx.sink.add("R0505", f"no installed plugin provides the scoring scheme "
                     f"{assessment.scheme!r}" + did_you_mean(assessment.scheme, schemes),
                     assessment.scheme_span or assessment.span,
                     "installed schemes: " + (", ".join(sorted(schemes)) or "none"))
        return
    for message, span in (scheme.validate(assessment) if scheme.validate and validate else ()):
        ctx.sink.add("R0508", message, span or assessment.span,
                     f"see `respons plugins` for what scheme {scheme.name} needs")
    for param in assessment.params:
        if param.name not in scheme.params:
            accepted = ", ".join(sorted(scheme.params)) or "no parameters"
            ctx.sink.add("R0506", f"scheme {scheme.name} takes no parameter {param.name!r}"
                         + did_you_mean(param.name, scheme.params), param.span,
                         f"{scheme.name} accepts: {accepted}")

"""Grade bands as intervals of scores, and the grade a score gets.

民法典 第一千二百五十九条: 以上、以下、以内 include the number itself; 不满、超过、以外 do
not. A band is the interval its bounds leave between 0 and the full marks; a boundary
rule (`边界 70 => 及格`) decides a score that two bands share or none covers. The checker
uses the same intervals to find gaps and overlaps, so what it accepts is what grading does.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs


@attrs.frozen
class Interval:
    low: Fraction
    low_closed: bool
    high: Fraction
    high_closed: bool

    def contains(self, score: Fraction) -> bool:
        above = score > self.low or (self.low_closed and score == self.low)
        below = score < self.high or (self.high_closed and score == self.high)
        return above and below

    @property
    def empty(self) -> bool:
        return self.low > self.high or (
            self.low == self.high and not (self.low_closed and self.high_closed))


def full_marks(assessment) -> Fraction:
    if assessment.full_marks is None:
        return Fraction(100)
    return Fraction(str(assessment.full_marks))


def interval_of(band, full: Fraction) -> Interval:
    low, low_closed, high, high_closed = Fraction(0), True, full, True
    for bound in band.bounds:
        value = Fraction(str(bound.value))
        if bound.op in (">=", ">") and (value > low or (value == low and bound.op == ">")):
            low, low_closed = value, bound.op == ">="
        elif bound.op in ("<=", "<") and (value < high or (value == high and bound.op == "<")):
            high, high_closed = value, bound.op == "<="
    return Interval(low, low_closed, high, high_closed)


#: id of an assessment → (the assessment, its bands as decimal intervals, its boundary
#: rules): worked out once per assessment object — a province's hundred thousand officers
#: are graded by the same few bands, and hashing a whole assessment per call would cost
#: more than grading.
_BANDS: dict[int, tuple] = {}


def _decimal(value: Fraction) -> Decimal:
    # exact: a bound is a decimal the regime wrote, so its denominator divides a power of 10
    return Decimal(value.numerator) / Decimal(value.denominator)


def _bands(assessment) -> tuple[tuple, tuple]:
    kept = _BANDS.get(id(assessment))
    if kept is not None and kept[0] is assessment:
        return kept[1], kept[2]
    full = full_marks(assessment)
    bands = []
    for band in assessment.bands:
        i = interval_of(band, full)
        bands.append((band.name, _decimal(i.low), i.low_closed, _decimal(i.high),
                      i.high_closed))
    boundaries = tuple((Decimal(str(b.score)), b.grade) for b in assessment.boundaries)
    if len(_BANDS) > 256:
        _BANDS.clear()
    _BANDS[id(assessment)] = (assessment, tuple(bands), boundaries)
    return tuple(bands), boundaries


def grade_for(assessment, score) -> str | None:
    """The grade of ``score``: the one band containing it, else the boundary rule's grade.
    Compared as exact decimals: the bounds and the score are decimals as written."""
    score = score if isinstance(score, Decimal) else Decimal(str(score))
    bands, boundaries = _bands(assessment)
    holders = [name for name, low, low_closed, high, high_closed in bands
               if (score > low or (low_closed and score == low))
               and (score < high or (high_closed and score == high))]
    if len(holders) == 1:
        return holders[0]
    for value, grade in boundaries:
        if value == score:
            return grade
    return None


def ranked(assessment) -> list[str]:
    """The grades of ``assessment``, best first: bands with bounds by the scores they hold
    (the highest first), bands without (等次评定) in the order written — every seed regime
    lists its grades best first (优秀、合格、不合格)."""
    if not any(band.bounds for band in assessment.bands):
        return [band.name for band in assessment.bands]
    full = full_marks(assessment)
    intervals = [(interval_of(band, full), n, band.name) for n, band in
                 enumerate(assessment.bands)]
    intervals.sort(key=lambda t: (-t[0].low, not t[0].low_closed, -t[0].high, t[1]))
    return [name for _, _, name in intervals]


def capped(assessment, grade: str | None, barred: str) -> tuple[bool, str | None]:
    """Whether a bar to ``barred`` lowers ``grade``, and the grade then: the band right
    below ``barred`` (None: there is none, the subject is not graded). A grade below the
    one barred, or none, is left as it is."""
    order = ranked(assessment)
    if grade is None or grade not in order or barred not in order:
        return False, grade
    if order.index(grade) > order.index(barred):
        return False, grade
    below = order.index(barred) + 1
    return True, order[below] if below < len(order) else None

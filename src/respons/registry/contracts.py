"""The typed contracts of every callable a plugin supplies, and the data the scoring one speaks.

A plugin hands respons callables inside its descriptors (`respons.registry.descriptors`);
each has one signature, stated here as a `typing.Protocol` so that a type checker holds a
plugin to it and the registry can refuse, at load time, a callable that cannot be called so:

- a store's ``open(url, settings) -> Store``          (`OpenStore`)
- a store's ``scratch(url, name) -> (url, dispose)``   (`ScratchStore`, optional)
- a calendar's ``load(settings) -> Calendar``          (`LoadCalendar`)
- a scheme's ``score(assessment, subject) -> Score``   (`ScoreSubject`)
- a scheme's ``validate(assessment) -> [(message, span)]`` (`ValidateAssessment`)
- a format's ``render(issued) -> bytes``               (`RenderNotice`)

`SubjectFacts` (what the engine counted for one assessed subject) and `Score` (what a scheme
makes of it) are the scoring contract's data: points are `decimal.Decimal`, rounded
四舍五入 (`ROUND_HALF_UP`, `round_points`), never with Python's half-to-even `round()`.
The store and the calendar live in layers above this one, so they are named for type
checkers only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Protocol

import attrs

from respons.model.assessment import Assessment
from respons.model.base import Span
from respons.model.notice import IssuedNotice

if TYPE_CHECKING:  # layers above the registry: named for type checkers, never imported
    from respons.calendar import Calendar
    from respons.store.api import Store


class OpenStore(Protocol):
    """``open(url, settings)``: the store ``url`` names, with its ``[plugins.<backend>]``
    settings; raises `respons.store.StoreError` (one line) when it cannot be opened."""

    def __call__(self, url: str, settings: Mapping[str, object], /) -> Store: ...


class ScratchStore(Protocol):
    """``scratch(url, name)``: the URL of a new, empty store of this backend, beside the one
    ``url`` names — on the same server, in a temporary folder — and ``dispose()``, which
    removes it and all it holds. ``name`` is a hint for its name (letters, digits, ``-``);
    the store is the caller's alone, so the name must not be one another caller could get.
    `respons test` runs each scenario on one; raises `respons.store.StoreError` (one line)
    when none can be made."""

    def __call__(self, url: str, name: str, /) -> tuple[str, Callable[[], None]]: ...


class LoadCalendar(Protocol):
    """``load(settings)``: the calendar configured by its ``[calendars.<name>]`` table;
    raises `ValueError` naming (in backquotes) a setting it does not accept."""

    def __call__(self, settings: Mapping[str, object], /) -> Calendar: ...


class ScoreSubject(Protocol):
    """``score(assessment, subject)``: the `Score` of one subject; raises `ValueError` for
    facts the assessment cannot hold (an item it lacks, a grade not among its bands)."""

    def __call__(self, assessment: Assessment, subject: SubjectFacts, /) -> Score: ...


class ValidateAssessment(Protocol):
    """``validate(assessment)``: ``(message, span)`` for each thing of the assessment the
    scheme cannot score (diagnostic R0508); empty when it can score it."""

    def __call__(self, assessment: Assessment, /) -> Sequence[tuple[str, Span | None]]: ...


class RenderNotice(Protocol):
    """``render(issued)``: the notice as the format's bytes; raises `ValueError` naming the
    required elements (要素) the notice lacks."""

    def __call__(self, issued: IssuedNotice, /) -> bytes: ...


#: How many positional arguments each contract's callable is called with.
ARITY = {OpenStore: 2, ScratchStore: 2, LoadCalendar: 1, ScoreSubject: 2, ValidateAssessment: 1,
         RenderNotice: 1}


def _counts(value: Mapping) -> dict:
    return dict(value)


@attrs.frozen(kw_only=True)
class FileSheet:
    """One case file drawn for review (案卷评查): its number (``matter``), the score its
    sheet gives (None: no sheet yet), whether a veto item of the sheet holds (``vetoed``:
    the file is 不合格), and the ids of the sheet and of the upheld appeal (申辩) whose
    corrected score replaces the sheet's (``appeal``, ``corrected``)."""

    matter: str
    score: Decimal | None = None
    vetoed: bool = False
    sheet: str | None = None
    appeal: str | None = None
    corrected: Decimal | None = None

    @property
    def final(self) -> Decimal | None:
        """The file's score: the appeal's where one was upheld, else the sheet's."""
        return self.corrected if self.appeal is not None else self.score


@attrs.frozen(kw_only=True)
class SubjectFacts:
    """What was found of one assessed subject (an agency, a body, an officer) in a cycle.

    ``occurrences[(item name, deduction index)]`` counts what the store counted against
    each deduction (每 … 扣 N 分) of each item; ``vetoes`` are the indexes, in the
    assessment's order, of the vetoes (一票否决) whose condition holds; ``given`` is the
    grade the evaluators gave, for schemes that rate rather than add points (等次评定);
    ``params`` are the assessment's scheme parameters (参数 NAME VALUE) as plain values;
    ``recorded`` the score an assessor recorded (得分 … 的 FIELD); ``found`` what each
    finding (发现) of an item found.
    """

    subject: str = ""
    occurrences: Mapping[tuple[str, int], int] = attrs.field(factory=dict, converter=_counts)
    vetoes: tuple[int, ...] = attrs.field(default=(), converter=tuple)
    given: str | None = None
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_counts)
    #: the score an assessor recorded for the subject (得分 … 的 FIELD), where the
    #: assessment reads one; None where it does not, or none was recorded
    recorded: Decimal | None = None
    #: ``found[(item name, finding index)]``: what each 发现 of an item found
    found: Mapping[tuple[str, int], int] = attrs.field(factory=dict, converter=_counts)
    #: the case files drawn for the subject (抽样), each with its sheet: `FileSheet`
    files: tuple[FileSheet, ...] = attrs.field(default=(), converter=tuple)
    #: ``evaluations[way]``: the score each way of evaluating (自评, 互评…) gave the subject
    evaluations: Mapping[str, Decimal] = attrs.field(factory=dict, converter=_counts)
    #: ``fed[assessment]``: (total, full marks, grade) another assessment gave the subject
    #: in the period, for items 来自 it; absent where it has no result for the subject
    fed: Mapping[str, tuple] = attrs.field(factory=dict, converter=_counts)
    #: ``tiers[band index]``: whether the condition of each tier (等级 G 若 …) holds — True,
    #: False, or None where records cannot decide it (a circumstance found case by case)
    tiers: Mapping[int, bool | None] = attrs.field(factory=dict, converter=_counts)

    @classmethod
    def of(cls, assessment: Assessment, **facts) -> SubjectFacts:
        """Facts for ``assessment`` with its own parameters (``params=`` replaces them)."""
        facts.setdefault("params", assessment_params(assessment))
        return cls(**facts)


def assessment_params(assessment: Assessment) -> dict[str, object]:
    """The parameters written in an assessment, ``参数 取整 1`` → ``{"取整": 1}``."""
    return {param.name: getattr(param.value, "value", param.value)
            for param in assessment.params}


@attrs.frozen(kw_only=True)
class DeductionTaken:
    """What one deduction took from its item: ``count`` occurrences of ``what`` (the
    event, duty or fault it counts), ``points`` in all."""

    index: int
    what: str
    count: int
    points: Decimal


@attrs.frozen(kw_only=True)
class ItemScore:
    """One item: the ``points`` it is worth, the ``score`` it kept, and what it lost."""

    item: str
    points: Decimal | None
    score: Decimal | None
    deductions: tuple[DeductionTaken, ...] = ()
    #: (finding index, what it finds, how many found), for items that list findings
    found: tuple[tuple[int, str, int], ...] = ()


@attrs.frozen(kw_only=True)
class Score:
    """What a scheme made of one subject: the ``total`` (None where the scheme gives no
    points), the ``grade`` (None where no band holds the total), each item, and the veto
    (its condition, as written) that fixed the grade, if one did."""

    total: Decimal | None
    grade: str | None
    items: tuple[ItemScore, ...] = ()
    vetoed_by: str | None = None


#: The most decimal places a total is given to: more would claim an exactness no regime has.
MAX_PRECISION = 6


def precision_of(params, default: int = 1) -> int:
    """A scheme's ``precision`` parameter: a whole number of decimal places from 0 to
    `MAX_PRECISION`, else a `ValueError` naming it (the one check every scheme makes)."""
    value = params.get("precision", default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) \
            or not 0 <= value <= MAX_PRECISION:
        raise ValueError(f"parameter precision must be a whole number of decimal places from "
                         f"0 to {MAX_PRECISION}, not {value!r}")
    return int(value)


def first_veto(assessment, subject):
    """The veto that fixes ``subject``'s grade whatever its score (dacheng 评议考核 七（二）): the
    first of those holding (``subject.vetoes``) in the assessment's order; None where none
    holds."""
    return assessment.vetoes[min(subject.vetoes)] if subject.vetoes else None


def round_points(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` decimal places, 四舍五入: a half goes away from zero
    (ROUND_HALF_UP), as the regimes mean it — not to the even neighbour."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

"""Rule coverage: which rules of the regimes under test the scenarios exercise, and which not.

A rule is exercised by a scenario that expects something of it — an obligation of a duty,
or that there is none — whether the scenario passes or not: coverage says what the tests
look at, their outcome says whether it holds. A rule is one declaration (its file and
line), so a duty a regime inherits and one that extends it also tests counts once.

`KINDS` is the table of what is counted, one row per kind of rule; the kinds of rule that
later issues let a scenario expect (ladders and their steps, modifiers, bands, vetoes…)
are rows added here, each with the `respons.model.scenario.EXPECTABLE` row that exercises
it, or with what running a scenario shows it exercised.

An assessment's parts are exercised by what `respons assess` gave the subjects a scenario
expects of (`预期 考核 A SUBJECT YEAR`), known once it ran (``respons.engine.scenario_assess``):
an item where it counted or found something for one of them (an item with points and no
deductions, or 来自 another assessment, where it was scored); a band where one of them was
graded into it by its score or recorded grade (not fixed there by a veto); a boundary — a
score a band's bound or a `边界` rule names — where one of them scored exactly on it; a veto
where it held for one of them; a bar (不得评为) where it capped the grade of one of them; a
consequence where it was proposed for one of them. An item
that computes nothing (a content listed without points, findings or source: jilin-city 29's
items the assessors judge) is not a rule: nothing a scenario writes can exercise it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import attrs

from respons.check.resolve import Resolved
from respons.model.regime import Regime
from respons.model.scenario import Scenario, exercises
from respons.syntax.parser import regime_id_for
from respons.syntax.present import condition_text


@attrs.frozen
class RuleKind:
    """One kind of rule counted: ``collection`` is the `Regime` field that holds them
    (the name `EXPECTABLE` rows exercise), ``rules`` lists a regime's rules of the kind
    as (name, declaration)."""

    collection: str
    noun: str
    term: str
    rules: Callable[[Regime], Iterable[tuple[str, object]]]


KINDS: tuple[RuleKind, ...] = (
    RuleKind("duties", "duty", "职责", lambda regime: ((d.name, d) for d in regime.duties)),
    RuleKind("rights", "right", "权利", lambda regime: ((r.name, r) for r in regime.rights)),
    # Ladders a proceeding (追究) applies, and their steps: a ladder no proceeding applies
    # is applied to no case, so no scenario can exercise it.
    RuleKind("ladders", "ladder", "阶梯",
             lambda regime: ((lad.name, lad) for lad in applied_ladders(regime))),
    RuleKind("steps", "ladder step", "阶梯级", lambda regime: (
        (f"{lad.name} 第{s.level}级", s) for lad in applied_ladders(regime)
        for s in lad.steps)),
    # Exercised where a scenario's case had the modifier hold (applied, or left open to the
    # decision-maker), or the 责任划分 rule's situation hold: known once the scenario ran.
    RuleKind("modifiers", "ladder modifier", "从重从轻", lambda regime: (
        (modifier_name(lad, m), m) for lad in applied_ladders(regime) for m in lad.modifiers)),
    RuleKind("bearings", "bearing rule", "责任划分规则", lambda regime: (
        (bearing_name(a, rule), rule) for a in _applied_apportionments(regime)
        for rule in a.rules)),
    RuleKind("assessments", "assessment", "考核",
             lambda regime: ((a.name, a) for a in regime.assessments)),
    RuleKind("items", "assessment item", "考核项目", lambda regime: (
        (item_name(a, i), i) for a in _scored(regime) for i in a.items if computes(i))),
    RuleKind("bands", "band", "等级", lambda regime: (
        (band_name(a, b), b) for a in _scored(regime) for b in a.bands)),
    RuleKind("boundaries", "boundary", "边界", lambda regime: (
        (boundary_name(a, value), element) for a in _scored(regime)
        for value, element in boundaries(a))),
    RuleKind("vetoes", "veto", "否决", lambda regime: (
        (veto_name(a, v), v) for a in _scored(regime) for v in a.vetoes)),
    RuleKind("bars", "bar", "不得评为", lambda regime: (
        (bar_name(a, b), b) for a in _scored(regime) for b in a.bars)),
    RuleKind("consequences", "consequence", "考核后果", lambda regime: (
        (consequence_name(a, c), c) for a in _scored(regime) for c in a.consequences)),
    RuleKind("notices", "notice", "文书", lambda regime: ((n.name, n) for n in regime.notices)),
)


def modifier_name(ladder, modifier) -> str:
    """How coverage names a modifier: its ladder, its kind and its condition."""
    return f"{ladder.name} {_KIND[modifier.kind]} {condition_text(modifier.condition)}"


def bearing_name(apportionment, rule) -> str:
    """How coverage names a 责任划分 rule: its block and its situation."""
    return f"{apportionment.name} 情形 {condition_text(rule.condition)}"


def _scored(regime: Regime) -> list:
    # an assessment without a scheme is not scored (the checker says so): nothing to exercise
    return [a for a in regime.assessments if a.scheme is not None]


def computes(item) -> bool:
    """Whether an item computes something a scenario can see: points, a deduction, a
    finding, or another assessment's result (来自)."""
    return bool(item.points is not None or item.deductions or item.findings
                or item.source is not None)


def item_name(assessment, item) -> str:
    return f"{assessment.name} {item.name}"


def band_name(assessment, band) -> str:
    return f"{assessment.name} {band.name}"


def _number(value) -> str:
    return format(Decimal(value).normalize(), "f")


def boundary_name(assessment, value) -> str:
    return f"{assessment.name} {_number(value)}"


def boundaries(assessment) -> list[tuple[Decimal, object]]:
    """The boundary scores of an assessment, ascending, each with the declaration that
    names it: its `边界` rule where there is one, else the first band one of whose bounds it
    is. A bound at 0 or at the full marks is no boundary: no band lies beyond it."""
    full = Decimal(str(assessment.full_marks)) if assessment.full_marks is not None \
        else Decimal(100)
    found: dict[Decimal, object] = {}
    for rule in assessment.boundaries:
        found.setdefault(Decimal(str(rule.score)).normalize(), rule)
    for band in assessment.bands:
        for bound in band.bounds:
            value = Decimal(str(bound.value)).normalize()
            if 0 < value < full:
                found.setdefault(value, band)
    return sorted(found.items(), key=lambda pair: pair[0])


def veto_name(assessment, veto) -> str:
    return f"{assessment.name} {condition_text(veto.condition)} => {veto.grade}"


def bar_name(assessment, bar) -> str:
    cause = f"考核 {bar.assessment.text} 等级 {bar.graded}" if bar.assessment is not None \
        else condition_text(bar.condition)
    return f"{assessment.name} {bar.grade} 若 {cause}"


def consequence_name(assessment, consequence) -> str:
    years = f" 连续 {consequence.consecutive} 年" if consequence.consecutive else ""
    return f"{assessment.name} {consequence.grade}{years}"


_KIND = {"aggravate": "从重", "mitigate": "从轻", "exempt": "不予追究"}


def _applied_apportionments(regime: Regime) -> list:
    named = {p.apportionment.text for p in regime.proceedings if p.apportionment is not None}
    return [a for a in regime.apportionments if a.name in named]


def applied_ladders(regime: Regime) -> list:
    """The ladders the regime's proceedings apply, in the order declared."""
    named = {ref.text for p in regime.proceedings for ref in p.ladders}
    return [lad for lad in regime.ladders if lad.name in named]


def shown(kind: RuleKind, covered: Coverage) -> bool:
    """Whether a report lists ``kind``: duties always, the others where there are some."""
    return kind is KINDS[0] or bool(covered.of(kind))


@attrs.frozen
class Rule:
    """A rule of a regime under test and the scenarios that exercise it (file, line, name)."""

    kind: RuleKind
    regime: str
    name: str
    file: str
    line: int
    scenarios: tuple[tuple[str, int, str], ...] = ()


@attrs.frozen
class Coverage:
    rules: tuple[Rule, ...]

    def of(self, kind: RuleKind) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.kind is kind)

    @property
    def uncovered(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if not rule.scenarios)


def _versions(resolved: Resolved) -> list[Regime]:
    return [resolved.regime, *(v.regime for v in resolved.versions)]


def coverage(targets: Iterable[Resolved],
             runs: Iterable[tuple[Scenario, Resolved]],
             ran: Mapping[int, tuple[tuple[str, str], ...]] | None = None) -> Coverage:
    """The coverage of the rules of ``targets`` by ``runs`` (each scenario with the regime
    it tested), rules in the order of their regimes' files and lines. ``ran``: by
    ``id(scenario)``, what running it exercised beyond what it names (the modifiers and
    责任划分 rules that held in the cases it expects of)."""
    found: dict[tuple, dict] = {}
    for target in targets:
        for kind in KINDS:
            for regime in _versions(target):
                for name, element in kind.rules(regime):
                    span = element.span
                    key = (kind.collection, span.file, span.line, name)
                    found.setdefault(key, {"kind": kind, "scenarios": []})
    for scenario, target in runs:
        seen = set()
        pairs = [pair for expectation in scenario.expectations
                 for pair in exercises(expectation)]
        pairs += list((ran or {}).get(id(scenario), ()))
        for collection, name in pairs:
            kind = next((k for k in KINDS if k.collection == collection), None)
            if kind is None:
                continue
            for regime in _versions(target):
                for rule_name, element in kind.rules(regime):
                    key = (collection, element.span.file, element.span.line, rule_name)
                    if rule_name == name and key in found and key not in seen:
                        seen.add(key)
                        span = scenario.span
                        found[key]["scenarios"].append((span.file, span.line, scenario.name))
    rules = [Rule(entry["kind"], regime_id_for(key[1]), key[3], key[1], key[2],
                  tuple(sorted(entry["scenarios"])))
             for key, entry in found.items()]
    order = {kind.collection: n for n, kind in enumerate(KINDS)}
    rules.sort(key=lambda r: (order[r.kind.collection], r.regime, r.file, r.line, r.name))
    return Coverage(tuple(rules))

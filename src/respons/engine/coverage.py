"""Rule coverage: which rules of the regimes under test the scenarios exercise, and which not.

A rule is exercised by a scenario that expects something of it — an obligation of a duty,
or that there is none — whether the scenario passes or not: coverage says what the tests
look at, their outcome says whether it holds. A rule is one declaration (its file and
line), so a duty a regime inherits and one that extends it also tests counts once.

`KINDS` is the table of what is counted, one row per kind of rule; the kinds of rule that
later issues let a scenario expect (ladders and their steps, modifiers, bands, vetoes…)
are rows added here, each with the `respons.model.scenario.EXPECTABLE` row that exercises
it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

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
    RuleKind("notices", "notice", "文书", lambda regime: ((n.name, n) for n in regime.notices)),
)


def modifier_name(ladder, modifier) -> str:
    """How coverage names a modifier: its ladder, its kind and its condition."""
    return f"{ladder.name} {_KIND[modifier.kind]} {condition_text(modifier.condition)}"


def bearing_name(apportionment, rule) -> str:
    """How coverage names a 责任划分 rule: its block and its situation."""
    return f"{apportionment.name} 情形 {condition_text(rule.condition)}"


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

"""Judging a scenario's liability expectations (`预期 追究 …`, `预期 不予追究 …`).

Each expectation is compared with the cases `respons liability` finds on the scenario's
store as of its date (``respons.engine.liability``): whether the case is pursued and by
which ladder, the step, the higher step kept open (保留较高级), the measures, who bears it
and in what share and kind, and which circumstances made a modifier hold — 从重/从轻
applied, 待定 left to the decision-maker, 因 the exemption that ended the ladder
(docs/language.md, "Liability expected").

A circumstance is named as the modifier's condition names it, directly or through a named
condition or a circumstance defined by a condition (`respons.model.scenario.named_by`), and
it must have held in the case: tongzhou's `从重 第八条从重情形` is expected as
`从重 违法情节恶劣或者造成严重后果` when that is the circumstance of 第八条 that held. A fact
written is compared exactly: every modifier of its kind that held is named by one of its
names, and every name is one that held in such a modifier — so a 从轻 that changes no
measure still fails the scenario when it stops applying, or starts.

The differences are returned as the keyword arguments of a
`respons.engine.scenarios.Difference`, as ``respons.engine.scenario_assess`` does.
"""

from __future__ import annotations

from respons.model.condition import refs_in
from respons.model.scenario import (
    NO_STEP,
    LiabilityExpected,
    NotPursued,
    Scenario,
    held_as,
    named_by,
)
from respons.model.vocab import RESPONSIBILITIES, SHARES
from respons.syntax.present import condition_text

LIABILITY = (LiabilityExpected, NotPursued)


def bodies_of(regime) -> dict:
    """Name → condition of every named condition and circumstance defined by one."""
    if regime is None:
        return {}
    bodies = {c.name: c.condition for c in regime.conditions if c.condition is not None}
    bodies.update({c.name: c.condition for c in regime.circumstances
                   if c.condition is not None})
    return bodies


def liability_differences(scenario: Scenario, cases, as_of: str, regime=None) -> list[dict]:
    """The differences between the liability expectations checked as of ``as_of`` and
    ``cases``, what `respons liability` finds then; ``regime`` (the one under test) gives
    the named conditions and circumstances a modifier may be named through. A case no
    expectation names is no difference: a scenario says what it expects of the cases it
    is about."""
    bodies = bodies_of(regime)
    differences: list[dict] = []
    for e in scenario.expectations:
        if isinstance(e, LIABILITY) and (e.as_of or scenario.as_of).isoformat() == as_of:
            differences += _judged(e, cases, as_of, bodies)
    return differences


def _judged(e, cases, as_of: str, bodies: dict) -> list[dict]:
    """The differences of one expectation."""
    matter = e.matter.text
    subject = f"案件 {matter}" + (f" 阶梯 {e.ladder.text}" if e.ladder else "")
    where = {"as_of": as_of, "span": e.span, "subject": subject}
    differences: list[dict] = []

    def differ(what, expected, got):
        differences.append({"what": what, "expected": expected, "got": got, **where})

    found = [c for c in cases if matter in (c.matter, c.record)]
    if not found:
        differ("case", matter, "none")
        return differences
    outcomes = [o for c in found for o in c.outcomes
                if e.ladder is None or o.ladder.name == e.ladder.text]
    held = _held(found)
    if isinstance(e, NotPursued):
        pursued = [o.ladder.name for o in outcomes if o.pursued]
        if pursued or not outcomes:
            differ("pursued", "no", "、".join(pursued) or "no such ladder applied")
            return differences
        for fact in e.held:
            _compare_held(fact, outcomes, held, bodies, differ)
        return differences
    pursued = [o for o in outcomes if o.pursued]
    if len(pursued) != 1:
        got = "、".join(o.ladder.name for o in pursued) or "not pursued"
        differ("pursued", e.ladder.text if e.ladder else "by one ladder", got)
        return differences
    outcome = pursued[0]
    if e.step is not None and outcome.level != e.step:
        differ("step", f"第{e.step}级", f"第{outcome.level}级")
    kept = outcome.kept_level if outcome.kept_level is not None else NO_STEP
    if e.kept is not None and kept != e.kept:
        differ("kept", _level(e.kept), _level(kept))
    for fact in e.held:
        _compare_held(fact, [outcome], held, bodies, differ)
    if e.measures is not None:
        got = tuple(tuple(r.text for r in option) for option in outcome.options)
        if sorted(got) != sorted(e.measures):
            differ("measures", _options(e.measures), _options(got))
        added = tuple(r.text for r in outcome.additions)
        if e.additions is not None and sorted(added) != sorted(e.additions):
            differ("measures", "并可以 " + " 或 ".join(e.additions),
                   "并可以 " + (" 或 ".join(added) or "none"))
    if e.bearers is not None:
        _compare_bearers(e.bearers, [s for c in found for s in c.shares], differ)
    return differences


def _held(cases) -> frozenset[str]:
    """The names that held in the cases: circumstances, faults and named conditions."""
    names = {c.name for case in cases for c in case.circumstances if c.holds}
    names |= {name for case in cases for name, held in case.conditions if held}
    return frozenset(names)


def _modifiers(fact: str, outcomes) -> list:
    """The modifiers that held in ``outcomes`` and that ``fact`` (`HELD`) speaks of."""
    if fact == "because":
        return [m for o in outcomes for m in (*o.exemptions, *filter(None, [o.waived_by]))]
    return [a.modifier for o in outcomes for a in o.modifiers
            if held_as(a.modifier) == fact
            and (a.applied if fact != "pending" else not a.applied)]


def _compare_held(fact, outcomes, held: frozenset[str], bodies: dict, differ) -> None:
    """One 从重/从轻/待定/因 fact: exactly the modifiers of its kind that held, each named
    by a circumstance that held in it."""
    modifiers = _modifiers(fact.name, outcomes)
    named = [frozenset(n for n in named_by(m.condition, bodies) if n in held)
             for m in modifiers]
    expected = set(fact.value)
    every_name = all(any(name in names for names in named) for name in expected)
    every_modifier = all(names & expected for names in named)
    if not (every_name and every_modifier):
        shown = "、".join(dict.fromkeys(_shown(m, held, bodies) for m in modifiers))
        differ(fact.name, "、".join(fact.value) or "无", shown or "无")


def _shown(modifier, held: frozenset[str], bodies: dict) -> str:
    """A modifier that held, as a scenario may name it: the names its condition mentions
    that held, each named condition or defined circumstance with those in it that held."""
    parts = []
    for ref in dict.fromkeys(r.text for r in refs_in(modifier.condition)):
        if ref not in held:
            continue
        inner = [n for n in named_by(bodies[ref], bodies) if n in held] \
            if ref in bodies else []
        parts.append(f"{ref}（{'、'.join(inner)}）" if inner else ref)
    return "、".join(parts) or condition_text(modifier.condition)


def _compare_bearers(expected, shares, differ) -> None:
    """The people bearing the case, and — where written — their shares and kinds."""
    bearing = [s for s in shares if s.person is not None and s.bears]
    people = sorted({s.person for s in bearing})
    names = sorted(b.name for b in expected)
    if people != names:
        differ("bearers", "、".join(names), "、".join(people) or "none")
    for bearer in expected:
        mine = [s for s in bearing if s.person == bearer.name]
        if not mine:
            continue  # the names' difference says so
        for what, words, vocabulary, got in (
                ("share", bearer.shares, SHARES, {s.bearer.share for s in mine}),
                ("kind", bearer.kinds, RESPONSIBILITIES, {s.responsibility for s in mine})):
            got = {g for g in got if g is not None}
            if words and set(words) != got:
                differ(what, f"{bearer.name} " + "、".join(map(vocabulary.chinese, words)),
                       f"{bearer.name} " + ("、".join(sorted(map(vocabulary.chinese, got)))
                                            or "none"))


def _level(level: int) -> str:
    """A step as a scenario writes it: 第N级, or 无 (`NO_STEP`)."""
    return "无" if level == NO_STEP else f"第{level}级"


def _options(options) -> str:
    return " 或 ".join(" 并 ".join(option) for option in options)

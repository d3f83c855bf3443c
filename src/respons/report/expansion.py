"""What a condition means once its names are opened: named conditions and fault categories.

A condition may name a named condition (`条件 X { … }`) or a fault that other faults
belong to (`属于`, a category). `respons show` prints the condition as written and, under
it, each definition it reaches with its citation, so a supervisor reads what a ladder step
really says; `expanded` gives the condition with both opened, for the JSON form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from respons.model.base import Ref
from respons.model.condition import AnyOf, NamedCondition, expand, refs_in
from respons.model.liability import Circumstance, Fault
from respons.model.regime import Regime


def definitions(regime: Regime) -> dict[str, NamedCondition | Circumstance]:
    """Named conditions and the circumstances defined by a condition, by name."""
    found: dict[str, NamedCondition | Circumstance] = {
        c.name: c for c in regime.circumstances if c.condition is not None}
    found.update((c.name, c) for c in regime.conditions)
    return found


def members(regime: Regime) -> dict[str, list[str]]:
    """Each fault that has faults belonging to it → those faults, to any depth, in the
    order the file declares them (a cycle, which the checker reports, ends the walk)."""
    direct: dict[str, list[str]] = {}
    for fault in regime.faults:
        for category in fault.categories:
            direct.setdefault(category.text, []).append(fault.name)
    order = {fault.name: n for n, fault in enumerate(regime.faults)}
    result: dict[str, list[str]] = {}
    for category in direct:
        seen: set[str] = set()
        stack = list(direct[category])
        while stack:
            name = stack.pop()
            if name in seen or name == category:
                continue
            seen.add(name)
            stack.extend(direct.get(name, ()))
        result[category] = sorted(seen, key=lambda n: order.get(n, len(order)))
    return result


def expanded(condition, regime: Regime):
    """``condition`` with named conditions replaced by their definitions and each fault
    category by itself 或 every fault that belongs to it."""
    named = {name: c.condition for name, c in definitions(regime).items()
             if c.condition is not None}
    opened = expand(condition, named)
    direct: dict[str, list[Ref]] = {}
    for fault in regime.faults:
        for category in fault.categories:
            direct.setdefault(category.text, []).append(Ref((fault.name,)))
    # Direct members only: a member that is a category itself is opened in its turn.
    categories = {name: AnyOf((Ref((name,)), *found)) for name, found in direct.items()}
    return expand(opened, categories) if categories else opened


def reached(condition, regime: Regime
            ) -> Iterator[NamedCondition | Circumstance | tuple[Fault, list[str]]]:
    """The named conditions and circumstances defined by a condition (then the fault
    categories) a condition reaches, each once, in the
    order it first names them: what `respons show` opens under it."""
    named = definitions(regime)
    groups = members(regime)
    faults = {fault.name: fault for fault in regime.faults}
    seen: set[str] = set()
    pending = [condition]
    categories: list[str] = []
    while pending:
        for ref in refs_in(pending.pop(0)):
            name = ref.text
            if name in seen:
                continue
            seen.add(name)
            if name in named:
                yield named[name]
                if named[name].condition is not None:
                    pending.append(named[name].condition)
            elif name in groups:
                categories.append(name)
    for name in categories:
        if name in faults:
            yield faults[name], groups[name]


def open_json(regime: Regime, data: dict, convert: Callable) -> None:
    """Beside each condition, ``expanded``: named conditions and fault categories opened
    (the same condition where it names neither); beside each fault, the faults that
    belong to it (``members``)."""
    def add(target: dict, condition) -> None:
        target["expanded"] = convert(expanded(condition, regime))

    groups = members(regime)
    for fault, entry in zip(regime.faults, data["faults"], strict=True):
        entry["members"] = groups.get(fault.name, [])
    for named, entry in zip(regime.conditions, data["conditions"], strict=True):
        add(entry, named.condition)
    for duty, entry in zip(regime.duties, data["duties"], strict=True):
        if duty.starts is not None and duty.starts.where is not None:
            add(entry["starts"], duty.starts.where)
    for circumstance, entry in zip(regime.circumstances, data["circumstances"], strict=True):
        if circumstance.condition is not None:
            add(entry, circumstance.condition)
    for ladder, entry in zip(regime.ladders, data["ladders"], strict=True):
        for rule, rule_entry in zip((*ladder.steps, *ladder.modifiers),
                                    (*entry["steps"], *entry["modifiers"]), strict=True):
            add(rule_entry, rule.condition)
    for apportionment, entry in zip(regime.apportionments, data["apportionments"], strict=True):
        for rule, rule_entry in zip(apportionment.rules, entry["rules"], strict=True):
            add(rule_entry, rule.condition)
    for assessment, entry in zip(regime.assessments, data["assessments"], strict=True):
        for veto, veto_entry in zip(assessment.vetoes, entry["vetoes"], strict=True):
            add(veto_entry, veto.condition)

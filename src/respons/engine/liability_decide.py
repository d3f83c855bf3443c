"""Deciding a proceeding's ladders for many cases: once per distinct set of facts.

A ladder decides from a few facts of a case (``respons.engine.ladder``): its fault, the
case file's fields its conditions compare or test, whether each counted circumstance
reaches its number, which circumstances the decision-maker found, whether a defence was
made, and whom the case concerns. A province-year of cases has tens of thousands of cases
but few distinct such facts, so `Decider` reads, for each case, exactly those facts — the
*key*, found once per proceeding by walking every condition its ladders and 责任划分 can
reach — and applies the ladders (`respons.engine.ladder.apply`) to the first case of each
key; a later case of the same key gets the same outcomes. What differs from case to case
is filled in for each: the records a count found and their number, who the case file
names as bearer (`respons.engine.attribution.attribute`, with the 责任划分 rules' truths
as decided for the key).

This is the same decision, not an approximation: everything `ladder.Facts` reads is in
the key, so two cases of one key are decided alike — tests/liability compare it with
deciding every case afresh (``tabled=False``).
"""

from __future__ import annotations

from typing import NamedTuple

from respons.engine import ladder
from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not
from respons.model.liability import is_case_field


class Decision:
    """The ladders' outcomes for one key, and what it takes to give a case of that key its
    circumstances (in the regime's order) and its shares."""

    __slots__ = ("conditions", "counting", "outcomes", "pursued", "template", "truths")

    def __init__(self, outcomes, template, counting, truths, conditions) -> None:
        self.outcomes = outcomes
        self.pursued = any(o.pursued for o in outcomes)
        #: each circumstance the ladders consulted, as the first case of the key had them
        self.template = template
        #: (place in ``template``, name) of each counted one: each case has its own
        self.counting = counting
        #: id(condition) → whether it holds, for each 责任划分 rule, where pursued
        self.truths = truths
        #: the named conditions decided, name → whether it held (`ladder.Facts.conditions`)
        self.conditions = conditions

    def holds(self, condition) -> bool:
        return self.truths[id(condition)]


class Case(NamedTuple):
    """One case decided: its outcomes, its circumstances, the decision it shares."""

    outcomes: tuple
    circumstances: tuple
    decision: Decision


class Decider:
    """The ladders of one proceeding (those for whom the case concerns), decided once per
    key of facts (``tabled``) or for every case afresh."""

    def __init__(self, names: ladder.Names, ladders, apportionment, severities,
                 order: list[str], tabled: bool = True) -> None:
        self.names = names
        self.ladders = ladders
        self.apportionment = apportionment
        self.severities = severities
        self.order = order
        self.tabled = tabled
        roots = [s.condition for lad in ladders for s in lad.steps]
        roots += [m.condition for lad in ladders for m in lad.modifiers]
        if apportionment is not None:
            roots += [r.condition for r in apportionment.rules]
        self.fields, self.compares, self.counts, self.found = _facts_read(names, roots)
        # Each comparison with the case field it reads (None: not a case field, always
        # False), and what it gave per value met: a province-year's files hold few
        # distinct values of a compared field (过错程度: two), so each is compared once.
        self._compared = [(node, node.left.parts[1] if is_case_field(node.left) else None, {})
                          for node in self.compares]
        self._table: dict[tuple, Decision] = {}

    def decide(self, fault: str | None, fields: dict, found: frozenset[str], counts: dict,
               defence: bool, concerns: str | None) -> Case:
        """The case's outcomes and circumstances; ``fault`` a fault the regime declares."""
        key = (fault, concerns, defence,
               *[fields.get(f) is True for f in self.fields],
               *[self._compare(node, field, seen, fields)
                 for node, field, seen in self._compared],
               *[ladder.reaches(c.count, counts.get(c.name, ())) for c in self.counts],
               *[name in found for name in self.found])
        decision = self._table.get(key) if self.tabled else None
        if decision is None:
            decision = self._decide(fault, fields, found, counts, defence, concerns)
            if self.tabled:
                self._table[key] = decision
        if not decision.counting:
            return Case(decision.outcomes, decision.template, decision)
        circumstances = list(decision.template)
        for place, name in decision.counting:
            circumstances[place] = ladder.counted(self.names.circumstances[name],
                                                  counts.get(name, ()))
        return Case(decision.outcomes, tuple(circumstances), decision)

    @staticmethod
    def _compare(node, field: str | None, seen: dict, fields: dict) -> bool:
        """`ladder.compare_field` of ``node`` for the case file ``fields``, once per
        value (and type) of the field; a value that cannot be a key is compared each time."""
        if field is None:
            return False
        value = fields.get(field)
        key = (type(value), value)  # True and 1 are equal keys, but compare apart
        try:
            return seen[key]
        except KeyError:
            held = seen[key] = ladder.compare_field(node, fields)
            return held
        except TypeError:  # unhashable: a list or an object the file gives
            return ladder.compare_field(node, fields)

    def _decide(self, fault, fields, found, counts, defence, concerns) -> Decision:
        """The ladders applied to one case, in the order `respons.engine.ladder` gives."""
        facts = ladder.Facts(self.names, fault, fields, found, counts)
        outcomes = tuple(ladder.apply(lad, facts, self.severities, defence)
                         for lad in self.ladders
                         if concerns is None or lad.subject in (None, concerns))
        truths = None
        if self.apportionment is not None and any(o.pursued for o in outcomes):
            # Who bears it is asked after the ladders, as attribution asks it: every rule,
            # in the order written (its circumstances are the case's too).
            truths = {id(r.condition): facts.holds(r.condition)
                      for r in self.apportionment.rules}
        template = tuple(facts.seen[name] for name in self.order if name in facts.seen)
        counting = tuple((place, x.name) for place, x in enumerate(template)
                         if x.how == "count")
        return Decision(outcomes, template, counting, truths, facts.conditions)


def _facts_read(names: ladder.Names, roots) -> tuple[list, list, list, list]:
    """What deciding ``roots`` can read of a case, besides its fault: the fields tested as
    true (`案件.FIELD`), the comparisons of fields, the counted circumstances, the
    circumstances the decision-maker finds — through named conditions and circumstances
    defined by conditions, each once, in the order first met."""
    fields: list[str] = []
    compares: list[Compare] = []
    counts: list = []
    found: list[str] = []
    visited: set[str] = set()
    compared: set[int] = set()
    stack = [r for r in reversed(roots) if r is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, Ref):
            if is_case_field(node):
                if node.parts[1] not in fields:
                    fields.append(node.parts[1])
                continue
            name = node.text
            if name in visited:
                continue
            visited.add(name)
            circumstance = names.circumstances.get(name)
            if circumstance is None:
                if name not in names.faults and name in names.definitions:
                    stack.append(names.definitions[name])
            elif circumstance.count is not None:
                counts.append(circumstance)
            elif circumstance.condition is not None:
                stack.append(circumstance.condition)
            else:
                found.append(name)
        elif isinstance(node, Compare):
            if id(node) not in compared:
                compared.add(id(node))
                compares.append(node)
        elif isinstance(node, Not):
            stack.append(node.operand)
        elif isinstance(node, AllOf | AnyOf):
            stack.extend(reversed(node.operands))
    return fields, compares, counts, found

"""Applying a ladder to one case: which step, which modifiers, which measures — and why.

This is the per-decision logic over a few facts that may run in Python (VISION, principle
3): the facts — the fault, the circumstances with the records behind them — come from the
store (``respons.engine.liability_sql``); this module only decides. The order is fixed and
documented (docs/liability.md, "How a ladder applies"):

1. 不予追究/免责: an exemption that holds ends it — not pursued, with its reason.
2. The step: the highest step whose condition holds (the checker refuses steps that could
   never apply, R0608). No step holding: the ladder does not apply to the case. But a
   permitted lighter step marked 保留较高级 that holds below it is proposed in its place,
   and the higher step stays open to the decision-maker, never applied (samr 15: 第二款's
   可以 does not take 第一款's measures away).
3. Modifiers that hold, in the order written. One bound (应当) to a single effect applies:
   加重N级/减轻N级 move the step (within the ladder), 免予追究 ends it, 最重/最轻 choose the
   heaviest or lightest of the step's options, 从重/从轻 their upper or lower half by
   severity — heavier or lighter within the step, never a step up or down. A permitted
   one (可以), or one with alternatives (或), is the decision-maker's: listed as open, with
   what each would give, never applied.
4. A defence (申辩) never raises the measure: the checker refuses a step or 从重 reading it
   (R0611), and the result says the defence was made and raised nothing.
"""

from __future__ import annotations

import operator
from typing import NamedTuple

import attrs

from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not
from respons.model.liability import Ladder, Modifier, is_case_field


class Circumstance(NamedTuple):
    """A name the ladder tested, whether it holds and how: ``how`` is "fault" (the case's
    fault, or a category of it), "count" (``records`` counted, ``count`` of them),
    "condition", "found" (the case record names it as found) or "not-found". A named
    tuple: one is made per circumstance per case, a province's hundreds of thousands."""

    name: str
    holds: bool
    how: str
    records: tuple[str, ...] = ()
    citation: object = None
    count: int | None = None


@attrs.frozen
class Applied:
    """A modifier that holds: ``applied`` it (with ``effect``), or left ``open`` to the
    decision-maker with its ``alternatives`` (each an effect and the level it gives)."""

    modifier: Modifier
    applied: bool
    effect: str | None
    level_after: int | None
    alternatives: tuple[tuple[str, int | None], ...] = ()
    note: str | None = None


@attrs.frozen
class Outcome:
    """One ladder applied to one case."""

    ladder: Ladder
    pursued: bool
    exemptions: tuple[Modifier, ...] = ()
    waived_by: Modifier | None = None
    base_level: int | None = None
    level: int | None = None
    modifiers: tuple[Applied, ...] = ()
    #: The options that remain of the final step (alternatives, 或), each a tuple of refs.
    options: tuple[tuple[Ref, ...], ...] = ()
    #: 并可以: measures that may be added to the option chosen (the step's, unweighed).
    additions: tuple[Ref, ...] = ()
    combine: bool = False
    choice: str | None = None  # "heaviest" / "lightest" when one chose among the options
    notes: tuple[str, ...] = ()
    #: The higher step that held and that the 保留较高级 step ``base_level`` was proposed in
    #: place of: open to the decision-maker, as the text gives it (no modifier weighs it).
    kept_level: int | None = None

    @property
    def step(self):
        return next((s for s in self.ladder.steps if s.level == self.level), None)

    @property
    def kept_step(self):
        """The higher step kept open (保留较高级), or None."""
        if self.kept_level is None:
            return None
        return next((s for s in self.ladder.steps if s.level == self.kept_level), None)


class Names:
    """What a regime's names are, looked up once for all its cases: circumstances, faults
    with the categories each belongs to (through 属于, walked), named conditions."""

    def __init__(self, regime, definitions: dict) -> None:
        self.circumstances = {c.name: c for c in regime.circumstances}
        faults = {f.name: f for f in regime.faults}
        self.faults = frozenset(faults)
        self.definitions = definitions
        self.categories: dict[str, frozenset[str]] = {}
        for fault in faults:
            seen: set[str] = set()
            stack = [fault]
            while stack:
                name = stack.pop()
                if name not in seen:
                    seen.add(name)
                    if name in faults:
                        stack.extend(r.text for r in faults[name].categories)
            self.categories[fault] = frozenset(seen)
        #: id(condition) → (its test, the condition, kept so that the id stays its own)
        self._tests: dict[int, tuple] = {}

    def test(self, condition):
        """``condition`` as a function of a case's `Facts`, made once per condition: the
        tree is walked when compiled, not again for every case."""
        found = self._tests.get(id(condition))
        if found is None or found[1] is not condition:
            found = self._tests[id(condition)] = (self._compile(condition), condition)
        return found[0]

    def _compile(self, node):
        if node is None:
            return lambda facts: False
        if isinstance(node, Ref):
            if is_case_field(node):
                field = node.parts[1]
                return lambda facts: facts.fields.get(field) is True
            name = node.text
            return lambda facts: facts.named(name)
        if isinstance(node, Compare):
            return lambda facts: facts.compare(node)
        if isinstance(node, Not):
            inner = self._compile(node.operand)
            return lambda facts: not inner(facts)
        parts = tuple(self._compile(o) for o in node.operands)
        # Every operand is decided, not only up to the first that settles it: the trace
        # lists every circumstance the ladder consulted.
        if isinstance(node, AllOf):
            return lambda facts: all([p(facts) for p in parts])
        if isinstance(node, AnyOf):
            return lambda facts: any([p(facts) for p in parts])
        return lambda facts: False


class Facts:
    """What holds for one case: ``truth(name)`` of a fault, circumstance, named condition
    or `案件.FIELD`, memoised, with the circumstances it consulted in ``seen``."""

    def __init__(self, names: Names, fault: str | None, fields: dict, found: frozenset[str],
                 counts: dict) -> None:
        self.fields = fields
        self.found = found
        self.counts = counts
        self.names = names
        self.definitions = names.definitions
        self.circumstances = names.circumstances
        self.faults = names.faults
        # The case's fault and every category it belongs to.
        self.fault_names = names.categories.get(fault, frozenset()) if fault else frozenset()
        self.seen: dict[str, Circumstance] = {}
        #: named conditions already decided for this case
        self._named: dict[str, bool] = {}
        self._busy: set[str] = set()

    def holds(self, condition) -> bool:
        return self.names.test(condition)(self)

    @property
    def conditions(self) -> tuple[tuple[str, bool], ...]:
        """The named conditions decided so far, name → whether it held, by name."""
        return tuple(sorted(self._named.items()))

    def truth(self, ref: Ref) -> bool:
        if is_case_field(ref):
            return self.fields.get(ref.parts[1]) is True
        return self.named(ref.text)

    def named(self, name: str) -> bool:
        """Whether the fault, circumstance or named condition ``name`` holds (traced)."""
        seen = self.seen.get(name)
        if seen is not None:
            return seen.holds
        named = self._named.get(name)
        if named is not None:
            return named
        if name in self._busy:
            return False  # a cycle, which the checker reports (R1205)
        self._busy.add(name)
        try:
            return self._truth(name)
        finally:
            self._busy.discard(name)

    def _truth(self, name: str) -> bool:
        circumstance = self.circumstances.get(name)
        if name in self.faults and circumstance is None:
            fact = Circumstance(name, name in self.fault_names, "fault")
        elif circumstance is not None and circumstance.count is not None:
            fact = counted(circumstance, self.counts.get(name, ()))
        elif circumstance is not None and circumstance.condition is not None:
            fact = Circumstance(name, self.holds(circumstance.condition), "condition",
                                citation=circumstance.citation)
        elif circumstance is not None:
            held = name in self.found
            fact = Circumstance(name, held, "found" if held else "not-found",
                                citation=circumstance.citation)
        elif name in self.definitions:
            held = self._named[name] = self.holds(self.definitions[name])
            return held
        else:
            return False
        self.seen[name] = fact
        return fact.holds

    def compare(self, node: Compare) -> bool:
        return compare_field(node, self.fields)


def compare_field(node: Compare, fields: dict) -> bool:
    """Whether the case file ``fields`` meets ``案件.FIELD op literal`` (False for a
    comparison of anything but a case field, or a field the file does not give)."""
    if not is_case_field(node.left):
        return False
    value = fields.get(node.left.parts[1])
    if value is None:
        return False
    literal = node.right
    right = literal.value
    if literal.kind == "number":
        try:
            return _compare(float(value), node.op, float(right))
        except (TypeError, ValueError):
            return False
    if literal.kind == "date":
        right = right.isoformat()
    if isinstance(value, bool):
        truth = {"是": True, "否": False, "true": True, "false": False}.get(str(right))
        return _compare(value, node.op, truth) if node.op in ("=", "!=") else False
    return _compare(str(value)[:len(right)] if literal.kind == "date" else str(value),
                    node.op, str(right))


def counted(circumstance, found) -> Circumstance:
    """A counted ``circumstance`` of one case, from what the store counted for it: its
    records by id (a count per subject), or only their number (a count across the
    jurisdiction, too many to list)."""
    listed = type(found) is tuple
    number = len(found) if listed else found
    count = circumstance.count
    return Circumstance(circumstance.name, _compare(number, count.op, count.threshold),
                        "count", found if listed else (), circumstance.citation, number)


def reaches(count, found) -> bool:
    """Whether what the store counted (`counted`'s ``found``) meets ``count``'s number."""
    return _compare(len(found) if type(found) is tuple else found, count.op, count.threshold)


#: The comparisons a condition or count writes, by their operator.
_OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
              "=": operator.eq, "!=": operator.ne}


def _compare(left, op: str, right) -> bool:
    return _OPERATORS[op](left, right) if right is not None else False


def compare_number(number, op: str, threshold) -> bool:
    """Whether a count ``number`` meets ``op threshold`` (`>= 3`): 以上 counts the number
    itself (民法典 第一千二百五十九条)."""
    return _compare(number, op, threshold)


def weight(option, severities: dict[str, float | None]) -> float | None:
    """Measures applied together weigh as the heaviest of them."""
    values = [severities.get(ref.text) for ref in option]
    return None if not values or None in values else max(values)


def apply(ladder: Ladder, facts: Facts, severities: dict[str, float | None],
          defence: bool) -> Outcome:
    """``ladder`` applied to the case ``facts`` describe (the module's order)."""
    exempt = tuple(m for m in ladder.modifiers if m.kind == "exempt" and facts.holds(m.condition))
    if exempt:
        return Outcome(ladder, False, exemptions=exempt)
    levels, lowest, highest = _levels(ladder)
    base = next((s for s in levels if facts.holds(s.condition)), None)
    if base is None:
        return Outcome(ladder, False)
    kept = None
    # 保留较高级: the highest such step below that holds is proposed, and the step that
    # would have applied stays open (the checker wants such a step 可以, R0614).
    lighter = next((s for s in levels if s.keeps_higher and s.level < base.level
                    and facts.holds(s.condition)), None)
    if lighter is not None:
        kept, base = base.level, lighter
    level, applied, choices, notes = base.level, [], [], []
    for modifier in ladder.modifiers:
        if modifier.kind == "exempt" or not facts.holds(modifier.condition):
            continue
        effects = modifier.effects
        if modifier.modal == "may" or len(effects) != 1:
            alternatives = tuple((e.kind + (str(e.steps) if e.steps else ""),
                                  _moved(level, e, lowest, highest)) for e in effects)
            applied.append(Applied(modifier, False, None, None, alternatives,
                                   "可以" if modifier.modal == "may" else "或"))
            continue
        effect = effects[0]
        if effect.kind == "waive":
            # Waived, the case is not pursued: no step, not even the one kept open, applies.
            applied.append(Applied(modifier, True, "waive", None))
            return Outcome(ladder, False, waived_by=modifier, base_level=base.level,
                           level=level, modifiers=tuple(applied))
        moved = _moved(level, effect, lowest, highest)
        note = None
        if effect.kind in ("raise", "lower") and moved == level:
            note = "highest" if effect.kind == "raise" else "lowest"
        if effect.kind in ("heaviest", "lightest", "heavier", "lighter"):
            choices.append(effect.kind)
        level = moved if moved is not None else level
        applied.append(Applied(modifier, True, effect.kind + (str(effect.steps)
                                                              if effect.steps else ""),
                               level, note=note))
    if defence:
        notes.append("defence")
    step = next(s for s in ladder.steps if s.level == level)
    options, choice = step.options, None
    # On a step of 单独或者合并 measures, 从重/从轻 weigh the measures themselves: the heavier
    # (lighter) half stay, still to be applied alone or together.
    if choices and len(options) > 1:
        up = {c for c in choices if c in ("heaviest", "heavier")}
        down = {c for c in choices if c in ("lightest", "lighter")}
        if up and down:
            # Heavier and lighter both hold: they cancel, and the step's whole range stays.
            notes.append("heaviest-and-lightest")
        else:
            # 最重 over 从重 where both hold: the narrower choice.
            choice = next(c for c in ("heaviest", "lightest", "heavier", "lighter")
                          if c in choices)
            options = _choose(options, choice, severities)
    return Outcome(ladder, True, base_level=base.level, level=level, modifiers=tuple(applied),
                   options=tuple(options), additions=step.additions,
                   combine=step.combine, choice=choice,
                   notes=tuple(notes), kept_level=kept)


def _choose(options, choice: str, severities) -> tuple:
    """The options 最重/最轻 (the heaviest or lightest) or 从重/从轻 (the upper or lower
    half by severity, the middle one in both) leave; all of them where a severity is
    missing (the checker warns, R0603)."""
    weighed = [(weight(o, severities), o) for o in options]
    known = sorted({w for w, _ in weighed if w is not None})
    if any(w is None for w, _ in weighed):
        return tuple(options)
    if choice == "heaviest":
        keep = {known[-1]}
    elif choice == "lightest":
        keep = {known[0]}
    else:
        # The upper (lower) half, the middle one included where the count is odd.
        middle = known[len(known) // 2] if choice == "heavier" else known[(len(known) - 1) // 2]
        keep = {w for w in known if (w >= middle if choice == "heavier" else w <= middle)}
    return tuple(o for w, o in weighed if w in keep)


_LEVELS: dict[int, tuple] = {}


def _levels(ladder: Ladder):
    """(the steps from the highest down, the lowest level, the highest), once per ladder
    (by identity: hashing a ladder by value would walk all its conditions)."""
    found = _LEVELS.get(id(ladder))
    if found is None or found[0] is not ladder:
        steps = tuple(sorted(ladder.steps, key=lambda s: s.level, reverse=True))
        found = _LEVELS[id(ladder)] = (ladder, steps, steps[-1].level, steps[0].level)
    return found[1:]


def _moved(level: int, effect, lowest: int, highest: int) -> int | None:
    """The level an effect moves ``level`` to, within the ladder; None for 免予追究."""
    if effect.kind == "raise":
        return min(level + (effect.steps or 1), highest)
    if effect.kind == "lower":
        return max(level - (effect.steps or 1), lowest)
    if effect.kind == "waive":
        return None
    return level

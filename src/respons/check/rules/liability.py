"""Ladders: steps numbered 1, 2, 3… and growing heavier; modifiers with fitting effects
that stay within the steps; measures for the ladder's subject (R0601–R0606). hangzhou 40
and dacheng 过错办法 10 order their steps by severity."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.diagnostic import related
from respons.model.vocab import SUBJECTS

_WORDS = {"aggravate": "从重", "mitigate": "从轻", "exempt": "不予追究", "raise": "加重",
          "lower": "减轻", "waive": "免予追究", "heaviest": "最重", "lightest": "最轻",
          "heavier": "从重", "lighter": "从轻"}
_FITTING = {
    "aggravate": {"raise", "heaviest", "heavier"},
    "mitigate": {"lower", "lightest", "lighter", "waive"},
    "exempt": set(),
}


def check(ctx: RuleContext) -> None:
    for ladder in ctx.regime.ladders:
        if ctx.whole(ladder):  # a step may be in a statement that did not parse
            _numbering(ctx, ladder)
        _order(ctx, ladder)
        _subjects(ctx, ladder)
        for modifier in ladder.modifiers:
            for effect in modifier.effects:
                _reach(ctx, ladder, effect)
                if effect.kind not in _FITTING[modifier.kind]:
                    fitting = sorted(_FITTING[modifier.kind])
                    ctx.sink.add("R0604", f"{_WORDS[effect.kind]} ({effect.kind}) does not fit a "
                                 f"{_WORDS[modifier.kind]} ({modifier.kind}) rule", effect.span,
                                 f"{_WORDS[modifier.kind]} takes: " + (", ".join(
                                     f"{_WORDS[f]} ({f})" for f in fitting) or "no effect"))


def _numbering(ctx: RuleContext, ladder) -> None:
    seen: dict[int, object] = {}
    for step in ladder.steps:
        if step.level in seen:
            ctx.sink.add("R0602", f"step {step.level} of {ladder.name} is given twice",
                         step.span, "number the steps 1, 2, 3… once each",
                         related(seen[step.level].span, f"the first step {step.level}"))
            continue
        seen[step.level] = step
    expected = set(range(1, len(seen) + 1))
    if seen and set(seen) != expected:
        missing = sorted(expected - set(seen))
        ctx.sink.add("R0602", f"the steps of {ladder.name} are numbered "
                     f"{', '.join(map(str, sorted(seen)))}" +
                     (f": step {', '.join(map(str, missing))} is missing" if missing else ""),
                     ladder.span, "number the steps 1, 2, 3… without gaps")


def _reach(ctx: RuleContext, ladder, effect) -> None:
    """加重N级/减轻N级 moves a finding N steps up or down the ladder: with as many steps as
    the ladder has or more, not even the lightest (heaviest) step can be moved that far."""
    steps = len({step.level for step in ladder.steps})
    if effect.kind not in ("raise", "lower") or not steps or not ctx.whole(ladder) or \
            effect.steps is None or effect.steps < steps:
        return
    word = _WORDS[effect.kind]
    extreme = ("最重", "heaviest") if effect.kind == "raise" else ("最轻", "lightest")
    room = (f"a ladder of {steps} steps moves at most {steps - 1} (`{word}{steps - 1}级`)"
            if steps > 1 else "a ladder of one step has no other step to move to")
    ctx.sink.add("R0605", f"{word}{effect.steps}级 moves {effect.steps} step"
                 f"{'s' * (effect.steps != 1)}, but {ladder.name} has {steps} step"
                 f"{'s' * (steps != 1)}: no step can be moved that far", effect.span,
                 f"{room}; or write {extreme[0]} for the {extreme[1]} measure of the step")


def _subjects(ctx: RuleContext, ladder) -> None:
    """A ladder for officers (对象 人员) applies measures for officers, one for agencies
    measures for agencies: 暂扣执法证件 cannot be taken from an agency."""
    if ladder.subject is None:
        return
    for step in ladder.steps:
        for option in step.options:
            for ref in option:
                found = ctx.index.find(ref)
                if found is None or found.kind != "measure":
                    continue
                measure = found.element
                if measure.subject is None or measure.subject == ladder.subject:
                    continue
                theirs, ours = (SUBJECTS.chinese(measure.subject),
                                SUBJECTS.chinese(ladder.subject))
                ctx.sink.add("R0606", f"measure {measure.name} is for {theirs} "
                             f"({measure.subject}), but {ladder.name} is a ladder for {ours} "
                             f"({ladder.subject})", ref.span,
                             f"name a measure for {ours} here, or correct the `对象` of the "
                             "measure or of the ladder",
                             related(measure.span, f"{measure.name} is for {theirs}"))


def _severity(ctx: RuleContext, ladder, ref, warned: set[str], why: str | None):
    """The severity of the measure ``ref`` names; where it has none and ``why`` says what
    needs it, a warning (once per measure and ladder)."""
    found = ctx.index.find(ref)
    if found is None or found.kind != "measure":
        return None
    severity = found.element.severity
    if severity is None and why and ref.text not in warned and ctx.whole(found.element):
        warned.add(ref.text)
        ctx.sink.add("R0603", f"measure {ref.text!r} has no severity, so {why}", ref.span,
                     f"give the measure a severity: `措施 {ref.text} {{ 轻重 N }}`")
    return severity


def _order(ctx: RuleContext, ladder) -> None:
    warned: set[str] = set()
    previous = None
    # Severities order the steps — a ladder of one step has nothing to order — and let
    # 最重/最轻 choose among the options of a step.
    chooses = sorted({_WORDS[e.kind] for m in ladder.modifiers for e in m.effects
                      if e.kind in ("heaviest", "lightest", "heavier", "lighter")})
    for step in sorted(ladder.steps, key=lambda s: s.level):
        if len(ladder.steps) > 1:
            why = f"the order of {ladder.name} cannot be checked"
        elif chooses and len(step.options) > 1:
            why = f"{'/'.join(chooses)} cannot choose among the options of {ladder.name}"
        else:
            why = None
        # Every measure is looked at, so that each one without a severity is named.
        options = [[_severity(ctx, ladder, ref, warned, why) for ref in option]
                   for option in step.options]
        if not options or any(not option or None in option for option in options):
            previous = None
            continue
        weights = [max(option) for option in options]  # measures together weigh as the heaviest
        current = (min(weights), max(weights))
        if previous is not None:
            before, level = previous
            if current[0] < before[0] or current[1] < before[1] or current == before:
                ctx.sink.add("R0601", f"step {step.level} of {ladder.name} is not heavier than "
                             f"step {level} (severity {_range(current)} after {_range(before)})",
                             step.span, "order the steps from the lightest measures to the "
                             "heaviest, or correct the measures' 轻重")
        previous = (current, step.level)


def _range(pair) -> str:
    low, high = (int(v) if float(v).is_integer() else v for v in pair)
    return str(low) if low == high else f"{low}–{high}"

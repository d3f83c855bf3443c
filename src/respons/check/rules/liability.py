"""Ladders: steps numbered 1, 2, 3… and growing heavier; modifiers with fitting effects
(R0601–R0604). hangzhou 40 and dacheng 过错办法 10 order their steps by severity."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.diagnostic import related

_WORDS = {"aggravate": "从重", "mitigate": "从轻", "exempt": "不予追究", "raise": "加重",
          "lower": "减轻", "waive": "免予追究", "heaviest": "最重", "lightest": "最轻"}
_FITTING = {
    "aggravate": {"raise", "heaviest"},
    "mitigate": {"lower", "lightest", "waive"},
    "exempt": set(),
}


def check(ctx: RuleContext) -> None:
    for ladder in ctx.regime.ladders:
        if ctx.whole(ladder):  # a step may be in a statement that did not parse
            _numbering(ctx, ladder)
        _order(ctx, ladder)
        for modifier in ladder.modifiers:
            for effect in modifier.effects:
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


def _severity(ctx: RuleContext, ladder, ref, warned: set[str]):
    found = ctx.index.find(ref)
    if found is None or found.kind != "measure":
        return None
    severity = found.element.severity
    if severity is None and ref.text not in warned and ctx.whole(found.element):
        warned.add(ref.text)
        ctx.sink.add("R0603", f"measure {ref.text!r} has no severity, so the order of "
                     f"{ladder.name} cannot be checked", ref.span,
                     f"give the measure a severity: `措施 {ref.text} {{ 轻重 N }}`")
    return severity


def _order(ctx: RuleContext, ladder) -> None:
    warned: set[str] = set()
    previous = None
    for step in sorted(ladder.steps, key=lambda s: s.level):
        weights = []
        for option in step.options:
            severities = [_severity(ctx, ladder, ref, warned) for ref in option]
            if any(s is None for s in severities) or not severities:
                weights = None
                break
            weights.append(max(severities))  # measures applied together weigh as the heaviest
        if weights is None:
            previous = None
            continue
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

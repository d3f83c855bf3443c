"""Scenarios' expectations of assessments (`预期 考核 A SUBJECT YEAR …`), checked: A is an
assessment of the regime under test, the grade one of its bands, and the consequence a
measure (or notice) one of its consequences proposes, an item one of its items (and one
with 发现 where what it found is expected) — so that a typo fails `respons
check`, not silently every `respons test` run (R0201)."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean
from respons.model.scenario import AssessmentExpected


def check(ctx: RuleContext) -> None:
    for scenario in ctx.regime.scenarios:
        for expectation in scenario.expectations:
            if isinstance(expectation, AssessmentExpected):
                _expectation(ctx, expectation)


def _expectation(ctx: RuleContext, expectation: AssessmentExpected) -> None:
    found = ctx.index.find(expectation.assessment)
    if found is None or found.kind != "assessment":
        if ctx.complete or found is not None:
            ctx.index.lookup(expectation.assessment, ("assessment",), "an expectation")
        return
    assessment = found.element
    grades = [band.name for band in assessment.bands]
    measures = {ref.text for c in assessment.consequences for option in c.options
                for ref in option}
    items = {item.name: item for item in assessment.items}
    for fact in expectation.facts:
        if fact.name == "bar" and fact.value not in {b.grade for b in assessment.bars}:
            ctx.sink.add("R0201", f"{assessment.name} bars no grade {fact.value!r}", fact.span,
                         "expect a grade one of its `不得评为` bars: " + ("、".join(
                             dict.fromkeys(b.grade for b in assessment.bars)) or "it has none"))
        if fact.name.startswith("item:"):
            _, name, what = fact.name.split(":", 2)
            item = items.get(name)
            if item is None:
                ctx.sink.add("R0201", f"{name!r} is no item of {assessment.name}"
                             + did_you_mean(name, items), fact.span,
                             "name an item declared with `项目`/`item`: " + "、".join(items))
            elif what == "found" and not item.findings:
                ctx.sink.add("R0201", f"item {name} finds nothing (it has no `发现`)",
                             fact.span, "expect what an item with `发现` found, or its "
                             "points (`项目 NAME 得分 N`)")
        if fact.name == "grade" and fact.value is not None and fact.value not in grades:
            ctx.sink.add("R0201", f"grade {fact.value!r} is not a band of {assessment.name}"
                         + did_you_mean(fact.value, grades), fact.span,
                         "name a grade declared with `等级`/`band`: " + "、".join(grades))
        if fact.name == "consequence" and fact.value is not None and \
                fact.value not in measures:
            ctx.sink.add("R0201", f"{fact.value!r} is no consequence of {assessment.name}"
                         + did_you_mean(fact.value, measures), fact.span,
                         "name a measure its `后果` propose: " + ("、".join(sorted(measures))
                                                                 or "it proposes none"))

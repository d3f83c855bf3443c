"""Scenarios' expectations of assessments (`预期 考核 A SUBJECT YEAR …`), checked: A is an
assessment of the regime under test, the grade one of its bands, and the consequence a
measure (or notice) one of its consequences proposes — so that a typo fails `respons
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
    for fact in expectation.facts:
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

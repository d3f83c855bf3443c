"""The semantic rules `respons check` runs on a resolved regime, one module per concern.

Each rule is a function taking a `RuleContext`; it reports through ``ctx.sink`` and never
raises on bad input. `RULES` is the order they run in.
"""

from __future__ import annotations

import attrs

from respons.check.index import Index
from respons.diagnostics.diagnostic import Sink
from respons.model.regime import Regime
from respons.registry import Registry
from respons.syntax.lost import Lost


@attrs.define
class RuleContext:
    regime: Regime
    index: Index
    sink: Sink
    registry: Registry | None
    #: False when a file had syntax errors.
    complete: bool = True
    #: What its syntax errors may have taken away (``respons.syntax.lost``): rules report
    #: neither a name the broken text may have declared as undefined nor the absence of
    #: what it may have said — and everything else, so one error hides no other.
    lost: Lost = attrs.Factory(Lost)
    #: What the regimes it builds on declare, before this file's overrides: name → (the
    #: regime it comes from, the element) (``respons.check.resolve.Resolved.inherited``).
    inherited: dict = attrs.Factory(dict)

    def whole(self, element) -> bool:
        """Whether ``element`` (a top-level element or the regime itself) has everything
        its text says, so that what it lacks is a finding."""
        if isinstance(element, Regime):
            return not self.lost.header
        return self.lost.whole(element.name)


def all_rules():
    from respons.check.rules import (
        assessment,
        assessment_bars,
        assessment_scenarios,
        assessment_sources,
        citations,
        conditions,
        decomposition,
        header,
        liability,
        notices,
        proceedings,
        references,
        scenarios,
        time,
    )

    return (header.check, references.check, conditions.check, decomposition.check, time.check,
            assessment.check, assessment_sources.check, assessment_bars.check, liability.check,
            proceedings.check, notices.check, citations.check, scenarios.check,
            assessment_scenarios.check)

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


@attrs.define
class RuleContext:
    regime: Regime
    index: Index
    sink: Sink
    registry: Registry | None
    #: False when a file had syntax errors: elements in broken blocks are missing, so
    #: rules that would report their absence (undefined names, gaps) stay quiet.
    complete: bool = True


def all_rules():
    from respons.check.rules import (
        assessment,
        citations,
        conditions,
        decomposition,
        header,
        liability,
        notices,
        references,
        scenarios,
        time,
    )

    return (header.check, references.check, conditions.check, decomposition.check, time.check,
            assessment.check, liability.check, notices.check, citations.check,
            scenarios.check)

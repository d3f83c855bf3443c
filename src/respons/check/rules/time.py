"""Periods are positive (R0401)."""

from __future__ import annotations

from respons.check.rules import RuleContext


def check(ctx: RuleContext) -> None:
    for duty in ctx.regime.duties:
        periods = [(duty.period, "期限/within")] if duty.period is not None else []
        periods += [(e.period, "延长/extend") for e in duty.extensions]
        for period, what in periods:
            if period.amount <= 0:
                ctx.sink.add("R0401", f"{what} of duty {duty.name} is {period.amount}: a period "
                             "must be longer than zero", period.span,
                             "give the number of days, working days or months the law allows")
    for circumstance in ctx.regime.circumstances:
        count = circumstance.count
        if count is not None and count.window is not None and count.window.amount <= 0:
            ctx.sink.add("R0401", f"the counting window of {circumstance.name} must be longer "
                         "than zero", count.window.span, "write e.g. `近 1 年`")

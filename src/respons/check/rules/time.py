"""Periods are whole numbers of units, at least one, at most a century (R0401).

A period counts whole days, working days, months or years (民法典 第二百条): 7.5 工作日 has
no meaning, and a period of centuries is a typo the engine could not evaluate.
"""

from __future__ import annotations

from respons.check.rules import RuleContext

#: The longest period accepted, per unit: a hundred years.
LIMITS = {"days": 36500, "workdays": 25000, "months": 1200, "years": 100}


def _bad(period) -> str | None:
    amount = period.amount
    if amount <= 0:
        return f"is {_num(amount)}: a period must be longer than zero"
    if not float(amount).is_integer():
        return f"is {_num(amount)}: a period counts whole units"
    if period.unit in LIMITS and amount > LIMITS[period.unit]:
        return f"is {_num(amount)} {period.unit}: longer than a hundred years"
    return None


def _num(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check(ctx: RuleContext) -> None:
    for duty in ctx.regime.duties:
        periods = [(duty.period, "期限/within")] if duty.period is not None else []
        periods += [(e.period, "延长/extend") for e in duty.extensions]
        for period, what in periods:
            problem = _bad(period)
            if problem:
                ctx.sink.add("R0401", f"{what} of duty {duty.name} {problem}", period.span,
                             "give the whole number of days, working days or months the law "
                             "allows")
    for circumstance in ctx.regime.circumstances:
        count = circumstance.count
        if count is not None and count.window is not None:
            problem = _bad(count.window)
            if problem:
                ctx.sink.add("R0401", f"the counting window of {circumstance.name} {problem}",
                             count.window.span, "write e.g. `近 1 年`")

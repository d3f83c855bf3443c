"""The regime header: dates in order, an effective date, a known calendar (R0111, R0112, R0805)."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean

DEFAULT_CALENDAR = "cn"


def check(ctx: RuleContext) -> None:
    regime = ctx.regime
    if regime.span is None:
        return  # no header: reported by the parser
    if regime.issued and regime.effective and regime.effective < regime.issued:
        ctx.sink.add("R0112", "the regime takes effect before it was issued", regime.span,
                     "check the 公布 and 施行 dates")
    for amendment in regime.amendments:
        if regime.issued and amendment.date < regime.issued:
            ctx.sink.add("R0112", "an amendment is dated before the regime was issued",
                         amendment.span, "check the 修订 date")
    if regime.repealed and regime.effective and regime.repealed < regime.effective:
        ctx.sink.add("R0112", "the regime is repealed before it takes effect", regime.span,
                     "check the 废止 date")
    if ctx.registry is not None:
        calendars = ctx.registry.calendars()
        name = regime.calendar or DEFAULT_CALENDAR
        if name not in calendars:
            ctx.sink.add("R0805", f"no installed plugin provides the calendar {name!r}"
                         + did_you_mean(name, calendars), regime.calendar_span or regime.span,
                         "installed calendars: " + (", ".join(sorted(calendars)) or "none"))

"""The built-in working-day calendars ``cn`` (中国) and ``plain`` (公历), as a plugin.

Registered through the ``respons.plugins`` entry point ``calendars`` exactly like an
outside calendar plugin, and ``trylast`` like every built-in; the calendars themselves live
in `respons.calendar`. An outside plugin may not take the names ``cn``, ``中国``, ``plain``
or ``公历`` while this one is installed: that is an error naming both, so that one regime
never gets two answers (disable ``calendars`` to replace them).
"""

from __future__ import annotations

from respons import hookimpl
from respons.calendar.builtin import CN_SETTINGS, load_cn, load_plain
from respons.registry import CalendarProvider


@hookimpl(trylast=True)
def respons_calendars() -> list[CalendarProvider]:
    return [
        CalendarProvider(
            name="cn", aliases=("中国",), load=load_cn,
            description="mainland China: weekends off, the State Council's statutory holidays "
                        "and make-up working days (调休), 2008–2026; settings: "
                        + ", ".join(CN_SETTINGS)),
        CalendarProvider(
            name="plain", aliases=("公历",), load=load_plain,
            description="calendar days only: every day is a working day"),
    ]

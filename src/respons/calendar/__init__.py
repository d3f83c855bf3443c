"""Working-day calendars and the law on periods (期间).

A `Calendar` says whether a date is a working day and why; `add_period` and
`count_period` compute on which day a period of days, working days, months or years
ends, following 民法典 第二百零一条至第二百零三条 and the working-day rules of
行政处罚法 第八十五条 and 行政许可法 第八十二条; `workday_table` gives the same answers
as rows for SQL. Calendars are plugins (the ``respons_calendars`` hook): the built-in
``cn`` reads the State Council's holiday arrangements from the TOML files under
``data/cn/``, and ``plain`` counts every day. `load_calendar` finds one by name.
"""

from __future__ import annotations

from collections.abc import Mapping

from respons.calendar.errors import CalendarDataError, NoCalendarData
from respons.calendar.model import Calendar, Day, PlainCalendar, StatutoryCalendar
from respons.calendar.periods import UNITS, Period, add_period, count_period
from respons.calendar.table import workday_table

__all__ = [
    "UNITS", "Calendar", "CalendarDataError", "Day", "NoCalendarData", "Period",
    "PlainCalendar", "StatutoryCalendar", "UnknownCalendar", "add_period", "count_period",
    "load_calendar", "workday_table",
]


class UnknownCalendar(ValueError):
    """No installed plugin provides a calendar by that name; the message lists those that do."""


def load_calendar(name: str, settings: Mapping | None = None, registry=None) -> Calendar:
    """The calendar called ``name`` (or one of its aliases), loaded with ``settings``.

    It is looked up through the plugin registry, exactly as an outside calendar plugin's
    would be; pass ``registry`` to reuse one, otherwise a fresh one is built.
    """
    if registry is None:
        from respons.registry import Registry, plugin_manager

        registry = Registry(plugin_manager())
    providers = registry.calendars()
    provider = providers.get(name)
    if provider is None:
        known = ", ".join(sorted(providers)) or "none installed"
        raise UnknownCalendar(f"unknown calendar {name!r} (known: {known})")
    return provider.load(dict(settings or {}))

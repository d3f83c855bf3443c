"""The working-day calendars: is a date a working day, and why.

`Calendar` is what the period rules (`respons.calendar.periods`), the duty engine and
the CLI ask. `StatutoryCalendar` answers from the State Council's holiday arrangements
(calendar ``cn``): Saturdays and Sundays are rest days (国务院关于职工工作时间的规定
第七条: 国家机关、事业单位实行统一的工作时间，星期六和星期日为周休息日), the days a
notice gives off are rest days, and the make-up working days it names (调休上班日) are
working days. `PlainCalendar` (``plain``) counts every day, for rules that count
calendar days with no rest-day rollover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container

import attrs

from respons.calendar.errors import NoCalendarData
from respons.calendar.notices import Arrangement

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@attrs.frozen
class Day:
    """What a calendar says of one date: working day or not, and the reason in words.

    ``kind`` is one of ``weekday``, ``weekend``, ``holiday`` (a day off a notice gives),
    ``makeup`` (a make-up working day), ``makeup-off`` (a make-up working day the
    settings do not count) and ``plain`` (the plain calendar's every day).
    """

    date: dt.date
    workday: bool
    kind: str
    reason: str
    festival: str = ""
    citation: str = ""

    @property
    def ordinary(self) -> bool:
        """A plain weekday or weekend day, which explanations need not mention."""
        return self.kind in ("weekday", "weekend")

    def explain(self) -> str:
        return ("workday: " if self.workday else "rest day: ") + self.reason


class Calendar:
    """A working-day calendar: `is_workday`, `explain`, and the years it can answer for."""

    name: str = ""

    @property
    def years(self) -> Container[int]:
        raise NotImplementedError

    def covers(self, date: dt.date) -> bool:
        """Whether the calendar has data for ``date``'s year."""
        return date.year in self.years

    def day(self, date: dt.date) -> Day:
        """What the calendar says of ``date``; `NoCalendarData` where it has no data."""
        raise NotImplementedError

    def is_workday(self, date: dt.date) -> bool:
        return self.day(date).workday

    def explain(self, date: dt.date) -> str:
        """E.g. ``rest day: 国庆节、中秋节 (国办发明电〔2024〕12号)`` or ``rest day: Sunday``."""
        return self.day(date).explain()


class PlainCalendar(Calendar):
    """Calendar days only: every day is a working day, in every year."""

    def __init__(self, name: str = "plain") -> None:
        self.name = name

    @property
    def years(self) -> range:
        return range(dt.MINYEAR, dt.MAXYEAR + 1)

    def day(self, date: dt.date) -> Day:
        _check_date(date)
        return Day(date, True, "plain", "the plain calendar counts every day")

    def __repr__(self) -> str:
        return f"PlainCalendar({self.name!r})"


class StatutoryCalendar(Calendar):
    """Weekends off, plus the holiday arrangements of the loaded notices.

    ``makeup_workdays`` (default True) says whether a make-up working day counts as a
    working day; a jurisdiction that does not work them turns it off.
    """

    def __init__(self, name: str, arrangement: Arrangement, makeup_workdays: bool = True) -> None:
        self.name = name
        self.arrangement = arrangement
        self.makeup_workdays = makeup_workdays

    @property
    def years(self) -> frozenset[int]:
        return self.arrangement.years

    def day(self, date: dt.date) -> Day:
        _check_date(date)
        if date.year not in self.arrangement.years:
            raise NoCalendarData(self.name, date.year, tuple(sorted(self.arrangement.years)))
        entry = self.arrangement.entries.get(date)
        weekday = WEEKDAYS[date.weekday()]
        if entry is None:
            if date.weekday() >= 5:
                return Day(date, False, "weekend", weekday)
            return Day(date, True, "weekday", weekday)
        cite = entry.notice.citation
        if entry.rest:
            return Day(date, False, "holiday", f"{entry.festival} ({cite})", entry.festival, cite)
        makeup = f"make-up working day (调休) for {entry.festival} ({cite})"
        if self.makeup_workdays:
            return Day(date, True, "makeup", makeup, entry.festival, cite)
        return Day(date, False, "makeup-off", f"{weekday}; {makeup} not counted "
                   f"(setting makeup_workdays = false)", entry.festival, cite)

    def __repr__(self) -> str:
        years = sorted(self.years)
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return f"StatutoryCalendar({self.name!r}, {span}, makeup_workdays={self.makeup_workdays})"


def _check_date(date: object) -> None:
    # A datetime is a date too, but "which day" of an instant depends on the time zone;
    # the caller must decide (records are Asia/Shanghai unless they say otherwise).
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise ValueError(f"a calendar looks up dates, not {type(date).__name__} {date!r}")

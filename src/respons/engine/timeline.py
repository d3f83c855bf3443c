"""The calendar as lookup tables in the store, so that due dates are joins.

``resp_cal`` has a row per date: its ``day_index`` (days from the first date), ``cum``
(working days from the first date up to and including it), ``base`` (the same count
before the next day) and ``roll`` (the first working day on or after it). ``resp_wd`` maps
each working day's ``cum`` to its date, so the N-th working day after D is
``resp_wd.cum = resp_cal(D).base + N`` (行政处罚法 第八十五条). A
calendar-day period ends on ``resp_cal(day_index + N).roll`` (民法典 第二百零三条: a last
day that is a rest day gives way to the next working day). ``resp_months`` holds, for the
month counts the regime uses, the day a period of N months from each date ends on before
that roll: the corresponding day, or the month's last (民法典 第二百零二条). Every table is
built from `respons.calendar`, the reference the tests compare it with.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
import hashlib

import attrs

from respons.calendar import Calendar, NoCalendarData, workday_table


@attrs.frozen
class Timeline:
    """The years loaded, and those the calendar could not supply (answers there: unknown);
    ``digest`` is the SHA-256 of the working days loaded, which a run records: the same
    records judged on another calendar's data are another run."""

    calendar: str
    first_year: int
    last_year: int
    missing_years: tuple[int, ...] = ()
    digest: str = ""
    #: name → (columns, rows, indexes) of the tables `load` creates
    tables: dict = attrs.field(factory=dict, eq=False, repr=False)

    def load(self, compute) -> None:
        """Create the calendar tables — temporary tables of this evaluation alone."""
        for name, (columns, rows, indexes) in self.tables.items():
            compute.temp_table(name, columns, rows, indexes)


def covered_span(calendar: Calendar, first_year: int, last_year: int) -> tuple[int, int]:
    """The longest run of covered years within ``first_year``..``last_year`` that starts at
    the first covered one: a gap in the data ends the table, it is never guessed across."""
    years = [y for y in range(first_year, last_year + 1) if y in calendar.years]
    if not years:
        return first_year, first_year - 1
    end = years[0]
    while end + 1 <= last_year and end + 1 in calendar.years:
        end += 1
    return years[0], end


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later, or that month's last day (民法典 202)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, gregorian.monthrange(year, month)[1]))


def build_timeline(calendar: Calendar, first_year: int, last_year: int,
                   month_counts: tuple[int, ...]) -> Timeline:
    """The rows of ``resp_cal``, ``resp_wd`` and ``resp_months`` for the years asked, as
    far as the calendar has data, ready to `Timeline.load`."""
    first, last = covered_span(calendar, first_year, last_year)
    missing = tuple(y for y in range(first_year, last_year + 1) if not first <= y <= last)
    covered = {}
    if first <= last:
        try:
            covered = {day: (workday, cum) for day, workday, cum
                       in workday_table(calendar, first, last)}
        except NoCalendarData:  # the calendar's own gap inside its years: treat as missing
            covered = {}
    # Every date of the years asked gets a row and a day index, so that a calendar-day
    # period may start in a year without data; only covered dates know whether they are
    # working days, and a roll never crosses into a year without data.
    days = []
    day, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    while day <= end:
        workday, cum = covered.get(day, (None, None))
        days.append((day.isoformat(), len(days), None if workday is None else int(workday),
                     cum))
        day += dt.timedelta(days=1)
    # ``base``: the working days counted before the day after this one — what a period of
    # working days starting this day counts on from (its start is not counted). It needs
    # only the following day's data, so a period may start on the last day of a year
    # without data (2007-12-31 + 7 工作日, counted in 2008 alone).
    rolled, roll, following = [], None, None
    for day_text, index, workday, cum in reversed(days):
        roll = None if workday is None else (day_text if workday else roll)
        base = None if following is None or following[0] is None else \
            following[1] - following[0]
        rolled.append((day_text, index, workday, cum, roll, base))
        following = (workday, cum)
    rolled.reverse()
    tables = {
        "resp_cal": ([("d", "text"), ("day_index", "integer"), ("workday", "integer"),
                      ("cum", "integer"), ("roll", "text"), ("base", "integer")], rolled,
                     [("d",), ("day_index",)]),
        "resp_wd": ([("cum", "integer"), ("d", "text")],
                    [(cum, day) for day, _, workday, cum, _, _ in rolled if workday],
                    [("cum",)]),
    }
    index_of = {day: index for day, index, *_ in rolled}
    months = []
    for count in sorted(set(month_counts)):
        for day, *_ in rolled:
            try:
                target = add_months(dt.date.fromisoformat(day), count).isoformat()
            except ValueError:  # past the year 9999: no such date
                continue
            if target in index_of:
                months.append((day, count, index_of[target]))
    tables["resp_months"] = ([("d", "text"), ("n", "integer"), ("target_index", "integer")],
                             months, [("d", "n")])
    digest = hashlib.sha256(repr((calendar.name, [r[:3] for r in rolled])).encode()).hexdigest()
    return Timeline(calendar.name, first, last, missing, digest, tables)

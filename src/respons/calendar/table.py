"""The working-day table: the calendar as rows, for set-oriented evaluation in SQL.

Counting working days one date at a time does not scale to millions of records; a table
of ``(date, is_workday, workday_ordinal)`` rows turns "N working days after D" into a
lookup. ``workday_ordinal`` is the number of working days from the table's first date up
to and including the row's date, so for N ≥ 1 the period ends on the working day whose
ordinal is ``ordinal(D) + N`` — the same day `respons.calendar.periods.add_period`
computes (行政处罚法 第八十五条; 行政许可法 第八十二条), for a working or a rest day D
alike. In SQL::

    SELECT t.date FROM workdays t, workdays d
     WHERE d.date = :start AND t.is_workday AND t.workday_ordinal = d.workday_ordinal + :n

Calendar-day and month periods need only the row of their last day and the next working
day after it (the first working row with a larger date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from respons.calendar.model import Calendar


def workday_table(calendar: Calendar, first_year: int,
                  last_year: int) -> Iterator[tuple[dt.date, bool, int]]:
    """Every date of ``first_year``..``last_year`` as ``(date, is_workday, workday_ordinal)``.

    Raises `NoCalendarData` (when the rows reach it) for a year the calendar lacks, and
    `ValueError` for an empty or impossible range.
    """
    if type(first_year) is not int or type(last_year) is not int:
        raise ValueError(f"years must be whole numbers, not {first_year!r}, {last_year!r}")
    if not dt.MINYEAR <= first_year <= last_year <= dt.MAXYEAR:
        raise ValueError(f"no years from {first_year} to {last_year}")
    day, last = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    ordinal = 0
    while True:
        workday = calendar.is_workday(day)
        ordinal += workday
        yield day, workday, ordinal
        if day == last:
            return
        day += dt.timedelta(days=1)

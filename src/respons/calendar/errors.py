"""The errors a working-day calendar raises: no data for a year, and a bad data file.

Both are `ValueError`s so callers that validate input catch them with the rest; each
message is one line that says what is wrong and how to fix it (VISION principle 2: a
date the calendar has no data for is an error, never a guess).
"""

from __future__ import annotations


class NoCalendarData(ValueError):
    """A date lies in a year the calendar has no holiday data for.

    ``year`` is the year, ``calendar`` the calendar's name. Counting across such a year
    would silently treat its holidays as working days, so the computation stops instead.
    """

    def __init__(self, calendar: str, year: int, known: tuple[int, ...] = ()) -> None:
        self.calendar = calendar
        self.year = year
        span = f" (it covers {known[0]}–{known[-1]})" if known else ""
        super().__init__(
            f"calendar {calendar!r} has no data for {year}{span}: add the State Council's "
            f"{year}年部分节假日安排 as a year file {year}.toml (same format as the bundled "
            f"files in respons/calendar/data/cn/) and list it under `data` in the calendar "
            f"settings")


class CalendarDataError(ValueError):
    """A calendar data file is missing, unreadable or inconsistent; the message names it."""

"""What a calendar data file says: the notices it cites and the days each names.

A `HolidayNotice` is one published arrangement (the State Council General Office's yearly
部分节假日安排, an amending notice, or a local government's closure notice); an `Entry`
is one day one notice names, as a rest day (放假) or a make-up working day (调休上班).
`respons.calendar.data` reads these from TOML; `respons.calendar.model` looks days up.
"""

from __future__ import annotations

import datetime as dt

import attrs


@attrs.frozen
class HolidayNotice:
    """A published notice: its title, document number (文号) and the date it bears."""

    title: str
    date: dt.date
    number: str = ""
    url: str = ""
    note: str = ""
    #: the data file it was read from, for error messages (the same notice read from two
    #: files is still the same notice)
    source: str = attrs.field(default="", eq=False)

    @property
    def citation(self) -> str:
        """How results cite it: the document number, or the title where there is none."""
        return self.number or f"《{self.title}》"


@attrs.frozen
class Entry:
    """One day named by a notice: a rest day of ``festival`` or a make-up working day for it."""

    day: dt.date
    rest: bool
    festival: str
    notice: HolidayNotice
    #: a Saturday or Sunday inside the span off (公休日), marked so in the data file
    weekend: bool = False


@attrs.frozen
class Arrangement:
    """Every day the loaded notices name, by date, and the years the data covers.

    A year is covered only when a year file declares it; a date outside those years has
    no answer (see `NoCalendarData`), even if a notice for the next year names it.
    """

    entries: dict[dt.date, Entry]
    years: frozenset[int]
    sources: tuple[str, ...] = ()

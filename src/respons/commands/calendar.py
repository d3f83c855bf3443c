"""``respons calendar``: count periods and look up working days from the command line.

    respons calendar add DATE N UNIT [--calendar NAME] [--format text|json]
    respons calendar is-workday DATE [--calendar NAME] [--format text|json]

``add`` prints the ISO date on which a period of N days, working days, months or years
starting DATE ends, under the law on periods (`respons.calendar.periods`); the JSON form
adds the reasons. UNIT takes the language's English and Chinese spellings (days/日/天,
workdays/工作日, months/月/个月, years/年). Exit status: 0 answered; 1 the calendar has
no data for a year the answer needs (the message names it); 2 bad DATE, N, UNIT or
calendar name, or unreadable calendar data. Errors are one line on stderr, never a
traceback — with ``--format json``, the error document on stdout instead
(`respons.app.report_input_error`).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import click

from respons.app import EXIT_FINDINGS, EXIT_USAGE, App, report_input_error
from respons.calendar import (
    CalendarDataError,
    NoCalendarData,
    UnknownCalendar,
    count_period,
)
from respons.model.vocab import UNITS
from respons.registry import PluginError

CALENDAR_OPTION = click.option("--calendar", "calendar_name", default="cn", show_default=True,
                               metavar="NAME", help="Calendar to count on (cn, plain, …).")
FORMAT_OPTION = click.option("--format", "output", type=click.Choice(["text", "json"]),
                             default="text", show_default=True, help="Output format.")


class _DateType(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            # Exactly YYYY-MM-DD: Python also reads 20250101 and 2025-W01-1, which are not
            # the dates the contract speaks of.
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-09-30",
                      param, ctx)


class _AmountType(click.ParamType):
    name = "N"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if not text.isascii() or not text.isdigit():
            self.fail(f"{value!r} is not a whole number of 0 or more", param, ctx)
        return int(text)


class _UnitType(click.ParamType):
    name = "UNIT"

    def convert(self, value, param, ctx):
        unit = UNITS.get(str(value).strip())
        if unit is None:
            self.fail(f"{value!r} is not a unit of time; use one of {UNITS.listing()}",
                      param, ctx)
        return unit


@click.group("calendar")
def calendar() -> None:
    """Working days and the law on periods (期间)."""


# Unknown options pass through as arguments so that a negative N ("-1") gets the clear
# "not a whole number of 0 or more" rather than click's "no such option".
@calendar.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("date", type=_DateType())
@click.argument("amount", metavar="N", type=_AmountType())
@click.argument("unit", type=_UnitType())
@CALENDAR_OPTION
@FORMAT_OPTION
def add(date: dt.date, amount: int, unit: str, calendar_name: str, output: str) -> None:
    """Print the day a period of N UNIT starting DATE ends.

    The start day is not counted; working days skip weekends and statutory holidays and
    count make-up working days; a period of days, months or years ending on a rest day
    ends on the next working day.
    """
    cal = _calendar(calendar_name, output)
    try:
        period = count_period(cal, date, amount, unit)
    except NoCalendarData as error:
        _fail(error, output)
    except ValueError as error:
        if output == "json":
            report_input_error(str(error), output=output)
        raise click.BadParameter(str(error)) from None
    if output == "json":
        click.echo(json.dumps(period.as_json(), ensure_ascii=False))
    else:
        click.echo(period.end.isoformat())


@calendar.command("is-workday")
@click.argument("date", type=_DateType())
@CALENDAR_OPTION
@FORMAT_OPTION
def is_workday(date: dt.date, calendar_name: str, output: str) -> None:
    """Say whether DATE is a working day, and why (exit 0 either way)."""
    cal = _calendar(calendar_name, output)
    try:
        day = cal.day(date)
    except NoCalendarData as error:
        _fail(error, output)
    if output == "json":
        click.echo(json.dumps({"format_version": 1, "date": date.isoformat(),
                               "calendar": cal.name, "workday": day.workday,
                               "reason": day.explain()}, ensure_ascii=False))
    else:
        click.echo(f"{date.isoformat()} {day.explain()}")


def _calendar(name: str, output: str):
    app = click.get_current_context().find_object(App) or App()
    try:
        return app.calendar(name)
    except UnknownCalendar as error:
        if output == "json":
            report_input_error(f"--calendar: {error}", output=output)
        raise click.BadParameter(str(error), param_hint="'--calendar'") from None
    except CalendarDataError as error:
        # Data the calendar cannot read is unreadable input: exit 2, as for `respons check`.
        report_input_error(str(error), EXIT_USAGE, output=output)
    except PluginError as error:  # the calendar plugin failed while loading
        report_input_error(error, output=output)


def _fail(error: Exception, output: str):
    report_input_error(str(error), EXIT_FINDINGS, output=output)

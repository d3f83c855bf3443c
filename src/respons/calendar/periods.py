"""The law on periods (期间): on which day a period of N days, working days, months or
years that starts on a given day ends.

The rules, and where they come from:

- The start day is not counted; counting begins the next day (民法典 第二百零一条:
  按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算; 民事诉讼法
  第八十五条第二款: 期间开始的时和日，不计算在期间内).
- A period in working days counts working days only: weekends and statutory holidays
  are skipped and make-up working days count (行政处罚法 第八十五条: 本法中"二日"
  "三日""五日""七日"的规定是指工作日，不含法定节假日; 行政许可法 第八十二条:
  本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日). It therefore
  always ends on a working day.
- A period in months or years ends on the corresponding day of the last month, or on that
  month's last day where it has no such day (民法典 第二百零二条: 按照年、月计算期间的，
  到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日).
- A period in days, months or years whose last day is a rest day ends on the next working
  day (民法典 第二百零三条第一款: 期间的最后一日是法定休假日的，以法定休假日结束的
  次日为期间的最后一日; 民事诉讼法 第八十五条第三款).

A period of 0 ends on its start day: nothing is counted, so nothing moves. Every date the
computation looks at must lie in a year the calendar covers, or `NoCalendarData` says
which year is missing.
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt

import attrs

from respons.calendar.model import Calendar, Day, PlainCalendar

UNITS = ("days", "workdays", "months", "years")

START = "民法典 第二百零一条"
WORKING_DAYS = "行政处罚法 第八十五条; 行政许可法 第八十二条"
MONTHS = "民法典 第二百零二条"
ROLLOVER = "民法典 第二百零三条; 民事诉讼法 第八十五条"


@attrs.frozen
class Period:
    """A computed period: where it ends and, line by line, why."""

    calendar: str
    start: dt.date
    amount: int
    unit: str
    end: dt.date
    reason: tuple[str, ...]

    def as_json(self) -> dict:
        return {"format_version": 1, "start": self.start.isoformat(), "amount": self.amount,
                "unit": self.unit, "calendar": self.calendar, "end": self.end.isoformat(),
                "reason": list(self.reason)}


def add_period(calendar: Calendar, start: dt.date, amount: int, unit: str) -> dt.date:
    """The day a period of ``amount`` ``unit`` starting ``start`` ends (see the module)."""
    return count_period(calendar, start, amount, unit).end


def count_period(calendar: Calendar, start: dt.date, amount: int, unit: str) -> Period:
    """Like `add_period`, with the reasons: the rules applied and the days that mattered."""
    _check(start, amount, unit)
    reason = [f"{start} is the start day and is not counted ({START})"]
    if amount == 0:
        reason.append(f"a period of 0 {unit} ends on its start day")
        end = start
    elif unit == "workdays" and isinstance(calendar, PlainCalendar):
        # Every day is a working day, so N working days are N days; no need to walk them.
        end = _last_day(start, amount, "days", reason)
    elif unit == "workdays":
        end = _count_workdays(calendar, start, amount, reason)
    else:
        last = _last_day(start, amount, unit, reason)
        end = _roll_forward(calendar, last, reason)
    return Period(calendar.name, start, amount, unit, end, tuple(reason))


def _check(start: object, amount: object, unit: object) -> None:
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise ValueError(f"the start of a period must be a date, not {start!r}")
    if type(amount) is not int:
        raise ValueError(f"the length of a period must be a whole number, not {amount!r}")
    if amount < 0:
        raise ValueError(f"the length of a period cannot be negative ({amount})")
    if unit not in UNITS:
        raise ValueError(f"unknown unit of time {unit!r}; expected one of {', '.join(UNITS)}")


def _count_workdays(calendar: Calendar, start: dt.date, amount: int, reason: list) -> dt.date:
    reason.append(f"{amount} working days are counted from {start + dt.timedelta(1)}: "
                  f"weekends and statutory holidays are skipped and make-up working days "
                  f"count ({WORKING_DAYS})")
    day, counted, notable = start, 0, []
    while counted < amount:
        day = _next(day)
        info = calendar.day(day)
        counted += info.workday
        if not info.ordinary:
            notable.append(info)
    reason.extend(_grouped(notable))
    reason.append(f"working day {amount} is {day}")
    return day


def _last_day(start: dt.date, amount: int, unit: str, reason: list) -> dt.date:
    if unit == "days":
        try:
            last = start + dt.timedelta(days=amount)
        except OverflowError:
            raise ValueError(f"{amount} days after {start} is past the last representable "
                             f"date") from None
        reason.append(f"{amount} calendar days from {start + dt.timedelta(1)} end on {last}")
        return last
    months = amount if unit == "months" else 12 * amount
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    if year > dt.MAXYEAR:
        raise ValueError(f"{amount} {unit} after {start} is past the last representable date")
    month += 1
    length = _gregorian.monthrange(year, month)[1]
    last = dt.date(year, month, min(start.day, length))
    if start.day > length:
        reason.append(f"{amount} {unit} after {start}: {year}-{month:02d} has no day "
                      f"{start.day}, so the month's last day {last} is the last day ({MONTHS})")
    else:
        reason.append(f"{amount} {unit} after {start}: the corresponding day {last} is the "
                      f"last day ({MONTHS})")
    return last


def _roll_forward(calendar: Calendar, last: dt.date, reason: list) -> dt.date:
    info = calendar.day(last)
    if info.workday:
        reason.append(f"{last} is a working day ({info.reason})")
        return last
    first = info
    end = last
    while not info.workday:
        end = _next(end)
        info = calendar.day(end)
    reason.append(f"{last} is a rest day ({first.reason}), so the period ends on the next "
                  f"working day, {end} ({ROLLOVER})")
    return end


def _next(day: dt.date) -> dt.date:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        raise ValueError("the period runs past the last representable date") from None


def _grouped(days: list[Day]) -> list[str]:
    """Runs of consecutive days with the same explanation, as ``A..B skipped: …`` lines."""
    lines: list[str] = []
    run: list[Day] = []
    for info in days:
        if run and (info.date - run[-1].date).days == 1 and info.explain() == run[-1].explain():
            run.append(info)
            continue
        if run:
            lines.append(_run_line(run))
        run = [info]
    if run:
        lines.append(_run_line(run))
    return lines


def _run_line(run: list[Day]) -> str:
    span = str(run[0].date) if len(run) == 1 else f"{run[0].date}..{run[-1].date}"
    return f"{span} {'counted' if run[0].workday else 'skipped'}: {run[0].explain()}"

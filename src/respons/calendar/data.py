"""Reading calendar data files (TOML) into an `Arrangement`, checking them as it goes.

The bundled files under ``data/cn/`` hold one year each, transcribed from the State
Council General Office's yearly 部分节假日安排 notices. A jurisdiction adds a newly
published year, or a local closure (a typhoon day off, say), in a file of the same format
listed in its settings, without waiting for a release. The format:

    year = 2027                  # only in a year file: the year it covers
    law = "…"                    # optional: the holiday law the notice applies
    [[notice]]                   # one or more notices the file cites
    title = "国务院办公厅关于2027年部分节假日安排的通知"
    number = "国办发明电〔2026〕N号"   # optional for a local notice without one
    date = 2026-11-01
    [[festival]]                 # one item of a notice
    name = "春节"
    notice = "国办发明电〔2026〕N号"   # which notice, when the file has several
    text = "…"                   # optional: the item as the notice words it
    rest = [2027-02-05, …]       # the days off, weekend days inside the span included
    weekend = [2027-02-06, …]    # those of them that are Saturdays or Sundays anyway
    workdays = [2027-02-14]      # make-up working days (调休上班日)

Where two notices name the same day, the later notice wins: an amending notice (the 2019
Labour Day change, the 2020 Spring Festival extension) or a local closure overrides the
yearly arrangement for the days it names. Two notices of the same date that disagree
are an error, as is any inconsistency inside a file; every message names the file.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from respons.calendar.errors import CalendarDataError
from respons.calendar.notices import Arrangement, Entry, HolidayNotice

TOP_KEYS = {"year", "law", "notice", "festival"}
NOTICE_KEYS = {"title", "number", "date", "url", "note"}
FESTIVAL_KEYS = {"name", "notice", "text", "rest", "weekend", "workdays"}


def bundled_files(region: str = "cn") -> list[Path]:
    """The data files shipped with respons for ``region``, in year order."""
    folder = resources.files("respons.calendar") / "data" / region
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".toml"))


def load_arrangement(paths: Iterable[str | os.PathLike]) -> Arrangement:
    """Read ``paths`` (bundled and extra files alike) into one checked `Arrangement`."""
    files = [_read(Path(path)) for path in paths]
    years = {year for year, _ in files if year is not None}
    named: list[tuple[Entry, str]] = []
    for year, entries in files:
        for entry in entries:
            if year is None and entry.day.year not in years:
                raise CalendarDataError(
                    f"{entry.notice.source}: {entry.festival} names {entry.day}, but no year "
                    f"file covers {entry.day.year}; add the year's file before local changes")
            named.append((entry, entry.notice.source))
    return Arrangement(entries=_merge(named), years=frozenset(years),
                       sources=tuple(str(path) for path in paths))


def _merge(named: list[tuple[Entry, str]]) -> dict[dt.date, Entry]:
    # A later notice amends an earlier one for the days it names, so apply them in date
    # order; notices of one date must agree, since nothing says which of them prevails.
    merged: dict[dt.date, Entry] = {}
    for entry, source in sorted(named, key=lambda pair: pair[0].notice.date):
        held = merged.get(entry.day)
        if held is not None and held.notice.date == entry.notice.date:
            if (held.rest, held.festival, held.notice) == (entry.rest, entry.festival,
                                                           entry.notice):
                continue  # the same notice loaded twice (a bundled year given again)
            raise CalendarDataError(
                f"{source}: {entry.day} is a {_kind(entry)} of {entry.festival} "
                f"({entry.notice.citation}) and also a {_kind(held)} of {held.festival} "
                f"({held.notice.citation}, {held.notice.source}); notices of the same date "
                f"cannot both decide it")
        merged[entry.day] = entry
    return merged


def _kind(entry: Entry) -> str:
    return "rest day" if entry.rest else "make-up working day"


def _read(path: Path) -> tuple[int | None, list[Entry]]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise CalendarDataError(f"{path}: calendar data file not found") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CalendarDataError(f"{path}: cannot read calendar data: {error}") from None
    where = str(path)
    _only(data, TOP_KEYS, where)
    year = data.get("year")
    if year is not None and (type(year) is not int or not 1 <= year <= 9999):
        raise CalendarDataError(f"{where}: `year` must be a year such as 2027, not {year!r}")
    notices = [_notice(table, where) for table in _tables(data, "notice", where)]
    if not notices:
        raise CalendarDataError(f"{where}: cites no notice; add a [[notice]] with its title "
                                f"and date")
    entries: list[Entry] = []
    for table in _tables(data, "festival", where):
        entries.extend(_festival(table, notices, where))
    if year is not None and not any(e.day.year == year for e in entries):
        raise CalendarDataError(f"{where}: a year file for {year} names no day in {year}")
    return year, entries


def _tables(data: dict, key: str, where: str) -> list[dict]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise CalendarDataError(f"{where}: `{key}` must be written as [[{key}]] tables")
    return tables


def _only(table: dict, allowed: set[str], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise CalendarDataError(f"{where}: unknown key `{key}` (expected one of "
                                    f"{', '.join(sorted(allowed))})")


def _notice(table: dict, where: str) -> HolidayNotice:
    _only(table, NOTICE_KEYS, f"{where}: [[notice]]")
    title, date = table.get("title"), table.get("date")
    if not isinstance(title, str) or not title.strip():
        raise CalendarDataError(f"{where}: a [[notice]] has no `title`")
    if type(date) is not dt.date:
        raise CalendarDataError(f"{where}: notice {title!r} needs `date` as a date "
                                f"(YYYY-MM-DD, unquoted)")
    texts = {key: table.get(key, "") for key in ("number", "url", "note")}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise CalendarDataError(f"{where}: notice {title!r}: `{key}` must be a string")
    return HolidayNotice(title=title, date=date, source=where, **texts)


def _festival(table: dict, notices: list[HolidayNotice], where: str) -> list[Entry]:
    _only(table, FESTIVAL_KEYS, f"{where}: [[festival]]")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CalendarDataError(f"{where}: a [[festival]] has no `name`")
    here = f"{where}: festival {name!r}"
    notice = _which_notice(table.get("notice"), notices, here)
    rest = _dates(table, "rest", here)
    weekend = _dates(table, "weekend", here)
    workdays = _dates(table, "workdays", here)
    if not rest and not workdays:
        raise CalendarDataError(f"{here} names no rest day and no make-up working day")
    for day in weekend:
        if day not in rest:
            raise CalendarDataError(f"{here}: weekend day {day} is not one of its rest days")
    for day in rest:
        # The weekend marks are checked against the real weekday, so a mistyped date
        # (a digit off) is caught rather than turning a working day into a holiday.
        if (day.weekday() >= 5) != (day in weekend):
            raise CalendarDataError(f"{here}: rest day {day} is a {day:%A}; list it in "
                                    f"`weekend` exactly when it is a Saturday or Sunday")
    for day in workdays:
        if day.weekday() < 5:
            raise CalendarDataError(f"{here}: make-up working day {day} is a {day:%A}, "
                                    f"already a working day")
        if day in rest:
            raise CalendarDataError(f"{here}: {day} is both a rest day and a working day")
    return ([Entry(day, True, name, notice, day in weekend) for day in rest]
            + [Entry(day, False, name, notice) for day in workdays])


def _which_notice(ref: object, notices: list[HolidayNotice], here: str) -> HolidayNotice:
    if ref is None:
        if len(notices) > 1:
            raise CalendarDataError(f"{here}: the file cites several notices; say which with "
                                    f"`notice = \"<number or title>\"`")
        return notices[0]
    for notice in notices:
        if ref in (notice.number, notice.title):
            return notice
    raise CalendarDataError(f"{here}: `notice = {ref!r}` matches no [[notice]] in the file")


def _dates(table: dict, key: str, here: str) -> list[dt.date]:
    values = table.get(key, [])
    if not isinstance(values, list) or not all(type(v) is dt.date for v in values):
        raise CalendarDataError(f"{here}: `{key}` must be a list of dates (YYYY-MM-DD, "
                                f"unquoted)")
    if len(set(values)) != len(values):
        raise CalendarDataError(f"{here}: `{key}` lists a date twice")
    return values

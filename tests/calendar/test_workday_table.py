"""The working-day table gives the answers `add_period` gives, in Python and in SQL."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from respons.calendar import NoCalendarData, add_period, load_calendar, workday_table

CN = load_calendar("cn")


@pytest.fixture(scope="module")
def rows():
    return list(workday_table(CN, 2008, 2026))


def test_rows_cover_every_date_and_count_working_days(rows):
    assert rows[0] == (dt.date(2008, 1, 1), False, 0)   # 元旦 2008
    assert rows[1] == (dt.date(2008, 1, 2), True, 1)
    assert len(rows) == (dt.date(2026, 12, 31) - dt.date(2008, 1, 1)).days + 1
    assert rows[-1][2] == sum(workday for _, workday, _ in rows)


def _lookup(rows, start, amount):
    ordinal = {day: number for day, _, number in rows}
    target = ordinal[start] + amount
    return next(day for day, workday, number in rows if workday and number == target)


def test_lookup_matches_add_period_for_many_random_dates(rows):
    rng = random.Random(20250930)
    first, last = dt.date(2008, 1, 1), dt.date(2026, 10, 31)
    for _ in range(2000):
        start = first + dt.timedelta(days=rng.randrange((last - first).days))
        amount = rng.randint(1, 40)
        assert _lookup(rows, start, amount) == add_period(CN, start, amount, "workdays"), (
            start, amount)


def test_the_same_lookup_in_sql(rows):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE workdays (date TEXT PRIMARY KEY, is_workday INTEGER, "
               "workday_ordinal INTEGER)")
    db.executemany("INSERT INTO workdays VALUES (?, ?, ?)",
                   [(day.isoformat(), int(workday), number) for day, workday, number in rows])
    rng = random.Random(7)
    cases = []
    for _ in range(300):
        start = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(6800))
        cases.append((start, rng.randint(1, 30)))
    for start, amount in cases:
        (end,) = db.execute(
            "SELECT t.date FROM workdays t, workdays d WHERE d.date = ? AND t.is_workday "
            "AND t.workday_ordinal = d.workday_ordinal + ?", (start.isoformat(), amount)
        ).fetchone()
        assert dt.date.fromisoformat(end) == add_period(CN, start, amount, "workdays")


def test_makeup_setting_and_plain_calendar():
    off = dict((day, workday) for day, workday, _ in workday_table(
        load_calendar("cn", {"makeup_workdays": False}), 2025, 2025))
    assert off[dt.date(2025, 10, 11)] is False
    plain = list(workday_table(load_calendar("plain"), 2024, 2024))
    assert len(plain) == 366 and plain[-1][2] == 366


def test_uncovered_years_and_bad_ranges():
    with pytest.raises(NoCalendarData, match="2027"):
        list(workday_table(CN, 2026, 2027))
    with pytest.raises(ValueError, match="no years"):
        list(workday_table(CN, 2026, 2025))

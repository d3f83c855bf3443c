"""The law on periods, on hand-worked dates, and as properties over the whole data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respons.calendar import NoCalendarData, add_period, count_period, load_calendar

D = dt.date
CN = load_calendar("cn")
CN_NO_MAKEUP = load_calendar("cn", {"makeup_workdays": False})
PLAIN = load_calendar("plain")


@pytest.mark.parametrize(("start", "amount", "unit", "end"), [
    # 2025-09-30 + 5 working days: 10-01..08 holidays, 10-09 Thu (1), 10-10 Fri (2),
    # 10-11 make-up Saturday (3), 10-13 Mon (4), 10-14 Tue (5).
    (D(2025, 9, 30), 5, "workdays", D(2025, 10, 14)),
    # Start day not counted: Monday + 1 day is Tuesday, + 1 working day too.
    (D(2025, 3, 3), 1, "days", D(2025, 3, 4)),
    (D(2025, 3, 3), 1, "workdays", D(2025, 3, 4)),
    # Friday + 1 working day skips the weekend to Monday.
    (D(2025, 3, 7), 1, "workdays", D(2025, 3, 10)),
    # 2019-04-30 + 1 working day: 05-01..04 off (国办发明电〔2019〕3号), Sunday 05-05 worked.
    (D(2019, 4, 30), 1, "workdays", D(2019, 5, 5)),
    # Friday 2018-12-28 + 1 working day: Saturday 12-29 is worked for 2019's 元旦.
    (D(2018, 12, 28), 1, "workdays", D(2018, 12, 29)),
    # Month end (民法典 第二百零二条): February has no 31st, so its last day.
    (D(2025, 1, 31), 1, "months", D(2025, 2, 28)),
    (D(2024, 1, 31), 1, "months", D(2024, 2, 29)),
    (D(2024, 2, 29), 1, "years", D(2025, 2, 28)),
    # 2025-09-03 + 30 days = 10-03, inside 国庆节、中秋节 (10-01..08): next working day 10-09.
    (D(2025, 9, 3), 30, "days", D(2025, 10, 9)),
    # 2025-09-01 + 1 month = 10-01, a holiday: also 10-09.
    (D(2025, 9, 1), 1, "months", D(2025, 10, 9)),
    # 2025-01-01 + 1 month = Saturday 02-01 inside 春节 (01-28..02-04): next working day 02-05.
    (D(2025, 1, 1), 1, "months", D(2025, 2, 5)),
    # 2023-10-01 + 1 year = 2024-10-01, 国庆节 (10-01..07): Tuesday 10-08.
    (D(2023, 10, 1), 1, "years", D(2024, 10, 8)),
    # 2025-09-20 + 7 days = Saturday 09-27; Sunday 09-28 is a make-up working day: it ends there.
    (D(2025, 9, 20), 7, "days", D(2025, 9, 28)),
    # 2020-01-22 + 10 days = Saturday 02-01, a day off since the extension (国办发明电〔2020〕1号);
    # Sunday 02-02 too: Monday 02-03.
    (D(2020, 1, 22), 10, "days", D(2020, 2, 3)),
    # A calendar-day period ending on an ordinary working day stays there.
    (D(2025, 3, 3), 10, "days", D(2025, 3, 13)),
    # The start lies in 2007, which is not covered, but only 2008 is looked at:
    # 2008-01-01 is 元旦, so Wednesday 01-02.
    (D(2007, 12, 31), 1, "days", D(2008, 1, 2)),
    # A period of 0 ends on its start day, even a holiday.
    (D(2025, 10, 1), 0, "days", D(2025, 10, 1)),
    (D(2025, 10, 1), 0, "workdays", D(2025, 10, 1)),
])
def test_hand_worked_periods(start, amount, unit, end):
    assert add_period(CN, start, amount, unit) == end


def test_make_up_saturday_not_counted_when_the_setting_is_off():
    # As the first case, but Saturday 10-11 does not count: 10-09, 10-10, 10-13, 10-14, 10-15.
    assert add_period(CN_NO_MAKEUP, D(2025, 9, 30), 5, "workdays") == D(2025, 10, 15)
    # 2025-09-20 + 7 days: Saturday 09-27, and Sunday 09-28 is no longer worked: Monday 09-29.
    assert add_period(CN_NO_MAKEUP, D(2025, 9, 20), 7, "days") == D(2025, 9, 29)


def test_plain_calendar_does_not_roll_over():
    assert add_period(PLAIN, D(2025, 9, 30), 5, "days") == D(2025, 10, 5)
    assert add_period(PLAIN, D(2025, 9, 30), 5, "workdays") == D(2025, 10, 5)
    assert add_period(PLAIN, D(2025, 1, 31), 1, "months") == D(2025, 2, 28)
    assert add_period(PLAIN, D(1990, 1, 1), 3, "days") == D(1990, 1, 4)


def test_reasons_cite_the_law():
    period = count_period(CN, D(2025, 9, 30), 5, "workdays")
    assert period.end == D(2025, 10, 14)
    text = "\n".join(period.reason)
    assert "民法典 第二百零一条" in text
    assert "行政处罚法 第八十五条" in text and "行政许可法 第八十二条" in text
    assert ("2025-10-01..2025-10-08 skipped: rest day: 国庆节、中秋节 (国办发明电〔2024〕12号)"
            in text)
    assert "2025-10-11 counted: workday: make-up working day (调休)" in text
    rolled = "\n".join(count_period(CN, D(2025, 9, 3), 30, "days").reason)
    assert "民法典 第二百零三条" in rolled and "2025-10-09" in rolled
    clipped = "\n".join(count_period(CN, D(2025, 1, 31), 1, "months").reason)
    assert "民法典 第二百零二条" in clipped and "no day 31" in clipped


@pytest.mark.parametrize(("start", "amount", "unit", "year"), [
    (D(2026, 12, 31), 1, "days", 2027),          # the last day lies in 2027
    (D(2026, 12, 25), 5, "workdays", 2027),      # 12-28..31 count 4, then 2027-01-01
    (D(2026, 12, 1), 1, "months", 2027),         # 2027-01-01
    (D(2026, 12, 30), 1, "years", 2027),
    (D(2007, 12, 28), 1, "workdays", 2007),      # the next day, 12-29, lies in 2007
])
def test_uncovered_years_raise_naming_the_year(start, amount, unit, year):
    with pytest.raises(NoCalendarData, match=str(year)) as caught:
        add_period(CN, start, amount, unit)
    assert caught.value.year == year


def test_rollover_near_the_end_of_the_data():
    # 2026-12-26 is a Saturday: 2026-12-19 + 7 days ends there and rolls to Monday 12-28.
    assert add_period(CN, D(2026, 12, 19), 7, "days") == D(2026, 12, 28)


@pytest.mark.parametrize(("amount", "unit", "message"), [
    (-1, "days", "negative"),
    (1.5, "days", "whole number"),
    ("3", "days", "whole number"),
    (True, "days", "whole number"),
    (3, "weeks", "unknown unit"),
    (3, "工作日", "unknown unit"),
])
def test_bad_lengths_and_units(amount, unit, message):
    with pytest.raises(ValueError, match=message):
        add_period(CN, D(2025, 1, 1), amount, unit)


def test_bad_start():
    with pytest.raises(ValueError, match="must be a date"):
        add_period(CN, "2025-01-01", 1, "days")
    with pytest.raises(ValueError, match="must be a date"):
        add_period(CN, dt.datetime(2025, 1, 1, 9), 1, "days")


# Starts late enough in the data that the longest period drawn still ends inside it.
covered_starts = st.dates(min_value=D(2008, 1, 1), max_value=D(2026, 9, 30))
early_starts = st.dates(min_value=D(2008, 1, 1), max_value=D(2024, 6, 30))


@settings(max_examples=300, deadline=None)
@given(start=covered_starts, amount=st.integers(min_value=1, max_value=60),
       makeup=st.booleans())
def test_working_day_periods_count_exactly_n_working_days(start, amount, makeup):
    cal = CN if makeup else CN_NO_MAKEUP
    end = add_period(cal, start, amount, "workdays")
    assert cal.is_workday(end)
    between = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(cal.is_workday(day) for day in between) == amount


@settings(max_examples=300, deadline=None)
@given(start=early_starts, amount=st.integers(min_value=1, max_value=200))
def test_day_periods_end_on_the_first_working_day_from_the_last_day(start, amount):
    end = add_period(CN, start, amount, "days")
    last = start + dt.timedelta(days=amount)
    assert end >= last and CN.is_workday(end)
    assert all(not CN.is_workday(last + dt.timedelta(days=i)) for i in range((end - last).days))


@settings(max_examples=300, deadline=None)
@given(start=early_starts, amount=st.integers(min_value=1, max_value=24))
def test_month_periods_end_on_or_after_the_corresponding_day(start, amount):
    end = add_period(CN, start, amount, "months")
    months = start.month - 1 + amount
    year, month = start.year + months // 12, months % 12 + 1
    assert (end.year, end.month) >= (year, month) and CN.is_workday(end)
    if (end.year, end.month) == (year, month):
        assert end.day >= min(start.day, 28)

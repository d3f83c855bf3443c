"""What a calendar says of a day: working day or not, and why."""

from __future__ import annotations

import datetime as dt

import pytest

from respons.calendar import NoCalendarData, load_calendar


@pytest.fixture(scope="module")
def cn():
    return load_calendar("cn")


def test_explanations(cn):
    assert cn.explain(dt.date(2024, 10, 1)) == "rest day: 国庆节 (国办发明电〔2023〕7号)"
    assert cn.explain(dt.date(2025, 10, 1)) == "rest day: 国庆节、中秋节 (国办发明电〔2024〕12号)"
    assert cn.explain(dt.date(2025, 10, 11)) == (
        "workday: make-up working day (调休) for 国庆节、中秋节 (国办发明电〔2024〕12号)")
    assert cn.explain(dt.date(2025, 10, 12)) == "rest day: Sunday"
    assert cn.explain(dt.date(2025, 10, 13)) == "workday: Monday"


def test_weekend_days_inside_a_holiday_are_days_of_the_holiday(cn):
    # Saturday 4 October 2025 lies inside the 国庆节、中秋节 span and is named by it.
    day = cn.day(dt.date(2025, 10, 4))
    assert not day.workday and day.kind == "holiday" and day.festival == "国庆节、中秋节"


def test_no_data_is_an_error_naming_the_year(cn):
    with pytest.raises(NoCalendarData) as caught:
        cn.is_workday(dt.date(2027, 3, 1))
    assert caught.value.year == 2027
    message = str(caught.value)
    assert "2027" in message and "2027.toml" in message and "data" in message
    assert isinstance(caught.value, ValueError)
    with pytest.raises(NoCalendarData, match="2007"):
        cn.explain(dt.date(2007, 6, 1))


def test_make_up_days_off_by_setting():
    cal = load_calendar("cn", {"makeup_workdays": False})
    assert not cal.is_workday(dt.date(2025, 10, 11))
    assert cal.explain(dt.date(2025, 10, 11)) == (
        "rest day: Saturday; make-up working day (调休) for 国庆节、中秋节 "
        "(国办发明电〔2024〕12号) not counted (setting makeup_workdays = false)")
    assert not cal.is_workday(dt.date(2025, 10, 1))
    assert cal.is_workday(dt.date(2025, 10, 13))


def test_plain_counts_every_day_of_every_year():
    plain = load_calendar("plain")
    for day in (dt.date(2025, 10, 1), dt.date(2025, 10, 12), dt.date(1900, 1, 1),
                dt.date(2999, 12, 31)):
        assert plain.is_workday(day) and plain.covers(day)
    assert plain.explain(dt.date(2025, 10, 1)) == "workday: the plain calendar counts every day"
    assert 1 in plain.years and 9999 in plain.years


def test_a_date_time_is_not_a_date(cn):
    with pytest.raises(ValueError, match="datetime"):
        cn.is_workday(dt.datetime(2025, 10, 1, 12, 0))

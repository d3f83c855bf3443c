"""A jurisdiction's own data files: a new year, a local closure, and the errors they get."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from respons.calendar import CalendarDataError, add_period, load_calendar

# A test fixture in the bundled format, not a real notice: the 2027 notice is not in the
# bundled data, so a jurisdiction would add it like this once it is published.
YEAR_2027 = """
year = 2027
[[notice]]
title = "国务院办公厅关于2027年部分节假日安排的通知（测试用例）"
number = "测试〔2026〕1号"
date = 2026-11-01
[[festival]]
name = "元旦"
rest = [2027-01-01, 2027-01-02, 2027-01-03]
weekend = [2027-01-02, 2027-01-03]
workdays = []
"""

TYPHOON = """
[[notice]]
title = "某市人民政府关于台风期间停工停课的通知（测试用例）"
date = 2025-07-28
[[festival]]
name = "台风停工"
rest = [2025-07-30]
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_local_closure(tmp_path):
    cal = load_calendar("cn", {"data": [write(tmp_path, "typhoon.toml", TYPHOON)]})
    day = dt.date(2025, 7, 30)   # a Wednesday
    assert not cal.is_workday(day)
    assert cal.explain(day) == ("rest day: 台风停工 (《某市人民政府关于台风期间停工停课的通知"
                                "（测试用例）》)")
    # Tuesday + 1 working day skips the closed Wednesday.
    assert add_period(cal, dt.date(2025, 7, 29), 1, "workdays") == dt.date(2025, 7, 31)
    assert load_calendar("cn").is_workday(day)   # the bundled calendar is unchanged


def test_a_newly_published_year(tmp_path):
    cal = load_calendar("cn", {"data": [str(write(tmp_path, "2027.toml", YEAR_2027))]})
    assert 2027 in cal.years
    assert cal.explain(dt.date(2027, 1, 1)) == "rest day: 元旦 (测试〔2026〕1号)"
    # Thursday 2026-12-31 + 1 day = 2027-01-01, a holiday through Sunday: Monday 01-04.
    assert add_period(cal, dt.date(2026, 12, 31), 1, "days") == dt.date(2027, 1, 4)


def test_a_local_extra_working_day_overrides_a_later_weekend(tmp_path):
    text = """
    [[notice]]
    title = "某县关于补班的通知（测试用例）"
    number = "某府办〔2025〕9号"
    date = 2025-06-01
    [[festival]]
    name = "防汛"
    workdays = [2025-06-07]
    """
    cal = load_calendar("cn", {"data": [write(tmp_path, "extra.toml", text)]})
    assert cal.explain(dt.date(2025, 6, 7)) == (
        "workday: make-up working day (调休) for 防汛 (某府办〔2025〕9号)")


def test_the_same_year_given_twice_is_harmless(tmp_path):
    from respons.calendar.data import bundled_files

    again = next(path for path in bundled_files("cn") if path.stem == "2025")
    cal = load_calendar("cn", {"data": [again]})
    assert not cal.is_workday(dt.date(2025, 10, 1))


@pytest.mark.parametrize(("text", "message"), [
    (TYPHOON.replace("2025-07-30", "2030-07-30"), "no year file covers 2030"),
    (TYPHOON.replace('name = "台风停工"', 'name = "台风停工"\nholiday = true'),
     "unknown key `holiday`"),
    (TYPHOON.replace("2025-07-30", "2025-08-02"), "2025-08-02 is a Saturday"),
    (TYPHOON.replace("rest = [2025-07-30]", "workdays = [2025-07-30]"), "already a working day"),
    (TYPHOON.replace("date = 2025-07-28\n", ""), "needs `date`"),
    (TYPHOON.replace("rest = [2025-07-30]", 'rest = ["2025-07-30"]'), "list of dates"),
    (TYPHOON.replace("rest = [2025-07-30]", "rest = []"), "names no rest day"),
    ("year = 2027\n", "cites no notice"),
    ("[[festival\n", "cannot read"),
])
def test_bad_files_are_errors_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, "local.toml", text)
    with pytest.raises(CalendarDataError, match=message) as caught:
        load_calendar("cn", {"data": [path]})
    assert str(path) in str(caught.value)


def test_notices_of_one_date_that_disagree(tmp_path):
    work = TYPHOON.replace("rest = [2025-07-30]", "workdays = [2025-08-02]")
    rest = TYPHOON.replace("2025-07-30", "2025-08-02").replace(
        "rest = [2025-08-02]", "rest = [2025-08-02]\nweekend = [2025-08-02]")
    paths = [write(tmp_path, "a.toml", work), write(tmp_path, "b.toml", rest)]
    with pytest.raises(CalendarDataError, match="cannot both decide it"):
        load_calendar("cn", {"data": paths})

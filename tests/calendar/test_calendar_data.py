"""The bundled State Council data: complete, cited, and equal to an independent source."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from respons.calendar import NoCalendarData, load_calendar
from respons.calendar.data import bundled_files

YEARS = range(2008, 2027)


@pytest.fixture(scope="module")
def cn():
    return load_calendar("cn")


def test_one_file_per_year_2008_to_2026():
    assert [path.stem for path in bundled_files("cn")] == [str(year) for year in YEARS]


@pytest.mark.parametrize("path", bundled_files("cn"), ids=lambda path: path.stem)
def test_every_file_cites_its_notice(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["year"] == int(path.stem)
    assert "全国年节及纪念日放假办法" in data["law"]
    for notice in data["notice"]:
        assert notice["title"].startswith("国务院")
        assert notice["number"].startswith(("国办发明电〔", "国发明电〔"))
        assert isinstance(notice["date"], dt.date)
        assert notice["date"].year in (data["year"] - 1, data["year"])
    festivals = {festival["name"] for festival in data["festival"]}
    assert {"元旦", "春节", "劳动节"} <= festivals
    assert any("国庆节" in name for name in festivals)


def test_the_2025_amendment_shows_in_the_data(cn):
    # 国务院令第795号: from 2025 春节 and 劳动节 each have one more day, so 春节 runs 8
    # days from 除夕 (2025-01-28) and 劳动节 5 days with a single make-up day.
    path = next(path for path in bundled_files("cn") if path.stem == "2025")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "第795号" in data["law"]
    spring = next(f for f in data["festival"] if f["name"] == "春节")
    assert len(spring["rest"]) == 8 and spring["rest"][0] == dt.date(2025, 1, 28)
    assert cn.explain(dt.date(2025, 1, 28)) == "rest day: 春节 (国办发明电〔2024〕12号)"


def test_years_covered_are_exactly_the_files(cn):
    assert sorted(cn.years) == list(YEARS)
    assert cn.covers(dt.date(2008, 1, 1)) and cn.covers(dt.date(2026, 12, 31))
    assert not cn.covers(dt.date(2007, 12, 31)) and not cn.covers(dt.date(2027, 1, 1))


def test_every_day_of_every_year_agrees_with_chinese_calendar(cn):
    # The independent cross-check: the PyPI package chinesecalendar (import name
    # chinese_calendar), transcribed separately from the same notices.
    chinese_calendar = pytest.importorskip("chinese_calendar")
    disagreements = []
    for year in YEARS:
        day = dt.date(year, 1, 1)
        while day.year == year:
            if cn.is_workday(day) != chinese_calendar.is_workday(day):
                disagreements.append(f"{day}: ours {cn.explain(day)!r}")
            day += dt.timedelta(days=1)
    assert disagreements == []


def test_amending_notices_win_for_the_days_they_name(cn):
    # 国办发明电〔2020〕1号 extended the 2020 Spring Festival to 2 February, so Saturday
    # 1 February, a make-up working day under 国办发明电〔2019〕16号, became a day off.
    assert not cn.is_workday(dt.date(2020, 2, 1))
    assert cn.explain(dt.date(2020, 2, 1)) == "rest day: 春节 (国办发明电〔2020〕1号)"
    assert cn.is_workday(dt.date(2020, 2, 3))
    # 国办发明电〔2019〕3号 made Labour Day 2019 four days, with Sunday 5 May worked.
    assert not cn.is_workday(dt.date(2019, 5, 4))
    assert cn.explain(dt.date(2019, 5, 5)) == (
        "workday: make-up working day (调休) for 劳动节 (国办发明电〔2019〕3号)")
    # 国发明电〔2015〕1号: the 70th anniversary of the victory, 3–5 September 2015.
    assert "国发明电〔2015〕1号" in cn.explain(dt.date(2015, 9, 4))
    assert cn.is_workday(dt.date(2015, 9, 6))


def test_days_a_notice_names_in_the_year_before(cn):
    # The 2019 notice gives 30–31 December 2018 off and works Saturday 29 December 2018.
    assert cn.explain(dt.date(2018, 12, 29)) == (
        "workday: make-up working day (调休) for 元旦 (国办发明电〔2018〕15号)")
    assert not cn.is_workday(dt.date(2018, 12, 31))
    # The 2008 notice names 29–31 December 2007, but 2007 itself is not covered.
    with pytest.raises(NoCalendarData, match="2007"):
        cn.is_workday(dt.date(2007, 12, 31))

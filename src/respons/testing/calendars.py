"""`CalendarConformance`: what every calendar plugin must do, as pytest tests.

A calendar answers, for every date of a year it covers, whether it is a working day and
why, and refuses every other date (`NoCalendarData`: never a guess); it is loaded from its
respons.toml settings and refuses, naming it, a setting it does not take. The suite asks
exactly what the law on periods (`respons.calendar.periods`), the working-day table of the
engine (`respons.calendar.workday_table`) and `respons calendar` ask, so a calendar that
passes works with them.

Subclass it and provide the fixture ``calendar_provider`` (your `CalendarProvider`);
optionally ``calendar_settings`` (what to load it with, default ``{}``) and
``calendar_years`` (the years to check, default those of 2000–2030 it covers)::

    class TestHongKong(CalendarConformance):
        @pytest.fixture
        def calendar_provider(self):
            return CalendarProvider(name="hk", load=load_hk, description="…")
"""

from __future__ import annotations

import datetime as dt

import pytest

from respons.calendar import Calendar, Day, NoCalendarData, count_period, workday_table
from respons.registry import PLUGIN_API_VERSION, CalendarProvider

#: Years a calendar is asked about when the subclass does not say.
DEFAULT_YEARS = range(2000, 2031)
#: Years at least one of which a calendar with holiday data does not cover.
FAR_YEARS = (1, 1000, 1900, 1948, 2200, 3000, 9999)


def days_of(year: int):
    day = dt.date(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


class CalendarConformance:
    """Subclass it and provide the fixture ``calendar_provider``."""

    @pytest.fixture
    def calendar_settings(self) -> dict:
        return {}

    @pytest.fixture
    def calendar(self, calendar_provider, calendar_settings) -> Calendar:
        return calendar_provider.load(dict(calendar_settings))

    @pytest.fixture
    def calendar_years(self, calendar) -> list[int]:
        years = [year for year in DEFAULT_YEARS if calendar.covers(dt.date(year, 1, 1))]
        if not years:
            pytest.fail(f"{calendar!r} covers none of {DEFAULT_YEARS.start}–"
                        f"{DEFAULT_YEARS.stop - 1}: provide the fixture calendar_years")
        return years

    # ── the descriptor ───────────────────────────────────────────────────────────
    def test_descriptor_is_well_formed(self, calendar_provider):
        assert isinstance(calendar_provider, CalendarProvider)
        assert calendar_provider.api_version == PLUGIN_API_VERSION
        assert calendar_provider.description.strip(), "say what the calendar is"
        names = [calendar_provider.name, *calendar_provider.aliases]
        assert len(set(names)) == len(names), f"a name given twice: {names}"

    def test_load_gives_a_calendar_named_as_its_descriptor(self, calendar_provider, calendar):
        assert isinstance(calendar, Calendar), \
            f"load returned {type(calendar).__name__}, not a respons.calendar.Calendar"
        assert calendar.name == calendar_provider.name

    def test_an_unknown_setting_is_refused_naming_it(self, calendar_provider,
                                                     calendar_settings):
        with pytest.raises(ValueError) as caught:
            calendar_provider.load({**calendar_settings, "no_such_setting": True})
        assert "no_such_setting" in str(caught.value)
        assert len(str(caught.value).splitlines()) == 1, "the message is one line"

    # ── the days ─────────────────────────────────────────────────────────────────
    def test_every_day_has_an_answer_and_a_reason(self, calendar, calendar_years):
        for year in calendar_years:
            workdays = 0
            for date in days_of(year):
                day = calendar.day(date)
                assert isinstance(day, Day), f"day({date}) returned {day!r}, not a Day"
                assert day.date == date
                assert type(day.workday) is bool, f"day({date}).workday is {day.workday!r}"
                assert isinstance(day.kind, str) and day.kind, f"day({date}) has no kind"
                assert isinstance(day.reason, str) and day.reason.strip(), \
                    f"day({date}) gives no reason"
                assert calendar.is_workday(date) is day.workday
                assert calendar.explain(date) == day.explain()
                assert calendar.covers(date)
                workdays += day.workday
            assert workdays, f"{year} has no working day at all"

    def test_loading_twice_gives_the_same_answers(self, calendar_provider, calendar_settings,
                                                  calendar, calendar_years):
        again = calendar_provider.load(dict(calendar_settings))
        for year in calendar_years:
            for date in days_of(year):
                assert again.day(date) == calendar.day(date), date

    def test_a_year_without_data_is_an_error_not_a_guess(self, calendar):
        missing = [year for year in FAR_YEARS if not calendar.covers(dt.date(year, 6, 1))]
        if not missing:  # a calendar of rules, not data, such as plain: every year holds
            for year in FAR_YEARS:
                assert isinstance(calendar.day(dt.date(year, 6, 1)), Day)
            return
        for year in missing:
            with pytest.raises(NoCalendarData) as caught:
                calendar.day(dt.date(year, 6, 1))
            assert str(year) in str(caught.value)

    def test_an_instant_is_not_a_date(self, calendar, calendar_years):
        # Which day an instant falls on depends on the time zone: the caller must decide.
        with pytest.raises(ValueError):
            calendar.day(dt.datetime(calendar_years[0], 6, 1, 12, 0))

    # ── what the rest of respons asks of it ──────────────────────────────────────
    def test_working_day_periods_end_on_a_working_day(self, calendar, calendar_years):
        last = calendar_years[-1]
        for year in calendar_years:
            for month in range(1, 13 if year < last else 11):
                start = dt.date(year, month, 15)
                end = count_period(calendar, start, 5, "workdays").end
                assert calendar.is_workday(end), f"5 working days from {start} end on {end}"
                counted = sum(calendar.is_workday(start + dt.timedelta(days=n))
                              for n in range(1, (end - start).days + 1))
                assert counted == 5, f"{counted} working days from {start} to {end}"

    def test_the_working_day_table_agrees_with_the_days(self, calendar, calendar_years):
        year = calendar_years[0]
        ordinal = 0
        for date, workday, number in workday_table(calendar, year, year):
            ordinal += calendar.is_workday(date)
            assert (workday, number) == (calendar.is_workday(date), ordinal), date

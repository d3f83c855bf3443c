"""The built-in calendars are found through the plugin registry, like any plugin's."""

from __future__ import annotations

import datetime as dt

import pytest

from respons.calendar import Calendar, UnknownCalendar, load_calendar
from respons.registry import CalendarProvider, Registry, plugin_manager


def test_fresh_plugin_manager_finds_cn_and_plain_with_aliases():
    calendars = Registry(plugin_manager()).calendars()
    for name in ("cn", "中国", "plain", "公历"):
        assert isinstance(calendars[name], CalendarProvider)
    assert calendars["中国"] is calendars["cn"]
    cal = calendars["cn"].load({})
    assert isinstance(cal, Calendar) and cal.name == "cn"
    assert not cal.is_workday(dt.date(2025, 10, 1))
    assert calendars["公历"].load({}).is_workday(dt.date(2025, 10, 1))


def test_plugin_is_registered_by_its_entry_point_name():
    manager = plugin_manager()
    assert manager.get_plugin("calendars") is not None
    rows = [row for row in Registry(manager).listing() if row[0] == "calendar"]
    assert {row[1] for row in rows} == {"cn (中国)", "plain (公历)"}


def test_load_calendar_by_name_and_alias():
    assert load_calendar("中国").name == "cn"
    assert load_calendar("公历").name == "plain"


def test_unknown_calendar_lists_the_known_ones():
    with pytest.raises(UnknownCalendar) as caught:
        load_calendar("hk")
    assert "'hk'" in str(caught.value) and "cn" in str(caught.value)
    assert "plain" in str(caught.value)


@pytest.mark.parametrize(("name", "settings", "message"), [
    ("cn", {"makeup_workday": False}, "makeup_workday"),
    ("cn", {"makeup_workdays": "no"}, "true or false"),
    ("cn", {"data": "local.toml"}, "list of file paths"),
    ("cn", {"data": ["does/not/exist.toml"]}, "not found"),
    ("plain", {"data": []}, "plain calendar"),
    ("plain", {"colour": 1}, "colour"),
])
def test_bad_settings_are_errors_naming_the_key(name, settings, message):
    with pytest.raises(ValueError, match=message):
        load_calendar(name, settings)

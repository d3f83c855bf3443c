"""`respons calendar add` and `respons calendar is-workday`: outputs and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from respons.commands.calendar import calendar


def run(*args):
    return CliRunner().invoke(calendar, list(args))


@pytest.mark.parametrize("unit", ["workdays", "工作日", "个工作日", "workday"])
def test_add_working_days_in_either_language(unit):
    result = run("add", "2025-09-30", "5", unit)
    assert result.exit_code == 0 and result.output == "2025-10-14\n"


@pytest.mark.parametrize(("args", "end"), [
    (("2025-01-31", "1", "个月"), "2025-02-28"),
    (("2025-01-31", "1", "months"), "2025-02-28"),
    (("2025-09-03", "30", "天"), "2025-10-09"),
    (("2025-09-03", "30", "日"), "2025-10-09"),
    (("2024-02-29", "1", "年"), "2025-02-28"),
    (("2025-09-03", "30", "days", "--calendar", "plain"), "2025-10-03"),
    (("2025-09-03", "30", "days", "--calendar", "公历"), "2025-10-03"),
])
def test_add_other_units(args, end):
    result = run("add", *args)
    assert result.exit_code == 0 and result.output == end + "\n"


def test_add_json():
    result = run("add", "2025-09-30", "5", "工作日", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["format_version"] == 1
    assert (data["start"], data["amount"], data["unit"], data["calendar"], data["end"]) == (
        "2025-09-30", 5, "workdays", "cn", "2025-10-14")
    assert any("行政处罚法 第八十五条" in line for line in data["reason"])


def test_is_workday():
    result = run("is-workday", "2025-10-11")
    assert result.exit_code == 0
    assert result.output == ("2025-10-11 workday: make-up working day (调休) for 国庆节、中秋节 "
                             "(国办发明电〔2024〕12号)\n")
    result = run("is-workday", "2025-10-01")
    assert result.exit_code == 0 and result.output.startswith("2025-10-01 rest day: 国庆节")
    result = run("is-workday", "2025-10-12", "--format", "json")
    assert json.loads(result.output) == {"format_version": 1, "date": "2025-10-12",
                                         "calendar": "cn", "workday": False,
                                         "reason": "rest day: Sunday"}


@pytest.mark.parametrize("args", [
    ("add", "2026-12-31", "1", "days"),
    ("add", "2026-12-25", "5", "workdays"),
    ("is-workday", "2027-01-01"),
    ("is-workday", "2007-06-01"),
])
def test_no_data_exits_1_with_one_line_naming_the_year(args):
    result = run(*args)
    assert result.exit_code == 1
    year = "2007" if args[1].startswith("2007") else "2027"
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and year in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (("add", "2025-13-01", "1", "days"), "not a date"),
    (("add", "tomorrow", "1", "days"), "not a date"),
    (("add", "2025-01-01", "-1", "days"), "whole number"),
    (("add", "2025-01-01", "1.5", "days"), "whole number"),
    (("add", "2025-01-01", "一", "days"), "whole number"),
    (("add", "2025-01-01", "1", "weeks"), "not a unit of time"),
    (("add", "2025-01-01", "999999999999", "days"), "past the last representable date"),
    (("add", "2025-01-01", "999999999999", "workdays", "--calendar", "plain"),
     "past the last representable date"),
    (("add", "9999-12-01", "1", "months", "--calendar", "plain"),
     "past the last representable date"),
    (("add", "2025-01-01", "1", "days", "--calendar", "mars"), "unknown calendar 'mars'"),
    (("is-workday", "2025-02-30"), "not a date"),
    (("is-workday", "2025-01-01", "--calendar", "mars"), "known: cn"),
])
def test_bad_input_exits_2_with_a_clear_message(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output

"""A second opinion on the scenarios' due dates: every due date written in a scenario of
jurisdictions/*.test.resp, counted again on the `chinese_calendar` package.

The scenarios are hand-worked from the State Council notices, and `respons test` checks the
engine against them; this test checks the hand-work against a counter that shares no code
with respons (engine_helpers.cc_period_end). It reads the expectations as written — the
start date is the date of the scenario's record that starts the obligation, the period the
duty's — and never asks the engine. A due date the calendar cannot decide (`到期 无`,
`缺 YEAR`) is checked to fall in the year named.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
from pathlib import Path

import pytest
from engine_helpers import cc_period_end

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.engine.rights import clock_of
from respons.engine.scenarios import under_test
from respons.model.duty import Period
from respons.model.scenario import ObligationExpected, RightExpected, carried

FILES = sorted(JURISDICTIONS.glob("*.test.resp"))


def _expectations():
    report = check_paths(FILES, None)
    assert report.valid, [str(d) for d in report.diagnostics]
    for resolved in report.resolved:
        target = under_test(resolved, report.reached)
        duties = {d.name: d for d in target.regime.duties}
        # A right's window is counted as its clock is (`respons.engine.rights.clock_of`).
        rights = {r.name: clock_of(r) for r in target.regime.rights}
        for scenario in resolved.regime.scenarios:
            for expectation in scenario.expectations:
                if isinstance(expectation, ObligationExpected) and (
                        expectation.fact("due") or expectation.fact("lacks")):
                    clocks = rights if isinstance(expectation, RightExpected) else duties
                    duty = clocks[expectation.duty.text]
                    place = f"{Path(expectation.span.file).name}:{expectation.span.line}"
                    yield pytest.param(scenario, expectation, duty, id=place)


def _start(scenario, expectation, duty) -> str:
    """The date of the one record of the scenario that starts this obligation."""
    events = {ref.text for ref in duty.starts.events}
    which = expectation.which
    starts = [(record, id) for record, id in zip(scenario.records, scenario.record_ids,
                                                 strict=True)
              if record.type.text in events and (
                  which.matter is None or (record.matter is not None
                  and record.matter.text == which.matter.text))]
    if which.start is not None:
        starts = [(r, id) for r, id in starts if which.start.text in (id, r.at.text[:10])]
    assert len(starts) == 1, f"{len(starts)} records start {duty.name} here"
    if duty.due_field is not None:
        # Due on the date the record gives (期限 至 FIELD): that date, counted as a period
        # of no days — a rest day rolls to the next working day.
        [field] = [f for f in carried_fields(scenario, starts[0][0]) if f.name == duty.due_field]
        return field.value.text
    return starts[0][0].at.text[:10]


def carried_fields(scenario, record):
    """The fields of ``record`` as the scenario gives them, carried from its matter's earlier
    records (`respons.model.scenario.carried`)."""
    index = scenario.records.index(record)
    return carried(scenario.records)[index]


def _last_day(start: str, amount: int, unit: str) -> dt.date:
    """The period's last day before any roll to a working day (民法典 201–202)."""
    day = dt.date.fromisoformat(start)
    if unit == "days":
        return day + dt.timedelta(days=amount)
    months = amount * (12 if unit == "years" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, gregorian.monthrange(year, month + 1)[1]))


CASES = list(_expectations())


def test_every_scenario_file_has_due_dates_to_check():
    # A file of scenarios that expect liability only (samr: no numbered period) has none.
    with_duties = [f for f in FILES if "预期 职责" in f.read_text(encoding="utf-8")]
    files = {case.values[0].span.file for case in CASES}
    assert len(files) == len(with_duties) >= len(FILES) - 1 and len(CASES) >= 50


@pytest.mark.parametrize(("scenario", "expectation", "duty"), CASES)
def test_the_due_date_agrees_with_chinese_calendar(scenario, expectation, duty):
    if duty.period is None and duty.due_field is None:
        # A right whose period other laws give (期限 依照法律和有关规定): no last day here.
        assert expectation.fact("due").value is None
        return
    start = _start(scenario, expectation, duty)
    period = duty.period or Period(0, "days")  # due on a record's date: a period of none
    due, lacks = expectation.fact("due"), expectation.fact("lacks")
    if due is not None and due.value is not None:
        assert cc_period_end(start, int(period.amount), period.unit) == due.value.isoformat()
        extended = expectation.fact("extended")
        if extended is not None and extended.value is not None:
            [extension] = duty.extensions
            assert cc_period_end(due.value.isoformat(), int(extension.period.amount),
                                 extension.period.unit) == extended.value.isoformat()
    else:
        # Undecidable: the period ends in the year the scenario says the calendar lacks.
        assert period.unit != "workdays" and lacks is not None
        assert _last_day(start, int(period.amount), period.unit).year == lacks.value

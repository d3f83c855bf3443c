"""Helpers for the duty engine tests: records written as JSON Lines, stored with `respons
ingest`, evaluated with `respons evaluate`, all through the CLI; hand-worked expectations;
and an independent period counter on the `chinese_calendar` package for cross-checks.

The expected dates in the tests are worked out by hand from the State Council notices
(src/respons/calendar/data/cn/*.toml) and written as literals with their reasons. The
`chinese_calendar` counter below is a second, independent opinion: it shares no code
with respons, and the tests compare it with the literals, never with the engine.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import chinese_calendar

UNITS = {"workdays": "工作日", "days": "日", "months": "个月", "years": "年"}


def rec(id: str, type: str, at: str, **fields) -> dict:
    """One record: ``id``, ``type`` (kind.event), ``at`` and the kind's fields."""
    return {"id": id, "type": type, "at": at, **fields}


@dataclass(frozen=True)
class Due:
    """What one obligation must be, worked out by hand.

    ``start`` is the starting record's date, ``period`` the duty's period as
    ``(amount, unit)``, ``due`` the due date under the law on periods (None: the calendar
    has no data), ``extended`` the due date after a granted extension, ``done`` the id of
    the record that met it, ``paused`` the units a pause excluded.
    """

    start: str
    period: tuple[int, str]
    due: str | None
    state: str
    done: str | None = None
    extended: str | None = None
    paused: int = 0
    owner: str | None = "-"    # "-": not checked
    agency: str | None = "-"   # "-": not checked


class Engine:
    """Drives `respons ingest` and `respons evaluate` in one temporary folder."""

    def __init__(self, respons, folder: Path) -> None:
        self.respons = respons
        self.folder = folder
        self.store = f"sqlite:///{folder / 'store.db'}"
        self._files = 0

    def write(self, records: list[dict], name: str | None = None) -> Path:
        self._files += 1
        path = self.folder / (name or f"records-{self._files}.jsonl")
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        return path

    def ingest(self, regime, records: list[dict], store: str | None = None,
               name: str | None = None) -> None:
        path = self.write(records, name)
        result = self.respons("ingest", str(regime), str(path), "--store", store or self.store,
                              "--quiet", cwd=self.folder)
        assert result.exit_code == 0, result.stdout + result.stderr

    def run(self, regime, as_of: str | None, *, store: str | None = None,
            output: str = "json", everything: bool = True):
        args = ["evaluate", str(regime), "--store", store or self.store, "--format", output]
        if as_of:
            args += ["--as-of", as_of]
        if everything and output == "json":
            args.append("--all")
        result = self.respons(*args, cwd=self.folder)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result

    def evaluate(self, regime, as_of: str | None, *, store: str | None = None) -> dict:
        return json.loads(self.run(regime, as_of, store=store).stdout)


def by_start(document: dict) -> dict[tuple[str, str], dict]:
    """The obligations of a `--format json --all` document, by (start record, duty)."""
    out = {}
    for ob in document["obligations"]:
        key = (ob["start_id"], ob["duty"])
        assert key not in out, f"two obligations for {key}"
        out[key] = ob
    return out


def assert_obligations(document: dict, expected: dict[tuple[str, str], Due]) -> None:
    """Exactly the expected obligations, each with its start, due date, state and record."""
    got = by_start(document)
    assert sorted(got) == sorted(expected), "obligations differ from those expected"
    for key, want in expected.items():
        ob = got[key]
        where = f"{key[1]} started by {key[0]}"
        assert ob["start_date"] == want.start, where
        assert ob["due_date"] == want.due, where
        assert ob["extended_due"] == want.extended, where
        assert ob["state"] == want.state, where
        assert ob["done_id"] == want.done, where
        assert ob["paused_units"] == want.paused, where
        if want.owner != "-":
            assert ob["owner"] == want.owner, where
        if want.agency != "-":
            assert ob["agency"] == want.agency, where


def assert_breaches(document: dict, expected: dict[tuple[str, str], Due]) -> None:
    """The breaches are exactly the overdue and late obligations, with their due dates."""
    want = sorted((key[0], key[1], due.state, due.extended or due.due)
                  for key, due in expected.items() if due.state in ("overdue", "met_late"))
    got = sorted((b["start_record"], b["duty"], b["state"], b["due_date"])
                 for b in document["breaches"])
    assert got == want


# ── an independent opinion: the law on periods over `chinese_calendar` ───────────────────
def _workday(day: dt.date) -> bool:
    return chinese_calendar.is_workday(day)


def cc_period_end(start: str, amount: int, unit: str) -> str:
    """Where a period ends, counted on `chinese_calendar` (no respons code involved)."""
    day = dt.date.fromisoformat(start)
    if unit == "workdays":
        counted = 0
        while counted < amount:
            day += dt.timedelta(days=1)
            counted += _workday(day)
        return day.isoformat()
    if unit == "days":
        last = day + dt.timedelta(days=amount)
    else:
        months = amount * (12 if unit == "years" else 1)
        year, month = divmod(day.month - 1 + months, 12)
        year, month = day.year + year, month + 1
        last = dt.date(year, month, min(day.day, gregorian.monthrange(year, month)[1]))
    while not _workday(last):
        last += dt.timedelta(days=1)
    return last.isoformat()


def cross_check(due: Due, extension: tuple[int, str] | None = None) -> None:
    """The hand-worked dates of ``due`` agree with the `chinese_calendar` counter."""
    if due.due is None or due.paused:
        return
    assert cc_period_end(due.start, *due.period) == due.due
    if due.extended is not None:
        assert extension is not None
        assert cc_period_end(due.due, *extension) == due.extended


def cc_units_between(first: str, last: str, unit: str) -> int:
    """Units from the day after ``first`` up to and including ``last``, on
    `chinese_calendar`: what a pause from ``first`` to ``last`` excludes."""
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if unit != "workdays":
        return (b - a).days
    return sum(_workday(a + dt.timedelta(days=n)) for n in range(1, (b - a).days + 1))

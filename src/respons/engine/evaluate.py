"""Evaluating a regime's duties over a store, as of a date.

Each version of the regime (取代) governs the records dated from its 施行 up to the next
version's: a record is judged by the version in force when it happened. For each version
and each of its duties, one statement (``respons.engine.compile``) adds that duty's
obligations to ``resp_obligations`` inside the store. Nothing here loops over records.

The evaluation date defaults to the date of the latest record, not today's date, so the
same regime and records always give the same result (VISION: deterministic).
"""

from __future__ import annotations

import datetime as dt
import math

import attrs

from respons.check.index import Index
from respons.check.resolve import Resolved
from respons.diagnostics.diagnostic import Sink
from respons.engine.compile import COLUMNS, Compiler, Window
from respons.engine.timeline import Timeline, load_timeline
from respons.model.regime import Regime

TABLE = "resp_obligations"
NO_START, NO_END = "0000-01-01", "9999-12-31"


@attrs.frozen
class Version:
    regime: Regime
    window: Window


@attrs.frozen
class Evaluation:
    """What was evaluated: the versions and their windows, the date, the calendar years."""

    versions: tuple[Version, ...]
    as_of: str
    timelines: tuple[Timeline, ...]
    table: str = TABLE


def versions_of(resolved: Resolved) -> tuple[Version, ...]:
    """The regime's versions, oldest first, each with the dates it governs."""
    chain = [resolved.regime, *(v.regime for v in resolved.versions)]
    chain.sort(key=lambda r: r.effective or dt.date.min)
    out = []
    for index, regime in enumerate(chain):
        start = regime.effective.isoformat() if regime.effective else NO_START
        later = chain[index + 1].effective if index + 1 < len(chain) else None
        ends = [d for d in (later, regime.repealed) if d is not None]
        end = min(ends).isoformat() if ends else NO_END
        out.append(Version(regime, Window(regime.id, start, end)))
    return tuple(out)


def owner_agency(index: Index, duty) -> str | None:
    """The agency a duty's named owner belongs to: the agency itself, or the agency of the
    body or post it names (`负责 某局.法制科`). None when the owner is a record field."""
    if duty.owner is None:
        return None
    found = index.find(duty.owner)
    if found is None:
        return None
    if found.kind == "agency":
        return found.element.name
    return found.owner.name if found.kind in ("body", "post") else None


def default_as_of(store) -> str:
    """The date of the latest record (today for an empty store)."""
    latest = store.query("SELECT MAX(at_date) FROM records")[0][0]
    return latest or dt.date.today().isoformat()


def _years_needed(store, versions, as_of: str) -> tuple[int, int, tuple[int, ...]]:
    """The years the calendar tables must cover: from the earliest record that starts a
    duty in a version's window (records the regime does not govern need no calendar) to
    the latest one plus the longest period and a year of slack for pauses."""
    starts = sorted({ref.text for v in versions for d in v.regime.duties
                     for ref in d.starts.events})
    oldest = versions[0].window.start if versions else NO_START
    first = last = None
    if starts:
        marks = ", ".join("?" * len(starts))
        first, last = store.query(
            f"SELECT MIN(at_date), MAX(at_date) FROM records WHERE type IN ({marks})"
            " AND at_date >= ? AND at_date <= ?", [*starts, oldest, as_of])[0]
    first, last = first or as_of, last or as_of
    longest, months = 0, set()
    for version in versions:
        for duty in version.regime.duties:
            days = 0
            for period in (duty.period, *(e.period for e in duty.extensions)):
                # At most this many calendar days: a working day is at most 7/5 of a day
                # plus the longest holiday run; a month at most 31 days.
                days += {"days": period.amount, "workdays": period.amount * 7 / 5 + 10,
                         "months": period.amount * 31, "years": period.amount * 366}[period.unit]
                if period.unit in ("months", "years"):
                    months.add(int(period.amount) * (12 if period.unit == "years" else 1))
            longest = max(longest, days)
    end = min(int(last[:4]) + math.ceil(longest / 365) + 1, dt.MAXYEAR)
    return int(first[:4]), end, tuple(sorted(months))


def evaluate(store, resolved: Resolved, calendar_for, as_of: str | None = None) -> Evaluation:
    """Fill ``resp_obligations`` with every obligation as of ``as_of`` (ISO date).

    ``calendar_for(name)`` returns the calendar a version names (``cn`` when none).
    """
    versions = versions_of(resolved)
    as_of = as_of or default_as_of(store)
    first, last, months = _years_needed(store, versions, as_of)
    kinds = {kind.name: kind for v in versions for kind in v.regime.records}
    corrections = bool(store.query(
        "SELECT 1 FROM records WHERE corrects IS NOT NULL LIMIT 1"))
    store.create_table(TABLE, COLUMNS)
    timelines = []
    by_calendar: dict[str, list[Version]] = {}
    for version in versions:
        by_calendar.setdefault(version.regime.calendar or "cn", []).append(version)
    for name, group in sorted(by_calendar.items()):
        timelines.append(load_timeline(store, calendar_for(name), first, last, months))
        for version in group:
            index = Index(version.regime, Sink())
            for duty in version.regime.duties:
                kind = kinds[duty.starts.event.head]
                sql, params = Compiler(store, kind, duty, version.window, as_of, corrections,
                                       owner_agency(index, duty)).statement()
                store.insert_select(TABLE, sql, params)
    return Evaluation(versions, as_of, tuple(timelines))

"""Evaluating a regime's duties over a store, as of a date: one run.

Each version of the regime (取代) governs the records dated from its 施行 up to the next
version's: a record is judged by the version in force when it happened. For each version
and each of its duties, one statement (``respons.engine.compile``) adds that duty's
obligations to a temporary table inside the store; the run is then published with them
(``respons.engine.runs``). Nothing here loops over records, and nothing reads past the
ledger's head the evaluation started from, so a file ingested meanwhile changes nothing.

The evaluation date defaults to the date of the latest record up to that head, not
today's date, so the same regime and records always give the same run (VISION:
deterministic). A run already kept in the store is not computed again.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import attrs

from respons.check.index import Index
from respons.check.resolve import Resolved
from respons.diagnostics.diagnostic import Sink
from respons.engine.compile import COLUMNS, Compiler, Window
from respons.engine.owners import OwnerNames, owner_names
from respons.engine.rights import clock_of, computable
from respons.engine.runs import Run, digest_of, make_run, publish, published
from respons.engine.timeline import Timeline, build_timeline
from respons.model.regime import Regime
from respons.sql.ir import Col, Func, Lit, Param, Table, all_of, select
from respons.store.api import Head

#: The temporary table a run's obligations are computed into before they are published.
STAGED = "staged_obligations"
NO_START, NO_END = "0000-01-01", "9999-12-31"


@attrs.frozen
class Version:
    regime: Regime
    window: Window


@attrs.frozen
class Evaluation:
    """One run: what was evaluated (the versions and their windows, the date, the calendar
    years) and whether this evaluation computed it or found it already kept."""

    run: Run
    versions: tuple[Version, ...]
    as_of: str
    timelines: tuple[Timeline, ...]
    computed: bool = True


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


def owner_field_names(regime, kind, duty, cache: dict) -> OwnerNames | None:
    """Where ``duty``'s owner is a body or post field of its starting record ``kind``: the
    names of that kind by agency (`respons.engine.owners`), computed once per kind."""
    owner = duty.owner
    if owner is None or len(owner.parts) != 1:
        return None
    field = next((f for f in kind.fields if f.name == owner.head), None)
    if field is None or field.type.kind not in ("body", "post"):
        return None
    if field.type.kind not in cache:
        cache[field.type.kind] = owner_names(regime, field.type.kind)
    return cache[field.type.kind]


def _records(where=None) -> dict:
    """The FROM and WHERE of a query over the records up to the head."""
    return {"source": Table("records", "r"),
            "where": all_of(Col("r", "seq").le(Param("head")), where)}


def default_as_of(compute, head: Head) -> str:
    """The date of the latest record up to ``head`` (today for an empty store)."""
    latest = compute.query(select(Func("MAX", (Col("r", "at_date"),)), **_records()),
                           {"head": head.seq})[0][0]
    return latest or dt.date.today().isoformat()


def _clocks(regime):
    """A regime's clocks the calendar tables must cover: its duties, and the windows of
    its parties' rights (`respons.engine.rights`)."""
    return [*regime.duties, *(clock_of(r) for r in computable(regime))]


def _years_needed(compute, head: Head, versions, as_of: str) -> tuple[int, int, tuple[int, ...]]:
    """The years the calendar tables must cover: from the earliest record that starts a
    duty in a version's window (records the regime does not govern need no calendar) to
    the latest one plus the longest period and a year of slack for pauses."""
    clocks = [(v, d) for v in versions for d in _clocks(v.regime)]
    starts = sorted({ref.text for _, d in clocks for ref in d.starts.events})
    oldest = versions[0].window.start if versions else NO_START
    first = last = None
    if starts:
        types = [Param(f"t{n}") for n in range(len(starts))]
        first, last = compute.query(select(
            Func("MIN", (Col("r", "at_date"),)), Func("MAX", (Col("r", "at_date"),)),
            **_records(all_of(Col("r", "type").isin(types), Col("r", "at_date").ge(Param("from")),
                              Col("r", "at_date").le(Param("as_of"))))),
            {"head": head.seq, "from": oldest, "as_of": as_of,
             **{f"t{n}": t for n, t in enumerate(starts)}})[0]
    first, last = first or as_of, last or as_of
    longest, months = 0, set()
    for _, duty in clocks:
        days = 0
        # A window until a record's date (期限 至 FIELD) needs the years of its
        # records, already covered; one more year of slack below.
        periods = [p for p in (duty.period, *(e.period for e in duty.extensions)) if p]
        for period in periods:
            # At most this many calendar days: a working day is at most 7/5 of a day
            # plus the longest holiday run; a month at most 31 days.
            days += {"days": period.amount, "workdays": period.amount * 7 / 5 + 10,
                     "months": period.amount * 31, "years": period.amount * 366}[period.unit]
            if period.unit in ("months", "years"):
                months.add(int(period.amount) * (12 if period.unit == "years" else 1))
        longest = max(longest, days)
    end = min(int(last[:4]) + math.ceil(longest / 365) + 1, dt.MAXYEAR)
    return int(first[:4]), end, tuple(sorted(months))


def regime_digest(resolved: Resolved) -> str:
    """The SHA-256 of the regime's text and of every version and regime it builds on."""
    texts = [resolved.parsed.text, *resolved.inherited_texts]
    for version in resolved.versions:
        texts += [version.parsed.text, *version.inherited_texts]
    return digest_of(texts)


def evaluate(store, resolved: Resolved, calendar_for, as_of: str | None = None,
             head: Head | None = None, gate: Callable[[], None] | None = None
             ) -> Evaluation:
    """Evaluate ``resolved`` over the ledger up to ``head`` (the ledger's head when none is
    given) as of ``as_of`` (ISO date): the run, computed and published unless it already
    was. ``calendar_for(name)`` returns the calendar a version names (``cn`` when none).
    ``gate()``, where given, is called once the run is computed and before it is published
    or returned — where the chain verified beside the computation is awaited, and raises
    to stop a run of a chain that does not verify from being kept or reported."""
    compute = store.compute
    head = head or store.ledger.head()
    versions = versions_of(resolved)
    as_of = as_of or default_as_of(compute, head)
    first, last, months = _years_needed(compute, head, versions, as_of)
    by_calendar: dict[str, list[Version]] = {}
    for version in versions:
        by_calendar.setdefault(version.regime.calendar or "cn", []).append(version)
    timelines = {name: build_timeline(calendar_for(name), first, last, months)
                 for name in sorted(by_calendar)}
    run = make_run(versions[-1].regime.id, regime_digest(resolved),
                   digest_of(t.digest for t in timelines.values()), as_of, head)
    if published(compute, run):
        # The same inputs were evaluated before: their results are kept. The calendar
        # tables are still loaded, for the report's working-day arithmetic.
        for timeline in timelines.values():
            timeline.load(compute)
        if gate is not None:
            gate()
        return Evaluation(run, versions, as_of, tuple(timelines.values()), computed=False)
    corrections = bool(compute.query(select(
        Lit(1), **_records(Col("r", "corrects").not_null()), limit=1), {"head": head.seq}))
    compute.temp_table(STAGED, COLUMNS)
    dialect = store.dialect
    for name, group in by_calendar.items():
        timelines[name].load(compute)
        for version in group:
            index = Index(version.regime, Sink())
            kinds = {kind.name: kind for kind in version.regime.records}
            definitions = {c.name: c.condition for c in version.regime.conditions
                           if c.condition is not None}
            names: dict = {}
            for duty in version.regime.duties:
                kind = kinds[duty.starts.event.head]
                statement = Compiler(
                    kind, duty, version.window, as_of, head.seq,
                    first_row=dialect.first_row, materialize=dialect.materialize_hint,
                    corrections=corrections, owner_agency=owner_agency(index, duty),
                    owner_names=owner_field_names(version.regime, kind, duty, names),
                    definitions=definitions).compile()
                compute.insert(STAGED, statement.query, statement.params)
    if gate is not None:
        gate()
    computed = publish(compute, run, STAGED)
    return Evaluation(run, versions, as_of, tuple(timelines.values()), computed=computed)

"""Proposals kept under the run: each fault case's result, as `respons liability` gives it.

Like obligations, what a run proposed is kept in the store (table ``liability_proposals``,
`respons.store.results.LIABILITY_PROPOSALS`) under the run's id, so that a run's results can be
read back and audited after the fact. The same run (same regime, head and date) proposes
the same, so a case already kept under a run is not written again; a run that looked at
one case (`--case`) or one year keeps those, and a later call under the same run adds the
others. Written in one transaction: a reader sees a call's cases all at once or none.

A province-year is tens of thousands of rows: their details are written before the
transaction (for the cases not kept yet), and appended in bulk inside it
(`Compute.append_rows`: the backend's executemany or COPY), after looking once more at
what the run holds — another call may have kept some in the meantime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from respons.sql.ir import Col, Param, Table, select
from respons.store.results import LIABILITY_PROPOSALS


def _kept(compute, run: str) -> set[tuple[str, str]]:
    """(proceeding, record) of every case kept under ``run``."""
    return set(compute.query(select(
        Col("k", "proceeding"), Col("k", "record"), source=Table("liability_proposals", "k"),
        where=Col("k", "run").eq(Param("run"))), {"run": run}))


def keep(compute, run: str, results: Iterable, detail: Callable[[object], str]) -> int:
    """Keep each case of ``results`` (`respons.engine.liability.CaseResult`) not yet kept
    under ``run``, with ``detail(case)`` — its canonical JSON text — as its detail; the
    number written."""
    results = list(results)
    if not results:
        return 0
    kept = _kept(compute, run)
    names = LIABILITY_PROPOSALS.names
    rows = []
    for case in results:
        key = (case.proceeding.name, case.record)
        if key in kept:
            continue
        kept.add(key)
        row = {"run": run, "proceeding": case.proceeding.name, "record": case.record,
               "matter": case.matter, "date": case.date, "fault": case.fault,
               "pursued": int(any(o.pursued for o in case.outcomes)), "detail": detail(case)}
        rows.append(tuple(row[name] for name in names))
    if not rows:
        return 0
    proceeding, record = names.index("proceeding"), names.index("record")
    with compute.transaction():
        now = _kept(compute, run)
        if now:
            rows = [row for row in rows if (row[proceeding], row[record]) not in now]
        return compute.append_rows("liability_proposals", rows) if rows else 0

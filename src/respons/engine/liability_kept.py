"""Proposals kept under the run: each fault case's result, as `respons liability` gives it.

Like obligations, what a run proposed is kept in the store (table ``liability_proposals``,
`respons.store.results.LIABILITY_PROPOSALS`) under the run's id, so that a run's results can be
read back and audited after the fact. The same run (same regime, head and date) proposes
the same, so a case already kept under a run is not written again; a run that looked at
one case (`--case`) or one year keeps those, and a later call under the same run adds the
others. Written in one transaction: a reader sees a call's cases all at once or none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from respons.records.canonical import canonical_json
from respons.sql.ir import Col, Param, Table, select
from respons.store.results import LIABILITY_PROPOSALS


def keep(compute, run: str, results: Iterable, detail: Callable[[object], dict]) -> int:
    """Keep each case of ``results`` (`respons.engine.liability.CaseResult`) not yet kept
    under ``run``, with ``detail(case)`` as its JSON; the number written."""
    results = list(results)
    if not results:
        return 0
    written = 0
    with compute.transaction():
        kept = {(proceeding, record) for proceeding, record in compute.query(select(
            Col("k", "proceeding"), Col("k", "record"), source=Table("liability_proposals", "k"),
            where=Col("k", "run").eq(Param("run"))), {"run": run})}
        for case in results:
            key = (case.proceeding.name, case.record)
            if key in kept:
                continue
            kept.add(key)
            row = {"run": run, "proceeding": case.proceeding.name, "record": case.record,
                   "matter": case.matter, "date": case.date, "fault": case.fault,
                   "pursued": int(any(o.pursued for o in case.outcomes)),
                   "detail": canonical_json(detail(case))}
            compute.insert("liability_proposals",
                           select(*(Param(name) for name in LIABILITY_PROPOSALS.names)), row)
            written += 1
    return written

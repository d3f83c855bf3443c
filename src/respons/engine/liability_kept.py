"""Proposals kept under the run: each fault case's result, as `respons liability` gives it.

Like obligations, what a run proposed is kept in the store (table ``liability_proposals``,
`respons.store.results.LIABILITY_PROPOSALS`) under the run's id, so that a run's results can be
read back and audited after the fact. The same run (same regime, head and date) proposes
the same, so a case already kept under a run is not written again; a run that looked at
one case (`--case`) or one year keeps those, and a later call under the same run adds the
others. Written in one transaction: a reader sees a call's cases all at once or none.

A province-year is tens of thousands of rows: they are staged in a temporary table (the
backend's bulk insert: executemany, COPY) and copied in one statement, which skips any
case another call kept under the run in the meantime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from respons.sql import ir
from respons.sql.ir import Col, Lit, Param, Table, all_of, select
from respons.store.results import LIABILITY_PROPOSALS

#: The temporary table the rows are staged in (this connection's only).
STAGED = "liability_keeping"


def keep(compute, run: str, results: Iterable, detail: Callable[[object], str]) -> int:
    """Keep each case of ``results`` (`respons.engine.liability.CaseResult`) not yet kept
    under ``run``, with ``detail(case)`` — its canonical JSON text — as its detail; the
    number written."""
    results = list(results)
    if not results:
        return 0
    # The details are written only for cases not kept yet (a second report of the same
    # run writes nothing); the copy below checks again, inside the transaction.
    kept = set(compute.query(select(
        Col("k", "proceeding"), Col("k", "record"), source=Table("liability_proposals", "k"),
        where=Col("k", "run").eq(Param("run"))), {"run": run}))
    rows = []
    for case in results:
        key = (case.proceeding.name, case.record)
        if key in kept:
            continue
        kept.add(key)
        rows.append((run, case.proceeding.name, case.record, case.matter, case.date,
                     case.fault, int(any(o.pursued for o in case.outcomes)), detail(case)))
    if not rows:
        return 0
    compute.temp_table(STAGED, [(name, kind.rstrip("?")) for name, kind
                                in LIABILITY_PROPOSALS.columns], rows)
    already = ir.Exists(select(Lit(1), source=Table("liability_proposals", "k"), where=all_of(
        Col("k", "run").eq(Col("s", "run")), Col("k", "proceeding").eq(Col("s", "proceeding")),
        Col("k", "record").eq(Col("s", "record")))), negate=True)
    with compute.transaction():
        compute.insert("liability_proposals", select(
            *(Col("s", name) for name in LIABILITY_PROPOSALS.names), source=Table(STAGED, "s"),
            where=already))
    return len(rows)

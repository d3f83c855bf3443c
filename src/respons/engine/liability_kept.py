"""Proposals kept under the run: each fault case's result, as `respons liability` gives it.

Like obligations, what a run proposed is kept in the store (table ``liability_proposals``,
`respons.store.results.LIABILITY_PROPOSALS`) under the run's id, so that a run's results can be
read back and audited after the fact. The same run (same regime, head and date) proposes
the same, so a case already kept under a run is not written again; a run that looked at
one case (`--case`) or one year keeps those, and a later call under the same run adds the
others. Written in one transaction: a reader sees a call's cases all at once or none.

A province-year is tens of thousands of cases, and most of what each one's detail says —
the fault, the circumstances that held, the ladders' steps, modifiers and measures with
their citations — is the same for every case of the same facts: that part is kept once per
run and decision (``liability_decisions``), and each case's row holds what is its own (its
ids and date, its bearers, who decides, what its counts found) with the decision's id;
`whole` joins the two back into the case as the JSON report gives it (docs/liability.md,
"Kept under the run"). A case of no decision (a standing fault's, or one where a measure
falls on someone its file names) keeps its whole detail, its decision NULL — as every row
of a store of schema 5 did.

The details are written before the transaction (for the cases not kept yet), and appended
in bulk inside it (`Compute.append_rows`: the backend's executemany or COPY), after looking
once more at what the run holds — another call may have kept some in the meantime.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from respons.records.canonical import canonical_json
from respons.sql.ir import Col, Param, Table, select
from respons.store.results import LIABILITY_DECISIONS, LIABILITY_PROPOSALS


def _kept(compute, run: str) -> set[tuple[str, str]]:
    """(proceeding, record) of every case kept under ``run``."""
    return set(compute.query(select(
        Col("k", "proceeding"), Col("k", "record"), source=Table("liability_proposals", "k"),
        where=Col("k", "run").eq(Param("run"))), {"run": run}))


def _decisions(compute, run: str) -> set[str]:
    """The id of every decision kept under ``run``."""
    return {decision for (decision,) in compute.query(select(
        Col("d", "decision"), source=Table("liability_decisions", "d"),
        where=Col("d", "run").eq(Param("run"))), {"run": run})}


def keep(compute, run: str, results: Iterable, writer) -> int:
    """Keep each case of ``results`` (`respons.engine.liability.CaseResult`) not yet kept
    under ``run``, as ``writer.kept(case)`` (`respons.report.liability_detail.DetailWriter`)
    splits its detail; the number of cases written."""
    results = list(results)
    if not results:
        return 0
    kept = _kept(compute, run)
    names = LIABILITY_PROPOSALS.names
    rows, shared = [], {}
    for case in results:
        key = (case.proceeding.name, case.record)
        if key in kept:
            continue
        kept.add(key)
        decision, common, own = writer.kept(case)
        if decision is not None:
            shared[decision] = common
        row = {"run": run, "proceeding": case.proceeding.name, "record": case.record,
               "matter": case.matter, "date": case.date, "fault": case.fault,
               "pursued": int(any(o.pursued for o in case.outcomes)), "detail": own,
               "decision": decision}
        rows.append(tuple(row[name] for name in names))
    if not rows:
        return 0
    proceeding, record = names.index("proceeding"), names.index("record")
    with compute.transaction():
        now = _kept(compute, run)
        if now:
            rows = [row for row in rows if (row[proceeding], row[record]) not in now]
        have = _decisions(compute, run)
        # Sorted: the same rows in the same order whatever order the cases came in.
        new = [tuple({"run": run, "decision": decision, "detail": shared[decision]}[name]
                     for name in LIABILITY_DECISIONS.names)
               for decision in sorted(shared) if decision not in have]
        if new:
            compute.append_rows("liability_decisions", new)
        return compute.append_rows("liability_proposals", rows) if rows else 0


def whole(shared: str | None, own: str) -> str:
    """A kept case's detail as the JSON report gives it (canonical JSON): ``own`` — its
    row's ``detail`` — joined with ``shared``, its decision's (None: ``own`` is whole).
    The case's own members take their places, and each of its ``counts`` completes the
    circumstance of that name with its ``count`` and ``records``."""
    if shared is None:
        return own
    data = json.loads(shared)
    mine = json.loads(own)
    counts = mine.pop("counts")
    data.update(mine)
    for circumstance in data["circumstances"]:
        found = counts.get(circumstance["name"])
        if found is not None:
            circumstance.update(found)
    return canonical_json(data)


def read(compute, run: str) -> dict[tuple[str, str], str]:
    """(proceeding, record) → the whole detail of every case kept under ``run``."""
    decisions = dict(compute.query(select(
        Col("d", "decision"), Col("d", "detail"), source=Table("liability_decisions", "d"),
        where=Col("d", "run").eq(Param("run"))), {"run": run}))
    rows = compute.query(select(
        Col("p", "proceeding"), Col("p", "record"), Col("p", "decision"), Col("p", "detail"),
        source=Table("liability_proposals", "p"), where=Col("p", "run").eq(Param("run"))),
        {"run": run})
    return {(proceeding, record): whole(decisions.get(decision) if decision else None, own)
            for proceeding, record, decision, own in rows}

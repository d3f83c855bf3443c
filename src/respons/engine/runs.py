"""Runs: every evaluation is one, named by what it read, and its results are kept under it.

A run's id is derived from everything its results depend on: the text of the regime and of
every regime it builds on, the calendar data loaded, the ledger's head (seq and hash) it
read up to, the date it judged as of, and the engine's version. The same inputs make the
same run — and the same results, byte for byte — so evaluating twice keeps one copy and
reports the same run; different inputs make different runs, which never overwrite each
other (VISION: every report names its run and head).

Results are computed into temporary tables of the evaluation's own connection and then
published in one transaction together with the run's row (`publish`): a reader sees a
whole run or none of it, and two evaluations at the same moment — of one regime or two —
never see each other's half-made results.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import attrs

from respons import __version__
from respons.records.canonical import canonical_json
from respons.sql.ir import Col, CountAll, Lit, Param, Table, select
from respons.store.api import Head
from respons.store.results import OBLIGATIONS, RUNS

#: Changes whenever what the engine computes from the same inputs changes, so that a run
#: made by another engine is another run.
ENGINE_VERSION = "2"
ENGINE = f"respons {__version__} engine {ENGINE_VERSION}"


@attrs.frozen
class Run:
    """One evaluation: what it read, and its id."""

    id: str
    regime: str
    regime_sha256: str
    calendar_sha256: str
    as_of: str
    head: Head
    engine: str = ENGINE


def make_run(regime: str, regime_sha256: str, calendar_sha256: str, as_of: str,
             head: Head) -> Run:
    """The run of these inputs; its id is the first 16 hex digits of their SHA-256."""
    inputs = {"regime": regime, "regime_sha256": regime_sha256, "calendar": calendar_sha256,
              "as_of": as_of, "head_seq": head.seq, "head_hash": head.hash, "engine": ENGINE}
    digest = hashlib.sha256(canonical_json(inputs).encode("utf-8")).hexdigest()
    return Run(digest[:16], regime, regime_sha256, calendar_sha256, as_of, head)


def digest_of(texts) -> str:
    """The SHA-256 of several texts together (a regime and those it builds on), each
    framed, so that no two lists of texts give the same digest."""
    return hashlib.sha256(canonical_json(list(texts)).encode("utf-8")).hexdigest()


def published(compute, run: Run) -> bool:
    """Whether the run is already kept in the store."""
    found = compute.query(select(Lit(1), source=Table("runs", "r"),
                                 where=Col("r", "run").eq(Param("run"))), {"run": run.id})
    return bool(found)


def publish(compute, run: Run, staged: str) -> bool:
    """Keep ``run`` and the obligations of the temporary table ``staged`` (its columns
    the results table's but the run) under its id, in one transaction. False when the
    same run was already kept — by an earlier evaluation, or one that finished first:
    its results are the same, so nothing is written twice."""
    with compute.transaction():
        if published(compute, run):
            return False
        count = compute.query(select(CountAll(), source=Table(staged, "t")))[0][0]
        row = {"run": run.id, "regime": run.regime, "regime_sha256": run.regime_sha256,
               "calendar_sha256": run.calendar_sha256, "as_of": run.as_of,
               "head_seq": run.head.seq, "head_hash": run.head.hash, "engine": run.engine,
               "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
               "obligations": count}
        compute.insert("runs", select(*(Param(name) for name in RUNS.names)), row)
        compute.insert("obligations", select(
            Param("run"), *(Col("t", name) for name in OBLIGATIONS.names[1:]),
            source=Table(staged, "t")), {"run": run.id})
    return True

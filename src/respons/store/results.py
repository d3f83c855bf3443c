"""The results tables: what an evaluation run computed, kept apart from the ledger.

Every evaluation is a run (``runs``: what it read — the regime, the ledger up to a head —
and the date it judged as of); every row it computed is kept under its run id, so two runs
never overwrite each other and a report reads exactly one. A run's rows are published in
one transaction with its ``runs`` row (`respons.engine.runs`): a reader sees all of a run or
none of it. The columns are declared here once; the schema creates the tables from them
and the engine fills them in this order.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class ResultTable:
    """A table of results: ``columns`` are (name, portable type) pairs — ``text``,
    ``integer``, ``seq``; a trailing ``?`` allows NULL; ``key`` its primary key."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self, dialect) -> list[str]:
        columns = [f"{dialect.identifier(name)} {dialect.type_name(kind.rstrip('?'))}"
                   + ("" if kind.endswith("?") else " NOT NULL") for name, kind in self.columns]
        statements = [f"CREATE TABLE {self.name} ({', '.join(columns)}, "
                      f"PRIMARY KEY ({dialect.columns(self.key)}))"]
        statements += [f"CREATE INDEX {self.name}_{'_'.join(index)} ON {self.name} "
                       f"({dialect.columns(index)})" for index in self.indexes
                       if dialect.secondary_indexes]
        return statements


#: One row per run. ``run`` is derived from what the run read (`respons.engine.runs`): the
#: same regime, calendar, head and date give the same run, and the same results.
RUNS = ResultTable("runs", (
    ("run", "text"), ("regime", "text"), ("regime_sha256", "text"), ("calendar_sha256", "text"),
    ("as_of", "text"), ("head_seq", "seq"), ("head_hash", "text"), ("engine", "text"),
    ("created_at", "text"), ("obligations", "integer"),
), key=("run",))

#: Every obligation of every duty, per run (docs/evaluate.md, "Obligations").
OBLIGATIONS = ResultTable("obligations", (
    ("run", "text"), ("duty", "text"), ("regime", "text"), ("start_seq", "seq"),
    ("start_id", "text"), ("matter", "text?"), ("start_date", "text"), ("due_date", "text?"),
    ("extended_due", "text?"), ("paused_units", "integer"), ("done_id", "text?"),
    ("done_date", "text?"), ("agency", "text?"), ("owner", "text?"), ("state", "text"),
), key=("run", "regime", "duty", "start_seq"),
    # (run, agency, state) covers the summary's count by agency and state: an index scan,
    # no table read and no sort, for a province's million obligations.
    indexes=(("run", "state"), ("run", "agency", "state")))

#: One row per assessment a run scored for a period (docs/assess.md): that it was scored,
#: and for how many subjects — so that a period with no subjects is told from one never
#: scored. ``period`` is the period's first day (2025-01-01 for the year 2025).
ASSESSMENTS = ResultTable("assessments", (
    ("run", "text"), ("assessment", "text"), ("period", "text"), ("until", "text"),
    ("subjects", "integer"),
), key=("run", "assessment", "period"))

#: Each subject's result: the total as the exact decimal text the scheme gave (NULL where
#: it gives no points), the grade, the veto that fixed it, and ``detail``, the canonical
#: JSON of its items, vetoes and consequences (docs/assess.md, "JSON").
ASSESSMENT_SCORES = ResultTable("assessment_scores", (
    ("run", "text"), ("assessment", "text"), ("period", "text"), ("subject", "text"),
    ("total", "text?"), ("grade", "text?"), ("vetoed_by", "text?"), ("detail", "text"),
), key=("run", "assessment", "period", "subject"))

#: The records behind every count: ``counter`` names a deduction, finding or veto count
#: of the assessment (``d:ITEM:N``, ``f:ITEM:N``, ``v:N:M``), ``record`` the record's id
#: (for a breach, the id of the record that started the obligation).
ASSESSMENT_EVIDENCE = ResultTable("assessment_evidence", (
    ("run", "text"), ("assessment", "text"), ("period", "text"), ("counter", "text"),
    ("subject", "text"), ("record", "text"),
), key=("run", "assessment", "period", "counter", "subject", "record"))

#: The tables each schema version adds (`respons.store.schema`).
TABLES_OF_VERSION = {3: (RUNS, OBLIGATIONS), 4: (ASSESSMENTS, ASSESSMENT_SCORES,
                                                  ASSESSMENT_EVIDENCE)}

#: name → table, every results table (``runs`` first).
RESULT_TABLES = {table.name: table for version in sorted(TABLES_OF_VERSION)
                 for table in TABLES_OF_VERSION[version]}

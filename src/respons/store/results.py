"""The results tables: what an evaluation run computed, kept apart from the ledger.

Every evaluation is a run (``runs``: what it read — the regime, the ledger up to a head —
and the date it judged as of); every row it computed is kept under its run id, so two runs
never overwrite each other and a report reads exactly one. A run's rows are published in
one transaction with its ``runs`` row (`respons.engine.runs`): a reader sees all of a run or
none of it. The columns are declared here once; the schema creates the tables from them
and the engine fills them in this order.

Registers are results that outlive a run: ``notice_numbers`` holds every document number
(发文字号) ever issued, so that a number is never issued twice, even across runs
(`respons.store.numbers`). They are written in the same transactions, and only appended to.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class ResultTable:
    """A table of results: ``columns`` are (name, portable type) pairs — ``text``,
    ``integer``, ``seq``; a trailing ``?`` allows NULL; ``key`` its primary key; ``unique``
    column lists no two rows may share; ``since`` the schema version that created it
    (`respons.store.schema`)."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    since: int = 3

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self, dialect) -> list[str]:
        columns = [f"{dialect.identifier(name)} {dialect.type_name(kind.rstrip('?'))}"
                   + ("" if kind.endswith("?") else " NOT NULL") for name, kind in self.columns]
        constraints = [f"PRIMARY KEY ({dialect.columns(self.key)})"]
        constraints += [f"UNIQUE ({dialect.columns(columns)})" for columns in self.unique]
        statements = [f"CREATE TABLE {self.name} ({', '.join(columns + constraints)})"]
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
), key=("run", "assessment", "period"), since=4)

#: Each subject's result: the total as the exact decimal text the scheme gave (NULL where
#: it gives no points), the grade, the veto that fixed it, and ``detail``, the canonical
#: JSON of its items, vetoes and consequences (docs/assess.md, "JSON").
ASSESSMENT_SCORES = ResultTable("assessment_scores", (
    ("run", "text"), ("assessment", "text"), ("period", "text"), ("subject", "text"),
    ("total", "text?"), ("grade", "text?"), ("vetoed_by", "text?"), ("detail", "text"),
), key=("run", "assessment", "period", "subject"), since=4)

#: The records behind every count: ``counter`` names a deduction, finding or veto count
#: of the assessment (``d:ITEM:N``, ``f:ITEM:N``, ``v:N:M``), ``record`` the record's id
#: (for a breach, the id of the record that started the obligation).
ASSESSMENT_EVIDENCE = ResultTable("assessment_evidence", (
    ("run", "text"), ("assessment", "text"), ("period", "text"), ("counter", "text"),
    ("subject", "text"), ("record", "text"),
), key=("run", "assessment", "period", "counter", "subject", "record"),
    since=4)

#: Every document number issued (docs/notices.md, "Document numbers"): one row per number,
#: appended, never changed. ``series`` is the issuing authority and the 发文机关代字 of the
#: pattern (GB/T 9704-2012 7.2.5: 代字, 年份, 顺序号): numbers run 1, 2, 3 … without gaps per
#: series and year. ``outcome`` is what the notice was issued on, so that issuing the same
#: notice on the same outcome again finds its number rather than taking a new one.
#: Schema 5 chains them (`respons.store.register`): ``entry`` is the row's place in the order
#: numbers were issued over the whole store (1, 2, 3 …), ``content_hash`` the hash of the
#: columns before it and ``chain_hash`` its link.
NOTICE_NUMBERS = ResultTable("notice_numbers", (
    ("series", "text"), ("year", "integer"), ("seq", "integer"), ("number", "text"),
    ("regime", "text"), ("notice", "text"), ("outcome", "text"), ("issued_on", "text"),
    ("run", "text"), ("issued_at", "text"), ("entry", "integer"), ("content_hash", "text"),
    ("chain_hash", "text"),
), key=("series", "year", "seq"), unique=(("regime", "notice", "outcome"), ("entry",)),
    since=5)
#: The register as schema 4 created it, before the chain: what the migration starts from.
NOTICE_NUMBERS_V4 = attrs.evolve(NOTICE_NUMBERS, columns=NOTICE_NUMBERS.columns[:10],
                                 unique=NOTICE_NUMBERS.unique[:1], since=4)

#: Each fault case's proposal a run made (docs/liability.md, "Kept under the run"): the
#: proceeding, the case record, its matter and date, the fault, whether any ladder pursues
#: it, and ``detail``, canonical JSON. With ``decision`` NULL, ``detail`` is the case as
#: `respons liability --format json` gives it (its circumstances and records, steps,
#: modifiers, measures, bearers, who decides); with a ``decision`` (schema 6), it holds
#: what the case has of its own (its ids, date, bearers, parties, counted records) and
#: the rest — what every case of the same facts shares — is that decision's row of
#: ``liability_decisions``, kept once per run: a province-year's cases share a few dozen.
LIABILITY_PROPOSALS = ResultTable("liability_proposals", (
    ("run", "text"), ("proceeding", "text"), ("record", "text"), ("matter", "text?"),
    ("date", "text"), ("fault", "text?"), ("pursued", "integer"), ("detail", "text"),
    ("decision", "text?"),
), key=("run", "proceeding", "record"), since=4)
#: The proposals as schema 4 created them, before ``decision``: what the migration starts from.
LIABILITY_PROPOSALS_V4 = attrs.evolve(LIABILITY_PROPOSALS,
                                      columns=LIABILITY_PROPOSALS.columns[:-1])

#: What the cases of one decision share (schema 6): ``decision`` its id (the SHA-256 of
#: ``detail``, hex), ``detail`` the canonical JSON of a
#: case without its own members, which `respons.engine.liability_kept.whole` puts back.
LIABILITY_DECISIONS = ResultTable("liability_decisions", (
    ("run", "text"), ("decision", "text"), ("detail", "text"),
), key=("run", "decision"), since=6)

#: name → table, every results table (``runs`` first) and register, in the order their
#: schema versions create them.
RESULT_TABLES = {table.name: table for table in (RUNS, OBLIGATIONS, ASSESSMENTS,
                                                 ASSESSMENT_SCORES, ASSESSMENT_EVIDENCE,
                                                 LIABILITY_PROPOSALS, NOTICE_NUMBERS,
                                                 LIABILITY_DECISIONS)}

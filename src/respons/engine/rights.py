"""A party's right windows (权利期间): when each opened, when it closes, whether it was used.

A right (`权利 X { 起算 E; 期限 N 日 | 至 FIELD; 行使 E2; 权利人 F }`) is a clock like a duty's
— opened by a record, closed by a period or by a date the record gives, ended by the
record that exercises it — and is computed the same way, as one SQL statement in the store
over the same calendar tables (`respons.engine.compile`). What differs is what the clock
means: it is no one's duty. A window that passes unused has *lapsed* (已届满): the right is
gone, and nobody is in breach; one exercised after it closed was exercised *late* (逾期行使)
— out of time, for whoever decides on it to refuse. So windows are not obligations: they
are not kept in the run's results, count in no agency's totals and raise no fault; the
report lists them apart (heilongjiang 第三十九条 复核, henan 第二十五条 申诉, guizhou-edu
第十四条第（三）项 提请复查).

The last day of a window counted in days rolls past a rest day, as any period's does
(民法典 第二百零三条); a window until a date a record gives ends on that date, rolled the
same way. A right whose period the regime leaves to other laws (期限 依照法律和有关规定 —
jilin-city 第三十九条第二款: 复核、申诉 "依照法律和有关规定") has no last day here: its window
is open (可行使) until a record exercises it (已行使), never lapsed nor late.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from respons.engine.compile import Compiler
from respons.model.base import Ref
from respons.model.duty import Duty, Trigger
from respons.model.liability import Right
from respons.store.results import OBLIGATIONS

#: The columns of the clock's rows: an obligation's, without the run.
_NAMES = OBLIGATIONS.names[1:]

#: The clock's state → the window's (docs/evaluate.md, "Rights"; `RIGHT_STATES` in a
#: scenario). A window cannot be paused.
WINDOW_STATES = {"met": "exercised", "met_late": "exercised_late", "open": "open",
                 "overdue": "lapsed", "unknown": "unknown"}


def clock_of(right: Right) -> Duty:
    """The clock beneath a right: opened by its start, due at the end of its window, met
    by the record that exercises it; "owned" by its holder, the starting record's field
    that names who may exercise it (no one is responsible for a right)."""
    holder = Ref((right.holder,)) if right.holder else None
    return Duty(right.name, starts=Trigger(right.starts, right.where), period=right.period,
                period_citation=right.period_citation, due_field=right.until_field,
                met_by=right.exercised_by, owner=holder, citation=right.citation)


def computable(regime) -> Iterator[Right]:
    """The rights of ``regime`` whose window can be computed: a start and an end — or no
    end of the regime's own (期限 依照法律和有关规定: open until exercised)."""
    for right in regime.rights:
        if right.starts is not None and (right.period is not None or right.until_field
                                         or right.by_law):
            yield right


@attrs.frozen
class Window:
    """One window of a right, as of the evaluation's date: ``closes`` is its last day
    (None where the calendar lacks the year, or the record lacks the date), ``exercised_*``
    the record that used it, ``holder`` the value of the field naming who may."""

    right: str
    regime: str
    matter: str | None
    start_id: str
    start_date: str
    closes: str | None
    exercised_id: str | None
    exercised_date: str | None
    holder: str | None
    state: str
    suspends: bool
    citation: object = None
    #: 期限 依照法律和有关规定: the regime gives no period; ``closes`` is None and the
    #: window never lapses here (open, or exercised — never late).
    by_law: bool = False

    def as_json(self, cite) -> dict:
        return {"right": self.right, "regime": self.regime, "matter": self.matter,
                "start_record": self.start_id, "start_date": self.start_date,
                "closes": self.closes, "exercised_by": self.exercised_id,
                "exercised_date": self.exercised_date, "holder": self.holder,
                "state": self.state, "suspends_decision": self.suspends,
                "citation": cite(self.citation), "period_by_law": self.by_law}


def windows(store, evaluation, rows: bool = False) -> list:
    """Every window the rights of the evaluated versions opened up to the run's head, as
    of its date, ordered by (last day, right, matter, start): `Window` s, or with ``rows``
    the clock's rows as obligations are shaped (for scenarios, which compare both alike).
    The evaluation has loaded the calendar tables these statements join."""
    compute, dialect = store.compute, store.dialect
    head = evaluation.run.head.seq
    found: list = []
    for version in evaluation.versions:
        regime = version.regime
        kinds = {kind.name: kind for kind in regime.records}
        definitions = {c.name: c.condition for c in regime.conditions
                       if c.condition is not None}
        for right in computable(regime):
            kind = kinds.get(right.starts.head)
            if kind is None:  # a start `respons check` refuses (R0401)
                continue
            statement = Compiler(kind, clock_of(right), version.window, evaluation.as_of,
                                 head, first_row=dialect.first_row,
                                 materialize=dialect.materialize_hint,
                                 definitions=definitions).compile()
            for row in compute.query(statement.query, statement.params):
                found.append(_row(dict(zip(_NAMES, row, strict=True)), right, rows))
    if rows:
        return sorted(found, key=lambda r: (r["due_date"] or "", r["duty"], r["start_seq"]))
    return sorted(found, key=lambda w: (w.closes or "\uffff", w.right, w.matter or "",
                                        w.start_date, w.start_id))


def _row(row: dict, right: Right, raw: bool):
    if raw:
        return row
    return Window(row["duty"], row["regime"], row["matter"], row["start_id"],
                  row["start_date"], row["extended_due"] or row["due_date"], row["done_id"],
                  row["done_date"], None if right.holder is None else row["owner"],
                  WINDOW_STATES[row["state"]], right.suspends, right.citation, right.by_law)


def open_windows(found: Iterable[Window]) -> list[Window]:
    """The windows still open: what a party may yet do (the report lists these first)."""
    return [w for w in found if w.state == "open"]

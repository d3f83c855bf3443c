"""Liability (责任追究) over a store: for each fault case, the measures each ladder proposes,
who bears them, who decides — with every circumstance and the records behind it.

For each proceeding (追究) of the regime: its cases and case files and every count its
ladders and 责任划分 ask are read from the store as SQL (``respons.engine.liability_sql``);
then, case by case, each ladder is applied (``respons.engine.ladder``) and the fault
attributed (``respons.engine.attribution``). The result is plain data for the report
(``respons.report.liability``); nothing is guessed — a case file that does not name the
fault, or names one the regime does not declare, is reported as such.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import operator

import attrs

from respons.check.index import Index
from respons.diagnostics.diagnostic import Sink
from respons.engine import attribution, ladder
from respons.engine.liability_decide import Decider
from respons.engine.liability_sql import Queries, Selection
from respons.model.condition import refs_in
from respons.model.liability import Proceeding
from respons.model.record import RecordKind
from respons.model.regime import Regime
from respons.model.vocab import SUBJECTS
from respons.store.api import Head


@attrs.frozen
class CaseResult:
    """One case under one proceeding."""

    proceeding: Proceeding
    seq: int
    record: str
    matter: str | None
    date: str
    fields: dict
    fault: str | None
    fault_known: bool
    circumstances: tuple[ladder.Circumstance, ...]
    outcomes: tuple[ladder.Outcome, ...]
    shares: tuple[attribution.Share, ...]
    decided_by: str | None
    proposed_by: str | None
    defence: bool
    #: The record kind of the case record (None for a standing fault's case).
    kind: RecordKind | None = None
    #: The named conditions (条件) decided for the case, name → whether it held: with
    #: ``circumstances``, what a scenario's `从重 X`/`因 X` is compared with.
    conditions: tuple[tuple[str, bool], ...] = ()
    #: What the case shares with every case of the same facts — the same outcomes, the
    #: same circumstances but for what a count found (`liability_decide.Decision`) — so
    #: that a report writes that part once; None where nothing is shared. Not part of
    #: the result: two results that differ only in it are equal.
    decision: object = attrs.field(default=None, eq=False, repr=False)
    #: The names the case file's 认定 field gives that the regime declares as neither a
    #: circumstance nor a fault (a misspelling, say): they change nothing, and the report
    #: says so rather than passing over them.
    found_undeclared: tuple[str, ...] = ()


def _reachable(regime: Regime, proceeding: Proceeding, index: Index) -> set[str]:
    """Every name the proceeding's ladders and 责任划分 reach, definitions opened."""
    bodies = {c.name: c.condition for c in regime.conditions if c.condition is not None}
    bodies.update({c.name: c.condition for c in regime.circumstances
                   if c.condition is not None})
    stack = []
    for ref in proceeding.ladders:
        found = index.find(ref)
        if found is not None and found.kind == "ladder":
            stack += [s.condition for s in found.element.steps]
            stack += [m.condition for m in found.element.modifiers]
    if proceeding.apportionment is not None:
        found = index.find(proceeding.apportionment)
        if found is not None and found.kind == "apportionment rule":
            stack += [r.condition for r in found.element.rules]
    seen: set[str] = set()
    while stack:
        for ref in refs_in(stack.pop()):
            if ref.text not in seen:
                seen.add(ref.text)
                if ref.text in bodies:
                    stack.append(bodies[ref.text])
    return seen


def _split(value) -> frozenset[str]:
    return frozenset(attribution.people(value))


def evaluate_liability(compute, regime: Regime, head: Head, selection: Selection,
                       tabled: bool = True) -> list[CaseResult]:
    """Every chosen case of every proceeding of ``regime`` over the ledger up to ``head``.
    ``tabled``: decide the ladders once per distinct set of facts
    (`respons.engine.liability_decide`); False decides every case afresh — the same
    results, which the tests compare."""
    with _collector_paused():
        return _evaluate(compute, regime, head, selection, tabled)


@contextlib.contextmanager
def _collector_paused():
    """Pause Python's cycle collector while the cases are built: a province-year is
    millions of small objects (case files, tuples), none of them in a cycle, and each
    collection of the oldest generation would walk them all again — a sixth of the time.
    Nothing is left uncollected: the collector runs as before once they are built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _evaluate(compute, regime: Regime, head: Head, selection: Selection, tabled: bool
              ) -> list[CaseResult]:
    index = Index(regime, Sink())
    definitions = {c.name: c.condition for c in regime.conditions if c.condition is not None}
    severities = {m.name: m.severity for m in regime.measures}
    names = ladder.Names(regime, definitions)
    results: list[CaseResult] = []
    for proceeding in regime.proceedings:
        results += _standing(compute, regime, proceeding, index, head, selection, names,
                             severities, definitions)
        if proceeding.case is None:
            continue
        found = index.find(proceeding.case)
        if found is None or found.kind != "event":
            continue
        kind = found.owner
        queries = Queries(head, proceeding.case.text, selection, definitions)
        cases, files = _files(compute, queries)
        counts = _counts(compute, regime, proceeding, index, queries)
        ladders = [index.find(ref) for ref in proceeding.ladders]
        ladders = [f.element for f in ladders if f is not None and f.kind == "ladder"]
        apportionment = None
        if proceeding.apportionment is not None:
            found = index.find(proceeding.apportionment)
            apportionment = found.element if found is not None and \
                found.kind == "apportionment rule" else None
        faults = {f.name for f in regime.faults}
        declared = faults | {c.name for c in regime.circumstances}
        # Circumstances in the order the regime declares them, faults after.
        order = [c.name for c in regime.circumstances] + [f.name for f in regime.faults]
        decider = Decider(names, ladders, apportionment, severities, order, tabled)
        for seq, record, matter, date in cases:
            fields = files.get(seq, {})
            fault = fields.get(proceeding.fault_field) if proceeding.fault_field else None
            fault = str(fault) if fault is not None else None
            defence = bool(proceeding.defence_field) and \
                fields.get(proceeding.defence_field) is True
            known = fault is None or fault in faults
            outcomes, circumstances, shares, decision = (), (), (), None
            found = _split(fields.get(proceeding.found_field)) \
                if proceeding.found_field else frozenset()
            if known and fault is not None:
                decided = decider.decide(fault, fields, found, counts.get(seq, {}), defence,
                                         _concerns(proceeding, fields))
                outcomes, circumstances, decision = decided
                # Who bears it, where some ladder pursues it: an exempted case has no bearer.
                if decision.pursued:
                    shares = attribution.attribute(apportionment, decision.holds, fields, kind)
            results.append(CaseResult(
                proceeding, seq, record, matter, date, fields, fault, known, circumstances,
                outcomes, shares,
                _party(proceeding.decided_by, fields), _party(proceeding.proposed_by, fields),
                defence, kind, decision.conditions if decision is not None else (), decision,
                tuple(sorted(found - declared)) if found else ()))
    return results


def _files(compute, queries: Queries) -> tuple[list[tuple], dict[int, dict]]:
    """The chosen cases (seq, record, matter, date) in chain order, and each one's file:
    the fields of its records merged in time order, a later value replacing an earlier."""
    cases: list[tuple] = []
    files: dict[int, dict] = {}
    decode = _decoder.decode
    for seq, record, matter, date, data in compute.stream(queries.files(), queries.params):
        fields = files.get(seq)
        if fields is None:
            fields = files[seq] = {}
            cases.append((seq, record, matter, date))
        if data is not None:
            fields.update(decode(data))
    return cases, files


def _counts(compute, regime: Regime, proceeding: Proceeding, index: Index, queries: Queries
            ) -> dict[int, dict[str, tuple[str, ...] | int]]:
    """Case seq → circumstance → what its count found: the counted records by id (a count
    per subject) or their number (across the jurisdiction, too many to list) — each count
    the proceeding's ladders and 责任划分 reach, in the store."""
    reach = _reachable(regime, proceeding, index)
    counts: dict[int, dict[str, tuple[str, ...] | int]] = {}
    for circumstance in regime.circumstances:
        count = circumstance.count
        if count is None or circumstance.name not in reach:
            continue
        counted = index.find(count.event)
        later = index.find(count.later.event) if count.later is not None else None
        statement, listed = queries.stage(
            compute, count, counted.owner if counted is not None and
            counted.kind == "event" else None,
            later.owner if later is not None and later.kind == "event" else None)
        name = circumstance.name
        if not listed:
            for seq, number in compute.stream(statement, queries.params):
                counts.setdefault(seq, {})[name] = int(number)
            continue
        # Ordered by case: each case's counted records, in time order, come together.
        for seq, rows in itertools.groupby(compute.stream(statement, queries.params),
                                           key=_first):
            counts.setdefault(seq, {})[name] = tuple(map(_second, rows))
    return counts


_decoder = json.JSONDecoder()
_first, _second = operator.itemgetter(0), operator.itemgetter(1)


def _standing(compute, regime: Regime, proceeding: Proceeding, index: Index, head: Head,
              selection: Selection, names, severities, definitions) -> list[CaseResult]:
    """The cases standing faults raise by themselves (jilin-city 37, tongzhou 人员管理办法
    17): per subject of the count (its 按 keys), the first record whose window holds the
    number is the act — the case is that subject's, its fault the standing fault, its
    records those counted. A standing fault applies where the proceeding's ladders reach it."""
    reach = _reachable(regime, proceeding, index)
    out: list[CaseResult] = []
    for fault in regime.faults:
        count = fault.count
        if count is None or fault.name not in reach:
            continue
        counted = index.find(count.event)
        later = index.find(count.later.event) if count.later is not None else None
        queries = Queries(head, "", selection, definitions)
        statement = queries.standing(
            compute, count, counted.owner if counted is not None and counted.kind == "event"
            else None, later.owner if later is not None and later.kind == "event" else None)
        acts: dict[int, list] = {}
        order: list[int] = []
        for seq, record, date, *rest in compute.stream(statement, queries.params):
            keys, counted_id = tuple(rest[:-1]), rest[-1]
            if seq not in acts:
                acts[seq] = [record, date, keys, []]
                order.append(seq)
            acts[seq][3].append(counted_id)
        reached: set[tuple] = set()
        for seq in order:
            record, date, keys, ids = acts[seq]
            if keys in reached or None in keys or \
                    not ladder.compare_number(len(ids), count.op, count.threshold):
                continue
            reached.add(keys)  # the first act that reaches the number is the case
            matter = "·".join((fault.name, *(str(k) for k in keys)))
            if selection.case is not None and selection.case not in (matter, record):
                continue
            fields = {g.field: k for g, k in zip(count.groups, keys, strict=True)}
            facts = ladder.Facts(names, fault.name, fields, frozenset(), {})
            facts.seen[fault.name] = ladder.Circumstance(
                fault.name, True, "count", tuple(ids), fault.citation, len(ids))
            outcomes = tuple(ladder.apply(lad, facts, severities, False)
                             for lad in _ladders(proceeding, index))
            shares = ()
            if any(o.pursued for o in outcomes):
                shares = attribution.standing_shares(fault, count, fields) \
                    if proceeding.apportionment is None else attribution.attribute(
                        _apportionment(proceeding, index), facts.holds, fields, None)
            out.append(CaseResult(proceeding, seq, record, matter, date, fields, fault.name,
                                  True, tuple(facts.seen.values()), outcomes, shares,
                                  _party(proceeding.decided_by, fields),
                                  _party(proceeding.proposed_by, fields), False,
                                  conditions=facts.conditions))
    return out


def _ladders(proceeding: Proceeding, index: Index) -> list:
    found = [index.find(ref) for ref in proceeding.ladders]
    return [f.element for f in found if f is not None and f.kind == "ladder"]


def _apportionment(proceeding: Proceeding, index: Index):
    if proceeding.apportionment is None:
        return None
    found = index.find(proceeding.apportionment)
    return found.element if found is not None and found.kind == "apportionment rule" else None


def _concerns(proceeding: Proceeding, fields: dict) -> str | None:
    """Whom the case concerns (机关/人员…), from the proceeding's 对象 field; None where it
    names none — then every ladder applies."""
    if proceeding.subject_field is None:
        return None
    value = fields.get(proceeding.subject_field)
    return SUBJECTS.get(str(value)) if value is not None else None


def _party(ref, fields: dict) -> str | None:
    """Who decides or proposes: the case file's value of the field, or the named agency."""
    if ref is None:
        return None
    if ref.text in fields:
        return str(fields[ref.text])
    return ref.text

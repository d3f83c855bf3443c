"""Running a scenario (场景): its records into a fresh store, the real engine, a comparison.

Each scenario runs on a store of its own, empty when it starts: its records are written as
a JSON Lines file and ingested by the real ingest (``respons.store.ingest``), so a record
the regime would refuse is refused here, with its place; the regime is evaluated by the
real engine (``respons.engine.evaluate``) as of the scenario's date, and again as of each
later date an expectation names; the obligations of each run are compared with what the
scenario expects. Nothing here computes a due date: a scenario passes when the engine's
results are what the author worked out by hand.

At the scenario's own date every obligation the engine finds must be expected: one not
expected is a difference, as is one expected and not found. An expectation with a date of
its own (`截至 DATE` after the matter) is checked on that date, alone.

Which store backend, and where, is the caller's: ``scratch(name)`` opens a new empty store
and removes it when the block ends (`respons test` makes one per scenario).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

from respons.check.resolve import Resolved
from respons.diagnostics.diagnostic import Diagnostic
from respons.engine.coverage import modifier_name
from respons.engine.evaluate import evaluate
from respons.engine.liability import evaluate_liability
from respons.engine.liability_sql import Selection
from respons.engine.report import obligations, years_needed
from respons.engine.rights import WINDOW_STATES, clock_of, computable, windows
from respons.engine.scenario_assess import assessed_differences
from respons.engine.scenario_liability import LIABILITY, liability_differences
from respons.model.base import Span
from respons.model.kinds import tests_only
from respons.model.scenario import (
    RIGHT_STATES,
    STATES,
    AssessmentExpected,
    NoNotice,
    NoObligation,
    NoRight,
    NoticeExpected,
    ObligationExpected,
    RightExpected,
    Scenario,
    carried,
    record_of,
)
from respons.records import compile_versions
from respons.store.api import Store
from respons.store.ingest import ingest_file
from respons.syntax.present import condition_text

PASS, FAIL, ERROR = "pass", "fail", "error"


def under_test(resolved: Resolved, reached) -> Resolved:
    """The regime a file's scenarios test: the one it builds on (上位), for a file of
    scenarios only (``hangzhou.test.resp``); its own, layered, for any other — a regime
    with scenarios of its own, or one that overrides what it builds on and tests that.
    ``reached`` are every regime resolved with it (`CheckReport.reached`)."""
    if not tests_only(resolved.parsed.regime) or not resolved.parents:
        return resolved
    parent = resolved.parents[0]  # 上位 is resolved first: the nearest parent
    found = [r for r in reached if r.regime.id == parent]
    here = Path(resolved.parsed.path).parent
    found.sort(key=lambda r: Path(r.parsed.path).parent != here)  # `上位 x` looks here first
    return found[0] if found else resolved


@attrs.frozen
class Difference:
    """What an expectation (``span``: where it is written; None for an obligation nobody
    expected) said and what the engine found, as of ``as_of``: ``what`` is a fact's name
    (`respons.model.scenario.FACT_WORDS`), ``obligation`` (expected and not found, or
    found and expected not to be) or ``unexpected``."""

    what: str
    expected: object
    got: object
    as_of: str
    span: Span | None = None
    #: the obligation concerned: duty and matter (and start), as a reader names it
    subject: str = ""


@attrs.frozen
class Outcome:
    """A scenario's result: ``status`` pass, fail (``differences``) or error (``errors``:
    records the regime refuses — the scenario could not be judged)."""

    scenario: Scenario
    regime: str
    status: str
    differences: tuple[Difference, ...] = ()
    errors: tuple[Diagnostic, ...] = ()
    obligations: int = 0
    #: (collection, rule name) the run exercised beyond what the scenario names: the
    #: modifiers and 责任划分 rules that held in the cases it expects of (coverage).
    exercised: tuple[tuple[str, str], ...] = ()


#: ``scratch(name)``: a context manager giving a new, empty store, removed afterwards.
Scratch = Callable[[str], contextlib.AbstractContextManager[Store]]


def run_scenario(scenario: Scenario, target: Resolved, scratch: Scratch, calendar_for,
                 name: str, scheme_for=None) -> Outcome:
    """Run ``scenario`` against the regime under test ``target`` on ``scratch(name)``;
    ``scheme_for(name)`` gives the scoring scheme an assessment names (for expectations of
    assessments)."""
    regime = target.regime.id
    with scratch(name) as store, tempfile.TemporaryDirectory(prefix="respons-test-") as folder:
        store.ledger.init()
        refused = _ingest(store, scenario, target, Path(folder) / "records.jsonl")
        if refused:
            return Outcome(scenario, regime, ERROR, errors=tuple(refused))
        differences: list[Difference] = []
        exercised: list[tuple[str, str]] = []
        found = 0
        for as_of in _dates(scenario):
            # A calendar without its data fails every scenario alike: the caller's to report.
            evaluation = evaluate(store, target, calendar_for, as_of)
            rows = list(obligations(store.compute, evaluation))
            if as_of == scenario.as_of.isoformat():
                found = len(rows)
            differences += compare(scenario, rows, as_of, evaluation)
            if any(isinstance(e, RIGHTS) for e in scenario.expectations):
                rows_of_rights = [r | {"right_state": WINDOW_STATES[r["state"]]}
                                  for r in windows(store, evaluation, rows=True)]
                differences += compare(scenario, rows_of_rights, as_of, evaluation,
                                       rights=True)
            if any(_is_notice(e) and _date_of(scenario, e) == as_of
                   for e in scenario.expectations):
                differences += compare_notices(scenario, _notices(
                    store, target, evaluation, scheme_for), as_of)
            if _liability_expected(scenario, as_of):
                cases = evaluate_liability(store.compute, target.regime, evaluation.run.head,
                                           Selection(as_of=evaluation.run.as_of))
                differences += compare_liability(scenario, cases, as_of, target.regime)
                exercised += _held(scenario, cases, as_of)
        differences += [Difference(**found) for found in assessed_differences(
            store, scenario, target, calendar_for, scheme_for, exercised)]
    return Outcome(scenario, regime, FAIL if differences else PASS, tuple(differences),
                   obligations=found, exercised=tuple(dict.fromkeys(exercised)))


def _held(scenario: Scenario, cases, as_of: str) -> list[tuple[str, str]]:
    """The modifiers and 责任划分 rules that held in the cases the scenario expects of."""
    named = {e.matter.text for e in scenario.expectations
             if isinstance(e, LIABILITY) and _date_of(scenario, e) == as_of}
    out: list[tuple[str, str]] = []
    for case in cases:
        if case.matter not in named and case.record not in named:
            continue
        for outcome in case.outcomes:
            out += [("modifiers", modifier_name(outcome.ladder, m)) for m in outcome.exemptions]
            out += [("modifiers", modifier_name(outcome.ladder, a.modifier))
                    for a in outcome.modifiers]
        for share in case.shares:
            ref = case.proceeding.apportionment
            if ref is not None:
                out.append(("bearings", f"{ref.text} 情形 {condition_text(share.rule.condition)}"))
    return out


def _dates(scenario: Scenario) -> list[str]:
    """The scenario's date, then each later one an expectation names, in order."""
    own = scenario.as_of.isoformat()
    later = sorted({e.as_of.isoformat() for e in scenario.expectations
                    if e.as_of is not None} - {own})
    return [own, *later]


def _ingest(store: Store, scenario: Scenario, target: Resolved, path: Path) -> list:
    """Ingest the scenario's records; the diagnostics of those refused, at their lines."""
    kinds = {kind.name: kind for kind in target.regime.records}
    records = [record_of(given, id, kinds.get(given.type.head), fields)
               for given, id, fields in zip(scenario.records, scenario.record_ids,
                                            carried(scenario.records), strict=True)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    schema = compile_versions(target)
    digest = hashlib.sha256(target.parsed.text.encode("utf-8")).hexdigest()
    report = ingest_file(store.ledger, schema, path, name=path.name,
                         regime=(target.regime.id, digest))
    # Line n of the file is the scenario's n-th record: its problems are that line's.
    return [attrs.evolve(d, span=scenario.records[d.span.line - 1].span,
                         message=f"this record is refused: {d.message}")
            for d in report.diagnostics if d.span is not None]


# ── comparing ──────────────────────────────────────────────────────────────────────
def compare(scenario: Scenario, rows: list[dict], as_of: str, evaluation,
            rights: bool = False) -> list[Difference]:
    """The differences between the expectations checked as of ``as_of`` and ``rows``, the
    obligations the engine found then — or, with ``rights``, between the expectations of
    rights (`预期 权利`) and the windows found. Every obligation found must be expected;
    a window, only in a scenario that expects some right."""
    own = as_of == scenario.as_of.isoformat()
    differences: list[Difference] = []
    matched: set[tuple] = set()
    expected = [e for e in scenario.expectations if isinstance(e, RIGHTS) == rights]
    if rights and not expected:
        return []
    for expectation in expected:
        if isinstance(expectation, AssessmentExpected):
            continue  # judged as of its year's end: assessed_differences
        if _is_notice(expectation) or isinstance(expectation, LIABILITY) \
                or _date_of(scenario, expectation) != as_of:
            continue
        candidates = [r for r in rows if _is_it(expectation, r)]
        matched |= {_row_key(r) for r in candidates}
        subject = _subject(expectation)
        where = {"as_of": as_of, "span": expectation.span, "subject": subject}
        if isinstance(expectation, NoObligation):
            if candidates:
                differences.append(Difference("obligation", "none", _listed(candidates),
                                              **where))
            continue
        if not candidates:
            differences.append(Difference("obligation", "one", "none", **where))
        elif len(candidates) > 1:
            differences.append(Difference(
                "obligation", "one", f"{len(candidates)}: {_listed(candidates)} — say "
                "which with 起算 <date or record id>", **where))
        else:
            differences += [Difference(fact.name, shown, got, **where)
                            for fact, shown, got in _facts(expectation, candidates[0],
                                                           evaluation)]
    if own:
        for row in rows:
            if _row_key(row) not in matched:
                differences.append(Difference("unexpected", None, _described(row), as_of,
                                              subject=_row_subject(row)))
    return differences


RIGHTS = (RightExpected, NoRight)


def _liability_expected(scenario: Scenario, as_of: str) -> bool:
    return any(isinstance(e, LIABILITY) and _date_of(scenario, e) == as_of
               for e in scenario.expectations)


def _date_of(scenario: Scenario, expectation) -> str:
    return (expectation.as_of or scenario.as_of).isoformat()


def compare_liability(scenario: Scenario, cases, as_of: str, regime=None) -> list[Difference]:
    """The differences between the liability expectations checked as of ``as_of`` and
    ``cases``, what `respons liability` finds then (``respons.engine.scenario_liability``);
    ``regime`` is the one under test."""
    return [Difference(**found) for found in liability_differences(scenario, cases, as_of,
                                                                    regime)]


def _row_key(row: dict) -> tuple:
    return row["regime"], row["duty"], row["start_seq"]


def _is_it(expectation, row: dict) -> bool:
    """Whether ``row`` is the obligation (or one of those) ``expectation`` speaks of."""
    which = expectation.which
    if row["duty"] != expectation.duty.text:
        return False
    if which.matter is not None and row["matter"] != which.matter.text:
        return False
    start = which.start
    if start is not None:
        return row["start_date"] == start.text if start.kind == "date" \
            else row["start_id"] == start.text
    return True


def _facts(expectation: ObligationExpected, row: dict, evaluation) -> Iterator[tuple]:
    """(fact, what was expected, what was found) for each fact that does not hold."""
    right = isinstance(expectation, RightExpected)
    for fact in expectation.facts:
        expected, got = _expected(fact), _got(fact, row, evaluation)
        if expected != got:
            yield fact, _shown(fact.name, expected, right), _shown(fact.name, got, right)


def _expected(fact):
    value = fact.value
    if fact.name == "met_by" and value is not None:
        return value.text
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _got(fact, row: dict, evaluation):
    name = fact.name
    if name == "met_by":
        # 完成 2025-10-16 is the date it was met on; 完成 k1 the record that met it.
        if fact.value is not None and fact.value.kind == "date":
            return row["done_date"]
        return row["done_id"]
    if name == "state" and "right_state" in row:
        return row["right_state"]
    if name == "lacks":
        if row["state"] != "unknown":
            return None
        clocks = {(v.regime.id, d.name): d for v in evaluation.versions
                  for d in (*v.regime.duties, *map(clock_of, computable(v.regime)))}
        period = clocks[(row["regime"], row["duty"])].period
        if period is None:  # due on a record's date, which the row does not carry
            return None
        years = years_needed(evaluation, period, row["start_date"])
        return fact.value if fact.value in years else min(years)
    column = {"state": "state", "due": "due_date", "extended": "extended_due",
              "owner": "owner", "agency": "agency"}[name]
    return row[column]


def _shown(name: str, value, right: bool = False) -> str:
    if value is None:
        return "none"
    if name == "state":
        return _state(value, right)
    return str(value)


def _state(state: str, right: bool = False) -> str:
    """A state as the author may write it: met/按期完成 — of a right's window, as its
    words say it: exercised/已行使."""
    if right:
        return f"{state.replace('_', '-')}/{RIGHT_STATES.chinese(state)}"
    return f"{state.replace('_', '-')}/{STATES.chinese(state)}"


def _subject(expectation) -> str:
    which = expectation.which
    text = expectation.duty.text
    if which.matter is not None:
        text += f" {which.matter.text}"
    if which.start is not None:
        text += f" 起算 {which.start.text}"
    return text


def _row_subject(row: dict) -> str:
    return f"{row['duty']} {row['matter']}" if row["matter"] else row["duty"]


def _described(row: dict) -> str:
    due = row["extended_due"] or row["due_date"] or "unknown"
    state = _state(row["right_state"], True) if "right_state" in row else _state(row["state"])
    return (f"started {row['start_date']} by {row['start_id']}: {state}, "
            f"due {due}")


def _listed(rows: list[dict]) -> str:
    return "; ".join(f"{_row_subject(r)} {_described(r)}" for r in rows)


__all__ = ["ERROR", "FAIL", "PASS", "Difference", "Outcome", "Scratch",
           "compare", "run_scenario", "under_test"]


# ── notices ─────────────────────────────────────────────────────────────────────────
def _is_notice(expectation) -> bool:
    return isinstance(expectation, NoticeExpected | NoNotice)


def _date_of(scenario: Scenario, expectation) -> str:
    return (expectation.as_of or scenario.as_of).isoformat()


def _notices(store: Store, target: Resolved, evaluation, scheme_for=None):
    """The notices the run's results call for, as `respons notices` issues them (numbered
    in the scratch store's register). On the last day of a year — as `respons notices
    --year Y` judges — the year's assessments are scored under the run too, so that their
    grades and consequences issue notices (jilin-city 32(三)'s 整改通知书)."""
    from respons.engine.assess import assess
    from respons.engine.notices import Looking, issue_notices
    from respons.syntax.citation import format_citation

    run = evaluation.run
    year = None
    if evaluation.as_of.endswith("-12-31") and scheme_for is not None \
            and target.regime.assessments:
        year = int(evaluation.as_of[:4])
        assess(store, target, run, year, scheme_for, {})
    return issue_notices(Looking(store.compute, target.regime, run.id, run.head.seq,
                                 evaluation.as_of, format_citation, year=year))


def _notice_got(name: str, issued) -> str:
    document = issued.issued
    if name == "number":
        return document.number
    if name == "recipient":
        return document.recipient
    return document.text(name.split(":", 1)[1])


def compare_notices(scenario: Scenario, called, as_of: str) -> list[Difference]:
    """The differences between the notice expectations checked as of ``as_of`` and the
    notices ``called`` for then (`respons.engine.notices.Called`). Where a scenario expects
    any notice on its own date, every notice called for then must be expected — and one
    that is called for but cannot be issued (a required element without a value) is a
    difference, as `respons notices` reports it (exit 1)."""
    issued = list(called.issued)
    differences: list[Difference] = []
    matched: set[tuple] = set()
    for expectation in scenario.expectations:
        if not _is_notice(expectation) or _date_of(scenario, expectation) != as_of:
            continue
        matter = expectation.matter.text if expectation.matter is not None else None
        # The matter names a record's matter, a liability case, or the subject assessed.
        candidates = [i for i in issued if i.issued.notice.name == expectation.notice.text
                      and (matter is None or matter in (
                          i.occurrence.facts.get(name) for name in ("事项", "案件", "被考核对象")))]
        matched |= {i.ident for i in candidates}
        subject = f"{expectation.notice.text} {matter}" if matter else expectation.notice.text
        where = {"as_of": as_of, "span": expectation.span, "subject": subject}
        listed = ", ".join(i.stem for i in candidates)
        if isinstance(expectation, NoNotice):
            if candidates:
                differences.append(Difference("notice", "none", listed, **where))
            continue
        if len(candidates) != 1:
            differences.append(Difference(
                "notice", "one", listed or "none", **where))
            continue
        for fact in expectation.facts:
            got = _notice_got(fact.name, candidates[0])
            if got != fact.value:
                differences.append(Difference(fact.name, fact.value, got, **where))
    if as_of == scenario.as_of.isoformat():
        for i in issued:
            if i.ident not in matched:
                differences.append(Difference("unexpected", None, f"notice {i.stem}", as_of,
                                              subject=i.issued.notice.name))
    # A notice called for but not issued is what `预期 无 文书 NOTICE MATTER` says, where the
    # author wrote it; anywhere else it is a difference.
    refused = {(e.notice.text, e.matter.text if e.matter else None)
               for e in scenario.expectations
               if isinstance(e, NoNotice) and _date_of(scenario, e) == as_of}
    for problem in called.problems:
        if (problem.notice, None) in refused or any((problem.notice, m) in refused
                                                    for m in problem.matters):
            continue
        differences.append(Difference("unexpected", None, f"notice {problem.notice} on "
                                      f"{problem.key} cannot be issued: {problem.en}", as_of,
                                      subject=problem.notice))
    return differences

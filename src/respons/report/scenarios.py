"""What `respons test` prints: a line per scenario, the differences of those that fail, a
summary and the rule coverage — as text for the author at a terminal, or as JSON.

The text is the same in whatever language the regime is written: its structure words are
English, the states are given in both spellings a scenario may write (met-late/逾期完成),
and everything else — names, matters, dates — is the regime's and the scenario's own.
The JSON keys are stable English (docs/cli.md, `respons test`). Both are byte-identical for
the same files: scenarios in the order of their files and lines, rules in the order of
their regimes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from respons.engine.coverage import KINDS, Coverage, shown
from respons.engine.scenarios import ERROR, FAIL, PASS, Difference, Outcome
from respons.model.scenario import fact_word
from respons.terminal import clean, one_line

FORMAT_VERSION = 1
_MARK = {PASS: "ok   ", FAIL: "FAIL ", ERROR: "ERROR"}


def _where(span) -> str:
    return f"{span.file}:{span.line}" if span is not None else "?"


def render_text(outcomes: Sequence[Outcome], covered: Coverage) -> str:
    out: list[str] = []
    for outcome in outcomes:
        scenario = outcome.scenario
        out.append(f"{_MARK[outcome.status]} {_where(scenario.span)}  {one_line(scenario.name)}"
                   f" ({outcome.regime}, as of {scenario.as_of})")
        for diagnostic in outcome.errors:
            out.append(f"      {_where(diagnostic.span)}: {diagnostic.code}: "
                       f"{one_line(diagnostic.message)}")
        out += _differences(outcome.differences)
    out += ["", summary_line(outcomes), ""]
    out += _coverage_text(covered)
    return clean("\n".join(out) + "\n")


def _differences(differences: Sequence[Difference]) -> list[str]:
    out: list[str] = []
    heading = None
    for d in differences:
        if d.what == "unexpected":
            out.append(f"      not expected, as of {d.as_of}: {one_line(d.subject)} "
                       f"{one_line(str(d.got))}")
            heading = None
            continue
        this = (d.span, d.as_of)
        if this != heading:
            out.append(f"      {_where(d.span)} {one_line(d.subject)} (as of {d.as_of})")
            heading = this
        if d.what in ("obligation", "notice"):
            out.append(f"        {d.what}s: expected {d.expected}, got {one_line(str(d.got))}")
        else:
            out.append(f"        {fact_word(d.what)}: expected {one_line(str(d.expected))}, "
                       f"got {one_line(str(d.got))}")
    return out


def summary_line(outcomes: Sequence[Outcome]) -> str:
    counts = {status: sum(o.status == status for o in outcomes) for status in (PASS, FAIL, ERROR)}
    total = len(outcomes)
    return (f"{total} scenario{'s' * (total != 1)}: {counts[PASS]} passed, {counts[FAIL]} "
            f"failed, {counts[ERROR]} could not run")


def _coverage_text(covered: Coverage) -> list[str]:
    out: list[str] = []
    for kind in (k for k in KINDS if shown(k, covered)):
        rules = covered.of(kind)
        done = sum(bool(r.scenarios) for r in rules)
        out.append(f"coverage: {done} of {len(rules)} {kind.collection} exercised by a scenario")
        for rule in rules:
            by = ", ".join(f"{one_line(name)} ({file}:{line})"
                           for file, line, name in rule.scenarios)
            out.append(f"  {kind.term} {rule.regime} {one_line(rule.name)} "
                       f"({rule.file}:{rule.line}) — {by or 'none'}")
    uncovered = covered.uncovered
    if uncovered:
        out += ["", f"not exercised by any scenario ({len(uncovered)}):"]
        out += [f"  {r.file}:{r.line}: {r.kind.term} {one_line(r.name)}" for r in uncovered]
    return out


def render_json(outcomes: Sequence[Outcome], covered: Coverage) -> str:
    document = {
        "format_version": FORMAT_VERSION,
        "passed": all(o.status == PASS for o in outcomes),
        "summary": {"scenarios": len(outcomes),
                    **{status: sum(o.status == status for o in outcomes)
                       for status in (PASS, FAIL, ERROR)}},
        "scenarios": [_scenario_json(o) for o in outcomes],
        "coverage": [_kind_json(kind, covered) for kind in KINDS if shown(kind, covered)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _scenario_json(outcome: Outcome) -> dict:
    scenario, span = outcome.scenario, outcome.scenario.span
    return {
        "file": span.file, "line": span.line, "name": scenario.name,
        "regime": outcome.regime, "as_of": scenario.as_of.isoformat(),
        "status": outcome.status, "obligations": outcome.obligations,
        "differences": [{
            "what": d.what, "obligation": d.subject, "as_of": d.as_of,
            "expected": d.expected, "got": d.got,
            "line": d.span.line if d.span is not None else None,
        } for d in outcome.differences],
        "errors": [{"file": d.span.file, "line": d.span.line, "column": d.span.column,
                    "code": d.code, "message": d.message, "help": d.help}
                   for d in outcome.errors],
    }


def _kind_json(kind, covered: Coverage) -> dict:
    rules = covered.of(kind)
    return {
        "kind": kind.noun, "total": len(rules),
        "covered": sum(bool(r.scenarios) for r in rules),
        "rules": [{"regime": r.regime, "name": r.name, "file": r.file, "line": r.line,
                   "scenarios": [{"file": f, "line": n, "name": s} for f, n, s in r.scenarios]}
                  for r in rules],
    }

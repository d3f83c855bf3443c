"""Judging a scenario's expectations of assessments (`预期 考核 A SUBJECT YEAR …`).

For each year the scenario's expectations name, the duties are evaluated as of the year's
last day and the assessments scored (`respons.engine.assess`), exactly as `respons assess
--year YEAR` does on the scenario's store; each expectation is then compared with what the
run kept for its subject: the score (the total, as a number: 94 and 94.0 are the same), the
grade, and the consequences proposed (a measure named must be among them; 无: none is).
What the result of each subject expected of shows — the items that counted or found, the
band it was graded into, a boundary it scored exactly on, the vetoes that held, the
consequences proposed — is what the scenario exercised (``respons.engine.coverage``).
"""

from __future__ import annotations

import json
from decimal import Decimal

from respons.engine.assess import assess, periods_needed
from respons.engine.coverage import (
    band_name,
    bar_name,
    boundaries,
    boundary_name,
    computes,
    consequence_name,
    item_name,
    veto_name,
)
from respons.engine.evaluate import evaluate
from respons.model.scenario import AssessmentExpected
from respons.sql.ir import Col, Param, Table, all_of, select


def _difference(what: str, expected, got, **where) -> dict:
    return {"what": what, "expected": expected, "got": got, **where}


def assessed_differences(store, scenario, target, calendar_for, scheme_for,
                         exercised: list | None = None) -> list[dict]:
    """The differences between ``scenario``'s expectations of assessments and the results,
    each the keyword arguments of a `respons.engine.scenarios.Difference`; what the results
    of the subjects expected of exercised is added to ``exercised`` ((collection, name)
    pairs, `respons.engine.coverage.KINDS`)."""
    expected = [e for e in scenario.expectations if isinstance(e, AssessmentExpected)]
    out = []
    assessments = {a.name: a for a in target.regime.assessments}
    for year in sorted({e.year for e in expected}):
        evaluation = evaluate(store, target, calendar_for, f"{year}-12-31")
        assess(store, target, evaluation.run, year, scheme_for, {})
        for expectation in (e for e in expected if e.year == year):
            where = {"as_of": f"{year}-12-31", "span": expectation.span,
                     "subject": f"考核 {expectation.assessment.text} "
                                f"{expectation.subject.text} {year}"}
            assessment = assessments.get(expectation.assessment.text)
            row = _result(store.compute, evaluation.run.id, assessment, year,
                          expectation.subject.text) if assessment else None
            if row is None:
                out.append(_difference("assessment", "assessed", "not assessed", **where))
                continue
            total, grade, detail = row
            if exercised is not None:
                exercised += shown_in(assessment, total, grade, detail)
            consequences = [m for c in detail["consequences"] for option in c["measures"]
                            for m in option]
            for fact in expectation.facts:
                if fact.name == "score":
                    got = Decimal(total) if total is not None else None
                    if got != fact.value:
                        out.append(_difference("score", _shown(fact.value), _shown(got),
                                              **where))
                elif fact.name == "grade" and grade != fact.value:
                    out.append(_difference("grade", fact.value or "none", grade or "none",
                                          **where))
                elif fact.name in ("decider", "proposer"):
                    who = _parties(detail["consequences"], fact.name)
                    if fact.value not in who:
                        out.append(_difference(fact.name, fact.value, "、".join(who) or "none",
                                               **where))
                elif fact.name == "bar":
                    barred = [b["grade"] for b in detail.get("bars", ())]
                    if fact.value not in barred:
                        out.append(_difference("bar", fact.value, "、".join(barred) or "none",
                                               **where))
                elif fact.name.startswith("item:"):
                    got = _item_fact(fact.name, detail)
                    if got != fact.value:
                        shown = str if fact.name.endswith(":found") else _shown
                        out.append(_difference(fact.name, shown(fact.value), shown(got),
                                               **where))
                elif fact.name == "consequence":
                    if fact.value is None and consequences:
                        out.append(_difference("consequence", "none",
                                              "、".join(consequences), **where))
                    elif fact.value is not None and fact.value not in consequences:
                        out.append(_difference("consequence", fact.value,
                                              "、".join(consequences) or "none", **where))
    return out


def shown_in(assessment, total, grade, detail) -> list[tuple[str, str]]:
    """The parts of ``assessment`` one subject's result exercised, as coverage names them."""
    out: list[tuple[str, str]] = []
    for item, entry in zip(assessment.items, detail["items"], strict=False):
        counted = any(d["count"] for d in entry["deductions"]) or any(
            f["count"] for f in entry["findings"])
        constant = not item.deductions and not item.findings and entry["score"] is not None
        if computes(item) and (counted or constant):
            out.append(("items", item_name(assessment, item)))
    fixed = bool(detail["vetoes"]) or bool(detail.get("bars"))
    if grade is not None and not fixed:
        out += [("bands", band_name(assessment, band)) for band in assessment.bands
                if band.name == grade]
    if total is not None and not fixed:
        score = Decimal(total).normalize()
        out += [("boundaries", boundary_name(assessment, value))
                for value, _ in boundaries(assessment) if value == score]
    out += [("bars", bar_name(assessment, assessment.bars[b["index"]]))
            for b in detail.get("bars", ())]
    out += [("vetoes", veto_name(assessment, assessment.vetoes[v["index"]]))
            for v in detail["vetoes"] if v["holds"]]
    for c in detail["consequences"]:
        out += [("consequences", consequence_name(assessment, k))
                for k in assessment.consequences
                if k.grade == c["grade"] and k.consecutive == c["consecutive"]]
    return out


def _parties(consequences, what: str) -> list[str]:
    """Who decides (a consequence's 决定 and its measures' own) or proposes the consequences
    proposed, each once."""
    found: dict[str, None] = {}
    for c in consequences:
        if what == "decider":
            found.update(dict.fromkeys([c.get("decided_by"), *c.get("deciders", {}).values()]))
        else:
            found[c.get("proposed_by")] = None
    return [who for who in found if who]


def _item_fact(name: str, detail):
    """What the result says of an item: the records its findings found, or its points."""
    _, item, what = name.split(":", 2)
    entry = next((e for e in detail["items"] if e["item"] == item), None)
    if entry is None:
        return None
    if what == "found":
        return sum(f["count"] for f in entry["findings"])
    return Decimal(entry["score"]) if entry["score"] is not None else None


def _shown(value) -> str:
    return "none" if value is None else format(Decimal(value).normalize(), "f")


def _result(compute, run: str, assessment, year: int, subject: str):
    period = periods_needed(assessment, year)[0].start
    rows = compute.query(select(
        Col("s", "total"), Col("s", "grade"), Col("s", "detail"),
        source=Table("assessment_scores", "s"), where=all_of(
            Col("s", "run").eq(Param("run")), Col("s", "assessment").eq(Param("a")),
            Col("s", "period").eq(Param("p")), Col("s", "subject").eq(Param("subject")))),
        {"run": run, "a": assessment.name, "p": period, "subject": subject})
    if not rows:
        return None
    total, grade, detail = rows[0]
    return total, grade, json.loads(detail)

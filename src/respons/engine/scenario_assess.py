"""Judging a scenario's expectations of assessments (`预期 考核 A SUBJECT YEAR …`).

For each year the scenario's expectations name, the duties are evaluated as of the year's
last day and the assessments scored (`respons.engine.assess`), exactly as `respons assess
--year YEAR` does on the scenario's store; each expectation is then compared with what the
run kept for its subject: the score (the total, as a number: 94 and 94.0 are the same), the
grade, and the consequences proposed (a measure named must be among them; 无: none is).
"""

from __future__ import annotations

import json
from decimal import Decimal

from respons.engine.assess import assess, periods_needed
from respons.engine.evaluate import evaluate
from respons.model.scenario import AssessmentExpected
from respons.sql.ir import Col, Param, Table, all_of, select


def _difference(what: str, expected, got, **where) -> dict:
    return {"what": what, "expected": expected, "got": got, **where}


def assessed_differences(store, scenario, target, calendar_for, scheme_for) -> list[dict]:
    """The differences between ``scenario``'s expectations of assessments and the results,
    each the keyword arguments of a `respons.engine.scenarios.Difference`."""
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
                elif fact.name == "consequence":
                    if fact.value is None and consequences:
                        out.append(_difference("consequence", "none",
                                              "、".join(consequences), **where))
                    elif fact.value is not None and fact.value not in consequences:
                        out.append(_difference("consequence", fact.value,
                                              "、".join(consequences) or "none", **where))
    return out


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

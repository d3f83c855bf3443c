"""Scoring a regime's assessments for a year, under an evaluation run, and keeping the results.

For each assessment and each period it needs — the year asked for, and as many before it
as a consequence over consecutive periods looks back (连续 2 年) — the counters
(`respons.engine.assess_counts`) count in the store what each deduction, finding and veto
needs, per subject; each subject's facts go to the assessment's scoring scheme (a plugin:
``score(assessment, subject) -> Score``), the vetoes' conditions are decided on the counts,
and the consequences follow the grades of consecutive periods. Everything is published in
one transaction under the run (``assessments``, ``assessment_scores``,
``assessment_evidence``) — the one the counters insert their evidence in, so that each row
is written once, where it is kept; a run already holding an assessment's period is not
scored again. Subjects whose facts are the same but for who they are share one scheme call
and one encoded detail (`_score`), and the details go to the store once each (`_publish`):
what moves per subject is a short row (docs/performance.md, "Assessing").

A condition of a veto is decided from counts: a count compared (`行政赔偿.发生 >= 1 次`), an
event, duty or fault named alone (it holds when counted once), a circumstance established by
a count (计数) or by a condition, and 且/或/非 of those. A circumstance established case by
case (no count, no condition) cannot be decided from records: such a veto is reported as
undetermined, never taken to hold or not.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import attrs

from respons.check.index import Index
from respons.diagnostics.diagnostic import Sink
from respons.engine.assess_counts import (
    Counter,
    Counting,
    counts,
    field_values,
    period_of,
    recorded_values,
    window_start,
)
from respons.engine.assess_files import draws, seed_of
from respons.model.assessment import depends_on, subject_field
from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not, expand
from respons.model.grading import capped
from respons.records.canonical import canonical_json
from respons.registry import SubjectFacts, assessment_params
from respons.sql import ir
from respons.sql.ir import Col, Lit, Param, Table, all_of, select
from respons.store.results import ASSESSMENTS
from respons.syntax.citation import format_citation
from respons.syntax.present import condition_text


def cite(citation, titles) -> str | None:
    """A citation as the reports write it: the regime's title and the article."""
    if citation is None:
        return None
    return format_citation(citation, titles.get(citation.regime or ""))

STAGED_SCORES = "staged_assessment_scores"
STAGED_DONE = "staged_assessments"
STAGED_BODIES = "staged_assessment_bodies"
YEARS_OF = {"biennial": 2}


class Undetermined(Exception):
    """A veto's condition names something records cannot establish."""


@attrs.frozen
class Period:
    assessment: str
    year: int
    start: str
    until: str


def periods_needed(assessment, year: int) -> list[Period]:
    """The periods ``year``'s result and its consequences need, the latest first."""
    step = YEARS_OF.get(assessment.cycle or "", 1)
    back = max([c.consecutive or 1 for c in assessment.consequences] or [1])
    out = []
    for n in range(back):
        y = year - n * step
        start, until = period_of(y, assessment.cycle)
        out.append(Period(assessment.name, y, start, until))
    return out


class _Veto:
    """A veto's condition (or a bar's: ``number`` "bN") as counters and the logic over them."""

    def __init__(self, counting: Counting, number: int | str, veto, period: Period,
                 circumstances) -> None:
        self.counting, self.number, self.period = counting, number, period
        self.circumstances = circumstances
        self.counters: list[Counter] = []
        self.undetermined: list[str] = []
        self.test = self._term(expand(veto.condition, counting.definitions), depth=0)

    def _count(self, ref: Ref, where=None, window=None, op=">=", threshold=1):
        start = window_start(self.period.until, window) if window is not None else \
            self.period.start
        key = f"v:{self.number}:{len(self.counters)}"
        counter = self.counting.counter(key, ref, where, None, start, self.period.until)
        if counter is None:
            self.undetermined.append(ref.text)
            return lambda found: None
        self.counters.append(counter)
        limit = Decimal(str(threshold))
        compare = {">=": lambda n: n >= limit, ">": lambda n: n > limit,
                   "<=": lambda n: n <= limit, "<": lambda n: n < limit,
                   "=": lambda n: n == limit, "!=": lambda n: n != limit}[op]
        return lambda found: compare(found.get(key, 0))

    def _term(self, node, depth: int):
        if isinstance(node, Compare):
            return self._count(node.left, op=node.op, threshold=node.right.value)
        if isinstance(node, Ref):
            circumstance = self.circumstances.get(node.text)
            if circumstance is not None and depth < 32:
                if circumstance.count is not None:
                    c = circumstance.count
                    return self._count(c.event, c.where, c.window, c.op, c.threshold)
                if circumstance.condition is not None:
                    return self._term(expand(circumstance.condition, self.counting.definitions),
                                      depth + 1)
                self.undetermined.append(node.text)
                return lambda found: None
            return self._count(node)
        if isinstance(node, Not):
            inner = self._term(node.operand, depth)
            return lambda found: None if inner(found) is None else not inner(found)
        parts = [self._term(o, depth) for o in node.operands]
        if isinstance(node, AllOf):
            def every(found):
                values = [p(found) for p in parts]
                return False if False in values else (None if None in values else True)
            return every
        assert isinstance(node, AnyOf)

        def some(found):
            values = [p(found) for p in parts]
            return True if True in values else (None if None in values else False)
        return some


def assess(store, resolved, run, year: int, scheme_for, titles) -> list[str]:
    """Score every assessment of ``resolved`` for ``year`` and the periods before it that
    its consequences need, under ``run`` (an evaluation as of the year's end), unless the
    run already holds them: the names of the assessments scored. ``scheme_for(name)``
    returns the scoring scheme a regime names."""
    compute, regime = store.compute, resolved.regime
    index = Index(regime, Sink())
    corrections = bool(compute.query(select(Lit(1), source=Table("records", "r"), where=all_of(
        Col("r", "corrects").not_null(), Col("r", "seq").le(Param("head"))), limit=1),
        {"head": run.head.seq}))
    circumstances = {c.name: c for c in regime.circumstances}
    todo = []
    ordered = fed_first(regime.assessments)
    years = {a.name: {p.year for p in periods_needed(a, year)} for a in ordered}
    for assessment in reversed(ordered):  # one 来自 or barred by another needs its years too
        for name in depends_on(assessment):
            if name in years:
                years[name] |= years[assessment.name]
    for assessment in ordered:
        if assessment.scheme is None:
            continue
        for y in sorted(years[assessment.name], reverse=True):
            period = periods_needed(assessment, y)[0]
            if not _kept(compute, run.id, assessment.name, period.start):
                todo.append((assessment, period))
    if not todo:
        return []
    # The counting runs inside the publishing transaction: each counter's records go
    # straight into assessment_evidence, where they are kept, and the counts are read back
    # from there — written once, not staged and copied. Others see all of it at commit, or
    # nothing if scoring fails.
    with compute.transaction():
        results = _score_periods(compute, regime, index, run, todo, corrections,
                                 circumstances, scheme_for, titles)
        _consequences(results, {m.name: m for m in regime.measures})
        _publish(compute, run, todo, results, titles)
    return sorted({a.name for a, _ in todo})


def _score_periods(compute, regime, index, run, todo, corrections, circumstances,
                   scheme_for, titles) -> list:
    """(assessment, period, subject, result) of every subject of every period to do, the
    evidence behind their counts inserted under the run."""
    results = []
    by_name = {a.name: a for a in regime.assessments}
    for assessment, period in todo:
        fed = _fed(compute, run.id, {i.source for i in assessment.items}, period.year,
                   results, by_name)
        graded = _fed(compute, run.id, {b.assessment.text for b in assessment.bars
                                        if b.assessment is not None}, period.year, results,
                      by_name)
        counting = Counting(regime, index, assessment)
        counters, findings_of = [], {}
        for item in assessment.items:
            for j, deduction in enumerate(item.deductions):
                c = counting.counter(f"d:{item.name}:{j}", deduction.per, deduction.where,
                                     deduction.by, period.start, period.until)
                if c is not None:
                    counters.append(c)
            for j, finding in enumerate(item.findings):
                c = counting.counter(f"f:{item.name}:{j}", finding.per, finding.where,
                                     finding.by, period.start, period.until)
                if c is not None:
                    counters.append(c)
                    findings_of[c.key] = (item.name, j)
        vetoes = [_Veto(counting, n, veto, period, circumstances)
                  for n, veto in enumerate(assessment.vetoes)]
        # a bar's condition is decided as a veto's; its counters are keyed v:bN:…
        bars = {n: _Veto(counting, f"b{n}", bar, period, circumstances)
                for n, bar in enumerate(assessment.bars) if bar.condition is not None}
        # a tier's condition (等级 G 若 …, 方案 条件分档) too: keyed v:tN:…
        tiers = {n: _Veto(counting, f"t{n}", band, period, circumstances)
                 for n, band in enumerate(assessment.bands) if band.condition is not None}
        for veto in (*vetoes, *bars.values(), *tiers.values()):
            counters.extend(veto.counters)
        for counter in counters:
            counting.insert(compute, counter, period.start, run.id, run.head.seq, corrections)
        found = counts(compute, run.id, assessment.name, period.start)
        recorded, draws_of = {}, {}
        if assessment.sample is not None:
            seed = seed_of(compute, index, assessment, period.start, period.until,
                           run.head.seq, corrections)
            draws_of = draws(compute, index, assessment, period.start, period.until,
                             run.head.seq, corrections, seed)
        for r in (r for r in assessment.recorded if assessment.sample is None):
            hit = index.find(r.per)
            field = subject_field(hit.owner, assessment.subject, r.by) if hit else None
            if field is not None:
                recorded[r.what] = recorded_values(compute, r, hit.owner, field, period.start,
                                                   period.until, run.head.seq, corrections,
                                                   period.year)
        evaluations = {}  # way of evaluating → subject → (score, record id)
        for weight in (w for w in assessment.weights if w.scores is not None):
            hit = index.find(weight.scores.per)
            field = subject_field(hit.owner, assessment.subject, weight.scores.by) \
                if hit and hit.kind == "event" else None
            if field is not None:
                evaluations[weight.source] = recorded_values(
                    compute, weight.scores, hit.owner, field, period.start, period.until,
                    run.head.seq, corrections, period.year)
        subjects = _subjects(compute, regime, assessment, period, run, found, recorded) | \
            set(draws_of) | {s for values in evaluations.values() for s in values}
        scheme = scheme_for(assessment.scheme)
        params = assessment_params(assessment)
        alike: dict = {}  # the results so far, by the facts they were scored from
        for subject in sorted(subjects):
            results.append((assessment, period, subject, _score(
                assessment, scheme, params, subject, found.get(subject, {}), vetoes, recorded,
                findings_of, draws_of.get(subject),
                {way: values[subject] for way, values in evaluations.items()
                 if subject in values},
                {name: values[subject] for name, values in fed.items() if subject in values},
                {n: tier.test(found.get(subject, {})) for n, tier in tiers.items()},
                bars, {name: values[subject][2] for name, values in graded.items()
                       if subject in values}, alike, titles)))
    return results


def fed_first(assessments) -> list:
    """The assessments in an order where each comes after those its items are 来自 and
    those whose grades bar it (the checker refuses a cycle, R0513 and R0514; one left here
    is broken by the regime's order)."""
    by_name = {a.name: a for a in assessments}
    done: dict[str, None] = {}

    def visit(assessment, path: tuple[str, ...]) -> None:
        if assessment.name in done or assessment.name in path:
            return
        for name in depends_on(assessment):
            if name in by_name:
                visit(by_name[name], (*path, assessment.name))
        done[assessment.name] = None

    for assessment in assessments:
        visit(assessment, ())
    return [by_name[name] for name in done]


def _fed(compute, run: str, names, year: int, results, by_name) -> dict:
    """name → subject → (total, full marks, grade) of each assessment of ``names`` (those an
    item is 来自, or whose grade bars), for the same year: scored in this call, or kept by
    the run."""
    out: dict[str, dict] = {}
    for name in sorted(n for n in names if n in by_name):
        source = by_name[name]
        full = Decimal(str(source.full_marks)) if source.full_marks is not None else \
            Decimal(100)
        period = periods_needed(source, year)[0]
        scored = {subject: (r["total"], r["grade"]) for a, p, subject, r in results
                  if a.name == name and p.year == year}
        if not scored:
            scored = {subject: (total, grade) for subject, total, grade in compute.query(
                select(Col("s", "subject"), Col("s", "total"), Col("s", "grade"),
                       source=Table("assessment_scores", "s"), where=all_of(
                           Col("s", "run").eq(Param("run")), Col("s", "assessment").eq(
                               Param("a")), Col("s", "period").eq(Param("p")))),
                {"run": run, "a": name, "p": period.start})}
        out[name] = {subject: (Decimal(total) if total is not None else None, full, grade)
                     for subject, (total, grade) in scored.items()}
    return out


def _kept(compute, run: str, assessment: str, period: str) -> bool:
    return bool(compute.query(select(Lit(1), source=Table("assessments", "a"), where=all_of(
        Col("a", "run").eq(Param("run")), Col("a", "assessment").eq(Param("name")),
        Col("a", "period").eq(Param("period")))),
        {"run": run, "name": assessment, "period": period}))


def _subjects(compute, regime, assessment, period: Period, run, found, recorded) -> set[str]:
    """Everyone the assessment assesses in the period: everyone of the subject's type that
    a record of the period names — with nothing against them too — and everyone something
    was counted against or a score or grade recorded for. An agency or body the regime
    declares but no record of the period names is not assessed: a regime declares its
    assessors (司法行政部门, 领导小组) beside those assessed, and only the records tell them
    apart."""
    kind = assessment.subject or "agency"
    subjects = set(found)
    for values in recorded.values():
        subjects |= set(values)
    for record_kind in regime.records:
        for field in record_kind.fields:
            if field.type.kind == kind:
                subjects |= field_values(compute, record_kind, field.name, period.start,
                                         period.until, run.head.seq)
    return subjects


@functools.lru_cache(maxsize=4096)
def _deduction_of(key: str) -> tuple[str, int] | None:
    """(item, deduction index) of a deduction's counter key (``d:ITEM:N``), else None."""
    if not key.startswith("d:"):
        return None
    item, j = key[2:].rsplit(":", 1)
    return item, int(j)


def _score(assessment, scheme, params, subject, found, vetoes, recorded, findings_of,
           draw=None, evaluated=None, fed=None, tiers=None, bars=None, graded=None,
           alike=None, titles=None) -> dict:
    """One subject's result: its total, grade (after the bars, `_bar`) and veto, and
    ``body``, the canonical JSON of its detail cut where its consequences go (`_split`:
    `_consequences` finds them, `_publish` joins them in). ``alike`` keeps the results so
    far by the facts they were made from: a subject whose facts are those of one scored
    before, but for who it is, gets that result — the scheme contract's "the same facts
    give the same score" (docs/hooks.md), the subject being named for messages only."""
    occurrences = {}
    for key, count in found.items():
        deduction = _deduction_of(key)
        if deduction is not None:
            occurrences[deduction] = count
    found_items = {findings_of[k]: n for k, n in found.items() if k in findings_of}
    holding, undetermined = [], []
    for number, veto in enumerate(vetoes):
        verdict = veto.test(found)
        if verdict is None:
            undetermined.append(number)
        elif verdict:
            holding.append(number)
    given, score_value, recorded_ids = None, None, {}
    if "grade" in recorded and subject in recorded["grade"]:
        given, recorded_ids["grade"] = recorded["grade"][subject]
    if "score" in recorded and subject in recorded["score"]:
        value, recorded_ids["score"] = recorded["score"][subject]
        try:
            score_value = _number(value) if value is not None else None
        except InvalidOperation:
            score_value = None
    evaluations = {way: _number(value) for way, (value, _) in (evaluated or {}).items()
                   if value is not None}
    recorded_all = {**recorded_ids, **{f"weight:{way}": record for way, (_, record)
                                       in (evaluated or {}).items()}}
    # A province's 110,000 subjects are a few thousand alike: scored and encoded once
    # each. A draw of case files is the subject's own, and so are the records it names.
    # The key is everything of the subject's that the scoring, the vetoes, the tiers and
    # the bars read: every count (those of vetoes, tiers and bars included), the values
    # and ids recorded, the evaluations, the results fed and the grades that bar it.
    key = None
    if alike is not None and draw is None:
        key = (_exact_items(found), given, _exact(score_value), _exact_items(evaluations),
               _exact_items(fed or {}), _exact_items(graded or {}),
               tuple(recorded_all.items()))
        kept = alike.get(key)
        if kept is not None:
            return dict(kept)
    facts = SubjectFacts(subject=subject, occurrences=occurrences, vetoes=tuple(holding),
                         given=given, params=params, recorded=score_value, found=found_items,
                         files=draw.files if draw is not None else (),
                         evaluations=evaluations, fed=fed or {}, tiers=tiers or {})
    # A grade is the assessors' to record: a subject they recorded none for is not graded
    # (未评定), and a recorded value the scheme refuses (a grade that is no band of the
    # assessment) is said, with the record, rather than scored.
    problem, result = None, None
    # Tiers (等级 G 若 …) grade by conditions: a subject with no grade recorded is graded too.
    if given is not None or not any(r.what == "grade" for r in assessment.recorded) \
            or tiers:
        try:
            result = scheme.score(assessment, facts)
        except ValueError as error:
            problem = f"{error} (record {recorded_ids.get('grade') or recorded_ids.get('score')})"
    out = {"total": str(result.total) if result is not None and result.total is not None
           else None,
           "grade": result.grade if result is not None else None,
           "vetoed_by": result.vetoed_by if result is not None else None}
    items = []
    for item, scored in zip(assessment.items,
                            result.items if result is not None and result.items else
                            [None] * len(assessment.items), strict=True):
        items.append({
            "item": item.name,
            "points": _text(scored.points) if scored else _text(item.points),
            "score": _text(scored.score) if scored else None,
            "deductions": [{"index": t.index, "what": t.what, "count": t.count,
                            "points": _text(t.points), "adds": item.deductions[t.index].adds}
                           for t in (scored.deductions if scored else ())],
            # Not graded (no grade recorded): what the items found is still the subject's.
            "findings": [{"index": n, "what": what, "count": count}
                         for n, what, count in (scored.found if scored else (
                             (j, f.per.text, found_items.get((item.name, j), 0))
                             for j, f in enumerate(item.findings)))]})
    out["detail"] = {
        "items": items,
        "vetoes": [{"index": n, "condition": condition_text(v.condition),
                    "grade": v.grade, "holds": n in holding}
                   for n, v in enumerate(assessment.vetoes) if n in holding],
        "undetermined_vetoes": [
            {"index": n, "condition": condition_text(assessment.vetoes[n].condition),
             "cannot_count": vetoes[n].undetermined} for n in undetermined],
        "recorded": recorded_all,
        "problem": problem,
        # each tier's verdict (等级 G 若 …): true, false, or null where records cannot
        # decide it
        **({"tiers": [{"index": n, "grade": assessment.bands[n].name,
                       "condition": condition_text(assessment.bands[n].condition),
                       "holds": verdict} for n, verdict in sorted(tiers.items())]}
           if tiers else {}),
        **({"draw": _draw(draw)} if assessment.sample is not None else {})}
    _bar(assessment, out, found, bars or {}, graded or {})
    for applied in out["detail"]["bars"]:
        applied["citation"] = cite(applied["citation"], titles or {})
    out["body"] = _split(out.pop("detail"))
    if key is not None and problem is None:  # a scheme's message may name the subject
        alike[key] = out
    return dict(out)


def _exact(value):
    """A fact as a key that tells apart what the scheme may tell apart: a Decimal by its
    digits (88 and 88.0 are equal, but a recorded score is written as it was recorded)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return tuple(_exact(v) for v in value)
    return value


def _exact_items(facts: dict) -> tuple:
    """A mapping of facts as a key: its items in order, each value exact."""
    return tuple(sorted((k, _exact(v)) for k, v in facts.items())) if facts else ()


def _bar(assessment, result: dict, found: dict, bars: dict, graded: dict) -> None:
    """Cap ``result``'s grade by the bars that hold (不得评为 G 若 …), in the regime's order:
    a bar whose condition holds over the counts, or whose assessment gave the subject the
    grade it names, keeps the subject below G. A bar whose condition cannot be decided from
    records is listed as undetermined, never applied."""
    applied, undetermined = [], []
    for n, bar in enumerate(assessment.bars):
        if bar.assessment is not None:
            holds = graded.get(bar.assessment.text) == bar.graded
            because = f"考核 {bar.assessment.text} 等级 {bar.graded}"
        else:
            holds = bars[n].test(found)
            because = condition_text(bar.condition)
        lowered, grade = capped(assessment, result["grade"], bar.grade)
        if holds is None and lowered:
            undetermined.append({"index": n, "grade": bar.grade, "because": because,
                                 "cannot_count": bars[n].undetermined})
        elif holds and lowered:
            applied.append({"index": n, "grade": bar.grade, "because": because,
                            "from": result["grade"], "to": grade, "citation": bar.citation})
            result["grade"] = grade
    result["detail"]["bars"] = applied
    result["detail"]["undetermined_bars"] = undetermined


def _number(value) -> Decimal:
    """A JSON number as the store read it (a binary float) back to the decimal the record
    wrote: its shortest repr is that decimal (94.95), and 88.0 is the 88 written."""
    return Decimal(format(Decimal(repr(float(value))).normalize(), "f"))


def _draw(draw) -> dict:
    """The draw as the result keeps it: enough to repeat it and to see each file's score."""
    if draw is None:
        return {"seed": None, "catalogue": 0, "files": []}
    return {"seed": draw.seed, "catalogue": draw.catalogue, "files": [
        {"file": f.matter, "score": _text(f.final), "sheet": f.sheet,
         "sheet_score": _text(f.score), "appeal": f.appeal,
         # an upheld appeal corrects the problem found (第九条): the veto item no longer holds
         "vetoed": f.vetoed and f.appeal is None, "lifted": f.vetoed and f.appeal is not None}
        for f in draw.files]}


def _text(value) -> str | None:
    """Points as exact decimal text without trailing zeros (60, 2.5): the total keeps the
    places the scheme rounded it to, and is written as it is."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _consequences(results, measures) -> None:
    """Each subject's consequences: those of its grade, and of a grade it got in as many
    consecutive periods as a consequence asks (连续 N 年), the latest the year assessed."""
    grades = {(a.name, p.year, subject): r["grade"] for a, p, subject, r in results}
    for assessment, period, subject, result in results:
        step = YEARS_OF.get(assessment.cycle or "", 1)
        out = []
        for consequence in assessment.consequences:
            n = consequence.consecutive or 1
            years = [period.year - k * step for k in range(n)]
            if all(grades.get((assessment.name, y, subject)) == consequence.grade
                   for y in years):
                out.append({"grade": consequence.grade, "consecutive": consequence.consecutive,
                            "years": sorted(years),
                            "measures": [[ref.text for ref in option]
                                         for option in consequence.options],
                            # 施于: on whom each measure falls, as its declaration says
                            # (issue 10's measures); a notice or a measure without it: none
                            "falls_on": {ref.text: list(measures[ref.text].falls_on)
                                         for option in consequence.options for ref in option
                                         if ref.text in measures
                                         and measures[ref.text].falls_on},
                            # who decides and proposes (决定/提出), as liability's proceedings
                            # say it: the consequence's own, a measure's own 决定, and a 处分
                            # only ever referred to the appointing authority, never decided
                            "decided_by": _who(consequence.decided_by),
                            "proposed_by": _who(consequence.proposed_by),
                            "deciders": {m.name: m.decided_by.text for m in
                                         _measures_of(consequence, measures)
                                         if m.decided_by is not None},
                            "referrals": [m.name for m in _measures_of(consequence, measures)
                                          if m.referral],
                            "citation": consequence.citation})
        result["consequences"] = out


def _who(party) -> str | None:
    return party.text if isinstance(party, Ref) else party


def _measures_of(consequence, measures) -> list:
    """The declared measures a consequence proposes, each once, in the order written."""
    names = dict.fromkeys(ref.text for option in consequence.options for ref in option)
    return [measures[name] for name in names if name in measures]


def _publish(compute, run, todo, results, titles) -> None:
    """The scores and the periods scored, inside the transaction the evidence went in.

    A detail is its body (`_score`) with its consequences in it; the bodies subjects share
    go to the store once each, and each subject's row carries the number of its body and
    the consequences it has (none, most often) — the store joins the two. So a province's
    110,000 rows move as short ones, not each with its whole detail."""
    numbers = {(a.name, p.start): n for n, (a, p) in enumerate(todo)}
    subjects = [0] * len(todo)
    bodies: dict[tuple[str, str], int] = {}
    rows = []
    for assessment, period, subject, result in results:
        number = numbers[(assessment.name, period.start)]
        subjects[number] += 1
        consequences = result["consequences"]
        for c in consequences:
            c["citation"] = cite(c["citation"], titles)
        body = bodies.setdefault(result["body"], len(bodies))
        rows.append((number, subject, result["total"], result["grade"], result["vetoed_by"],
                     canonical_json(consequences) if consequences else None, body))
    compute.temp_table(STAGED_BODIES, [("body", "integer"), ("open", "text"),
                                       ("close", "text")],
                       [(number, *body) for body, number in bodies.items()])
    compute.temp_table(STAGED_SCORES, [
        ("done", "integer"), ("subject", "text"), ("total", "text?"), ("grade", "text?"),
        ("vetoed_by", "text?"), ("consequences", "text?"), ("body", "integer")], rows)
    compute.temp_table(STAGED_DONE, [("number", "integer"), *ASSESSMENTS.columns[1:]],
                       [(n, a.name, p.start, p.until, subjects[n])
                        for n, (a, p) in enumerate(todo)])
    compute.insert("assessments", select(Param("run"), *(
        Col("t", n) for n in ASSESSMENTS.names[1:]), source=Table(STAGED_DONE, "t")),
        {"run": run.id})
    # The detail: its body's text up to the consequences, the consequences, the rest —
    # concatenated (||, standard SQL on every backend) into the text canonical_json gives
    # the whole detail.
    detail = ir.Op("||", ir.Op("||", Col("b", "open"), ir.Func("COALESCE", (
        Col("t", "consequences"), Param("none")))), Col("b", "close"))
    compute.insert("assessment_scores", select(
        Param("run"), Col("d", "assessment"), Col("d", "period"), Col("t", "subject"),
        Col("t", "total"), Col("t", "grade"), Col("t", "vetoed_by"), detail,
        source=Table(STAGED_SCORES, "t"),
        joins=(ir.Join(Table(STAGED_DONE, "d"), Col("d", "number").eq(Col("t", "done"))),
               ir.Join(Table(STAGED_BODIES, "b"), Col("b", "body").eq(Col("t", "body"))))),
        {"run": run.id, "none": "[]"})


def _split(detail: dict) -> tuple[str, str]:
    """A detail but for its consequences as the two pieces of its canonical JSON around
    them: ``{…"consequences":`` and ``,…}``. canonical_json sorts the members, so the
    members before "consequences" (bars) come first and the others (draw, items, …)
    after: open + the consequences' JSON + close is the text canonical_json gives the
    whole detail, byte for byte."""
    before = {k: v for k, v in detail.items() if k < "consequences"}
    after = {k: v for k, v in detail.items() if k > "consequences"}
    opening = canonical_json(before)[:-1] + "," if before else "{"
    closing = "," + canonical_json(after)[1:] if after else "}"
    return opening + '"consequences":', closing

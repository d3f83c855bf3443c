"""The liability report as JSON (docs/liability.md, format_version 1): `document` is what
`respons liability --format json` prints, `case_data` one case of it — which is also what
each proposal kept under a run holds (written as text by `respons.report.liability_detail`).
"""

from __future__ import annotations

from respons.engine.attribution import falls_on
from respons.engine.ladder import Outcome
from respons.engine.liability import CaseResult
from respons.syntax.citation import format_citation
from respons.syntax.present import condition_text

FORMAT_VERSION = 1


def _case_kind(case: CaseResult):
    """The record kind of the case's record, where the case has one (not a standing one)."""
    return case.kind


# ── JSON ─────────────────────────────────────────────────────────────────────────────
def _citation(citation, titles, outer=None) -> dict | None:
    """A citation as JSON — one written inside a ladder (〔第二款〕) completed from the
    ladder's (第十五条第二款), as the text report cites it."""
    if citation is None:
        citation = outer
    elif outer is not None:
        citation = citation.within(outer)
    if citation is None:
        return None
    return {"regime": citation.regime, "text": format_citation(citation,
                                                               titles.get(citation.regime))}


def document(regime, results: list[CaseResult], run, verified: bool, selection,
             titles: dict[str, str]) -> dict:
    """The report as JSON data (docs/liability.md, format_version 1)."""
    measures = {m.name: m for m in regime.measures}
    faults = {f.name: f for f in regime.faults}
    apportionments = {a.name: a for a in regime.apportionments}
    return {
        "format_version": FORMAT_VERSION,
        "regime": regime.id,
        "run": {"id": run.id, "head": {"seq": run.head.seq, "hash": run.head.hash},
                "verified": verified, "engine": run.engine},
        "selection": {"case": selection.case, "year": selection.year},
        "cases": [_case_data(r, measures, faults, apportionments, titles) for r in results],
    }


def case_data(regime, titles: dict[str, str]):
    """``data(case)``: a case as the JSON document gives it, as data."""
    measures = {m.name: m for m in regime.measures}
    faults = {f.name: f for f in regime.faults}
    apportionments = {a.name: a for a in regime.apportionments}
    return lambda case: _case_data(case, measures, faults, apportionments, titles)


def apportionment_citation(apportionments, proceeding):
    """The citation of the 责任划分 ``proceeding`` names (``apportionments`` by name): a
    rule's own (〔第（一）项〕) is completed from it (第十一条第（一）项)."""
    ref = proceeding.apportionment
    found = apportionments.get(ref.text) if ref is not None else None
    return found.citation if found is not None else None


def _case_data(r: CaseResult, measures, faults, apportionments, titles) -> dict:
    outer = apportionment_citation(apportionments, r.proceeding)
    return {
        "case": r.matter, "record": r.record, "date": r.date, "proceeding": r.proceeding.name,
        "proceeding_citation": _citation(r.proceeding.citation, titles),
        "fault": _fault_data(r.fault, r.fault_known, faults, titles),
        "circumstances": [circumstance_data(x, x.count, x.records, titles)
                          for x in r.circumstances],
        "ladders": [_outcome_data(o, measures, titles, r) for o in r.outcomes],
        "bearers": [share_data(s, s.person, titles, outer) for s in r.shares],
        "decided_by": r.decided_by, "proposed_by": r.proposed_by, "defence": r.defence,
        # a tuple, or a writer's placeholder (`respons.report.liability_detail`)
        "found_undeclared": list(r.found_undeclared) if isinstance(r.found_undeclared, tuple)
        else r.found_undeclared,
    }


def _fault_data(name: str | None, known: bool, faults, titles) -> dict | None:
    if name is None:
        return None
    fault = faults.get(name)
    return {"name": name, "declared": known,
            "citation": _citation(fault.citation if fault else None, titles)}


def circumstance_data(x, count, records, titles) -> dict:
    """A circumstance of a case (``count`` and ``records`` its own: a writer of many cases
    may give placeholders)."""
    return {"name": x.name, "holds": x.holds, "how": x.how, "count": count,
            "records": list(records) if isinstance(records, tuple) else records,
            "citation": _citation(x.citation, titles)}


def share_data(s, person, titles, outer=None) -> dict:
    """One share of a case (``person`` its own, or a placeholder; ``outer`` the citation of
    the 责任划分 its rule is written in)."""
    return {"person": person, "reference": s.bearer.reference, "field": s.field,
            "who": s.who, "share": s.bearer.share, "responsibility": s.responsibility,
            "bears": s.bears, "joiner": s.rule.joiner,
            "citation": _citation(s.rule.citation, titles, outer)}


def _outcome_data(o: Outcome, measures, titles, case: CaseResult) -> dict:
    lad = o.ladder
    step = o.step if o.pursued else None
    base = next((s for s in lad.steps if s.level == o.base_level), None)
    kept = o.kept_step if o.pursued else None
    return {
        "ladder": lad.name, "subject": lad.subject, "pursued": o.pursued,
        "citation": _citation(lad.citation, titles),
        "exempted_by": [{"condition": condition_text(m.condition),
                         "citation": _citation(m.citation, titles, lad.citation)}
                        for m in o.exemptions],
        "waived_by": None if o.waived_by is None else {
            "condition": condition_text(o.waived_by.condition),
            "citation": _citation(o.waived_by.citation, titles, lad.citation)},
        "base_step": None if base is None else {
            "level": base.level, "condition": condition_text(base.condition),
            "modal": base.modal, "keeps_higher": base.keeps_higher,
            "citation": _citation(base.citation, titles, lad.citation)},
        # 保留较高级: the higher step kept open to the decision-maker, as the text gives it.
        "kept_step": None if kept is None else {
            "level": kept.level, "condition": condition_text(kept.condition),
            "modal": kept.modal, "citation": _citation(kept.citation, titles, lad.citation),
            "measures": _measures_data(kept.options, kept.additions, measures, titles,
                                       case) | {"combine": kept.combine}},
        "step": None if step is None else step.level,
        "modifiers": [{"kind": a.modifier.kind, "condition": condition_text(a.modifier.condition),
                       "modal": a.modifier.modal, "applied": a.applied, "effect": a.effect,
                       "step_after": a.level_after, "note": a.note,
                       "alternatives": [{"effect": e, "step": lv} for e, lv in a.alternatives],
                       "citation": _citation(a.modifier.citation, titles, lad.citation)}
                      for a in o.modifiers],
        "measures": None if not o.pursued else _measures_data(
            o.options, o.additions, measures, titles, case) | {
                "combine": o.combine, "choice": o.choice},
        "notes": list(o.notes),
    }


def _measures_data(options, additions, measures, titles, case: CaseResult) -> dict:
    """A step's options (each a list of measures) and the measures that may be added."""
    return {"options": [[_measure_data(ref, measures, titles, case) for ref in option]
                        for option in options],
            "may_add": [_measure_data(ref, measures, titles, case) for ref in additions]}


def _measure_data(ref, measures, titles, case: CaseResult) -> dict:
    m = measures.get(ref.text)
    on = falls_on(m, case.fields, _case_kind(case)) if m is not None else {}
    return {"name": ref.text, "severity": m.severity if m else None,
            "category": m.category if m else None,
            "falls_on": list(m.falls_on) if m else [],
            "falls_on_persons": {word: list(names) for word, names in on.items()},
            "decided_by": m.decided_by.text if m and m.decided_by else None,
            "referral": bool(m and m.referral),
            "citation": _citation(m.citation if m else None, titles)}

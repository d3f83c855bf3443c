"""The liability report: for each case, what is proposed, for whom, and why — as text for the
person it concerns (in the regime's language, or --lang's) or as JSON (docs/liability.md).

Both name the run and ledger head the cases were read from (the JSON form is
``respons.report.liability_json``'s, the detail each kept proposal holds
``respons.report.liability_detail``'s). Every line that states a result
carries its article; every circumstance names how it was established and the records
behind it by id; every modifier says whether it applied, and if not, why. What a regime or
a record wrote is never translated, only put into the words of ``respons.report.words``.
"""

from __future__ import annotations

from respons.engine.ladder import Outcome
from respons.engine.liability import CaseResult
from respons.model import bearers as table
from respons.model import vocab
from respons.report.liability_detail import case_detail
from respons.report.liability_json import FORMAT_VERSION, apportionment_citation, document
from respons.report.show import bearer_text
from respons.report.words import Words
from respons.syntax.present import cite, condition_text
from respons.terminal import one_line

#: The JSON form lives in `respons.report.liability_json`; the commands read it from here.
__all__ = ["FORMAT_VERSION", "case_detail", "document", "render_text"]

_MODIFIER = {"aggravate": ("从重", "aggravate"), "mitigate": ("从轻", "mitigate"),
             "exempt": ("不予追究", "exempt")}
_EFFECT = {"raise": "加重", "lower": "减轻", "waive": "免予追究", "heaviest": "最重",
           "lightest": "最轻", "heavier": "从重", "lighter": "从轻"}


def _effect(text: str) -> str:
    kind = text.rstrip("0123456789")
    steps = text[len(kind):]
    word = _EFFECT.get(kind, kind)
    return f"{word}{steps}级" if steps else word


class Context:
    """What every line needs: the regime's measures, the words, the citation titles."""

    def __init__(self, regime, titles: dict[str, str], words: Words) -> None:
        self.measures = {m.name: m for m in regime.measures}
        self.faults = {f.name: f for f in regime.faults}
        self.apportionments = {a.name: a for a in regime.apportionments}
        self.titles = titles
        self.words = words

    def apportionment_citation(self, r):
        return apportionment_citation(self.apportionments, r.proceeding)

    def cite(self, citation, outer=None) -> str:
        text = cite(citation, self.titles, outer)
        return f"  {text}" if text else ""


# ── text ─────────────────────────────────────────────────────────────────────────────
def render_text(regime, results: list[CaseResult], run, verified: bool, which: str,
                titles: dict[str, str], words: Words) -> str:
    c = Context(regime, titles, words)
    chain = words("chain.verified" if verified else "chain.unverified")
    out = [one_line(words("li.title", title=regime.title, id=regime.id, which=which)),
           "  " + words("run", run=run.id, seq=run.head.seq, hash=run.head.hash[:16],
                        chain=chain)]
    if not results:
        out.append(words("li.none"))
    for result in results:
        out += [""] + [one_line(line) for line in _case(c, result)]
    return "\n".join(out) + "\n"


def _case(c: Context, r: CaseResult) -> list[str]:
    w, p = c.words, r.proceeding
    lines = [w("li.case", matter=r.matter or r.record, record=r.record, date=r.date,
               proceeding=p.name, citation=c.cite(p.citation))]
    if r.fault is None:
        lines.append(w("li.fault.none", field=p.fault_field or "过错"))
        return lines
    if not r.fault_known:
        lines.append(w("li.fault.unknown", fault=r.fault))
        return lines
    lines.append(w("li.fault", fault=r.fault, citation=c.cite(c.faults[r.fault].citation)))
    shown = [x for x in r.circumstances if x.how != "fault"]
    if shown:
        lines.append(w("li.circumstances"))
        lines += [_circumstance(c, x) for x in shown]
    if r.found_undeclared:
        lines.append(w("li.found.undeclared", field=p.found_field or "认定",
                       names="、".join(r.found_undeclared)))
    for outcome in r.outcomes:
        lines += _outcome(c, outcome)
    if not any(o.pursued for o in r.outcomes):
        return lines
    lines.append(w("li.bearers"))
    lines += _bearers(c, r) or [w("li.bearer.none")]
    lines.append(w("li.decides", decider=r.decided_by or w("li.unnamed"),
                   proposer=r.proposed_by or w("li.unnamed")))
    return lines


def _circumstance(c: Context, x) -> str:
    w, mark = c.words, "✓" if x.holds else "✗"
    citation = c.cite(x.citation)
    if x.how == "count":
        if not x.count:
            return w("li.c.count.none", mark=mark, name=x.name, citation=citation)
        if not x.records:
            return w("li.c.count.total", mark=mark, name=x.name, count=x.count,
                     citation=citation)
        return w("li.c.count", mark=mark, name=x.name, count=x.count,
                 records=", ".join(x.records), citation=citation)
    if x.how == "found":
        return w("li.c.found", name=x.name, citation=citation)
    if x.how == "not-found":
        return w("li.c.not_found", name=x.name, citation=citation)
    key = {"condition": "li.c.condition", "fault": "li.c.fault"}[x.how]
    return w(key, mark=mark, name=x.name, citation=citation)


def _outcome(c: Context, o: Outcome) -> list[str]:
    w, lad = c.words, o.ladder
    lines = [w("li.ladder", ladder=lad.name, citation=c.cite(lad.citation))]
    if o.exemptions:
        return lines + [w("li.exempt", condition=condition_text(m.condition),
                          citation=c.cite(m.citation, lad.citation)) for m in o.exemptions]
    if o.base_level is None:
        return [*lines, w("li.no_step")]
    base = next(s for s in lad.steps if s.level == o.base_level)
    if o.kept_level is not None:
        lines.append(w("li.step.kept", level=base.level, kept=o.kept_level,
                       condition=condition_text(base.condition),
                       citation=c.cite(base.citation, lad.citation)))
    else:
        lines.append(w("li.step", level=base.level, condition=condition_text(base.condition),
                       citation=c.cite(base.citation, lad.citation)))
    if base.modal == "may":
        # 可以: the text permits the step's measures; whether to impose them is the
        # decision-maker's (as the JSON's base_step.modal "may" says).
        lines.append(w("li.step.may"))
    for a in o.modifiers:
        kind = _MODIFIER[a.modifier.kind][0]
        condition = condition_text(a.modifier.condition)
        citation = c.cite(a.modifier.citation, lad.citation)
        if a.applied and a.effect == "waive":
            lines.append(w("li.waived", condition=condition, citation=citation))
        elif a.applied:
            moved = w("li.mod.moved", level=a.level_after) if a.effect[:5] in ("raise",
                                                                              "lower") else ""
            if a.note:
                moved += w({"highest": "li.mod.edge.highest",
                            "lowest": "li.mod.edge.lowest"}[a.note])
            lines.append(w("li.mod.applied", kind=kind, condition=condition,
                           effect=_effect(a.effect), moved=moved, citation=citation))
        else:
            effects = w("li.or").join(_effect(e) for e, _ in a.alternatives)
            why = w("li.mod.why.may" if a.note == "可以" else "li.mod.why.or")
            lines.append(w("li.mod.open", kind=kind, condition=condition, effects=effects,
                           why=why, citation=citation))
    if not o.pursued:
        return lines
    if "defence" in o.notes:
        lines.append(w("li.defence"))
    if "heaviest-and-lightest" in o.notes:
        lines.append(w("li.cancel"))
    step = o.step
    measures = _options(c, o.options, o.combine, step)
    extra = w("li.measures.combine") if o.combine else ""
    if o.choice:
        extra += w("li.measures.choose", choice=w({
            "heaviest": "li.heaviest", "lightest": "li.lightest", "heavier": "li.heavier",
            "lighter": "li.lighter"}[o.choice]))
    lines.append(w("li.measures", measures=measures, combine=extra))
    if o.additions:
        lines.append(w("li.may_add", measures=w("li.or").join(
            _measure(c, ref, step) for ref in o.additions)))
    kept = o.kept_step
    if kept is not None:
        lines += _kept(c, lad, kept)
    return lines


def _kept(c: Context, lad, kept) -> list[str]:
    """The higher step a 保留较高级 step was proposed in place of: open to the decision-maker,
    its measures as the text gives them."""
    w = c.words
    measures = _options(c, kept.options, kept.combine, kept)
    additions = w("li.kept.may_add", measures=w("li.or").join(
        _measure(c, ref, kept) for ref in kept.additions)) if kept.additions else ""
    return [w("li.kept", level=kept.level, condition=condition_text(kept.condition),
              citation=c.cite(kept.citation, lad.citation)),
            w("li.kept.measures", measures=measures, additions=additions,
              combine=w("li.measures.combine") if kept.combine else "")]


def _options(c: Context, options, combine: bool, step) -> str:
    """A step's options: 或 between them (、 for measures applied alone or together), 并
    within one."""
    w = c.words
    joiner = "、" if combine else w("li.or")
    return joiner.join(w("li.and").join(_measure(c, ref, step) for ref in option)
                       for option in options)


def _measure(c: Context, ref, step) -> str:
    measure = c.measures.get(ref.text)
    referral = c.words("li.referral") if measure is not None and measure.referral else ""
    if measure is not None and measure.decided_by is not None:
        referral += c.words("li.measure.decider", decider=measure.decided_by.text)
    return c.words("li.measure", name=ref.text, referral=referral,
                   citation=c.cite(measure.citation if measure else None))


def _bearers(c: Context, r: CaseResult) -> list[str]:
    w, lines = c.words, []
    for share in r.shares:
        facts = bearer_text(share.bearer)
        facts = facts[len(share.bearer.reference):].strip(" ()")
        kind = table.kind_of(share.bearer.reference)
        if share.responsibility and not share.bearer.kind:
            facts = ", ".join(f for f in (facts, vocab.RESPONSIBILITIES.chinese(
                share.responsibility)) if f)
        if not share.bears:
            facts += w("li.bearer.bears_nothing")
        joiner = {"or": w("li.joiner.or"), "severally": w("li.joiner.severally")}.get(
            share.rule.joiner, "")
        reference = kind.spellings[0] if kind is not None and \
            share.bearer.reference == kind.canonical else share.bearer.reference
        lines.append(w("li.bearer", person=share.person or w("li.bearer.unnamed"),
                       reference=reference, facts=(", " + facts) if facts else "",
                       joiner=joiner, citation=c.cite(share.rule.citation,
                                                      c.apportionment_citation(r))))
    return lines

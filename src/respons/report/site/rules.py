"""The assessment page (评议考核: items, deductions, grades, vetoes, what follows a grade,
weights) and the liability page (责任追究: faults, the ladders by severity with their
heavier, lighter and exempt circumstances, who bears a fault, the measures) — hangzhou 17
"责任追究、监督形式".
"""

from __future__ import annotations

from respons.model import bearers, vocab
from respons.report.site.markup import esc
from respons.report.site.text import Speaker, number

ASSESSMENT_FILE = "assessment.html"
LIABILITY_FILE = "liability.html"


def fault_anchors(regime) -> dict[str, str]:
    """Each fault's place on the liability page, by name."""
    return {fault.name: f"{LIABILITY_FILE}#fault-{index}"
            for index, fault in enumerate(regime.faults, 1)}


def _li(text: str, article: str) -> str:
    """A list item: ``text`` escaped, then ``article`` (markup, `Speaker.cited`)."""
    return f"<li>{esc(text)}{article}</li>"


def assessment_page(regime, speak: Speaker) -> str:
    words = speak.words
    out = [f"<h1>{esc(words('section.assessment'))}</h1>\n"]
    if not regime.assessments:
        out.append(f'<p class="muted">{esc(words("section.none"))}</p>\n')
    for index, a in enumerate(regime.assessments, 1):
        out.append(f'<section class="item" id="assessment-{index}"><h2>{esc(a.name)}'
                   f"{speak.cited(a.citation)}</h2>\n<dl>")
        facts = [(words("assessment.subject"), speak.word(vocab.SUBJECTS, a.subject)),
                 (words("assessment.cycle"), speak.word(vocab.CYCLES, a.cycle)),
                 (words("assessment.full"), number(a.full_marks)
                  if a.full_marks is not None else "")]
        out += [f"<dt>{esc(t)}</dt><dd>{esc(v)}</dd>" for t, v in facts if v]
        out.append("</dl>\n")
        if a.items:
            out.append(f"<h3>{esc(words('assessment.items'))}</h3>\n<ul>")
            for item in a.items:
                points = (words("assessment.points", points=number(item.points))
                          if item.points is not None else words("assessment.no_points"))
                out.append(f"<li>{esc(item.name)} · {esc(points)}"
                           f"{speak.cited(item.citation, a.citation)}")
                if item.deductions:
                    out.append("<ul>" + "".join(
                        _li(words("assessment.deduct", per=d.per.text,
                                  points=number(d.points)),
                            speak.cited(d.citation, item.citation or a.citation))
                        for d in item.deductions) + "</ul>")
                out.append("</li>")
            out.append("</ul>\n")
        if a.bands or a.boundaries:
            out.append(f"<h3>{esc(words('assessment.bands'))}</h3>\n<ul>")
            for band in a.bands:
                bounds = words("and").join(words(f"bound.{b.op}", value=number(b.value))
                                           for b in band.bounds)
                out.append(_li(f"{band.name}: {bounds}" if bounds else band.name,
                               speak.cited(band.citation, a.citation)))
            for boundary in a.boundaries:
                out.append(_li(words("assessment.boundary", score=number(boundary.score),
                                     grade=boundary.grade),
                               speak.cited(boundary.citation, a.citation)))
            out.append("</ul>\n")
        if a.vetoes:
            out.append(f"<h3>{esc(words('assessment.vetoes'))}</h3>\n<ul>")
            out += [_li(words("assessment.veto", condition=speak.condition(v.condition),
                              grade=v.grade), speak.cited(v.citation, a.citation))
                    for v in a.vetoes]
            out.append("</ul>\n")
        if a.consequences:
            out.append(f"<h3>{esc(words('assessment.consequences'))}</h3>\n<ul>")
            for c in a.consequences:
                years = words("assessment.years", count=c.consecutive) if c.consecutive else ""
                out.append(_li(words("assessment.consequence", grade=c.grade, years=years,
                                     measures=speak.options(c.options)),
                               speak.cited(c.citation, a.citation)))
            out.append("</ul>\n")
        if a.weights:
            out.append(f"<h3>{esc(words('assessment.weights'))}</h3>\n<ul>")
            out += [_li(words("assessment.weight", source=speak.word(vocab.EVALUATIONS,
                                                                      w.source),
                              percent=number(w.percent)), speak.cited(w.citation, a.citation))
                    for w in a.weights]
            out.append("</ul>\n")
        out.append("</section>\n")
    return "".join(out)


def liability_page(regime, speak: Speaker) -> str:
    words = speak.words
    out = [f"<h1>{esc(words('section.liability'))}</h1>\n"]
    if not (regime.faults or regime.ladders or regime.measures):
        out.append(f'<p class="muted">{esc(words("section.none"))}</p>\n')
    if regime.faults:
        out.append(f'<h2 id="faults">{esc(words("liability.faults"))}</h2>\n<ol>')
        for index, fault in enumerate(regime.faults, 1):
            facts = [speak.word(vocab.SUBJECTS, fault.subject)] if fault.subject else []
            if fault.categories:
                facts.append(words("liability.within",
                                   categories=speak.refs(fault.categories, "list.sep")))
            detail = f' <span class="muted">({esc("; ".join(facts))})</span>' if facts else ""
            out.append(f'<li id="fault-{index}">{esc(fault.name)}{detail}'
                       f"{speak.cited(fault.citation)}</li>")
        out.append("</ol>\n")
    if regime.ladders:
        out.append(f'<h2 id="ladders">{esc(words("liability.ladders"))}</h2>\n')
    for index, ladder in enumerate(regime.ladders, 1):
        subject = speak.word(vocab.SUBJECTS, ladder.subject)
        subject = f' <span class="muted">({esc(subject)})</span>' if subject else ""
        out.append(f'<section class="item" id="ladder-{index}"><h3>{esc(ladder.name)}{subject}'
                   f"{speak.cited(ladder.citation)}</h3>\n<ul>")
        for step in sorted(ladder.steps, key=lambda s: s.level):
            out.append(_li(words("liability.step", level=step.level,
                                 condition=speak.condition(step.condition),
                                 measures=speak.options(step.options)),
                           speak.cited(step.citation, ladder.citation)))
        for modifier in ladder.modifiers:
            effects = words("or").join(_effect(e, speak) for e in modifier.effects)
            effects = words("liability.effects", effects=effects) if effects else ""
            key = f"liability.{modifier.kind}"
            values = {"condition": speak.condition(modifier.condition)}
            if modifier.kind != "exempt":
                values["effects"] = effects
            out.append(_li(words(key, **values), speak.cited(modifier.citation, ladder.citation)))
        out.append("</ul></section>\n")
    if regime.apportionments:
        out.append(f'<h2 id="bearers">{esc(words("liability.bearers"))}</h2>\n')
    for index, apportionment in enumerate(regime.apportionments, 1):
        out.append(f'<section class="item" id="apportionment-{index}">'
                   f"<h3>{esc(apportionment.name)}{speak.cited(apportionment.citation)}"
                   "</h3>\n<ul>")
        for rule in apportionment.rules:
            bearers = words("with").join(_bearer(b, speak) for b in rule.bearers)
            out.append(_li(words("liability.bearing", condition=speak.condition(rule.condition),
                                 bearers=bearers),
                           speak.cited(rule.citation, apportionment.citation)))
        out.append("</ul></section>\n")
    if regime.measures:
        out.append(f'<h2 id="measures">{esc(words("liability.measures"))}</h2>\n<ul>')
        for measure in regime.measures:
            facts = [speak.word(vocab.CATEGORIES, measure.category),
                     speak.word(vocab.SUBJECTS, measure.subject)]
            facts = [f for f in facts if f]
            detail = f' <span class="muted">({esc(speak.join(facts))})</span>' if facts else ""
            out.append(f"<li>{esc(measure.name)}{detail}{speak.cited(measure.citation)}"
                       "</li>")
        out.append("</ul>\n")
    return "".join(out)


def _bearer(bearer, speak: Speaker) -> str:
    # A bearer is a reference: a kind of the bearers' table (承办人…), said in the site's
    # language, or a field of the case record, as the regime writes it.
    kind = bearers.kind_of(bearer.reference)
    who = speak.word(bearers.BEARERS, kind.canonical) if kind else bearer.reference
    if bearer.share is None:
        return who
    return speak.words("liability.share", bearer=who,
                       share=speak.word(vocab.SHARES, bearer.share))


def _effect(effect, speak: Speaker) -> str:
    return speak.words(f"effect.{effect.kind}", steps=effect.steps or 1)

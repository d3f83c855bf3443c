"""The assessment page (评议考核: items, deductions, grades, vetoes, what follows a grade,
weights) and the liability page (责任追究: faults, the ladders by severity with their
heavier, lighter and exempt circumstances, who bears a fault, the measures) — hangzhou 17
"责任追究、监督形式".
"""

from __future__ import annotations

from respons.model import bearers, vocab
from respons.model.base import Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not
from respons.report.site.markup import SLOT, SLOT2, esc, fill
from respons.report.site.text import Speaker, number
from respons.report.site.words import WORDS

ASSESSMENT_FILE = "assessment.html"
LIABILITY_FILE = "liability.html"
NOTICES_FILE = "notices.html"


def fault_anchors(regime) -> dict[str, str]:
    """Each fault's place on the liability page, by name."""
    return {fault.name: f"{LIABILITY_FILE}#fault-{index}"
            for index, fault in enumerate(regime.faults, 1)}


def term_anchors(regime, page: str = "") -> dict[str, str]:
    """Each name a condition may use — a fault, a circumstance, a named condition — and its
    place on the liability page, from ``page`` ("" on that page itself)."""
    anchors = {}
    for kind, elements in (("fault", regime.faults), ("circumstance", regime.circumstances),
                           ("condition", regime.conditions)):
        for index, element in enumerate(elements, 1):
            anchors.setdefault(element.name, f"{page}#{kind}-{index}")
    return anchors


def option_anchors(regime, page: str = "") -> dict[str, str]:
    """Each name a ladder step or a consequence may call for — a measure (on the liability
    page, from ``page``), a notice (on the notices page) — and its place."""
    anchors = {notice.name: f"{NOTICES_FILE}#notice-{index}"
               for index, notice in enumerate(regime.notices, 1)}
    anchors.update({measure.name: f"{page}#measure-{index}"
                    for index, measure in enumerate(regime.measures, 1)})
    return anchors


def linked_options(options, speak: Speaker, anchors: dict[str, str]) -> str:
    """`Speaker.options` as markup: A 并 B 或 C, each a link to where it is defined."""
    words = speak.words
    return esc(words("or")).join(
        esc(words("with")).join(
            f'<a href="{anchors[ref.text]}">{esc(ref.text)}</a>' if ref.text in anchors
            else esc(ref.text) for ref in option)
        for option in options)


def linked(condition, speak: Speaker, anchors: dict[str, str]) -> str:
    """A condition as markup: as `Speaker.condition` writes it, each name it tests a link
    to where the page defines it."""
    if condition is None:
        return ""
    if isinstance(condition, Ref):
        target = anchors.get(condition.text)
        return f'<a href="{target}">{esc(condition.text)}</a>' if target else esc(condition.text)
    if isinstance(condition, Compare):
        return esc(speak.condition(condition))
    words = speak.words
    if isinstance(condition, Not):
        return esc(words("not")) + _grouped(condition.operand, speak, anchors)
    joiner = esc(words("and" if isinstance(condition, AllOf) else "or"))
    return joiner.join(_grouped(operand, speak, anchors) for operand in condition.operands)


def _grouped(condition, speak: Speaker, anchors: dict[str, str]) -> str:
    text = linked(condition, speak, anchors)
    return f"({text})" if isinstance(condition, (AllOf, AnyOf)) else text


def _li(text: str, article: str) -> str:
    """A list item: ``text`` escaped, then ``article`` (markup, `Speaker.cited`)."""
    return f"<li>{esc(text)}{article}</li>"


def assessment_page(regime, speak: Speaker) -> str:
    words = speak.words
    out = [f"<h1>{esc(words('section.assessment'))}</h1>\n"]
    if not regime.assessments:
        out.append(f'<p class="muted">{esc(words("section.none"))}</p>\n')
    assessments = {a.name: f"assessment-{index}"
                   for index, a in enumerate(regime.assessments, 1)}
    for index, a in enumerate(regime.assessments, 1):
        out.append(f'<section class="item" id="assessment-{index}"><h2>{esc(a.name)}'
                   f"{speak.cited(a.citation)}</h2>\n<dl>")
        facts = [(words("assessment.subject"), speak.word(vocab.SUBJECTS, a.subject)),
                 (words("assessment.cycle"), speak.word(vocab.CYCLES, a.cycle)),
                 (words("assessment.full"), number(a.full_marks)
                  if a.full_marks is not None else "")]
        out += [f"<dt>{esc(t)}</dt><dd>{esc(v)}</dd>" for t, v in facts if v]
        out.append("</dl>\n")
        out.append(_how_scored(a, speak))
        if a.items:
            out.append(f"<h3>{esc(words('assessment.items'))}</h3>\n<ul>")
            for item in a.items:
                points = (words("assessment.points", points=number(item.points))
                          if item.points is not None else words("assessment.no_points"))
                source = ""
                if item.source is not None:  # 来自: another assessment's result
                    target = assessments.get(item.source)
                    name = (f'<a href="#{target}">{esc(item.source)}</a>' if target
                            else esc(item.source))
                    source = " · " + fill(words("assessment.source", assessment=SLOT), name)
                out.append(f"<li>{esc(item.name)} · {esc(points)}{source}"
                           f"{speak.cited(item.citation, a.citation)}")
                for finding in item.findings:
                    where = words("liability.where", condition=speak.condition(finding.where)) \
                        if finding.where else ""
                    out.append("<ul>" + _li(words("assessment.finding", per=finding.per.text,
                                                  where=where),
                                            speak.cited(finding.citation,
                                                        item.citation or a.citation)) + "</ul>")
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
            anchors = term_anchors(regime, LIABILITY_FILE)
            for veto in a.vetoes:
                sentence = words("assessment.veto", condition=SLOT, grade=veto.grade)
                out.append(f"<li>{fill(sentence, linked(veto.condition, speak, anchors))}"
                           f"{speak.cited(veto.citation, a.citation)}</li>")
            out.append("</ul>\n")
        if a.consequences:
            options = option_anchors(regime, LIABILITY_FILE)
            out.append(f"<h3>{esc(words('assessment.consequences'))}</h3>\n<ul>")
            for c in a.consequences:
                years = words("assessment.years", count=c.consecutive) if c.consecutive else ""
                sentence = words("assessment.consequence", grade=c.grade, years=years,
                                 measures=SLOT)
                # Who decides it and who proposes it, where the regime says (jilin-city
                # 32（三）: 本级人民政府 decides, 司法行政部门 proposes): part of the rule.
                who = "".join(words(key, who=_party(party)) for key, party in (
                    ("assessment.decided", c.decided_by), ("assessment.proposed", c.proposed_by))
                    if party is not None)
                out.append(f"<li>{fill(sentence, linked_options(c.options, speak, options))}"
                           f"{esc(who)}{speak.cited(c.citation, a.citation)}</li>")
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


def _party(party) -> str:
    """Who decides or proposes: a declared agency, body or post (a `Ref`), or the text's own
    words (a str)."""
    return party if isinstance(party, str) else party.text


def _how_scored(a, speak: Speaker) -> str:
    """The files an assessment samples (抽样, tongzhou 案卷评查规范 10(四)) and the scores or
    grades it takes as recorded (jilin-city 31): markup, or ""."""
    words = speak.words
    lines = []
    if a.sample is not None:
        sample = a.sample
        if sample.count is not None:
            text = words("assessment.sample.count", per=sample.per.text, count=sample.count)
        elif sample.share is not None:
            text = words("assessment.sample.share", per=sample.per.text,
                         share=number(sample.share))
        else:  # the number drawn is a record's (抽样 … 计数 NOTICE 的 FIELD, tongzhou 10(三))
            source = sample.count_from
            text = words("assessment.sample.recorded", per=sample.per.text,
                         source=source.per.text if source else "",
                         field=source.field if source else "")
        lines.append(_li(text, speak.cited(sample.citation, a.citation)))
    for recorded in a.recorded:
        key = f"assessment.recorded.{recorded.what}"
        if key in WORDS:
            lines.append(_li(words(key, per=recorded.per.text, field=recorded.field),
                             speak.cited(recorded.citation, a.citation)))
    return f"<ul>{''.join(lines)}</ul>\n" if lines else ""


def liability_page(regime, speak: Speaker) -> str:
    words = speak.words
    anchors = term_anchors(regime)
    options = option_anchors(regime)
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
    if regime.circumstances or regime.conditions:
        out.append(f'<h2 id="circumstances">{esc(words("liability.circumstances"))}</h2>\n<ul>')
        for index, c in enumerate(regime.circumstances, 1):
            out.append(f'<li id="circumstance-{index}">{esc(_circumstance(c, speak))}'
                       f"{speak.cited(c.citation)}</li>")
        for index, named in enumerate(regime.conditions, 1):
            text = esc(named.name)
            if named.condition is not None:
                text += fill(words("liability.means", condition=SLOT),
                             linked(named.condition, speak, anchors))
            out.append(f'<li id="condition-{index}">{text}{speak.cited(named.citation)}</li>')
        out.append("</ul>\n")
    if regime.ladders:
        out.append(f'<h2 id="ladders">{esc(words("liability.ladders"))}</h2>\n')
    for index, ladder in enumerate(regime.ladders, 1):
        subject = speak.word(vocab.SUBJECTS, ladder.subject)
        subject = f' <span class="muted">({esc(subject)})</span>' if subject else ""
        out.append(f'<section class="item" id="ladder-{index}"><h3>{esc(ladder.name)}{subject}'
                   f"{speak.cited(ladder.citation)}</h3>\n<ul>")
        for step in sorted(ladder.steps, key=lambda s: s.level):
            sentence = words("liability.step", level=step.level, condition=SLOT,
                             measures=SLOT2)
            text = fill(sentence, linked(step.condition, speak, anchors),
                        _step_measures(step, speak, options))
            out.append(f"<li>{text}"
                       f"{speak.cited(step.citation, ladder.citation)}</li>")
        for modifier in ladder.modifiers:
            effects = words("or").join(_effect(e, speak) for e in modifier.effects)
            if effects and modifier.modal == "may":
                # 可以: the text permits, the decision-maker decides — not what must follow.
                effects = words("liability.may", measures=effects)
            effects = words("liability.effects", effects=effects) if effects else ""
            values = {"condition": SLOT}
            if modifier.kind != "exempt":
                values["effects"] = effects
            sentence = words(f"liability.{modifier.kind}", **values)
            out.append(f"<li>{fill(sentence, linked(modifier.condition, speak, anchors))}"
                       f"{speak.cited(modifier.citation, ladder.citation)}</li>")
        out.append("</ul></section>\n")
    if regime.apportionments:
        out.append(f'<h2 id="bearers">{esc(words("liability.bearers"))}</h2>\n')
    for index, apportionment in enumerate(regime.apportionments, 1):
        out.append(f'<section class="item" id="apportionment-{index}">'
                   f"<h3>{esc(apportionment.name)}{speak.cited(apportionment.citation)}"
                   "</h3>\n<ul>")
        for rule in apportionment.rules:
            bearers = words("with").join(_bearer(b, speak) for b in rule.bearers)
            sentence = words("liability.bearing", condition=SLOT, bearers=bearers)
            out.append(f"<li>{fill(sentence, linked(rule.condition, speak, anchors))}"
                       f"{speak.cited(rule.citation, apportionment.citation)}</li>")
        out.append("</ul></section>\n")
    if regime.measures:
        out.append(f'<h2 id="measures">{esc(words("liability.measures"))}</h2>\n<ul>')
        for index, measure in enumerate(regime.measures, 1):
            facts = [speak.word(vocab.CATEGORIES, measure.category),
                     speak.word(vocab.SUBJECTS, measure.subject)]
            facts = [f for f in facts if f]
            detail = f' <span class="muted">({esc(speak.join(facts))})</span>' if facts else ""
            out.append(f'<li id="measure-{index}">{esc(measure.name)}{detail}'
                       f"{speak.cited(measure.citation)}</li>")
        out.append("</ul>\n")
    return "".join(out)


def _step_measures(step, speak: Speaker, anchors: dict[str, str]) -> str:
    """A step's measures as the regime says them: 可以 where the text permits rather than
    binds, 单独或者合并 A、B、C where they apply alone or together (not "A 或 B 或 C", any one
    of them), 并可以 the measures that may be added, 保留较高级 where the step keeps a higher
    one open — each a link."""
    words = speak.words
    if step.combine:
        measures = fill(words("liability.combine", measures=SLOT),
                        esc(words("list.sep")).join(
                            linked_options(((ref,),), speak, anchors)
                            for option in step.options for ref in option))
    else:
        measures = linked_options(step.options, speak, anchors)
    if step.additions:
        measures += fill(words("liability.may_add", measures=SLOT), linked_options(
            tuple((ref,) for ref in step.additions), speak, anchors))
    if step.keeps_higher:
        measures = fill(words("liability.keeps_higher", measures=SLOT), measures)
    if step.modal == "may":
        measures = fill(words("liability.may", measures=SLOT), measures)
    return measures


def _circumstance(c, speak: Speaker) -> str:
    """A circumstance (情形) and what establishes it: a count of records, a condition."""
    words = speak.words
    parts = []
    if c.count is not None:
        count = c.count
        window = words("liability.window", period=speak.period(count.window)) \
            if count.window else ""
        where = words("liability.where", condition=speak.condition(count.where)) \
            if count.where else ""
        later = ""
        if count.later is not None:
            later = words("liability.later", event=count.later.event.text, where=words(
                "liability.where", condition=speak.condition(count.later.where))
                if count.later.where else "")
        # 按 FIELD: counted per officer, agency or certificate, not across the jurisdiction.
        group = words("liability.group", field=words("and").join(g.field for g in count.groups)) \
            if count.groups else ""
        parts.append(words("liability.count", event=count.event.text, window=window,
                           where=where, later=later, group=group, op=count.op,
                           threshold=number(count.threshold)))
    if c.condition is not None:
        parts.append(speak.condition(c.condition))
    if not parts:
        return c.name
    return c.name + words("liability.means", condition=words("and").join(parts))


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

"""Every rule cites its article (R0901), and every citation's source exists (R0806).

A rule inside a block that cites an article inherits the block's citation, completed
by its own: 〔第（四）项〕 in a ladder citing 〔第四十条〕 is 第四十条第（四）项.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean


def rules_of(regime):
    """(what, citation, inherited citation, span) of every rule that must cite its law."""
    for kind, collection in (("duty", regime.duties), ("fault", regime.faults),
                             ("circumstance", regime.circumstances),
                             ("measure", regime.measures), ("notice", regime.notices)):
        for element in collection:
            yield f"{kind} {element.name}", element.citation, None, element.span
    for agency in regime.agencies:
        if agency.entrustment is not None:
            e = agency.entrustment
            yield f"the 委托书 of {agency.name}", e.citation, agency.citation, e.span
    for ladder in regime.ladders:
        for step in ladder.steps:
            yield f"step {step.level} of {ladder.name}", step.citation, ladder.citation, step.span
        for modifier in ladder.modifiers:
            yield (f"the {modifier.kind} rule of {ladder.name}", modifier.citation,
                   ladder.citation, modifier.span)
    for apportionment in regime.apportionments:
        for rule in apportionment.rules:
            yield (f"a rule of {apportionment.name}", rule.citation, apportionment.citation,
                   rule.span)
    for assessment in regime.assessments:
        parts = [("item " + i.name, i) for i in assessment.items]
        parts += [("band " + b.name, b) for b in assessment.bands]
        parts += [("a veto of " + assessment.name, v) for v in assessment.vetoes]
        parts += [("a bar of " + assessment.name, b) for b in assessment.bars]
        parts += [("a consequence of " + assessment.name, c) for c in assessment.consequences]
        for what, part in parts:
            yield what, part.citation, assessment.citation, part.span


def all_citations(regime):
    """Every citation written anywhere in the regime."""
    yield regime.citation
    for _, citation, outer, _ in rules_of(regime):
        yield citation
        yield outer
    for agency in regime.agencies:
        yield agency.citation
        yield agency.status_citation
        for power in agency.powers:
            yield power.citation
    for duty in regime.duties:
        yield duty.period_citation
        for extension in duty.extensions:
            yield extension.citation
    for ladder in regime.ladders:
        yield ladder.citation


def check(ctx: RuleContext) -> None:
    regime = ctx.regime
    for what, citation, outer, span in rules_of(regime):
        if citation is None and outer is None:
            ctx.sink.add("R0901", f"{what} cites no article", span,
                         "add the article it comes from, e.g. 〔第四十六条〕")
    from respons.syntax.parser import regime_id_for

    sources = {part.name for part in regime.parts}
    # A regime named by path (`上位 "../x/heilongjiang.resp"`) is cited by its id.
    for ref in ([regime.extends] if regime.extends else []) + list(regime.uses):
        sources.add(regime_id_for(ref.target) if ref.is_path else ref.target)
    seen: set[int] = set()
    for citation in all_citations(regime):
        if citation is None or citation.source is None or id(citation) in seen:
            continue
        seen.add(id(citation))
        if citation.source.startswith("《") or citation.source in sources:
            continue
        if citation.regime != regime.id:
            continue  # an inherited citation: its own regime's check judges it
        if not ctx.whole(regime):
            continue  # the 分篇 it names may be in a statement that did not parse
        ctx.sink.add("R0806", f"the citation names {citation.source!r}, which is not a part of "
                     "this regime, a regime it builds on, or a law in 《》"
                     + did_you_mean(citation.source, sources), citation.span,
                     "declare the part with `分篇 <name> \"<title>\"`, or write an outside law "
                     "as 《法律名称》")

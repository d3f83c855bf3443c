"""The notices page (文书): each notice the regime requires, what issues it, who issues it
to whom, and the elements it must state, each with its article — what a person given one
may expect it to say (a 责任追究决定书 states its reasons, facts, legal basis and the right
of appeal, hangzhou 48; a decision carries eight items, heilongjiang 31).
"""

from __future__ import annotations

from respons.model.outcomes import BY_NAME, outcomes_of
from respons.report.site.markup import esc
from respons.report.site.text import Speaker


def _party(party) -> str:
    return f"“{party.name}”" if party.literal else party.name


def notices_page(regime, speak: Speaker) -> str:
    words = speak.words
    out = [f"<h1>{esc(words('section.notices'))}</h1>\n"]
    if not regime.notices:
        out.append(f'<p class="muted">{esc(words("section.none"))}</p>\n')
    for index, notice in enumerate(regime.notices, 1):
        out.append(f'<section class="item" id="notice-{index}"><h2>'
                   f"{esc(notice.title or notice.name)}{speak.cited(notice.citation)}</h2>\n")
        facts: list[str] = []
        issued = []
        for outcome in outcomes_of(notice, regime):
            kind = BY_NAME[outcome.kind]
            years = words("assessment.years", count=outcome.consecutive) \
                if outcome.consecutive else ""
            # 签发 … 限于: which of the records issue it (hangzhou's two 决定书 differ only so)
            where = words("liability.where", condition=speak.condition(outcome.where)) \
                if outcome.where is not None else ""
            issued.append(f"<li>{esc(kind.zh if speak.zh else kind.en)} "
                          f"{esc(outcome.target.text)}{esc(years)}{esc(where)}"
                          f"{speak.cited(outcome.citation, notice.citation)}</li>")
        if issued:
            facts.append(f"<dt>{esc(words('notice.issued_on'))}</dt><dd><ul>{''.join(issued)}"
                         "</ul></dd>")
        for key, parties in (("notice.issuer", [notice.issuer] if notice.issuer else []),
                             ("notice.recipients", notice.recipients),
                             ("notice.copy_to", notice.copy_to)):
            if parties:
                facts.append(f"<dt>{esc(words(key))}</dt>"
                             f"<dd>{esc(speak.join(_party(p) for p in parties))}</dd>")
        if notice.elements:
            items = "".join(
                f"<li>{esc(e.name)}"
                + (f' <span class="muted">{esc(words("notice.optional"))}</span>'
                   if e.optional else "")
                + f"{speak.cited(e.citation, notice.citation)}</li>"
                for e in notice.elements)
            facts.append(f"<dt>{esc(words('notice.elements'))}</dt><dd><ol>{items}</ol></dd>")
        out.append(f"<dl>{''.join(facts)}</dl>" if facts else "")
        out.append("</section>\n")
    return "".join(out)

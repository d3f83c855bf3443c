"""The complaints page (投诉举报与监督): what the regime provides for complaints, reports and
appeals, who handles them and within what time (hangzhou 17 监督形式, 22; dacheng 公示制度
八; changchun-xinqu 任务21).

The language cannot yet name a channel — a telephone line, a mailbox, an office — so the
page says that the regime names none, and shows what the regime does say: the record kinds
that are a complaint, a report or an appeal (their name, one of their events, or one of the
choices of a field says so: `COMPLAINT_WORDS`), the steps recorded for them, and the duties
that one of them starts, with their periods, linked to the time limits page.
"""

from __future__ import annotations

from respons.report.site.duties import DUTIES_FILE, duty_anchor
from respons.report.site.markup import esc
from respons.report.site.text import Speaker
from respons.report.site.words import COMPLAINT_WORDS

COMPLAINTS_FILE = "complaints.html"


def _says(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in COMPLAINT_WORDS)


def complaint_records(regime) -> list:
    """The record kinds that are (or may be) a complaint, a report or an appeal."""
    found = []
    for record in regime.records:
        choices = [c for f in record.fields if f.type.kind == "choice" for c in f.type.choices]
        if _says(record.name) or any(_says(e.name) for e in record.events) \
                or any(_says(c) for c in choices):
            found.append(record)
    return found


def complaints_page(regime, speak: Speaker) -> str:
    words = speak.words
    out = [f"<h1>{esc(words('section.complaints'))}</h1>\n",
           f"<p>{esc(words('complaints.intro'))}</p>\n"]
    records = complaint_records(regime)
    if not records:
        out.append(f'<p class="muted">{esc(words("complaints.none"))}</p>\n')
    for index, record in enumerate(records, 1):
        out.append(f'<section class="item" id="record-{index}"><h2>{esc(record.name)}'
                   f"{speak.cited(record.citation)}</h2>\n")
        for field in record.fields:
            if field.type.kind == "choice" and any(_says(c) for c in field.type.choices):
                text = words("complaints.sources", field=field.name,
                             choices=speak.join(field.type.choices))
                out.append(f"<p>{esc(text)}</p>\n")
        if record.events:
            text = words("complaints.events", events=speak.join(e.name for e in record.events))
            out.append(f"<p>{esc(text)}</p>\n")
        started = [(i, d) for i, d in enumerate(regime.duties, 1)
                   if d.starts and any(ref.head == record.name for ref in d.starts.events)]
        if started:
            out.append(f"<h3>{esc(words('complaints.duties'))}</h3>\n<ul>")
            for i, duty in started:
                owner = (" · " + words("label", label=words("duty.owner"), value=duty.owner.text)
                         if duty.owner else "")
                out.append(f'<li><a href="{DUTIES_FILE}#{duty_anchor(i)}">{esc(duty.name)}</a>'
                           f" · {esc(speak.limit(duty))}{esc(owner)}"
                           f"{speak.cited(duty.period_citation, duty.citation)}</li>")
            out.append("</ul>\n")
        out.append("</section>\n")
    out += _rights(regime, speak)
    return "".join(out)


def _rights(regime, speak: Speaker) -> list[str]:
    """The parties' rights (权利: 申诉、复核 within a window — hangzhou 50, heilongjiang 39,
    henan 25, guizhou-edu 14(三)): who may exercise each, from what and within what time, and
    whether exercising it suspends the decision — what a party must know in time."""
    if not regime.rights:
        return []
    words = speak.words
    out = [f'<section class="item" id="rights"><h2>{esc(words("complaints.rights"))}</h2>\n<ul>']
    for index, right in enumerate(regime.rights, 1):
        event = right.starts.text if right.starts else "—"
        if right.by_law:  # no period of the regime's own: as other laws provide
            window = words("complaints.right.by_law", event=event)
        elif right.period is None and right.until_field:  # until a date the record gives
            window = words("complaints.right.until", event=event, field=right.until_field)
        else:
            window = words("complaints.right.window", event=event,
                           limit=speak.period(right.period))
        facts = [window]
        if right.holder:
            facts.append(words("complaints.right.holder", holder=right.holder))
        if right.exercised_by:
            facts.append(words("complaints.right.by", events=speak.join(
                r.text for r in right.exercised_by)))
        suspends = "" if right.suspends else (
            " · " + words("complaints.right.no_suspend")
            + speak.cited(right.suspends_citation, right.citation))
        text = words("complaints.right", name=right.name, facts=" · ".join(facts))
        out.append(f'<li id="right-{index}">{esc(text)}'
                   f"{speak.cited(right.period_citation, right.citation)}{suspends}</li>")
    out.append("</ul></section>\n")
    return out

"""The public disclosure site (公示) of a regime: `respons publish REGIME --out DIR`.

What a regime says that the public must be shown — who may enforce and with which powers on
which bases, split over which bodies and posts (权责清单), each power's procedure and each
duty's time limit as a flowchart, the assessment rules, liability, the notices it issues
and what they state, and how to complain
(dacheng 公示制度; hangzhou 17; heilongjiang 4, 10; samr 5, 7; jilin-city 8) — as a few
static pages, every item citing its article. `build_site` makes the whole site in memory as
file name → bytes: the same regime gives the same bytes; ``respons.report.site.write`` puts
it on disk in one step. The site is in the regime's language unless asked otherwise.
docs/publish.md maps each page to the articles it serves.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from respons.model import vocab
from respons.model.regime import Regime
from respons.report.site.agencies import agency_file, agency_page, all_statuses
from respons.report.site.complaints import COMPLAINTS_FILE, complaint_records, complaints_page
from respons.report.site.duties import DUTIES_FILE, duties_page
from respons.report.site.markup import CSS, STYLESHEET, esc, page
from respons.report.site.notices import notices_page
from respons.report.site.rules import (
    ASSESSMENT_FILE,
    LIABILITY_FILE,
    NOTICES_FILE,
    assessment_page,
    fault_anchors,
    liability_page,
)
from respons.report.site.text import Speaker
from respons.report.site.words import SiteWords

INDEX = "index.html"


def build_site(regime: Regime, titles: dict[str, str],
               language: str | None = None) -> dict[str, bytes]:
    """The site of a resolved ``regime``: file name → bytes, in name order. ``titles`` are
    the titles of the regimes its citations name; ``language`` overrides the regime's."""
    words = SiteWords(language or regime.language)
    speak = Speaker(words, titles, regime.id)
    title = regime.title or regime.id
    agencies = {agency.name: agency_file(index)
                for index, agency in enumerate(regime.agencies, 1)}
    pages: dict[str, tuple[str, str]] = {}
    for index, agency in enumerate(regime.agencies, 1):
        pages[agency_file(index)] = (agency.name,
                                     agency_page(agency, speak, agencies, regime.duties))
    pages[DUTIES_FILE] = (words("section.duties"),
                          duties_page(regime.duties, speak, fault_anchors(regime), agencies))
    pages[ASSESSMENT_FILE] = (words("section.assessment"), assessment_page(regime, speak))
    pages[LIABILITY_FILE] = (words("section.liability"), liability_page(regime, speak))
    pages[NOTICES_FILE] = (words("section.notices"), notices_page(regime, speak))
    pages[COMPLAINTS_FILE] = (words("section.complaints"), complaints_page(regime, speak))
    footer = f"<footer>{esc(words('footer', title=title, id=regime.id))}</footer>\n"
    nav = [(INDEX, words("home"))] + [(target, words(f"nav.{key}")) for target, key in (
        (DUTIES_FILE, "duties"), (ASSESSMENT_FILE, "assessment"), (LIABILITY_FILE, "liability"),
        (NOTICES_FILE, "notices"), (COMPLAINTS_FILE, "complaints"))]
    files = {STYLESHEET: CSS,
             INDEX: page(words, title=title, site_title=title, nav=nav, current=INDEX,
                         body=index_page(regime, speak, agencies) + footer)}
    for name, (heading, body) in pages.items():
        files[name] = page(words, title=f"{heading} · {title}", site_title=title, nav=nav,
                           current=name, body=body + footer)
    return {name: files[name].encode("utf-8") for name in sorted(files)}


def index_page(regime: Regime, speak: Speaker, agencies: dict[str, str]) -> str:
    """The index: the regime's header, then every section, each agency by name."""
    words = speak.words
    out = [f"<h1>{esc(regime.title or regime.id)}{speak.cited(regime.citation)}</h1>\n"]
    if regime.repealed:
        # Not in force any more: the first thing a reader must see, not a line of facts.
        out.append(f'<p class="notice">{esc(words("repealed.notice", date=regime.repealed))}'
                   "</p>\n")
    facts = [(words("issuer"), regime.issuer), (words("number"), regime.number),
             (words("level"), speak.word(vocab.LEVELS, regime.level)),
             (words("issued"), regime.issued), (words("effective"), regime.effective)]
    facts += [(words("amended"), f"{a.date} {a.document or ''}".strip())
              for a in regime.amendments]
    facts += [(words("repealed"), regime.repealed)]
    if regime.extends:
        facts.append((words("extends"), _title_of(regime.extends, speak.titles)))
    facts += [(words("uses"), _title_of(u, speak.titles)) for u in regime.uses]
    facts += [(words("parts"), f"{p.name} {p.title or ''}".strip()) for p in regime.parts]
    out.append('<dl class="facts">' + "".join(
        f"<dt>{esc(term)}</dt><dd>{esc(value)}</dd>" for term, value in facts if value)
        + "</dl>\n")
    out.append(f"<h2>{esc(words('contents'))}</h2>\n")
    out.append(f'<h3 id="agencies">{esc(words("section.agencies"))}</h3>\n')
    if regime.agencies:
        out.append("<ul>")
        for agency in regime.agencies:
            statuses = speak.join(speak.word(vocab.STATUSES, s) for s in all_statuses(agency))
            detail = " · ".join(d for d in (statuses, words("agency.count",
                                                             count=len(agency.powers))) if d)
            out.append(f'<li><a href="{agencies[agency.name]}">{esc(agency.name)}</a>'
                       f' <span class="muted">{esc(detail)}</span></li>')
        out.append("</ul>\n")
    else:
        out.append(f'<p class="muted">{esc(words("section.none"))}</p>\n')
    sections = [(DUTIES_FILE, "section.duties", len(regime.duties)),
                (ASSESSMENT_FILE, "section.assessment", len(regime.assessments)),
                (LIABILITY_FILE, "section.liability",
                 len(regime.faults) + len(regime.ladders) + len(regime.measures)),
                (NOTICES_FILE, "section.notices", len(regime.notices)),
                (COMPLAINTS_FILE, "section.complaints", len(complaint_records(regime)))]
    out.append("<ul>")
    for target, key, count in sections:
        note = "" if count else f' <span class="muted">{esc(words("section.empty"))}</span>'
        out.append(f'<li><a href="{target}">{esc(words(key))}</a>{note}</li>')
    out.append("</ul>\n")
    return "".join(out)


def _title_of(ref, titles: dict[str, str]) -> str:
    """The title of a regime built on, named by id or by a path (whose stem is its id)."""
    key = PurePosixPath(ref.target.replace("\\", "/")).stem if ref.is_path else ref.target
    return titles.get(key, key)

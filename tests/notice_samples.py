"""Every notice (文书) the seed regimes name, and each one issued with a sample value for every
fact it is filled from — what the notice-format tests render and read back (md and html in
tests/test_notice_every_format.py; docx and pdf in tests/test_notice_documents.py)."""

from __future__ import annotations

import datetime as dt

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model import docnumber, template
from respons.model.notice import IssuedElement, IssuedNotice
from respons.registry import Registry, plugin_manager
from respons.syntax.citation import format_citation


def corpus():
    """({"regime/notice": (regime, notice)}, the citations' titles) of jurisdictions/."""
    report = check_paths([JURISDICTIONS], Registry(plugin_manager()))
    assert report.valid
    notices = {}
    for resolved in report.resolved:
        for notice in resolved.regime.notices:
            notices.setdefault(f"{resolved.regime.id}/{notice.name}",
                               (resolved.regime, notice))
    return notices, report.titles


NOTICES, TITLES = corpus()


def sample_fact(name: str) -> str:
    return f"{name}（示例）"


def issue(regime, notice) -> IssuedNotice:
    """The notice issued with a sample value for every fact it is filled from."""
    elements = []
    for element in notice.elements:
        if element.template is not None:
            names = template.parse(element.template).names
            text = template.fill(element.template, {n: sample_fact(n) for n in names})
        else:
            text = sample_fact(element.fact or element.name)
        cited = notice.cited(element)
        elements.append(IssuedElement(element.name, text, format_citation(
            cited, TITLES.get(cited.regime)) if cited else ""))

    def party(p) -> str:
        return p.name if p.literal else sample_fact(p.name)

    issuer = party(notice.issuer) if notice.issuer else (regime.issuer or "发文机关（示例）")
    recipient = "、".join(party(p) for p in notice.recipients) or "主送机关（示例）"
    # a 代字 made of facts (tongzhou's {追究机关代字}) gets a sample code, without the
    # brackets a sample fact has (a 代字 holds none)
    number = docnumber.fill(docnumber.with_code(notice.number, {
        n: "示" for n in docnumber.code_names(notice.number)}), 2025, 1) \
        if notice.number else "示〔2025〕1号"
    basis = (format_citation(notice.citation, TITLES.get(notice.citation.regime))
             if notice.citation else "")
    return IssuedNotice(notice, number, dt.date(2025, 3, 1), issuer, recipient, elements,
                        basis, tuple(party(p) for p in notice.copy_to))


def parts(issued: IssuedNotice) -> list[str]:
    """What a rendered notice must show: its title, number, parties, date, every element's
    text and article."""
    return [issued.title, issued.number, issued.issuer, issued.recipient, "2025年3月1日",
            *(e.text for e in issued.elements if e.text.strip()),
            *(e.citation for e in issued.elements if e.citation and e.text.strip())]

"""Every notice (文书) the seed regimes name, and each one issued with a sample value for every
fact it is filled from — what the notice-format tests render and read back (md and html in
tests/test_notice_every_format.py; docx and pdf in tests/test_notice_documents.py)."""

from __future__ import annotations

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model.notice import IssuedNotice
from respons.registry import Registry, plugin_manager
from respons.testing.formats import issue_example


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


def issue(regime, notice) -> IssuedNotice:
    """The notice issued with a sample value for every fact it is filled from."""
    return issue_example(regime, notice, TITLES)


def parts(issued: IssuedNotice) -> list[str]:
    """What a rendered notice must show: its title, number, parties, date, every element's
    text and article."""
    return [issued.title, issued.number, issued.issuer, issued.recipient, "2025年3月1日",
            *(e.text for e in issued.elements if e.text.strip()),
            *(e.citation for e in issued.elements if e.citation and e.text.strip())]

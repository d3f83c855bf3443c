"""The notice format `pdf`: a notice (文书) as a PDF laid out after GB/T 9704-2012 — A4, 天头
37 mm, 订口 28 mm, a text block of 156 × 225 mm with 22 lines of 28 characters, 标题 in a 2号
小标宋 substitute, the body in a 3号 仿宋 substitute, page numbers "— 1 —" — with free CJK
faces embedded (subset), and no character left undrawn.

The page is the built-in `html` format's, with a print stylesheet over it
(`respons_pdf.layout`), set by WeasyPrint — twice where it has 版记, which is measured on
the first layout and set at the foot of the last page on the second. Before anything is
drawn, every character is looked up in the cmaps of the faces that set it
(`respons_pdf.fonts`): a notice with a character no face can draw is refused with a
`ValueError` naming it, where a renderer would print an empty box or drop it. The same
notice gives the same bytes: the PDF's dates are the notice's 成文日期 and nothing in it
depends on the clock.
"""

from __future__ import annotations

import functools

from respons import hookimpl
from respons.model.notice import IssuedNotice
from respons.registry import NoticeFormat
from respons_pdf.fonts import BY_ROLE, require
from respons_pdf.layout import at_the_foot, drawn_texts, page, space_above_the_record

MEDIA_TYPE = "application/pdf"

#: What the page numbers (7.5) draw, whatever page they are on.
PAGE_NUMBERS = "— 0123456789 —"


def check_glyphs(document: str) -> None:
    """Refuse the page when a character of it is in no face of the chain that sets it."""
    require(PAGE_NUMBERS, BY_ROLE["宋体"], "the page numbers")
    for role, heading, text in drawn_texts(document):
        short = text if len(text) <= 40 else text[:40] + "…"
        where = f"“{short}”" + (f" (under {heading})" if heading and heading != text else "")
        require(text, BY_ROLE[role], where)


def _weasyprint():
    """WeasyPrint, loaded when a PDF is made rather than when respons lists its plugins: it
    loads Pango, which `respons check` never needs. Where Pango cannot be loaded, the
    reason in one line (a `ValueError`, which the contract suite and the CLI report)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise ValueError(f"the pdf format cannot run: WeasyPrint could not be loaded ({first}); "
                         "install Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0) "
                         "and python3 -m pip install -e plugins/respons-pdf") from error
    return weasyprint


@functools.cache
def font_config():
    """One WeasyPrint font configuration a process (Pango's font map over fontconfig's
    faces), shared by every notice rather than made anew for each — about a sixth of a
    warm render's CPU time went to that. It holds no face of a notice's own (the page has no
    @font-face), so what it draws with is the same whichever notices came before; the
    same notice gives the same bytes, in a fresh process too (plugins/respons-pdf/tests)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render(issued: IssuedNotice) -> bytes:
    """The notice as PDF bytes; `ValueError` for a notice lacking a required element or
    holding a character no face can draw."""
    missing = issued.missing()
    if missing:
        raise ValueError(f"notice {issued.notice.name} lacks required elements: "
                         + "、".join(missing))
    document = page(issued)
    check_glyphs(document)
    weasyprint = _weasyprint()
    config = font_config()
    if issued.copy_to:  # 版记 at the foot of the last page: laid out once to measure
        first = weasyprint.HTML(string=at_the_foot(document, 0)).render(font_config=config)
        document = at_the_foot(document, space_above_the_record(first))
    return weasyprint.HTML(string=document).write_pdf(font_config=config)


@hookimpl
def respons_notice_formats() -> list[NoticeFormat]:
    return [NoticeFormat(name="pdf", media_type=MEDIA_TYPE, extension=".pdf", render=render,
                         description="PDF after GB/T 9704-2012 (A4, 小标宋/仿宋/黑体 stood in "
                         "for by embedded free CJK faces, page numbers — 1 —)")]

"""The page a PDF notice is printed from: the built-in `html` format's page — its parts in
GB/T 9704-2012's order, every value escaped — with a print stylesheet of its own on top,
and which face sets each of its texts, for the glyph check.

The `html` page asks for the proprietary faces first and ends on a generic family, so that
a browser picks the best face its machine has; a PDF must name what it embeds, so this
sheet sets only the free chains of `respons_pdf.fonts`. It also does what a browser's print
does not: page numbers "— 1 —" in 4号 宋体, 7 mm below the text block, on odd pages at the
right and on even pages at the left, each one character in from the edge (7.5), and the
margins mirrored on even pages so that 订口 (28 mm) stays on the binding side (5.2.1).
"""

from __future__ import annotations

import math
from html import escape
from html.parser import HTMLParser

from respons.model.notice import IssuedNotice
from respons.plugins import html
from respons.terminal import clean
from respons_pdf.fonts import BY_ROLE, css_families, measure

#: Which face of `respons_pdf.fonts.FACES` sets which part of the `html` page.
SELECTORS = {"小标宋": ".issuer-mark, h1", "仿宋": "body", "黑体": "h2"}

#: 页码 (7.5): 4号 (14 pt) 宋体 Arabic numerals between two 一字线, 7 mm under the text
#: block, one character (14 pt) in from its edge.
PAGE_NUMBER = ('content: "— " counter(page) " —"; font: 14pt {fonts}; vertical-align: top; '
               "padding-top: 7mm;")


#: One line of the grid (5.2.3): 225 mm over 22 lines.
LINE = f"{225 / 22:.3f}mm"
#: How much closer 3号 text is set so that 28 characters fit a line, in points (-0.25).
TRACKING = math.floor((156 / 28 * 72 / 25.4 - 16) * 4) / 4


def stylesheet() -> str:
    """The print stylesheet laid over the `html` page."""
    number = PAGE_NUMBER.format(fonts=css_families(BY_ROLE["宋体"]))
    rules = [
        "@page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: none } }",
        f"@page :right {{ @bottom-right {{ {number} padding-right: 14pt; text-align: right }} }}",
        "@page :left { margin-left: 26mm; margin-right: 28mm;",
        f"  @bottom-left {{ {number} padding-left: 14pt; text-align: left }} }}",
        *(f"{selector} {{ font-family: {css_families(BY_ROLE[role])}; "
          f"font-weight: {BY_ROLE[role].weight}; }}" for role, selector in SELECTORS.items()),
        # 署名 one line under the body and 成文日期 under it (7.3.5.2) are placed by the `html`
        # page, each line's right space counted in characters (`respons.registry.gbt9704`,
        # measured in the 仿宋 chain): a character here is 3号 set `TRACKING` closer.
        f".signature {{ width: auto; margin: {LINE} 0 0 0; --char: calc(1em + {TRACKING}pt); "
        "break-inside: avoid; }",
        # The article under each element is the regime's addition to the standard's body:
        # set closer than the grid, as 7.3.5.5 lets spacing give way so that the signature
        # stays on the page of the text.
        ".cited { line-height: 1.5; }",
        # A heading is never alone at the foot of a page (WeasyPrint's own sheet says so for
        # headings too; said here so that the layout does not hang on a default).
        "h2 { break-after: avoid; }",
        # 发文机关标志 and 发文字号 are centred (7.2.4, 7.2.5): without the first-line indent
        # the `html` sheet gives every paragraph, which pushes them 1 em right of centre.
        ".issuer-mark, .number { text-indent: 0; }",
        # 版记 stands at the foot of the last page (7.4): `at_the_foot` fills the space above
        # it, so its own margin would only push it onto another page.
        ".record { margin-top: 0; }",
        # 28 characters of 3号 are 448 pt, more than the 156 mm (442.2 pt) line (5.2.3):
        # body text is set closer by as little as lets 28 fit, as the docx format does.
        f"p, h2 {{ letter-spacing: {TRACKING}pt; }}",
    ]
    return "\n".join(rules)


def page(issued: IssuedNotice) -> str:
    """The HTML page of the notice with the print stylesheet and the PDF's metadata (its
    author and dates: 成文日期 at 0:00 Beijing time, as the docx format's, so that the same
    notice gives the same bytes)."""
    document = html.page(issued, measure(BY_ROLE["仿宋"]))
    date = f"{issued.date.isoformat()}T00:00:00+08:00"
    head = (f'<meta name="author" content="{escape(clean(issued.issuer), quote=True)}">'
            f'<meta name="dcterms.created" content="{date}">'
            f'<meta name="dcterms.modified" content="{date}">'
            f"<style>{stylesheet()}</style></head>")
    # Every value on the page is escaped, so the first </head> is the page's own.
    return document.replace("</head>", head, 1)


#: Where the space above 版记 goes: every value on the page is escaped, so the first such
#: tag is the page's own.
RECORD = '<div class="record">'


def at_the_foot(document: str, space: float) -> str:
    """The page with ``space`` (CSS px) of empty block above 版记: an empty block, not a
    margin, because a margin at the top of a page is dropped."""
    return document.replace(RECORD, f'<div class="foot" style="height: {space:.3f}px"></div>'
                            + RECORD, 1)


def space_above_the_record(rendered) -> float:
    """How far 版记 stands above the foot of the text block in a rendered document (a
    WeasyPrint `Document`), less a pixel so that rounding cannot push it over; 0 where it
    is not whole on the last page (a copy list longer than a page) or there is none."""

    def boxes(box):
        yield box
        for child in getattr(box, "children", ()):
            yield from boxes(child)

    found = [(number, box) for number, page in enumerate(rendered.pages)
             for box in boxes(page._page_box)
             if getattr(box, "element", None) is not None and box.element_tag == "div"
             and box.element.get("class") == "record"]
    if len(found) != 1 or found[0][0] != len(rendered.pages) - 1:
        return 0.0
    page = rendered.pages[-1]._page_box
    foot = page.content_box_y() + page.height
    _, record = found[0]
    return max(0.0, foot - (record.position_y + record.margin_height()) - 1)


class _Texts(HTMLParser):
    """The texts of a page that are drawn, each with the face that sets it and the
    heading (element) it stands under."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.heading = ""
        self.texts: list[tuple[str, str, str]] = []  # (role, heading, text)

    def handle_starttag(self, tag, attrs):
        if tag not in {"meta", "hr", "br"}:
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        tags = {tag for tag, _ in self.stack}
        if tags & {"style", "title", "head"} or not data.strip():
            return
        tag, css = self.stack[-1] if self.stack else ("", "")
        if tag == "h2":
            self.heading = data
        role = next((role for role, selector in SELECTORS.items()
                     if tag in selector.split(", ") or f".{css}" in selector.split(", ")),
                    "仿宋")
        self.texts.append((role, self.heading, data))


def drawn_texts(document: str) -> list[tuple[str, str, str]]:
    """(face role, heading it stands under, text) for every text the page draws."""
    texts = _Texts()
    texts.feed(document)
    texts.close()
    return texts.texts

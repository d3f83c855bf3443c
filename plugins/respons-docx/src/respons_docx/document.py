"""A notice (文书) as a python-docx `Document` laid out after GB/T 9704-2012: the page (A4,
天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters, margins mirrored for
two-sided print), the parts in the standard's order, and the page numbers.

Every run gets its face for every script — ``w:ascii``, ``w:hAnsi``, ``w:cs`` and the East
Asian ``w:eastAsia`` — because python-docx's ``font.name`` sets only the Latin ones, and a
run whose East Asian face is unset is drawn by the word processor's default CJK face
whatever the style says. Every value is the regime's or a record's text: control
characters are written as visible escapes, as the other formats do, and characters XML
cannot hold are escaped rather than refused.
"""

from __future__ import annotations

import math
import re

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from lxml import etree

from respons.model.notice import IssuedNotice, written_date
from respons.registry.fonts import Installed, drawing, measure, require
from respons.registry.gbt9704 import signature
from respons.syntax.numerals import to_chinese
from respons.terminal import clean
from respons_docx.embed import CONTENT_TYPE, RELATIONSHIP, font_key, obfuscate, subset_of
from respons_docx.faces import BY_ROLE, FACES, SIZE_2, SIZE_3, SIZE_4, SIZE_MARK, Face, family

#: The page (5.2.1): A4, 天头 37 mm, 订口 28 mm; so 版心 is 156 × 225 mm.
PAGE = {"width": Mm(210), "height": Mm(297), "top": Mm(37), "bottom": Mm(35),
        "inside": Mm(28), "outside": Mm(26)}
LINES, CHARACTERS = 22, 28  # 5.2.2: 22 lines a page, 28 characters a line
LINE_PITCH = round(Mm(225) / LINES / 635)  # twentieths of a point (EMU / 635)
# 28 characters of 3号 (16 pt) are 448 pt, more than the 156 mm (442.2 pt) a line holds: each
# 3号 run is set closer (w:spacing, in twentieths of a point) by as little as lets 28 fit.
# Not a character grid (w:docGrid linesAndChars): LibreOffice gives a character wider than
# the grid's cell two cells, and a line then holds 14.
TRACKING = math.floor((Mm(156) / CHARACTERS / 12700 - SIZE_3.pt) * 20)
#: 页码 (7.5): the 一字线 7 mm under the text block; a footer is placed by its distance
#: from the page's bottom edge, less the number line's height (4号).
FOOTER = Mm(35 - 7) - SIZE_4
RED = RGBColor(0xDD, 0x00, 0x00)
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def plain(value: str) -> str:
    """A value as document text: control characters, and what XML cannot hold, escaped."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", clean(str(value)))


#: What follows w:spacing in a run's properties (ECMA-376 CT_RPr).
AFTER_TRACKING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
                  "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
                  "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def track(properties) -> None:
    """Set 3号 text closer by `TRACKING`, so that a line holds 28 characters (5.2.3)."""
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(TRACKING))
    properties.insert_element_before(spacing, *AFTER_TRACKING)


#: A character of 3号 text as set (`TRACKING` closer), in twentieths of a point: what the
#: indents of 署名 and 成文日期 are counted in (7.3.5.2).
CHARACTER = round(SIZE_3.pt * 20) + TRACKING
#: What the page numbers (7.5) draw, whatever page they are on.
PAGE_NUMBERS = "— 0123456789 —"


def set_face(run, name: str, bold: bool, size) -> None:
    """Give ``run`` the face ``name`` for every script, its size, and its weight; 3号 text
    is set 28 characters to the line."""
    run.font.size = size
    run.font.bold = bold
    properties = run._element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), name)
    fonts.set(qn("w:hint"), "eastAsia")
    if size == SIZE_3:
        track(properties)


#: What follows w:pBdr in a paragraph's properties (ECMA-376 CT_PPr): Word calls a document
#: whose elements are out of the schema's order damaged, so a border goes before these.
AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                 "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                 "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _border(paragraph, side: str, color: str = "000000") -> None:
    """A rule on ``side`` (top, then bottom: their order in w:pBdr) of the paragraph."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.insert_element_before(borders, *AFTER_BORDERS)
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"),
                       ("w:color", color)):
        line.set(qn(key), value)
    borders.append(line)


#: What follows w:framePr in a paragraph's properties (ECMA-376 CT_PPr).
AFTER_FRAME = ("w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr",
               *AFTER_BORDERS)


def at_the_foot(paragraph) -> None:
    """Put the paragraph in a frame as wide as the text block at its foot (w:framePr,
    anchored to the margins, aligned to the bottom): 版记 stands at the foot of the last
    page, its last rule on the text block's last line (7.4), however short the body."""
    frame = OxmlElement("w:framePr")
    width = str(round(Mm(156) / 635))  # twentieths of a point
    for key, value in (("w:w", width), ("w:wrap", "around"), ("w:vAnchor", "margin"),
                       ("w:hAnchor", "margin"), ("w:xAlign", "center"),
                       ("w:yAlign", "bottom")):
        frame.set(qn(key), value)
    paragraph._p.get_or_add_pPr().insert_element_before(frame, *AFTER_FRAME)


def off_grid(paragraph) -> None:
    """Take the paragraph off the line grid (w:snapToGrid 0): the grid's lines are for
    3号 text, and a larger or smaller face sets its own line."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    after = AFTER_BORDERS[AFTER_BORDERS.index("w:snapToGrid") + 1:]
    paragraph._p.get_or_add_pPr().insert_element_before(snap, *after)


class Builder:
    """Adds the notice's parts to a document, paragraph by paragraph, on the line grid."""

    def __init__(self) -> None:
        self.document = Document()
        #: Each installed face a run names, with the characters it sets: what is embedded.
        self.used: dict[Installed, set[str]] = {}
        #: Which roles (小标宋, 仿宋…) each family named sets: the font table's altName.
        self.roles: dict[str, set[str]] = {}
        #: The first-level heading the text being added stands under, for messages.
        self.heading = ""
        self._page()
        self._styles()

    def _page(self) -> None:
        section = self.document.sections[0]
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width, section.page_height = PAGE["width"], PAGE["height"]
        section.top_margin, section.bottom_margin = PAGE["top"], PAGE["bottom"]
        # With mirrored margins, left is the inside (订口) and right the outside.
        section.left_margin, section.right_margin = PAGE["inside"], PAGE["outside"]
        section.header_distance, section.footer_distance = Mm(15), FOOTER
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH))
        settings = self.document.settings
        settings.odd_and_even_pages_header_footer = True  # 7.5: odd right, even left
        # The fonts are embedded, subset (ECMA-376 §17.15.1.51, §17.15.1.75), and 订口 is on
        # the binding side: the schema's order is w:zoom, w:embedTrueTypeFonts,
        # w:saveSubsetFonts, w:mirrorMargins.
        after = settings.element.find(qn("w:zoom"))
        for name in ("w:embedTrueTypeFonts", "w:saveSubsetFonts", "w:mirrorMargins"):
            element = OxmlElement(name)
            if after is not None:
                after.addnext(element)
            else:
                settings.element.insert(0, element)
            after = element

    def _styles(self) -> None:
        body = family(BY_ROLE["仿宋"])
        self._defaults(body)
        normal = self.document.styles["Normal"]
        normal.font.size, normal.font.name = SIZE_3, body
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), body)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "zh-CN")
        language.set(qn("w:eastAsia"), "zh-CN")
        normal.element.get_or_add_rPr().append(language)
        track(normal.element.get_or_add_rPr())  # what a clerk types in goes 28 to the line
        spacing = normal.paragraph_format
        spacing.space_before = spacing.space_after = Pt(0)
        spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacing.line_spacing = Pt(LINE_PITCH / 20)

    def _defaults(self, body: str) -> None:
        """The document's defaults (w:docDefaults): 3号 in the 仿宋 stand-in, Chinese, no
        space after a paragraph — where python-docx's template has 11 pt, theme faces (which
        win over named ones), English and 10 pt after each paragraph, off the line grid."""
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = properties.find(qn("w:rFonts"))
        for key in list(fonts.attrib):  # the theme's faces would win over named ones
            del fonts.attrib[key]
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(script), body)
        half_points = str(round(SIZE_3.pt * 2))
        for name in ("w:sz", "w:szCs"):
            properties.find(qn(name)).set(qn("w:val"), half_points)
        language = properties.find(qn("w:lang"))
        language.set(qn("w:val"), "zh-CN")
        language.set(qn("w:eastAsia"), "zh-CN")
        spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")

    def paragraph(self, text: str, role: str = "仿宋", size=SIZE_3, *, align=None,
                  indent: bool = True, color: RGBColor | None = None, blank_before: int = 0):
        """One paragraph of one run in the face of ``role``; ``indent`` is 首行缩进 two
        characters; ``blank_before`` leaves so many empty lines of the grid above it."""
        for _ in range(blank_before):
            self.document.add_paragraph()
        paragraph = self.document.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = 2 * SIZE_3
        if size > SIZE_3:  # a larger face takes the lines it needs, not the grid's
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        if size != SIZE_3:
            off_grid(paragraph)
        self.runs(paragraph, plain(text), BY_ROLE[role], size, color=color)
        return paragraph

    def runs(self, paragraph, text: str, face: Face, size, *, color=None,
             where: str | None = None) -> None:
        """``text`` added to ``paragraph`` in ``face``'s chain: refused (`ValueError`) where
        a character of it is in no face of the chain, as the pdf format refuses it; else one
        run per face that draws a piece of it, each face noted for embedding."""
        if where is None:
            short = text if len(text) <= 40 else text[:40] + "…"
            where = f"“{short}”" + (f" (under {self.heading})"
                                   if self.heading and self.heading != text else "")
        require(text, face, where)
        for found, piece in drawing(text, face):
            run = paragraph.add_run(piece)
            set_face(run, found.family, face.bold, size)
            if color is not None:
                run.font.color.rgb = color
            self.used.setdefault(found, set()).update(piece)
            self.roles.setdefault(found.family, set()).add(face.role)

    def lines(self, value: str, **options) -> None:
        """A value of several lines as one paragraph per line."""
        for line in str(value).split("\n"):
            self.paragraph(line, **options)

    def footers(self) -> None:
        """页码 (7.5): 4号 半角 宋体 Arabic numerals between two 一字线, one character in
        from the text block's edge — at the right on odd pages, at the left on even ones."""
        section = self.document.sections[0]
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            off_grid(paragraph)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                paragraph.paragraph_format.right_indent = SIZE_4
            else:
                paragraph.paragraph_format.left_indent = SIZE_4
            face = BY_ROLE["宋体"]
            # Every digit a page number may show is checked and embedded, not only "1".
            require(PAGE_NUMBERS, face, "the page numbers")
            for found, piece in drawing(PAGE_NUMBERS, face):
                self.used.setdefault(found, set()).update(piece)
            self.runs(paragraph, "— ", face, SIZE_4, where="the page numbers")
            self._page_field(paragraph, face)
            self.runs(paragraph, " —", face, SIZE_4, where="the page numbers")

    def _page_field(self, paragraph, face: Face) -> None:
        """The PAGE field, its shown result "1" kept so that a reader without fields (and
        python-docx reading it back) sees a number."""
        for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None),
                           ("text", "1"), ("end", None)):
            run = paragraph.add_run()
            set_face(run, drawing("1", face)[0][0].family, face.bold, SIZE_4)
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            elif kind == "text":
                element = OxmlElement("w:t")
                element.text = text
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._element.append(element)

    def font_table(self) -> None:
        """Name each face the runs name in the font table, embedded (ECMA-376 §17.8.3):
        the standard's face as its alternate (``w:altName``), the Chinese character set
        (GB2312, 86), and its regular or bold file subset to the characters it sets, as
        an obfuscated part (`respons_docx.embed`). A free face that stands in for two
        (Noto Serif CJK SC: 小标宋 bold, 宋体 plain) takes the plain one's name."""
        part = next(p for p in self.document.part.package.iter_parts()
                    if str(p.partname) == "/word/fontTable.xml")
        table = etree.fromstring(part.blob)
        number = 0
        for name in sorted(self.roles):
            # The role the family stands in for first (not as a fallback), plain first.
            standard = min((face for face in FACES if face.role in self.roles[name]),
                           key=lambda f: (family(f) != name, f.bold))
            font = etree.SubElement(table, qn("w:font"))
            font.set(qn("w:name"), name)
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), standard.standard)
            etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
            etree.SubElement(font, qn("w:family")).set(
                qn("w:val"), "swiss" if standard.role == "黑体" else "roman")
            etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
            # embedRegular before embedBold: the schema's order.
            for found in sorted((f for f in self.used if f.family == name),
                                key=lambda f: f.bold):
                number += 1
                data = subset_of(found, frozenset(self.used[found]))
                key = font_key(data)
                embedded = Part(PackURI(f"/word/fonts/font{number}.odttf"), CONTENT_TYPE,
                                obfuscate(data, key), part.package)
                relation = part.relate_to(embedded, RELATIONSHIP)
                link = etree.SubElement(font, qn("w:embedBold" if found.bold
                                                 else "w:embedRegular"))
                link.set(qn("r:id"), relation)
                link.set(qn("w:fontKey"), key)
                link.set(qn("w:subsetted"), "1")
        part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)


def build(issued: IssuedNotice):
    """The document of ``issued``, its parts in GB/T 9704-2012's order (7.2–7.4)."""
    page = Builder()
    center = WD_ALIGN_PARAGRAPH.CENTER
    page.paragraph(issued.issuer, "小标宋", SIZE_MARK, align=center, indent=False, color=RED)
    number = page.paragraph(issued.number, align=center, indent=False, blank_before=2)
    _border(number, "bottom", "DD0000")  # the red rule under the 版头 (7.2.7)
    page.paragraph(issued.title, "小标宋", SIZE_2, align=center, indent=False, blank_before=2)
    if issued.recipient.strip():  # no one named: no 主送 line (GB/T 9704-2012 7.3.1)
        page.paragraph(f"{issued.recipient}：", indent=False, blank_before=1)
    shown = [e for e in issued.elements if str(e.text).strip()]
    for place, element in enumerate(shown, 1):
        page.heading = f"{to_chinese(place)}、{element.name}"
        heading = page.paragraph(page.heading, "黑体")
        heading.paragraph_format.keep_with_next = True  # never alone at a page's foot
        page.lines(element.text)
        if element.citation:
            cited = page.paragraph(f"（依据：{element.citation}）", size=SIZE_4)
            # Off the grid, as in the pdf: the article is the regime's addition to the
            # standard's body, and 7.3.5.5 lets line spacing give way so that the
            # signature stays on the page of the text.
            cited.paragraph_format.line_spacing = Pt(21)
    if issued.citation:
        page.paragraph(f"依据：{issued.citation}")
    page.heading = ""
    # 7.3.5.2: 署名 one line under the body, 成文日期 on the line below it, each set flush
    # right against the empty characters `respons.registry.gbt9704` gives it, measured in
    # the faces that draw them (the faces embedded).
    signed = signature(plain(issued.issuer), written_date(issued.date),
                       measure(BY_ROLE["仿宋"]))
    for line, space in ((signed.issuer, signed.issuer_right), (signed.date, signed.date_right)):
        first = line is signed.issuer
        paragraph = page.paragraph(line, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False,
                                   blank_before=1 if first else 0)
        paragraph.paragraph_format.right_indent = Twips(round(space * CHARACTER))
        paragraph.paragraph_format.keep_with_next = first
    if issued.copy_to:
        names = "，".join(issued.copy_to)
        copy = page.paragraph(f"抄送：{names}。", size=SIZE_4, indent=False, blank_before=1)
        copy.paragraph_format.left_indent = copy.paragraph_format.right_indent = SIZE_4
        _border(copy, "top")
        _border(copy, "bottom")  # 版记's rules (7.4.1)
        at_the_foot(copy)
    page.footers()
    page.font_table()
    return page.document

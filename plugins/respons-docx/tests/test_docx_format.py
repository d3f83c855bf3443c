"""The `docx` format held to the notice-format contract (FormatConformance, its text read back
through python-docx), and its documents read back: A4 with the GB/T 9704-2012 margins and
line grid, every run's face set for the East Asian script too, the sizes of the title, body
and page numbers, the page numbers "— 1 —" odd right and even left, the font table naming
the standard's faces, and the same bytes from another process."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile

import pytest

pytest.importorskip("respons_docx", reason="the docx format is not "
                    "installed: python3 -m pip install -e plugins/respons-docx")
import respons_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from respons_docx import faces, testing

from respons.registry import NoticeFormat, fonts
from respons.testing import FormatConformance
from respons.testing.formats import VALUES, sample


def docx_format() -> NoticeFormat:
    (descriptor,) = respons_docx.respons_notice_formats()
    return descriptor


class TestDocx(FormatConformance):
    @pytest.fixture
    def notice_format(self):
        return docx_format()

    def text_of(self, data: bytes, media_type: str) -> str:
        assert media_type == respons_docx.MEDIA_TYPE and data.startswith(b"PK")
        return testing.text(data)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return respons_docx.render(sample())


@pytest.fixture(scope="module")
def read(rendered):
    return testing.document(rendered)


# ── the page after GB/T 9704-2012 ──────────────────────────────────────────────────
def test_the_page_is_a4_with_the_standard_s_margins(read):
    section = read.sections[0]

    def mm(length):  # a document holds lengths in twentieths of a point
        return pytest.approx(length.mm, abs=0.02)

    assert (section.page_width.mm, section.page_height.mm) == (mm(Mm(210)), mm(Mm(297)))
    assert (section.top_margin.mm, section.left_margin.mm) == (mm(Mm(37)), mm(Mm(28)))
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert (Length(text_width).mm, Length(text_height).mm) == (mm(Mm(156)), mm(Mm(225)))
    # 版心 156 × 225 mm
    settings = read.settings.element
    assert settings.find(qn("w:mirrorMargins")) is not None  # 订口 on the binding side
    assert read.settings.odd_and_even_pages_header_footer


def test_the_grid_is_22_lines_of_28_characters(read):
    grid = read.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    line_pitch = int(grid.get(qn("w:linePitch"))) / 20  # points
    assert 22 * line_pitch == pytest.approx(Mm(225).pt, abs=0.5)
    normal = read.styles["Normal"].paragraph_format
    assert normal.line_spacing == Pt(line_pitch)
    # Every 3号 run is set so that 28 characters fit the 156 mm line and 29 do not.
    body = [p for p in read.paragraphs if p.runs and p.runs[0].font.size == Pt(16)]
    assert len(body) > 10
    for paragraph in body:
        for run in paragraph.runs:
            tracking = run._element.rPr.find(qn("w:spacing"))
            pitch = 16 + int(tracking.get(qn("w:val"))) / 20
            assert 28 * pitch <= Mm(156).pt < 29 * pitch, (run.text, pitch)


def test_every_run_has_its_face_for_the_east_asian_script_too(read):
    chosen = {found.family for face in faces.FACES for found in fonts.installed(face)}
    runs = testing.runs(read.paragraphs)
    assert runs
    for run in runs:
        assert run.east_asia in chosen and run.ascii == run.east_asia, run
    footer_runs = testing.runs(read.sections[0].footer.paragraphs)
    assert {run.east_asia for run in footer_runs} == {faces.family(faces.BY_ROLE["宋体"])}


def test_the_title_body_and_headings_are_in_their_faces_and_sizes(read):
    issued = sample()
    runs = {}
    for run in testing.runs(read.paragraphs):  # the first run of each text
        runs.setdefault(run.text, run)
    title, body, heading = (faces.family(faces.BY_ROLE[role])
                            for role in ("小标宋", "仿宋", "黑体"))
    assert (runs[issued.title].east_asia, runs[issued.title].size) == (title, 22)  # 2号
    assert runs[issued.title].bold
    assert (runs[issued.issuer].east_asia, runs[issued.issuer].size) == (title, 26)
    text = VALUES["整改要求"]
    assert (runs[text].east_asia, runs[text].size) == (body, 16)  # 3号
    assert (runs["三、整改要求"].east_asia, runs["三、整改要求"].size) == (heading, 16)
    assert runs["2025年3月1日"].east_asia == body
    assert runs["抄送：吉林市人民政府办公室。"].size == 14  # 版记 in 4号


def test_the_parts_come_in_the_standard_s_order(read):
    issued = sample()
    texts = [p.text for p in read.paragraphs if p.text]
    order = [issued.issuer, issued.number, issued.title, issued.recipient + "：",
             "一、被考核单位", VALUES["被考核单位"],
             "（依据：吉林市行政执法责任制规定 第二十八条第一款）", "二、评议考核结果",
             "三、整改要求", "依据：" + issued.citation, issued.issuer, "2025年3月1日",
             "抄送：吉林市人民政府办公室。"]
    place = -1
    for what in order:
        place = texts.index(what, place + 1)
    number = next(p for p in read.paragraphs if p.text == issued.number)
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "DD0000"  # the red rule under 发文字号
    headings = [p for p in read.paragraphs if p.text[:2] in ("一、", "二、", "三、")]
    assert len(headings) == 3 and all(p.paragraph_format.keep_with_next for p in headings)
    copy_to = next(p for p in read.paragraphs if p.text.startswith("抄送"))
    frame = copy_to._p.pPr.find(qn("w:framePr"))  # 版记 at the foot of the page (7.4)
    assert (frame.get(qn("w:vAnchor")), frame.get(qn("w:yAlign"))) == ("margin", "bottom")


def test_page_numbers_are_dashed_odd_right_and_even_left(read):
    section = read.sections[0]
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
        (paragraph,) = footer.paragraphs
        assert paragraph.text == "— 1 —" and paragraph.alignment == align
        assert getattr(paragraph.paragraph_format, f"{side}_indent") == Pt(14)  # 空一字
        instructions = [e.text for e in paragraph._p.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]
        assert {run.size for run in testing.runs([paragraph])} == {14}  # 4号


def test_the_font_table_names_the_standard_s_face_for_each_stand_in(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        table = package.read("word/fontTable.xml").decode()
    for family, standard in (("AR PL UKai CN", "仿宋_GB2312"), ("Noto Sans CJK SC", "黑体"),
                             ("Noto Serif CJK SC", "宋体")):
        assert (f'<w:font w:name="{family}"><w:altName w:val="{standard}"/>'
                '<w:charset w:val="86"/>') in table


# ── the same bytes ─────────────────────────────────────────────────────────────────
def test_the_package_has_fixed_headers_and_order(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        entries = package.infolist()
    assert entries[0].filename == "[Content_Types].xml"
    assert [e.filename for e in entries[1:]] == sorted(e.filename for e in entries[1:])
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in [e.filename for e in entries]  # the template's
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        assert b"<Application>respons-docx</Application>" in package.read("docProps/app.xml")


def test_the_core_properties_are_the_notice_s(read):
    core = read.core_properties
    assert (core.title, core.author, core.keywords) == (
        "行政执法责任制评议考核整改通知书", "吉林市司法局", "吉司整〔2025〕3号")
    assert core.created == core.modified == dt.datetime(2025, 2, 28, 16, 0, tzinfo=dt.UTC)  # 0:00
    # Beijing time


def test_another_process_gives_the_same_bytes(rendered):
    script = ("import sys, respons_docx; from respons.testing.formats import sample; "
              "sys.stdout.buffer.write(respons_docx.render(sample()))")
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           timeout=300).stdout
    assert again == rendered


def test_control_and_non_xml_characters_are_written_as_escapes():
    values = {**VALUES, "整改要求": "甲\x1b[2J\u202e乙\ufffe丙"}
    shown = testing.text(respons_docx.render(sample(values=values)))
    assert "甲\\x1b[2J\\u202e乙\\ufffe丙" in shown


# ── the schema's order, which Word holds a document to ───────────────────────────────
#: The children of w:pPr, w:rPr and w:settings that the documents use, in ECMA-376's order.
SEQUENCES = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
            "lang", "eastAsianLayout", "specVanish", "oMath"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
}


def test_every_element_is_in_the_schema_s_order(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        parts = [package.read(name) for name in ("word/document.xml", "word/styles.xml",
                                                 "word/footer1.xml", "word/footer2.xml")
                 if name in package.namelist()]
        settings = package.read("word/settings.xml").decode()
    from lxml import etree

    checked = 0
    for part in parts:
        for element in etree.fromstring(part).iter():
            name = etree.QName(element).localname
            if name in SEQUENCES:
                children = [etree.QName(c).localname for c in element]
                order = [SEQUENCES[name].index(c) for c in children]
                assert order == sorted(order), (name, children)
                checked += 1
    assert checked > 50
    assert settings.index("<w:zoom") < settings.index("<w:mirrorMargins")
    assert settings.index("<w:mirrorMargins") < settings.index("<w:proofState")

"""The `pdf` format held to the notice-format contract (FormatConformance, its text read back
through pdftotext), and its PDFs read back through poppler: A4, the GB/T 9704-2012 margins
and text block, page numbers "— 1 —" odd right and even left, every font a face of its chain
embedded and subset, every character drawn, the same bytes from another process, and a
character no face has refused by name."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys

import attrs
import pytest

pytest.importorskip("respons_pdf", reason="the pdf format is not installed: "
                    "python3 -m pip install -e plugins/respons-pdf")
import respons_pdf
from respons_pdf import fonts, testing

from respons.registry import NoticeFormat
from respons.testing import FormatConformance
from respons.testing.formats import NOTICE, VALUES, sample

pytestmark = pytest.mark.skipif(testing.UNAVAILABLE is not None,
                                reason=testing.UNAVAILABLE or "")


def pdf_format() -> NoticeFormat:
    (descriptor,) = respons_pdf.respons_notice_formats()
    return descriptor


class TestPdf(FormatConformance):
    @pytest.fixture
    def notice_format(self):
        return pdf_format()

    def text_of(self, data: bytes, media_type: str) -> str:
        assert media_type == "application/pdf" and data.startswith(b"%PDF-")
        return testing.text(data)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return respons_pdf.render(sample())


# ── the page after GB/T 9704-2012 ──────────────────────────────────────────────────
def test_the_page_is_a4(rendered):
    assert testing.info(rendered)["Page size"].startswith("595.276 x 841.89 pts (A4)")


def test_the_text_stays_in_the_text_block_and_the_numbers_under_it(rendered):
    """版心 156 × 225 mm: 天头 37 mm, 订口 28 mm on odd pages (5.2.1), mirrored on even ones;
    页码 7 mm under the text block, 一字 in from its right edge on odd pages and its left
    edge on even ones (7.5)."""
    words = testing.words(rendered)
    numbers = [w for w in words if w.top > 37 + 225]
    body = [w for w in words if w not in numbers]
    assert body and {w.page for w in numbers} == {w.page for w in words} == {1, 2}
    for word in body:
        left = 28 if word.page % 2 else 26
        assert left - 0.5 <= word.left and word.right <= left + 156 + 0.5, word
        assert word.top >= 37 - 1 and word.bottom <= 37 + 225 + 1, word
    one_character = 14 / testing.MM  # 一字 of the 4号 numbers, in mm
    for page in (1, 2):
        line = [w for w in numbers if w.page == page]
        assert min(w.top for w in line) == pytest.approx(37 + 225 + 7, abs=1)
        if page % 2:  # odd: at the right, 一字 in from the text block's right edge
            assert max(w.right for w in line) == pytest.approx(28 + 156 - one_character, abs=1)
        else:  # even: at the left, 一字 in from its left edge (26 mm on a mirrored page)
            assert min(w.left for w in line) == pytest.approx(26 + one_character, abs=1)
    assert [line for line in testing.lines(rendered) if "—" in line] == ["—1—", "—2—"]
    # 发文字号 centred in the text block (7.2.5)
    (number,) = [w for w in body if w.text == "吉司整〔2025〕3号"]
    assert (number.left + number.right) / 2 == pytest.approx(28 + 156 / 2, abs=1)
    # 版记 (抄送) at the foot of the last page, on the text block's last line (7.4)
    (copy_to,) = [w for w in body if w.text.startswith("抄送")]
    assert copy_to.page == 2 and 37 + 225 - 225 / 22 <= copy_to.top <= 37 + 225


def test_the_title_is_set_in_the_xiaobiaosong_stand_in_and_the_body_in_the_fangsong_one():
    sheet = respons_pdf.layout.stylesheet()
    assert 'h1 { font-family: "Noto Serif CJK SC"' in sheet.replace(".issuer-mark, ", "")
    assert 'body { font-family: "FandolFang", "AR PL UKai CN"' in sheet
    assert 'h2 { font-family: "FandolHei", "Noto Sans CJK SC"' in sheet
    page = respons_pdf.layout.page(sample())
    assert "h1 {" in page and "font: 22pt" in page and "font: 16pt" in page  # 2号, 3号


@pytest.mark.parametrize("lines", [0, 14, 40])
def test_the_copy_to_record_stands_at_the_foot_of_the_last_page(lines):
    """However long the body, 版记 ends on the last page's last line (7.4), and nothing
    but it moves: the same words on the same pages as without it."""
    values = {**VALUES, "整改要求": "\n".join(["限期整改。"] * lines) or "限期整改。"}
    data = respons_pdf.render(sample(values=values))
    words = testing.words(data)
    (copy_to,) = [w for w in words if w.text.startswith("抄送")]
    assert copy_to.page == int(testing.info(data)["Pages"])
    assert copy_to.top >= 37 + 225 - 225 / 22 and copy_to.bottom <= 37 + 225
    alone = testing.words(respons_pdf.render(sample(values=values, copy_to=())))

    def text_block(found):  # the words above the page numbers, 版记 aside
        return [(w.page, w.text) for w in found if w.top < 37 + 225 and w is not copy_to]

    assert text_block(words) == text_block(alone)


def test_a_heading_never_ends_a_page():
    """Whatever line the heading of an element falls on, its text follows it on the same
    page: filler lines in the first element move the next heading over a whole page's lines."""
    for filler in range(22):
        values = {**VALUES, "被考核单位": "\n".join(["甲"] * (filler + 1))}
        words = testing.words(respons_pdf.render(sample(values=values)))
        heading = next(w for w in words if w.text == "三、整改要求")
        text = next(w for w in words if w.text == VALUES["整改要求"])
        assert heading.page == text.page, filler


def test_every_font_is_a_face_of_its_chain_embedded_and_subset(rendered):
    found = testing.fonts(rendered)
    chains = {family.replace(" ", "-") for face in fonts.FACES for family in face.families}
    assert found
    for font in found:
        assert font.embedded and font.subset and font.unicode, font
        assert font.name.removesuffix("-Bold") in chains, font
    faces = {font.name for font in found}
    for face in fonts.FACES:  # each role is set by the first face of its chain installed
        first = fonts.installed(face)[0].family.replace(" ", "-")
        assert first in faces or first + "-Bold" in faces, (face.role, faces)


def test_every_character_is_drawn(rendered):
    """What pdftotext reads back is every character written: none became an empty box."""
    shown = testing.text(rendered)
    issued = sample()
    for value in (issued.title, issued.issuer, issued.recipient, issued.number, *VALUES.values(),
                  *(e.citation for e in issued.elements), "2025年3月1日", "抄送："):
        assert value in shown, value
    assert "\ufffd" not in shown


def test_the_dates_of_the_pdf_are_the_notice_s(rendered):
    meta = testing.info(rendered)
    assert meta["CreationDate"] == meta["ModDate"] == "2025-03-01T00:00:00+08"  # Beijing
    assert meta["Author"] == "吉林市司法局"
    assert meta["Title"] == "行政执法责任制评议考核整改通知书 吉司整〔2025〕3号"
    other = respons_pdf.render(sample(date=dt.date(2025, 4, 2)))
    assert testing.info(other)["CreationDate"] == "2025-04-02T00:00:00+08"


def test_another_process_gives_the_same_bytes(rendered):
    script = ("import sys, respons_pdf; from respons.testing.formats import sample; "
              "sys.stdout.buffer.write(respons_pdf.render(sample()))")
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           timeout=300).stdout
    assert again == rendered


def test_a_notice_gives_the_same_bytes_whatever_was_rendered_before(rendered):
    """The font configuration is shared by every notice of a process (`font_config`): a
    notice rendered after others, with 版记 (laid out twice) and without, is the one a
    fresh process renders."""
    respons_pdf.render(sample(issuer="吉林市人民政府法制办公室",
                              values={**VALUES, "整改要求": "六十日内报送整改报告（附清单）"}))
    respons_pdf.render(attrs.evolve(sample(), copy_to=("吉林市人民政府", "吉林市司法局")))
    assert respons_pdf.render(sample()) == rendered


# ── a character no face can draw ───────────────────────────────────────────────────
LINEAR_B = "\U00010000"  # 𐀀: in no CJK face
PRIVATE = "\U0010fffd"  # the last private-use character: in no face at all


@pytest.mark.parametrize(("changes", "character", "named"), [
    ({"values": {**VALUES, "整改要求": f"报送{LINEAR_B}整改报告"}}, LINEAR_B, "under 三、整改要求"),
    ({"notice": attrs.evolve(NOTICE, title=f"整改{PRIVATE}通知书")}, PRIVATE, "通知书"),
    ({"recipient": f"某局{PRIVATE}"}, PRIVATE, "某局"),
    ({"issuer": f"{LINEAR_B}司法局"}, LINEAR_B, "司法局"),
], ids=["element", "title", "recipient", "issuer"])
def test_a_character_no_face_can_draw_is_refused_by_name(changes, character, named):
    with pytest.raises(ValueError) as raised:
        respons_pdf.render(sample(**changes))
    message = str(raised.value)
    assert f"U+{ord(character):04X}" in message and named in message, message
    assert "cannot be drawn by any font of the" in message


def test_the_check_reads_each_face_s_cmap():
    body = fonts.BY_ROLE["仿宋"]
    assert fonts.undrawable("吉林市〔2025〕—（）：", body) is None
    assert fonts.undrawable("甲\U00010000乙", body) == "\U00010000"
    assert fonts.undrawable("零\u200b宽\n", body) is None  # invisible and layout characters


def test_a_chain_with_no_face_installed_is_named_with_its_packages():
    absent = fonts.Face("仿宋", "正文", 400, ("No Such Face Anywhere",), ("fonts-fandol",))
    with pytest.raises(ValueError, match=r"no face of the 仿宋 chain is installed.*fonts-fandol"):
        fonts.undrawable("甲", absent)


def test_control_characters_are_drawn_as_visible_escapes():
    values = {**VALUES, "整改要求": "甲\x1b[2J\u202e乙"}
    shown = testing.text(respons_pdf.render(sample(values=values)))
    assert "甲\\x1b[2J\\u202e乙" in shown


def test_without_weasyprint_the_format_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    with pytest.raises(ValueError, match=r"the pdf format cannot run: WeasyPrint could not be "
                       r"loaded .*libpango-1\.0-0"):
        respons_pdf.render(sample())


def test_a_full_line_of_the_body_holds_28_characters():
    """5.2.3: 28 characters of 3号 to the 156 mm line (set 0.25 pt closer: 28 × 16 pt is
    448 pt, more than 442.2), the first line of a paragraph 26 after its indent."""
    values = {**VALUES, "整改要求": "责" * 70}
    data = respons_pdf.render(sample(values=values))
    lines = [line for line in testing.lines(data) if set(line) == {"责"}]
    assert [len(line) for line in lines] == [26, 28, 16]
    # …and the lines are 225 mm / 22 apart: 22 to the text block.
    tops = sorted({round(w.top, 2) for w in testing.words(data) if set(w.text) == {"责"}})
    assert len(tops) == 3
    assert [b - a for a, b in itertools.pairwise(tops)] == \
        [pytest.approx(225 / 22, abs=0.05)] * 2


# ── 发文机关署名 and 成文日期 (7.3.5.2) ─────────────────────────────────────────────────
#: A character of 3号 body text as set (16 pt, `TRACKING` closer), in mm.
CHARACTER = (16 + respons_pdf.layout.TRACKING) / testing.MM


@pytest.mark.parametrize(("issuer", "issuer_right", "date_right"), [
    # 吉林市司法局 is 6 characters, 2025年3月1日 as long (6 digits of half a character and
    # 3 CJK ones): shifted two right of the 署名 it would end flush with the text block,
    # so it ends 右空二字 and the 署名 moves right by as much: 4.
    ("吉林市司法局", 4, 2),
    # 12 characters: the 署名 右空二字, the date two characters right of its first
    # character, so 2 + 12 - 2 - 6 = 6 characters from the edge.
    ("吉林市人民政府法制办公室", 2, 6),
])
def test_the_signature_and_date_stand_where_7_3_5_2_puts_them(issuer, issuer_right,
                                                               date_right):
    words = testing.words(respons_pdf.render(sample(issuer=issuer)))
    (signed,) = [w for w in words if w.text == issuer and w.top > 37 + 2 * 225 / 22]
    (date,) = [w for w in words if w.text == "2025年3月1日"]
    assert date.page == signed.page and date.top > signed.top
    edge = (28 if signed.page % 2 else 26) + 156  # the text block's right edge, mirrored

    def characters(mm: float) -> float:
        return mm / CHARACTER

    assert characters(edge - signed.right) == pytest.approx(issuer_right, abs=0.1)
    assert characters(edge - date.right) == pytest.approx(date_right, abs=0.1)
    assert characters(date.left - signed.left) == pytest.approx(2, abs=0.1)  # 首字右移二字
    # 正文下空一行: an empty line of the grid between the body's last line and the 署名
    above = max(w.top for w in words if w.page == signed.page and w.bottom < signed.top)
    assert signed.top - above == pytest.approx(2 * 225 / 22, abs=1)
    assert date.top - signed.top == pytest.approx(225 / 22, abs=1)  # the next line

"""The faces of a DOCX notice: every character checked against the cmaps of the faces its runs
name — a character none has refused by name, as the pdf format refuses it —, the faces
embedded (ECMA-376 Part 1 §17.8.3) subset and obfuscated, read back here by unpacking the
package, undoing the obfuscation with the font table's key and loading each part with
fontTools; and 发文机关署名 and 成文日期 placed as GB/T 9704-2012 7.3.5.2 says, measured in
the embedded faces."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

pytest.importorskip("respons_docx", reason="the docx format is not "
                    "installed: python3 -m pip install -e plugins/respons-docx")
import respons_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from respons_docx import testing
from respons_docx.document import CHARACTER

from respons.registry import fonts
from respons.testing.formats import VALUES, sample

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return respons_docx.render(sample())


def embedded(data: bytes) -> dict[tuple[str, bool], TTFont]:
    """Each embedded face, (family, bold) → the font, de-obfuscated as §17.8.1 says: the
    key's 32 hex digits as 16 bytes, in reverse order, XORed over the first 32 bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = package.read("word/fontTable.xml").decode()
        links = package.read("word/_rels/fontTable.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', links)
                       or [(i, t) for t, i in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"',
                                                           links)])
        found = {}
        for name, body in re.findall(r'<w:font w:name="([^"]+)">(.*?)</w:font>', table):
            for kind, rid, key in re.findall(
                    r'<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"',
                    body):
                blob = package.read("word/" + targets[rid])
                secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
                head = bytes(b ^ secret[i % 16] for i, b in enumerate(blob[:32]))
                found[(name, kind == "Bold")] = TTFont(io.BytesIO(head + blob[32:]))
    return found


def test_every_face_named_is_embedded_subset_and_covers_its_text(rendered):
    faces = embedded(rendered)
    read = testing.document(rendered)
    paragraphs = list(read.paragraphs)
    for section in read.sections:
        paragraphs += section.footer.paragraphs + section.even_page_footer.paragraphs
    runs = testing.runs(paragraphs)
    named = {(run.east_asia, bool(run.bold)) for run in runs if run.text}
    assert named and named <= set(faces), (named, set(faces))
    for run in runs:
        cmap = faces[(run.east_asia, bool(run.bold))].getBestCmap()
        for character in run.text:
            assert ord(character) in cmap, (character, run)
    # every digit a page number may show, not only the "1" shown
    song = faces[(fonts.installed(fonts.BY_ROLE["宋体"])[0].family, False)].getBestCmap()
    assert all(ord(digit) in song for digit in "0123456789—")
    # subset: a few hundred glyphs at most, where the faces have tens of thousands
    for font in faces.values():
        assert len(font.getGlyphOrder()) < 300
        assert font["name"].getDebugName(1) in {family for family, _ in faces}
    assert len(rendered) < 200_000


def test_the_package_says_its_fonts_are_embedded_and_subset(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        settings = package.read("word/settings.xml").decode()
        types = package.read("[Content_Types].xml").decode()
        names = package.namelist()
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    # the schema's order (CT_Settings): zoom, embedTrueTypeFonts, saveSubsetFonts, mirrorMargins
    places = [settings.index(f"<w:{name}") for name in
              ("zoom", "embedTrueTypeFonts", "saveSubsetFonts", "mirrorMargins")]
    assert places == sorted(places)
    parts = [name for name in names if name.startswith("word/fonts/")]
    assert parts and all(re.fullmatch(r"word/fonts/font\d+\.odttf", name) for name in parts)
    assert ("application/vnd.openxmlformats-officedocument.obfuscatedFont" in types)
    # an obfuscated part is not a font file as it stands
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        blob = package.read(parts[0])
    with pytest.raises(Exception):  # noqa: B017 - fontTools raises what its reader meets
        TTFont(io.BytesIO(blob))["head"]


def test_the_key_and_the_bytes_follow_from_the_notice():
    first, again = respons_docx.render(sample()), respons_docx.render(sample())
    assert first == again
    other = respons_docx.render(sample(values={**VALUES, "整改要求": "六十日内报送整改报告"}))
    keys = [re.findall(rb'w:fontKey="([^"]+)"', zipfile.ZipFile(io.BytesIO(data))
                       .read("word/fontTable.xml")) for data in (first, other)]
    assert keys[0] != keys[1]  # 六 is in the body's subset now: another font, another key


def test_a_character_no_face_has_is_refused_by_name():
    values = {**VALUES, "整改要求": "报送\U00010000整改报告"}
    with pytest.raises(ValueError) as refused:
        respons_docx.render(sample(values=values))
    message = str(refused.value)
    assert "U+10000 LINEAR B SYLLABLE B008 A" in message
    assert "“报送\U00010000整改报告” (under 三、整改要求)" in message
    assert "仿宋 chain" in message
    with pytest.raises(ValueError, match=r"U\+10000"):  # in the issuer too: mark and 署名
        respons_docx.render(sample(issuer="吉林市\U00010000局"))


def test_a_character_the_first_face_lacks_is_set_in_the_next_one():
    """The chain falls back as Pango does in the pdf: a character the 仿宋 stand-in lacks
    but the next face has is a run of its own in that face, and that face is embedded."""
    body = fonts.installed(fonts.BY_ROLE["仿宋"])
    if len(body) < 2:
        pytest.skip("one face of the 仿宋 chain is installed: nothing to fall back to")
    first, then = fonts.characters(body[0]), fonts.characters(body[1])
    character = next((chr(c) for c in sorted(then - first) if 0x4E00 <= c <= 0x9FFF
                      or 0x3400 <= c <= 0x4DBF or 0x20000 <= c <= 0x2FFFF), None)
    if character is None:
        pytest.skip(f"{body[1].family} has no CJK character {body[0].family} lacks")
    values = {**VALUES, "整改要求": f"报送{character}整改报告"}
    data = respons_docx.render(sample(values=values))
    runs = testing.runs(testing.document(data).paragraphs)
    (alone,) = [run for run in runs if run.text == character]
    assert alone.east_asia == body[1].family
    assert ord(character) in embedded(data)[(body[1].family, False)].getBestCmap()


@pytest.mark.parametrize(("issuer", "issuer_right", "date_right"), [
    ("吉林市司法局", 4, 2),  # the date as long as the 署名: it ends 右空二字, the 署名 moves
    ("吉林市人民政府法制办公室", 2, 6),  # 署名 右空二字, the date 2 + 12 - 2 - 6 from the edge
])
def test_the_signature_and_date_stand_where_7_3_5_2_puts_them(issuer, issuer_right,
                                                               date_right):
    data = respons_docx.render(sample(issuer=issuer))
    paragraphs = testing.document(data).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "2025年3月1日")
    signed, date = paragraphs[at - 1], paragraphs[at]
    assert signed.text == issuer and paragraphs[at - 2].text == ""  # 正文下空一行
    assert signed.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT

    def right(paragraph) -> float:  # the right indent in characters of 3号 as set
        return paragraph.paragraph_format.right_indent.twips / CHARACTER

    assert right(signed) == pytest.approx(issuer_right, abs=0.01)
    assert right(date) == pytest.approx(date_right, abs=0.01)
    # 首字右移二字, measured in the faces embedded: where each line begins, from the edge
    faces = embedded(data)

    def width(paragraph) -> float:
        total = 0.0
        for run in paragraph.runs:
            font = faces[(run._element.rPr.rFonts.get(qn("w:eastAsia")), False)]
            cmap, advances = font.getBestCmap(), font["hmtx"].metrics
            size, units = run.font.size.pt, font["head"].unitsPerEm
            tracking = int(run._element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
            total += sum(advances[cmap[ord(c)]][0] / units * size + tracking
                         for c in run.text)
        return total * 20 / CHARACTER  # characters

    starts = right(signed) + width(signed), right(date) + width(date)
    assert starts[0] - starts[1] == pytest.approx(2, abs=0.05)


def test_every_face_is_embedded_with_truetype_outlines_true_to_the_installed_face(rendered):
    """Word takes only TrueType outlines: a CFF face (Noto CJK) is converted, and each
    glyph keeps its box (within a thousandth of an em) and its area (within half a percent;
    wound clockwise now, as TrueType winds an outer contour)."""
    from fontTools.pens.areaPen import AreaPen
    from fontTools.pens.boundsPen import BoundsPen

    def shape(glyphs, name):
        bounds, area = BoundsPen(glyphs), AreaPen(glyphs)
        glyphs[name].draw(bounds)
        glyphs[name].draw(area)
        return bounds.bounds, area.value

    compared = 0
    for (family, bold), font in embedded(rendered).items():
        assert "glyf" in font and "CFF " not in font, family
        source = next(f for face in fonts.FACES for f in fonts.installed(face)
                      if (f.family, f.bold) == (family, bold))
        original = TTFont(source.path, fontNumber=source.index, lazy=True)
        ours, theirs = font.getBestCmap(), original.getBestCmap()
        for code in sorted(ours)[:20]:
            box, area = shape(font.getGlyphSet(), ours[code])
            their_box, their_area = shape(original.getGlyphSet(), theirs[code])
            # within cu2qu's tolerance, a thousandth of an em (exact for TrueType faces)
            assert box == pytest.approx(their_box, abs=font["head"].unitsPerEm / 1000 + 0.01
                                        ), (family, chr(code))
            assert abs(abs(area) - abs(their_area)) <= abs(their_area) / 200 + 1
            if "CFF " in original and their_area:
                assert (area > 0) != (their_area > 0), (family, chr(code))  # rewound
            compared += 1
        original.close()
    assert compared > 40

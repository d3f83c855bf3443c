"""The faces a DOCX embeds, cut from faces read once and glyphs converted once
(`respons_docx.glyphs`): byte for byte the font fontTools' subsetter and cu2qu make from the
installed face (`respons_docx.embed.reference_subset`), for every face of every chain
installed here; and a notice's bytes independent of what the process rendered before."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("respons_docx", reason="the docx format is not "
                    "installed: python3 -m pip install -e plugins/respons-docx")
import respons_docx
from respons_docx import embed, glyphs

from respons.registry import fonts
from respons.testing.formats import VALUES, sample

#: Every face installed here, once (a face may stand in for two roles).
INSTALLED = sorted({found for face in fonts.FACES for found in fonts.installed(face)},
                   key=lambda f: (f.family, f.bold, f.path))

#: What a notice sets: CJK, full-width punctuation whose bidi mirror fontTools adds (（ brings
#: ）, 〔 brings 〕), digits, Latin, a space, the page numbers' dash, and a character no face
#: here has (asked for, not kept).
TEXT = frozenset("吉林市司法局关于整改的通知第十二条（依据〔2025〕3号 ABC—\U00010000")


@pytest.mark.parametrize("found", INSTALLED, ids=lambda f: f"{f.family}-{int(f.bold)}")
def test_each_face_is_cut_by_the_fast_path_as_the_subsetter_cuts_it(found):
    face = glyphs.source(found)
    assert face is not None, f"{found.family} ({found.path}) has tables glyphs.py does not follow"
    assert face.subset(TEXT) == embed.reference_subset(found, TEXT)


def test_a_face_s_fallback_characters_and_a_single_character_are_cut_alike():
    """The 仿宋 chain's second face, with a character only it has, and a text of one
    character (a subset of .notdef and one glyph)."""
    body = fonts.installed(fonts.BY_ROLE["仿宋"])
    only = sorted(fonts.characters(body[-1]) - fonts.characters(body[0]))
    fallback = frozenset(chr(c) for c in only if 0x4E00 <= c <= 0x9FFF)
    for found, text in ((body[0], frozenset("一")),
                        (body[-1], frozenset(sorted(fallback)[:5]) | frozenset("。—"))):
        assert glyphs.source(found).subset(text) == embed.reference_subset(found, text)


def test_a_notice_gives_the_same_bytes_whatever_was_rendered_before_and_in_a_fresh_process():
    first = sample()
    other = sample(issuer="吉林市人民政府法制办公室",
                   values={**VALUES, "整改要求": "六十日内报送整改报告（附清单）"})
    before = respons_docx.render(first)
    between = respons_docx.render(other)
    again = respons_docx.render(first)
    assert before == again and between != before
    script = ("import sys, respons_docx; from respons.testing.formats import sample; "
              "sys.stdout.buffer.write(respons_docx.render(sample()))")
    fresh = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           timeout=300).stdout
    assert fresh == before


def _small_face(path, *, kern: bool = False) -> None:
    """A TrueType face of four glyphs, one of them a composite (Á of A and ´), written to
    ``path``; with ``kern``, a kern table too (which `respons_docx.glyphs` does not follow)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

    def box(x0, y0, x1, y1):
        pen = TTGlyphPen(None)
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        return pen.glyph()

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "B", "A", "acute", "Aacute"])
    builder.setupCharacterMap({0x41: "A", 0xB4: "acute", 0xC1: "Aacute", 0x42: "B"})
    composite = Glyph()
    composite.numberOfContours = -1
    composite.components = []
    for name, dy in (("A", 0), ("acute", 600)):
        component = GlyphComponent()
        component.glyphName, component.x, component.y, component.flags = name, 0, dy, 0x4
        composite.components.append(component)
    builder.setupGlyf({".notdef": box(50, 0, 450, 700), "A": box(10, 0, 590, 700),
                       "acute": box(200, 0, 400, 150), "Aacute": composite,
                       "B": box(60, 0, 560, 700)})
    builder.setupHorizontalMetrics({name: (600, 10) for name in builder.font.getGlyphOrder()})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Respons Test", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    if kern:
        from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0

        table = newTable("kern")
        table.version, sub = 0, KernTable_format_0()
        sub.version, sub.coverage, sub.kernTable = 0, 1, {("A", "B"): -50}
        table.kernTables = [sub]
        builder.font["kern"] = table
    builder.save(str(path))


def test_a_composite_glyph_brings_its_components_renumbered_as_the_subsetter_does(tmp_path):
    path = tmp_path / "small.ttf"
    _small_face(path)
    found = fonts.Installed("Respons Test", str(path), 0)
    # Á without A or ´ asked for: they come as its components, and B (before them) not,
    # so each moves down one glyph id and Á's components must say so
    text = frozenset("Á")
    face = glyphs.source(found)
    assert face is not None
    assert face.glyphs(text)[1] == [".notdef", "A", "acute", "Aacute"]
    assert face.subset(text) == embed.reference_subset(found, text)


def test_a_face_with_a_table_the_fast_path_does_not_follow_is_cut_by_the_subsetter(tmp_path):
    path = tmp_path / "kerned.ttf"
    _small_face(path, kern=True)
    found = fonts.Installed("Respons Test", str(path), 0)
    assert glyphs.source(found) is None
    assert embed.subset_of(found, frozenset("AB")) == embed.reference_subset(
        found, frozenset("AB"))

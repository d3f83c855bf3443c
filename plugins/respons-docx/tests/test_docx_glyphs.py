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

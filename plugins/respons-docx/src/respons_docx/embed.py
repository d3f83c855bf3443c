"""The faces a DOCX notice is set in, embedded in it (ECMA-376 Part 1 §17.8.3, font
embedding): each installed face a run names, subset with fontTools to the characters it sets,
obfuscated with a key (§17.8.1) and kept as a part ``word/fonts/fontN.odttf`` that the font
table's ``w:embedRegular`` / ``w:embedBold`` names with its ``w:fontKey``; the settings say
``w:embedTrueTypeFonts`` and ``w:saveSubsetFonts``, so that a word processor that saves the
notice again keeps them, subset.

Obfuscation is §17.8.1's: the key is a GUID; its 32 hex digits read as 16 bytes, reversed, are
XORed over the font's first 32 bytes. Nothing else is hidden: the obfuscation marks the font as
part of this document, it is no protection. The key is derived from the subset font's own bytes
(a UUID of their SHA-256), so that the same notice gives the same bytes.

Every face is embedded with TrueType (quadratic) outlines: a face with CFF outlines (Noto
CJK) is converted after subsetting (`truetype`, fontTools' cu2qu, within a thousandth of an
em), because Word embeds and takes only TrueType outlines (its option says so: "Embed
TrueType fonts"); LibreOffice takes either.
"""

from __future__ import annotations

import functools
import hashlib
import io
import uuid

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from respons.registry.fonts import Installed
from respons_docx import glyphs
from respons_docx.glyphs import truetype_maxp

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


@functools.lru_cache(maxsize=256)
def subset_of(found: Installed, characters: frozenset[str]) -> bytes:
    """The face ``found`` (one face of a collection) holding only ``characters`` (and
    .notdef), as a standalone font file, with no clock in it: made from the face read once
    and its glyphs converted once (`respons_docx.glyphs`), or, for a face that module does
    not know how to cut, by `reference_subset` — the same bytes either way."""
    face = glyphs.source(found)
    return face.subset(characters) if face is not None else reference_subset(found, characters)


def reference_subset(found: Installed, characters: frozenset[str]) -> bytes:
    """`subset_of` as fontTools' subsetter makes it, reading the whole face anew (seconds
    for a CJK face): the reference `respons_docx.glyphs` is held to, and its fallback."""
    # recalcTimestamp: fontTools would write the time of saving into head.modified.
    # recalcBBoxes: a glyph's stored box places its outline where it has a left side
    # bearing of its own (TrueType puts the origin at xMin - lsb), and some faces' boxes
    # (AR PL UKai's) are not their points' — recomputing them would move the glyphs.
    font = TTFont(found.path, fontNumber=found.index, recalcTimestamp=False,
                  recalcBBoxes=False)
    # FontForge's timestamps (FFTM): fontTools cannot subset the table and says so on
    # stderr, which would reach the user's terminal. The OpenType layout tables go too: a
    # notice is set horizontally, without the substitutions and positioning they hold, and
    # reading Noto CJK's takes seconds (the subsetter reads them before it drops them, so
    # they are dropped first; what it makes is the same).
    for tag in glyphs.DROPPED:
        if tag in font:
            del font[tag]
    subsetter = subset.Subsetter(glyphs.options())
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    if "CFF " in font:
        truetype(font)
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def truetype(font) -> None:
    """Give ``font`` (CFF outlines) TrueType outlines in their place: each glyph's cubic
    curves approximated by quadratic ones within a thousandth of an em (fontTools' cu2qu),
    the tables that hold outlines (``glyf``, ``loca``, ``maxp`` 1.0) made anew and the CFF
    ones dropped; the advances stay, the left side bearings follow the new outlines."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    tolerance = font["head"].unitsPerEm / 1000
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # reverse_direction: CFF winds outer contours counter-clockwise, TrueType clockwise
        glyphs[name].draw(Cu2QuPen(pen, tolerance, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, quadratic
    for name in ("CFF ", "VORG"):
        if name in font:
            del font[name]
    metrics = font["hmtx"].metrics
    for name, glyph in quadratic.items():
        glyph.recalcBounds(glyf)
        advance, _ = metrics[name]
        metrics[name] = (advance, getattr(glyph, "xMin", 0))
    truetype_maxp(font)  # points, contours, composites: from the new outlines
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def font_key(data: bytes) -> str:
    """The GUID a font part is obfuscated with, ``{XXXXXXXX-…}``, from the font's bytes."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """§17.8.1: the first 32 bytes XORed with the key's 16 bytes in reverse order, twice.
    The same operation undoes it."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]

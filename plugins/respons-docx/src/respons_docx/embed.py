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

The faces are embedded as fontTools writes the subset: TrueType outlines for AR PL UKai, CFF
outlines (OpenType) for Noto CJK. LibreOffice draws both; Word embeds only TrueType outlines
when it saves, and whether it draws an embedded CFF face is not tested here.
"""

from __future__ import annotations

import functools
import hashlib
import io
import uuid

from fontTools import subset
from fontTools.ttLib import TTFont

from respons.registry.fonts import Installed

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


@functools.cache
def subset_of(found: Installed, characters: frozenset[str]) -> bytes:
    """The face ``found`` (one face of a collection) holding only ``characters`` (and
    .notdef), as a standalone font file, with no clock in it."""
    # recalcTimestamp: fontTools would write the time of saving into head.modified.
    font = TTFont(found.path, fontNumber=found.index, recalcTimestamp=False)
    options = subset.Options()
    options.notdef_outline = True  # a glyph the text lacks draws a box, not nothing
    # FontForge's timestamps (FFTM): fontTools cannot subset the table and says so on
    # stderr, which would reach the user's terminal. The OpenType layout tables go too: a
    # notice is set horizontally, without the substitutions and positioning they hold, and
    # reading Noto CJK's takes seconds.
    options.drop_tables = [*options.drop_tables, "FFTM", "GSUB", "GPOS", "GDEF", "BASE", "JSTF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def font_key(data: bytes) -> str:
    """The GUID a font part is obfuscated with, ``{XXXXXXXX-…}``, from the font's bytes."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """§17.8.1: the first 32 bytes XORed with the key's 16 bytes in reverse order, twice.
    The same operation undoes it."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]

"""The faces a DOCX notice names and embeds, and the sizes of GB/T 9704-2012 (字号 in points).

The faces are the `pdf` format's: `respons.registry.fonts` holds, for each face of the
standard (小标宋, 仿宋, 黑体, 宋体 — all proprietary), the chain of free faces that stand in
for it, and the check that refuses a character none of them has. A run names the installed
face of the chain that draws its characters (a text is cut into runs where that face
changes, as Pango falls back in the PDF), every face named is embedded, subset to the
characters it sets (`respons_docx.embed`), and the font table gives the standard's own face
as its alternate name (``w:altName``).
"""

from __future__ import annotations

from docx.shared import Pt

from respons.registry.fonts import BY_ROLE, FACES, Face, installed

__all__ = ["BY_ROLE", "FACES", "SIZE_2", "SIZE_3", "SIZE_4", "SIZE_MARK", "Face", "family"]

#: 字号 (GB/T 9704 writes sizes by number): 2号 the title, 3号 the body, 4号 page numbers
#: and 版记; 发文机关标志 is set larger than the title, as the `html` format does.
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
SIZE_MARK = Pt(26)


def family(face: Face) -> str:
    """The family a run of ``face`` names by default: its chain's first installed face."""
    return installed(face)[0].family

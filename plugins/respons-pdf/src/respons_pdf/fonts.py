"""The faces a PDF notice is set in, as CSS: the chains of `respons.registry.fonts` (the table
of the four faces GB/T 9704-2012 asks for and the free faces that stand in for each, and
the glyph check — shared with the `docx` format, so that both refuse the same notices).

WeasyPrint (through Pango) would fall back to any font fontconfig offers, or draw an empty
box, when no face of a chain has a character; `respons.registry.fonts.require` refuses such
a notice first, and the stylesheet names only the chain's faces, so that the face checked
is the face drawn.
"""

from __future__ import annotations

from respons.registry.fonts import (
    BY_ROLE,
    FACES,
    Face,
    Installed,
    installed,
    measure,
    require,
    undrawable,
)

__all__ = ["BY_ROLE", "FACES", "Face", "Installed", "css_families", "installed", "measure",
           "require", "undrawable"]


def css_families(face: Face) -> str:
    """The face's chain as a CSS font-family list. No generic family ends it: the check
    has made sure one of these draws every character, and a generic would let fontconfig
    slip in a face nobody chose."""
    return ", ".join(f'"{family}"' for family in face.families)

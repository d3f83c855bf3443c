"""The faces a PDF notice is set in: the four GB/T 9704-2012 asks for (小标宋, 仿宋, 黑体, 宋体),
each stood in for by a chain of free faces that Debian ships, and the check that every
character of a notice is in the cmap of some face of its chain — before anything is drawn.

小标宋, 仿宋_GB2312, 黑体 and 宋体 are proprietary (方正, 中易): a free system has none of them, so
each role names free faces in order (`FACES`), the first one installed draws what it can and
the next what it cannot. WeasyPrint (through Pango) would otherwise fall back to any font
fontconfig offers, or draw an empty box, when no face of the chain has a character; so the
format reads each face's cmap (fontTools) and refuses such a notice with a `ValueError` that
names the character and where it stands. Faces are found through fontconfig's ``fc-match``,
the same lookup Pango does, so the face checked is the face drawn.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata

import attrs
from fontTools.ttLib import TTFont


@attrs.frozen
class Face:
    """A face GB/T 9704 asks for (``role``), what it sets (``use``, with the clause), its
    weight, and the free faces that stand in for it, in order, with the Debian packages
    that ship them."""

    role: str
    use: str
    weight: int
    families: tuple[str, ...]
    packages: tuple[str, ...]


#: One row per face of the standard; the stylesheet, the check and docs/notices.md read it.
FACES: tuple[Face, ...] = (
    Face("小标宋", "发文机关标志 (7.2.4), 标题 (7.3.1)", 700,
         ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
         ("fonts-noto-cjk", "fonts-arphic-uming")),
    Face("仿宋", "正文 (5.2.2), 主送机关, 署名, 成文日期 (7.3), 抄送 (7.4.2)", 400,
         ("FandolFang", "AR PL UKai CN", "Noto Serif CJK SC"),
         ("fonts-arphic-ukai", "fonts-noto-cjk")),
    Face("黑体", "一级标题 一、 (7.3.3)", 400,
         ("FandolHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
         ("fonts-noto-cjk",)),
    Face("宋体", "页码 (7.5)", 400,
         ("Noto Serif CJK SC", "FandolSong", "AR PL UMing CN"),
         ("fonts-noto-cjk", "fonts-arphic-uming")),
)

BY_ROLE = {face.role: face for face in FACES}


def css_families(face: Face) -> str:
    """The face's chain as a CSS font-family list. No generic family ends it: the check
    has made sure one of these draws every character, and a generic would let fontconfig
    slip in a face nobody chose."""
    return ", ".join(f'"{family}"' for family in face.families)


@attrs.frozen
class Installed:
    """A face of a chain as fontconfig finds it on this machine."""

    family: str
    path: str
    index: int


@functools.cache
def _match(family: str, weight: int) -> Installed | None:
    """The installed face fontconfig gives for ``family``, or None where it would give
    another family (fontconfig always answers, with its nearest face)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise ValueError("cannot find the notice's fonts: fc-match (fontconfig) is not "
                         "installed; install the fontconfig package")
    pattern = f"{family}:weight={'bold' if weight >= 700 else 'regular'}"
    answer = subprocess.run([fc_match, "-f", "%{family}\t%{file}\t%{index}", pattern],
                            capture_output=True, text=True, check=False, timeout=30)
    parts = answer.stdout.split("\t")
    if answer.returncode != 0 or len(parts) != 3:
        return None
    names, path, index = parts
    if family not in (name.strip() for name in names.split(",")):
        return None
    return Installed(family, path, int(index or 0))


def installed(face: Face) -> tuple[Installed, ...]:
    """The faces of ``face``'s chain installed here, in the chain's order."""
    found = tuple(f for f in (_match(family, face.weight) for family in face.families) if f)
    if not found:
        raise ValueError(f"no face of the {face.role} chain is installed ("
                         f"{', '.join(face.families)}): install {' '.join(face.packages)}")
    return found


@functools.cache
def _cmap(path: str, index: int) -> frozenset[int]:
    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or ())
    finally:
        font.close()


def _drawn(character: str) -> bool:
    """Whether the character is drawn with a glyph: a line break or tab is layout, and a
    format character (zero-width space, joiners) is invisible by definition."""
    return character not in "\n\t\r" and unicodedata.category(character) != "Cf"


def undrawable(text: str, face: Face) -> str | None:
    """The first character of ``text`` that no installed face of the chain can draw."""
    cmaps = [_cmap(f.path, f.index) for f in installed(face)]
    for character in dict.fromkeys(text):  # each distinct character once, in order
        if _drawn(character) and not any(ord(character) in cmap for cmap in cmaps):
            return character
    return None


def require(text: str, face: Face, where: str) -> None:
    """Refuse ``text`` (``where`` names the part of the notice it is) when a character of
    it is in no face of the chain: a `ValueError` naming the character and the faces."""
    character = undrawable(text, face)
    if character is None:
        return
    name = unicodedata.name(character, "")
    shown = f"“{character}” (U+{ord(character):04X}{' ' + name if name else ''})"
    faces = ", ".join(f.family for f in installed(face))
    raise ValueError(f"the character {shown} in {where} cannot be drawn by any font of the "
                     f"{face.role} chain ({faces}): write it otherwise, or install a font "
                     "that has it")

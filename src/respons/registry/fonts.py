"""The faces a notice (文书) is set in, for the formats that draw or embed fonts (`pdf`,
`docx`): the four GB/T 9704-2012 asks for (小标宋, 仿宋, 黑体, 宋体), each stood in for by a
chain of free faces; which installed face of a chain draws each character; how wide it draws
it; and the check that refuses a character no face of its chain has — one table and one
check for every format, so that a notice refused as a PDF is refused as a DOCX too.

小标宋, 仿宋_GB2312, 黑体 and 宋体 are proprietary (方正, 中易): a free system has none of them,
so each role names free faces in order (`FACES`); the first one installed draws what it can
and the next what it cannot — the way Pango falls back along a CSS font-family list, and
the way the `docx` format splits a text into runs, one face each. Faces are found through
fontconfig's ``fc-match`` (the lookup Pango does, so the face checked is the face drawn) and
read with fontTools, which the formats that call this depend on; respons itself does not,
so fontTools is loaded when a face is first read, and its absence is a `ValueError` like any
other reason a notice cannot be made.

This module draws nothing and knows no file format; it is part of the plugin surface so that
format plugins share it without depending on each other.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Callable

import attrs


@attrs.frozen
class Face:
    """A face GB/T 9704 asks for (``role``), what it sets (``use``, with the clause), its
    weight, the free faces that stand in for it in order (``families``), the Debian
    packages that ship them, and the standard's own face (``standard``: what a word
    processor that has it may take instead, ``w:altName`` in a DOCX)."""

    role: str
    use: str
    weight: int
    families: tuple[str, ...]
    packages: tuple[str, ...]
    standard: str = ""

    @property
    def bold(self) -> bool:
        return self.weight >= 700


#: One row per face of the standard; the formats, the check and docs/notices.md read it.
FACES: tuple[Face, ...] = (
    Face("小标宋", "发文机关标志 (7.2.4), 标题 (7.3.1)", 700,
         ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
         ("fonts-noto-cjk", "fonts-arphic-uming"), "方正小标宋简体"),
    Face("仿宋", "正文 (5.2.2), 主送机关, 署名, 成文日期 (7.3), 抄送 (7.4.2)", 400,
         ("FandolFang", "AR PL UKai CN", "Noto Serif CJK SC"),
         ("fonts-arphic-ukai", "fonts-noto-cjk"), "仿宋_GB2312"),
    Face("黑体", "一级标题 一、 (7.3.3)", 400,
         ("FandolHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
         ("fonts-noto-cjk",), "黑体"),
    Face("宋体", "页码 (7.5)", 400,
         ("Noto Serif CJK SC", "FandolSong", "AR PL UMing CN"),
         ("fonts-noto-cjk", "fonts-arphic-uming"), "宋体"),
)

BY_ROLE = {face.role: face for face in FACES}


@attrs.frozen
class Installed:
    """A face of a chain as fontconfig finds it on this machine: its family, its file, the
    face's index in a collection (.ttc), and whether it is the bold face."""

    family: str
    path: str
    index: int
    bold: bool = False


def _ttfont():
    try:
        from fontTools.ttLib import TTFont
    except ImportError as error:  # respons does not depend on fontTools; its formats do
        raise ValueError("cannot read the notice's fonts: fontTools is not installed "
                         "(python3 -m pip install fonttools)") from error
    return TTFont


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
    return Installed(family, path, int(index or 0), weight >= 700)


def installed(face: Face) -> tuple[Installed, ...]:
    """The faces of ``face``'s chain installed here, in the chain's order."""
    found = tuple(f for f in (_match(family, face.weight) for family in face.families) if f)
    if not found:
        raise ValueError(f"no face of the {face.role} chain is installed ("
                         f"{', '.join(face.families)}): install {' '.join(face.packages)}")
    return found


@functools.cache
def opened(path: str, index: int):
    """The face ``index`` of the font file ``path`` (an `Installed` face's) as a fontTools
    ``TTFont``, opened once a process and read as it
    is used (lazily): the glyph check reads its cmap and advances, and a format that
    embeds the face (`docx`) reads the rest from the same object rather than the file
    again. Read only: nothing may change a table of it."""
    return _ttfont()(path, fontNumber=index, lazy=True, recalcTimestamp=False,
                     recalcBBoxes=False)


@functools.cache
def _metrics(path: str, index: int) -> tuple[dict[int, float], float]:
    """The face's characters with their advance widths in ems, and the advance of a
    character it lacks (never drawn: such a text is refused first)."""
    font = opened(path, index)
    cmap = font.getBestCmap() or {}
    metrics, units = font["hmtx"].metrics, font["head"].unitsPerEm
    return {code: metrics[glyph][0] / units for code, glyph in cmap.items()}, 1.0


@functools.cache
def characters(found: Installed) -> frozenset[int]:
    """The code points the installed face has a glyph for (its best cmap)."""
    return frozenset(_metrics(found.path, found.index)[0])


def drawn(character: str) -> bool:
    """Whether the character is drawn with a glyph: a line break or tab is layout, and a
    format character (zero-width space, joiners) is invisible by definition."""
    return character not in "\n\t\r" and unicodedata.category(character) != "Cf"


def undrawable(text: str, face: Face) -> str | None:
    """The first character of ``text`` that no installed face of the chain can draw."""
    chain = [characters(f) for f in installed(face)]
    for character in dict.fromkeys(text):  # each distinct character once, in order
        if drawn(character) and not any(ord(character) in cmap for cmap in chain):
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


def drawing(text: str, face: Face) -> list[tuple[Installed, str]]:
    """``text`` cut where the face that draws it changes: each piece with the first
    installed face of the chain that has all its characters, as Pango falls back. A
    character that is not drawn (a line break, a format character) stays with the piece
    it stands in. `require` first: a character no face has is given to the first face."""
    chain = installed(face)
    pieces: list[tuple[Installed, str]] = []
    for character in text:
        if drawn(character):
            found = next((f for f in chain if ord(character) in characters(f)), chain[0])
        else:
            found = pieces[-1][0] if pieces else chain[0]
        if pieces and pieces[-1][0] == found:
            pieces[-1] = (found, pieces[-1][1] + character)
        else:
            pieces.append((found, character))
    return pieces


def width(text: str, face: Face) -> float:
    """How wide ``text`` is drawn in ``face``'s chain, in ems of its size: each character's
    advance in the face that draws it (a CJK character 1; a digit of AR PL UKai 0.5, of
    Noto Serif CJK 0.558)."""
    total = 0.0
    for found, piece in drawing(text, face):
        advances, missing = _metrics(found.path, found.index)
        total += sum(advances.get(ord(c), missing) for c in piece if drawn(c))
    return total


def measure(face: Face) -> Callable[[str], float]:
    """`width` in ``face``, as the one-argument measure `respons.registry.gbt9704` takes."""
    return functools.partial(width, face=face)

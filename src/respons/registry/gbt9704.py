"""Where GB/T 9704-2012 puts the parts of a notice (文书) that every format places the same way,
computed once for all of them (`html`, `pdf`, `docx`): today 发文机关署名 and 成文日期.

7.3.5.2 (不加盖印章的公文 — respons's notices carry no seal, 7.3.5.1): "在正文（或附件说明）下空
一行右空二字编排发文机关署名，在发文机关署名下一行编排成文日期，首字比发文机关署名首字右移二字，
如成文日期长于发文机关署名，应当使成文日期右空二字编排，并相应增加发文机关署名右空字数。" So the
署名 ends two characters from the right edge of the text block, and the date begins two
characters right of where the 署名 begins — unless that would leave the date less than two
characters from the edge, in which case the date ends two characters in and the 署名 moves
right with it, still two characters before the date's first. The clause's test is "长于"
(longer than); it is read here as "would end less than 右空二字", which is what its remedy
restores: a date as long as the 署名, or one character shorter, shifted two characters
right would reach into the two characters the clause keeps empty, or past the edge.

Widths are in characters (字) of the body text: a CJK character is one, a half-width digit
(成文日期 is in Arabic numerals, 7.3.5.4) about half. A format that knows the face draws the
text passes its measure (`respons.registry.fonts.measure`); the default is the Unicode East
Asian Width of each character (wide and full-width 1, the rest ½), what a page that does not
know its reader's fonts can assume. The result is rounded to thousandths of a character, so
that output built from it is the same bytes everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import attrs

#: 右空二字: the empty characters at the right of the 署名, or of a longer date (7.3.5.2).
RIGHT_SPACE = 2
#: 首字右移二字: how far right of the 署名's first character the date's first stands.
DATE_SHIFT = 2


def east_asian_width(text: str) -> float:
    """The width of ``text`` in characters by Unicode's East Asian Width: wide (W) and
    full-width (F) characters 1, the rest (digits, Latin) ½; a line break or a format
    character nothing."""
    return sum(0.0 if c in "\n\r\t" or unicodedata.category(c) == "Cf"
               else 1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


@attrs.frozen
class Signature:
    """发文机关署名 and 成文日期 as laid out (7.3.5.2): each line's text, its width, and the
    empty characters at its right; each line is set flush against that space. ``shifted``
    is true where the date was too long to stand two characters right of the 署名 and the
    署名 moved instead."""

    issuer: str
    date: str
    issuer_width: float
    date_width: float
    issuer_right: float
    date_right: float
    shifted: bool

    @property
    def issuer_left(self) -> float:
        """Where the 署名's first character stands, in characters from the right edge."""
        return self.issuer_right + self.issuer_width

    @property
    def date_left(self) -> float:
        return self.date_right + self.date_width


def signature(issuer: str, date: str,
              measure: Callable[[str], float] = east_asian_width) -> Signature:
    """Lay out 署名 ``issuer`` and 成文日期 ``date`` (already written, 2025年3月1日), widths
    by ``measure`` (characters, or ems of the body size: the same for 3号 text)."""
    issuer_width, date_width = measure(issuer), measure(date)
    # The date's first character two right of the 署名's, the 署名 右空二字: the date's right
    # space is what is left of the 署名's width after the shift and the date.
    date_right = RIGHT_SPACE + issuer_width - DATE_SHIFT - date_width
    shifted = date_right < RIGHT_SPACE
    if shifted:  # 成文日期右空二字, and the 署名's right space grows as much
        date_right = RIGHT_SPACE
    issuer_right = date_right + date_width + DATE_SHIFT - issuer_width

    def exact(value: float) -> float:
        return round(value, 3) + 0.0  # + 0.0: never -0.0

    return Signature(issuer, date, exact(issuer_width), exact(date_width),
                     exact(issuer_right), exact(date_right), shifted)

"""Flowcharts as SVG, laid out by respons itself: a column of boxes joined by arrows.

A duty's clock (start event → period → completion, with its extensions and pauses beside
the period, and who is responsible) and a power's procedure (承办 → 审核 → 批准) are both a
short chain, so the layout is a single column that fits a phone's width (340 units, scaled
down by CSS where the screen is narrower). Text is wrapped by an estimate of its width —
a CJK character one em, other characters a little over half — so the layout depends on
nothing but the text: the same chain gives the same bytes on every machine. The SVG is
meant to be put inline in an HTML page: it names no namespace URL and no id (a page holds
many), and every string is escaped here.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from respons.report.site.markup import esc

WIDTH = 340
_MARGIN = 8
_INDENT = 28  # a note (an extension, a pause) stands a little to the right of the chain
_PAD = 9
_GAP = 26
_TITLE_SIZE = 14
_TEXT_SIZE = 12

#: kind → (fill, stroke, dashed, corner radius)
STYLES = {
    "start": ("#e8f1fb", "#2b6cb0", False, 14),
    "step": ("#ffffff", "#4a5568", False, 3),
    "note": ("#fffaf0", "#b7791f", True, 3),
    "end": ("#e6f4ea", "#2f855a", False, 14),
    "breach": ("#fdecea", "#c53030", True, 3),
}


@attrs.frozen
class Node:
    """One box: its kind (a key of `STYLES`), a title and lines of detail."""

    kind: str
    title: str
    lines: tuple[str, ...] = ()


def _char_width(char: str, size: float) -> float:
    if unicodedata.east_asian_width(char) in "WF":
        return size
    return size * (0.3 if char == " " else 0.58)


#: Characters that may not end a line (openers) or start one (closers), as CJK typesetting
#: has it (禁则): 〔 stays with the article it opens, 〕 and ， with what they close.
_OPENERS = "〔《（(“‘【「"
_CLOSERS = "〕》）)”’】」，。、：；！？,.:;!?"


def _width(text: str, size: float) -> float:
    return sum(_char_width(c, size) for c in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (estimated): between ASCII words
    where it can, anywhere within CJK text but before an opener or after a closer."""
    lines: list[str] = []
    line = ""

    def new_line(token: str) -> str:
        """End the current line before ``token``; what the next line starts with."""
        nonlocal line
        carry, line = "", line.rstrip()
        if token[:1] in _CLOSERS and len(line) > 1:
            carry, line = line[-1], line[:-1].rstrip()
        while line and line[-1] in _OPENERS:
            carry, line = line[-1] + carry, line[:-1].rstrip()
        if line.strip():
            lines.append(line.rstrip())
        return carry

    for token in re.findall(r"[!-~]+ ?|.", text):
        if _width(line + token.rstrip(), size) > width and line.strip():
            line = new_line(token)
            token = token.lstrip() if not line else token
        if _width(token.rstrip(), size) > width:  # a word longer than a line: split it
            for char in token:
                if _width(line + char, size) > width and line:
                    line = new_line(char)
                line += char
            continue
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def flowchart(nodes: list[Node], label: str) -> str:
    """The chain of ``nodes`` top to bottom as an inline SVG element; ``label`` is its
    accessible name (what a screen reader says).

    The main boxes are joined by arrows down a spine near the left edge; a note (an
    extension, a pause) stands indented to the right of the spine and hangs off it by a
    dashed tick, so that the spine passes it by: a note qualifies the box above it and is
    not a step of its own.
    """
    parts: list[str] = []
    y = float(_MARGIN)
    spine = _MARGIN + _INDENT / 2
    above: float | None = None  # the bottom of the last main box
    for number, node in enumerate(nodes):
        x = _MARGIN + (_INDENT if node.kind == "note" else 0)
        width = WIDTH - _MARGIN - x
        inner = width - 2 * _PAD
        title = wrap(node.title, _TITLE_SIZE, inner)
        lines = [line for text in node.lines for line in wrap(text, _TEXT_SIZE, inner)]
        height = 2 * _PAD + len(title) * _TITLE_SIZE * 1.35 + len(lines) * _TEXT_SIZE * 1.4
        if number:
            y += _GAP
        if node.kind == "note":
            middle = y + min(height / 2, _PAD + _TITLE_SIZE)
            parts.append(f'<path d="M{_n(spine)} {_n(middle)} H{_n(x - 1)}" fill="none" '
                         'stroke="#b7791f" stroke-width="1.5" stroke-dasharray="3 2"/>')
        elif above is not None:
            parts.append(_arrow(spine, above, y, dashed=node.kind == "breach"))
        fill, stroke, dashed, radius = STYLES[node.kind]
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
                     f'rx="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>')
        baseline = y + _PAD + _TITLE_SIZE
        for text in title:
            parts.append(f'<text x="{_n(x + _PAD)}" y="{_n(baseline)}" font-size="{_TITLE_SIZE}" '
                         f'font-weight="bold" fill="#1a202c">{esc(text)}</text>')
            baseline += _TITLE_SIZE * 1.35
        baseline += _TEXT_SIZE * 0.15
        for text in lines:
            parts.append(f'<text x="{_n(x + _PAD)}" y="{_n(baseline)}" font-size="{_TEXT_SIZE}" '
                         f'fill="#2d3748">{esc(text)}</text>')
            baseline += _TEXT_SIZE * 1.4
        if node.kind != "note":
            above = y + height
        y += height
    total = y + _MARGIN
    return (f'<svg class="flow" viewBox="0 0 {WIDTH} {_n(total)}" width="{WIDTH}" '
            f'height="{_n(total)}" role="img" aria-label="{esc(label)}">'
            f"<title>{esc(label)}</title>" + "".join(parts) + "</svg>")


def _arrow(x: float, top: float, bottom: float, *, dashed: bool) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    tip = bottom - 1
    line = (f'<path d="M{_n(x)} {_n(top)} V{_n(tip - 6)}" fill="none" stroke="#4a5568" '
            f'stroke-width="1.5"{dash}/>')
    head = (f'<polygon points="{_n(x - 5)},{_n(tip - 7)} {_n(x + 5)},{_n(tip - 7)} '
            f'{_n(x)},{_n(tip)}" fill="#4a5568"/>')
    return line + head


def _n(value: float) -> str:
    """A coordinate with at most one decimal: the same text for the same layout."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text

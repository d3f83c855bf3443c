"""Splitting a regime file into top-level blocks, so that one syntax error costs one block.

When a file does not parse, each top-level block is parsed on its own: the errors of every
broken block are reported and the blocks that parse still reach the checker. A block ends
at the `}` that brings the brace depth back to zero; a line that starts in column 1 with
the keyword of a top-level block (the kinds table's, ``respons.model.kinds``) also starts
a new block, so a forgotten `}` does not swallow the rest of the file.

Braces and keywords are found by the parser's own lexer (``respons.syntax.lexing``): a `}`
in a string, a citation, a 「name」 or a comment is no brace, and neither is one after text
the lexer rejects on the same line (an unclosed string runs to the end of its line). No
token but a statement end runs past the end of its line, so each line is lexed on its own,
and only a line that can matter: one with a brace, or with something in column 1.
"""

from __future__ import annotations

from respons.syntax.keywords import BLOCK_TERMINALS
from respons.syntax.lexing import pieces


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line ends, numbered as the parser numbers them:
    a line ends at ``\\n`` only (not at a form feed or U+2028, as `str.splitlines` has it)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and not lines[-1] else lines


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Return (first line number, text) of each top-level chunk; chunks start at line starts."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # the last piece has no line end after it
    if not lines[-1]:
        lines.pop()
    chunks: list[tuple[int, str]] = []
    depth = 0
    start = 0
    for index, line in enumerate(lines):
        starts, change, closes = _facts(line)
        if depth > 0 and index > start and starts:
            chunks.append((start + 1, "".join(lines[start:index])))
            start, depth = index, 0
        depth += change
        if depth <= 0 and closes:
            chunks.append((start + 1, "".join(lines[start:index + 1])))
            start, depth = index + 1, 0
    if start < len(lines):
        chunks.append((start + 1, "".join(lines[start:])))
    return [chunk for chunk in chunks if chunk[1].strip()]


def _facts(line: str) -> tuple[bool, int, bool]:
    """Whether ``line`` starts with a block keyword in column 1, how much it changes the
    brace depth, and whether it has a `}`."""
    if "{" not in line and "}" not in line and (not line or line[0] in " \t\n"):
        return False, 0, False  # nothing in it can start or end a block
    found = pieces(line)
    terminals = [terminal for terminal, _ in found]
    opened, closed = terminals.count("LBRACE"), terminals.count("RBRACE")
    return found[0][0] in BLOCK_TERMINALS, opened - closed, closed > 0

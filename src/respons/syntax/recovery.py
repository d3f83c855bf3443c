"""Splitting a regime file into top-level blocks and blocks into statements, so that one
syntax error costs one statement.

When a file does not parse, each top-level block is parsed on its own: the errors of every
broken block are reported and the blocks that parse still reach the checker. Inside a
block, the statement an error is in is found (`statement_at`) and blanked out, and the
block is parsed again, until it parses: the block is built from its good statements
(``respons.syntax.parser``). A block ends
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

import attrs

from respons.model.kinds import BLOCKS
from respons.syntax.build.base import name_text
from respons.syntax.keywords import BLOCK_TERMINALS
from respons.syntax.lexing import pieces, tokens


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
        if index > start and starts:
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


#: Tokens after which a line end does not end the statement: the grammar lets a statement
#: go on on the next line after 或, 且, a list's `、` and `=>` (and a block's `{`).
_GOES_ON = frozenset({"KW_OR", "KW_AND", "_LIST_SEP", "_ARROW", "LBRACE"})


@attrs.frozen
class Statement:
    """Where one statement of a block stands in the text of the block."""

    start: int  # offset of its first token
    end: int  # offset just past its last token
    stop: int  # offset of what ended it: its line end, `;` or the block's `}`
    opener: int  # the line (from 1) of the `{` of the block it is in
    first: str  # the terminal of its first token
    first_text: str


def statements(text: str) -> list[Statement]:
    """Every statement inside the blocks of ``text``, nested ones too, in the order they end.

    A statement starts at the first token after a `{` or after the end of the statement
    before, and ends at a line end (or `;`) that does not continue it, or at the `}` of
    its block; a nested block (`岗位 X { … }`) is part of the statement it starts."""
    found: list[Statement] = []
    # Per depth: the open statement's (start, first token) or None, and its block's line.
    current: list = [None]
    openers = [0]
    offset, end, previous = 0, 0, None

    def close(stop: int) -> None:
        if current[-1] is not None:
            start, first, first_text = current[-1]
            found.append(Statement(start, end, stop, openers[-1], first, first_text))
            current[-1] = None

    for token in tokens(text):
        kind, size = token.type, len(token.value)
        if kind in ("WS", "COMMENT"):
            offset += size
            continue
        if kind == "_NL":
            if previous not in _GOES_ON and len(current) > 1:
                close(offset)
        elif kind == "RBRACE":
            if len(current) > 1:
                close(offset)
                current.pop()
                openers.pop()
            end = offset + size
        else:
            if current[-1] is None and len(current) > 1:
                current[-1] = (offset, kind, token.value)
            end = offset + size
            if kind == "LBRACE":
                current.append(None)
                openers.append(token.line)
        previous = kind
        offset += size
    while len(current) > 1:
        close(len(text))
        current.pop()
        openers.pop()
    return found


def statement_at(text: str, offset: int) -> Statement | None:
    """The innermost statement of a block that holds the character at ``offset`` — or what
    ended it, so that an error at a statement's line end is in that statement. None where
    ``offset`` is between blocks or on a block's first line before its `{`."""
    inside = [s for s in statements(text) if s.start <= offset <= s.stop]
    return max(inside, key=lambda s: s.start) if inside else None


def blank(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` made blanks: every line and column stays where it
    was, so the diagnostics of a second parse point at the same places."""
    hole = "".join(c if c == "\n" else " " for c in text[start:end])
    return text[:start] + hole + text[end:]


def open_braces(text: str) -> int:
    """How many `{` of ``text`` no `}` closes."""
    depth = 0
    for kind, _ in pieces(text):
        if kind == "LBRACE":
            depth += 1
        elif kind == "RBRACE" and depth:
            depth -= 1
    return depth


@attrs.frozen
class Head:
    """What the first line of a chunk says it is: the noun of its kind ("" when its first
    word is no block keyword), the name it declares (None where none can be read), for an
    override the name of what it changes; whether it opens a `{`, and where it ends."""

    noun: str
    name: str | None
    overrides: str | None = None
    opens: bool = False
    line_end: int = 0


_NOUN_OF = {kind.terminal: kind.noun for kind in BLOCKS}
_NOT_A_NAME = frozenset({"LBRACE", "RBRACE", "CITATION", "BAD", "STRING", "NUMBER", "DATE"})


def head_of(chunk: str) -> Head:
    """The `Head` of ``chunk``, read from its first line that holds more than blanks and
    comments."""
    offset = 0
    for line in chunk.split("\n"):
        words = [(kind, value) for kind, value in pieces(line)
                 if kind not in ("WS", "COMMENT", "_NL")]
        offset += len(line) + 1
        if words:
            break
    else:
        return Head("", None, line_end=len(chunk))
    kind = words[0][0]
    opens = any(kind == "LBRACE" for kind, _ in words)
    if kind == "KW_OVERRIDE":
        target = words[2][1] if len(words) > 2 and words[2][0] not in _NOT_A_NAME else None
        return Head("override", None, name_text(target) if target else None, opens, offset)
    # A name spelt like a keyword lexes as the keyword here (every terminal is tried).
    name = words[1][1] if len(words) > 1 and words[1][0] not in _NOT_A_NAME else None
    return Head(_NOUN_OF.get(kind, ""), name_text(name) if name else None, None, opens,
                offset)

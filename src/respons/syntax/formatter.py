"""`respons fmt`: one canonical layout for regime files, comments kept.

The formatter works on tokens, not on the tree — those of the parser's own lexer
(``respons.syntax.lexing``), comments and blanks included: it only ever changes whitespace
between tokens (and turns `;` separators into line breaks), so it keeps comments exactly
where they were and cannot change what a file means. The command still re-parses the result
and compares the models before writing anything (``respons.commands.fmt``).

The layout: two spaces of indentation per block; one statement per line; `{` at the end
of the header line; `}` alone on its line; one space between tokens, none before `,` `、`
`.` `)` and none after `(` `.`; a statement continued after 或/且/并/`=>`/`,` is indented
four more spaces; at most one blank line in a row, none just inside braces, exactly one
between top-level blocks; two spaces before an end-of-line comment; no trailing spaces;
one newline at the end of the file.
"""

from __future__ import annotations

from respons.syntax.lexing import pieces

# Spacing and continuation go by the grammar's terminals, so every spelling counts.
#: No space before `,` `、` `)` `.` `%`…
_NO_SPACE_BEFORE = {"_LIST_SEP", "_RPAR", "DOT", "PERCENT"}
#: … none after `(` `.`, nor after the full-width `、` `，`, which carry their own space.
_NO_SPACE_AFTER = {"_LPAR", "DOT"}
_FULL_WIDTH = {"、", "，"}
#: A statement may go on to the next line after 或/且/并/or/and, `=>` and a list separator.
_CONTINUES = {"KW_OR", "KW_AND", "KW_AND_MAY", "_ARROW", "_LIST_SEP"}
INDENT = "  "
CONTINUATION = "    "


def format_text(text: str) -> str:
    out: list[str] = []  # finished lines
    line: list[str] = []  # tokens of the line being built
    depth = 0
    continued = False  # the line being built continues the statement of the line before
    blank_pending = False  # a blank line in the source before the next content line
    after_close_top = False  # the last line closed a top-level block
    trailing_comment: str | None = None

    def indent() -> str:
        return INDENT * depth + (CONTINUATION if continued else "")

    def flush() -> None:
        nonlocal line, trailing_comment
        if not line and trailing_comment is None:
            return
        body = _join(line)
        if trailing_comment is not None:
            body = f"{body}  {trailing_comment}" if body else trailing_comment
        out.append(indent() + body)
        line, trailing_comment = [], None

    def start_content() -> None:
        """Called before the first token of a new line: decide blank lines above it."""
        nonlocal blank_pending, after_close_top
        if line or continued:
            return
        last = out[-1] if out else ""
        if out and (blank_pending or after_close_top) and not last.endswith("{"):
            out.append("")
        blank_pending = after_close_top = False

    # The pieces of a statement end (_NL) are line ends and `;`; blanks (WS) are dropped.
    tokens = pieces(text)
    newlines_in_row = 0
    index = 0
    while index < len(tokens):
        terminal, value = tokens[index]
        index += 1
        if terminal == "WS":
            continue
        if terminal == "_NL" and value[-1] == "\n":
            newlines_in_row += 1
            if newlines_in_row == 1:
                was_continuing = bool(line) and line[-1][0] in _CONTINUES
                flush()
                continued = was_continuing
            else:
                blank_pending = bool(out)
            continue
        newlines_in_row = 0
        if terminal == "COMMENT":
            if line:
                trailing_comment = value
                continue
            start_content()
            out.append(indent() + value)
            continue
        if terminal == "_NL":  # a `;`
            flush()
            continued = False
            continue
        if terminal == "LBRACE":
            nxt = _next_significant(tokens, index)
            if nxt is not None and tokens[nxt][0] == "RBRACE":
                start_content()
                line.append(("LBRACE", "{}"))
                index = nxt + 1
                continue
            start_content()
            line.append(("LBRACE", "{"))
            flush()
            continued = False
            depth += 1
            blank_pending = False
            continue
        if terminal == "RBRACE":
            flush()
            continued = False
            depth = max(depth - 1, 0)
            if out and out[-1] == "":
                out.pop()  # no blank line just inside a closing brace
            out.append(indent() + "}")
            blank_pending = False
            after_close_top = depth == 0
            continue
        if not line and not continued:
            start_content()
        line.append((terminal, value))
    flush()
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _next_significant(tokens, index: int) -> int | None:
    """The next token that is not a blank or a line end."""
    while index < len(tokens):
        terminal, value = tokens[index]
        if terminal != "WS" and not (terminal == "_NL" and value[-1] == "\n"):
            return index
        index += 1
    return None


def _join(tokens: list[tuple[str, str]]) -> str:
    text = ""
    previous = None
    for terminal, value in tokens:
        if previous is None:
            text = value
        elif terminal in _NO_SPACE_BEFORE or previous[0] in _NO_SPACE_AFTER \
                or previous[1] in _FULL_WIDTH:
            text += value
        else:
            text += " " + value
        previous = terminal, value
    return text

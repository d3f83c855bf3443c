"""`respons fmt`: one canonical layout for regime files, comments kept.

The formatter works on tokens, not on the tree: it only ever changes whitespace between
tokens (and turns `;` separators into line breaks), so it keeps comments exactly where
they were and cannot change what a file means. The command still re-parses the result
and compares the models before writing anything (``respons.commands.fmt``).

The layout: two spaces of indentation per block; one statement per line; `{` at the end
of the header line; `}` alone on its line; one space between tokens, none before `,` `、`
`.` `)` and none after `(` `.`; a statement continued after 或/且/并/`=>`/`,` is indented
four more spaces; at most one blank line in a row, none just inside braces, exactly one
between top-level blocks; two spaces before an end-of-line comment; no trailing spaces;
one newline at the end of the file.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<newline>\r?\n)
  | (?P<space>[ \t\f\u3000]+)
  | (?P<string>"(?:\\.|[^"\\\n])*"|“[^”\n]*”)
  | (?P<citation>〔[^〕\n]*〕|\[[^\]\n]*\])
  | (?P<qname>「[^」\n]*」)
  | (?P<arrow>=>|⇒)
  | (?P<cmp>>=|<=|!=|≥|≤|≠|>|<|=)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<sep>[;；])
  | (?P<punct>[(),，、.（）%％])
  | (?P<word>[^\s{}();；,，、.（）"“\#〔\[「=<>≥≤≠⇒!%％]+)
  | (?P<other>.)
""", re.VERBOSE)

_NO_SPACE_BEFORE = {",", "，", "、", ")", "）", ".", "%", "％"}
_NO_SPACE_AFTER = {"(", "（", ".", "、", "，"}
_CONTINUES = {"或", "or", "且", "并", "and", "=>", "⇒", ",", "，", "、"}
INDENT = "  "
CONTINUATION = "    "


def tokenize(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]


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

    tokens = tokenize(text)
    newlines_in_row = 0
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        index += 1
        if kind == "space":
            continue
        if kind == "newline":
            newlines_in_row += 1
            if newlines_in_row == 1:
                was_continuing = bool(line) and line[-1] in _CONTINUES
                flush()
                continued = was_continuing
            else:
                blank_pending = bool(out)
            continue
        newlines_in_row = 0
        if kind == "comment":
            if line:
                trailing_comment = value
                continue
            start_content()
            out.append(indent() + value)
            continue
        if kind == "sep":
            flush()
            continued = False
            continue
        if kind == "open":
            nxt = _next_significant(tokens, index)
            if nxt is not None and tokens[nxt][0] == "close":
                start_content()
                line.append("{}")
                index = nxt + 1
                continue
            start_content()
            line.append("{")
            flush()
            continued = False
            depth += 1
            blank_pending = False
            continue
        if kind == "close":
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
        line.append(value)
    flush()
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _next_significant(tokens, index: int) -> int | None:
    while index < len(tokens):
        kind = tokens[index][0]
        if kind not in ("space", "newline"):
            return index
        index += 1
    return None


def _join(tokens: list[str]) -> str:
    text = ""
    previous = None
    for token in tokens:
        if previous is None:
            text = token
        elif token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            text += token
        else:
            text += " " + token
        previous = token
    return text

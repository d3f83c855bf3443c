"""Splitting a regime file into top-level blocks, so that one syntax error costs one block.

When a file does not parse, each top-level block is parsed on its own: the errors of every
broken block are reported and the blocks that parse still reach the checker. A block ends
at the `}` that brings the brace depth back to zero; a line that starts in column 1 with
a top-level keyword also starts a new block, so a forgotten `}` does not swallow the rest
of the file.
"""

from __future__ import annotations

import re

TOP_LEVEL_WORDS = (
    "regime", "制度", "agency", "机关", "record", "记录", "duty", "职责", "fault", "过错",
    "circumstance", "情形", "measure", "措施", "ladder", "阶梯", "apportion", "责任划分",
    "assessment", "考核", "notice", "文书", "override", "覆盖",
)
_TOP_LEVEL = re.compile(r"(?:" + "|".join(TOP_LEVEL_WORDS) + r")(?![\w\-])")
_SKIP = re.compile(r'"(?:\\.|[^"\\\n])*"?|“[^”\n]*”?|〔[^〕\n]*〕?|「[^」\n]*」?|#[^\n]*')


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Return (first line number, text) of each top-level chunk; chunks start at line starts."""
    chunks: list[tuple[int, str]] = []
    lines = text.splitlines(keepends=True)
    depth = 0
    start = 0
    for index, line in enumerate(lines):
        if depth > 0 and index > start and _TOP_LEVEL.match(line):
            chunks.append((start + 1, "".join(lines[start:index])))
            start, depth = index, 0
        depth += _brace_change(line)
        if depth <= 0 and "}" in line:
            chunks.append((start + 1, "".join(lines[start:index + 1])))
            start, depth = index + 1, 0
    if start < len(lines):
        chunks.append((start + 1, "".join(lines[start:])))
    return [chunk for chunk in chunks if chunk[1].strip()]


def _brace_change(line: str) -> int:
    bare = _SKIP.sub("", line)
    return bare.count("{") - bare.count("}")

"""Rendering diagnostics: text (with source line and caret), JSON, GitHub annotations, SARIF.

A diagnostic's related places (where a name was first declared…) are shown by each format
in its own way: a `note:` with its own caret in text, ``related`` in JSON, a `note:` line
of the annotation's message on GitHub, ``relatedLocations`` in SARIF.

Each renderer is a plain function of the diagnostics (and, for text, the file texts);
all of them receive the same sorted list, so every format says the same thing. The text
form is for a terminal: control characters in messages and source lines are made visible
(``respons.terminal.clean``), and a long source line is shown as a window around the column.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence

from respons import __version__
from respons.diagnostics.codes import CODES
from respons.diagnostics.diagnostic import ERROR, Diagnostic
from respons.model.base import Span
from respons.terminal import clean

FORMAT_VERSION = 1

#: The most characters of a source line shown under a diagnostic: a longer line is shown
#: as a window of this many around the column.
SHOWN = 300


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _window(line: str, start: int, end: int) -> tuple[str, str, str]:
    """The source line shown under a diagnostic, as (before the caret, under it, after),
    each with its control characters made visible. A line longer than `SHOWN` characters
    (a records line can be a megabyte) is cut to a window of about `SHOWN` around the
    column, marked with … where it is cut."""
    if len(line) > SHOWN:
        begin = max(0, min(start - SHOWN // 3, len(line) - SHOWN))
        stop = begin + SHOWN
        end = min(end, max(stop, start + 1))
        head, tail = ("…" if begin else ""), ("…" if stop < len(line) else "")
        return (head + clean(line[begin:start]), clean(line[start:end]),
                clean(line[end:stop]) + tail)
    return clean(line[:start]), clean(line[start:end]), clean(line[end:])


def render_text(diagnostics: Sequence[Diagnostic], source: Callable[[str], list[str] | None],
                summary: bool = True) -> str:
    """Each diagnostic as ``file:line:col: severity CODE: message`` and its source line with
    a caret; then each related place as ``file:line:col: note: message`` with its own
    source line and caret; then ``= help: …``."""
    out: list[str] = []
    for d in diagnostics:
        span = d.span
        place = f"{span}: " if span else ""
        out.append(clean(f"{place}{d.severity} {d.code}: {d.message}"))
        _quote(out, span, source)
        for other in d.related:
            out.append(clean(f"{other.span}: note: {other.message}"))
            _quote(out, other.span, source)
        if d.help:
            out.append(clean(f"     = help: {d.help}"))
    if summary:
        errors = sum(1 for d in diagnostics if d.severity == ERROR)
        warnings = len(diagnostics) - errors
        out.append(f"{errors} error{'s' * (errors != 1)}, "
                   f"{warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(out) + "\n"


def _quote(out: list[str], span: Span | None, source: Callable[[str], list[str] | None]) -> None:
    """The source line of ``span`` and a caret under it, where the line is known."""
    lines = source(span.file) if span else None
    if not lines or not 0 < span.line <= len(lines):
        return
    line = lines[span.line - 1].rstrip("\n").replace("\t", " ")
    start = span.column - 1
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    before, marked, after = _window(line, start, max(end, start + 1))
    gutter = f"{span.line:>4} | "
    out.append(gutter + before + marked + after)
    pad, mark = _width(before), max(_width(marked), 1)
    out.append(" " * (len(gutter) - 2) + "| " + " " * pad + "^" + "~" * (mark - 1))


def _place(span: Span | None) -> dict:
    """The members of a diagnostic's JSON that say where: lines and columns from 1."""
    return {"file": span.file if span else None, "line": span.line if span else None,
            "column": span.column if span else None,
            "end_line": span.end_line if span else None,
            "end_column": span.end_column if span else None}


def render_json(diagnostics: Sequence[Diagnostic], valid: bool) -> str:
    items = [{**_place(d.span), "severity": d.severity, "code": d.code, "message": d.message,
              "help": d.help,
              "related": [{**_place(r.span), "message": r.message} for r in d.related]}
             for d in diagnostics]
    document = {"format_version": FORMAT_VERSION, "valid": valid, "diagnostics": items}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…::message."""
    out = []
    for d in diagnostics:
        level = "error" if d.severity == ERROR else "warning"
        props = []
        if d.span:
            span = d.span
            props = [f"file={_escape_github(span.file, True)}", f"line={span.line}",
                     f"col={span.column}", f"endLine={span.end_line}",
                     f"endColumn={span.end_column}"]
        props.append(f"title={_escape_github(d.code, True)}")
        # A related place goes into the message rather than an annotation of its own:
        # GitHub shows at most ten annotations of a kind per step, and a second one would
        # read as a second problem and push a real one out of view.
        notes = "".join(f"\nnote: {r.message} ({r.span})" for r in d.related)
        message = d.message + notes + (f"\n{d.help}" if d.help else "")
        out.append(f"::{level} {','.join(props)}::{_escape_github(message)}")
    return "\n".join(out) + ("\n" if out else "")


def render_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """SARIF 2.1.0, as code-scanning tools read it."""
    used = sorted({d.code for d in diagnostics})
    rules = [{"id": code, "name": CODES[code].title,
              "shortDescription": {"text": CODES[code].title},
              "fullDescription": {"text": CODES[code].explanation},
              "defaultConfiguration": {"level": "error" if CODES[code].severity == ERROR
                                       else "warning"}} for code in used]
    results = []
    for d in diagnostics:
        result = {"ruleId": d.code, "ruleIndex": used.index(d.code),
                  "level": "error" if d.severity == ERROR else "warning",
                  "message": {"text": d.message + (f" ({d.help})" if d.help else "")}}
        if d.span:
            result["locations"] = [{"physicalLocation": _physical(d.span)}]
        if d.related:
            result["relatedLocations"] = [
                {"id": number, "physicalLocation": _physical(r.span),
                 "message": {"text": r.message}}
                for number, r in enumerate(d.related, 1)]
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "respons", "version": __version__,
                                      "rules": rules}},
                  "results": results}],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _physical(span: Span) -> dict:
    return {"artifactLocation": {"uri": span.file},
            "region": {"startLine": span.line, "startColumn": span.column,
                       "endLine": span.end_line, "endColumn": span.end_column}}

"""Text for a terminal: what a regime or a record says, with every control character made
visible, and output that cannot be written reported in one line.

A regime's strings and a record's ids and keys are written by others, and may hold ESC and
with it a control sequence — CSI (``ESC [``: colours, moving the cursor, clearing the
screen), OSC (``ESC ]`` … BEL: a window title, a hyperlink, the clipboard on some
terminals). Printed raw, such a sequence acts on the reader's terminal instead of being
read, and a report could show what it does not say. `clean` writes each C0 and C1 control
character but newline and tab — NUL…US, DEL, U+0080–U+009F (where CSI and OSC have
one-character forms) — and the bidirectional overrides and isolates (U+202A–U+202E,
U+2066–U+2069, which reorder the characters of a line as it is displayed) as a visible
escape: ``\\x1b``, ``\\x9b``, ``\\u202e``. A sequence without its ESC prints as plain text.
`one_line` escapes newline and tab too, for a value that must stay on its line.

Every text output made of such material goes through these: `respons show`, the evaluate
and run reports, ingest's summaries, and diagnostics with their source lines
(``respons.diagnostics.render``). JSON output does not: ``json.dumps`` escapes control characters
and a program, not a terminal, reads it.
"""

from __future__ import annotations

import os
import re
import sys

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_OR_BREAK = re.compile(f"[{_CONTROLS}\t\n]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control character but newline and tab written as an escape."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` with every control character, newline and tab included, as an escape."""
    return _CONTROL_OR_BREAK.sub(_escape, text)


def output_failed(error: OSError) -> None:
    """Report an error that reached the command line's top — most often standard output
    that cannot be written (a full disk, ``> /dev/full``) — in one line on stderr, and
    stop with exit 2 (unreadable input or unwritable output, docs/cli.md).

    Standard output is then pointed at the null device, so that the interpreter's last
    flush of what is still buffered does not fail a second time with a traceback.
    """
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is not None:
        message = f"error: {clean(os.fsdecode(error.filename))}: {reason}"
    else:
        message = f"error: cannot write the output: {reason}"
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture)
        pass
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr cannot be written either: the exit code remains
        pass
    raise SystemExit(2)

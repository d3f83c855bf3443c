"""Diagnostics: one type for everything respons says about a regime file.

Every path — syntax errors, name resolution, semantic rules, configuration — produces
`Diagnostic` values; renderers (``respons.diagnostics.render``) turn them into text, JSON,
GitHub annotations or SARIF. The fault goes in ``message``, the fix in ``help``.
"""

from __future__ import annotations

import attrs

from respons.diagnostics.codes import severity_of
from respons.diagnostics.severity import ERROR, SEVERITIES, WARNING
from respons.model.base import Span

__all__ = ["ERROR", "SEVERITIES", "WARNING", "Diagnostic", "Sink"]


@attrs.frozen(slots=True)
class Diagnostic:
    code: str
    severity: str
    message: str
    span: Span | None
    help: str | None = None

    def sort_key(self):
        span = self.span
        if span is None:
            return ("", 0, 0, self.code, self.message)
        return (span.file, span.line, span.column, self.code, self.message)


class Sink:
    """Collects diagnostics; the one place that turns a code into its severity."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, span: Span | None, help: str | None = None) -> None:
        self.items.append(Diagnostic(code, severity_of(code), message, span, help))

    def extend(self, diagnostics) -> None:
        self.items.extend(diagnostics)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == ERROR for d in self.items)

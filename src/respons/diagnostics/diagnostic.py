"""Diagnostics: one type for everything respons says about a regime file.

Every path — syntax errors, name resolution, semantic rules, configuration — produces
`Diagnostic` values; renderers (``respons.diagnostics.render``) turn them into text, JSON,
GitHub annotations or SARIF. The fault goes in ``message``, the fix in ``help``; other
places the fault involves — where a name was first declared, the statement given first —
go in ``related``, each with its own span and a short message, so that every renderer can
point at them rather than write a line number into the message.
"""

from __future__ import annotations

import attrs

from respons.diagnostics.codes import severity_of
from respons.diagnostics.severity import ERROR, SEVERITIES, WARNING
from respons.model.base import Span

__all__ = ["ERROR", "SEVERITIES", "WARNING", "Diagnostic", "Related", "Sink", "related"]


@attrs.frozen(slots=True)
class Related:
    """A second place a diagnostic points at, such as where a name was first declared."""

    span: Span
    message: str


def related(span: Span | None, message: str) -> tuple[Related, ...]:
    """``(Related(span, message),)``, or nothing where the place is not known (an element
    made by a plugin or the model's defaults has no span)."""
    return (Related(span, message),) if span is not None else ()


@attrs.frozen(slots=True)
class Diagnostic:
    code: str
    severity: str
    message: str
    span: Span | None
    help: str | None = None
    related: tuple[Related, ...] = ()

    def sort_key(self):
        span = self.span
        if span is None:
            return ("", 0, 0, self.code, self.message)
        return (span.file, span.line, span.column, self.code, self.message)


class Sink:
    """Collects diagnostics; the one place that turns a code into its severity."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, span: Span | None, help: str | None = None,
            related: tuple[Related, ...] = ()) -> None:
        self.items.append(Diagnostic(code, severity_of(code), message, span, help,
                                     tuple(related)))

    def extend(self, diagnostics) -> None:
        self.items.extend(diagnostics)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == ERROR for d in self.items)

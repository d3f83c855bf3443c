"""Notices name only installed formats (R0701)."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean


def check(ctx: RuleContext) -> None:
    if ctx.registry is None:
        return
    formats = ctx.registry.notice_formats()
    for notice in ctx.regime.notices:
        for name, span in zip(notice.formats, notice.format_spans or [notice.span] *
                              len(notice.formats), strict=False):
            if name not in formats:
                ctx.sink.add("R0701", f"no installed plugin writes notices as {name!r}"
                             + did_you_mean(name, formats), span,
                             "installed formats: " + (", ".join(sorted(formats)) or "none"))

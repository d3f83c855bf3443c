"""`respons plugins [--format text|json]`: what the installed plugins provide, and from where.

One row per storage backend, scoring scheme, notice format and calendar: its name and
aliases, the plugin (entry-point name, the one ``[plugins] disable`` takes), the
distribution and version it comes from — ``(built in)`` for respons's own — and what it
does. A plugin that fails to load is an error (exit 2) naming it, as for every command.
"""

from __future__ import annotations

import json

import click

from respons.app import App, pass_app
from respons.registry import PLUGIN_API_VERSION
from respons.terminal import clean

HEADER = ("KIND", "NAME", "PLUGIN", "FROM", "DESCRIPTION")


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@pass_app
def plugins(app: App, output: str) -> None:
    """List installed storage backends, scoring schemes, notice formats and calendars."""
    if output == "json":
        click.echo(json.dumps({"format_version": 1, "plugin_api_version": PLUGIN_API_VERSION,
                               "plugins": app.registry.entries()},
                              ensure_ascii=False, indent=2))
        return
    rows = app.registry.listing()
    if not rows:
        click.echo("no plugins installed")
        return
    rows = [HEADER, *rows]
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [text + " " * (width - _width(text))
                 for text, width in zip(row[:4], widths, strict=True)]
        click.echo(clean(("  ".join(cells) + "  " + row[4]).rstrip()))


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

"""`respons plugins [--format text|json]`: what the installed plugins provide."""

from __future__ import annotations

import json

import click

from respons.app import App, pass_app


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@pass_app
def plugins(app: App, output: str) -> None:
    """List installed storage backends, scoring schemes, notice formats and calendars."""
    if output == "json":
        click.echo(json.dumps({"format_version": 1, "plugins": app.registry.entries()},
                              ensure_ascii=False, indent=2))
        return
    rows = app.registry.listing()
    if not rows:
        click.echo("no plugins installed")
        return
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [text + " " * (width - _width(text))
                 for text, width in zip(row[:3], widths, strict=True)]
        click.echo(("  ".join(cells) + "  " + row[3]).rstrip())


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

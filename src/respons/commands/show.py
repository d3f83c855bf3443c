"""`respons show REGIME [--format text|json]`: the resolved regime, readable."""

from __future__ import annotations

import json

import click

from respons.app import App, pass_app
from respons.commands.check import resolve_or_exit
from respons.report.show import render_json, render_text


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.argument("regime", type=click.Path(dir_okay=False))
@pass_app
def show(app: App, output: str, regime: str) -> None:
    """Show a regime with everything it inherits: agencies, powers, duties, ladders…"""
    resolved, titles = resolve_or_exit(app, regime, output)
    resolved = resolved.regime
    if output == "json":
        click.echo(json.dumps(render_json(resolved, titles), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(resolved, titles), nl=False)

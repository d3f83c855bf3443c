"""`respons show REGIME [--format text|json]`: the resolved regime, readable."""

from __future__ import annotations

import json

import click

from respons.app import EXIT_FINDINGS, EXIT_USAGE, App, pass_app
from respons.check.diagnostic import ERROR
from respons.check.render import render_text as render_diagnostics
from respons.check.runner import check_paths
from respons.commands.check import source_lines
from respons.show import render_json, render_text


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.argument("regime", type=click.Path(dir_okay=False))
@pass_app
def show(app: App, output: str, regime: str) -> None:
    """Show a regime with everything it inherits: agencies, powers, duties, ladders…"""
    report = check_paths([regime], app.registry, app.settings.regimes_path)
    errors = [d for d in report.diagnostics if d.severity == ERROR]
    if errors:
        click.echo(render_diagnostics(errors, source_lines(report)), err=True, nl=False)
        raise SystemExit(EXIT_USAGE if report.unreadable else EXIT_FINDINGS)
    resolved = report.resolved[0].regime
    titles = report.titles
    if output == "json":
        click.echo(json.dumps(render_json(resolved, titles), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(resolved, titles), nl=False)

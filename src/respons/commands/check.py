"""`respons check [--format text|json|github|sarif] PATH...`: validate regime files.

Exit 0: no errors (warnings allowed); 1: errors; 2: usage or unreadable input.
"""

from __future__ import annotations

import functools

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, App, pass_app
from respons.check.runner import check_paths
from respons.diagnostics.diagnostic import ERROR
from respons.diagnostics.render import render_github, render_json, render_sarif, render_text


def source_lines(report):
    """A lookup of a file's lines for the caret under each diagnostic: the text that was
    checked (a path that was not read — missing, a FIFO, a device — has none)."""
    texts = report.texts

    @functools.cache
    def lines(path: str):
        # Lines as the parser counts them: at "\n" only (splitlines() also breaks at
        # \x0c, \x1c, \x85, \u2028…, which would put carets under the wrong line).
        return [line.removesuffix("\r") for line in texts[path].split("\n")] \
            if path in texts else None

    return lines


def resolve_or_exit(app: App, regime: str, output: str = "text"):
    """Check one regime for a command that uses it: (resolved regime, titles of every regime
    read), or its errors reported and the command stopped (exit 1; 2 unreadable) — as the
    `respons check` JSON document on stdout when the command writes JSON, else as text on
    stderr."""
    report = check_or_exit(app, regime, output)
    return report.resolved[0], report.titles


def check_or_exit(app: App, regime: str, output: str = "text"):
    """`resolve_or_exit`, returning the whole check report (its regime files included)."""
    report = check_paths([regime], app.registry, app.settings.regimes_path)
    if any(d.severity == ERROR for d in report.diagnostics):
        # Every diagnostic, as `respons check` shows them: the warnings too, so that the
        # summary ("2 errors, 1 warning") counts what the file holds, and one pass fixes all.
        if output == "json":
            click.echo(render_json(report.diagnostics, False), nl=False)
        else:
            click.echo(render_text(report.diagnostics, source_lines(report)), err=True,
                       nl=False)
        raise SystemExit(EXIT_USAGE if report.unreadable else EXIT_FINDINGS)
    return report


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json", "github", "sarif"]),
              default="text", show_default=True, help="How to write the diagnostics.")
@click.argument("paths", nargs=-1, required=True)
@pass_app
def check(app: App, output: str, paths: tuple[str, ...]) -> None:
    """Check regime files (a folder means every .resp file below it)."""
    report = check_paths(paths, app.registry, app.settings.regimes_path)
    diagnostics = report.diagnostics
    if output == "json":
        click.echo(render_json(diagnostics, report.valid), nl=False)
    elif output == "github":
        click.echo(render_github(diagnostics), nl=False)
    elif output == "sarif":
        click.echo(render_sarif(diagnostics), nl=False)
    else:
        click.echo(render_text(diagnostics, source_lines(report)), nl=False)
    if report.unreadable:
        raise SystemExit(EXIT_USAGE)
    raise SystemExit(EXIT_OK if report.valid else EXIT_FINDINGS)

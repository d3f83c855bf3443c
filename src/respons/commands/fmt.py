"""`respons fmt [--check] PATH...`: rewrite regime files in the canonical layout.

A file with syntax errors is not touched (its errors are shown, exit 1). Before writing,
the formatted text is parsed again and its model compared with the original's: formatting
never changes what a file means, and a difference would be a bug, reported, not written.
With --check nothing is written; exit 1 names the files that would change.
"""

from __future__ import annotations

from pathlib import Path

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, report_input_error
from respons.check.runner import regime_files
from respons.diagnostics.diagnostic import ERROR, Sink
from respons.diagnostics.render import render_text
from respons.files import read_regime_bytes
from respons.syntax.formatter import format_text
from respons.syntax.parser import parse_text


@click.command()
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if any file would change.")
@click.argument("paths", nargs=-1, required=True)
def fmt(check_only: bool, paths: tuple[str, ...]) -> None:
    """Format regime files (a folder means every .resp file below it)."""
    sink = Sink()
    files = regime_files(paths, sink)
    if any(d.severity == ERROR for d in sink.items):
        report_input_error(sink.items)
    if sink.items:  # warnings: a folder below that could not be read
        click.echo(render_text(sink.items, lambda _: None, summary=False), err=True, nl=False)
    changed, broken = [], False
    for path in files:
        try:
            raw = read_regime_bytes(path)  # a regular file within the size limit only
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            click.echo(f"error: cannot read {path}: {error}", err=True)
            raise SystemExit(EXIT_USAGE) from None
        before = parse_text(text, str(path))
        if not before.complete:
            broken = True
            errors = [d for d in before.diagnostics if d.code.startswith("R01")]
            click.echo(render_text(errors, lambda _, text=text: text.splitlines(), summary=False),
                       err=True, nl=False)
            continue
        formatted = format_text(text)
        if formatted == text:
            continue
        after = parse_text(formatted, str(path))
        if after.regime != before.regime or not after.complete:
            click.echo(f"error: formatting {path} would change its meaning; left as it is "
                       "(please report this as a bug)", err=True)
            broken = True
            continue
        changed.append(path)
        if not check_only:
            Path(path).write_text(formatted, "utf-8")
    for path in changed:
        click.echo(f"{'would reformat' if check_only else 'reformatted'} {path}")
    if broken or (check_only and changed):
        raise SystemExit(EXIT_FINDINGS)
    raise SystemExit(EXIT_OK)

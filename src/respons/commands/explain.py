"""`respons explain CODE`: the long explanation of a diagnostic code."""

from __future__ import annotations

import click

from respons.app import EXIT_USAGE
from respons.diagnostics.codes import CODES
from respons.diagnostics.codes import explain as explanation
from respons.diagnostics.suggest import did_you_mean


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a diagnostic code, e.g. `respons explain R0301`."""
    text = explanation(code)
    if text is None:
        click.echo(f"error: unknown code {code!r}{did_you_mean(code.upper(), CODES)}; "
                   f"codes run from {min(CODES)} to {max(CODES)}", err=True)
        raise SystemExit(EXIT_USAGE)
    click.echo(text, nl=False)

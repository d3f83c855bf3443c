"""The `respons` command line: a click group and its subcommands.

Exit codes (docs/cli.md): 0 success; 1 the input was read but has findings (errors in a
regime, a file that would be reformatted, a broken hash chain…); 2 usage or unreadable
input (bad arguments, missing files, invalid respons.toml).
"""

from __future__ import annotations

from pathlib import Path

import click

from respons import __version__
from respons.app import App
from respons.cli_calendar import calendar
from respons.commands.check import check
from respons.commands.explain import explain
from respons.commands.fmt import fmt
from respons.commands.plugins import plugins
from respons.commands.show import show


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="respons")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="respons.toml to use (default: the nearest one from the current folder up).")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """respons: responsibility-as-code for administrative law enforcement (行政执法责任制)."""
    ctx.obj = App(config_path)


for command in (check, fmt, show, explain, plugins):
    main.add_command(command)

main.add_command(calendar)

"""The `respons` command line: a click group and its subcommands.

Exit codes (docs/cli.md): 0 success; 1 the input was read but has findings (errors in a
regime, a file that would be reformatted, a broken hash chain…); 2 usage or unreadable
input (bad arguments, missing files, invalid respons.toml).

Subcommands are imported only when they run, so `respons check` does not pay for
importing the store or the calendar (a command's start-up time is part of what users feel).
"""

from __future__ import annotations

import errno
import importlib
from pathlib import Path

import click

from respons import __version__
from respons.app import App
from respons.terminal import output_failed

#: command name → "module:function"; add a command here.
COMMANDS = {
    "check": "respons.commands.check:check",
    "fmt": "respons.commands.fmt:fmt",
    "show": "respons.commands.show:show",
    "explain": "respons.commands.explain:explain",
    "plugins": "respons.commands.plugins:plugins",
    "calendar": "respons.commands.calendar:calendar",
    "ingest": "respons.commands.ingest:ingest",
    "store": "respons.commands.store:store",
    "verify": "respons.commands.verify:verify",
    "evaluate": "respons.commands.evaluate:evaluate",
    "run": "respons.commands.run:run",
    "assess": "respons.commands.assess:assess",
    "liability": "respons.commands.liability:liability",
    "test": "respons.commands.test:test",
    "notices": "respons.commands.notices:notices",
    "publish": "respons.commands.publish:publish",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str):
        if name in COMMANDS and name not in self.commands:
            module, function = COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), function), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        # Output that cannot be written (a full disk, `> /dev/full`) is one line and exit 2,
        # not a traceback. A closed pipe (`| head`) stays click's: it exits quietly.
        try:
            return super().invoke(ctx)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise
            output_failed(error)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="respons")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="respons.toml to use (default: the nearest one from the current folder up).")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """respons: responsibility-as-code for administrative law enforcement (行政执法责任制)."""
    ctx.obj = App(config_path)

"""What every command needs: the settings from respons.toml, the installed plugins, and the
one way an input error is reported.

Built lazily, once per command, so that `respons explain` does not load plugins and a
broken respons.toml is reported (exit 2) only by commands that read it. Every error about
an input that is not the command's own argument — a respons.toml problem, a plugin that
fails — goes through `report_input_error`, which writes it in the format the command was
asked for: the JSON error document on stdout for ``--format json``, text on stderr
otherwise (docs/cli.md, "Errors in the format asked for").
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import attrs
import click

from respons.config import (
    Settings,
    check_calendar_settings,
    check_plugin_settings,
    load_settings,
    locate,
)
from respons.diagnostics.diagnostic import Diagnostic, Sink
from respons.registry import PluginError, Registry, plugin_manager

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DEFAULT_STORE = "sqlite:///respons.db"
#: The version of the error document `report_input_error` writes for ``--format json``.
ERROR_FORMAT_VERSION = 1


@attrs.define
class App:
    config_path: Path | None = None

    @functools.cached_property
    def _loaded(self) -> tuple[Settings, list[Diagnostic]]:
        settings, problems = load_settings(self.config_path)
        found = settings.path
        if self.config_path is None and found is not None and \
                found.parent.resolve() != Path.cwd().resolve():
            # Found above the current folder: say so, as it is not where one would look.
            click.echo(f"respons: using settings from {found}", err=True)
        return settings, problems

    @property
    def settings(self) -> Settings:
        settings, problems = self._loaded
        if problems:
            report_input_error(problems)
        return settings

    @functools.cached_property
    def registry(self) -> Registry:
        settings = self.settings
        try:
            registry = Registry(plugin_manager(disabled=settings.disabled_plugins))
        except PluginError as error:
            report_input_error(error)
        sink = Sink()
        check_plugin_settings(settings, registry.settings_tables(), sink)
        check_calendar_settings(settings, registry.calendars(), sink)
        if sink.items:
            report_input_error(sink.items)
        return registry

    def calendar(self, name: str):
        """The calendar ``name`` with its respons.toml settings; errors name the setting."""
        from respons.calendar import CalendarDataError, UnknownCalendar, load_calendar

        settings = self.settings
        try:
            return load_calendar(name, settings.calendars.get(name, {}), self.registry)
        except (UnknownCalendar, CalendarDataError):
            raise
        except ValueError as error:  # a setting the calendar plugin does not accept
            path = settings.path
            sink = Sink()
            # The calendar names the setting it refuses in backquotes: point at its line.
            key = re.search(r"`([^`]+)`", str(error))
            sink.add("R1002", f"[calendars.{name}]: {error}",
                     locate(path, settings.text, f"calendars.{name}", key[1] if key else None)
                     if path else None)
            report_input_error(sink.items)

    def store_url(self, given: str | None) -> str:
        """--store, else RESPONS_STORE, else respons.toml, else respons.db here."""
        return given or os.environ.get("RESPONS_STORE") or self.settings.store_url \
            or DEFAULT_STORE


def requested_format() -> str:
    """The ``--format`` of the running command (its ``output`` parameter), else text."""
    context = click.get_current_context(silent=True)
    while context is not None:
        value = context.params.get("output")
        if isinstance(value, str):
            return value
        context = context.parent
    return "text"


def report_input_error(problem: Sequence[Diagnostic] | PluginError | str,
                       code: int = EXIT_USAGE, *, output: str | None = None,
                       help: str | None = None) -> NoReturn:
    """Report an error about an input — respons.toml diagnostics, a `PluginError`, or a
    one-line message (with ``help``) — in the command's format, and stop with ``code``.

    ``output`` defaults to the running command's ``--format``. For ``json`` the error
    document goes to stdout::

        {"format_version": 1, "valid": false,
         "error": {"message": "...", "help": "..." | null},
         "diagnostics": [{"file", "line", "column", ..., "code", "message", "help"}]}

    (``valid`` and ``diagnostics`` as `respons check` writes them, so a script reads every
    command's failure alike); for any other format, text on stderr: the diagnostics with
    their places, or ``error: MESSAGE; HELP``.
    """
    from respons.diagnostics.render import render_json, render_text
    from respons.terminal import clean

    diagnostics: list[Diagnostic] = []
    if isinstance(problem, PluginError):
        message, help = problem.message, problem.help or help
    elif isinstance(problem, str):
        message = problem
    else:
        diagnostics = list(problem)
        first = diagnostics[0] if diagnostics else None
        span = first.span if first is not None else None
        message = ((f"{span.file}:{span.line}:{span.column}: " if span else "")
                   + (first.message if first is not None else "invalid input"))
        help = first.help if first is not None else help
    if (output or requested_format()) == "json":
        listed = json.loads(render_json(diagnostics, False))["diagnostics"]
        document = {"format_version": ERROR_FORMAT_VERSION, "valid": False,
                    "error": {"message": message, "help": help or None},
                    "diagnostics": listed}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif diagnostics:
        click.echo(render_text(diagnostics, lambda _: None, summary=False), err=True, nl=False)
    else:
        click.echo(clean(f"error: {message}" + (f"; {help}" if help else "")), err=True)
    raise SystemExit(code)


def pass_app(function):
    """Pass the command the `App` (click's ``make_pass_decorator``), and report a plugin
    that fails while the command runs — a scheme's ``score``, a calendar's ``load`` — as
    any input error, in the command's format, exit 2."""
    @functools.wraps(function)
    def command(*args, **kwargs):
        context = click.get_current_context()
        try:
            return context.invoke(function, context.ensure_object(App), *args, **kwargs)
        except PluginError as error:
            report_input_error(error)

    return command


#: The name this function had before it wrote JSON: kept so that no caller breaks.
fail_with = report_input_error

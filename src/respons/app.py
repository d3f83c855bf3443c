"""What every command needs: the settings from respons.toml and the installed plugins.

Built lazily, once per command, so that `respons explain` does not load plugins and a
broken respons.toml is reported (exit 2) only by commands that read it.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

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
from respons.registry import Registry, plugin_manager

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DEFAULT_STORE = "sqlite:///respons.db"


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
            fail_with(problems)
        return settings

    @functools.cached_property
    def registry(self) -> Registry:
        settings = self.settings
        registry = Registry(plugin_manager(disabled=settings.disabled_plugins))
        for name, error in registry.load_errors:
            click.echo(f"warning: plugin {name!r} could not be loaded and is left out: {error}",
                       err=True)
        sink = Sink()
        check_plugin_settings(settings, registry.settings_tables(), sink)
        check_calendar_settings(settings, registry.calendars(), sink)
        if sink.items:
            fail_with(sink.items)
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
            fail_with(sink.items)

    def store_url(self, given: str | None) -> str:
        """--store, else RESPONS_STORE, else respons.toml, else respons.db here."""
        return given or os.environ.get("RESPONS_STORE") or self.settings.store_url \
            or DEFAULT_STORE


def fail_with(diagnostics, code: int = EXIT_USAGE):
    """Print diagnostics about an input (not a regime) and stop with ``code``."""
    from respons.diagnostics.render import render_text

    click.echo(render_text(diagnostics, lambda _: None, summary=False), err=True, nl=False)
    raise SystemExit(code)


pass_app = click.make_pass_decorator(App, ensure=True)

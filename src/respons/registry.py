"""The plugin manager and the descriptors plugins return.

`plugin_manager()` builds a pluggy manager from the ``respons.plugins`` entry points
(blocking the plugins respons.toml disables); `Registry` gathers what the hooks return
into lookups by name, so the checker and the CLI ask "is there a calendar called cn?"
without knowing which plugin answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pluggy

from respons import hookspecs
from respons.entry_points import entry_points

ENTRY_POINT_GROUP = "respons.plugins"
from respons import hookimpl  # noqa: E402,F401 - re-exported for plugins


@attrs.frozen
class StorageBackend:
    name: str
    schemes: tuple[str, ...]
    open: Callable
    description: str = ""


@attrs.frozen
class ScoringScheme:
    name: str
    score: Callable
    aliases: tuple[str, ...] = ()
    #: parameter name → a short description of the value it takes
    params: dict[str, str] = attrs.Factory(dict)
    description: str = ""
    #: ``validate(assessment) -> [(message, span)]``: what the scheme cannot score
    validate: Callable | None = None


@attrs.frozen
class NoticeFormat:
    name: str
    media_type: str
    extension: str
    render: Callable
    description: str = ""


@attrs.frozen
class CalendarProvider:
    name: str
    load: Callable
    aliases: tuple[str, ...] = ()
    description: str = ""


@attrs.frozen
class SettingsTable:
    plugin: str
    keys: dict[str, str]
    description: str = ""


def plugin_manager(disabled: Iterable[str] = (), load_entry_points: bool = True,
                   plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    """A fresh manager: the hook specs, then the entry-point plugins not disabled.

    A plugin that fails to import is not fatal: it is left out and the failure is kept in
    ``manager.respons_load_errors`` for the command line to report.
    """
    manager = pluggy.PluginManager("respons")
    manager.add_hookspecs(hookspecs)
    manager.respons_load_errors = []
    for name in disabled:
        manager.set_blocked(name)
    if load_entry_points:
        for entry_point in sorted(entry_points(ENTRY_POINT_GROUP), key=lambda ep: ep.name):
            if manager.is_blocked(entry_point.name) or manager.get_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
            except Exception as error:
                manager.respons_load_errors.append((entry_point.name, f"{type(error).__name__}: "
                                                    f"{error}"))
                continue
            manager.register(plugin, name=entry_point.name)
    for plugin in plugins:
        manager.register(plugin)
    return manager


class Registry:
    """What the installed plugins provide, by name (aliases included)."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager

    @property
    def load_errors(self) -> list[tuple[str, str]]:
        return list(getattr(self.manager, "respons_load_errors", ()))

    def _collect(self, hook: str) -> list:
        results = getattr(self.manager.hook, hook)()
        return [item for group in results for item in group]

    def _by_name(self, hook: str) -> dict[str, object]:
        found = {}
        for item in self._collect(hook):
            for name in (item.name, *getattr(item, "aliases", ())):
                found.setdefault(name, item)
        return found

    def calendars(self) -> dict[str, CalendarProvider]:
        return self._by_name("respons_calendars")

    def scoring_schemes(self) -> dict[str, ScoringScheme]:
        return self._by_name("respons_scoring_schemes")

    def notice_formats(self) -> dict[str, NoticeFormat]:
        return self._by_name("respons_notice_formats")

    def storage_backends(self) -> dict[str, StorageBackend]:
        found = {}
        for backend in self._collect("respons_storage_backends"):
            for scheme in backend.schemes:
                found.setdefault(scheme, backend)
        return found

    def settings_tables(self) -> dict[str, SettingsTable]:
        return {table.plugin: table for table in self._collect("respons_settings")}

    def entries(self) -> list[dict]:
        """Everything installed: kind, name, aliases, plugin and description, sorted."""
        rows = []
        kinds = (("store", "respons_storage_backends"), ("scheme", "respons_scoring_schemes"),
                 ("format", "respons_notice_formats"), ("calendar", "respons_calendars"))
        for kind, hook in kinds:
            for impl in getattr(self.manager.hook, hook).get_hookimpls():
                plugin = self.manager.get_name(impl.plugin) or "?"
                for item in impl.function() or ():
                    rows.append({"kind": kind, "name": item.name,
                                 "aliases": list(getattr(item, "aliases", ())),
                                 "plugin": plugin, "description": item.description})
        return sorted(rows, key=lambda r: (r["kind"], r["name"], r["plugin"]))

    def listing(self) -> list[tuple[str, str, str, str]]:
        """(kind, name with its aliases, plugin, description) of everything installed."""
        return [(r["kind"], r["name"] + (f" ({', '.join(r['aliases'])})" if r["aliases"]
                                         else ""), r["plugin"], r["description"])
                for r in self.entries()]

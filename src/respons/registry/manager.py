"""The plugin manager: the hook specifications, then the ``respons.plugins`` entry points.

`plugin_manager()` loads every entry point of the group that respons.toml does not disable
(built-ins and outside plugins alike), remembers where each comes from (`Origin`: its
distribution and version), and calls pluggy's ``check_pending()``, so that a hook whose
name matches no specification (``respons_calender``) is an error naming its plugin, not a
hook that silently never runs. Anything that goes wrong is a `PluginError`, one line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pluggy

from respons import hookspecs
from respons.diagnostics.suggest import nearest
from respons.entry_points import EntryPoint, entry_points
from respons.registry.errors import Origin, PluginConflict, PluginFailed, first_line

ENTRY_POINT_GROUP = "respons.plugins"
#: The distribution whose plugins are built in.
BUILTIN_DISTRIBUTION = "respons"

#: Every hook respons specifies, for "did you mean" on a misspelt one.
HOOK_NAMES = tuple(sorted(name for name in vars(hookspecs) if name.startswith("respons_")))


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, knowing the `Origin` of each plugin it holds."""

    def __init__(self) -> None:
        super().__init__("respons")
        self.add_hookspecs(hookspecs)
        self.origins: dict[str, Origin] = {}

    def origin(self, name: str | None) -> Origin:
        return self.origins.get(name or "") or Origin(plugin=name or "?")


def plugin_manager(disabled: Iterable[str] = (), load_entry_points: bool = True,
                   plugins: Iterable[object] | Mapping[str, object] = (),
                   path: Iterable[str] | None = None) -> PluginManager:
    """A fresh manager: the hook specs, then the entry-point plugins not ``disabled``
    (found on ``path``, default ``sys.path``), then ``plugins`` registered directly
    (a mapping gives their names; else a module's ``__name__``).

    Raises `PluginFailed` for a plugin that fails to import or to register, or that
    implements a hook respons does not specify; `PluginConflict` when two distributions
    give a plugin the same entry-point name.
    """
    manager = PluginManager()
    for name in disabled:
        manager.set_blocked(name)
    if load_entry_points:
        found = [ep for ep in entry_points(ENTRY_POINT_GROUP, path)
                 if not manager.is_blocked(ep.name)]
        for entry_point in _unique(found):
            origin = Origin(plugin=entry_point.name, distribution=entry_point.distribution,
                            version=entry_point.version,
                            builtin=entry_point.distribution == BUILTIN_DISTRIBUTION)
            try:
                plugin = entry_point.load()
            except Exception as error:  # any failure of a plugin's import is the plugin's
                raise PluginFailed(origin, first_line(error), "when imported") from error
            _register(manager, plugin, origin)
    named = plugins.items() if isinstance(plugins, Mapping) else \
        ((getattr(plugin, "__name__", None) or type(plugin).__name__, plugin)
         for plugin in plugins)
    for name, plugin in named:
        if not manager.is_blocked(name):
            _register(manager, plugin, Origin(plugin=name))
    _check_pending(manager)
    return manager


def _unique(found: list[EntryPoint]) -> list[EntryPoint]:
    """The entry points by name; two distributions naming a plugin alike is a conflict
    (``[plugins] disable`` could not tell them apart)."""
    by_name: dict[str, EntryPoint] = {}
    for entry_point in sorted(found, key=lambda ep: (ep.name, ep.distribution)):
        other = by_name.setdefault(entry_point.name, entry_point)
        if other is not entry_point:
            first, second = (Origin(plugin=ep.name, distribution=ep.distribution,
                                    version=ep.version) for ep in (other, entry_point))
            error = PluginConflict(f"a plugin named {entry_point.name!r}", first, second)
            error.help = "uninstall one of the two distributions: [plugins] disable " \
                         "would leave out both"
            raise error
    return list(by_name.values())


def _register(manager: PluginManager, plugin: object, origin: Origin) -> None:
    try:
        manager.register(plugin, name=origin.plugin)
    except pluggy.PluginValidationError as error:
        lines = str(error).strip().splitlines()
        # pluggy's first line repeats the plugin's name, which the message already gives
        reason = "; ".join(lines[1:] if len(lines) > 1 else lines)
        raise PluginFailed(origin, f"PluginValidationError: {reason}",
                           "when registered") from error
    except Exception as error:  # a plugin object pluggy cannot take, a name taken twice
        raise PluginFailed(origin, first_line(error), "when registered") from error
    manager.origins[origin.plugin] = origin


def _check_pending(manager: PluginManager) -> None:
    """pluggy's ``check_pending()``, its failure said with the plugin's origin and the
    hook it may have meant."""
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        for name, caller in sorted(vars(manager.hook).items()):
            if name.startswith("_") or caller.has_spec():
                continue
            for impl in caller.get_hookimpls():
                if impl.plugin is error.plugin and not impl.optionalhook:
                    meant = nearest(name, HOOK_NAMES, limit=1)
                    raise PluginFailed(
                        manager.origin(impl.plugin_name),
                        f"PluginValidationError: unknown hook {name!r}"
                        + (f" (did you mean {meant[0]!r}?)" if meant else "")) from error
        raise PluginFailed(manager.origin(manager.get_name(error.plugin)),
                           first_line(error)) from error

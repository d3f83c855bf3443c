"""`Registry`: what the installed plugins provide, by kind and name, checked once.

Built from a plugin manager, it calls every hook implementation once, each on its own, so
that whatever goes wrong is said of the plugin that did it: a hook that raises, returns
something other than a list of its descriptors, or a descriptor written for a plugin API
this respons does not speak. Then no two descriptors of one kind may claim one name or
alias (or URL scheme, or settings table): that is a `PluginConflict` naming both plugins,
never a silent first-wins that would give one regime two answers. The callables handed
out are guarded: besides the `ValueError` their contract allows (a bad setting, a notice
lacking an element), an exception a plugin raises is a `PluginFailed` naming it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import attrs

from respons.registry.contracts import Score
from respons.registry.descriptors import (
    PLUGIN_API_VERSION,
    CalendarProvider,
    NoticeFormat,
    ScoringScheme,
    SettingsTable,
    StorageBackend,
)
from respons.registry.errors import Origin, PluginConflict, PluginError, PluginFailed, first_line
from respons.registry.manager import PluginManager


@attrs.frozen
class Kind:
    code: str          # as `respons plugins` shows it
    hook: str
    descriptor: type
    words: str         # as messages say it


KINDS = (
    Kind("store", "respons_storage_backends", StorageBackend, "storage backend"),
    Kind("scheme", "respons_scoring_schemes", ScoringScheme, "scoring scheme"),
    Kind("format", "respons_notice_formats", NoticeFormat, "notice format"),
    Kind("calendar", "respons_calendars", CalendarProvider, "calendar"),
    Kind("settings", "respons_settings", SettingsTable, "settings table"),
)
#: The kinds `respons plugins` lists (a settings table is not something one uses by name).
LISTED = ("store", "scheme", "format", "calendar")


def _claims(kind: Kind, item) -> list[str]:
    """What a descriptor claims, as a message says it: each must be one descriptor's."""
    if kind.code == "settings":
        return [f"the settings table [plugins.{item.plugin}]"]
    claims = [f"a {kind.words} called {name!r}"
              for name in (item.name, *getattr(item, "aliases", ()))]
    claims += [f"the store URL scheme {scheme}://" for scheme in getattr(item, "schemes", ())]
    return list(dict.fromkeys(claims))


class Registry:
    """What the installed plugins provide, by name (aliases included).

    Raises `PluginError` (one line) when a plugin's hook fails or two plugins claim one
    name of one kind.
    """

    def __init__(self, manager: PluginManager) -> None:
        self.manager = manager
        #: kind code → [(descriptor, origin)] in the order the hooks were called
        self._found: dict[str, list[tuple[object, Origin]]] = {}
        for kind in KINDS:
            self._found[kind.code] = list(self._collect(kind))
            self._check_claims(kind)

    # ── building ─────────────────────────────────────────────────────────────────
    def _origin(self, name: str | None) -> Origin:
        origin = getattr(self.manager, "origin", None)
        return origin(name) if origin is not None else Origin(plugin=name or "?")

    def _collect(self, kind: Kind) -> Iterator[tuple[object, Origin]]:
        caller = getattr(self.manager.hook, kind.hook)
        # get_hookimpls() lists in reverse call order (trylast first): call as pluggy would.
        for impl in reversed(caller.get_hookimpls()):
            origin = self._origin(impl.plugin_name)
            if impl.hookwrapper or impl.wrapper:
                raise PluginFailed(origin, f"its {kind.hook} is a hook wrapper, which respons "
                                   "hooks do not take: return descriptors instead")
            try:
                result = impl.function()
            except PluginError:
                raise
            except Exception as error:  # the plugin's own failure, said in one line
                raise PluginFailed(origin, first_line(error), f"in {kind.hook}") from error
            if result is None:
                continue
            if not isinstance(result, list | tuple) or not all(
                    isinstance(item, kind.descriptor) for item in result):
                raise PluginFailed(origin, f"its {kind.hook} returned {_shown(result)}, not a "
                                   f"list of {kind.descriptor.__name__} descriptors")
            for item in result:
                if item.api_version != PLUGIN_API_VERSION:
                    raise PluginFailed(
                        origin, f"its {kind.words} {_label(item)!r} is written for plugin API "
                        f"version {item.api_version}, and this respons speaks version "
                        f"{PLUGIN_API_VERSION}: install a version of the plugin made for it")
                yield _guarded(kind, item, origin), origin

    def _check_claims(self, kind: Kind) -> None:
        # A descriptor's claims are distinct, so a claim seen twice is two descriptors':
        # two plugins', or one plugin's twice.
        claimed: dict[str, Origin] = {}
        for item, origin in self._found[kind.code]:
            for claim in _claims(kind, item):
                if claim in claimed:
                    first, second = sorted((claimed[claim], origin), key=lambda o: o.plugin)
                    raise PluginConflict(claim, first, second)
                claimed[claim] = origin

    # ── lookups ──────────────────────────────────────────────────────────────────
    def _by_name(self, code: str) -> dict:
        found = {}
        for item, _ in self._found[code]:
            for name in (item.name, *getattr(item, "aliases", ())):
                found[name] = item
        return found

    def calendars(self) -> dict[str, CalendarProvider]:
        return self._by_name("calendar")

    def scoring_schemes(self) -> dict[str, ScoringScheme]:
        return self._by_name("scheme")

    def notice_formats(self) -> dict[str, NoticeFormat]:
        return self._by_name("format")

    def storage_backends(self) -> dict[str, StorageBackend]:
        """URL scheme → the backend serving it."""
        return {scheme: backend for backend, _ in self._found["store"]
                for scheme in backend.schemes}

    def settings_tables(self) -> dict[str, SettingsTable]:
        return {table.plugin: table for table, _ in self._found["settings"]}

    def origin(self, descriptor: object) -> Origin | None:
        """Which plugin gave ``descriptor`` (one this registry handed out)."""
        for found in self._found.values():
            for item, origin in found:
                if item is descriptor:
                    return origin
        return None

    def entries(self) -> list[dict]:
        """Everything installed: kind, name, aliases, plugin, its distribution and version,
        whether it is built in, and the description, sorted."""
        rows = []
        for code in LISTED:
            for item, origin in self._found[code]:
                rows.append({"kind": code, "name": item.name,
                             "aliases": list(getattr(item, "aliases", ())),
                             "plugin": origin.plugin, "distribution": origin.distribution,
                             "version": origin.version, "builtin": origin.builtin,
                             "description": item.description})
        return sorted(rows, key=lambda r: (r["kind"], r["name"], r["plugin"]))

    def listing(self) -> list[tuple[str, str, str, str, str]]:
        """(kind, name with its aliases, plugin, where it comes from, description)."""
        return [(r["kind"], r["name"] + (f" ({', '.join(r['aliases'])})" if r["aliases"]
                                         else ""), r["plugin"], _source(r), r["description"])
                for r in self.entries()]


def _source(row: dict) -> str:
    if row["distribution"] is None:
        return "(registered directly)"
    text = f"{row['distribution']} {row['version'] or ''}".rstrip()
    return text + (" (built in)" if row["builtin"] else "")


def _label(item) -> str:
    return getattr(item, "name", None) or getattr(item, "plugin", "?")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ── the callables handed out, guarded ────────────────────────────────────────────────
def _guard(function: Callable, origin: Origin, doing: str,
           result: Callable[[object], str | None] | None = None) -> Callable:
    """``function`` raising `PluginFailed` (naming ``origin``) for anything but the
    `ValueError` its contract allows, or for a ``result`` that breaks the contract."""
    @functools.wraps(function)
    def guarded(*args, **kwargs):
        try:
            value = function(*args, **kwargs)
        except (ValueError, PluginError):
            raise
        except Exception as error:
            raise PluginFailed(origin, first_line(error), doing) from error
        problem = result(value) if result is not None else None
        if problem:
            raise PluginFailed(origin, problem, doing)
        return value

    return guarded


def _bytes(value) -> str | None:
    return None if isinstance(value, bytes) else \
        f"render returned {type(value).__name__}, not bytes"


def _score(value) -> str | None:
    return None if isinstance(value, Score) else \
        f"score returned {type(value).__name__}, not a Score (respons.registry.Score)"


def _problems(value) -> str | None:
    if isinstance(value, list | tuple) and all(
            isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in value):
        return None
    return f"validate returned {_shown(value)}, not a list of (message, span) pairs"


def _calendar(value) -> str | None:
    if callable(getattr(value, "day", None)) and callable(getattr(value, "is_workday", None)):
        return None
    return f"load returned {type(value).__name__}, not a calendar (respons.calendar.Calendar)"


def _guarded(kind: Kind, item, origin: Origin):
    """The descriptor with its callables guarded. A store's ``open`` is left as it is:
    `respons.store.open_store` turns its failures into one line with the URL's password
    masked, which a generic guard could not do."""
    name = _label(item)
    if kind.code == "calendar":
        return attrs.evolve(item, load=_guard(item.load, origin, f"loading calendar {name!r}",
                                              _calendar))
    if kind.code == "format":
        return attrs.evolve(item, render=_guard(item.render, origin,
                                                f"rendering a notice as {name!r}", _bytes))
    if kind.code == "scheme":
        validate = item.validate and _guard(item.validate, origin,
                                            f"validating for scheme {name!r}", _problems)
        return attrs.evolve(item, score=_guard(item.score, origin,
                                               f"scoring with scheme {name!r}", _score),
                            validate=validate)
    return item

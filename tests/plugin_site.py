"""A site of fake distributions for plugin tests, apart from the developer's environment.

`Site` is a folder holding a ``respons-<version>.dist-info`` with respons's own entry points
(read from pyproject.toml, so the built-ins are the ones shipped) and whatever fake
distributions a test installs; `plugin_manager(path=[site])` sees those and nothing else,
so an installed respons-postgresql, or any other plugin of the developer's, changes no
result. Each installed plugin module gets a name of its own, so that one test's module is
never another's from the import cache.
"""

from __future__ import annotations

import importlib
import itertools
import sys
import textwrap
import tomllib
from pathlib import Path

from paths import ROOT
from respons import __version__
from respons.registry import ENTRY_POINT_GROUP, Registry, plugin_manager

_COUNTER = itertools.count()


def builtin_entry_points() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return project["entry-points"][ENTRY_POINT_GROUP]


class Site:
    def __init__(self, root: Path, builtins: bool = True) -> None:
        self.root = root
        self.modules: list[str] = []
        root.mkdir(parents=True, exist_ok=True)
        if builtins:
            self._dist_info("respons", __version__, builtin_entry_points())

    def _dist_info(self, distribution: str, version: str, entries: dict[str, str]) -> None:
        folder = self.root / f"{distribution.replace('-', '_')}-{version}.dist-info"
        folder.mkdir()
        (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\n"
                                         f"Version: {version}\n", "utf-8")
        lines = "".join(f"{name} = {value}\n" for name, value in entries.items())
        (folder / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{lines}", "utf-8")

    def install(self, name: str, source: str, distribution: str | None = None,
                version: str = "1.0") -> str:
        """A distribution (default ``respons-NAME``) whose entry point NAME is a module
        of ``source``; returns the module's name."""
        module = f"site_plugin_{name.replace('-', '_')}_{next(_COUNTER)}"
        (self.root / f"{module}.py").write_text(textwrap.dedent(source), "utf-8")
        self.modules.append(module)
        self._dist_info(distribution or f"respons-{name}", version, {name: module})
        importlib.invalidate_caches()
        return module

    @property
    def path(self) -> list[str]:
        return [str(self.root)]

    def manager(self, **options):
        return plugin_manager(path=self.path, **options)

    def registry(self, **options) -> Registry:
        return Registry(self.manager(**options))

    def close(self) -> None:
        for module in self.modules:
            sys.modules.pop(module, None)


CALENDAR = """
    from respons import hookimpl
    from respons.calendar import PlainCalendar
    from respons.registry import CalendarProvider

    @hookimpl
    def respons_calendars():
        return [CalendarProvider(name={name!r}, aliases={aliases!r},
                                 load=lambda settings: PlainCalendar({name!r}),
                                 description="a test calendar")]
"""


def calendar_plugin(name: str = "weekdays", aliases: tuple[str, ...] = ()) -> str:
    return CALENDAR.format(name=name, aliases=aliases)


def open_site(tmp_path: Path, monkeypatch) -> Site:
    """A `Site` that the command line uses too: `respons.app` builds its plugin manager
    from the site's distributions only."""
    import functools

    site = Site(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site.root))
    monkeypatch.setattr("respons.app.plugin_manager",
                        functools.partial(plugin_manager, path=site.path))
    return site

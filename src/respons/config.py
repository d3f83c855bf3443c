"""Project settings: respons.toml, read with tomllib (tomli before Python 3.11).

respons.toml is looked for in the current folder and its parents up to the project's
root — a folder holding .git or .hg, or the user's home folder — or given with
``respons --config PATH``. Every table and key is known: an unknown one is reported with
its line, never ignored. Paths in it, the ``sqlite:///`` path of ``[store] url``
included, are relative to the file. Only a regular file of at most 1 MiB is read.
Documented in docs/configuration.md.

    [store]
    url = "sqlite:///respons.db"        # or postgresql://…; RESPONS_STORE overrides

    [regimes]
    path = ["../province"]              # where `上位`/`参照` look for regimes by id

    [calendars.cn]                      # settings of one calendar plugin, by its name
    data = ["calendars/2027.toml"]     # extra calendar data: a new year, local closures
    makeup_workdays = true              # a make-up Saturday (调休) is a working day

    [plugins]
    disable = ["markdown"]              # plugins not to load

    [plugins.<name>]                    # a plugin's own settings, as it declares them
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import attrs

try:
    import tomllib
except ImportError:  # pragma: no cover - Python < 3.11 reads TOML with tomli
    import tomli as tomllib

from respons.diagnostics.diagnostic import Diagnostic, Sink
from respons.diagnostics.suggest import did_you_mean
from respons.files import read_config_text
from respons.model.base import Span

FILE_NAME = "respons.toml"

#: table → key → (expected Python type, description)
SCHEMA: dict[str, dict[str, tuple[type, str]]] = {
    "store": {"url": (str, "the store URL: sqlite:///path.db or postgresql://…")},
    "regimes": {"path": (list, "folders where extends/uses look for regimes by id")},
    "calendars": {},  # one sub-table per calendar, checked by the calendar plugin itself
    "plugins": {"disable": (list, "names of plugins not to load")},
}


@attrs.frozen
class Settings:
    path: Path | None = None
    #: the file's text, for placing diagnostics about it (read once, never again)
    text: str = ""
    store_url: str | None = None
    regimes_path: tuple[Path, ...] = ()
    #: calendar name → its settings (``data`` paths made absolute)
    calendars: dict = attrs.Factory(dict)
    disabled_plugins: tuple[str, ...] = ()
    plugin_settings: dict = attrs.Factory(dict)


#: A folder holding one of these is a project's root: the search for respons.toml stops
#: there, so that a file above the project (in /tmp, say) never applies to it.
ROOT_MARKERS = (".git", ".hg")


def find_config(start: Path) -> Path | None:
    """respons.toml in ``start`` or the nearest folder above it, up to the project root:
    a folder holding .git or .hg, or the home folder, whichever comes first."""
    home = _home()
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
        if any((folder / marker).exists() for marker in ROOT_MARKERS) or \
                (home is not None and _same(folder, home)):
            return None
    return None


def _same(folder: Path, other: Path) -> bool:
    try:
        return folder.resolve() == other
    except OSError:
        return False


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (OSError, RuntimeError):  # no home folder (a service account without HOME)
        return None


def load_settings(path: Path | None = None, cwd: Path | None = None
                  ) -> tuple[Settings, list[Diagnostic]]:
    """Read respons.toml (given, or found from ``cwd`` up); diagnostics for every problem."""
    sink = Sink()
    if path is None:
        path = find_config(cwd or Path.cwd())
        if path is None:
            return Settings(), []
    try:
        text = read_config_text(path)
    except (OSError, UnicodeDecodeError) as error:
        sink.add("R1002", f"cannot read {path}: {error}", Span(str(path), 1, 1, 1, 1))
        return Settings(path=Path(path)), sink.items
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
        sink.add("R1002", f"{path} is not valid TOML: {error}",
                 Span(str(path), line, column, line, column + 1))
        return Settings(path=Path(path), text=text), sink.items
    except (RecursionError, ValueError) as error:
        # tomllib recurses once per nested array or inline table, and reads integers with
        # int(), which refuses more than 4,300 digits.
        reason = "it nests arrays or tables too deeply" if isinstance(error, RecursionError) \
            else f"{error}".split(":")[0]
        sink.add("R1002", f"{path} cannot be read as settings: {reason}",
                 Span(str(path), 1, 1, 1, 1), "respons.toml holds a few tables of plain values")
        return Settings(path=Path(path), text=text), sink.items
    return _validate(Path(path), text, data, sink), sink.items


def _validate(path: Path, text: str, data: dict, sink: Sink) -> Settings:
    base = path.parent
    where = Locator(path, text)
    values: dict[str, dict] = {}
    plugin_settings: dict[str, dict] = {}
    for table, content in data.items():
        if table not in SCHEMA:
            sink.add("R1001", f"unknown table [{table}]" + did_you_mean(table, SCHEMA),
                     where(table), "known tables: " + ", ".join(SCHEMA))
            continue
        if not isinstance(content, dict):
            sink.add("R1002", f"{table} must be a table [{table}]", where(table))
            continue
        values[table] = {}
        for key, value in content.items():
            if table == "calendars":
                if not isinstance(value, dict):
                    sink.add("R1002", f"calendars.{key} must be a table [calendars.{key}]",
                             where(table, key))
                    continue
                settings = dict(value)
                data = settings.get("data")
                if isinstance(data, list):
                    if not all(isinstance(p, str) for p in data):
                        sink.add("R1002", f"calendars.{key}.data must be a list of file paths",
                                 where(f"calendars.{key}", "data"))
                        continue
                    settings["data"] = [str((base / p).resolve()) for p in data]
                values[table][key] = settings
                continue
            if table == "plugins" and isinstance(value, dict):
                plugin_settings[key] = value
                continue
            known = SCHEMA[table]
            if key not in known:
                sink.add("R1001", f"unknown key {key!r} in [{table}]" + did_you_mean(key, known),
                         where(table, key),
                         f"[{table}] takes: " + ", ".join(known))
                continue
            expected, description = known[key]
            if not isinstance(value, expected) or (
                    expected is list and not all(isinstance(v, str) for v in value)):
                kind = {str: "a string", list: "a list of strings",
                        bool: "true or false"}[expected]
                sink.add("R1002", f"{table}.{key} must be {kind} ({description})",
                         where(table, key))
                continue
            values[table][key] = value
    url = values.get("store", {}).get("url")
    return Settings(
        path=path,
        text=text,
        store_url=store_url_from(url, base) if url is not None else None,
        regimes_path=tuple((base / p).resolve() for p in values.get("regimes", {}).get("path", ())),
        calendars=values.get("calendars", {}),
        disabled_plugins=tuple(values.get("plugins", {}).get("disable", ())),
        plugin_settings=plugin_settings,
    )


def check_calendar_settings(settings: Settings, calendars: dict, sink: Sink) -> None:
    """Report [calendars.<name>] tables that name no installed calendar."""
    where = Locator(settings.path, settings.text)
    listing = ", ".join(sorted(calendars))
    for name in settings.calendars:
        if name not in calendars:
            sink.add("R1001", f"no installed calendar is called {name!r} [calendars.{name}]"
                     + did_you_mean(name, calendars), where(f"calendars.{name}"),
                     "installed calendars: " + listing)


def check_plugin_settings(settings: Settings, tables: dict, sink: Sink) -> None:
    """Report [plugins.<name>] tables and keys that no installed plugin declares."""
    where = Locator(settings.path, settings.text)
    for plugin, content in settings.plugin_settings.items():
        table = tables.get(plugin)
        if table is None:
            sink.add("R1001", f"no installed plugin reads [plugins.{plugin}]"
                     + did_you_mean(plugin, tables), where(f"plugins.{plugin}"))
            continue
        for key in content:
            if key not in table.keys:
                sink.add("R1001", f"unknown key {key!r} in [plugins.{plugin}]"
                         + did_you_mean(key, table.keys), where(f"plugins.{plugin}", key),
                         f"[plugins.{plugin}] takes: " + ", ".join(table.keys))


def store_url_from(url: str, base: Path) -> str:
    """[store] url with a relative ``sqlite:///`` path made relative to ``base``, the
    folder of respons.toml (``--store`` and RESPONS_STORE stay relative to the current
    folder). Other URLs are left as they are."""
    scheme, sep, rest = url.partition("://")
    if scheme.lower() != "sqlite" or not sep or not rest.startswith("/"):
        return url
    encoded, question, query = rest[1:].partition("?")
    path = urllib.parse.unquote(encoded)
    if not path or path == ":memory:" or Path(path).is_absolute():
        return url
    # sqlite_path() unquotes the path: keep %, ? and # in it as they are.
    absolute = str(base.resolve() / path).replace("%", "%25").replace("?", "%3F")
    return f"{scheme}:///{absolute}{question}{query}"


class Locator:
    """Places in one respons.toml: the line of each table header and of each key, found
    in one pass over the text, so that placing n diagnostics costs n lookups, not n
    passes (`locate` does one lookup)."""

    _HEADER = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]")
    _KEY = re.compile(r"^\s*([^=\s\[#][^=]*?)\s*=")

    def __init__(self, path: Path | None, text: str) -> None:
        self.path = str(path) if path is not None else ""
        self.lines = text.splitlines()
        #: table → (line, its length) of its first header
        self.headers: dict[str, tuple[int, int]] = {}
        #: (header line or 0, key) → (line, column) of its first `key =` in that section
        self.keys: dict[tuple[int, str], tuple[int, int]] = {}
        #: key → (line, column) of its first `key =` anywhere
        self.anywhere: dict[str, tuple[int, int]] = {}
        #: `table.key` written as a dotted key → its first line
        self.dotted: dict[str, int] = {}
        section = 0
        for number, line in enumerate(self.lines, 1):
            header = self._HEADER.match(line)
            if header:
                self.headers.setdefault(header[1], (number, len(line)))
                section = number
                continue
            if line.lstrip().startswith("["):  # [[array of tables]]: a section of its own
                section = -number
                continue
            key = self._KEY.match(line)
            if key:
                name = key[1]
                place = (number, line.index(name) + 1)
                self.keys.setdefault((section, name), place)
                self.anywhere.setdefault(name, place)
                self.dotted.setdefault(re.sub(r"\s*\.\s*", ".", name), number)

    def __call__(self, table: str, key: str | None = None) -> Span:
        """The line of a table header, or of a key inside it (first match after the
        header; a dotted ``table.key = …`` anywhere if none)."""
        header = self.headers.get(table)
        start = header[0] if header else None
        if key is None and header is not None:
            return Span(self.path, start, 1, start, header[1] + 1)
        if key is not None:
            place = self.keys.get((start, key)) if start is not None else \
                self.anywhere.get(key)
            if place is not None:
                line, column = place
                return Span(self.path, line, column, line, column + len(key))
            dotted = self.dotted.get(f"{table}.{key}")
            if dotted is not None:
                return Span(self.path, dotted, 1, dotted, len(self.lines[dotted - 1]) + 1)
        return Span(self.path, start or 1, 1, start or 1, 2)


def locate(path: Path, text: str, table: str, key: str | None = None) -> Span:
    """The line of a table header, or of a key inside it (first match after the header)."""
    return Locator(path, text)(table, key)

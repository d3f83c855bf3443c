"""Project settings: respons.toml, read with tomllib (tomli before Python 3.11).

respons.toml is looked for in the current folder and its parents, or given with
``respons --config PATH``. Every table and key is known: an unknown one is reported with
its line, never ignored. Paths in it are relative to the file. Documented in
docs/configuration.md.

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
from pathlib import Path

import attrs

try:
    import tomllib
except ImportError:  # pragma: no cover - Python < 3.11 reads TOML with tomli
    import tomli as tomllib

from respons.check.diagnostic import Diagnostic, Sink
from respons.check.suggest import did_you_mean
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
    store_url: str | None = None
    regimes_path: tuple[Path, ...] = ()
    #: calendar name → its settings (``data`` paths made absolute)
    calendars: dict = attrs.Factory(dict)
    disabled_plugins: tuple[str, ...] = ()
    plugin_settings: dict = attrs.Factory(dict)


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
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
        text = Path(path).read_text("utf-8-sig")
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
        return Settings(path=Path(path)), sink.items
    return _validate(Path(path), text, data, sink), sink.items


def _validate(path: Path, text: str, data: dict, sink: Sink) -> Settings:
    base = path.parent
    values: dict[str, dict] = {}
    plugin_settings: dict[str, dict] = {}
    for table, content in data.items():
        if table not in SCHEMA:
            sink.add("R1001", f"unknown table [{table}]" + did_you_mean(table, SCHEMA),
                     locate(path, text, table), "known tables: " + ", ".join(SCHEMA))
            continue
        if not isinstance(content, dict):
            sink.add("R1002", f"{table} must be a table [{table}]", locate(path, text, table))
            continue
        values[table] = {}
        for key, value in content.items():
            if table == "calendars":
                if not isinstance(value, dict):
                    sink.add("R1002", f"calendars.{key} must be a table [calendars.{key}]",
                             locate(path, text, table, key))
                    continue
                settings = dict(value)
                data = settings.get("data")
                if isinstance(data, list):
                    if not all(isinstance(p, str) for p in data):
                        sink.add("R1002", f"calendars.{key}.data must be a list of file paths",
                                 locate(path, text, f"calendars.{key}", "data"))
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
                         locate(path, text, table, key),
                         f"[{table}] takes: " + ", ".join(known))
                continue
            expected, description = known[key]
            if not isinstance(value, expected) or (
                    expected is list and not all(isinstance(v, str) for v in value)):
                kind = {str: "a string", list: "a list of strings",
                        bool: "true or false"}[expected]
                sink.add("R1002", f"{table}.{key} must be {kind} ({description})",
                         locate(path, text, table, key))
                continue
            values[table][key] = value
    return Settings(
        path=path,
        store_url=values.get("store", {}).get("url"),
        regimes_path=tuple((base / p).resolve() for p in values.get("regimes", {}).get("path", ())),
        calendars=values.get("calendars", {}),
        disabled_plugins=tuple(values.get("plugins", {}).get("disable", ())),
        plugin_settings=plugin_settings,
    )


def check_calendar_settings(settings: Settings, calendars: dict, sink: Sink) -> None:
    """Report [calendars.<name>] tables that name no installed calendar."""
    text = settings.path.read_text("utf-8-sig") if settings.path else ""
    for name in settings.calendars:
        if name not in calendars:
            sink.add("R1001", f"no installed calendar is called {name!r} [calendars.{name}]"
                     + did_you_mean(name, calendars),
                     locate(settings.path, text, f"calendars.{name}"),
                     "installed calendars: " + ", ".join(sorted(calendars)))


def check_plugin_settings(settings: Settings, tables: dict, sink: Sink) -> None:
    """Report [plugins.<name>] tables and keys that no installed plugin declares."""
    text = settings.path.read_text("utf-8-sig") if settings.path else ""
    for plugin, content in settings.plugin_settings.items():
        table = tables.get(plugin)
        if table is None:
            sink.add("R1001", f"no installed plugin reads [plugins.{plugin}]"
                     + did_you_mean(plugin, tables), locate(settings.path, text,
                                                             f"plugins.{plugin}"))
            continue
        for key in content:
            if key not in table.keys:
                sink.add("R1001", f"unknown key {key!r} in [plugins.{plugin}]"
                         + did_you_mean(key, table.keys),
                         locate(settings.path, text, f"plugins.{plugin}", key),
                         f"[plugins.{plugin}] takes: " + ", ".join(table.keys))


def locate(path: Path, text: str, table: str, key: str | None = None) -> Span:
    """The line of a table header, or of a key inside it (first match after the header)."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\]")
    start = None
    for number, line in enumerate(lines, 1):
        if header.match(line):
            start = number
            if key is None:
                return Span(str(path), number, 1, number, len(line) + 1)
            break
    if key is not None:
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for number, line in enumerate(lines[(start or 0):], (start or 0) + 1):
            if pattern.match(line):
                column = line.index(key) + 1
                return Span(str(path), number, column, number, column + len(key))
            if start is not None and line.lstrip().startswith("["):
                break
        dotted = re.compile(r"^\s*" + re.escape(table) + r"\s*\.\s*" + re.escape(key) + r"\s*=")
        for number, line in enumerate(lines, 1):
            if dotted.match(line):
                return Span(str(path), number, 1, number, len(line) + 1)
    return Span(str(path), start or 1, 1, start or 1, 2)

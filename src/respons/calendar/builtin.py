"""The built-in calendars ``cn`` and ``plain``, built from their settings.

These are the ``load(settings)`` callables the ``calendars`` plugin hands the registry.
The settings come from the calendar table of respons.toml:

- ``data``: a list of extra TOML data files (a newly published year, local closures or
  extra make-up working days), read after the bundled ones; see `respons.calendar.data`;
- ``makeup_workdays``: whether a make-up working day (调休上班日) counts as a working
  day (default true).

Any other key is an error naming it, so a misspelt setting cannot be silently ignored.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from respons.calendar.data import bundled_files, load_arrangement
from respons.calendar.model import PlainCalendar, StatutoryCalendar

CN_SETTINGS = {
    "data": "extra calendar data files (TOML): a new year's notice, local closures",
    "makeup_workdays": "whether a make-up working day (调休上班日) counts (default true)",
}
PLAIN_SETTINGS = {
    "makeup_workdays": "accepted for a shared calendar table; the plain calendar has none",
}


def load_cn(settings: Mapping | None = None) -> StatutoryCalendar:
    """The mainland China calendar: the bundled State Council notices plus ``data``."""
    settings = _checked(settings, CN_SETTINGS, "cn")
    extra = settings.get("data", [])
    if isinstance(extra, str | os.PathLike) or not isinstance(extra, list | tuple) or not all(
            isinstance(path, str | os.PathLike) for path in extra):
        raise ValueError(f"calendar setting `data` must be a list of file paths, not {extra!r}")
    arrangement = load_arrangement([*bundled_files("cn"), *extra])
    return StatutoryCalendar("cn", arrangement, settings.get("makeup_workdays", True))


def load_plain(settings: Mapping | None = None) -> PlainCalendar:
    """Calendar days only: every day a working day."""
    settings = dict(settings or {})
    if "data" in settings:
        raise ValueError("calendar setting `data` does not apply to the plain calendar, "
                         "which counts every day and reads no data files")
    _checked(settings, PLAIN_SETTINGS, "plain")
    return PlainCalendar("plain")


def _checked(settings: Mapping | None, known: Mapping[str, str], name: str) -> dict:
    if settings is None:
        return {}
    if not isinstance(settings, Mapping):
        raise ValueError(f"calendar settings must be a table, not {settings!r}")
    for key in settings:
        if key not in known:
            raise ValueError(f"unknown calendar setting `{key}` for calendar {name!r} "
                             f"(known: {', '.join(known)})")
    if "makeup_workdays" in settings and type(settings["makeup_workdays"]) is not bool:
        raise ValueError(f"calendar setting `makeup_workdays` must be true or false, not "
                         f"{settings['makeup_workdays']!r}")
    return dict(settings)

"""Every plugin hook of respons, with its contract as the docstring.

Plugins implement these with ``@respons.hookimpl`` and register through the entry-point
group ``respons.plugins`` — the built-in SQLite store, scoring schemes, notice formats and
calendars exactly as an outside integrator's (and ``trylast``, so they are the fallback).
Each hook takes no arguments and returns a list of small keyword-only descriptors
(``respons.registry``): a name, what it needs, a callable, and the plugin API version it
is written for. The callables' signatures are typed contracts (``respons.registry.contracts``).
Hook names carry the ``respons_`` prefix; a hook of a plugin whose name matches none of
these is an error naming the plugin. docs/hooks.md documents every one of them and
tests/test_plugins.py fails when one is undocumented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # the registry sits above the hook specifications: types only
    from respons.registry.descriptors import (
        CalendarProvider,
        NoticeFormat,
        ScoringScheme,
        SettingsTable,
        StorageBackend,
    )

hookspec = pluggy.HookspecMarker("respons")


@hookspec
def respons_storage_backends() -> list[StorageBackend]:
    """Return `StorageBackend` descriptors: the stores records can be kept in.

    A backend is chosen by the scheme of the store URL (``sqlite:///respons.db``,
    ``postgresql://…``); each descriptor names the URL schemes it serves and a callable
    ``open(url, settings) -> Store`` (`respons.registry.OpenStore`). Two plugins serving
    the same scheme, or giving a backend the same name, is an error.
    """


@hookspec
def respons_scoring_schemes() -> list[ScoringScheme]:
    """Return `ScoringScheme` descriptors: the ways an assessment turns records into grades.

    A regime names a scheme in an assessment (`方案 百分制`). Each descriptor gives the
    scheme's name and aliases, the parameters it accepts (`参数 NAME VALUE`), an optional
    ``validate(assessment) -> [(message, span)]`` and ``score(assessment, subject) ->
    Score`` (`respons.registry.ScoreSubject`), where ``subject`` is the `SubjectFacts` of
    one assessed subject and points are `decimal.Decimal`. `respons check` rejects unknown
    schemes and parameters.
    """


@hookspec
def respons_notice_formats() -> list[NoticeFormat]:
    """Return `NoticeFormat` descriptors: the file formats notices (文书) are written in.

    Each gives the format's name (``md``, ``html``, ``docx``, ``pdf``…), its media type
    and file extension, and ``render(issued) -> bytes`` (`respons.registry.RenderNotice`)
    for an `IssuedNotice` (`respons.model.notice`). A regime lists the formats a notice is
    issued in (`格式 md`); `respons check` rejects unknown formats.
    """


@hookspec
def respons_calendars() -> list[CalendarProvider]:
    """Return `CalendarProvider` descriptors: the working-day calendars periods are counted on.

    Each gives the calendar's name and aliases and ``load(settings) -> Calendar``
    (`respons.registry.LoadCalendar`), where settings come from the ``[calendars.<name>]``
    table of respons.toml (extra data files, whether a make-up Saturday counts as a
    working day). A regime names its calendar (`日历 cn`).
    """


@hookspec
def respons_settings() -> list[SettingsTable]:
    """Return `SettingsTable` descriptors: the respons.toml tables a plugin reads.

    A plugin that takes settings declares its table under ``[plugins.<name>]`` and the
    keys it accepts, so that respons.toml can be checked and unknown keys reported by place.
    """

"""The plugin surface: the descriptors plugins return, their contracts, the plugin manager
and the registry that looks them up.

`plugin_manager()` builds a pluggy manager from the ``respons.plugins`` entry points
(blocking the plugins respons.toml disables); `Registry` gathers what the hooks return
into lookups by name, so the checker and the CLI ask "is there a calendar called cn?"
without knowing which plugin answers. A plugin writes::

    from respons import hookimpl
    from respons.registry import CalendarProvider

    @hookimpl
    def respons_calendars():
        return [CalendarProvider(name="hk", load=load_hk, description="…")]

``descriptors`` holds the descriptor classes and `PLUGIN_API_VERSION`, ``contracts`` the
typed contracts of their callables (and the scoring data, `SubjectFacts` and `Score`),
``errors`` the one-line `PluginError`s, ``manager`` the plugin manager, ``lookup`` the
`Registry`. Documented in docs/hooks.md.
"""

from __future__ import annotations

from respons import hookimpl
from respons.registry.contracts import (
    MAX_PRECISION,
    DeductionTaken,
    FileSheet,
    ItemScore,
    LoadCalendar,
    OpenStore,
    RenderNotice,
    Score,
    ScoreSubject,
    SubjectFacts,
    ValidateAssessment,
    assessment_params,
    first_veto,
    precision_of,
    round_points,
)
from respons.registry.descriptors import (
    PLUGIN_API_VERSION,
    CalendarProvider,
    NoticeFormat,
    ScoringScheme,
    SettingsTable,
    StorageBackend,
)
from respons.registry.errors import Origin, PluginConflict, PluginError, PluginFailed
from respons.registry.lookup import Registry
from respons.registry.manager import ENTRY_POINT_GROUP, PluginManager, plugin_manager

__all__ = [
    "ENTRY_POINT_GROUP",
    "MAX_PRECISION",
    "PLUGIN_API_VERSION",
    "CalendarProvider",
    "DeductionTaken",
    "FileSheet",
    "ItemScore",
    "LoadCalendar",
    "NoticeFormat",
    "OpenStore",
    "Origin",
    "PluginConflict",
    "PluginError",
    "PluginFailed",
    "PluginManager",
    "Registry",
    "RenderNotice",
    "Score",
    "ScoreSubject",
    "ScoringScheme",
    "SettingsTable",
    "StorageBackend",
    "SubjectFacts",
    "ValidateAssessment",
    "assessment_params",
    "first_veto",
    "hookimpl",
    "plugin_manager",
    "precision_of",
    "round_points",
]

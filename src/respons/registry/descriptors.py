"""The descriptors plugin hooks return: a name, what it needs, a callable, an API version.

Every descriptor is keyword-only (``CalendarProvider(name="hk", load=load_hk)``), so that
a field added later breaks no plugin, and carries the ``api_version`` of the plugin
interface it was written for (default `PLUGIN_API_VERSION`): respons refuses, with one
line naming the plugin, a descriptor whose major version it does not speak. The callables
are checked against their contracts (`respons.registry.contracts`) when the descriptor is
made, so a plugin whose ``score`` takes the wrong arguments fails when it loads, naming
itself, not in the middle of an evaluation.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping

import attrs

from respons.registry.contracts import (
    ARITY,
    LoadCalendar,
    OpenStore,
    RenderNotice,
    ScoreSubject,
    ScratchStore,
    ValidateAssessment,
)

#: The major version of the plugin interface this respons speaks: the hooks, the
#: descriptors and the contracts of their callables. A change that would break a plugin
#: written for it raises this number; additions (a new optional field) do not.
PLUGIN_API_VERSION = 1

#: A name a regime or a URL can use: no spaces, no quotes, not empty.
_NAME = re.compile(r"^[^\s\"'`]+$")


def _name(instance, attribute, value) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be a name without "
                        f"spaces or quotes, not {value!r}")


def _names(instance, attribute, value) -> None:
    if isinstance(value, str) or not isinstance(value, tuple | list):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be a tuple of "
                        f"names, not {value!r}")
    for item in value:
        _name(instance, attribute, item)


def _text(instance, attribute, value) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be text, "
                        f"not {value!r}")


def _descriptions(instance, attribute, value) -> None:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must map names to "
                        f"descriptions, not {value!r}")


def _api_version(instance, attribute, value) -> None:
    if type(value) is not int or value < 1:
        raise TypeError(f"{type(instance).__name__}.api_version must be a whole number "
                        f"(this respons speaks {PLUGIN_API_VERSION}), not {value!r}")


def callable_as(contract: type, signature: str, optional: bool = False):
    """A validator: the value can be called as ``signature`` says (`contracts.ARITY`
    positional arguments), so a callable of another shape is refused when it is given."""
    arity = ARITY[contract]

    def check(instance, attribute, value) -> None:
        if value is None and optional:
            return
        where = f"{type(instance).__name__}.{attribute.name}"
        if not callable(value):
            raise TypeError(f"{where} must be callable as {signature}, not {value!r}")
        try:
            parameters = inspect.signature(value)
        except (TypeError, ValueError):  # a builtin without a signature: trust it
            return
        try:
            parameters.bind(*range(arity))
        except TypeError:
            raise TypeError(f"{where} must be callable as {signature}, but it takes "
                            f"{parameters}") from None

    return check


def _tuple(value) -> tuple:
    return tuple(value) if isinstance(value, list) else value


def _mapping(value) -> dict:
    return dict(value) if isinstance(value, Mapping) else value


def _version_field():
    return attrs.field(default=PLUGIN_API_VERSION, validator=_api_version)


@attrs.frozen(kw_only=True)
class StorageBackend:
    """A record store, chosen by the scheme of its URL: ``open(url, settings) -> Store``;
    optionally ``scratch(url, name) -> (url, dispose)``, a new empty store of the backend
    for `respons test` (without it, `respons test --store` refuses the backend)."""

    name: str = attrs.field(validator=_name)
    schemes: tuple[str, ...] = attrs.field(converter=_tuple, validator=_names)
    open: OpenStore = attrs.field(validator=callable_as(OpenStore, "open(url, settings)"))
    description: str = attrs.field(default="", validator=_text)
    scratch: ScratchStore | None = attrs.field(
        default=None, validator=callable_as(ScratchStore, "scratch(url, name)", True))
    api_version: int = _version_field()


@attrs.frozen(kw_only=True)
class ScoringScheme:
    """A way of scoring an assessment: ``score(assessment, subject) -> Score``."""

    name: str = attrs.field(validator=_name)
    score: ScoreSubject = attrs.field(
        validator=callable_as(ScoreSubject, "score(assessment, subject)"))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_names)
    #: parameter name → a short description of the value it takes
    params: Mapping[str, str] = attrs.field(factory=dict, converter=_mapping,
                                            validator=_descriptions)
    description: str = attrs.field(default="", validator=_text)
    #: ``validate(assessment) -> [(message, span)]``: what the scheme cannot score
    validate: ValidateAssessment | None = attrs.field(
        default=None, validator=callable_as(ValidateAssessment, "validate(assessment)", True))
    api_version: int = _version_field()


@attrs.frozen(kw_only=True)
class NoticeFormat:
    """A file format notices (文书) are written in: ``render(issued) -> bytes``."""

    name: str = attrs.field(validator=_name)
    media_type: str = attrs.field(validator=_text)
    extension: str = attrs.field(validator=_text)
    render: RenderNotice = attrs.field(validator=callable_as(RenderNotice, "render(issued)"))
    description: str = attrs.field(default="", validator=_text)
    api_version: int = _version_field()


@attrs.frozen(kw_only=True)
class CalendarProvider:
    """A working-day calendar: ``load(settings) -> Calendar``."""

    name: str = attrs.field(validator=_name)
    load: LoadCalendar = attrs.field(validator=callable_as(LoadCalendar, "load(settings)"))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_names)
    description: str = attrs.field(default="", validator=_text)
    api_version: int = _version_field()


@attrs.frozen(kw_only=True)
class SettingsTable:
    """The ``[plugins.<plugin>]`` table of respons.toml a plugin reads, and its keys."""

    plugin: str = attrs.field(validator=_name)
    keys: Mapping[str, str] = attrs.field(converter=_mapping, validator=_descriptions)
    description: str = attrs.field(default="", validator=_text)
    api_version: int = _version_field()

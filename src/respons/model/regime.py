"""The regime (行政执法责任制规定) as a whole: its header, its layering and its contents."""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.agency import Agency
from respons.model.assessment import Assessment
from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import NamedCondition
from respons.model.duty import Duty
from respons.model.liability import (
    Apportionment,
    Circumstance,
    Fault,
    Ladder,
    Measure,
    Proceeding,
    Right,
)
from respons.model.notice import Notice
from respons.model.record import RecordKind
from respons.model.scenario import Scenario


@attrs.frozen(slots=True)
class Amendment:
    """A revision (修订) of the regime: when, and by which document."""

    date: dt.date
    document: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Part:
    """One document of a multi-document regime (e.g. tongzhou's 人员管理办法), citable by name."""

    name: str
    title: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class RegimeRef:
    """A regime named in `extends`/`uses`: by id (the file stem) or by a path string."""

    target: str
    is_path: bool = False
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Override:
    """`覆盖 职责 X { ... }`: replace what an extended regime says of element X.

    ``element`` is a partial element of ``kind``; ``fields`` names the fields the override
    sets, so that everything else is kept from the extended regime.
    """

    kind: str
    target: Ref
    element: object
    fields: frozenset[str]
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Regime:
    """A regime: header, the regimes it builds on, and everything it declares.

    ``id`` is the file stem (``jilin-city``); ``title`` is the name written after
    `regime`/`制度`. Collections keep the order in which the file declares them; which
    kind of block each holds is ``respons.model.kinds``.
    """

    id: str
    title: str = ""
    level: str | None = None
    issuer: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    effective: dt.date | None = None
    amendments: tuple[Amendment, ...] = ()
    repealed: dt.date | None = None
    calendar: str | None = None
    calendar_span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    extends: RegimeRef | None = None
    #: The earlier version of this regime that this one replaces from its 施行 date on.
    supersedes: RegimeRef | None = None
    uses: tuple[RegimeRef, ...] = ()
    parts: tuple[Part, ...] = ()
    citation: Citation | None = None
    #: The language of the keyword that opens its header block — "zh" (`制度`) or "en"
    #: (`regime`): what its reports speak by default. How a regime is spelled is not what
    #: it says, so it takes no part in equality.
    language: str = attrs.field(default="zh", eq=False, hash=False, repr=False)
    agencies: tuple[Agency, ...] = ()
    records: tuple[RecordKind, ...] = ()
    duties: tuple[Duty, ...] = ()
    faults: tuple[Fault, ...] = ()
    circumstances: tuple[Circumstance, ...] = ()
    measures: tuple[Measure, ...] = ()
    ladders: tuple[Ladder, ...] = ()
    apportionments: tuple[Apportionment, ...] = ()
    proceedings: tuple[Proceeding, ...] = ()
    rights: tuple[Right, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    notices: tuple[Notice, ...] = ()
    conditions: tuple[NamedCondition, ...] = ()
    overrides: tuple[Override, ...] = ()
    #: The scenarios written in this file (场景): never inherited (respons.model.scenario).
    scenarios: tuple[Scenario, ...] = ()
    span: Span | None = span_field()

"""A regime compiled once into one checker per record type, and checking a record with it.

`compile_schema` walks the resolved regime's record kinds and builds, for every
``kind.event``, the list of fields with a ready validator each, so that checking a record
is a dictionary lookup and a loop over its fields — no interpretation of the regime per
record. A checked record comes out in canonical form with its content hash
(``respons.store.canonical``); a bad one as a list of `Problem` s, each naming its field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

import attrs

from respons.check.suggest import did_you_mean
from respons.model.regime import Regime
from respons.records import values
from respons.records.names import NameTable
from respons.store.canonical import RESERVED, canonical_json, content_hash, normalise_at

#: The longest id accepted: ids are keys, not documents.
MAX_ID = 200


@attrs.frozen(slots=True)
class Problem:
    code: str
    message: str
    field: str | None = None
    help: str | None = None
    column: int | None = None  # where the problem is, when no field says it


class Checked(NamedTuple):
    """A valid record in canonical form: the columns of its row but seq and chain.

    A named tuple rather than an attrs class: a million of them are made per million
    records, and a tuple is made several times faster.
    """

    id: str
    type: str
    kind: str
    event: str
    at: str
    at_date: str
    subject: str | None
    corrects: str | None
    data: str
    raw: str
    content_hash: str


@attrs.frozen(slots=True)
class _Field:
    name: str
    check: Callable
    optional: bool
    scoped: str | None  # body/post/power: checked with the record's agencies


@attrs.frozen
class _TypeChecker:
    type: str
    kind: str
    event: str
    key: str | None
    fields: tuple[_Field, ...]
    names: frozenset[str]
    allowed: frozenset[str]
    agency_fields: tuple[str, ...]
    #: every field name sorts after "type", so the canonical record is the reserved
    #: members followed by the canonical fields (see `RecordSchema.check`)
    splice: bool
    #: the fields as plain (name, check, optional, scoped) tuples: the hot loop's form;
    #: check None means non-empty text, tested in the loop itself
    plain: tuple = ()
    #: ``,"type":"<kind.event>"`` as canonical JSON writes it
    type_member: str = ""


class RecordSchema:
    """The record types of one regime and how to check a record of each."""

    def __init__(self, regime: Regime, types: dict[str, _TypeChecker], names: NameTable):
        self.regime = regime
        self.types = types
        self.names = names

    def check(self, record) -> Checked | list[Problem]:
        if not isinstance(record, dict):
            return [Problem("R1102", f"a record is a JSON object, not {values.show(record)}")]
        problems: list[Problem] = []
        rid = record.get("id")
        if not isinstance(rid, str) or not rid or rid.isspace() or len(rid) > MAX_ID:
            problems.append(_id_problem(rid))
        kind_event = record.get("type")
        checker = self.types.get(kind_event) if isinstance(kind_event, str) else None
        if checker is None:
            problems.append(self._type_problem(kind_event))
        at = record.get("at")
        try:
            at_text, at_date = normalise_at(at)
        except (ValueError, TypeError):
            at_text = at_date = None
            problems.append(Problem(
                "R1108", f"'at' must be an ISO date or date-time, not {values.show(at)}"
                if at is not None else "the record has no 'at' (when it happened)", "at",
                "write 2024-03-01, 2024-03-01T09:30 or 2024-03-01T09:30:00+08:00; without "
                "an offset the time is China Standard Time"))
        corrects = record.get("corrects")
        if corrects is not None and (not isinstance(corrects, str) or not corrects
                                     or corrects.isspace()):
            problems.append(Problem("R1111", f"'corrects' must be the id of a stored record, "
                                    f"not {values.show(corrects)}", "corrects"))
        if checker is None:
            return problems
        fields = self._fields(checker, record, problems)
        if problems:
            return problems
        data = canonical_json(fields)
        if checker.splice:
            # at is ISO digits and punctuation, the type the regime's: only the id (and a
            # correction's target) need escaping. The result is canonical_json(content).
            middle = f',"corrects":{_string(corrects)}' if corrects is not None else ""
            raw = (f'{{"at":"{at_text}"{middle},"id":{_string(rid)}{checker.type_member}'
                   + ("," + data[1:] if len(data) > 2 else "}"))
        else:
            content = {"id": rid, "type": kind_event, "at": at_text, **fields}
            if corrects is not None:
                content["corrects"] = corrects
            raw = canonical_json(content)
        # tuple.__new__ skips the named tuple's Python-level constructor.
        return _new(Checked, (rid, kind_event, checker.kind, checker.event, at_text, at_date,
                              fields.get(checker.key) if checker.key else None, corrects,
                              data, raw, content_hash(raw)))

    def _fields(self, checker: _TypeChecker, record: dict, problems: list[Problem]) -> dict:
        for name in () if checker.allowed.issuperset(record) else record.keys() - checker.allowed:
            problems.append(Problem(
                "R1106", f"type {checker.type} has no field {name!r}"
                + did_you_mean(name, checker.names), name,
                "fields of this type: " + ", ".join(sorted(checker.names))))
        out = {}
        for name, check, optional, scoped in checker.plain:
            value = record.get(name)
            if value is None:
                if not optional:
                    is_key = name == checker.key
                    problems.append(Problem(
                        "R1105", f"a record of type {checker.type} needs "
                        f"{'its key' if is_key else 'the field'} {name!r}", name,
                        f"{name} (主键) names the matter that the events of "
                        f"{checker.kind} share" if is_key else
                        f"record kind {checker.kind} declares it without 可选/optional"))
                continue
            if check is None and type(value) is str and value and not value.isspace():
                out[name] = value  # text, the commonest field type, without a call
                continue
            try:
                out[name] = check(value, record, checker.agency_fields) if scoped else \
                    (check or values.text)(value)
            except values.Bad as bad:
                problems.append(Problem(bad.code, f"field {name!r} {bad.message}", name,
                                        bad.help))
        return out

    def _type_problem(self, kind_event) -> Problem:
        if not isinstance(kind_event, str):
            message = "the record has no 'type'" if kind_event is None else \
                f"'type' must be text such as \"投诉举报.收到\", not {values.show(kind_event)}"
            return Problem("R1104", message, "type", _types_help(self.types))
        kind, _, event = kind_event.partition(".")
        events = sorted(t.event for t in self.types.values() if t.kind == kind)
        if events and event:
            message = f"record kind {kind!r} has no event {event!r}" + did_you_mean(event, events)
            return Problem("R1104", message, "type", f"events of {kind}: " + ", ".join(events))
        if events:
            return Problem("R1104", f"type {kind_event!r} names a record kind without its "
                           "event", "type", "write kind.event: "
                           + ", ".join(f"{kind}.{e}" for e in events))
        kinds = sorted({t.kind for t in self.types.values()})
        return Problem("R1104", f"the regime declares no record kind {kind!r}"
                       + did_you_mean(kind, kinds), "type", _types_help(self.types))


_string = json.encoder.encode_basestring  # what canonical_json writes for a str


_new = tuple.__new__


def _id_problem(rid) -> Problem:
    if rid is None:
        message = "the record has no 'id'"
    elif isinstance(rid, str) and len(rid) > MAX_ID:
        message = f"'id' is longer than {MAX_ID} characters"
    else:
        message = f"'id' must be non-empty text, not {values.show(rid)}"
    return Problem("R1103", message, "id", "give every record an id of its own, such as "
                   "\"TS-2024-000123-收到\"; ids never change once stored")


def _types_help(types: dict) -> str:
    if not types:
        return "this regime declares no record kinds (`记录`), so it accepts no records"
    listed = sorted(types)
    more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
    return "record types of this regime: " + ", ".join(listed[:8]) + more


class ReservedField(ValueError):
    """A record kind declares a field that records reserve (id, type, at, corrects)."""


def compile_schema(regime: Regime) -> RecordSchema:
    """One checker per ``kind.event`` of ``regime`` (resolved: inherited kinds included).

    Raises `ReservedField` when a kind declares a field named like a record's own member.
    """
    names = NameTable(regime)
    types: dict[str, _TypeChecker] = {}
    for kind in regime.records:
        clash = [f.name for f in kind.fields if f.name in RESERVED] + \
            ([kind.key] if kind.key in RESERVED else [])
        if clash:
            where = f" ({kind.span})" if kind.span else ""
            raise ReservedField(f"record kind {kind.name}{where} declares a field "
                                f"{clash[0]!r}, which every record uses for itself "
                                f"({', '.join(RESERVED)}): rename the field in the regime")
        fields = []
        declared = {f.name for f in kind.fields}
        if kind.key and kind.key not in declared:
            fields.append(_Field(kind.key, values.text, False, None))
        for field in kind.fields:
            optional = field.optional and field.name != kind.key
            fields.append(_field(field.name, field.type, optional, names))
        agency_fields = tuple(f.name for f in kind.fields if f.type.kind == "agency")
        for event in kind.events:
            name = f"{kind.name}.{event.name}"
            names_ = frozenset(f.name for f in fields)
            types[name] = _TypeChecker(name, kind.name, event.name, kind.key, tuple(fields),
                                       names_, names_ | set(RESERVED), agency_fields,
                                       all(n > "type" for n in names_),
                                       tuple((f.name, None if f.check is values.text else
                                              f.check, f.optional, f.scoped is not None)
                                             for f in fields),
                                       f',"type":{_string(name)}')
    return RecordSchema(regime, types, names)


def _field(name: str, type_, optional: bool, names: NameTable) -> _Field:
    if type_.kind == "choice":
        return _Field(name, values.choice(type_.choices), optional, None)
    if type_.kind == "agency":
        return _Field(name, names.agency, optional, None)
    if type_.kind in ("body", "post", "power"):
        return _Field(name, names.scoped(type_.kind), optional, type_.kind)
    return _Field(name, values.SIMPLE.get(type_.kind, values.text), optional, None)

"""A regime compiled once into one checker per record type, and checking a record with it.

`compile_schema` walks the resolved regime's record kinds and builds, for every
``kind.event``, the list of fields with a ready validator each, so that checking a record
is a dictionary lookup and a loop over its fields — no interpretation of the regime per
record. A checked record comes out in canonical form with its content hash
(``respons.records.canonical``); a bad one as a list of `Problem` s, each naming its field.
Its id, type, ``corrects``, member names and every text are put in Unicode Normalization
Form C on the way (``values.nfc``), so that the canonical form, and the hash, is of the
normal form.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from unicodedata import is_normalized as _is_nfc

import attrs

from respons.diagnostics.suggest import did_you_mean
from respons.model.regime import Regime
from respons.records import values
from respons.records.canonical import (
    RESERVED,
    OutOfRange,
    canonical_json,
    content_hash,
    normalise_at,
)
from respons.records.names import NameTable
from respons.records.row import Checked
from respons.records.values import nfc

#: The longest id accepted: ids are keys, not documents.
MAX_ID = 200


@attrs.frozen(slots=True)
class Problem:
    code: str
    message: str
    field: str | None = None
    help: str | None = None
    column: int | None = None  # where the problem is, when no field says it
    #: the line was longer than the reader takes: the text given with it is its beginning
    clipped: bool = False


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
    #: the fields as plain (name, check, optional, scoped) tuples: the hot loop's form;
    #: check None means non-empty text, tested in the loop itself
    plain: tuple = ()


class RecordSchema:
    """The record types of one regime and how to check a record of each.

    A regime with earlier versions (取代) is compiled by `compile_versions`: each record is
    then checked against the version in force on its date, found by bisecting the
    versions' 施行 dates.
    """

    def __init__(self, regime: Regime, types: dict[str, _TypeChecker], names: NameTable):
        self.regime = regime
        self.types = types
        self.names = names
        #: every version, oldest first (this one among them), and the 施行 dates of all
        #: but the oldest as ISO text; empty for a regime without earlier versions
        self.versions: tuple[RecordSchema, ...] = ()
        self.starts: tuple[str, ...] = ()

    def in_force(self, at_date: str) -> RecordSchema:
        """The version in force on ``at_date`` (YYYY-MM-DD): the newest whose 施行 is not
        after it; the oldest for a date before every version."""
        if not self.versions:
            return self
        return self.versions[bisect.bisect_right(self.starts, at_date)]

    def check(self, record) -> Checked | list[Problem]:
        if not isinstance(record, dict):
            return [Problem("R1102", f"a record is a JSON object, not {values.show(record)}")]
        problems: list[Problem] = []
        rid = record.get("id")
        if type(rid) is str and not rid.isascii():
            rid = nfc(rid)
        if not isinstance(rid, str) or not rid or rid.isspace() or len(rid) > MAX_ID:
            problems.append(_id_problem(rid))
        at = record.get("at")
        try:
            at_text, at_date = normalise_at(at)
            at_problem = None
        except (ValueError, TypeError) as error:
            at_text = at_date = None
            at_problem = _at_problem(at, error)
        kind_event = record.get("type")
        if type(kind_event) is str:
            kind_event = nfc(kind_event)
        schema = self
        if self.versions:
            schema = self.in_force(at_date) if at_date is not None else \
                self._declaring(kind_event)
        checker = schema.types.get(kind_event) if isinstance(kind_event, str) else None
        if checker is None:
            problems.append(self._version_type_problem(schema, kind_event, at_date)
                            if self.versions else self._type_problem(kind_event))
        if at_problem is not None:
            problems.append(at_problem)
        corrects = record.get("corrects")
        if type(corrects) is str and not corrects.isascii():
            corrects = nfc(corrects)
        if corrects is not None and (not isinstance(corrects, str) or not corrects
                                     or corrects.isspace()):
            problems.append(Problem("R1111", f"'corrects' must be the id of a stored record, "
                                    f"not {values.show(corrects)}", "corrects"))
        if checker is None:
            return problems
        fields = self._fields(checker, record, problems)
        if problems:
            if self.versions and at_date is not None:
                return [self._in_version(p, schema, at_date) for p in problems]
            return problems
        data = canonical_json(fields)
        matter = fields.get(checker.key) if checker.key else None
        if matter is not None and type(matter) is not str:
            matter = str(matter)  # the column is text on every backend, and so is the hash
        content = (rid, kind_event, checker.kind, checker.event, at_text, at_date, matter,
                   corrects, data)
        # tuple.__new__ skips the named tuple's Python-level constructor.
        return _new(Checked, (*content, content_hash(content)))

    def _fields(self, checker: _TypeChecker, record: dict, problems: list[Problem]) -> dict:
        if not checker.allowed.issuperset(record):
            record = _normal_members(record, problems)
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
                # text, the commonest field type, without a call but for a text not in NFC
                out[name] = value if value.isascii() or _is_nfc("NFC", value) else nfc(value)
                continue
            try:
                out[name] = check(value, record, checker.agency_fields) if scoped else \
                    (check or values.text)(value)
            except values.Bad as bad:
                problems.append(Problem(bad.code, f"field {name!r} {bad.message}", name,
                                        bad.help))
        return out

    def _declaring(self, kind_event) -> RecordSchema:
        """For a record whose date is unknown: the newest version declaring its type."""
        for version in reversed(self.versions):
            if isinstance(kind_event, str) and kind_event in version.types:
                return version
        return self.versions[-1]

    def _window(self, index: int) -> str:
        """When version ``index`` (oldest first) is in force: "from A to B", "from A",
        "until B"."""
        start = self.starts[index - 1] if index > 0 else None
        end = None
        if index < len(self.starts) and self.starts[index] > "0001-01-01":
            end = (dt.date.fromisoformat(self.starts[index]) - dt.timedelta(days=1)).isoformat()
        if start and end:
            return f"from {start} to {end}"
        if start:
            return f"from {start}"
        return f"until {end}" if end else "always"

    def _in_version(self, problem: Problem, schema: RecordSchema, at_date: str) -> Problem:
        """A missing or unknown field, said of the version in force: it is that version's."""
        if problem.code not in ("R1105", "R1106"):
            return problem
        index = self.versions.index(schema)
        return Problem(problem.code, f"{schema.regime.id}, the version in force on {at_date} "
                       f"({self._window(index)}): {problem.message}", problem.field,
                       problem.help, problem.column)

    def _version_type_problem(self, schema: RecordSchema, kind_event, at_date) -> Problem:
        """R1104 for a regime with versions: name the version in force, and the versions
        that declare the type."""
        problem = schema._type_problem(kind_event)
        if at_date is None:
            return problem
        index = self.versions.index(schema)
        message = (f"{schema.regime.id}, the version in force on {at_date} "
                   f"({self._window(index)}): {problem.message}")
        others = [f"{v.regime.id} (in force {self._window(i)})"
                  for i, v in enumerate(self.versions)
                  if isinstance(kind_event, str) and kind_event in v.types]
        help = (f"{kind_event} is declared only by {', '.join(others)}; a record is checked "
                "against the version in force on its date: check its 'at'"
                if others else problem.help)
        return Problem(problem.code, message, problem.field, help, problem.column)

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




def _normal_members(record: dict, problems: list[Problem]) -> dict:
    """The record with its member names in NFC, for a record naming a member the type does
    not declare (it may be a declared name in another spelling); a member given twice in
    two spellings is R1102, as one given twice in one spelling is."""
    normal: dict = {}
    for name, value in record.items():
        key = nfc(name) if isinstance(name, str) else name
        if key in normal:
            problems.append(Problem("R1102", f"the record gives member '{key}' twice, in two "
                                    "Unicode spellings that print alike", key,
                                    "give each member once: JSON readers disagree on which "
                                    "one counts"))
        normal[key] = value
    return normal


_new = tuple.__new__


def _at_problem(at, error: Exception) -> Problem:
    if isinstance(error, OutOfRange):
        return Problem("R1108", f"'at' is {values.show(at)}, which {error}", "at",
                       "write the time with the offset it was recorded at")
    return Problem(
        "R1108", f"'at' must be an ISO date or date-time, not {values.show(at)}"
        if at is not None else "the record has no 'at' (when it happened)", "at",
        "write 2024-03-01, 2024-03-01T09:30 or 2024-03-01T09:30:00+08:00; without an offset "
        "the time is China Standard Time")


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
                                       tuple((f.name, None if f.check is values.text else
                                              f.check, f.optional, f.scoped is not None)
                                             for f in fields))
    return RecordSchema(regime, types, names)


def compile_versions(resolved) -> RecordSchema:
    """The schema of a resolved regime together with its earlier versions (取代): each
    version compiled once; `RecordSchema.check` picks the one in force on a record's
    date. The engine orders versions the same way (``engine.evaluate.versions_of``).
    """
    newest = compile_schema(resolved.regime)
    older = [version.regime for version in getattr(resolved, "versions", ())]
    if not older:
        return newest
    schemas = [newest, *(compile_schema(regime) for regime in older)]
    schemas.sort(key=lambda s: s.regime.effective or dt.date.min)
    newest.versions = tuple(schemas)
    newest.starts = tuple((s.regime.effective or dt.date.min).isoformat()
                          for s in schemas[1:])
    return newest


def _field(name: str, type_, optional: bool, names: NameTable) -> _Field:
    if type_.kind == "choice":
        return _Field(name, values.choice(type_.choices), optional, None)
    if type_.kind == "agency":
        return _Field(name, names.agency, optional, None)
    if type_.kind in ("body", "post", "power"):
        return _Field(name, names.scoped(type_.kind), optional, type_.kind)
    return _Field(name, values.SIMPLE.get(type_.kind, values.text), optional, None)

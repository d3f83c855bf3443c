"""Names and scopes of a resolved regime, and looking references up in them.

Top-level names — of every kind of element in ``respons.model.kinds``: agencies, record
kinds, duties, faults… — share one scope, so that a name used in the wrong place is
reported as the wrong kind of thing rather than as unknown; a kind is called by its noun
there ("record kind"). Powers, bodies and posts are scoped by their agency; fields and
events by their record kind.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from respons.diagnostics.diagnostic import Sink, related
from respons.diagnostics.suggest import did_you_mean
from respons.model.agency import Agency
from respons.model.base import Ref
from respons.model.kinds import article, elements
from respons.model.record import RecordKind
from respons.model.regime import Regime
from respons.syntax.lost import Lost

__all__ = ["AgencyScope", "Found", "Index", "RecordScope", "article"]


@attrs.define
class AgencyScope:
    agency: Agency
    powers: dict = attrs.Factory(dict)
    bodies: dict = attrs.Factory(dict)
    posts: dict = attrs.Factory(dict)


@attrs.define
class RecordScope:
    kind: RecordKind
    fields: dict = attrs.Factory(dict)
    events: dict = attrs.Factory(dict)


@attrs.define
class Found:
    """What a reference points at: its kind, the element, and the scope it was found in."""

    kind: str
    element: object
    owner: object = None


class Index:
    """Every declared name of a regime, built once; reports duplicates as it goes."""

    def __init__(self, regime: Regime, sink: Sink, lost: Lost | None = None) -> None:
        self.regime = regime
        self.sink = sink
        #: what syntax errors may have taken away: a name it may hold is not "undefined"
        self.lost = lost or Lost()
        self.top: dict[str, tuple[str, object]] = {}
        self.agencies: dict[str, AgencyScope] = {}
        self.records: dict[str, RecordScope] = {}
        self._candidates: dict[frozenset[str], list[str]] = {}
        for kind, element in elements(regime):
            self._declare(self.top, element.name, (kind.noun, element), element, kind.noun)
        for agency in regime.agencies:
            self.agencies.setdefault(agency.name, self._agency_scope(agency))
        for record in regime.records:
            self.records.setdefault(record.name, self._record_scope(record))

    def _declare(self, table: dict, name: str, value, element, kind: str) -> None:
        if name in table:
            previous = table[name]
            previous_element = previous[1] if isinstance(previous, tuple) else previous
            previous_kind = previous[0] if isinstance(previous, tuple) else kind
            self.sink.add("R0202", f"{name!r} is declared twice (first as a {previous_kind})",
                          element.span, "give each declaration its own name",
                          related(previous_element.span, "first declared here"))
            return
        table[name] = value

    def _agency_scope(self, agency: Agency) -> AgencyScope:
        scope = AgencyScope(agency)
        for power in agency.powers:
            self._declare(scope.powers, power.name, power, power, "power")
        for body in agency.bodies:
            self._declare(scope.bodies, body.name, body, body, "body")
        for _, post in agency.all_posts():
            self._declare(scope.posts, post.name, post, post, "post")
        return scope

    def _record_scope(self, record: RecordKind) -> RecordScope:
        scope = RecordScope(record)
        for field in record.fields:
            self._declare(scope.fields, field.name, field, field, "field")
        for event in record.events:
            self._declare(scope.events, event.name, event, event, "event")
        return scope

    # ── lookups ──────────────────────────────────────────────────────────────────
    def names_of(self, kinds: Iterable[str]) -> list[str]:
        kinds = set(kinds)
        return [name for name, (kind, _) in self.top.items() if kind in kinds]

    def find(self, ref: Ref) -> Found | None:
        """Resolve a (possibly dotted) reference without reporting anything."""
        head = self.top.get(ref.head)
        if head is None:
            return None
        kind, element = head
        if len(ref.parts) == 1:
            return Found(kind, element)
        if kind == "record kind" and len(ref.parts) == 2:
            scope = self.records.get(ref.head)
            if scope is not None and ref.parts[1] in scope.events:
                return Found("event", scope.events[ref.parts[1]], scope.kind)
            return None
        if kind == "agency":
            scope = self.agencies.get(ref.head)
            return self._find_in_agency(scope, ref.parts[1:]) if scope else None
        return None

    def _find_in_agency(self, scope: AgencyScope, parts) -> Found | None:
        if len(parts) == 1:
            name = parts[0]
            for kind, table in (("post", scope.posts), ("body", scope.bodies),
                                ("power", scope.powers)):
                if name in table:
                    return Found(kind, table[name], scope.agency)
            return None
        if len(parts) == 2 and parts[0] in scope.bodies:
            body = scope.bodies[parts[0]]
            for post in body.posts:
                if post.name == parts[1]:
                    return Found("post", post, scope.agency)
        return None

    def lookup(self, ref: Ref, kinds: tuple[str, ...], what: str) -> Found | None:
        """Resolve ``ref`` expecting one of ``kinds``; report R0201/R0203 when it fails."""
        found = self.find(ref)
        if found is not None and found.kind in kinds:
            return found
        expected = " or ".join(kinds)
        if found is None and self.lost.hides(ref, kinds):
            return None
        if found is not None:
            self.sink.add("R0203", f"{ref.text!r} is {article(found.kind)}, but {what} must "
                          f"name {article(expected)}", ref.span,
                          f"name {article(expected)} here"
                          + did_you_mean(ref.text, self.candidates(kinds)))
            return None
        self.sink.add("R0201", f"{what} names {ref.text!r}, which is not declared"
                      + did_you_mean(ref.text, self.candidates(kinds)), ref.span,
                      f"correct the name, or declare the {expected}")
        return None

    def candidates(self, kinds: Iterable[str]) -> list[str]:
        """Every name of ``kinds`` (dotted below agencies and record kinds), listed once
        per regime and kinds: each unknown name would otherwise list them all again."""
        key = frozenset(kinds)
        if key not in self._candidates:
            self._candidates[key] = self._list(key)
        return self._candidates[key]

    def _list(self, kinds: frozenset[str]) -> list[str]:
        names = [name for name, (kind, _) in self.top.items() if kind in kinds]
        if "event" in kinds:
            names += [f"{r}.{e}" for r, scope in self.records.items() for e in scope.events]
        if kinds & {"post", "body", "power"}:
            for agency_name, scope in self.agencies.items():
                for kind, table in (("post", scope.posts), ("body", scope.bodies),
                                    ("power", scope.powers)):
                    if kind in kinds:
                        names += [f"{agency_name}.{n}" for n in table]
        return names

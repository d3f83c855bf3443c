"""Attribution: who bears a fault in a case, in what share and kind — and, per person, what
falls on them (the "按 人员" grouping, which assessment reuses for its consequences).

A 责任划分 rule whose situation holds names bearers (``respons.model.bearers``): a field of
the case file, or a kind of bearer that the case file names in its field of the same
spelling (`承办人`, `审核人`…). A field may name several people (`张三、李四`: split on 、
，, ; ；). Every rule that holds applies — hangzhou 38(六) adds the entrusting head "除按前款
规定…外" — in the order written. 并 makes each named person bear it; 或 leaves the choice
among them to the decision-maker; 分别 makes each bear their own part (between levels,
guizhou-edu 11(六)). A kind that bears nothing (持不同意见者) is listed as bearing nothing.

`by_person` is the grouping: person → every share they bear, with the rule behind each.
"""

from __future__ import annotations

import re

import attrs

from respons.model import bearers as table
from respons.model.base import Ref
from respons.model.liability import Apportionment, Bearer, Bearing
from respons.model.record import RecordKind

_SEPARATORS = re.compile(r"[、，,;；]")


@attrs.frozen
class Share:
    """One person (or agency) bearing a fault by one rule."""

    person: str | None  # None: the case file does not name them
    bearer: Bearer
    rule: Bearing
    who: str  # "officer" or "agency"
    field: str | None  # the case file's field that named them
    bears: bool = True

    @property
    def responsibility(self) -> str | None:
        kind = table.kind_of(self.bearer.reference)
        return self.bearer.kind or (kind.responsibility if kind else None)


#: id(kind) → (the kind, its field names, name → type kind): looked up for every bearer
#: of every case, made once per kind (the kind kept so that its id stays its own).
_KINDS: dict[int, tuple[RecordKind, frozenset[str], dict[str, str]]] = {}


def _fields_of(kind: RecordKind | None) -> tuple[frozenset[str], dict[str, str]]:
    if kind is None:
        return frozenset(), {}
    found = _KINDS.get(id(kind))
    if found is None or found[0] is not kind:
        found = _KINDS[id(kind)] = (kind, frozenset(f.name for f in kind.fields),
                                    {f.name: f.type.kind for f in kind.fields})
    return found[1], found[2]


def field_for(bearer: Bearer, kind: RecordKind | None) -> str | None:
    """The case record's field that names ``bearer``: the reference itself, or the first
    spelling of its kind that is a field."""
    names = _fields_of(kind)[0]
    if bearer.reference in names:
        return bearer.reference
    found = table.kind_of(bearer.reference)
    if found is None:
        return None
    return next((s for s in (*found.spellings, found.canonical) if s in names), None)


def _who(bearer: Bearer, kind: RecordKind | None, field: str | None) -> str:
    found = table.kind_of(bearer.reference)
    if found is not None:
        return found.who
    return "agency" if _fields_of(kind)[1].get(field) in ("agency", "body") else "officer"


def people(value) -> tuple[str, ...]:
    """The names a field's value holds, in order, each once."""
    if value is None or isinstance(value, bool):
        return ()
    if type(value) is str and _SEPARATORS.search(value) is None:
        # One name, as most case files give it: no splitting to do.
        name = value.strip()
        return (name,) if name else ()
    out: list[str] = []
    for part in _SEPARATORS.split(str(value)):
        name = part.strip()
        if name and name not in out:
            out.append(name)
    return tuple(out)


def attribute(apportionment: Apportionment | None, holds, fields: dict,
              kind: RecordKind | None) -> tuple[Share, ...]:
    """Every share of the case: the rules of ``apportionment`` whose situation ``holds``."""
    if apportionment is None:
        return ()
    shares: list[Share] = []
    for rule in apportionment.rules:
        if not holds(rule.condition):
            continue
        bearers = _bearers(rule, kind)
        # 或: the ones the case file names are the choice; one it does not name is none.
        named_any = rule.joiner == "or" and any(
            people(fields.get(field)) for _, field, _, _ in bearers if field)
        for bearer, field, bears, who in bearers:
            named = people(fields.get(field)) if field else ()
            if not named and not named_any:
                shares.append(Share(None, bearer, rule, who, field, bears))
            for person in named:
                shares.append(Share(person, bearer, rule, who, field, bears))
    return tuple(shares)


#: (id(rule), id(kind)) → (rule, kind, each bearer with its field, whether it bears, who)
_RULES: dict[tuple[int, int], tuple] = {}


def _bearers(rule: Bearing, kind: RecordKind | None) -> tuple:
    """Each bearer of ``rule`` with what the case record's kind says of it — the field
    naming it, whether it bears, officer or agency — once per rule and kind."""
    found = _RULES.get((id(rule), id(kind)))
    if found is None or found[0] is not rule or found[1] is not kind:
        plan = []
        for bearer in rule.bearers:
            field = field_for(bearer, kind)
            known = table.kind_of(bearer.reference)
            plan.append((bearer, field, known.bears if known is not None else True,
                         _who(bearer, kind, field)))
        found = _RULES[(id(rule), id(kind))] = (rule, kind, tuple(plan))
    return found[2]


def standing_shares(fault, count, fields: dict) -> tuple[Share, ...]:
    """Who bears a standing fault where no 责任划分 says: the subject its count is per —
    the value of each 按 key that names a person or agency."""
    shares = []
    for group in count.groups:
        bearer = Bearer(group.field)
        rule = Bearing(Ref((fault.name,)), (bearer,), fault.citation)
        for person in people(fields.get(group.field)):
            shares.append(Share(person, bearer, rule, "officer", group.field))
    return tuple(shares)


#: 施于 words → the kind of bearer whose field names that person (respons.model.bearers).
_FALLS_ON_KIND = {"principal": "principal", "deputy": "deputy", "officer": "handler"}


def falls_on(measure, fields: dict, kind: RecordKind | None) -> dict[str, tuple[str, ...]]:
    """On whom ``measure`` falls in this case: each of its 施于 words with the people the
    case file names for it (the unit's principal in its field 主要负责人…); a word the file
    names no one for maps to ()."""
    out: dict[str, tuple[str, ...]] = {}
    for word in measure.falls_on:
        bearer = _FALLS_ON_KIND.get(word)
        if bearer is not None:
            field = field_for(Bearer(table.BY_NAME[bearer].spellings[0]), kind)
        else:  # the unit: the case record's first agency field
            field = next((f.name for f in (kind.fields if kind else ())
                          if f.type.kind == "agency"), None)
        out[word] = people(fields.get(field)) if field else ()
    return out


def by_person(shares) -> dict[str, list[Share]]:
    """Person → their shares, in the order first named (the 按 人员 grouping)."""
    grouped: dict[str, list[Share]] = {}
    for share in shares:
        if share.person is not None:
            grouped.setdefault(share.person, []).append(share)
    return grouped

"""Scenarios say what they can mean (R0201–R0203, R1301–R1305).

Every name a scenario uses exists — the record kinds and events of its records, their
fields, the duties and agencies of its expectations — and every value fits its field as
docs/records.md types it, so a scenario with a misspelt choice fails `respons check`
rather than passing or failing for the wrong reason in `respons test`. Each obligation is
expected once; record ids are unique and a correction names an earlier record.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.diagnostic import related
from respons.diagnostics.suggest import did_you_mean
from respons.model.base import Ref
from respons.model.record import Field, RecordKind
from respons.model.scenario import (
    HELD,
    TRUTH,
    AssessmentExpected,
    Given,
    GivenField,
    LiabilityExpected,
    NoNotice,
    NoObligation,
    NoRight,
    NoticeExpected,
    NotPursued,
    ObligationExpected,
    RightExpected,
    Scenario,
    carried,
    held_as,
    named_by,
)

#: What a value of each field type is written as (docs/records.md, "Field types").
_WRITTEN = {"text": "text (in quotes, or a bare name)", "officer": "a person's name",
            "ref": "the key of a matter", "number": "a number", "integer": "a whole number",
            "money": "an amount in 元", "date": "a date (YYYY-MM-DD)",
            "datetime": "a date or a time (YYYY-MM-DDTHH:MM)", "boolean": "是 or 否",
            "agency": "the name of an agency", "body": "the name of a body",
            "post": "the name of a post", "power": "the name of a power"}
_TEXTUAL = ("string", "name")


def check(ctx: RuleContext) -> None:
    seen: dict[str, Scenario] = {}
    for scenario in ctx.regime.scenarios:
        if scenario.name in seen:
            ctx.sink.add("R0202", f"scenario {scenario.name!r} is declared twice", scenario.span,
                         "give each scenario its own name",
                         related(seen[scenario.name].span, "first declared here"))
        seen.setdefault(scenario.name, scenario)
        _records(ctx, scenario)
        _expectations(ctx, scenario)


def _find(ctx: RuleContext, ref: Ref, kinds: tuple[str, ...], what: str):
    """The element ``ref`` names, or None — reported unless the file had syntax errors
    (then the element may be in a block that did not parse)."""
    found = ctx.index.find(ref)
    if found is not None and found.kind in kinds:
        return found
    if ctx.complete or found is not None:
        ctx.index.lookup(ref, kinds, what)
    return None


# ── records ──────────────────────────────────────────────────────────────────────
def _records(ctx: RuleContext, scenario: Scenario) -> None:
    ids = scenario.record_ids
    first_of: dict[str, Given] = {}
    with_carried = carried(scenario.records)
    for number, (record, id) in enumerate(zip(scenario.records, ids, strict=True)):
        if id in first_of:
            ctx.sink.add("R1304", f"two records of this scenario have the id {id!r}",
                         record.span, "give each record its own id: `记录 <id> <kind>.<event> …`",
                         related(first_of[id].span, "the first record with it"))
        first_of.setdefault(id, record)
        if record.corrects is not None:
            earlier = ids[:number]
            if record.corrects == id:
                ctx.sink.add("R1304", f"record {id!r} corrects itself", record.span,
                             "a correction has its own id and names the record it corrects")
            elif record.corrects not in earlier:
                ctx.sink.add("R1304", f"`更正`/`corrects` names {record.corrects!r}, which "
                             "no earlier record of this scenario has as its id"
                             + did_you_mean(record.corrects, earlier), record.span,
                             "name the id of a record written before the correction")
        found = _find(ctx, record.type, ("event",), "a scenario's record")
        if found is not None:
            _record(ctx, record, found.owner, with_carried[number])


def _record(ctx: RuleContext, record: Given, kind: RecordKind,
            every: tuple[GivenField, ...]) -> None:
    if kind.key is None and record.matter is not None:
        ctx.sink.add("R1303", f"{kind.name} has no key (主键), so its records name no matter, "
                     f"but this one names {record.matter.text!r}", record.matter.span,
                     f"write `记录 {record.type.text} <date> …` without the matter")
    elif kind.key is not None and record.matter is None:
        ctx.sink.add("R1303", f"this record names no matter: {kind.name}'s key "
                     f"{kind.key!r} must be given", record.type.span,
                     f"write the {kind.key} after the event: "
                     f"`记录 {record.type.text} <{kind.key}> <date> …`")
    fields = {f.name: f for f in kind.fields}
    given: dict[str, object] = {}
    for field in record.fields:
        if field.name in given:
            ctx.sink.add("R0108", f"the field {field.name!r} is given twice in this record",
                         field.span, "give each field once")
            continue
        given[field.name] = field
        declared = fields.get(field.name)
        if declared is None:
            hint = f"; the key {kind.key} is written after the event" \
                if field.name == kind.key else did_you_mean(field.name, fields)
            ctx.sink.add("R0201", f"{kind.name} has no field {field.name!r}{hint}",
                         field.span, f"the fields of {kind.name}: "
                         + (", ".join(fields) or "none"))
            continue
        problem = _misfit(ctx, field.value, declared)
        if problem is not None:
            message, help = problem
            ctx.sink.add("R1301", f"{field.name} is {_WRITTEN.get(declared.type.kind, '')}"
                         f"{_choices(declared)}: {message}", field.value.span, help)
    present = {f.name for f in every}  # those of the matter's earlier records count too
    missing = [f.name for f in kind.fields if not f.optional and f.name not in present]
    if missing:
        ctx.sink.add("R1303", f"this {kind.name} record lacks "
                     + ", ".join(repr(m) for m in missing)
                     + (" (not optional)" if len(missing) == 1 else " (none is optional)"),
                     record.span, "give " + ", ".join(f"`{m} = …`" for m in missing))


def _choices(field: Field) -> str:
    return "" if field.type.kind != "choice" else \
        "one of " + ", ".join(f'"{c}"' for c in field.type.choices)


def _misfit(ctx: RuleContext, datum, field: Field) -> tuple[str, str] | None:
    """Why ``datum`` cannot be the value of ``field`` — (message, help) — or None."""
    kind, written = field.type.kind, datum.kind
    text = datum.text
    if kind == "choice":
        if written in _TEXTUAL and text in field.type.choices:
            return None
        return (f"{text!r} is not one of them" + did_you_mean(text, field.type.choices),
                "write one of the listed words")
    if kind in ("text", "officer", "ref"):
        return None if written in _TEXTUAL else (f"{text} is not text",
                                                  f'write it in quotes: "{text}"')
    if kind in ("number", "integer", "money"):
        if written == "number" and (kind != "integer" or float(datum.value).is_integer()):
            return None
        if kind == "money" and written == "string":
            return None  # "1234.50": the amount's digits are the records' check's
        return (f"{text} is not {_WRITTEN[kind]}", f"write {_WRITTEN[kind]}, e.g. 3")
    if kind == "date":
        return None if written == "date" else (f"{text} is not a date",
                                               "write the date as YYYY-MM-DD")
    if kind == "datetime":
        return None if written in ("date", "time") else (
            f"{text} is not a date or a time", "write YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    if kind == "boolean":
        if written == "name" and TRUTH.get(text) is not None:
            return None
        return f"{text} is not 是 or 否", "write 是 (true) or 否 (false), without quotes"
    if written not in _TEXTUAL:
        return f"{text} is not a name", f"write the name of the {kind}"
    if kind == "agency":
        agencies = ctx.index.names_of(("agency",))
        return None if text in agencies else (
            f"no agency {text!r} is declared" + did_you_mean(text, agencies),
            "name an agency the regime declares")
    found = ctx.index.find(Ref(tuple(text.split("."))))
    scopes = ctx.index.agencies.values()
    if (found is not None and found.kind == kind) or (
            "." not in text and any(text in getattr(s, _SCOPE[kind]) for s in scopes)):
        return None  # which agency's it is, where several declare it, the records' check says
    names = ctx.index.candidates((kind,))
    return (f"no {kind} {text!r} is declared" + did_you_mean(text, names),
            f"name a {kind} the regime declares, with its agency: <agency>.<{kind}>")


#: a kind of name → the members of `AgencyScope` holding those it declares
_SCOPE = {"body": "bodies", "post": "posts", "power": "powers"}


# ── expectations ─────────────────────────────────────────────────────────────────
def _expectations(ctx: RuleContext, scenario: Scenario) -> None:
    ids = scenario.record_ids
    expected: dict[tuple, object] = {}
    for expectation in scenario.expectations:
        if isinstance(expectation, LiabilityExpected | NotPursued):
            _liability(ctx, expectation)
            continue
        if isinstance(expectation, AssessmentExpected):
            continue  # respons.check.rules.assessment_scenarios checks these
        if isinstance(expectation, NoticeExpected | NoNotice):
            _notice(ctx, expectation, expected)
            continue
        # 预期 权利 names a right (权利), 预期 职责 a duty: the same checks otherwise.
        rights = isinstance(expectation, RightExpected | NoRight)
        found = _find(ctx, expectation.duty, ("right",) if rights else ("duty",),
                      "an expectation")
        which = expectation.which
        if found is not None:
            _matter(ctx, expectation, found.element)
        for datum, what in ((which.start, "起算/starts"), (_met_by(expectation), "完成/met-by")):
            if datum is not None and datum.kind in _TEXTUAL and datum.text not in ids:
                ctx.sink.add("R1304", f"{what} names {datum.text!r}, which is the id of no "
                             "record of this scenario" + did_you_mean(datum.text, ids),
                             datum.span, "name a record's id (`记录 <id> …`), or its date")
        _duplicate(ctx, expectation, expected)
        if isinstance(expectation, ObligationExpected):
            _facts(ctx, expectation)


def _notice(ctx: RuleContext, expectation, expected: dict) -> None:
    """A notice expectation names a notice of the regime, and elements it has; each notice
    (on a matter, on a date) is expected once."""
    found = _find(ctx, expectation.notice, ("notice",), "an expectation")
    if found is not None and isinstance(expectation, NoticeExpected):
        names = [e.name for e in found.element.elements]
        for fact in expectation.facts:
            if fact.name.startswith("element:") and fact.name[8:] not in names:
                ctx.sink.add("R0201", f"{found.element.name} has no element {fact.name[8:]!r}"
                             + did_you_mean(fact.name[8:], names), fact.span,
                             "name one of its 要素: " + "、".join(names))
    key = ("notice", expectation.notice.text,
           expectation.matter.text if expectation.matter else None, expectation.as_of)
    if key in expected:
        ctx.sink.add("R1302", f"this expectation of {key[1]} "
                     + (f"for {key[2]} " if key[2] else "")
                     + "repeats or contradicts another", expectation.span,
                     "expect each notice once, on each date",
                     related(expected[key].span, "the other expectation"))
        return
    expected[key] = expectation


def _liability(ctx: RuleContext, expectation) -> None:
    """A liability expectation names a ladder of a proceeding, and measures declared."""
    if not ctx.regime.proceedings:
        ctx.sink.add("R1306", "this expectation is of a fault case, but the regime has no "
                     "proceeding (追究) to apply its ladders", expectation.span,
                     "add `追究 <名称> { 案件 <记录>.<事件>; 阶梯 … }`")
    ladders = []
    if expectation.ladder is not None:
        found = _find(ctx, expectation.ladder, ("ladder",), "an expectation")
        ladders = [found.element] if found is not None else []
    else:
        ladders = [found.element for p in ctx.regime.proceedings for ref in p.ladders
                   if (found := ctx.index.find(ref)) is not None and found.kind == "ladder"]
    for option in getattr(expectation, "measures", None) or ():
        for name in option:
            _find(ctx, Ref((name,), span=expectation.span), ("measure",), "an expectation")
    if expectation.held and (ladders or ctx.complete):
        _held(ctx, expectation, ladders)


#: What each liability fact speaks of, for messages.
_HELD_WHAT = {"aggravated": "从重 that applies", "mitigated": "从轻 that applies",
              "pending": "modifier left to the decision-maker (可以, or 或 between its effects)",
              "because": "exemption (不予追究, or a bound 免予追究)"}


def _held(ctx: RuleContext, expectation, ladders) -> None:
    """从重/从轻/待定/因 X: X is a name the condition of a modifier of that kind uses, in the
    ladder named (or the ladders the proceedings apply) — directly or through a named
    condition or circumstance (`named_by`); a modifier of another kind is another word."""
    bodies = {c.name: c.condition for c in ctx.regime.conditions if c.condition is not None}
    bodies.update({c.name: c.condition for c in ctx.regime.circumstances
                   if c.condition is not None})
    kinds: dict[str, list[str]] = {}  # name → the facts a modifier it names is expected with
    for ladder in ladders:
        for modifier in ladder.modifiers:
            for name in named_by(modifier.condition, bodies):
                kinds.setdefault(name, []).append(held_as(modifier))
    where = f"ladder {expectation.ladder.text}" if expectation.ladder is not None \
        else "the ladders of the proceedings"
    for fact in expectation.held:
        mine = [n for n, facts in kinds.items() if fact.name in facts]
        for name in fact.value:
            other = kinds.get(name, [])
            if fact.name in other:
                continue
            if other:
                word = HELD[other[0]]
                ctx.sink.add("R1305", f"{name!r} is named by a {_HELD_WHAT[other[0]]} of {where}"
                             f", which a scenario expects with `{word}`, not "
                             f"`{HELD[fact.name]}`", fact.span, f"write `{word} {name}`")
                continue
            listed = "、".join(mine[:8]) + ("…" if len(mine) > 8 else "")
            ctx.sink.add("R0201", f"no {_HELD_WHAT[fact.name]} of {where} names {name!r}"
                         + did_you_mean(name, mine), fact.span,
                         f"name a circumstance or named condition its condition uses: {listed}"
                         if mine else f"{where} has no {_HELD_WHAT[fact.name]}")


def _met_by(expectation):
    fact = expectation.fact("met_by") if isinstance(expectation, ObligationExpected) else None
    return fact.value if fact is not None else None


def _matter(ctx: RuleContext, expectation, duty) -> None:
    if duty.starts is None or expectation.which.matter is None:
        return
    # A duty starts on a trigger (起算 E 限于 …), a right on the event itself.
    event = getattr(duty.starts, "event", duty.starts)
    found = ctx.index.find(Ref((event.head,)))
    kind = found.element if found is not None and found.kind == "record kind" else None
    if kind is not None and kind.key is None:
        ctx.sink.add("R1303", f"{duty.name} starts with {kind.name} records, which have no key "
                     f"(主键), so its obligations have no matter to name",
                     expectation.which.matter.span,
                     "say which obligation by its start: `起算 <record id or date>`")


def _key(expectation) -> tuple:
    which = expectation.which
    return (type(expectation) in (RightExpected, NoRight), expectation.duty.text,
            which.matter.text if which.matter else None,
            which.start.text if which.start else None, expectation.as_of)


def _duplicate(ctx: RuleContext, expectation, expected: dict) -> None:
    key = _key(expectation)
    clash = next((other for other_key, other in expected.items()
                  if _conflict(key, expectation, other_key, other)), None)
    if clash is not None:
        ctx.sink.add("R1302", f"this expectation of {key[1]} "
                     + (f"for {key[2]} " if key[2] else "")
                     + "repeats or contradicts another", expectation.span,
                     "expect each obligation once, on each date",
                     related(clash.span, "the other expectation"))
        return
    expected[key] = expectation


def _conflict(key: tuple, expectation, other_key: tuple, other) -> bool:
    """Whether two expectations say the same, or opposite things, of one obligation."""
    if key == other_key:
        return True
    if key[:2] != other_key[:2] or key[4] != other_key[4]:
        return False  # another duty or right, or another date
    none, other_none = isinstance(expectation, NoObligation), isinstance(other, NoObligation)
    if none and other_none:
        return False  # no obligation for one matter, nor for another
    # 预期 无 职责 D without a matter says D has no obligation at all; with one, none for it.
    if (none and key[2] is None) or (other_none and other_key[2] is None):
        return True
    return none != other_none and key[2] == other_key[2]


def _facts(ctx: RuleContext, expectation: ObligationExpected) -> None:
    state = expectation.fact("state")
    met_by, due = expectation.fact("met_by"), expectation.fact("due")
    agency = expectation.fact("agency")
    if agency is not None and agency.value is not None:
        _find(ctx, Ref(tuple(agency.value.split(".")), span=agency.span), ("agency",),
              "an expectation's 机关/agency")
    if state is None or state.value is None:
        return
    done = state.value in ("met", "met_late", "exercised", "exercised_late")
    if met_by is not None and (met_by.value is not None) != done:
        ctx.sink.add("R1305", "an obligation is met by a record exactly when it is 按期完成 or "
                     f"逾期完成, and this one is expected {state.value}", met_by.span,
                     "write the state and 完成/met-by so that they agree")
    if state.value == "unknown" and due is not None and due.value is not None:
        ctx.sink.add("R1305", "an obligation whose due date cannot be determined has none, "
                     f"but {due.value} is expected", due.span, "write `到期 无`, or leave it out")

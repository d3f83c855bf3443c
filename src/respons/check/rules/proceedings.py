"""Liability applied to cases: proceedings, bearers, counts per subject, steps that can
never apply, a lighter step that keeps a higher one open (保留较高级), and the defence
that never raises a measure (R0607–R0614).

A proceeding (追究) names the record type whose records are fault cases and the fields of
that record that name the fault, the circumstances found and a defence; its ladders and its
责任划分 must exist. A bearer is a field of a case record or a kind of bearer
(``respons.model.bearers``). `案件.FIELD` in a liability condition is a field of the case
record of every proceeding; a count's `按 FIELD 对应 CASEFIELD` groups by a field of the
counted record and of the case. Catala's rule (STYLE: law's priorities): the highest step
whose condition holds applies, so a lower step whose condition includes a higher one's can
never apply — an error, not a coin toss — unless it is a permitted lighter step that
keeps the higher one open (保留较高级, samr 15: R0614 where it is not 可以). henan 24,
tongzhou 实施细则 15, dacheng 11: a defence never raises a measure, so no step or 从重 may
read the defence field.
"""

from __future__ import annotations

from respons.check.rules import RuleContext, types
from respons.diagnostics.diagnostic import related
from respons.diagnostics.suggest import did_you_mean
from respons.model import bearers as bearer_table
from respons.model.base import Ref
from respons.model.condition import AllOf, Compare, refs_in
from respons.model.liability import is_case_field
from respons.model.record import RecordKind

#: Field types that can name who bears a fault.
_WHO = frozenset({"officer", "agency", "body", "post", "text", "choice", None})


def case_kinds(ctx: RuleContext) -> list[RecordKind]:
    """The record kinds of the regime's proceedings' cases, each once."""
    kinds: list[RecordKind] = []
    for proceeding in ctx.regime.proceedings:
        kind = case_kind(ctx, proceeding)
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    return kinds


def _kinds_of(ctx: RuleContext, proceedings) -> list[RecordKind]:
    """The case record kinds of ``proceedings``, each once."""
    kinds: list[RecordKind] = []
    for proceeding in proceedings:
        kind = case_kind(ctx, proceeding)
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    return kinds


def _reading(ctx: RuleContext, name: str, definitions: dict) -> list:
    """The proceedings whose ladders or 责任划分 read ``name``, directly or through named
    conditions and circumstances."""
    ladders = {ladder.name: ladder for ladder in ctx.regime.ladders}
    apportionments = {a.name: a for a in ctx.regime.apportionments}
    found = []
    for proceeding in ctx.regime.proceedings:
        conditions = []
        for ref in proceeding.ladders:
            ladder = ladders.get(ref.text)
            if ladder is not None:
                conditions += [s.condition for s in ladder.steps]
                conditions += [m.condition for m in ladder.modifiers]
        if proceeding.apportionment is not None:
            rules = apportionments.get(proceeding.apportionment.text)
            conditions += [r.condition for r in rules.rules] if rules is not None else []
        if name in _names_read(conditions, definitions):
            found.append(proceeding)
    return found


def _names_read(conditions, definitions: dict) -> set[str]:
    """Every name ``conditions`` mention, through the named conditions they use."""
    seen: set[str] = set()
    stack = [c for c in conditions if c is not None]
    while stack:
        for ref in refs_in(stack.pop()):
            if ref.text not in seen:
                seen.add(ref.text)
                if ref.text in definitions:
                    stack.append(definitions[ref.text])
    return seen


def case_kind(ctx: RuleContext, proceeding) -> RecordKind | None:
    if proceeding.case is None:
        return None
    found = ctx.index.find(proceeding.case)
    return found.owner if found is not None and found.kind == "event" else None


def check(ctx: RuleContext) -> None:
    for proceeding in ctx.regime.proceedings:
        _proceeding(ctx, proceeding)
    kinds = case_kinds(ctx)
    definitions = {c.name: c.condition for c in ctx.regime.conditions if c.condition}
    definitions.update({c.name: c.condition for c in ctx.regime.circumstances if c.condition})
    # A bearer or a count is read off the case records of the proceedings that use it — a
    # field the rule needs need not be declared on the cases of a proceeding that never
    # applies it (guizhou-edu's 纠正过错 does not apportion) — and off every case record
    # where no proceeding uses it yet.
    for apportionment in ctx.regime.apportionments:
        users = [p for p in ctx.regime.proceedings
                 if p.apportionment is not None and p.apportionment.text == apportionment.name]
        for rule in apportionment.rules:
            for bearer in rule.bearers:
                _bearer(ctx, bearer, _kinds_of(ctx, users) or kinds)
    for circumstance in ctx.regime.circumstances:
        reading = _kinds_of(ctx, _reading(ctx, circumstance.name, definitions)) or kinds
        if circumstance.count is not None:
            _group(ctx, circumstance.name, circumstance.count, reading)
        if circumstance.found_by is not None:
            _finder(ctx, circumstance, reading)
    for fault in ctx.regime.faults:
        if fault.count is not None:
            _group(ctx, fault.name, fault.count, kinds)
    for ladder in ctx.regime.ladders:
        _reachable(ctx, ladder, definitions)
        _kept(ctx, ladder)
    _defence(ctx, definitions)
    for right in ctx.regime.rights:
        _right(ctx, right)
    for duty in ctx.regime.duties:
        if duty.due_field is not None and duty.starts is not None:
            found = ctx.index.find(Ref((duty.starts.event.head,)))
            if found is not None and found.kind == "record kind":
                starting_field(ctx, found.element, duty.due_field, ("date", "datetime"),
                               f"期限 至 of duty {duty.name}", duty.span)


def _right(ctx: RuleContext, right) -> None:
    """A right starts at an event and is exercised by events; a window until a field's
    date names a date field of the starting record, and its holder a field of it."""
    kind = None
    if right.starts is not None:
        found = ctx.index.lookup(right.starts, ("event",), "起算/starts of a right")
        kind = found.owner if found is not None else None
    for ref in right.exercised_by:
        ctx.index.lookup(ref, ("event",), "行使/exercised-by")
    if kind is None:
        return
    for name, wanted, word in ((right.until_field, ("date", "datetime"), "期限 至"),
                               (right.holder, None, "权利人/holder")):
        if name is not None:
            starting_field(ctx, kind, name, wanted, f"{word} of right {right.name}", right.span,
                           "the last day of the window")


def starting_field(ctx: RuleContext, kind, name: str, wanted, what: str, span,
                   last_day: str = "the day it is due") -> None:
    """``name`` is a field of ``kind``, the record that starts a clock — of a type in
    ``wanted`` where given (a date for 期限 至: the clock's last day)."""
    field = kind_field(kind, name)
    if field is None:
        ctx.sink.add("R0403", f"record kind {kind.name!r} has no field {name!r}"
                     + did_you_mean(name, [f.name for f in kind.fields]), span,
                     f"{what} names a field of {kind.name}, the record that starts it: "
                     f"declare `字段 {name} …`")
    elif wanted is not None and field.type.kind not in wanted:
        ctx.sink.add("R0403", f"{what} names {name!r}, a {types.type_word(field)} field, "
                     "not a date", span, f"declare `字段 {name} 日期`: {last_day}")


def _proceeding(ctx: RuleContext, proceeding) -> None:
    kind = None
    if proceeding.case is not None:
        found = ctx.index.lookup(proceeding.case, ("event",), "案件/case")
        kind = found.owner if found is not None else None
    for ref in proceeding.ladders:
        ctx.index.lookup(ref, ("ladder",), "阶梯/ladder of a proceeding")
    if proceeding.apportionment is not None:
        ctx.index.lookup(proceeding.apportionment, ("apportionment rule",),
                         "责任划分/apportion")
    if proceeding.case is None and not _standing(ctx, proceeding):
        ctx.sink.add("R0609", f"proceeding {proceeding.name} names no case record (案件) and "
                     "its ladders test no standing fault", proceeding.span,
                     "add `案件 <记录>.<事件>`: the records that are fault cases")
    fields = {f.name: f for f in kind.fields} if kind is not None else {}
    for key, word, wanted in (("fault_field", "过错/fault", None),
                              ("found_field", "认定/found-by", None),
                              ("defence_field", "申辩/defence", "boolean"),
                              ("subject_field", "对象/subject", None)):
        name = getattr(proceeding, key)
        if name is None or kind is None:
            continue
        field = fields.get(name)
        if field is None:
            ctx.sink.add("R0609", f"{word} of proceeding {proceeding.name} names {name!r}, "
                         f"which is not a field of {kind.name}" + did_you_mean(name, fields),
                         proceeding.span_of(key), f"declare it: `字段 {name} …` in record "
                         f"{kind.name}, or name one of its fields")
        elif wanted is not None and field.type.kind != wanted:
            ctx.sink.add("R0609", f"{word} of proceeding {proceeding.name} names {name!r}, a "
                         f"{types.type_word(field)} field; it must be 是否",
                         proceeding.span_of(key),
                         f"declare `字段 {name} 是否`: whether a defence was made")
    for key in ("decided_by", "proposed_by"):
        ref = getattr(proceeding, key)
        if ref is None or ref.text in fields:
            continue
        found = ctx.index.find(ref)
        if found is None or found.kind not in ("agency", "body", "post"):
            ctx.sink.add("R0609", f"{'决定' if key == 'decided_by' else '提出'} of proceeding "
                         f"{proceeding.name} names {ref.text!r}, which is neither a field of "
                         "the case record nor a declared agency, body or post"
                         + did_you_mean(ref.text, list(fields)), ref.span,
                         "name the case record's field that names who decides, or the agency")


def _finder(ctx: RuleContext, circumstance, kinds: list[RecordKind]) -> None:
    """Who finds a circumstance (认定 X): a declared agency, body or post, or a field of a
    case record that names the decision-maker."""
    ref = circumstance.found_by
    found = ctx.index.find(ref)
    if found is not None and found.kind in ("agency", "body", "post"):
        return
    if len(ref.parts) == 1 and any(kind_field(k, ref.text) is not None for k in kinds):
        return
    if found is None and ctx.lost.hides(ref, ("agency", "body", "post")):
        return
    fields = sorted({f.name for k in kinds for f in k.fields})
    ctx.sink.add("R0609", f"认定/found-by of {circumstance.name} names {ref.text!r}, which is "
                 "neither a declared agency, body or post nor a field of a case record"
                 + did_you_mean(ref.text, ctx.index.candidates(("agency", "body", "post"))
                                + fields), ref.span,
                 "name who finds it: an agency (`省教育厅`), its body (`省教育厅.领导小组`), or "
                 "the case record's field that names the decision-maker")


def _standing(ctx: RuleContext, proceeding) -> bool:
    return any(f.count is not None for f in ctx.regime.faults)


def _bearer(ctx: RuleContext, bearer, kinds: list[RecordKind]) -> None:
    """A bearer is a field of every case record that can name a person or agency, or a
    kind of bearer; a kind is named, case by case, by the case's field of its spelling."""
    if bearer_table.kind_of(bearer.reference) is not None:
        return
    fields = [kind_field(k, bearer.reference) for k in kinds]
    if kinds and all(f is not None for f in fields):
        wrong = [f for f in fields if f.type.kind not in _WHO]
        if wrong:
            ctx.sink.add("R0610", f"bearer {bearer.reference!r} is a "
                         f"{types.type_word(wrong[0])} field: it cannot name who bears a fault",
                         bearer.span, "name a field of type 人员, 机关 or 文本, or a kind of "
                         "bearer")
        return
    known = bearer_table.BEARERS.spellings() + sorted({f.name for k in kinds for f in k.fields})
    ctx.sink.add("R0610", f"unknown bearer {bearer.reference!r}"
                 + did_you_mean(bearer.reference, known), bearer.span,
                 "name a kind of bearer (" + "、".join(k.spellings[0] for k in
                                                       bearer_table.BEARER_KINDS)
                 + ") or a field of the case record that names the person")


def kind_field(kind: RecordKind, name: str):
    return next((f for f in kind.fields if f.name == name), None)


def _group(ctx: RuleContext, name: str, count, kinds: list[RecordKind]) -> None:
    for group in count.groups:
        _key(ctx, name, count, group, kinds)


def _key(ctx: RuleContext, name: str, count, group, kinds: list[RecordKind]) -> None:
    found = ctx.index.find(count.event)
    counted = found.owner if found is not None and found.kind == "event" else None
    if counted is not None and kind_field(counted, group.field) is None \
            and group.field != counted.key:
        ctx.sink.add("R0612", f"the count of {name} groups by {group.field!r}, which is not a "
                     f"field of {counted.name}" + did_you_mean(
                         group.field, [f.name for f in counted.fields]), group.span,
                     f"name a field of {counted.name} (the officer, agency or certificate "
                     "each record concerns)")
    for kind in kinds:
        if kind_field(kind, group.against) is None and group.against != kind.key:
            ctx.sink.add("R0612", f"the count of {name} compares {group.field!r} with the "
                         f"case's {group.against!r}, which is not a field of {kind.name}",
                         group.span, f"write `按 {group.field} 对应 <field of {kind.name}>`")


def _conjuncts(condition) -> frozenset | None:
    """The parts a condition requires all of (且), for comparing steps; None when it is
    not a plain conjunction of names and comparisons."""
    parts = condition.operands if isinstance(condition, AllOf) else (condition,)
    if any(not isinstance(p, Ref | Compare) for p in parts):
        return frozenset({condition})
    return frozenset(parts)


def _reachable(ctx: RuleContext, ladder, definitions: dict) -> None:
    """A lower step requiring everything a higher one requires never applies: whenever it
    holds, the higher step holds too, and the highest step that holds applies."""
    steps = sorted(ladder.steps, key=lambda s: s.level)
    # Compared as written, named conditions unopened: a chain of definitions may be deep.
    opened = {id(s): _conjuncts(s.condition) for s in steps}
    for index, lower in enumerate(steps):
        if lower.keeps_higher:
            continue  # 保留较高级: proposed in place of the higher step that holds (R0614)
        for higher in steps[index + 1:]:
            if higher.level == lower.level:
                continue
            if opened[id(higher)] <= opened[id(lower)]:
                same = opened[id(higher)] == opened[id(lower)]
                ctx.sink.add("R0608", f"step {lower.level} of {ladder.name} can never apply: "
                             + ("its condition is step " f"{higher.level}'s" if same else
                                f"whenever it holds, step {higher.level}'s holds too")
                             + ", and the highest step that holds applies", lower.span,
                             "make the conditions of the steps exclusive, or order them so "
                             "that the more specific one is the higher step",
                             related(higher.span, f"step {higher.level}"))
                break


def _kept(ctx: RuleContext, ladder) -> None:
    """保留较高级 keeps the higher step open to the decision-maker in place of which the
    step is proposed: the step must be permitted (可以) — a binding lighter step leaves no
    choice, so nothing stays open — and there must be a higher step to keep."""
    highest = max((s.level for s in ladder.steps), default=None)
    for step in ladder.steps:
        if not step.keeps_higher:
            continue
        if step.modal != "may":
            ctx.sink.add("R0614", f"step {step.level} of {ladder.name} keeps the higher step "
                         "open (保留较高级) but is binding (应当): the decision-maker would have "
                         "no choice to keep a step open for", step.span,
                         "write `=> 可以 保留较高级 …` where the text permits the lighter "
                         "measures (可以), or drop 保留较高级")
        elif step.level == highest:
            ctx.sink.add("R0614", f"step {step.level} of {ladder.name} keeps the higher step "
                         "open (保留较高级) but is the highest step: there is no higher one "
                         "to keep", step.span,
                         "mark the lighter step that the text lets take the place of a "
                         "heavier one, or drop 保留较高级")


def _reached(condition, definitions: dict):
    """Every name ``condition`` reaches through named conditions and circumstances
    defined by a condition, each definition opened once (walked, not recursed)."""
    seen: set[str] = set()
    stack = [condition]
    while stack:
        for ref in refs_in(stack.pop()):
            yield ref
            if ref.text in definitions and ref.text not in seen:
                seen.add(ref.text)
                stack.append(definitions[ref.text])


def _defence(ctx: RuleContext, definitions: dict) -> None:
    for proceeding in ctx.regime.proceedings:
        field = proceeding.defence_field
        if field is None:
            continue
        for ref in proceeding.ladders:
            found = ctx.index.find(ref)
            if found is None or found.kind != "ladder":
                continue
            ladder = found.element
            raising = [(f"step {s.level}", s.condition) for s in ladder.steps]
            raising += [("从重", m.condition) for m in ladder.modifiers
                        if m.kind == "aggravate"]
            for where, condition in raising:
                for used in _reached(condition, definitions):
                    if is_case_field(used) and used.parts[1] == field:
                        ctx.sink.add("R0611", f"the {where} of {ladder.name} reads the defence "
                                     f"({field}), so a defence could raise the measure",
                                     used.span, "a defence never raises a measure (henan 24, "
                                     "tongzhou 实施细则 15, dacheng 11): take it out of the "
                                     "condition", related(proceeding.span_of("defence_field"),
                                                          "the defence field"))

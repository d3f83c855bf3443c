"""Every reference in a regime names something of the right kind (R0201, R0203, R0402, R0405).

The names inside conditions — fields, circumstances, faults, named conditions — are
``respons.check.rules.conditions``'s: what a name may mean depends on where the condition
stands."""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean
from respons.model.base import Ref
from respons.model.vocab import APPROVERS


def check(ctx: RuleContext) -> None:
    for agency in ctx.regime.agencies:
        if agency.superior is not None:
            _lookup(ctx, agency.superior, ("agency",), "上级/superior")
    for record in ctx.regime.records:
        for field in record.fields:
            if field.type.target is not None:
                _lookup(ctx, field.type.target, ("record kind",), f"field {field.name}")
    for duty in ctx.regime.duties:
        _duty(ctx, duty)
    for fault in ctx.regime.faults:
        for ref in fault.categories:
            _lookup(ctx, ref, ("fault",), "属于/belongs-to")
    for named in (*ctx.regime.circumstances, *ctx.regime.faults):
        if named.count is not None:
            _lookup(ctx, named.count.event, ("event", "duty", "fault"), "计数/count")
            if named.count.later is not None:
                _lookup(ctx, named.count.later.event, ("event",), "其后/then")
    for ladder in ctx.regime.ladders:
        for step in ladder.steps:
            for option in step.options:
                for ref in option:
                    _lookup(ctx, ref, ("measure",), f"step {step.level}")
    for assessment in ctx.regime.assessments:
        _assessment(ctx, assessment)


def _lookup(ctx: RuleContext, ref: Ref, kinds, what: str):
    found = ctx.index.find(ref)
    if found is not None and found.kind in kinds:
        return found
    if found is None and ctx.lost.hides(ref, kinds):
        return None  # the broken text may have declared it
    if found is not None and found.kind == "record kind" and "event" in kinds:
        events = [e.name for e in found.element.events]
        ctx.sink.add("R0402", f"{what} names the record kind {ref.text!r}, not one of its events",
                     ref.span, "name an event: " + ", ".join(f"{ref.text}.{e}" for e in events)
                     if events else f"declare events in record {ref.text} with `事件 …`")
        return None
    if found is None and len(ref.parts) == 2 and "event" in kinds:
        scope = ctx.index.records.get(ref.head)
        if scope is not None:
            ctx.sink.add("R0402", f"record kind {ref.head!r} has no event {ref.parts[1]!r}"
                         + did_you_mean(ref.parts[1], scope.events), ref.span,
                         f"declare it in record {ref.head} with `事件 {ref.parts[1]}`")
            return None
    return ctx.index.lookup(ref, kinds, what)


def _same_kind(ctx: RuleContext, found, start, ref: Ref) -> None:
    """A duty pairs the events of one matter: they belong to the start's record kind."""
    if found is None or start is None or found.owner is start.owner:
        return
    ctx.sink.add("R0402", f"{ref.text!r} is an event of {found.owner.name}, but the clock starts "
                 f"on an event of {start.owner.name}", ref.span,
                 f"a duty follows one matter: name an event of {start.owner.name}")


def _duty(ctx: RuleContext, duty) -> None:
    start = None
    if duty.starts is not None:
        start = _lookup(ctx, duty.starts.event, ("event",), "起算/starts")
        if start is not None and not start.owner.key and ctx.whole(start.owner):
            ctx.sink.add("R0405", f"duty {duty.name} follows {start.owner.name}, a record kind "
                         "without a key (主键): its start and completion cannot be paired",
                         duty.starts.event.span, f"give record {start.owner.name} a key, e.g. "
                         "`主键 案件编号`: the field every event of one matter carries")
        for ref in duty.starts.also:
            _same_kind(ctx, _lookup(ctx, ref, ("event",), "起算/starts"), start, ref)
    for ref in duty.met_by:
        _same_kind(ctx, _lookup(ctx, ref, ("event",), "完成/met-by"), start, ref)
    for pause in duty.pauses:
        _same_kind(ctx, _lookup(ctx, pause.start, ("event",), "中止/pause"), start, pause.start)
        _same_kind(ctx, _lookup(ctx, pause.end, ("event",), "中止/pause"), start, pause.end)
    if duty.breach is not None:
        _lookup(ctx, duty.breach, ("fault",), "违反/breach")
    if duty.owner is not None:
        record = start.owner if start is not None else None
        if record is not None and len(duty.owner.parts) == 1 and any(
                f.name == duty.owner.head for f in record.fields):
            pass  # the owner is named by a field of the record that starts the clock
        elif ctx.index.find(duty.owner) is not None or record is None:
            _lookup(ctx, duty.owner, ("agency", "body", "post"), "负责/owner")
        elif ctx.whole(record) and not ctx.lost.hides(duty.owner, ("agency", "body", "post")):
            fields = [f.name for f in record.fields]
            ctx.sink.add("R0201", f"负责/owner names {duty.owner.text!r}, which is neither a field "
                         f"of {record.name} nor a declared agency, body or post"
                         + did_you_mean(duty.owner.text, fields, ctx.index.candidates(
                             ("agency", "body", "post"))), duty.owner.span,
                         f"name a field of {record.name} (such as the officer who handles it) "
                         "or a post")
    for extension in duty.extensions:
        if extension.upon is not None:
            _same_kind(ctx, _lookup(ctx, extension.upon, ("event",), "凭/upon"), start,
                       extension.upon)
        approver = extension.approver
        if approver is None or APPROVERS.get(approver.text) is not None:
            continue
        _lookup(ctx, approver, ("agency", "body", "post"), "经/approved-by")


def _assessment(ctx: RuleContext, assessment) -> None:
    grades = {band.name for band in assessment.bands}
    whole = ctx.whole(assessment)
    for item in assessment.items:
        for deduction in item.deductions:
            _lookup(ctx, deduction.per, ("event", "duty", "fault"), "每/per")
    named = [(b.grade, b.span) for b in assessment.boundaries]
    named += [(v.grade, v.span) for v in assessment.vetoes]
    named += [(c.grade, c.span) for c in assessment.consequences]
    for grade, span in named:
        if grade not in grades and whole:
            ctx.sink.add("R0201", f"grade {grade!r} is not a band of {assessment.name}"
                         + did_you_mean(grade, grades), span,
                         "name a grade declared with `等级`/`band`")
    for consequence in assessment.consequences:
        for option in consequence.options:
            for ref in option:
                _lookup(ctx, ref, ("measure", "notice"), "后果/consequence")
        for who, word in ((consequence.decided_by, "决定/decided-by"),
                          (consequence.proposed_by, "提出/proposed-by")):
            if isinstance(who, Ref):  # a quoted name is the text's words, not looked up
                _lookup(ctx, who, ("agency", "body", "post"), f"{word} of a consequence")


def lookup(ctx: RuleContext, ref: Ref, kinds, what: str):
    """Resolve ``ref`` expecting one of ``kinds``, reported as every reference of a regime is
    (R0201, R0203, R0402): for the rules of other modules (a notice's 签发)."""
    return _lookup(ctx, ref, kinds, what)

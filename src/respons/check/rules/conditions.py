"""What the names of every condition mean where it stands, and that each is used as its kind
allows (R0201, R0203, R0403, R1201–R1207).

A condition stands in one of two kinds of place:

- **on a record's fields** — a duty's `起算 … 限于`, a count's `计数 EVENT 限于`, a
  deduction's `每 EVENT 限于` and a notice's `签发 记录 EVENT 限于`: a name is a field of
  the record kind of that event (or, for a
  count or deduction of a duty, of the record kind that starts the duty); a bare field must
  be 是否, and a comparison must fit the field's type (``respons.check.rules.types``);
- **on liability** — ladders' steps and modifiers, 责任划分 rules, a circumstance's `条件`:
  a name is a circumstance or a fault (a fault category holds for every fault that belongs
  to it); a veto may also name an event. The only fields here are the case record's,
  written `案件.FIELD`: a field of the case record of every proceeding (追究), typed as on
  a record (R0613 where there is no case record or no such field).

At either, a name may be a named condition (`条件 NAME { … }`): its definition is checked
as if written there, so one definition used on two record kinds is checked on both. A
field of the record kind takes precedence over a named condition of the same name. Named
conditions and circumstances defined by a condition must not be defined in terms of
themselves, nor a fault belong to itself through its categories (R1205); a named
condition used nowhere is reported (R1207), since nothing else would check its names.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from respons.check.rules import RuleContext, types
from respons.check.rules.proceedings import case_kinds, kind_field
from respons.diagnostics.suggest import did_you_mean
from respons.model.base import Ref
from respons.model.condition import MAX_DEPTH, Compare, NamedCondition, Not, refs_in
from respons.model.liability import is_case_field
from respons.model.record import RecordKind

#: What a name may be on liability (ladders, 责任划分, a circumstance's 条件).
LIABILITY = ("circumstance", "fault", "named condition")
#: A veto may also name an event: 因具体行政执法行为违法被撤销 (dacheng 评议考核 七).
VETO = ("circumstance", "fault", "event", "named condition")


@attrs.frozen
class Place:
    """Where a condition stands: ``what`` names it in messages; ``record`` is the record
    kind whose fields its names are (a place on fields), else ``kinds`` the kinds of
    top-level name it may use."""

    what: str
    record: RecordKind | None = None
    kinds: tuple[str, ...] = LIABILITY


def check(ctx: RuleContext) -> None:
    definitions = {c.name: c for c in ctx.regime.conditions}
    used: set[str] = set()
    depth = _Depth(ctx.regime)
    for place, condition in places(ctx):
        if condition is not None:
            _walk(ctx, place, condition, definitions, used)
            depth.check(ctx, condition)
    for named in ctx.regime.conditions:
        if named.condition is not None:
            depth.check(ctx, named.condition)
    _cycles(ctx)
    for named in ctx.regime.conditions:
        if named.name not in used and named.condition is not None:
            ctx.sink.add("R1207", f"condition {named.name} is used nowhere, so the names in "
                         "it are not checked", named.span, "use it where a condition stands "
                         f"(`限于 {named.name}`, `第1级 {named.name} => …`) or remove it")


def places(ctx: RuleContext) -> Iterator[tuple[Place, object]]:
    """Every condition of the regime with the place it stands in."""
    regime = ctx.regime
    for duty in regime.duties:
        if duty.starts is not None and duty.starts.where is not None:
            record = _record_of(ctx, duty.starts.event)
            if record is not None:
                yield Place(f"起算/starts 限于 of duty {duty.name}", record), duty.starts.where
    for right in regime.rights:
        if right.starts is not None and right.where is not None:
            record = _record_of(ctx, right.starts)
            if record is not None:
                yield Place(f"起算/starts 限于 of right {right.name}", record), right.where
    for named in (*regime.circumstances, *regime.faults):
        count = named.count
        if count is not None and count.where is not None:
            record = _record_of(ctx, count.event)
            if record is not None:
                yield Place(f"计数/count 限于 of {named.name}", record), count.where
        if count is not None and count.later is not None and count.later.where is not None:
            record = _record_of(ctx, count.later.event)
            if record is not None:
                yield Place(f"其后/then 限于 of {named.name}", record), count.later.where
    for circumstance in regime.circumstances:
        if circumstance.condition is not None:
            yield Place(f"条件/condition of {circumstance.name}"), circumstance.condition
    for ladder in regime.ladders:
        for step in ladder.steps:
            yield Place(f"step {step.level} of {ladder.name}"), step.condition
        for modifier in ladder.modifiers:
            yield Place(f"{modifier.kind} of {ladder.name}"), modifier.condition
    for apportionment in regime.apportionments:
        for rule in apportionment.rules:
            yield Place(f"情形/circumstance of {apportionment.name}"), rule.condition
    for assessment in regime.assessments:
        for item in assessment.items:
            for deduction in item.deductions:
                if deduction.where is not None:
                    record = _record_of(ctx, deduction.per)
                    if record is not None:
                        yield Place(f"每/per 限于 of item {item.name}", record), deduction.where
        for veto in assessment.vetoes:
            yield Place(f"否决/veto of {assessment.name}", kinds=VETO), veto.condition
        for bar in (b for b in assessment.bars if b.condition is not None):
            yield Place(f"不得评为/bar of {assessment.name}", kinds=VETO), bar.condition
        for band in (b for b in assessment.bands if b.condition is not None):
            yield Place(f"等级/band {band.name} of {assessment.name}", kinds=VETO), band.condition
    for notice in regime.notices:
        for outcome in notice.issued_on:
            # 签发 记录 E 限于 C tests fields of E's record, as a duty's 起算 E 限于 C; on
            # any other kind of outcome 限于 is refused where the outcome is resolved.
            if outcome.where is not None and outcome.kind == "record":
                record = _record_of(ctx, outcome.target)
                if record is not None:
                    yield Place(f"签发/issued-on 限于 of notice {notice.name}", record), \
                        outcome.where


def _record_of(ctx: RuleContext, ref: Ref) -> RecordKind | None:
    """The record kind whose fields a 限于 after ``ref`` tests: the event's own, or the
    one whose event starts the duty ``ref`` names. None where there is none (a fault, a
    name already reported as unknown): such a 限于 has nothing to test."""
    found = ctx.index.find(ref)
    if found is not None and found.kind == "event":
        return found.owner
    if found is not None and found.kind == "duty" and found.element.starts is not None:
        start = ctx.index.find(found.element.starts.event)
        return start.owner if start is not None and start.kind == "event" else None
    if found is not None and found.kind == "fault":
        ctx.sink.add("R1206", f"{ref.text!r} is a fault: a count or deduction of faults has no "
                     "record fields for 限于 to test", ref.span,
                     "count the event that records the fault (its 认定, say) and filter that")
    return None


def _walk(ctx: RuleContext, place: Place, condition, definitions: dict, used: set[str]) -> None:
    """Check every leaf of ``condition`` at ``place``, named conditions expanded; walked
    with a stack (conditions and chains of definitions may be deep)."""
    fields = _fields(ctx, place.record) if place.record is not None else {}
    stack = [(condition, ())]
    while stack:
        node, active = stack.pop()
        if isinstance(node, Not):
            stack.append((node.operand, active))
        elif isinstance(node, Ref | Compare):
            ref = node if isinstance(node, Ref) else node.left
            name = ref.text
            if place.record is not None and (name in fields or name == place.record.key):
                _field(ctx, place, node, fields.get(name))
            elif name in definitions:
                used.add(name)
                body = definitions[name].condition
                if isinstance(node, Compare):
                    _compared_name(ctx, node)
                elif name not in active and body is not None:
                    stack.append((body, (*active, name)))
            elif place.record is None and is_case_field(ref) and place.kinds is LIABILITY:
                _case_field(ctx, node, ref)
            elif isinstance(node, Compare) and place.record is None:
                _count_or_nothing(ctx, place, node)
            elif place.record is not None:
                _unknown_field(ctx, place, ref, fields, definitions)
            else:
                _name(ctx, place, ref)
        else:
            stack.extend((operand, active) for operand in reversed(node.operands))


def _case_field(ctx: RuleContext, node, ref: Ref) -> None:
    """`案件.FIELD`: a field of the case record of every proceeding, judged by its type."""
    kinds = case_kinds(ctx)
    name = ref.parts[1]
    if not kinds:
        ctx.sink.add("R0613", f"{ref.text!r} is a field of the case record, but no proceeding "
                     "(追究) names a case record", ref.span,
                     "add `追究 <名称> { 案件 <记录>.<事件>; 阶梯 … }`")
        return
    having = [k for k in kinds if kind_field(k, name) is not None or name == k.key]
    if not having:
        # One case record with it suffices: a case whose record lacks it never satisfies
        # the condition (a regime may have proceedings over several case records).
        fields = sorted({f.name for k in kinds for f in k.fields})
        ctx.sink.add("R0613", f"{ref.text!r}: no case record ("
                     + "、".join(k.name for k in kinds) + f") has a field {name!r}"
                     + did_you_mean(name, fields), ref.span,
                     f"declare it in the case record with `字段 {name} <type>`")
        return
    for kind in having:
        field = kind_field(kind, name)
        bare = Ref((name,), span=ref.span)
        if isinstance(node, Ref):
            types.bare(ctx, bare, field, kind.name)
        else:
            types.compare(ctx, Compare(bare, node.op, node.right, span=node.span), field,
                          kind.name)


def _fields(ctx: RuleContext, record: RecordKind) -> dict:
    scope = ctx.index.records.get(record.name)
    if scope is not None and scope.kind is record:
        return scope.fields
    return {f.name: f for f in record.fields}


def _field(ctx: RuleContext, place: Place, node, field) -> None:
    if isinstance(node, Ref):
        types.bare(ctx, node, field, place.record.name)
    else:
        types.compare(ctx, node, field, place.record.name)


def _unknown_field(ctx: RuleContext, place: Place, ref: Ref, fields, definitions) -> None:
    record = place.record
    if not ctx.whole(record):
        return  # the field may be declared by a statement that did not parse
    found = ctx.index.find(ref)
    if found is not None:
        ctx.sink.add("R0203", f"{ref.text!r} is {_article(found.kind)}, but the {place.what} "
                     f"tests fields of {record.name}", ref.span,
                     f"name a field of {record.name}" + did_you_mean(ref.text, fields))
        return
    key = [record.key] if record.key else []
    ctx.sink.add("R0403", f"record kind {record.name!r} has no field {ref.text!r}"
                 + did_you_mean(ref.text, fields, key, definitions), ref.span,
                 f"declare it in record {record.name} with `字段 {ref.text} <type>`")


def _count_or_nothing(ctx: RuleContext, place: Place, node: Compare) -> None:
    """A veto may count an event: `否决 行政赔偿.发生 >= 1 次` (its records in the period).
    Nothing else on liability is compared with a value."""
    found = ctx.index.find(node.left)
    if found is not None and found.kind == "event" and "event" in place.kinds:
        if node.right.kind != "number":
            ctx.sink.add("R1201", f"{node.left.text!r} is an event, counted here, and compared "
                         f"with {node.right.kind} {node.right.value!r}", node.right.span
                         or node.span, f"compare its count with a number: "
                         f"`{node.left.text} >= 1 次`")
        return
    if found is None and ctx.lost.hides(node.left, place.kinds):
        return  # the broken text may have declared it
    _no_fields(ctx, place, node)


def _no_fields(ctx: RuleContext, place: Place, node: Compare) -> None:
    ctx.sink.add("R1201", f"{node.left.text!r} is compared with a value, but the names of a "
                 f"{place.what} are circumstances and faults: there is no field to compare",
                 node.span, "compare fields in a duty's, a count's or a deduction's 限于; here "
                 "name a circumstance, e.g. `第1级 情节严重 => …`")


def _compared_name(ctx: RuleContext, node: Compare) -> None:
    ctx.sink.add("R1201", f"{node.left.text!r} is a named condition, which holds or does not: "
                 "it cannot be compared with a value", node.span,
                 f"write `{node.left.text}` on its own (or `非 {node.left.text}`)")


def _name(ctx: RuleContext, place: Place, ref: Ref) -> None:
    found = ctx.index.find(ref)
    if found is not None and found.kind in place.kinds:
        return
    if found is None and ctx.lost.hides(ref, place.kinds):
        return  # its declaration may be in a statement or block that did not parse
    ctx.index.lookup(ref, place.kinds, place.what)


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


# ── how deep a condition is once opened ──────────────────────────────────────────────
class _Depth:
    """How deep each condition nests once its named conditions, circumstances defined by a
    condition and fault categories are opened: what `respons show` and the engine walk.
    Deeper than MAX_DEPTH is R0113, as for a condition written that deep."""

    def __init__(self, regime) -> None:
        self.bodies = {c.name: c.condition for c in regime.circumstances
                       if c.condition is not None}
        self.bodies.update((c.name, c.condition) for c in regime.conditions
                           if c.condition is not None)
        self.members: dict[str, list[str]] = {}
        for fault in regime.faults:
            for category in fault.categories:
                self.members.setdefault(category.text, []).append(fault.name)
        self.known: dict[str, int] = {}

    def check(self, ctx: RuleContext, condition) -> None:
        if self.of(condition) > MAX_DEPTH:
            ctx.sink.add("R0113", f"this condition, with the named conditions and fault "
                         f"categories it uses opened, is nested more than {MAX_DEPTH} levels "
                         "deep", condition.span, "define fewer conditions in terms of others, "
                         "or list the faults of a category instead of nesting categories")

    def of(self, condition) -> int:
        """Depth of ``condition`` opened; names are worked out first, deepest chain first,
        with a stack (a chain of definitions may be long). A cycle (R1205) counts once."""
        for ref in refs_in(condition):
            self._name(ref.text)
        return _tree_depth(condition, self.known)

    def _name(self, start: str) -> int:
        stack, on_stack = [start], {start}
        while stack:
            name = stack[-1]
            if name in self.known:
                stack.pop()
                continue
            pending = [n for n in self._uses(name) if n not in self.known and n not in on_stack]
            if pending:
                stack.extend(pending)
                on_stack.update(pending)
                continue
            stack.pop()
            on_stack.discard(name)
            if name in self.bodies:  # opening a name is a level too: expand recurses there
                self.known[name] = 1 + _tree_depth(self.bodies[name], self.known)
            else:
                self.known[name] = 1 + max((self.known.get(m, 1) for m in
                                            self.members.get(name, ())), default=0)
        return self.known[start]

    def _uses(self, name: str) -> list[str]:
        if name in self.bodies:
            return [ref.text for ref in refs_in(self.bodies[name])]
        return list(self.members.get(name, ()))


def _tree_depth(condition, known: dict[str, int]) -> int:
    """Levels of 非/且/或 in ``condition`` (at most MAX_DEPTH, the builder saw to it) plus,
    at each name, the depth its opening adds."""
    if isinstance(condition, Ref):
        return known.get(condition.text, 1)
    if isinstance(condition, Compare):
        return 1
    operands = (condition.operand,) if isinstance(condition, Not) else condition.operands
    return 1 + max((_tree_depth(o, known) for o in operands), default=0)


# ── definitions in terms of themselves ───────────────────────────────────────────────
def _cycles(ctx: RuleContext) -> None:
    """R1205 for each named condition, circumstance defined by a condition, or fault
    category that reaches itself: reported once per cycle, at its first member in the
    file, naming every member in order."""
    edges: dict[str, list[str]] = {}
    spans: dict[str, object] = {}
    for named in ctx.regime.conditions:
        edges[named.name] = _names_in(named.condition)
        spans[named.name] = named.span
    for circumstance in ctx.regime.circumstances:
        if circumstance.condition is not None:
            edges[circumstance.name] = _names_in(circumstance.condition)
            spans[circumstance.name] = circumstance.span
    _report_cycles(ctx, edges, spans, "is defined in terms of itself",
                   "define it by other conditions, circumstances and faults only")
    faults = {f.name: [r.text for r in f.categories] for f in ctx.regime.faults}
    _report_cycles(ctx, faults, {f.name: f.span for f in ctx.regime.faults},
                   "belongs to itself through its categories (属于)",
                   "a category is broader than the faults that belong to it: remove one 属于")


def _names_in(condition) -> list[str]:
    return [ref.text for ref in refs_in(condition)]


def _report_cycles(ctx, edges: dict[str, list[str]], spans: dict, verb: str, help: str) -> None:
    reported: set[frozenset[str]] = set()
    for start in edges:
        path = _cycle_from(start, edges)
        if path is None or frozenset(path) in reported:
            continue
        reported.add(frozenset(path))
        ctx.sink.add("R1205", f"{start} {verb}: " + " → ".join([*path, start]),
                     spans[start], help)


def _cycle_from(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """The shortest path from ``start`` back to itself (breadth first), or None."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in edges.get(node, ()):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return list(reversed(path))
                if target in edges and target not in previous and target != start:
                    previous[target] = node
                    following.append(target)
        frontier = following
    return None


__all__ = ["LIABILITY", "NamedCondition", "Place", "check", "places"]

"""What issues a notice (签发): each outcome names what its kind names, and the facts the
notice is given follow from it.

`RESOLVERS` has one function per row of ``respons.model.outcomes.OUTCOMES``: it finds what
the name after the keyword names — an assessment and its grade, an assessment's
consequence, a measure, a record's event — reporting an unknown name as every unknown name
is reported (R0201, R0203, R0402, with the nearest names), and what is no such outcome
(R0706); and it returns the record fields the outcome gives as facts (none but a record's
event's). `given` works out what a notice is given: the facts every one of its outcomes
gives.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from respons.check.rules import RuleContext
from respons.check.rules.proceedings import case_kind
from respons.check.rules.references import lookup
from respons.diagnostics.suggest import did_you_mean
from respons.model.base import Ref
from respons.model.notice import Notice, Outcome
from respons.model.outcomes import BY_NAME, Fact, OutcomeKind, facts_of, outcomes_of
from respons.syntax.keywords import chinese

#: Stands for an outcome that names nothing it could (already reported).
UNRESOLVED = None


def _assessment(ctx: RuleContext, outcome: Outcome, what: str):
    found = lookup(ctx, Ref(outcome.target.parts[:1], span=outcome.target.span),
                   ("assessment",), what)
    return found.element if found is not None else None


def _grade_of(ctx: RuleContext, assessment, outcome: Outcome) -> bool:
    grade = outcome.target.parts[1]
    grades = [band.name for band in assessment.bands]
    if grade in grades or not ctx.whole(assessment):
        return True
    ctx.sink.add("R0201", f"grade {grade!r} is not a band of {assessment.name}"
                 + did_you_mean(grade, grades), outcome.target.span,
                 "name a grade declared with `等级`/`band`: " + ("、".join(grades) or "none"))
    return False


def _no_years(ctx: RuleContext, outcome: Outcome, kind: OutcomeKind) -> None:
    if outcome.consecutive is not None:
        ctx.sink.add("R0706", f"连续 {outcome.consecutive} 年 picks a consequence, but 签发 "
                     f"{chinese(kind.terminal)} names {kind.en}", outcome.span,
                     "连续 N 年 goes with `签发 后果 考核.等级`; leave it out here")


def _no_where(ctx: RuleContext, outcome: Outcome, kind: OutcomeKind) -> None:
    if outcome.where is not None:
        ctx.sink.add("R0706", f"限于 picks the records of an event whose fields satisfy a "
                     f"condition, but 签发 {chinese(kind.terminal)} names {kind.en}, which has "
                     "no record to test", outcome.where.span or outcome.span,
                     "限于 goes with `签发 记录 记录.事件`; leave it out here")


def _shape(ctx: RuleContext, outcome: Outcome, kind: OutcomeKind, sizes: tuple[int, ...]):
    if len(outcome.target.parts) in sizes:
        return True
    ctx.sink.add("R0706", f"签发 {chinese(kind.terminal)} names {kind.names}, not "
                 f"{outcome.target.text!r}", outcome.target.span,
                 f"after 签发 {chinese(kind.terminal)}, name {kind.names}")
    return False


def grade(ctx: RuleContext, outcome: Outcome) -> tuple[str, ...] | None:
    kind = BY_NAME["grade"]
    _no_years(ctx, outcome, kind)
    _no_where(ctx, outcome, kind)
    if not _shape(ctx, outcome, kind, (1, 2)):
        return UNRESOLVED
    assessment = _assessment(ctx, outcome, "签发 等级")
    if assessment is None:
        return UNRESOLVED
    if len(outcome.target.parts) == 2 and not _grade_of(ctx, assessment, outcome):
        return UNRESOLVED
    return ()


def consequence(ctx: RuleContext, outcome: Outcome) -> tuple[str, ...] | None:
    kind = BY_NAME["consequence"]
    _no_where(ctx, outcome, kind)
    if not _shape(ctx, outcome, kind, (2,)):
        return UNRESOLVED
    assessment = _assessment(ctx, outcome, "签发 后果")
    if assessment is None or not _grade_of(ctx, assessment, outcome):
        return UNRESOLVED
    grade_name = outcome.target.parts[1]
    if any(c.grade == grade_name and c.consecutive == outcome.consecutive
           for c in assessment.consequences) or not ctx.whole(assessment):
        return ()
    which = [_consequence_text(c.grade, c.consecutive) for c in assessment.consequences]
    ctx.sink.add("R0706", f"{assessment.name} has no consequence of "
                 f"{_consequence_text(grade_name, outcome.consecutive)}", outcome.span,
                 "its consequences: " + ("、".join(which) or "none")
                 + "; name one of them, or add the consequence to the assessment")
    return UNRESOLVED


def _consequence_text(grade_name: str, consecutive: int | None) -> str:
    return f"{grade_name} 连续 {consecutive} 年" if consecutive else grade_name


def measure(ctx: RuleContext, outcome: Outcome) -> tuple[str, ...] | None:
    _no_years(ctx, outcome, BY_NAME["measure"])
    _no_where(ctx, outcome, BY_NAME["measure"])
    found = lookup(ctx, outcome.target, ("measure",), "签发 措施")
    if found is None:
        return UNRESOLVED
    return _case_fields(ctx, found.element.name)


def _case_fields(ctx: RuleContext, measure_name: str) -> tuple[str, ...]:
    """The fields the engine gives a notice issued on the measure beside the measure's
    facts: those of the case record of every proceeding (追究) one of whose ladders has
    a step proposing it — the fields all those records have. A proceeding without a case
    record (faults that stand by a count alone) gives none, nor does a measure no
    proceeding proposes."""
    proposing = {ladder.name for ladder in ctx.regime.ladders
                 if any(ref.text == measure_name for step in ladder.steps
                        for option in step.options for ref in option)}
    common: list[str] | None = None
    for proceeding in ctx.regime.proceedings:
        if not any(ref.text in proposing for ref in proceeding.ladders):
            continue
        kind = case_kind(ctx, proceeding)
        names = [] if kind is None else list(dict.fromkeys(
            ([kind.key] if kind.key else []) + [f.name for f in kind.fields]))
        common = names if common is None else [n for n in common if n in names]
    return tuple(common or ())


def record(ctx: RuleContext, outcome: Outcome) -> tuple[str, ...] | None:
    _no_years(ctx, outcome, BY_NAME["record"])
    found = lookup(ctx, outcome.target, ("event",), "签发 记录")
    if found is None:
        return UNRESOLVED
    kind = found.owner
    return tuple(dict.fromkeys(([kind.key] if kind.key else []) + [f.name for f in kind.fields]))


#: Outcome kind → how `respons check` finds what it names: one per row of OUTCOMES.
RESOLVERS: dict[str, Callable[[RuleContext, Outcome], tuple[str, ...] | None]] = {
    "grade": grade, "consequence": consequence, "measure": measure, "record": record}


@attrs.frozen
class Given:
    """What a notice is given: its outcomes, the facts every one of them gives (by both
    spellings), and whether each outcome could be resolved — where one could not, what it
    would give is unknown, and no name is reported as missing from it."""

    outcomes: tuple[Outcome, ...]
    facts: dict[str, Fact]
    known: bool

    def describe(self) -> str:
        """What the facts are the facts of, for a message."""
        if not self.outcomes:
            return "a notice that nothing issues (no 签发)"
        return "a notice issued on " + " or ".join(
            f"{chinese(BY_NAME[o.kind].terminal)} {o.target.text}" for o in self.outcomes)

    def listing(self) -> str:
        """The facts by their Chinese names (a record's fields by theirs), each once."""
        return "、".join(dict.fromkeys(fact.zh for fact in self.facts.values()))


def given(ctx: RuleContext, notice: Notice) -> Given:
    """Resolve the notice's own outcomes (reporting what is wrong with them) and the
    consequences that call for it, and intersect the facts they give."""
    own = {id(o) for o in notice.issued_on}
    outcomes = outcomes_of(notice, ctx.regime)
    facts: dict[str, Fact] | None = None
    # a statement of the notice that did not parse may have been a 签发: what it would
    # give is unknown
    known = ctx.whole(notice)
    for outcome in outcomes:
        kind = BY_NAME[outcome.kind]
        # a consequence that calls for the notice is checked where it is written
        fields = RESOLVERS[kind.name](ctx, outcome) if id(outcome) in own else ()
        if fields is UNRESOLVED:
            known = False
            continue
        offered = facts_of(kind, fields)
        facts = offered if facts is None else {n: f for n, f in facts.items() if n in offered}
    if facts is None:
        facts = facts_of(None) if not outcomes else {}
    return Given(outcomes, facts, known)

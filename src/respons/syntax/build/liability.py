"""Building faults, circumstances, measures, ladders and apportionment rules."""

from __future__ import annotations

from respons.model.duty import Period
from respons.model.liability import (
    Apportionment,
    Bearer,
    Bearing,
    Circumstance,
    Count,
    Effect,
    Fault,
    Ladder,
    Measure,
    Modifier,
    Step,
)
from respons.model.vocab import (
    BEARERS,
    CATEGORIES,
    COMPARATORS,
    EFFECTS,
    SHARES,
    SUBJECTS,
    TIMES,
    split_effect_word,
)
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    dropped_from,
    first,
    name_of,
    number_of,
    span_between,
    span_of,
    split,
    word,
)
from respons.syntax.numerals import parse_number

CIRC_SINGLES = {"subject": "对象/subject", "count": "计数/count",
                "condition": "条件/condition"}
MEASURE_SINGLES = {"subject": "对象/subject", "severity": "轻重/severity",
                   "category": "类别/category"}
LADDER_SINGLES = {"subject": "对象/subject"}
LADDER_LISTS = ("steps", "modifiers")


class LiabilityRules:
    def subject(self, children):
        return Stmt("subject", word(SUBJECTS, children[1]), span_of(children[0], children[1]))

    def fault_body(self, children):
        return [c for c in children if isinstance(c, Stmt)]

    def fault(self, children):
        tokens, bodies = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("fault", bodies[0] if bodies else (), {"subject": "对象/subject"},
                          ("categories",))
        values["categories"] = tuple(ref for refs in values["categories"] for ref in refs)
        return Fault(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                     span=head, **values)

    def belongs(self, children):
        tokens, refs = split(children)
        span = span_between(span_of(tokens[0]), refs[-1].span)
        return Stmt("categories", tuple(refs), span)

    def circumstance(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("circumstance", stmts, CIRC_SINGLES)
        if "count" in values and "condition" in values:
            ctx().sink.add("R1209", f"circumstance {name_of(tokens[1])} is both counted "
                           "(计数) and defined by a condition (条件)", head,
                           "keep one: a circumstance is established by counting records or "
                           "by its condition, not both")
        return Circumstance(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                            span=head, **values)

    def count(self, children):
        tokens, values = split(children)
        event, *rest = values
        # After the event: an optional condition and an optional window (近 N 年); a count
        # without a window counts every record (人员管理办法 17: suspended three times).
        window = rest.pop() if rest and isinstance(rest[-1], Period) else None
        where = rest[0] if rest else None
        op_token = first(tokens, "COMPARATOR")
        number = tokens[tokens.index(op_token) + 1]
        unit = tokens[tokens.index(op_token) + 2] if len(tokens) > tokens.index(op_token) + 2 \
            else None
        unit_word = word(TIMES, unit) if unit is not None else None
        span = span_of(tokens[0], unit or number)
        count = Count(event, where, window, COMPARATORS[str(op_token)], number_of(number),
                      unit_word, span=span)
        return Stmt("count", count, span)

    def defined_by(self, children):
        condition = children[1]
        return Stmt("condition", condition, span_between(span_of(children[0]), condition.span))

    def measure(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("measure", stmts, MEASURE_SINGLES)
        return Measure(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                       span=head, **values)

    def severity(self, children):
        return Stmt("severity", number_of(children[1]), span_of(children[0], children[1]))

    def category(self, children):
        return Stmt("category", word(CATEGORIES, children[1]), span_of(children[0], children[1]))

    def ladder(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("ladder", stmts, LADDER_SINGLES, LADDER_LISTS)
        if not values["steps"] and not dropped_from(head, "STEP", "KW_STEP"):
            ctx().sink.add("R0109", "this ladder has no steps", head,
                           "add steps such as `第1级 <情形> => <措施>` (or `step 1 …`)")
        return Ladder(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                      span=head, **values)

    def step(self, children):
        tokens, values = split(children)
        condition, options = values
        if tokens[0].type == "STEP":
            digits = str(tokens[0])[1:-1].strip()
            level = parse_number(digits)
        else:
            level = int(number_of(tokens[1]))
        span = span_between(span_of(tokens[0]), condition.span)
        step = Step(level, condition, options, citation_of(first(tokens, "CITATION")), span=span)
        return Stmt("steps", step, span)

    def measures(self, children):
        _, options = split(children)
        return tuple(options)

    def all_of(self, children):
        _, refs = split(children)
        return tuple(refs)

    def _modifier(self, kind, children):
        tokens, values = split(children)
        condition = values[0]
        effects = values[1] if len(values) > 1 else ()
        span = span_between(span_of(tokens[0]), condition.span)
        modifier = Modifier(kind, condition, effects, citation_of(first(tokens, "CITATION")),
                            span=span)
        return Stmt("modifiers", modifier, span)

    def aggravate(self, children):
        return self._modifier("aggravate", children)

    def mitigate(self, children):
        return self._modifier("mitigate", children)

    def exempt(self, children):
        return self._modifier("exempt", children)

    def effects(self, children):
        _, effects = split(children)
        return tuple(e for e in effects if e is not None)

    def effect(self, children):
        name = children[0]
        span = span_of(children[0], children[-1])
        steps = int(number_of(children[1])) if len(children) > 1 else None
        spelled = split_effect_word(name_of(name))
        if spelled is not None:
            kind, steps = EFFECTS.get(spelled[0]), parse_number(spelled[1])
        else:
            kind = word(EFFECTS, name)
        if kind is None:
            return None
        if kind in ("raise", "lower") and steps is None:
            steps = 1
        return Effect(kind, steps, span=span)

    def apportionment(self, children):
        tokens, rules = split(children)
        head = span_of(tokens[0], tokens[1])
        return Apportionment(name_of(tokens[1]), tuple(rules),
                             citation_of(first(tokens, "CITATION")), span=head)

    def bearing(self, children):
        tokens, values = split(children)
        condition, *bearers = values
        span = span_between(span_of(tokens[0]), condition.span)
        return Bearing(condition, tuple(b for b in bearers if b is not None),
                       citation_of(first(tokens, "CITATION")), span=span)

    def bearer(self, children):
        role = word(BEARERS, children[0])
        share = word(SHARES, children[1]) if len(children) > 1 else None
        if role is None:
            return None
        return Bearer(role, share, span=span_of(children[0], children[-1]))

"""Building faults, circumstances, measures, ladders and apportionment rules."""

from __future__ import annotations

from respons.model.base import Ref
from respons.model.duty import Period
from respons.model.liability import (
    Apportionment,
    Bearer,
    Bearing,
    Circumstance,
    Count,
    Effect,
    Fault,
    Group,
    Ladder,
    Later,
    Measure,
    Modifier,
    Proceeding,
    Right,
    Step,
)
from respons.model.vocab import (
    CATEGORIES,
    COMPARATORS,
    EFFECTS,
    FALLS_ON,
    RESPONSIBILITIES,
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
                "condition": "条件/condition", "found_by": "认定/found-by"}
MEASURE_SINGLES = {"subject": "对象/subject", "severity": "轻重/severity",
                   "category": "类别/category", "falls_on": "施于/falls-on",
                   "decided_by": "决定/decided-by"}
PROC_SINGLES = {"case": "案件/case", "fault_field": "过错/fault", "found_field": "认定/found-by",
                "ladders": "阶梯/ladder", "apportionment": "责任划分/apportion",
                "decided_by": "决定/decided-by", "proposed_by": "提出/proposed-by",
                "defence_field": "申辩/defence", "subject_field": "对象/subject"}
#: A modal word's terminal → the model's value.
_MODALS = {"KW_SHALL": "shall", "KW_MAY": "may"}
#: A bearers' joiner's terminal → the model's value.
_JOINERS = {"KW_AND": "and", "KW_OR": "or", "KW_SEVERALLY": "severally"}
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
        values = assemble("fault", bodies[0] if bodies else (),
                          {"subject": "对象/subject", "count": "计数/count"}, ("categories",))
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
        # After the event: an optional condition, later event, group and window (近 N 年,
        # 同一年度); a count without a window counts every record (人员管理办法 17:
        # suspended three times).
        parts = {key: value for key, value in rest}
        window = parts.get("window")
        op_token = first(tokens, "COMPARATOR")
        number = tokens[tokens.index(op_token) + 1]
        unit = tokens[tokens.index(op_token) + 2] if len(tokens) > tokens.index(op_token) + 2 \
            else None
        unit_word = word(TIMES, unit) if unit is not None else None
        span = span_of(tokens[0], unit or number)
        count = Count(event, parts.get("where"), window if isinstance(window, Period) else None,
                      COMPARATORS[str(op_token)], number_of(number), unit_word,
                      later=parts.get("later"), groups=parts.get("groups", ()),
                      same_year=window == "same-year", span=span)
        return Stmt("count", count, span)

    def count_where(self, children):
        return ("where", children[1])

    def count_later(self, children):
        tokens, values = split(children)
        event = values[0]
        where = values[1] if len(values) > 1 else None
        span = span_between(span_of(tokens[0]), (where or event).span)
        return ("later", Later(event, where, span=span))

    def count_group(self, children):
        return ("groups", tuple(c for c in children if isinstance(c, Group)))

    def group_key(self, children):
        return Group(name_of(children[0]), name_of(children[2]) if len(children) > 2 else None,
                     span=span_of(children[0], children[-1]))

    def window_last(self, children):
        return ("window", children[1])

    def window_year(self, children):
        return ("window", "same-year")

    def found_by(self, children):
        tokens, refs = split(children)
        return Stmt("found_by", refs[0], span_between(span_of(tokens[0]), refs[0].span))

    def falls_on(self, children):
        names = [c for c in children[1:] if c.type == "NAME"]
        words = tuple(w for w in (word(FALLS_ON, n) for n in names) if w is not None)
        return Stmt("falls_on", words, span_of(children[0], names[-1]))

    def measure_decider(self, children):
        return Stmt("decided_by", children[1], span_between(span_of(children[0]),
                                                            children[1].span))

    def modal(self, children):
        return ("modal", _MODALS[children[0].type])

    def keeps_higher(self, children):
        return ("keeps_higher", True)

    def step_measures(self, children):
        additions = children[1] if len(children) > 1 else ()
        return ("options", children[0], False, additions)

    def may_add(self, children):
        _, refs = split(children)
        return tuple(refs)

    def combined(self, children):
        _, refs = split(children)
        return ("options", tuple((ref,) for ref in refs), True, ())

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
        condition = values[0]
        modal = next((v[1] for v in values[1:] if v[0] == "modal"), "shall")
        _, options, combine, additions = next(v for v in values[1:] if v[0] == "options")
        if tokens[0].type == "STEP":
            digits = str(tokens[0])[1:-1].strip()
            level = parse_number(digits)
        else:
            level = int(number_of(tokens[1]))
        span = span_between(span_of(tokens[0]), condition.span)
        keeps = any(v[0] == "keeps_higher" for v in values[1:])
        step = Step(level, condition, options, citation_of(first(tokens, "CITATION")),
                    combine=combine, modal=modal, additions=additions, keeps_higher=keeps,
                    span=span)
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
        modal = next((v[1] for v in values[1:] if isinstance(v, tuple) and v[:1] == ("modal",)),
                     "shall")
        effects = next((v for v in values[1:] if not (isinstance(v, tuple) and
                                                       v[:1] == ("modal",))), ())
        span = span_between(span_of(tokens[0]), condition.span)
        modifier = Modifier(kind, condition, effects, citation_of(first(tokens, "CITATION")),
                            modal=modal, span=span)
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
        joiners = [_JOINERS[t.type] for t in tokens if t.type in _JOINERS]
        if len(set(joiners)) > 1:
            # 承办人 并 审核人 或 批准人 has no one reading: say which join is meant.
            ctx().sink.add("R0607", "the bearers of this rule are joined by both "
                           + " and ".join(sorted({_JOINER_WORDS[j] for j in joiners})), span,
                           "join the bearers of one rule one way (并, 或 or 分别); write two "
                           "rules for two situations")
        return Bearing(condition, tuple(bearers), citation_of(first(tokens, "CITATION")),
                       joiner=joiners[0] if joiners else "and", span=span)

    def bearer(self, children):
        # The reference (a case field or a kind of bearer) is resolved by the checker,
        # which knows the case records; the words after it are a share and a kind.
        share = kind = None
        for token in children[1:]:
            text = name_of(token)
            if SHARES.get(text) is not None and share is None:
                share = SHARES.get(text)
            elif RESPONSIBILITIES.get(text) is not None and kind is None:
                kind = RESPONSIBILITIES.get(text)
            else:
                from respons.diagnostics.suggest import did_you_mean

                hint = did_you_mean(text, SHARES.spellings() + RESPONSIBILITIES.spellings())
                ctx().sink.add("R0107", f"unknown share or kind of responsibility {text!r}{hint}",
                               span_of(token), f"a share is one of: {SHARES.listing()}; a kind "
                               f"of responsibility one of: {RESPONSIBILITIES.listing()}")
        return Bearer(name_of(children[0]), share, kind, span=span_of(children[0], children[-1]))

    # ── the proceeding (追究) ────────────────────────────────────────────────────
    def proceeding(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("proceeding", stmts, PROC_SINGLES,
                          required={"ladders": "阶梯/ladder"}, head=head)
        spans = tuple((stmt.key, stmt.span) for stmt in stmts if isinstance(stmt, Stmt))
        return Proceeding(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                          span=head, spans=spans, **values)

    def _proc(self, key, children, value=None):
        tokens, values = split(children)
        names = [t for t in tokens if t.type == "NAME"]
        if value is None:
            value = values[0] if values else name_of(names[0])
        last = values[-1].span if values else span_of(names[-1])
        return Stmt(key, value, span_between(span_of(tokens[0]), last))

    def proc_case(self, children):
        return self._proc("case", children)

    def proc_fault(self, children):
        return self._proc("fault_field", children)

    def proc_found(self, children):
        return self._proc("found_field", children)

    def proc_ladders(self, children):
        names = [c for c in children if getattr(c, "type", None) == "NAME"]
        return self._proc("ladders", children, tuple(Ref((name_of(n),), span=span_of(n))
                                                     for n in names))

    def proc_apportion(self, children):
        name = children[1]
        return self._proc("apportionment", children, Ref((name_of(name),), span=span_of(name)))

    def proc_decides(self, children):
        return self._proc("decided_by", children)

    def proc_proposes(self, children):
        return self._proc("proposed_by", children)

    def proc_defence(self, children):
        return self._proc("defence_field", children)

    def proc_subject(self, children):
        return self._proc("subject_field", children)


_JOINER_WORDS = {"and": "并", "or": "或", "severally": "分别"}

RIGHT_SINGLES = {"starts": "起算/starts", "within": "期限/within", "holder": "权利人/holder",
                 "no_suspend": "不停止执行/does-not-suspend"}


class RightRules:
    """A party's right within a window (权利)."""

    def right(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("right", stmts, RIGHT_SINGLES, ("exercised_by",),
                          required={"starts": "起算/starts", "within": "期限/within"},
                          head=head)
        period, until, period_citation, by_law = values.pop("within", (None, None, None, False))
        no_suspend = values.pop("no_suspend", None)
        exercised = tuple(r for refs in values.pop("exercised_by") for r in refs)
        starts, where = values.get("starts") or (None, None)
        return Right(name_of(tokens[1]), starts, period, until, exercised,
                     values.get("holder"), no_suspend is None, period_citation,
                     no_suspend if no_suspend is not True else None,
                     citation_of(first(tokens, "CITATION")), where=where, span=head,
                     by_law=by_law)

    def right_starts(self, children):
        tokens, values = split(children)
        where = values[1] if len(values) > 1 else None
        span = span_between(span_of(tokens[0]), (where or values[0]).span)
        return Stmt("starts", (values[0], where), span)

    def right_within(self, children):
        tokens, values = split(children)
        citation = citation_of(first(tokens, "CITATION"))
        if first(tokens, "KW_BY_LAW") is not None:  # 期限 依照法律和有关规定: no period here
            return Stmt("within", (None, None, citation, True), span_of(tokens[0], tokens[-1]))
        names = [t for t in tokens if t.type == "NAME"]
        value = (values[0], None, citation, False) if values else (
            None, name_of(names[0]), citation, False)
        return Stmt("within", value, span_of(tokens[0], tokens[-1]))

    def right_exercised(self, children):
        tokens, refs = split(children)
        return Stmt("exercised_by", tuple(refs), span_between(span_of(tokens[0]), refs[-1].span))

    def right_holder(self, children):
        return Stmt("holder", name_of(children[1]), span_of(children[0], children[1]))

    def right_no_suspend(self, children):
        tokens, _ = split(children)
        citation = citation_of(first(tokens, "CITATION"))
        return Stmt("no_suspend", citation or True, span_of(tokens[0], tokens[-1]))

"""Building assessments: scheme, items and deductions, bands, vetoes, consequences."""

from __future__ import annotations

from decimal import Decimal

from lark import Token

from respons.model.assessment import (
    Assessment,
    Band,
    Bar,
    Bound,
    Boundary,
    Consequence,
    Deduction,
    Finding,
    Item,
    Param,
    Recorded,
    Sample,
    Veto,
    Weight,
)
from respons.model.vocab import (
    BOUND_PREFIXES,
    BOUND_SUFFIXES,
    COMPARATORS,
    CYCLES,
    EVALUATIONS,
    POINTS,
    TIMES,
    UNITS,
)
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    first,
    name_of,
    number_of,
    ref_of,
    span_between,
    span_of,
    split,
    string_of,
    word,
)

ASSESS_SINGLES = {"scheme": "方案/scheme", "subject": "对象/subject", "cycle": "周期/period",
                  "full_marks": "满分/full-marks", "sample": "抽样/sample"}
ASSESS_LISTS = ("items", "bands", "boundaries", "vetoes", "consequences", "weights", "params",
                "recorded", "bars")


def assessment_fields(values: dict) -> dict:
    scheme = values.pop("scheme", None)
    if scheme is not None:
        values["scheme"], values["scheme_span"] = scheme
    return values


def points_of(token) -> Decimal:
    """A number of points (or a score, a share) as the exact decimal the regime wrote:
    2.5 is Decimal("2.5"), never the float nearest it."""
    return Decimal(str(number_of(token)))


class AssessmentRules:
    def assessment(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("assessment", stmts, ASSESS_SINGLES, ASSESS_LISTS,
                          {"scheme": "方案/scheme"}, head)
        return Assessment(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                          span=head, **assessment_fields(values))

    def scheme(self, children):
        span = span_of(children[0], children[1])
        return Stmt("scheme", (name_of(children[1]), span_of(children[1])), span)

    def cycle(self, children):
        return Stmt("cycle", word(CYCLES, children[1]), span_of(children[0], children[1]))

    def full_marks(self, children):
        return Stmt("full_marks", points_of(children[1]), span_of(children[0], children[1]))

    def item_from(self, children):
        return _From(name_of(children[1]))

    def item(self, children):
        tokens, deductions = split(children)
        source = next((d for d in deductions if isinstance(d, _From)), None)
        deductions = [d for d in deductions if not isinstance(d, _From)]
        points = first(tokens, "NUMBER")
        span = span_of(tokens[0], points or tokens[1])
        unit = tokens[3] if len(tokens) > 3 and points is not None else None
        if unit is not None and unit.type == "NAME":
            word(POINTS, unit)
        item = Item(name_of(tokens[1]), points_of(points) if points is not None else None,
                    tuple(d.value for d in deductions if d.key == "deductions"),
                    citation_of(first(tokens, "CITATION")), span=span,
                    findings=tuple(d.value for d in deductions if d.key == "findings"),
                    source=str(source) if source is not None else None)
        return Stmt("items", item, span)

    def deduction(self, children):
        tokens, values = split(children)
        per, where, by, cap = _refine(values)
        deduct = first(tokens, "KW_DEDUCT") or first(tokens, "KW_ADD")
        points = tokens[tokens.index(deduct) + 1]
        after = tokens[tokens.index(deduct) + 2:]
        if after and after[0].type == "NAME":
            word(POINTS, after[0])
        span = span_of(tokens[0], points)
        deduction = Deduction(per, where, points_of(points),
                              citation_of(first(tokens, "CITATION")), span=span,
                              adds=deduct.type == "KW_ADD", cap=cap, by=by)
        return Stmt("deductions", deduction, span)

    def finding(self, children):
        tokens, values = split(children)
        per, where, by, _ = _refine(values)
        span = span_between(span_of(tokens[0]), per.span) if per.span else span_of(tokens[0])
        return Stmt("findings", Finding(per, where, by, citation_of(first(tokens, "CITATION")),
                                        span=span), span)

    def assess_by(self, children):
        return _By(name_of(children[1]))

    def assess_cap(self, children):
        if len(children) > 2 and children[2].type == "NAME":
            word(POINTS, children[2])
        return _Cap(points_of(children[1]))

    def recorded_score(self, children):
        return self._recorded("score", children)

    def recorded_grade(self, children):
        return self._recorded("grade", children)

    def _recorded(self, what: str, children):
        tokens, values = split(children)
        year = next((v for v in values if isinstance(v, _Year)), None)
        per, _, by, _ = _refine([v for v in values if not isinstance(v, _Year)])
        field = tokens[tokens.index(first(tokens, "KW_OF")) + 1]
        span = span_of(tokens[0], field)
        return Stmt("recorded", Recorded(what, per, name_of(field), by,
                                         citation_of(first(tokens, "CITATION")), span=span,
                                         year_field=str(year) if year else None), span)

    def sample_count(self, children):
        tokens, values = split(children)
        field = tokens[tokens.index(first(tokens, "KW_OF")) + 1]
        return Recorded("count", values[0], name_of(field), span=span_between(
            values[0].span, span_of(field)) if values[0].span else span_of(field))

    def sample_seed(self, children):
        tokens, values = split(children)
        field = tokens[tokens.index(first(tokens, "KW_OF")) + 1]
        return Recorded("seed", values[0], name_of(field), span=span_between(
            values[0].span, span_of(field)) if values[0].span else span_of(field))

    def sample(self, children):
        tokens, values = split(children)
        count_from = next((v for v in values if isinstance(v, Recorded)
                           and v.what == "count"), None)
        seed_from = next((v for v in values if isinstance(v, Recorded)
                          and v.what == "seed"), None)
        per, _, by, _ = _refine([v for v in values if not isinstance(v, Recorded)])
        if count_from is not None:
            span = span_between(span_of(tokens[0]), count_from.span)
            return Stmt("sample", Sample(per, by, None, None,
                                         citation_of(first(tokens, "CITATION")), span=span,
                                         count_from=count_from, seed_from=seed_from), span)
        amount = first(tokens, "NUMBER")
        unit = tokens[tokens.index(amount) + 1]
        span = span_of(tokens[0], unit)
        count, share = None, None
        if unit.type == "PERCENT":
            share = points_of(amount)
            if not 0 < share <= 100:
                ctx().sink.add("R0105", f"a share of {share}% draws no files or more than all",
                               span_of(amount, unit), "write a share above 0 and at most 100")
        else:
            word(TIMES, unit)
            value = number_of(amount)
            if not isinstance(value, int) or value < 1:
                ctx().sink.add("R0105", f"{amount} files cannot be drawn", span_of(amount),
                               "write a whole number of files, 1 or more")
                value = 1
            count = int(value)
        return Stmt("sample", Sample(per, by, count, share,
                                     citation_of(first(tokens, "CITATION")), span=span,
                                     seed_from=seed_from), span)

    def appeal(self, children):
        return self._on_file("appeal", children)

    def file_veto(self, children):
        return self._on_file("file_veto", children)

    def _on_file(self, what: str, children):
        tokens, values = split(children)
        field = tokens[tokens.index(first(tokens, "KW_OF")) + 1]
        span = span_of(tokens[0], field)
        equals = values[1] if len(values) > 1 else None
        comparator = first(tokens, "COMPARATOR")
        if comparator is not None and COMPARATORS.get(str(comparator), str(comparator)) != "=":
            ctx().sink.add("R0105", f"a file's veto item is a field equal to a value; "
                           f"{comparator} is not =", span_of(comparator),
                           "write `否决项 EVENT 的 FIELD = VALUE`")
        return Stmt("recorded", Recorded(what, values[0], name_of(field), None,
                                         citation_of(first(tokens, "CITATION")), span=span,
                                         equals=getattr(equals, "value", equals)), span)

    def recorded_year(self, children):
        return _Year(name_of(children[1]))

    def band(self, children):
        tokens, values = split(children)
        bounds = [v for v in values if isinstance(v, Bound)]
        condition = next((v for v in values if not isinstance(v, Bound)), None)
        span = span_between(span_of(tokens[0]), bounds[-1].span) if bounds else \
            span_of(tokens[0], tokens[1])
        band = Band(name_of(tokens[1]), tuple(b for b in bounds if b.op is not None),
                    citation_of(first(tokens, "CITATION")), span=span, condition=condition)
        return Stmt("bands", band, span)

    def bound_op(self, children):
        return Bound(COMPARATORS[str(children[0])], points_of(children[1]),
                     span=span_of(children[0], children[1]))

    def bound_suffix(self, children):
        return Bound(word(BOUND_SUFFIXES, children[1]), points_of(children[0]),
                     span=span_of(children[0], children[1]))

    def bound_prefix(self, children):
        return Bound(word(BOUND_PREFIXES, children[0]), points_of(children[1]),
                     span=span_of(children[0], children[1]))

    def boundary(self, children):
        tokens = children
        span = span_of(tokens[0], tokens[2])
        boundary = Boundary(points_of(tokens[1]), name_of(tokens[2]),
                            citation_of(first(tokens, "CITATION")), span=span)
        return Stmt("boundaries", boundary, span)

    def veto(self, children):
        tokens, values = split(children)
        grade = next(t for t in tokens if t.type == "NAME")
        span = span_between(span_of(tokens[0]), span_of(grade))
        veto = Veto(values[0], name_of(grade), citation_of(first(tokens, "CITATION")), span=span)
        return Stmt("vetoes", veto, span)

    def bar(self, children):
        tokens, values = split(children)
        span = span_of(tokens[0], tokens[1])
        cite = citation_of(first(tokens, "CITATION"))
        cause = values[0]
        if isinstance(cause, tuple):  # 考核 A 等级 G2
            ref, graded = cause
            bar = Bar(name_of(tokens[1]), assessment=ref, graded=graded, citation=cite,
                      span=span)
        else:
            bar = Bar(name_of(tokens[1]), condition=cause, citation=cite, span=span)
        return Stmt("bars", bar, span)

    def bar_grade(self, children):
        return ref_of([children[1]]), name_of(children[3])

    def consequence(self, children):
        tokens, values = split(children)
        grade = tokens[1]
        consecutive = None
        if first(tokens, "KW_CONSECUTIVE") is not None:
            index = tokens.index(first(tokens, "KW_CONSECUTIVE"))
            consecutive = int(number_of(tokens[index + 1]))
            word(UNITS, tokens[index + 2])
        span = span_of(tokens[0], grade)
        parties = dict(v for v in values[1:] if isinstance(v, tuple) and len(v) == 2
                       and v[0] in ("decided_by", "proposed_by"))
        consequence = Consequence(name_of(grade), consecutive, values[0],
                                  citation_of(first(tokens, "CITATION")), span=span,
                                  decided_by=parties.get("decided_by"),
                                  proposed_by=parties.get("proposed_by"))
        return Stmt("consequences", consequence, span)

    def conseq_decides(self, children):
        return ("decided_by", _party(children[1]))

    def conseq_proposes(self, children):
        return ("proposed_by", _party(children[1]))

    def weight(self, children):
        tokens, values = split(children)
        span = span_of(tokens[0], tokens[2])
        weight = Weight(word(EVALUATIONS, tokens[1]), points_of(tokens[2]),
                        citation_of(first(tokens, "CITATION")), span=span,
                        scores=values[0] if values else None)
        return Stmt("weights", weight, span)

    def weight_scores(self, children):
        tokens, values = split(children)
        per, _, by, _ = _refine(values)
        field = tokens[tokens.index(first(tokens, "KW_OF")) + 1]
        return Recorded("score", per, name_of(field), by, span=span_of(tokens[0], field))

    def param(self, children):
        span = span_between(span_of(children[0]), children[2].span)
        return Stmt("params", Param(name_of(children[1]), children[2], span=span), span)




class _By(str):
    """按 FIELD, as the builder passes it up to the statement it belongs to."""


class _From(str):
    """来自 ASSESSMENT of an item."""


class _Year(str):
    """周期 FIELD of a recorded score or grade."""


class _Cap:
    def __init__(self, points: Decimal) -> None:
        self.points = points


def _refine(values):
    """(what is counted, its 限于 condition, its 按 field, its 至多 cap) of a statement's
    values, each but the first optional."""
    per, where, by, cap = values[0], None, None, None
    for value in values[1:]:
        if isinstance(value, _By):
            by = str(value)
        elif isinstance(value, _Cap):
            cap = value.points
        else:
            where = value
    return per, where, by, cap


def _party(value):
    """Who decides or proposes: a declared agency, body or post (a `Ref`, checked), or the
    text's own words in quotes (a str: 本级人民政府, which a city's regime does not declare)."""
    return string_of(value) if isinstance(value, Token) else value

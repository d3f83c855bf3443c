"""Building scenarios (场景): the date, the records and the expectations of each.

What the builder can judge alone — a date that is no date, a state word that is not one,
a fact said twice, `缺` without `无法确定` — it reports here; whether the names a scenario
uses exist, and whether its values fit their fields, needs the regime, and is
``respons.check.rules.scenarios``'s.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from lark import Token

from respons.diagnostics.diagnostic import related
from respons.diagnostics.suggest import did_you_mean
from respons.model.scenario import (
    HELD,
    NO_STEP,
    RIGHT_STATES,
    STATES,
    AssessmentExpected,
    BearerExpected,
    Datum,
    Fact,
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
    Which,
    fact_word,
)
from respons.model.vocab import RESPONSIBILITIES, SHARES
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    date_of,
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
from respons.syntax.numerals import parse_number


def datum_of(token: Token) -> Datum:
    """A value as written: its kind comes from the token (a quoted string, a bare name…)."""
    span = span_of(token)
    if token.type == "STRING":
        return Datum("string", string_of(token), span=span)
    if token.type == "NUMBER":
        return Datum("number", number_of(token), span=span)
    if token.type == "DATE":
        return Datum("date", date_of(token), span=span)
    if token.type == "DATETIME":
        return Datum("time", time_of(token), span=span)
    return Datum("name", name_of(token), span=span)


def time_of(token: Token) -> str:
    """A date-time as written, once it is known to be a real one (2025-02-30T10:00 is not)."""
    text = str(token)
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        ctx().sink.add("R0105", f"{text} is not a time on the calendar", span_of(token),
                       "write a time as YYYY-MM-DDTHH:MM, e.g. 2025-09-30T10:00")
    return text


def _tagged(children, tag: str):
    return next((value for key, value in (c for c in children if isinstance(c, tuple))
                 if key == tag), None)


class ScenarioRules:
    def scenario(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("scenario", stmts, {"as_of": "截至/as-of"},
                          ("records", "expectations"), {"as_of": "截至/as-of"}, head)
        return Scenario(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                        span=head, **values)

    def as_of(self, children):
        return Stmt("as_of", date_of(children[1]), span_of(children[0], children[1]))

    # ── records ──────────────────────────────────────────────────────────────────
    def given(self, children):
        names = [c for c in children if isinstance(c, Token) and c.type == "NAME"]
        moment = next(c for c in children if isinstance(c, Token)
                      and c.type in ("DATE", "DATETIME"))
        fields = tuple(c for c in children if isinstance(c, GivenField))
        last = fields[-1].span if fields else span_of(moment)
        span = span_between(span_of(children[0]), last)
        record = Given(ref_of(names[:2]), datum_of(moment), _tagged(children, "matter"),
                       fields, _tagged(children, "id"), _tagged(children, "corrects"),
                       span=span)
        return Stmt("records", record, span)

    def given_id(self, children):
        return ("id", _text(children[0]))

    def given_corrects(self, children):
        return ("corrects", _text(children[1]))

    def given_matter(self, children):
        return ("matter", datum_of(children[0]))

    def given_field(self, children):
        name, comparator, value = children
        span = span_between(span_of(name), value.span)
        if str(comparator) != "=":
            ctx().sink.add("R0101", f"a record's field is given with `=`, not `{comparator}`",
                           span_of(comparator), f"write `{name_of(name)} = {value.text}`")
        return GivenField(name_of(name), value, span=span)

    def name_path(self, children):
        return ref_of(children)

    def datum(self, children):
        value = children[0]
        if isinstance(value, Token):
            return datum_of(value)
        return Datum("name", value.text, span=value.span)  # 行政执法部门.法制工作机构

    # ── expectations ─────────────────────────────────────────────────────────────
    def expect(self, children):
        expectation = children[1]
        span = span_between(span_of(children[0]), expectation.span)
        return Stmt("expectations", attrs.evolve(expectation, span=span), span)

    def expect_duty(self, children, vocab=STATES, model=ObligationExpected):
        tokens, values = split(children)
        which = next(v for v in values if isinstance(v, Which))
        written = [f for v in values for f in (v if isinstance(v, list) else [v])
                   if isinstance(f, Fact)]
        # The state word is read in the vocabulary of what is expected: an obligation's
        # states, or a right's window's (`RIGHT_STATES`).
        written = [attrs.evolve(f, value=word(vocab, f.value)) if f.name == "state" else f
                   for f in written]
        facts, seen = _once(written)
        if "lacks" in seen and seen.get("state") and seen["state"].value != "unknown":
            ctx().sink.add("R1305", "`缺`/`lacks` names the year a due date cannot be "
                           "determined for, but this obligation is not expected unknown",
                           seen["lacks"].span, "write `无法确定 缺 <year>` "
                           "(`unknown lacks <year>`), or leave the year out")
        last = facts[-1].span if facts else span_of(tokens[1])
        return model(ref_of([tokens[1]]), which, tuple(facts), _tagged(values, "as_of"),
                     span=span_between(span_of(tokens[0]), last))

    def expect_no_duty(self, children, model=NoObligation):
        tokens, values = split(children)
        matter = _tagged(values, "matter")
        return model(ref_of([tokens[2]]), Which(matter), _tagged(values, "as_of"),
                     span=span_between(span_of(tokens[0]), span_of(tokens[-1])))

    def expect_right(self, children):
        return self.expect_duty(children, RIGHT_STATES, RightExpected)

    def expect_no_right(self, children):
        return self.expect_no_duty(children, NoRight)

    def expect_notice(self, children):
        tokens, values = split(children)
        facts, _ = _once(v for v in values if isinstance(v, Fact))
        last = facts[-1].span if facts else span_of(tokens[-1])
        return NoticeExpected(ref_of([tokens[1]]), _tagged(values, "matter"), tuple(facts),
                              _tagged(values, "as_of"),
                              span=span_between(span_of(tokens[0]), last))

    def expect_no_notice(self, children):
        tokens, values = split(children)
        return NoNotice(ref_of([tokens[2]]), _tagged(values, "matter"),
                        _tagged(values, "as_of"),
                        span=span_between(span_of(tokens[0]), span_of(tokens[-1])))

    def number_fact(self, children):
        return _fact("number", children, string_of(children[1]))

    def recipient_fact(self, children):
        return _fact("recipient", children, string_of(children[1]))

    def element_fact(self, children):
        name, comparator, text = children[1], children[2], children[3]
        if str(comparator) != "=":
            ctx().sink.add("R0101", f"an element's text is given with `=`, not `{comparator}`",
                           span_of(comparator), f"write `要素 {name_of(name)} = …`")
        return _fact(f"element:{name_of(name)}", children, string_of(text))

    def expect_assessment(self, children):
        tokens, values = split(children)
        subject = next(v for v in values if isinstance(v, Datum))
        year_token = next(t for t in tokens if t.type == "NUMBER")
        year = number_of(year_token)
        if not isinstance(year, int) or not 1900 <= year <= 9998:
            ctx().sink.add("R0105", f"{year_token} is not a year", span_of(year_token),
                           "name the year assessed, e.g. 2025")
            year = 0
        # Several consequences may be expected; every other fact once.
        facts, _ = _once((v for v in values if isinstance(v, Fact)),
                         repeatable=("consequence", "bar", "decider", "proposer"))
        last = facts[-1].span if facts else span_of(year_token)
        return AssessmentExpected(ref_of([tokens[1]]), subject, int(year), tuple(facts),
                                  span=span_between(span_of(tokens[0]), last))

    def expect_subject(self, children):
        return datum_of(children[0])

    def score_fact(self, children):
        token = children[1]
        return _fact("score", children, None if token.type == "KW_NONE"
                     else Decimal(str(number_of(token))))

    def grade_fact(self, children):
        token = children[1]
        return _fact("grade", children, None if token.type == "KW_NONE" else name_of(token))

    def consequence_fact(self, children):
        value = children[1]
        return _fact("consequence", children, _name_or_none(value))

    def decider_fact(self, children):
        return _fact("decider", children, _who(children[1]))

    def proposer_fact(self, children):
        return _fact("proposer", children, _who(children[1]))

    def bar_fact(self, children):
        return _fact("bar", children, name_of(children[1]))

    def item_found_fact(self, children):
        item = name_of(children[1])
        count = number_of(children[3])
        if not isinstance(count, int) or count < 0:
            ctx().sink.add("R0105", f"{children[3]} is not a number of records",
                           span_of(children[3]), "write how many records the item found: 0, 1, 2…")
            count = 0
        return _fact(f"item:{item}:found", children, count)

    def item_score_fact(self, children):
        token = children[3]
        return _fact(f"item:{name_of(children[1])}:score", children,
                     None if token.type == "KW_NONE" else Decimal(str(number_of(token))))

    def expect_liability(self, children):
        tokens, values = split(children)
        given = {key: value for key, value in (v for v in values if isinstance(v, tuple))}
        # Each fact once (R0108); 从重, 从轻 and 待定 are each a fact of their own.
        facts, seen = _once(v for v in values if isinstance(v, Fact))
        measures = seen.get("measures")
        bearers = seen.get("bearers")
        return LiabilityExpected(
            given["matter"], given.get("ladder"),
            seen["step"].value if "step" in seen else None,
            measures.value[0] if measures else None, bearers.value if bearers else None,
            additions=measures.value[1] if measures else None,
            held=tuple(f for f in facts if f.name in HELD),
            kept=seen["kept"].value if "kept" in seen else None,
            span=span_of(tokens[0]))  # the statement's head: its facts have their own

    def expect_not_pursued(self, children):
        tokens, values = split(children)
        given = {key: value for key, value in (v for v in values if isinstance(v, tuple))}
        because = tuple(v for v in values if isinstance(v, Fact))
        return NotPursued(given["matter"], given.get("ladder"), held=because,
                          span=span_of(tokens[0]))

    def expect_ladder(self, children):
        return ("ladder", ref_of([children[1]]))

    def expect_step(self, children):
        return Fact("step", parse_number(str(children[0])[1:-1].strip()),
                    span=span_of(children[0]))

    def expect_kept(self, children):
        # 保留较高级 第N级, or 无 (NO_STEP): the higher step a 保留较高级 step kept open.
        token = children[1]
        level = NO_STEP if token.type == "KW_NONE" else parse_number(str(token)[1:-1].strip())
        return Fact("kept", level, span=span_of(children[0], token))

    def expect_measures(self, children):
        # 或 separates options, 并 joins the measures of one option (as a ladder writes them);
        # after 并可以, the measures that may be added (their absence: none may be).
        options, current, additions = [], [], None
        for token in children[1:]:
            if token.type == "KW_AND_MAY":
                additions = []
            elif token.type == "NAME" and additions is not None:
                additions.append(name_of(token))
            elif token.type == "NAME":
                current.append(name_of(token))
            elif token.type == "KW_OR" and additions is None:
                options.append(tuple(current))
                current = []
        options.append(tuple(current))
        return Fact("measures", (tuple(options), tuple(additions or ())),
                    span=span_of(children[0], children[-1]))

    def expect_bearers(self, children):
        people = tuple(c for c in children[1:] if isinstance(c, BearerExpected))
        return Fact("bearers", people, span=span_between(span_of(children[0]), people[-1].span))

    def expect_bearer(self, children):
        # A person, then the words of their share (主要…) and kind (直接责任…), as a 责任划分
        # rule writes them after a bearer: each word is one or the other.
        shares, kinds = [], []
        for token in children[1:]:
            text = name_of(token)
            share, kind = SHARES.get(text), RESPONSIBILITIES.get(text)
            if share is not None:
                shares.append(share)
            elif kind is not None:
                kinds.append(kind)
            else:
                hint = did_you_mean(text, SHARES.spellings() + RESPONSIBILITIES.spellings())
                ctx().sink.add("R0107", f"unknown share or kind of responsibility {text!r}"
                               f"{hint}", span_of(token),
                               f"after the person, a share is one of: {SHARES.listing()}; a "
                               f"kind of responsibility one of: {RESPONSIBILITIES.listing()}")
        return BearerExpected(name_of(children[0]), tuple(dict.fromkeys(shares)),
                              tuple(dict.fromkeys(kinds)),
                              span=span_of(children[0], children[-1]))

    def expect_held(self, children):
        # 从重 X、Y / 从轻 无 / 待定 Z: the fact is named by its keyword's terminal.
        name = {"KW_AGGRAVATE": "aggravated", "KW_MITIGATE": "mitigated",
                "KW_PENDING": "pending"}[children[0].type]
        return _names_fact(name, children)

    def expect_because(self, children):
        return _names_fact("because", children)

    def expect_names(self, children):
        return list(children)

    def expect_which(self, children):
        return Which(_tagged(children, "matter"), _tagged(children, "start"))

    def expect_matter(self, children):
        return ("matter", datum_of(children[0]))

    def expect_start(self, children):
        return ("start", datum_of(children[1]))

    def expect_as_of(self, children):
        return ("as_of", date_of(children[1]))

    def state_fact(self, children):
        # The word itself: what it means depends on what is expected (`expect_duty`).
        state = Fact("state", children[0], span=span_of(children[0]))
        if len(children) == 1:
            return [state]
        year = number_of(children[2])
        if not isinstance(year, int) or not 1 <= year <= 9999:
            ctx().sink.add("R0105", f"{children[2]} is not a year", span_of(children[2]),
                           "name the year the calendar lacks, e.g. `缺 2027`")
            year = None
        return [state, Fact("lacks", year, span=span_of(children[1], children[2]))]

    def due_fact(self, children):
        return _fact("due", children, _date_or_none(children[1]))

    def extended_fact(self, children):
        return _fact("extended", children, _date_or_none(children[2]))

    def met_fact(self, children):
        token = children[1]
        return _fact("met_by", children, None if token.type == "KW_NONE" else datum_of(token))

    def owner_fact(self, children):
        return _fact("owner", children, _name_or_none(children[1]))

    def agency_fact(self, children):
        return _fact("agency", children, _name_or_none(children[1]))


def _names_fact(name: str, children) -> Fact:
    """A fact whose value is the names written after its keyword (`expect_names`), or ()
    for 无."""
    tokens = children[1] if isinstance(children[1], list) else [children[1]]
    names = () if tokens[0].type == "KW_NONE" else tuple(dict.fromkeys(map(name_of, tokens)))
    return Fact(name, names, span=span_of(children[0], tokens[-1]))


def _once(written, repeatable: tuple[str, ...] = ()) -> tuple[list[Fact], dict[str, Fact]]:
    """The facts of an expectation, each said once (R0108 for a repeat, pointing at the
    first) but those ``repeatable``; and the first of each by name."""
    facts: list[Fact] = []
    seen: dict[str, Fact] = {}
    for fact in written:
        if fact.name in seen and fact.name not in repeatable:
            word = fact_word(fact.name)
            ctx().sink.add("R0108", f"the {word} is given twice in this expectation",
                           fact.span, f"an expectation says its {word} once; remove one",
                           related(seen[fact.name].span, f"the first {word}"))
            continue
        seen.setdefault(fact.name, fact)
        facts.append(fact)
    return facts, seen


def _fact(name: str, children, value) -> Fact:
    last = children[-1]
    end = last.span if not isinstance(last, Token) else span_of(last)
    return Fact(name, value, span=span_between(span_of(children[0]), end))


def _date_or_none(token: Token):
    return None if token.type == "KW_NONE" else date_of(token)


def _who(token: Token) -> str:
    return string_of(token) if token.type == "STRING" else name_of(token)


def _name_or_none(value):
    if isinstance(value, Token):
        return None if value.type == "KW_NONE" else string_of(value)
    return value.text  # a (dotted) name: 区政府.区政府法制办.评查人员


def _text(token: Token) -> str:
    return string_of(token) if token.type == "STRING" else name_of(token)


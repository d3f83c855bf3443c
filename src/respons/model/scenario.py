"""Scenarios (场景): a regime author's tests of a regime, written in the regime language.

A scenario names records — compact lines of kind, event, matter, date and fields (记录) —
the date it judges as of (截至), and what must follow (预期): an obligation of a duty with its
due date, state, the record that met it, its owner and agency; or no obligation at all.
`respons test` runs each on a store of its own and compares (``respons.engine.scenarios``).

What a scenario can expect is one table, `EXPECTABLE`: a statement `预期 <what> …` per row,
each naming the kind of rule it exercises, which the coverage report counts. Issues to come
add rows (a measure and who bears it, a grade, a notice) without changing the others.

A scenario is not an element of the law: its name is its own (it shares no scope with the
regime's names), it is never inherited through `上位`/`参照`, and it runs in the file that
holds it (docs/language.md, "Scenarios").
"""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition, refs_in
from respons.model.liability import Modifier
from respons.model.record import FieldType, RecordKind
from respons.model.vocab import Vocabulary


@attrs.frozen(slots=True)
class Datum:
    """A value written in a scenario, as the author wrote it: ``kind`` is ``string``
    (quoted), ``name`` (bare), ``number``, ``date`` or ``time`` (a date-time). What it
    means for a record follows the field's type (docs/records.md): a bare 是/否 is a truth
    value for a 是否 field, a name for an agency field, text for a text field."""

    kind: str
    value: object
    span: Span | None = span_field()

    @property
    def text(self) -> str:
        if isinstance(self.value, dt.date):
            return self.value.isoformat()
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value)


@attrs.frozen(slots=True)
class GivenField:
    """`字段 = 值` of a scenario's record."""

    name: str
    value: Datum
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Given:
    """One record of a scenario (记录): ``type`` is kind.event, ``matter`` the value of the
    kind's key (None for a kind without one), ``at`` when it happened (a date or a time).
    ``id`` is None when the author gave none: `record_id` derives one."""

    type: Ref
    at: Datum
    matter: Datum | None = None
    fields: tuple[GivenField, ...] = ()
    id: str | None = None
    corrects: str | None = None
    span: Span | None = span_field()


def carried(records: tuple[Given, ...]) -> tuple[tuple[GivenField, ...], ...]:
    """The fields of each record: those of its matter's record before it (of the same
    kind), with its own put in their place or added. A matter's fields are written once,
    on its first record, as every event of a matter carries them in a real records file;
    a later record gives only what is new (情况复杂 = 是 on the 批准延长)."""
    last: dict[tuple[str, str], dict[str, GivenField]] = {}
    out = []
    for record in records:
        own: dict[str, GivenField] = {}
        for field in record.fields:
            own.setdefault(field.name, field)  # a field given twice is the check's to report
        key = (record.type.head, record.matter.text) if record.matter is not None else None
        fields = {**last.get(key, {}), **own} if key is not None else own
        if key is not None:
            last[key] = fields
        out.append(tuple(fields.values()))
    return tuple(out)


def record_ids(records: tuple[Given, ...]) -> tuple[str, ...]:
    """The id of each record: its own, or one derived from what it says — matter, event
    and date (``ZJ-2025-11.立案.2025-10-16``), numbered ``#2``, ``#3`` when the same
    matter has the same event at the same time again — so that it does not change when
    other records are added or moved."""
    ids, seen = [], {}
    for record in records:
        if record.id is not None:
            ids.append(record.id)
            continue
        base = ".".join((record.matter.text if record.matter else record.type.head,
                         record.type.parts[-1], record.at.text))
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return tuple(ids)


#: How a scenario writes a 是否 (boolean) field's value: bare 是/否, true/false, yes/no.
TRUTH = Vocabulary("truth value", {"true": ("是", "yes", "真"), "false": ("否", "no", "假")})


def as_written(datum: Datum) -> object:
    """A value as a records file would hold it, before its field's type is known: text,
    a number, or a date as ISO text."""
    return datum.text if datum.kind in ("date", "time", "name", "string") else datum.value


def field_value(datum: Datum, type: FieldType | None) -> object:
    """The value of a record's field as JSON Lines would hold it (docs/records.md): a
    bare 是/否 is true/false for a 是否 field; dates are ISO text; the rest as written. A
    value that does not fit is passed on as written, for the records' own check to refuse
    (``respons.check.rules.scenarios`` reports it first)."""
    if type is not None and type.kind == "boolean" and datum.kind == "name":
        truth = TRUTH.get(datum.text)
        if truth is not None:
            return truth == "true"
    return as_written(datum)


def record_of(given: Given, id: str, kind: RecordKind | None,
              fields: tuple[GivenField, ...] | None = None) -> dict:
    """The JSON Lines record a scenario's record line stands for, with ``fields`` (its
    own and those it carries, `carried`; its own when none are given)."""
    record: dict[str, object] = {"id": id, "type": given.type.text, "at": given.at.text}
    if given.matter is not None and kind is not None and kind.key:
        record[kind.key] = given.matter.text
    types = {f.name: f.type for f in kind.fields} if kind is not None else {}
    for field in given.fields if fields is None else fields:
        record[field.name] = field_value(field.value, types.get(field.name))
    if given.corrects is not None:
        record["corrects"] = given.corrects
    return record


#: The states an obligation can be in (docs/evaluate.md), with the words a scenario writes.
STATES = Vocabulary("state of an obligation", {
    "met": ("按期完成", "按期", "met-on-time"),
    "met_late": ("逾期完成", "met-late"),
    "open": ("未到期", "进行中"),
    "paused": ("中止", "已中止"),
    "overdue": ("逾期", "逾期未完成"),
    "unknown": ("无法确定",),
})

#: The states of a party's right window (`预期 权利`; `respons.engine.rights.WINDOW_STATES`):
#: exercised within the window, after it closed, not yet, or never — no one's breach.
RIGHT_STATES = Vocabulary("state of a right's window", {
    "exercised": ("已行使",),
    "exercised_late": ("逾期行使", "exercised-late"),
    "open": ("可行使", "期间内"),
    "lapsed": ("已届满", "未行使"),
    "unknown": ("无法确定",),
})


@attrs.frozen(slots=True)
class Fact:
    """One thing an expectation says must hold. ``name`` is ``state``, ``due``,
    ``extended`` (the due date after an extension), ``met_by`` (the record that met it:
    its id, or its date), ``owner``, ``agency`` or ``lacks`` (the year the calendar lacks,
    for an unknown due date); ``value`` None where the author wrote 无 (none). A liability
    expectation's facts are ``step``, ``measures``, ``bearers`` and those of `HELD`, whose
    value is the names written (() for 无)."""

    name: str
    value: object
    span: Span | None = span_field()


#: How each fact is called in messages and in `respons test`'s output.
FACT_WORDS = {"state": "state", "due": "due date", "extended": "extended due date",
              "met_by": "met by", "owner": "owner", "agency": "agency",
              "lacks": "calendar lacks", "number": "document number",
              "recipient": "recipient", "score": "score", "grade": "grade",
              "consequence": "consequence", "assessment": "assessment", "bar": "bar",
              "decider": "decided by", "proposer": "proposed by",
              "step": "step", "measures": "measures", "bearers": "bearers",
              "pursued": "pursued", "case": "case", "ladder": "ladder",
              "aggravated": "从重 applied", "mitigated": "从轻 applied",
              "pending": "待定 (left to the decision-maker)",
              "because": "因 (not pursued for)", "share": "share",
              "kind": "kind of responsibility", "kept": "保留较高级 (higher step kept open)"}


def fact_word(name: str) -> str:
    """How a fact is called: `FACT_WORDS`, or ``element 整改要求`` for a notice's element."""
    if name.startswith("element:"):
        return f"element {name.split(':', 1)[1]}"
    if name.startswith("item:"):
        _, item, what = name.split(":", 2)
        return f"{'found by' if what == 'found' else 'score of'} item {item}"
    return FACT_WORDS[name]


@attrs.frozen(slots=True)
class Which:
    """Which obligation of a duty: the matter (its key) and, where the matter starts the
    duty more than once, the start — the starting record's id or its date."""

    matter: Datum | None = None
    start: Datum | None = None


@attrs.frozen(slots=True)
class ObligationExpected:
    """`预期 职责 D M 〈facts〉`: an obligation of duty D for matter M, with these facts, as
    of the scenario's date or the expectation's own (``as_of``)."""

    duty: Ref
    which: Which
    facts: tuple[Fact, ...]
    as_of: dt.date | None = None
    span: Span | None = span_field()

    def fact(self, name: str) -> Fact | None:
        return next((f for f in self.facts if f.name == name), None)


@attrs.frozen(slots=True)
class NoObligation:
    """`预期 无 职责 D [M]`: duty D has no obligation (for matter M, when one is named)."""

    duty: Ref
    which: Which = Which()
    as_of: dt.date | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class RightExpected(ObligationExpected):
    """`预期 权利 R M 〈facts〉`: the window of right R (in ``duty``) that the record of matter M
    opened, with these facts — its state (`RIGHT_STATES`), its last day (到期) and the
    record that exercised it (行使)."""


@attrs.frozen(slots=True)
class NoRight(NoObligation):
    """`预期 无 权利 R [M]`: no window of right R opened (for matter M, where named)."""


@attrs.frozen(slots=True)
class NoticeExpected:
    """预期 文书 NOTICE [MATTER] [截至 DATE] facts…: the results call for one such notice (on a
    record of MATTER, where given), and each fact holds of it as issued: ``facts`` are
    `Fact` s named ``number`` (文号), ``recipient`` (主送) or ``element:<name>`` (要素 NAME =
    its text)."""

    notice: Ref
    matter: Datum | None = None
    facts: tuple[Fact, ...] = ()
    as_of: dt.date | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class NoNotice:
    """预期 无 文书 NOTICE [MATTER] [截至 DATE]: the results call for no such notice (on a
    record of MATTER)."""

    notice: Ref
    matter: Datum | None = None
    as_of: dt.date | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class AssessmentExpected:
    """`预期 考核 A SUBJECT YEAR 〈facts〉`: what `respons assess --year YEAR` gives SUBJECT in
    assessment A — facts ``score`` (the total, a number; None for 无), ``grade`` (a band;
    None: not graded), ``consequence`` (a measure that must be among the consequences
    proposed; None: none is), ``item:I:found`` (how many records item I found, over its
    发现), ``item:I:score`` (item I's points; None: not scored), ``bar`` (a grade a bar
    kept the subject from: 不得评为 G), ``decider`` and ``proposer`` (one who decides or
    proposes a consequence proposed: 决定 WHO, 提出 WHO). Judged over the run as
    of the year's last day, whatever the scenario's 截至."""

    assessment: Ref
    subject: Datum
    year: int
    facts: tuple[Fact, ...] = ()
    span: Span | None = span_field()

    #: the duty expectations' date; an assessment is judged as of its year's end
    as_of = None


@attrs.frozen(slots=True)
class BearerExpected:
    """`责任人 张某 主要 直接责任`: a person expected to bear the case, and — where written —
    the shares (``respons.model.vocab.SHARES``: all, main, equal…) and kinds of
    responsibility (``RESPONSIBILITIES``: direct, leadership) they bear it in, canonical.
    Empty ``shares`` (``kinds``): not checked."""

    name: str
    shares: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    span: Span | None = span_field()


#: The circumstances a liability expectation says held, by the modifiers they made hold:
#: fact name → (the scenario's keyword, what the modifiers did). ``aggravated``/``mitigated``:
#: a 从重/从轻 that applied; ``pending``: one left to the decision-maker (可以, or 或 between
#: effects), of either kind; ``because`` (`预期 不予追究 … 因 X`): an exemption (不予追究) or
#: a 免予追究 that ended the ladder.
HELD = {"aggravated": "从重", "mitigated": "从轻", "pending": "待定", "because": "因"}


def held_as(modifier: Modifier) -> str:
    """The fact (`HELD`) a scenario expects ``modifier`` with when it holds: what the engine
    does with it (respons.engine.ladder) — an exemption, or a bound (应当) 免予追究 alone,
    ends the ladder (``because``); a permitted one (可以), or one with alternatives (或), is
    left open (``pending``); any other 从重/从轻 applies."""
    effects = modifier.effects
    if modifier.kind == "exempt" or (modifier.modal != "may" and len(effects) == 1
                                     and effects[0].kind == "waive"):
        return "because"
    if modifier.modal == "may" or len(effects) != 1:
        return "pending"
    return "aggravated" if modifier.kind == "aggravate" else "mitigated"


def named_by(condition: Condition | None, bodies: dict[str, Condition]) -> tuple[str, ...]:
    """Every name a scenario may name a modifier by: those its condition mentions, and,
    through each named condition or circumstance defined by a condition (``bodies``: name →
    its condition), those they mention — tongzhou's 从重 第八条从重情形 is named by 第八条从重情形
    and by each of 第八条's circumstances. In order, each once; cycles (R1205) stop."""
    out: list[str] = []
    stack = [condition]
    while stack:
        for ref in refs_in(stack.pop()):
            if ref.text not in out:
                out.append(ref.text)
                if ref.text in bodies:
                    stack.append(bodies[ref.text])
    return tuple(out)


#: `保留较高级 无` in a liability expectation: no higher step kept open (steps count from 1).
NO_STEP = 0


@attrs.frozen(slots=True)
class LiabilityExpected:
    """`预期 追究 CASE [阶梯 L] [第N级] [从重 X] [从轻 Y] [待定 Z] [保留较高级 第M级] [措施 …]
    [责任人 …]`: the case is pursued — by ladder L (by its one pursued ladder when none is
    named) — at step N, keeping step M open (``kept``), with these measures (its options, 或
    between them and 并 within one) and these people bearing it, in these shares. ``held``
    are the circumstances that made modifiers hold, as `Fact` s named by `HELD` whose value
    is the names (empty: none held); a kind not written is not checked."""

    matter: Datum
    ladder: Ref | None = None
    step: int | None = None
    measures: tuple[tuple[str, ...], ...] | None = None
    bearers: tuple[BearerExpected, ...] | None = None
    as_of: dt.date | None = None
    #: 措施 … 并可以 X 或 Y: the measures that may be added (with 措施 and no 并可以: none).
    additions: tuple[str, ...] | None = None
    held: tuple[Fact, ...] = ()
    #: 保留较高级 第N级: the higher step a 保留较高级 step kept open to the decision-maker
    #: (`NO_STEP`, 无: none); None: not checked.
    kept: int | None = None
    span: Span | None = span_field()

    @property
    def ladder_name(self) -> str:
        return self.ladder.text if self.ladder is not None else ""


@attrs.frozen(slots=True)
class NotPursued:
    """`预期 不予追究 CASE [阶梯 L] [因 X]`: ladder L (every ladder, when none is named) does
    not pursue the case — exempted, waived, or no step holding; with 因, exempted or waived
    for X, the circumstance that made the exemption hold (``held``: one `Fact` "because")."""

    matter: Datum
    ladder: Ref | None = None
    as_of: dt.date | None = None
    held: tuple[Fact, ...] = ()
    span: Span | None = span_field()

    @property
    def ladder_name(self) -> str:
        return self.ladder.text if self.ladder is not None else ""


Expectation = (ObligationExpected | NoObligation | RightExpected | NoRight | NoticeExpected
               | NoNotice | AssessmentExpected | LiabilityExpected | NotPursued)


@attrs.frozen
class Expectable:
    """One row of what a scenario can expect: the word after `预期` (its terminal), the
    model classes it builds, and the `Regime` collection whose rules it exercises — by
    the name held in the expectation's field ``names`` (for coverage)."""

    name: str
    terminal: str
    models: tuple[type, ...]
    exercises: str
    names: str


#: What a scenario can expect. A new row is a grammar alternative of `expect`, its model
#: class, its builder method, its check in ``respons.engine.scenarios`` and its coverage
#: row in ``respons.engine.coverage``.
EXPECTABLE: tuple[Expectable, ...] = (
    Expectable("duty", "KW_DUTY", (ObligationExpected, NoObligation), "duties", "duty"),
    Expectable("right", "KW_RIGHT", (RightExpected, NoRight), "rights", "duty"),
    Expectable("proceeding", "KW_PROCEEDING", (LiabilityExpected,), "ladders", "ladder_name"),
    Expectable("exempt", "KW_EXEMPT", (NotPursued,), "ladders", "ladder_name"),
    Expectable("notice", "KW_NOTICE", (NoticeExpected, NoNotice), "notices", "notice"),
    Expectable("assessment", "KW_ASSESSMENT", (AssessmentExpected,), "assessments",
               "assessment"),
)


def exercised(expectation) -> tuple[str, str]:
    """(the `Regime` collection, the rule's name) an expectation exercises."""
    row = next(r for r in EXPECTABLE if type(expectation) in r.models)
    return row.exercises, str(getattr(expectation, row.names))


def exercises(expectation) -> tuple[tuple[str, str], ...]:
    """Every (collection, rule name) an expectation exercises: its row's, and the step of
    a ladder where it names one (`steps`, "LADDER 第N级")."""
    found = [exercised(expectation)]
    if isinstance(expectation, LiabilityExpected) and expectation.ladder is not None \
            and expectation.step is not None:
        found.append(("steps", f"{expectation.ladder.text} 第{expectation.step}级"))
    return tuple(found)


@attrs.frozen(slots=True)
class Scenario:
    """A scenario (场景): records, a date, and what must follow from them.

    ``as_of`` is the date it judges as of (截至); an expectation may name a later one
    of its own. The records are in the order written; ``records_ids`` gives their ids.
    """

    name: str
    as_of: dt.date | None = None
    records: tuple[Given, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()

    @property
    def record_ids(self) -> tuple[str, ...]:
        return record_ids(self.records)

"""Liability (责任追究): faults, circumstances, measures, ladders, and who bears a fault."""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition
from respons.model.duty import Period


@attrs.frozen(slots=True)
class Later:
    """其后 EVENT 限于 …: a counted record counts only when a later record of ``event`` of
    the same matter (on or after it) satisfies ``where`` — jilin-city 37's complaint counts
    once its 核实 found it true."""

    event: Ref
    where: Condition | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Group:
    """按 FIELD [对应 CASEFIELD]: only records whose ``field`` holds what the case's
    ``case_field`` holds (the same name when none is given) count — per officer, agency,
    certificate or kind of act, rather than across the jurisdiction."""

    field: str
    case_field: str | None = None
    span: Span | None = span_field()

    @property
    def against(self) -> str:
        return self.case_field or self.field


@attrs.frozen(slots=True)
class Count:
    """A circumstance established by counting records: 一年内被追究 3 次以上.

    ``window`` 近 N 年 counts the records dated in the N years up to and including the
    day of the act (the case's date): from the day after the corresponding day N years
    before (民法典 第二百零一条、第二百零二条), so 365 or 366 days for one year;
    ``same_year`` (同一年度) counts the calendar year of the act, where the text says 年度.
    Without either every record counts, however old."""

    event: Ref
    where: Condition | None = None
    window: Period | None = None
    op: str = ">="
    threshold: float = 1
    unit: str | None = None
    later: Later | None = None
    #: 按: every key must match (per agency and kind of act: jilin-city 35(五)).
    groups: tuple[Group, ...] = ()
    same_year: bool = False
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Fault:
    """A situation that counts as a fault (过错行为), e.g. samr 10's eighteen.

    ``categories`` are the broader faults it belongs to (属于): samr 10's eighteen are
    each a 行政执法过错行为 (第九条), and a condition naming that fault holds for them.
    ``count``, where given, makes it a standing rule: the fault is committed by whoever
    (per the count's 按) reaches the count, with no case record of its own (jilin-city 37,
    tongzhou 人员管理办法 17)."""

    name: str
    subject: str | None = None
    categories: tuple[Ref, ...] = ()
    count: Count | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Circumstance:
    """A circumstance (情形/情节) a ladder, veto or apportionment rule can test: established
    case by case, by counting records (``count``), or by a condition over other
    circumstances and faults (``condition``, 条件)."""

    name: str
    subject: str | None = None
    count: Count | None = None
    condition: Condition | None = None
    #: 认定 X: left to X (the decision-maker) to find; the case record names it as found.
    found_by: Ref | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Measure:
    """A measure (追究方式): 通报批评, 暂扣执法证件… ranked by ``severity`` (higher is heavier)."""

    name: str
    severity: float | None = None
    category: str | None = None
    subject: str | None = None
    #: 施于: on whom it falls — the unit, its principal or 分管 leader, the officer
    #: (``respons.model.vocab.FALLS_ON``).
    falls_on: tuple[str, ...] = ()
    #: 决定 X: who decides this measure, in the text's words, where it is not the
    #: proceeding's decider.
    decided_by: Ref | None = None
    citation: Citation | None = None
    span: Span | None = span_field()

    @property
    def referral(self) -> bool:
        """处分 is imposed only by the appointing authority (公务员法, 监察法; samr 16,
        guizhou-edu 13): the system proposes it as a referral, never decides it."""
        return self.category == "sanction"


@attrs.frozen(slots=True)
class Step:
    """One step of a ladder: when ``condition`` holds, one of ``options`` applies.

    ``options`` are alternatives (或); each is a combination of measures applied together (并).
    ``combine`` (单独或者合并): the options are single measures, which apply alone or in any
    combination. ``modal`` is "shall" (应当, the default) or "may" (可以). ``additions`` (并可以)
    are measures that may be added to whichever option is chosen — never required.
    """

    level: int
    condition: Condition
    options: tuple[tuple[Ref, ...], ...]
    citation: Citation | None = None
    combine: bool = False
    modal: str = "shall"
    #: 并可以 X 或 Y: measures the decision-maker may add to the option chosen (samr 15②).
    additions: tuple[Ref, ...] = ()
    #: 保留较高级: a permitted (可以) lighter step that, where it holds, is proposed in place
    #: of the higher step that holds, which stays open to the decision-maker — samr 15②'s
    #: 可以 leaves 第一款's 组织处理 or 处分 open (docs/liability.md, "How a ladder applies").
    keeps_higher: bool = False
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Effect:
    """What a circumstance does to a ladder: raise/lower by N steps, waive, heaviest, lightest."""

    kind: str
    steps: int | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Modifier:
    """An aggravating (从重), mitigating (从轻) or exempting (不予追究) circumstance."""

    kind: str  # "aggravate", "mitigate" or "exempt"
    condition: Condition
    effects: tuple[Effect, ...] = ()
    citation: Citation | None = None
    #: "shall" (应当, the default) or "may" (可以): a permitted modifier is the decision-
    #: maker's to apply, and the engine lists it as open rather than applying it.
    modal: str = "shall"
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Ladder:
    """Measures by severity for a subject (机关 or 人员), with their modifiers."""

    name: str
    subject: str | None = None
    steps: tuple[Step, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bearer:
    """Who bears a fault — a reference: a field of the case record naming a person or an
    agency, or a kind of bearer (承办人, 审核人, 批准人… ``respons.model.bearers``), which the
    case record names in the field of that name — with its share (主要, 全部…) and kind of
    responsibility (直接责任, 领导责任)."""

    reference: str
    share: str | None = None
    kind: str | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bearing:
    """In a situation (情形), these bear the fault: all of them (``joiner`` "and", 并), one
    of them as the decision-maker finds ("or", 或), or each for their own part between
    levels ("severally", 分别)."""

    condition: Condition
    bearers: tuple[Bearer, ...]
    citation: Citation | None = None
    joiner: str = "and"
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Apportionment:
    """The rules for who bears a fault (责任划分), in order."""

    name: str
    rules: tuple[Bearing, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Proceeding:
    """A liability proceeding (追究): how the regime's ladders are applied to cases.

    ``case`` is the record type (KIND.EVENT) whose records are fault cases; ``fault_field``
    the case's field naming the fault; ``found_field`` the case's field listing the
    circumstances the decision-maker found; ``ladders`` and ``apportionment`` what applies;
    ``decided_by``/``proposed_by`` a field of the case or an agency; ``defence_field`` the
    case's 是否 field recording a defence (申辩), which never raises the measure
    (henan 24, tongzhou 实施细则 15, dacheng 11). ``standing`` are faults committed by a
    count alone (their ``count``), applied per group without a case record."""

    name: str
    case: Ref | None = None
    fault_field: str | None = None
    found_field: str | None = None
    ladders: tuple[Ref, ...] = ()
    apportionment: Ref | None = None
    decided_by: Ref | None = None
    proposed_by: Ref | None = None
    defence_field: str | None = None
    #: 对象 FIELD: the case field that says whom the case concerns (机关 or 人员).
    subject_field: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()
    #: Where each statement is, for messages: statement key → span.
    spans: tuple[tuple[str, Span], ...] = attrs.field(default=(), eq=False, hash=False,
                                                      repr=False)

    def span_of(self, key: str) -> Span | None:
        return dict(self.spans).get(key, self.span)


#: `案件.FIELD` in a liability condition: the first part names the case record.
CASE_PREFIXES = frozenset({"案件", "case"})


def is_case_field(ref: Ref) -> bool:
    """Whether ``ref`` is `案件.FIELD`, a field of the case record."""
    return len(ref.parts) == 2 and ref.parts[0] in CASE_PREFIXES


@attrs.frozen(slots=True)
class Right:
    """A party's right within a window (权利期间): 申诉、复核 within N days of a decision
    (heilongjiang 39, henan 25), or until a date a record's field gives (guizhou-edu 14(三)).
    Not an agency's duty: it has no owner and no breach — a window that passes unused ends
    the right. ``suspends`` False (不停止执行): exercising it does not suspend the decision
    (jilin-city 39②). Computed by ``respons.engine.rights``: not an obligation, listed apart."""

    name: str
    starts: Ref | None = None
    period: Period | None = None
    until_field: str | None = None
    exercised_by: tuple[Ref, ...] = ()
    holder: str | None = None
    suspends: bool = True
    period_citation: Citation | None = None
    suspends_citation: Citation | None = None
    citation: Citation | None = None
    #: 起算 E 限于 C: only the starting records where C holds open a window.
    where: Condition | None = None
    span: Span | None = span_field()
    #: 期限 依照法律和有关规定: the regime gives no period of its own, other laws do
    #: (jilin-city 39②) — the window opens and never closes here: 可行使 until exercised.
    by_law: bool = False

"""Assessment (评议考核): a scoring scheme (a plugin) and its parameters.

Items carry points and the deductions that records or breaches cause; bands turn a score
into a grade; vetoes fix a grade whatever the score; bars keep a subject below a grade;
consequences follow a grade, over
consecutive periods where the regime says so. Points, bounds and weights are exact
`decimal.Decimal`s, as written (2.5 分 is Decimal("2.5")), never floats.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from respons.model.base import Citation, Ref, Span, span_field
from respons.model.condition import Condition


@attrs.frozen(slots=True)
class Deduction:
    """每 <event/duty/fault> 扣 N 分: points taken off an item for each occurrence (加 N 分:
    ``adds``, points added), ``cap`` the most it takes (or adds) in all (至多 M 分), ``by``
    the record's field that names the subject it concerns (按 FIELD)."""

    per: Ref
    where: Condition | None = None
    points: Decimal = Decimal(0)
    citation: Citation | None = None
    span: Span | None = span_field()
    adds: bool = False
    cap: Decimal | None = None
    by: str | None = None


@attrs.frozen(slots=True)
class Finding:
    """发现 <event/duty/fault>: what an item without points finds, record by record
    (content-only assessments: heilongjiang 33, hangzhou 29)."""

    per: Ref
    where: Condition | None = None
    by: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Sample:
    """抽样 EVENT [按 FIELD] N 件|N%: the case files drawn for review (案卷评查) — of each
    subject's matters of the event in the period, ``count`` files, or ``share`` percent
    of them (rounded up), drawn at random with the scheme's ``seed`` (tongzhou 案卷评查规范
    第十条第（四）项: 在报送的案卷目录内随机抽取规定数量的案卷)."""

    per: Ref
    by: str | None = None
    count: int | None = None
    share: Decimal | None = None
    citation: Citation | None = None
    span: Span | None = span_field()
    #: EVENT 的 FIELD: the number drawn as the latest such record of the period gives it —
    #: per subject where the record kind names one, else for all
    count_from: Recorded | None = None
    #: 种子 EVENT 的 FIELD: the seed as the draw's record (dated in the period) gives it,
    #: instead of the scheme's ``seed`` parameter
    seed_from: Recorded | None = None


@attrs.frozen(slots=True)
class Recorded:
    """得分/等次 KIND.EVENT 的 FIELD 按 FIELD: a score (``what`` "score") or grade ("grade")
    an assessor recorded for each subject, the record's ``field``, the subject named by its
    ``by`` field (jilin-city 31, dacheng 七（一）: the score is the assessors' to give). In a
    review of case files, also a file's corrected score after an appeal (``appeal``, 修正)
    and a file's veto item (``file_veto``, 否决项); there every one is matched by the file's
    matter (the record kind's key), not by a subject."""

    what: str
    per: Ref
    field: str
    by: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()
    #: the record's integer field naming the year it assesses (周期 FIELD); None: its date
    year_field: str | None = None
    #: a file's veto item holds where the field equals this (否决项 … = "不合格卷"); None: a
    #: 是否 field that is true
    equals: object = None


@attrs.frozen(slots=True)
class Item:
    """An item of the assessment; ``points`` is None where the regime lists a content to
    evaluate without giving it points (heilongjiang 33)."""

    name: str
    points: Decimal | None
    deductions: tuple[Deduction, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()
    findings: tuple[Finding, ...] = ()
    #: 来自 ASSESSMENT: the item is that assessment's result for the subject
    source: str | None = None


@attrs.frozen(slots=True)
class Bound:
    """One end of a band: ``op`` is >=, >, <= or < against ``value``.

    95分以上 is ``Bound(">=", 95)`` (民法典 1259: 以上 includes the number itself).
    """

    op: str
    value: Decimal
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Band:
    """A grade: the scores its ``bounds`` hold (百分制), or, as a tier (方案 条件分档), the
    ``condition`` over the period's records under which it is given (等级 G 若 …)."""

    name: str
    bounds: tuple[Bound, ...]
    citation: Citation | None = None
    span: Span | None = span_field()
    condition: Condition | None = None


@attrs.frozen(slots=True)
class Boundary:
    """How a boundary score is graded where the text is ambiguous: 边界 70 => 及格."""

    score: Decimal
    grade: str
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Veto:
    """一票否决: when the condition holds, the grade is ``grade`` whatever the score."""

    condition: Condition
    grade: str
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Bar:
    """不得评为 G 若 …: a bar to a grade — the subject cannot be graded ``grade`` or above
    where ``condition`` holds over the period's records (decided as a veto's condition is),
    or where it got ``graded`` in ``assessment`` the same year (changchun-xinqu 任务25: 不合格
    in the yearly assessment bars 优秀 in the 年度公务员考核). A barred grade is capped to
    the band below it; with none below, the subject is not graded."""

    grade: str
    condition: Condition | None = None
    assessment: Ref | None = None
    graded: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Consequence:
    """What follows a grade, once or over ``consecutive`` periods: measures or notices,
    decided by ``decided_by`` on the proposal of ``proposed_by`` where the regime says."""

    grade: str
    consecutive: int | None = None
    options: tuple[tuple[Ref, ...], ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()
    #: 决定 WHO / 提出 WHO: who decides the consequence and who proposes it (jilin-city 32（三）:
    #: 本级政府 issues the 整改通知书, 司法行政部门 proposes the 诫勉谈话) — a declared agency,
    #: body or post (a `Ref`), or the text's words (a str)
    decided_by: Ref | str | None = None
    proposed_by: Ref | str | None = None


@attrs.frozen(slots=True)
class Weight:
    """The share of one way of evaluating (自评, 互评, 组织考评, 群众评议) in the total."""

    source: str
    percent: Decimal
    citation: Citation | None = None
    span: Span | None = span_field()
    #: 得分 EVENT 的 FIELD [按 FIELD]: the records carrying each subject's score in it
    scores: Recorded | None = None


@attrs.frozen(slots=True)
class Param:
    """A parameter passed to the scoring scheme plugin as written."""

    name: str
    value: object
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Assessment:
    name: str
    scheme: str | None = None
    scheme_span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    subject: str | None = None
    cycle: str | None = None
    full_marks: Decimal | None = None
    items: tuple[Item, ...] = ()
    bands: tuple[Band, ...] = ()
    boundaries: tuple[Boundary, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    consequences: tuple[Consequence, ...] = ()
    weights: tuple[Weight, ...] = ()
    params: tuple[Param, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()
    recorded: tuple[Recorded, ...] = ()
    sample: Sample | None = None
    bars: tuple[Bar, ...] = ()


def subject_field(kind, subject: str | None, by: str | None) -> str | None:
    """The field of the record kind ``kind`` that names whom a record concerns for an
    assessment of ``subject`` (agency, body, officer): the 按 field where one is written,
    else the kind's first field of the subject's type. None where there is none."""
    names = {field.name for field in kind.fields}
    if by is not None:
        return by if by in names or by == kind.key else None
    for field in kind.fields:
        if field.type.kind == (subject or "agency"):
            return field.name
    return None


def depends_on(assessment) -> list[str]:
    """The names of the assessments whose results ``assessment`` needs: those its items
    come from (来自) and those whose grades bar it (不得评为 … 若 考核 A 等级 G)."""
    return [i.source for i in assessment.items if i.source] + [
        b.assessment.text for b in assessment.bars if b.assessment is not None]

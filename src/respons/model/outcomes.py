"""What can issue a notice (签发): the one table of outcome kinds, and the facts each gives.

A notice is issued on an outcome of the regime: an assessment's grade (jilin-city 32(三):
不及格 → 整改通知书), a consequence of an assessment, a liability measure proposed (tongzhou
裁量权监督规定 6: 制发政府法制建议书), or a record's event (hangzhou 48: the decision of a
liability case → 责任追究决定书). Each row says the keyword written after 签发, what the name
after it names, and the facts a notice issued on such an outcome is given — what its
templates' placeholders, its element bindings and its parties (发文机关, 主送, 抄送) may name,
each in Chinese and English. `respons check` verifies every name against this table
(``respons.check.rules.notices``); whatever issues notices fills exactly these facts, as
plain text. Adding an outcome kind is a row here, the keyword's alternative of the
grammar's ``_outcome`` and how `respons check` finds what it names
(``respons.check.rules.notice_outcomes.RESOLVERS``); tests/language/test_notices.py holds
the three together.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from respons.model.base import Ref
from respons.model.notice import Notice, Outcome
from respons.model.regime import Regime


@attrs.frozen
class Fact:
    """A fact a notice is given, by its Chinese and English names, and what it holds."""

    zh: str
    en: str
    means: str


@attrs.frozen
class OutcomeKind:
    """One kind of outcome a notice can be issued on (签发 <keyword> <name>).

    ``terminal`` is the keyword's (after 签发); ``names`` what the name after it names;
    ``facts`` what a notice issued on such an outcome is given, beside `COMMON`;
    ``record_fields``: the fields of a record kind are facts too, by their names — of the
    record kind named (a record's event), or of the case record of the proceedings that
    propose the measure (a measure)."""

    name: str
    terminal: str
    zh: str
    en: str
    names: str
    facts: tuple[Fact, ...]
    record_fields: bool = False


#: What every notice is given, whatever issues it: the parts of the document itself.
COMMON: tuple[Fact, ...] = (
    Fact("发文机关", "issuer", "the issuing authority, as the notice's 发文机关 names it"),
    Fact("主送机关", "recipient", "the recipients, as the notice's 主送 names them (、 between)"),
    Fact("文号", "number", "the document number, e.g. 吉司整〔2025〕3号"),
    Fact("成文日期", "date", "the date of the notice, written 2025年3月1日"),
)

_GRADE: tuple[Fact, ...] = (
    Fact("考核", "assessment", "the assessment's name"),
    Fact("考核机关", "assessor", "the authority that made the assessment (from its records)"),
    Fact("被考核对象", "assessed", "the agency or officer assessed"),
    Fact("考核年度", "year", "the year (period) assessed, e.g. 2025"),
    Fact("得分", "score", "the score, as the scheme rounds it (empty for a rating)"),
    Fact("满分", "full-marks", "the assessment's full marks"),
    Fact("考核等级", "grade", "the grade given"),
    Fact("等级依据", "grade-basis", "the article of the grade's band, written out"),
)

#: The kinds of outcome, in the order docs/language.md lists them.
OUTCOMES: tuple[OutcomeKind, ...] = (
    OutcomeKind("grade", "KW_BAND", "考核等级", "an assessment's grade",
                "ASSESSMENT.GRADE — or ASSESSMENT, for whatever grade it gives", _GRADE),
    OutcomeKind("consequence", "KW_CONSEQUENCE", "考核后果", "an assessment's consequence",
                "ASSESSMENT.GRADE [连续 N 年]: the consequence of that grade", (
                    *_GRADE,
                    Fact("连续年数", "years-running", "how many periods running the grade "
                         "was given (1 for a consequence of one)"),
                    Fact("后果措施", "measures", "what the consequence calls for, as it reads "
                         "(诫勉谈话 并 督促整改)"),
                    Fact("后果依据", "consequence-basis", "the consequence's article, written "
                         "out"))),
    OutcomeKind("measure", "KW_MEASURE", "追究措施", "a liability measure proposed",
                "MEASURE", (
                    Fact("措施", "measure", "the measure's name"),
                    Fact("措施依据", "measure-basis", "the measure's article, written out"),
                    Fact("责任人", "liable", "the officer or agency the measure falls on"),
                    Fact("所在机关", "agency", "the agency of whoever bears the measure: an "
                         "agency itself; an officer's, the case record's first agency field "
                         "it fills (、 between)"),
                    Fact("过错", "fault", "the fault found"),
                    Fact("过错依据", "fault-basis", "the fault's article, written out"),
                    Fact("情形", "circumstances", "the circumstances found (、 between)"),
                    Fact("案件", "case", "the case, by its key"),
                    Fact("阶梯依据", "step-basis", "the article of the ladder's step that "
                         "proposes the measure, written out")), record_fields=True),
    OutcomeKind("record", "KW_RECORD", "记录事件", "a record's event",
                "RECORD.EVENT: that event of a record kind (a decision: 责任追究.决定)", (
                    Fact("事件", "event", "the event, as RECORD.EVENT"),
                    Fact("事项", "matter", "the matter the record belongs to, by its key"),
                    Fact("记录日期", "recorded", "the date of the record, written 2025年3月1日"),
                ), record_fields=True),
)

#: The kinds by name, and by the keyword after 签发.
BY_NAME = {kind.name: kind for kind in OUTCOMES}
BY_TERMINAL = {kind.terminal: kind for kind in OUTCOMES}


def facts_of(kind: OutcomeKind | None, fields: Iterable[str] = ()) -> dict[str, Fact]:
    """Every name a notice issued on an outcome of ``kind`` may use, by both spellings →
    its fact; ``fields``: the record kind's fields, for a record's event. ``None``: a
    notice that nothing issues, which has the common facts only. A field named like a fact
    of the table is that fact (the table's meaning wins); for a measure, ``fields`` are
    its case record's."""
    table = COMMON + (kind.facts if kind is not None else ())
    names: dict[str, Fact] = {}
    for fact in table:
        names.setdefault(fact.zh, fact)
        names.setdefault(fact.en, fact)
    if kind is not None and kind.record_fields:
        for field in fields:
            names.setdefault(field, Fact(field, field, "the record's field of this name"))
    return names


def outcomes_of(notice: Notice, regime: Regime) -> tuple[Outcome, ...]:
    """What issues ``notice`` in ``regime``: its own 签发 statements, then each consequence
    of an assessment that calls for the notice (后果 不及格 => 整改通知书 并 …, jilin-city
    32(三)), each once, in that order."""
    found: dict[tuple, Outcome] = {}
    for outcome in notice.issued_on:
        found.setdefault(_key(outcome), outcome)
    for assessment in regime.assessments:
        for consequence in assessment.consequences:
            if not any(ref.text == notice.name for option in consequence.options
                       for ref in option):
                continue
            citation = consequence.citation.within(assessment.citation) \
                if consequence.citation is not None else assessment.citation
            outcome = Outcome("consequence", Ref((assessment.name, consequence.grade)),
                              consequence.consecutive, citation, span=consequence.span)
            found.setdefault(_key(outcome), outcome)
    return tuple(found.values())


def _key(outcome: Outcome) -> tuple:
    # Two 签发 of one event under different 限于 are two outcomes (conditions compare
    # without their spans).
    return outcome.kind, outcome.target.parts, outcome.consecutive, outcome.where

"""The notices (文书) the results call for, filled in and numbered.

A notice is issued on an outcome (签发, `respons.model.outcomes`): here each outcome of
each notice of the regime is looked for in the store, over the ledger up to the run's
head — a record's event (签发 记录 责任追究.决定: every such record no later record
corrects, on or before the run's date), an assessment's grade or consequence (签发 等级
年度考核.不及格, or 后果 … => 整改通知书: every subject the assessment, scored under the
run for the year asked, gave that grade, or that consequence). Each occurrence gives the
facts the outcome kind promises (a record's fields, its matter and date; the assessed
subject, its score, grade and their articles), the notice's elements are filled from them
(`prepare`), and the register (`respons.engine.numbers`) gives it its number: the same
occurrence keeps its number in every later run.

Which kinds of outcome can be looked for is the table `FINDERS`; an outcome of a kind it
lacks, or of an assessment when no year was asked, is listed in `Called.waiting` with the
reason, never guessed. A liability measure proposed (签发 措施 …) is found by applying the
regime's proceedings to its fault cases, as `respons liability` does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs

from respons.engine.assess_counts import period_of
from respons.engine.attribution import people
from respons.engine.conditions import Conditions
from respons.engine.numbers import Wanted, series_of, take
from respons.model import docnumber, template
from respons.model.notice import IssuedElement, IssuedNotice, Notice, Outcome, Party, written_date
from respons.model.outcomes import BY_NAME, facts_of, outcomes_of
from respons.model.regime import Regime
from respons.sql.ir import Col, Exists, JsonText, Lit, Order, Param, Table, all_of, select


@attrs.frozen
class Occurrence:
    """One outcome that calls for a notice: a key unique within the notice (what the
    register files its number under), the date the notice bears and the facts it is
    given, and the records it rests on (by id)."""

    key: str
    date: dt.date
    facts: dict[str, str]
    records: tuple[str, ...] = ()
    #: Every fact an outcome of its kind can give, present or not: a party named by one of
    #: them that this occurrence lacks (an optional field left empty) is nobody, not a name.
    known: frozenset[str] = frozenset()


@attrs.frozen
class Problem:
    """A notice an occurrence calls for that cannot be issued, and why (in English and
    Chinese: the report is in the reader's language)."""

    notice: str
    key: str
    #: what the occurrence is about — its 事项, 案件 or 被考核对象 — as a scenario names it
    matters: tuple[str, ...]
    en: str
    zh: str


def _about(occurrence) -> tuple[str, ...]:
    """What an occurrence is about: the ``matters`` of a `Problem` it raises."""
    facts = occurrence.facts
    return tuple(str(facts[name]) for name in ("事项", "案件", "被考核对象")
                 if facts.get(name) is not None)


@attrs.frozen
class Prepared:
    """A notice called for, filled in, before it is numbered."""

    notice: Notice
    outcome: Outcome
    occurrence: Occurrence
    issuer: str
    recipient: str
    copy_to: tuple[str, ...]
    elements: tuple[IssuedElement, ...]
    citation: str
    #: The number pattern with the facts its 代字 names filled in (None: no pattern): the
    #: series is this 代字, the issuing department's own where a field gives it.
    pattern: str | None = None


@attrs.frozen
class Issued:
    """A notice as issued: the document and what it rests on."""

    issued: IssuedNotice
    outcome: Outcome
    occurrence: Occurrence
    seq: int
    new: bool

    @property
    def ident(self) -> tuple[str, str]:
        """The notice and the outcome it was issued on: what names it in a run."""
        return self.issued.notice.name, self.occurrence.key

    @property
    def stem(self) -> str:
        """Its file name without the extension: its number, or — a notice without a number
        pattern — its name, year and sequence (纠正过错通知书〔2025〕3); never a path."""
        number = self.issued.number or (f"{self.issued.notice.name}"
                                        f"〔{self.issued.date.year}〕{self.seq}")
        return "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in number)


@attrs.frozen
class Called:
    """What `issue_notices` found: the notices issued, in order; the problems; the
    outcomes it could not look for, with the reason."""

    issued: tuple[Issued, ...]
    problems: tuple[Problem, ...]
    #: (notice, outcome, why in English, why in Chinese)
    waiting: tuple[tuple[str, Outcome, str, str], ...]


@attrs.frozen
class Looking:
    """What the outcomes are looked for in: the store's compute, the regime, the run (its
    id, head and date), whether the ledger holds corrections, the year assessed (None: no
    assessment results are looked for) and how a citation is written out."""

    compute: object
    regime: Regime
    run: str
    head: int
    as_of: str
    cite: Callable
    corrections: bool = True
    year: int | None = None


class Waiting(Exception):
    """An outcome that cannot be looked for in this call, and why (English, Chinese)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh


def _record_events(looking: Looking, outcome: Outcome) -> Iterator[Occurrence]:
    """签发 记录 KIND.EVENT [限于 C]: every record of that type up to the head and the date,
    that no later record corrects — and whose fields satisfy C, compiled to SQL as a duty's
    起算 … 限于 is (``respons.engine.conditions``) — in time order (then chain order)."""
    compute, regime, head = looking.compute, looking.regime, looking.head
    as_of, corrections = looking.as_of, looking.corrections
    kind = next((k for k in regime.records if k.name == outcome.target.head), None)
    if kind is None:
        return
    types = {f.name: f.type.kind for f in kind.fields}
    known = frozenset(facts_of(BY_NAME["record"], types))
    params: dict = {"head": head, "type": outcome.target.text, "as_of": as_of}
    where = [Col("r", "seq").le(Param("head")), Col("r", "type").eq(Param("type")),
             Col("r", "at_date").le(Param("as_of"))]
    if outcome.where is not None:
        where.append(_condition(outcome.where, kind, types, regime, params))
    if corrections:
        where.append(Exists(select(Lit(1), source=Table("records", "k"), where=all_of(
            Col("k", "corrects").eq(Col("r", "id")), Col("k", "seq").le(Param("head")))),
            negate=True))
    rows = compute.query(select(
        Col("r", "id"), Col("r", "matter"), Col("r", "at_date"), Col("r", "data"),
        source=Table("records", "r"), where=all_of(*where),
        order_by=(Order(Col("r", "at")), Order(Col("r", "seq")))), params)
    for record_id, matter, at_date, data in rows:
        date = dt.date.fromisoformat(at_date)
        facts = {name: _text(value, types.get(name)) for name, value in json.loads(data).items()
                 if value is not None}
        facts.update({"事件": outcome.target.text, "event": outcome.target.text,
                      "事项": matter or "", "matter": matter or "",
                      "记录日期": written_date(date), "recorded": written_date(date)})
        yield Occurrence(f"record:{record_id}", date, facts, (record_id,), known)


def _condition(condition, kind, types: dict, regime: Regime, params: dict):
    """The SQL of a checked 限于 on the record's fields, its values put in ``params``."""
    def param(value, hint: str = "v") -> Param:
        name = f"w{hint}{len(params)}"
        params[name] = value
        return Param(name)

    definitions = {c.name: c.condition for c in regime.conditions if c.condition is not None}
    return Conditions(types, kind.key, definitions, param,
                      lambda name: JsonText(Col("r", "data"), name)).compile(condition)


def _text(value, kind: str | None) -> str:
    """A field's value as a notice prints it: a date as GB/T 9704 writes one (2025年3月1日),
    a list joined with 、, a number as written."""
    if isinstance(value, list):
        return "、".join(_text(v, kind) for v in value)
    if kind == "date" and isinstance(value, str):
        try:
            return written_date(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _scored(looking: Looking, outcome: Outcome):
    """The subjects an assessment scored for the year asked under the run: (assessment,
    period, rows of subject, total, grade, detail)."""
    if looking.year is None:
        raise Waiting("an assessment's outcome: give --year Y to issue notices on the "
                      "assessments of year Y", "考核结果：请用 --year 指定考核年度")
    assessment = next((a for a in looking.regime.assessments
                       if a.name == outcome.target.head), None)
    if assessment is None:
        return None, None, []
    start, until = period_of(looking.year, assessment.cycle)
    rows = looking.compute.query(select(
        Col("s", "subject"), Col("s", "total"), Col("s", "grade"), Col("s", "detail"),
        source=Table("assessment_scores", "s"), where=all_of(
            Col("s", "run").eq(Param("run")), Col("s", "assessment").eq(Param("assessment")),
            Col("s", "period").eq(Param("period"))),
        order_by=(Order(Col("s", "subject")),)),
        {"run": looking.run, "assessment": assessment.name, "period": start})
    return assessment, (start, until), rows


def _grade_facts(looking: Looking, assessment, period, subject, total, grade) -> dict:
    band = next((b for b in assessment.bands if b.name == grade), None)
    cited = band.citation.within(assessment.citation) if band is not None and \
        band.citation is not None else assessment.citation
    return {"考核": assessment.name, "assessment": assessment.name,
            "被考核对象": subject, "assessed": subject,
            "考核年度": str(looking.year), "year": str(looking.year),
            "得分": _points(total), "score": _points(total),
            "满分": _points(assessment.full_marks), "full-marks": _points(assessment.full_marks),
            "考核等级": grade or "", "grade": grade or "",
            "等级依据": looking.cite(cited) if cited else "",
            "grade-basis": looking.cite(cited) if cited else ""}


def _points(value) -> str:
    """Points as a notice writes them: the exact decimal without trailing zeros (65, 94.5);
    "" for none."""
    if value is None or value == "":
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _evidence(detail: dict) -> tuple[str, ...]:
    """The records behind a subject's result: every deduction's, finding's and veto's."""
    found = {r for item in detail.get("items", ()) for d in item.get("deductions", ())
             for r in d.get("records", ())}
    found |= {r for v in detail.get("vetoes", ()) if v.get("holds") for r in v.get("records", ())}
    return tuple(sorted(found))


def _grades(looking: Looking, outcome: Outcome) -> Iterator[Occurrence]:
    """签发 等级 ASSESSMENT.GRADE (or ASSESSMENT, for any grade): every subject given it."""
    assessment, period, rows = _scored(looking, outcome)
    wanted = outcome.target.parts[1] if len(outcome.target.parts) > 1 else None
    for subject, total, grade, detail in rows:
        if grade is None or (wanted is not None and grade != wanted):
            continue
        facts = _grade_facts(looking, assessment, period, subject, total, grade)
        yield Occurrence(f"grade:{assessment.name}:{period[0]}:{subject}",
                         dt.date.fromisoformat(period[1]), facts,
                         _evidence(json.loads(detail)), frozenset(facts))


def _consequences(looking: Looking, outcome: Outcome) -> Iterator[Occurrence]:
    """后果 ASSESSMENT.GRADE [连续 N 年] (a consequence that calls for the notice): every
    subject the consequence follows for, the year asked the last of its years."""
    assessment, period, rows = _scored(looking, outcome)
    grade = outcome.target.parts[1] if len(outcome.target.parts) > 1 else None
    for subject, total, given, detail in rows:
        data = json.loads(detail)
        for consequence in data.get("consequences", ()):
            if consequence["grade"] != grade or \
                    (consequence.get("consecutive") or None) != (outcome.consecutive or None):
                continue
            facts = _grade_facts(looking, assessment, period, subject, total, given)
            measures = " 或 ".join(" 并 ".join(option) for option in consequence["measures"])
            years = consequence.get("years") or [looking.year]
            facts.update({"连续年数": str(len(years)), "years-running": str(len(years)),
                          "后果措施": measures, "measures": measures,
                          "后果依据": consequence.get("citation") or "",
                          "consequence-basis": consequence.get("citation") or ""})
            yield Occurrence(f"consequence:{assessment.name}:{period[0]}:{subject}:"
                             f"{outcome.consecutive or 1}", dt.date.fromisoformat(period[1]),
                             facts, _evidence(data), frozenset(facts))


def _measures(looking: Looking, outcome: Outcome) -> Iterator[Occurrence]:
    """签发 措施 MEASURE: every fault case, dated on or before the run's date, whose proposal
    — the regime's proceedings (追究) applied as `respons liability` applies them — calls
    for the measure in every option a ladder leaves (a measure that is one of several
    alternatives the decision-maker chooses among is not yet called for)."""
    from respons.engine.liability import evaluate_liability
    from respons.engine.liability_sql import Selection
    from respons.store.api import Head

    regime = looking.regime
    if not regime.proceedings:
        return
    measures = {m.name: m for m in regime.measures}
    faults = {f.name: f for f in regime.faults}
    for case in evaluate_liability(looking.compute, regime, Head(looking.head, ""),
                                   Selection()):
        if case.date > looking.as_of:
            continue
        for result in case.outcomes:
            if not result.pursued or not result.options or not all(
                    any(ref.text == outcome.target.text for ref in option)
                    for option in result.options):
                continue
            step = next((s for s in result.ladder.steps if s.level == result.level), None)
            facts = _measure_facts(looking, case, result, step, measures.get(
                outcome.target.text), faults.get(case.fault or ""))
            records = tuple(sorted({case.record, *(r for c in case.circumstances if c.holds
                                                   for r in c.records)}))
            # every field of the case record is a fact the notice may name, given or not:
            # a party naming one the case leaves empty is nobody, not the field's name
            fields = [*([case.kind.key] if case.kind.key else []),
                      *(f.name for f in case.kind.fields)] if case.kind is not None \
                else list(case.fields)
            yield Occurrence(f"measure:{outcome.target.text}:{result.ladder.name}:"
                             f"{case.record}", dt.date.fromisoformat(case.date[:10]), facts,
                             records, frozenset(facts_of(BY_NAME["measure"], fields)))
            break  # one notice per case, whichever of its ladders calls for the measure


def _measure_facts(looking: Looking, case, result, step, measure, fault) -> dict:
    def cited(citation, outer=None):
        if citation is None:
            return ""
        return looking.cite(citation.within(outer) if outer is not None else citation)

    bearing = [s for s in case.shares if s.bears and s.person]
    liable = "、".join(dict.fromkeys(s.person for s in bearing))
    facts = {str(k): _text(v, None) for k, v in case.fields.items() if v is not None}
    named = {
        ("措施", "measure"): measure.name if measure else "",
        ("措施依据", "measure-basis"): cited(measure.citation) if measure else "",
        ("责任人", "liable"): liable,
        ("所在机关", "agency"): "、".join(dict.fromkeys(
            a for s in bearing for a in _agency_of(s, case))),
        ("过错", "fault"): case.fault or "",
        ("过错依据", "fault-basis"): cited(fault.citation) if fault else "",
        ("情形", "circumstances"): "、".join(c.name for c in case.circumstances if c.holds),
        ("案件", "case"): case.matter or case.record,
        ("阶梯依据", "step-basis"): cited(step.citation, result.ladder.citation)
        if step is not None else "",
    }
    for (zh, en), value in named.items():
        if value:
            facts[zh] = facts[en] = value
    return facts


def _agency_of(share, case) -> tuple[str, ...]:
    """The agency of whoever bears ``share``: an agency is its own; an officer's is the
    case record's first agency field that the case fills — the unit the case concerns, as
    the measure's 施于 单位 reads it (``respons.engine.attribution.falls_on``). Officers
    are not declared in a regime: the case record is the only place that says where they
    serve."""
    if share.who == "agency":
        return (share.person,)
    kind = case.kind
    for field in (kind.fields if kind is not None else ()):
        if field.type.kind == "agency" and people(case.fields.get(field.name)):
            return people(case.fields.get(field.name))
    return ()


#: outcome kind → how its occurrences are looked for in the store: one row per kind of
#: `respons.model.outcomes.OUTCOMES` (tests/notices hold the two together).
FINDERS: dict[str, Callable[[Looking, Outcome], Iterator[Occurrence]]] = {
    "grade": _grades, "consequence": _consequences, "measure": _measures,
    "record": _record_events,
}


def _party(party: Party | None, occurrence: Occurrence) -> str | None:
    """A party's text: as written in quotes, a fact's value (None where the occurrence
    lacks it), or the agency it names."""
    if party is None:
        return None
    if party.literal:
        return party.name
    if party.name in occurrence.known:
        value = occurrence.facts.get(party.name, "")
        return value if value.strip() else None
    return party.name


def prepare(notice: Notice, outcome: Outcome, occurrence: Occurrence,
            cite: Callable) -> Prepared | Problem:
    """``notice`` filled from ``occurrence``'s facts — its parties and every element
    (its template, its fact, or the fact of its own name) — or the problem that keeps it
    from being issued: a required element that nothing fills."""
    facts = dict(occurrence.facts)
    issuer = _party(notice.issuer, occurrence) or ""
    if notice.issuer is not None and not issuer:
        # A document without its 发文机关 is no document (GB/T 9704-2012 7.2.1, 7.3.5).
        return Problem(notice.name, occurrence.key, _about(occurrence),
                       f"nothing names the issuer: {notice.issuer.name} is not in the "
                       "results", f"发文机关“{notice.issuer.name}”在结果中没有内容")
    recipient = "、".join(filter(None, (_party(p, occurrence) for p in notice.recipients)))
    copy_to = tuple(filter(None, (_party(p, occurrence) for p in notice.copy_to)))
    facts.update({"发文机关": issuer, "issuer": issuer, "主送机关": recipient,
                  "recipient": recipient, "成文日期": written_date(occurrence.date),
                  "date": written_date(occurrence.date)})
    elements = []
    for element in notice.elements:
        try:
            if element.template is not None:
                text = template.fill(element.template, facts)
            else:
                text = facts.get(element.fact or element.name, "")
        except template.TemplateError as error:
            if element.optional:
                continue
            return Problem(notice.name, occurrence.key, _about(occurrence),
                           f"element {element.name}: {error.message}",
                           f"要素“{element.name}”无法填写：{error.message}")
        if not text.strip():
            if element.optional:
                continue
            return Problem(notice.name, occurrence.key, _about(occurrence),
                           f"nothing fills the required element {element.name}",
                           f"必备要素“{element.name}”没有内容")
        cited = notice.cited(element)
        elements.append(IssuedElement(element.name, text, cite(cited) if cited else ""))
    pattern = notice.number
    if pattern is not None:
        try:
            pattern = docnumber.with_code(pattern, facts)
        except ValueError as error:
            return Problem(notice.name, occurrence.key, _about(occurrence),
                           f"the document number: {error}",
                           f"文号的机关代字无法填写：{error}")
    citation = outcome.citation.within(notice.citation) if (
        outcome.citation is not None and notice.citation is not None) else (
        outcome.citation or notice.citation)
    return Prepared(notice, outcome, occurrence, issuer, recipient, copy_to,
                    tuple(elements), cite(citation) if citation else "", pattern)


def issue_notices(looking: Looking) -> Called:
    """Every notice of the regime its outcomes call for over the ledger up to the run's
    head and date, filled in and numbered (new numbers taken in one transaction, kept under
    the run), in the order the notices bear their dates."""
    compute, regime, cite = looking.compute, looking.regime, looking.cite
    prepared: list[Prepared] = []
    problems: list[Problem] = []
    waiting: list[tuple[str, Outcome, str, str]] = []
    order = {notice.name: index for index, notice in enumerate(regime.notices)}
    for notice in regime.notices:
        seen: set[str] = set()
        for outcome in outcomes_of(notice, regime):
            try:
                occurrences = list(FINDERS[outcome.kind](looking, outcome))
            except Waiting as why:
                waiting.append((notice.name, outcome, why.en, why.zh))
                continue
            for occurrence in occurrences:
                # One record is one notice, however many of the notice's 签发 … 限于 it
                # satisfies: the first that finds it issues it.
                if occurrence.key in seen:
                    continue
                seen.add(occurrence.key)
                made = prepare(notice, outcome, occurrence, cite)
                (problems if isinstance(made, Problem) else prepared).append(made)
    # Numbers are taken in the order the notices bear their dates: 1号 is the first
    # issued that year, whichever notice of the series it is.
    prepared.sort(key=lambda p: (p.occurrence.date, order[p.notice.name], p.occurrence.key))
    wanted = [Wanted(regime.id, p.notice.name, p.occurrence.key,
                     series_of(p.pattern, p.notice.name),
                     p.occurrence.date.year, p.occurrence.date.isoformat(), p.pattern)
              for p in prepared]
    numbers = take(compute, wanted, looking.run, docnumber.fill) if wanted else {}
    issued = []
    for p, w in zip(prepared, wanted, strict=True):
        got = numbers[(w.regime, w.notice, w.outcome)]
        document = IssuedNotice(p.notice, got.number, p.occurrence.date, p.issuer,
                                p.recipient, p.elements, p.citation, p.copy_to)
        issued.append(Issued(document, p.outcome, p.occurrence, got.seq, got.new))
    return Called(tuple(issued), tuple(problems), tuple(waiting))

"""The notices (文书) the results call for, filled in and numbered.

A notice is issued on an outcome (签发, `respons.model.outcomes`): here each outcome of
each notice of the regime is looked for in the store, over the ledger up to the run's
head — a record's event (签发 记录 责任追究.决定: every such record no later record
corrects, on or before the run's date). Each occurrence gives the facts the outcome kind
promises (the record's fields, its matter and date), the notice's elements are filled from
them (`issue`), and the register (`respons.engine.numbers`) gives it its number: the same
occurrence keeps its number in every later run.

Which kinds of outcome can be looked for is the table `FINDERS`; an outcome of a kind it
lacks (a grade, a consequence, a liability measure: their results are not yet kept in the
store) is listed in `Called.waiting` with the reason, never guessed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import attrs

from respons.engine.numbers import Wanted, series_of, take
from respons.model import docnumber, template
from respons.model.notice import IssuedElement, IssuedNotice, Notice, Outcome, Party, written_date
from respons.model.outcomes import BY_NAME, facts_of, outcomes_of
from respons.model.regime import Regime
from respons.sql.ir import Col, Exists, Lit, Order, Param, Table, all_of, select


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
    en: str
    zh: str


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
    waiting: tuple[tuple[str, Outcome, str], ...]


def _record_events(compute, regime: Regime, outcome: Outcome, head: int, as_of: str,
                   corrections: bool) -> Iterator[Occurrence]:
    """签发 记录 KIND.EVENT: every record of that type up to the head and the date, that no
    later record corrects, in time order (then chain order)."""
    kind = next((k for k in regime.records if k.name == outcome.target.head), None)
    if kind is None:
        return
    types = {f.name: f.type.kind for f in kind.fields}
    known = frozenset(facts_of(BY_NAME["record"], types))
    where = [Col("r", "seq").le(Param("head")), Col("r", "type").eq(Param("type")),
             Col("r", "at_date").le(Param("as_of"))]
    if corrections:
        where.append(Exists(select(Lit(1), source=Table("records", "k"), where=all_of(
            Col("k", "corrects").eq(Col("r", "id")), Col("k", "seq").le(Param("head")))),
            negate=True))
    rows = compute.query(select(
        Col("r", "id"), Col("r", "matter"), Col("r", "at_date"), Col("r", "data"),
        source=Table("records", "r"), where=all_of(*where),
        order_by=(Order(Col("r", "at")), Order(Col("r", "seq")))),
        {"head": head, "type": outcome.target.text, "as_of": as_of})
    for record_id, matter, at_date, data in rows:
        date = dt.date.fromisoformat(at_date)
        facts = {name: _text(value, types.get(name)) for name, value in json.loads(data).items()
                 if value is not None}
        facts.update({"事件": outcome.target.text, "event": outcome.target.text,
                      "事项": matter or "", "matter": matter or "",
                      "记录日期": written_date(date), "recorded": written_date(date)})
        yield Occurrence(f"record:{record_id}", date, facts, (record_id,), known)


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


#: outcome kind → how its occurrences are looked for in the store. The kinds of
#: `respons.model.outcomes.OUTCOMES` not here have no results kept in the store yet.
FINDERS: dict[str, Callable[..., Iterator[Occurrence]]] = {"record": _record_events}

#: Why an outcome of a kind without a finder is not looked for, by kind.
WAITING = {
    "grade": ("assessment results are not yet kept in the store (`respons assess`)",
              "考核结果尚未保存于存储中"),
    "consequence": ("assessment results are not yet kept in the store (`respons assess`)",
                    "考核结果尚未保存于存储中"),
    "measure": ("liability proposals are not yet kept in the store (`respons liability`)",
                "责任追究建议尚未保存于存储中"),
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
            return Problem(notice.name, occurrence.key,
                           f"element {element.name}: {error.message}",
                           f"要素“{element.name}”无法填写：{error.message}")
        if not text.strip():
            if element.optional:
                continue
            return Problem(notice.name, occurrence.key,
                           f"nothing fills the required element {element.name}",
                           f"必备要素“{element.name}”没有内容")
        cited = notice.cited(element)
        elements.append(IssuedElement(element.name, text, cite(cited) if cited else ""))
    citation = outcome.citation.within(notice.citation) if (
        outcome.citation is not None and notice.citation is not None) else (
        outcome.citation or notice.citation)
    return Prepared(notice, outcome, occurrence, issuer, recipient, copy_to,
                    tuple(elements), cite(citation) if citation else "")


def issue_notices(compute, regime: Regime, head: int, as_of: str, run: str,
                  cite: Callable, corrections: bool = True,
                  only: Callable[[Notice], bool] = lambda notice: True) -> Called:
    """Every notice of ``regime`` its outcomes call for over the ledger up to ``head`` and
    ``as_of``, filled in and numbered (new numbers taken in one transaction, kept under
    ``run``), in the order of the regime's notices and then of their outcomes' dates."""
    prepared: list[Prepared] = []
    problems: list[Problem] = []
    waiting: list[tuple[str, Outcome, str]] = []
    order = {notice.name: index for index, notice in enumerate(regime.notices)}
    for notice in regime.notices:
        if not only(notice):
            continue
        for outcome in outcomes_of(notice, regime):
            finder = FINDERS.get(outcome.kind)
            if finder is None:
                waiting.append((notice.name, outcome, outcome.kind))
                continue
            for occurrence in finder(compute, regime, outcome, head, as_of, corrections):
                made = prepare(notice, outcome, occurrence, cite)
                (problems if isinstance(made, Problem) else prepared).append(made)
    # Numbers are taken in the order the notices bear their dates: 1号 is the first
    # issued that year, whichever notice of the series it is.
    prepared.sort(key=lambda p: (p.occurrence.date, order[p.notice.name], p.occurrence.key))
    wanted = [Wanted(regime.id, p.notice.name, p.occurrence.key,
                     series_of(p.notice.number, p.notice.name),
                     p.occurrence.date.year, p.occurrence.date.isoformat(), p.notice.number)
              for p in prepared]
    numbers = take(compute, wanted, run, docnumber.fill) if wanted else {}
    issued = []
    for p, w in zip(prepared, wanted, strict=True):
        got = numbers[(w.regime, w.notice, w.outcome)]
        document = IssuedNotice(p.notice, got.number, p.occurrence.date, p.issuer,
                                p.recipient, p.elements, p.citation, p.copy_to)
        issued.append(Issued(document, p.outcome, p.occurrence, got.seq, got.new))
    return Called(tuple(issued), tuple(problems), tuple(waiting))

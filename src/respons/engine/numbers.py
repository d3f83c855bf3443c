"""The register of document numbers (发文字号): which number a notice was issued under.

GB/T 9704-2012 7.2.5 makes a number of the issuer's 代字, the year and a sequence number
(吉司整〔2025〕3号). The sequence runs 1, 2, 3 … without gaps per series — the 代字 a
pattern writes before the year, which stands for its issuing authority — and year, and a
number, once issued, is never issued again: two notices whose patterns share a 代字 share
its sequence, even when the regime lets different authorities issue them, since the
number written is what must never repeat; the register (table ``notice_numbers``,
`respons.store.results.NOTICE_NUMBERS`) is appended to and never changed, and issuing the
same notice on the same outcome again finds the number it was given, in this run or any
earlier one. A notice without a number pattern is still counted in a series of its own
(its name), so that its file has a name that does not change.

Numbers are taken inside one write transaction: the numbers already given are read
again there, so two processes issuing at once never take one number twice (the primary
key would refuse it besides). The register is a hash chain anchored in the ledger
(`respons.store.register`): each number taken is the next entry, with its content hash and
its link, and the register's head in store_info moves with it in the same transaction. A
series whose numbers have a gap — a row removed by hand — or a register that does not end
at its head — its last row removed, or rows added behind respons's back — is refused
(`BrokenRegister`), never numbered on; `respons verify` checks every entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from respons.sql.ir import Col, CountAll, Func, Param, Table, all_of, select
from respons.store.register import RegisterHead, link
from respons.store.results import NOTICE_NUMBERS


class BrokenRegister(Exception):
    """The register was changed behind respons's back: no number is issued."""


@attrs.frozen
class Wanted:
    """A notice to be numbered: the regime and notice it is of, the outcome it is issued
    on (a key unique within the notice), its series, its year and its date, and the
    number pattern (None for a notice without one)."""

    regime: str
    notice: str
    outcome: str
    series: str
    year: int
    issued_on: str
    pattern: str | None


@attrs.frozen
class Numbered:
    """A number taken: its sequence in its series and year, the number as written ("" for
    a notice without a pattern), and whether this call took it (False: found issued)."""

    seq: int
    number: str
    new: bool


def series_of(pattern: str | None, notice: str) -> str:
    """The series a notice is numbered in: the 代字 its pattern writes before 〔{年}〕
    (吉司整), or, without a pattern, the notice's name in 《》."""
    if pattern is None:
        return f"《{notice}》"
    return re.split(r"〔\{(?:年|year)\}〕", pattern, maxsplit=1)[0].strip()


def _key(wanted: Wanted) -> tuple[str, str, str]:
    return wanted.regime, wanted.notice, wanted.outcome


def issued(compute, wanted: Iterable[Wanted]) -> dict[tuple[str, str, str], Numbered]:
    """The numbers already issued to any of ``wanted``, by (regime, notice, outcome)."""
    wanted = list(wanted)
    regimes = sorted({w.regime for w in wanted})
    found: dict[tuple[str, str, str], Numbered] = {}
    for regime in regimes:
        rows = compute.query(select(
            Col("n", "notice"), Col("n", "outcome"), Col("n", "seq"), Col("n", "number"),
            source=Table("notice_numbers", "n"), where=Col("n", "regime").eq(Param("regime"))),
            {"regime": regime})
        for notice, outcome, seq, number in rows:
            found[(regime, notice, outcome)] = Numbered(int(seq), number, False)
    return {key: value for key, value in found.items()
            if key in {_key(w) for w in wanted}}


def take(compute, wanted: Iterable[Wanted], run: str, fill) -> dict[tuple, Numbered]:
    """Number every notice of ``wanted`` (in the order given — the order the numbers are
    taken in), finding those issued before and taking the next numbers of their series
    for the others, in one transaction. ``fill(pattern, year, seq)`` writes a number
    (`respons.model.docnumber.fill`). Returns every one's number by (regime, notice,
    outcome)."""
    wanted = list(wanted)
    with compute.transaction():
        known = issued(compute, wanted)
        fresh = [w for w in wanted if _key(w) not in known]
        last: dict[tuple[str, int], int] = {}
        for series, year in sorted({(w.series, w.year) for w in fresh}):
            count, top = compute.query(select(
                CountAll(), Func("MAX", (Col("n", "seq"),)),
                source=Table("notice_numbers", "n"),
                where=all_of(Col("n", "series").eq(Param("series")),
                             Col("n", "year").eq(Param("year")))),
                {"series": series, "year": year})[0]
            if int(count) != int(top or 0):
                # Numbers run 1, 2, 3 … without gaps: one is missing, so the register was
                # changed behind respons's back, and numbering on might issue it twice.
                raise BrokenRegister(
                    f"the register of document numbers lacks numbers of {series} {year}: it "
                    f"holds {count} but the highest is {top}; a row was removed by hand, so "
                    "no number is issued (restore the store from a copy)")
            last[(series, year)] = int(top or 0)
        head = _head(compute) if fresh else None
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        for w in fresh:
            if _key(w) in known:  # the same outcome twice in one call
                continue
            seq = last[(w.series, w.year)] = last[(w.series, w.year)] + 1
            number = fill(w.pattern, w.year, seq) if w.pattern is not None else ""
            known[_key(w)] = Numbered(seq, number, True)
            row = {"series": w.series, "year": w.year, "seq": seq, "number": number,
                   "regime": w.regime, "notice": w.notice, "outcome": w.outcome,
                   "issued_on": w.issued_on, "run": run, "issued_at": now}
            entry = head.entries + 1
            row["content_hash"], row["chain_hash"] = link(head.hash, list(row.values()), entry)
            row["entry"] = entry
            compute.insert("notice_numbers",
                           select(*(Param(name) for name in NOTICE_NUMBERS.names)), row)
            head = RegisterHead(entry, row["chain_hash"], w.series, w.year, number)
        if head is not None:
            compute.set_register_head(head.to_text())
    return known


def _head(compute) -> RegisterHead:
    """The register's head, refused (`BrokenRegister`) where the register does not end
    there: its last entries removed, or entries added, behind respons's back."""
    head = RegisterHead.from_text(compute.register_head())
    top = compute.query(select(Func("MAX", (Col("n", "entry"),)),
                               source=Table("notice_numbers", "n")))[0][0]
    link_ = ""
    if top is not None:
        link_ = compute.query(select(Col("n", "chain_hash"), source=Table("notice_numbers", "n"),
                                     where=Col("n", "entry").eq(Param("entry"))),
                              {"entry": int(top)})[0][0]
    if head is None or head.entries != int(top or 0) or (top is not None and
                                                          head.hash != link_):
        held = f"{int(top)} entries" if top is not None else "no entry"
        said = f"{head.entries}" if head is not None else "nothing readable"
        raise BrokenRegister(
            f"the register of document numbers does not end at its head: it holds {held}, "
            f"its head in store_info says {said}; numbers were removed or added by hand, so "
            "no number is issued (run `respons verify`, restore the store from a copy)")
    return head

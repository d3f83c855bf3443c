"""The report of a run, for a supervisor at a terminal (text) or for a program (JSON).

Both name the run and the ledger head it was computed over, and whether the chain was
verified up to that head before the report was made (VISION: a report is evidence of
what it was made from). The text summarises — totals, the table by agency — and lists
the first breaches (all of them with ``everything``); the JSON document is written as it
is read from the store, one breach (and with ``everything`` one obligation) at a time, so
a report of a million obligations costs no more memory than one of ten. Its keys are
stable English (docs/evaluate.md); it is byte-identical for the same run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from respons.engine.report import STATES, Summary
from respons.syntax.citation import format_citation
from respons.syntax.present import cite
from respons.terminal import clean, one_line

FORMAT_VERSION = 2
WORDS = {"met": "met", "met_late": "met late", "open": "open", "paused": "paused",
         "overdue": "overdue", "unknown": "unknown"}
#: Breaches the text report lists unless asked for all of them.
TEXT_LIMIT = 50

#: Members of a breach whose text a record gave (its ids, its key, an officer named in it).
_FROM_RECORDS = ("matter", "start_record", "done_record", "owner", "agency")


def run_line(summary: Summary, verified: bool) -> str:
    run = summary.evaluation.run
    state = "chain verified" if verified else "chain NOT verified (--no-verify)"
    return (f"  run {run.id} · ledger head seq {run.head.seq} {run.head.hash[:16]}… · "
            f"{state}")


def render_text(summary: Summary, breaches: Iterable[dict], titles: dict[str, str],
                verified: bool, everything: bool = False) -> str:
    e = summary.evaluation
    newest = e.versions[-1].regime
    t = summary.totals
    out = [f"{newest.title} ({newest.id}) · as of {e.as_of}", run_line(summary, verified)]
    for timeline in e.timelines:
        span = f"{timeline.first_year}–{timeline.last_year}" if timeline.first_year <= \
            timeline.last_year else "no years"
        line = f"  calendar {timeline.calendar}: {span}"
        if summary.wanting:
            line += " (no data for " + ", ".join(map(str, summary.wanting)) + ")"
        out.append(line)
    total = sum(t.values())
    out.append(f"  {total} obligations: " + " · ".join(
        f"{WORDS[s]} {t[s]}" for s in STATES if t[s] or s in ("met", "open", "overdue"))
        + f" · due within {summary.soon_workdays} working days {summary.due_soon}")
    if summary.agencies:
        names = [one_line(a["agency"] or "—") for a in summary.agencies]
        width = max(8, *(len(name) * 2 for name in names))
        out += ["", f"  {'agency':<{width}}  {'open':>6} {'soon':>6} {'overdue':>8} "
                    f"{'late':>6} {'met':>8}"]
        for name, a in zip(names, summary.agencies, strict=True):
            pad = width - sum(2 if ord(c) > 0x2E80 else 1 for c in name)
            out.append(f"  {name}{' ' * max(pad, 0)}  {a['open'] + a['paused']:>6} "
                       f"{a['due_soon']:>6} {a['overdue']:>8} {a['met_late']:>6} {a['met']:>8}")
    if summary.breaches:
        out += ["", f"Breaches ({summary.breaches})"]
        for shown, b in enumerate(breaches):
            if not everything and shown == TEXT_LIMIT:
                out.append(f"  … and {summary.breaches - shown} more (--all lists every "
                           "breach; --format json gives them all)")
                break
            out += _breach_lines(b, e.as_of, titles)
    return clean("\n".join(out) + "\n")


def _breach_lines(b: dict, as_of: str, titles: dict[str, str]) -> list[str]:
    b = b | {k: one_line(b[k]) for k in _FROM_RECORDS if isinstance(b[k], str)}
    if b["state"] == "overdue":
        what = f"not met as of {as_of}, {_days(b['days_late'])} past the due date"
    else:
        what = f"met {b['done_date']} by {b['done_record']}, {_days(b['days_late'])} late"
    extended = " (extended)" if b["extended"] else ""
    who = " · ".join(x for x in (
        f"负责 {b['owner']}" if b["owner"] else "",
        f"违反 {b['counts_as']}" if b["counts_as"] else "",
        f"起算 {b['start_record']}") if x)
    return [f"  {WORDS[b['state']]:<8} {b['duty']} · {b['matter'] or '—'} · "
            f"{b['start_date']} + {b['period']} → due {b['due_date']}{extended}: {what}",
            f"           {who}  {cite(b['citation'], titles)}"]


def _days(count) -> str:
    return "? days" if count is None else f"{count} day{'s' * (count != 1)}"


def head_document(summary: Summary, verified: bool) -> dict:
    """Every member of the JSON document but the lists that are streamed."""
    e = summary.evaluation
    run = e.run
    return {
        "format_version": FORMAT_VERSION,
        "regime": e.versions[-1].regime.id,
        "run": {"id": run.id, "head": {"seq": run.head.seq, "hash": run.head.hash},
                "verified": verified, "engine": run.engine},
        "versions": [{"regime": v.regime.id, "from": v.window.start, "until": v.window.end}
                     for v in e.versions],
        "as_of": e.as_of,
        "calendars": [{"calendar": t.calendar, "first_year": t.first_year,
                       "last_year": t.last_year} for t in e.timelines],
        "totals": summary.totals | {"due_soon": summary.due_soon},
        "years_without_calendar_data": summary.wanting,
        "agencies": summary.agencies,
    }


def json_chunks(summary: Summary, breaches: Iterable[dict], titles: dict[str, str],
                verified: bool, obligations: Iterable[dict] | None = None,
                indent: str = "") -> Iterator[str]:
    """The JSON document, as text chunks: the summary members pretty-printed, then the
    ``breaches`` (and ``obligations``) arrays one compact object per line, as they are
    read. ``indent`` prefixes every line after the first (for a document nested in
    another)."""
    head = json.dumps(head_document(summary, verified), ensure_ascii=False, indent=2)
    yield head[:-2].replace("\n", "\n" + indent)  # without the closing "\n}"
    lists = [("breaches", (_breach_json(b, titles) for b in breaches))]
    if obligations is not None:
        lists.append(("obligations", obligations))
    for name, items in lists:
        yield f",\n{indent}  \"{name}\": ["
        first = True
        for item in items:
            yield ("\n" if first else ",\n") + indent + "    " + json.dumps(
                item, ensure_ascii=False)
            first = False
        yield "]" if first else f"\n{indent}  ]"
    yield f"\n{indent}}}"


def _breach_json(b: dict, titles: dict[str, str]) -> dict:
    citation = b["citation"]
    return b | {"citation": format_citation(citation, titles.get(citation.regime))
                if citation else None}

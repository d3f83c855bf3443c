"""Reading an evaluation back: the report by agency, the breaches, the obligations.

Every query reads ``resp_obligations`` (and the calendar tables) inside the store and
orders its rows completely, so a report is byte-identical for the same regime and
records. The text form is for a supervisor at a terminal; the JSON form
(docs/evaluate.md) carries the same and, with ``--all``, every obligation.
"""

from __future__ import annotations

import attrs

from respons.engine.evaluate import Evaluation
from respons.syntax.citation import format_citation
from respons.syntax.present import cite, period_text
from respons.terminal import clean, one_line

STATES = ("met", "met_late", "open", "paused", "overdue", "unknown")
WORDS = {"met": "met", "met_late": "met late", "open": "open", "paused": "paused",
         "overdue": "overdue", "unknown": "unknown"}
BREACHES = ("overdue", "met_late")


@attrs.frozen
class Report:
    evaluation: Evaluation
    totals: dict
    agencies: list[dict]
    breaches: list[dict]
    due_soon: int
    soon_workdays: int
    #: years without calendar data that the unknown obligations need
    wanting: list[int] = attrs.Factory(list)


def years_wanting_data(store, evaluation: Evaluation) -> list[int]:
    """The years the calendar lacks that the unknown obligations need to be decided.

    For a period of days, months or years only its last day must be known: the year that
    day falls in (before a roll to the next working day). A period of working days needs
    every day from its start: the start's year if it has no data, else the first year
    without data after it.
    """
    import datetime as dt

    from respons.engine.timeline import add_months

    rows = store.query(f"SELECT DISTINCT regime, duty, start_date FROM {evaluation.table}"
                       " WHERE state = 'unknown'")
    duties = _duties(evaluation)
    wanted = set()
    for regime, duty_name, start in rows:
        period = duties[(regime, duty_name)].period
        day = dt.date.fromisoformat(start)
        for timeline in evaluation.timelines:
            covered = range(timeline.first_year, timeline.last_year + 1)
            if period.unit == "workdays":
                wanted.add(day.year if day.year not in covered else timeline.last_year + 1)
            elif period.unit == "days":
                wanted.add((day + dt.timedelta(days=int(period.amount))).year)
            else:
                months = int(period.amount) * (12 if period.unit == "years" else 1)
                wanted.add(add_months(day, months).year)
    return sorted(wanted)


def _duties(evaluation: Evaluation) -> dict[tuple[str, str], object]:
    return {(v.regime.id, d.name): d for v in evaluation.versions for d in v.regime.duties}


def build_report(store, evaluation: Evaluation, soon_workdays: int = 3) -> Report:
    table, as_of = evaluation.table, evaluation.as_of
    rows = store.query(f"SELECT state, COUNT(*) FROM {table} GROUP BY state ORDER BY state")
    totals = {state: 0 for state in STATES} | dict(rows)
    # Due soon: open, and due within N working days of the evaluation date.
    soon = store.query(
        f"SELECT o.agency, COUNT(*) FROM {table} o JOIN resp_cal a ON a.d = ?"
        " JOIN resp_cal d ON d.d = COALESCE(o.extended_due, o.due_date)"
        " WHERE o.state = 'open' AND d.cum - a.cum <= ? GROUP BY o.agency", [as_of, soon_workdays])
    soon_by_agency = {agency: count for agency, count in soon}
    per_agency: dict[str, dict] = {}
    for agency, state, count in store.query(
            f"SELECT COALESCE(agency, ''), state, COUNT(*) FROM {table}"
            " GROUP BY COALESCE(agency, ''), state ORDER BY 1, 2"):
        entry = per_agency.setdefault(agency, {"agency": agency or None} |
                                      {state: 0 for state in STATES})
        entry[state] = count
    for agency, entry in per_agency.items():
        entry["due_soon"] = soon_by_agency.get(agency or None, 0)
    duties = _duties(evaluation)
    breaches = []
    for row in store.query(
            f"SELECT o.duty, o.regime, o.start_id, o.subject, o.start_date, o.due_date,"
            " o.extended_due, o.done_id, o.done_date, o.agency, o.owner, o.state,"
            " COALESCE(dn.day_index, a.day_index) - d.day_index"
            f" FROM {table} o JOIN resp_cal a ON a.d = ?"
            " LEFT JOIN resp_cal d ON d.d = COALESCE(o.extended_due, o.due_date)"
            " LEFT JOIN resp_cal dn ON dn.d = o.done_date"
            " WHERE o.state IN ('overdue', 'met_late')"
            " ORDER BY COALESCE(o.agency, ''), o.duty, o.start_seq", [as_of]):
        (duty_name, regime, start_id, subject, start, due, extended, done_id, done_date,
         agency, owner, state, late) = row
        duty = duties[(regime, duty_name)]
        breaches.append({
            "duty": duty_name, "regime": regime, "state": state, "agency": agency,
            "owner": owner, "subject": subject, "start_record": start_id, "start_date": start,
            "due_date": extended or due, "extended": extended is not None,
            "done_record": done_id, "done_date": done_date, "days_late": late,
            "counts_as": duty.breach.text if duty.breach else None,
            "period": period_text(duty.period),
            "citation": duty.citation,
        })
    wanting = years_wanting_data(store, evaluation) if totals["unknown"] else []
    return Report(evaluation, totals, sorted(per_agency.values(), key=lambda e: e["agency"] or ""),
                  breaches, sum(soon_by_agency.values()), soon_workdays, wanting)


def render_text(report: Report, titles: dict[str, str]) -> str:
    """The report for a terminal. Its words come from the regime and the records, so every
    control character in them is printed as a visible escape (``respons.terminal``), and a
    record's id, key or officer as one line: a newline in a key cannot make a line of its
    own."""
    e = report.evaluation
    newest = e.versions[-1].regime
    t = report.totals
    out = [f"{newest.title} ({newest.id}) · as of {e.as_of}"]
    for timeline in e.timelines:
        span = f"{timeline.first_year}–{timeline.last_year}" if timeline.first_year <= \
            timeline.last_year else "no years"
        line = f"  calendar {timeline.calendar}: {span}"
        if report.wanting:
            line += " (no data for " + ", ".join(map(str, report.wanting)) + ")"
        out.append(line)
    total = sum(t.values())
    out.append(f"  {total} obligations: " + " · ".join(
        f"{WORDS[s]} {t[s]}" for s in STATES if t[s] or s in ("met", "open", "overdue"))
        + f" · due within {report.soon_workdays} working days {report.due_soon}")
    if report.agencies:
        names = [one_line(a["agency"] or "—") for a in report.agencies]
        width = max(8, *(len(name) * 2 for name in names))
        out += ["", f"  {'agency':<{width}}  {'open':>6} {'soon':>6} {'overdue':>8} "
                    f"{'late':>6} {'met':>8}"]
        for a, name in zip(report.agencies, names, strict=True):
            pad = width - sum(2 if ord(c) > 0x2E80 else 1 for c in name)
            out.append(f"  {name}{' ' * max(pad, 0)}  {a['open'] + a['paused']:>6} "
                       f"{a['due_soon']:>6} {a['overdue']:>8} {a['met_late']:>6} {a['met']:>8}")
    if report.breaches:
        out += ["", f"Breaches ({len(report.breaches)})"]
        for b in report.breaches:
            b = b | {k: one_line(b[k]) for k in _FROM_RECORDS if isinstance(b[k], str)}
            if b["state"] == "overdue":
                what = f"not met as of {e.as_of}, {_days(b['days_late'])} past the due date"
            else:
                what = f"met {b['done_date']} by {b['done_record']}, {_days(b['days_late'])} late"
            extended = " (extended)" if b["extended"] else ""
            out.append(f"  {WORDS[b['state']]:<8} {b['duty']} · {b['subject'] or '—'} · "
                       f"{b['start_date']} + {b['period']} → due {b['due_date']}{extended}: {what}")
            who = " · ".join(x for x in (
                f"负责 {b['owner']}" if b["owner"] else "",
                f"违反 {b['counts_as']}" if b["counts_as"] else "",
                f"起算 {b['start_record']}") if x)
            out.append(f"           {who}  {cite(b['citation'], titles)}")
    return clean("\n".join(out) + "\n")


#: Members of a breach whose text a record gave (its ids, its key, an officer named in it).
_FROM_RECORDS = ("subject", "start_record", "done_record", "owner", "agency")


def _days(count) -> str:
    return "? days" if count is None else f"{count} day{'s' * (count != 1)}"


def to_json(report: Report, titles: dict[str, str], obligations: list | None = None) -> dict:
    e = report.evaluation
    breaches = []
    for b in report.breaches:
        citation = b["citation"]
        breaches.append(b | {"citation": format_citation(citation, titles.get(citation.regime))
                             if citation else None})
    document = {
        "format_version": 1,
        "regime": e.versions[-1].regime.id,
        "versions": [{"regime": v.regime.id, "from": v.window.start, "until": v.window.end}
                     for v in e.versions],
        "as_of": e.as_of,
        "calendars": [{"calendar": t.calendar, "first_year": t.first_year,
                       "last_year": t.last_year} for t in e.timelines],
        "totals": report.totals | {"due_soon": report.due_soon},
        "years_without_calendar_data": report.wanting,
        "agencies": report.agencies,
        "breaches": breaches,
    }
    if obligations is not None:
        document["obligations"] = obligations
    return document


def all_obligations(store, evaluation: Evaluation) -> list[dict]:
    from respons.engine.compile import COLUMNS

    names = [name for name, _ in COLUMNS]
    rows = store.query(f"SELECT {', '.join(names)} FROM {evaluation.table}"
                       " ORDER BY start_seq, duty, regime")
    return [dict(zip(names, row, strict=True)) for row in rows]

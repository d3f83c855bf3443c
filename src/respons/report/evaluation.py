"""The report of a run, for a supervisor at a terminal (text) or for a program (JSON).

Both name the run and the ledger head it was computed over, and whether the chain was
verified up to that head before the report was made (VISION: a report is evidence of
what it was made from). The text speaks the reader's language (`respons.report.words`):
the totals by state, then what needs action now (overdue and due soon, by agency), then
history (met late), then what could not be determined and why, then the table by agency
with every state, whose rows add up to the total. Each list is bounded (`LIMITS`, all of
it with ``everything``) and says how many more there are. The JSON document is written
as it is read from the store, one breach (due-soon obligation, and with ``everything``
obligation) at a time, so a report of a million obligations costs no more memory than
one of ten. Its keys are stable English (docs/evaluate.md); both are byte-identical for
the same run. Every string a regime or a record wrote goes through `one_line`, and the
whole text through `clean`.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import attrs

from respons.engine.report import STATES, Summary
from respons.report.words import Words
from respons.syntax.citation import format_citation
from respons.syntax.present import cite
from respons.terminal import clean, one_line

FORMAT_VERSION = 2
#: How many of each list the text report shows unless asked for all (--all).
LIMITS = {"action": 50, "history": 20, "unknown": 20, "agencies": 50, "rights": 50}


@attrs.frozen
class Listings:
    """The lists a text report shows, each read from the store as it is printed (limited
    to `LIMITS` in the query unless everything is asked for): what needs action now, the
    history (met late), and what could not be determined."""

    action: Iterable[dict]
    history: Iterable[dict]
    unknown: Iterable[dict]


def run_line(summary: Summary, verified: bool, words: Words) -> str:
    run = summary.evaluation.run
    chain = words("chain.verified" if verified else "chain.unverified")
    return "  " + words("run", run=run.id, seq=run.head.seq, hash=run.head.hash[:16],
                        chain=chain)


def render_text(summary: Summary, listings: Listings, titles: dict[str, str],
                verified: bool, words: Words, everything: bool = False) -> str:
    e = summary.evaluation
    newest = e.versions[-1].regime
    t = summary.totals
    out = [words("title", title=newest.title, id=newest.id, as_of=e.as_of),
           run_line(summary, verified, words)]
    for timeline in e.timelines:
        span = words("calendar.years", first=timeline.first_year, last=timeline.last_year) \
            if timeline.first_year <= timeline.last_year else words("calendar.no_years")
        line = "  " + words("calendar", calendar=timeline.calendar, span=span)
        if summary.wanting:
            line += words("calendar.wanting", years=words.years(summary.wanting))
        out.append(line)
    soon = summary.soon_workdays
    parts = [words("totals.open", state=words.state(s), count=t[s], soon=soon,
                   due_soon=summary.due_soon) if s == "open" else
             words("totals.part", state=words.state(s), count=t[s]) for s in STATES]
    out.append("  " + words("totals", total=sum(t.values()),
                            parts=words("totals.sep").join(parts)))
    # Keyed as the store groups them: no agency and an empty one are one row.
    by_agency = {a["agency"] or "": a for a in summary.agencies}
    render = _Items(words, e, titles)

    out += ["", words("section.action", overdue=t["overdue"], soon=soon,
                      due_soon=summary.due_soon)]
    out += _grouped(listings.action, t["overdue"] + summary.due_soon, words, render.action,
                    lambda a: words("group.action", agency=_agency(a, words),
                                    overdue=by_agency[a or ""]["overdue"],
                                    due_soon=by_agency[a or ""]["due_soon"]))
    out += ["", words("section.history", count=t["met_late"])]
    out += _grouped(listings.history, t["met_late"], words, render.history,
                    lambda a: words("group.history", agency=_agency(a, words),
                                    count=by_agency[a or ""]["met_late"]))
    out += ["", words("section.unknown", count=t["unknown"])]
    if summary.wanting:
        out.append(words("unknown.why", years=words.years(summary.wanting)))
    out += _grouped(listings.unknown, t["unknown"], words, render.unknown,
                    lambda a: words("group.unknown", agency=_agency(a, words),
                                    count=by_agency[a or ""]["unknown"]))
    out += ["", words("section.agencies"), *agency_table(summary, words, everything)]
    return clean("\n".join(out) + "\n")


def _agency(name: str | None, words: Words) -> str:
    return one_line(name) if name else words("no_agency")


def _grouped(items: Iterable[dict], total: int, words: Words,
             lines: Callable[[dict], list[str]], heading: Callable[[str | None], str]
             ) -> list[str]:
    """``items`` (in the order of their agencies) under a heading per agency, and how many
    of ``total`` were not shown."""
    out: list[str] = []
    shown, current = 0, object()
    for item in items:
        if item["agency"] != current:
            current = item["agency"]
            out.append(heading(current))
        out += lines(item)
        shown += 1
    if not total:
        out.append(words("none"))
    elif shown < total:
        out.append(words("more", count=total - shown))
    return out


class _Items:
    """The two lines of one listed obligation: what it is and where it stands; who owns
    it, what a breach counts as, the record that started it, and its article."""

    def __init__(self, words: Words, evaluation, titles: dict[str, str]) -> None:
        self.words, self.as_of, self.titles = words, evaluation.as_of, titles
        self.periods = {(v.regime.id, d.name): self._limit(d) for v in evaluation.versions
                        for d in v.regime.duties}
        # A duty due on a date its starting record gives (期限 至 FIELD): its field's name.
        self.fields = {(v.regime.id, d.name): d.due_field for v in evaluation.versions
                       for d in v.regime.duties if d.period is None}

    def _limit(self, duty) -> str:
        """A duty's time limit in the reader's words: its period, or until a field's date."""
        if duty.period is None:
            return self.words("unit.until", field=duty.due_field)
        return self.words.period(duty.period)

    def action(self, item: dict) -> list[str]:
        w = self.words
        if item["state"] == "overdue":
            what = w("what.overdue", as_of=self.as_of, days=w.days(item["days_late"]))
        elif item["workdays_left"] == 0:
            what = w("what.due_today")
        else:
            what = w("what.due_in", workdays=w("workdays", count=item["workdays_left"]))
        return self._lines("item", item, what)

    def history(self, item: dict) -> list[str]:
        w = self.words
        what = w("what.met_late", date=item["done_date"], record=one_line(item["done_record"]),
                 days=w.days(item["days_late"]))
        return self._lines("item", item, what)

    def unknown(self, item: dict) -> list[str]:
        field = self.fields.get((item["regime"], item["duty"]))
        if field is not None and not item["years_needed"]:
            # Due on a date the record gives: no year to name — the record lacks the date,
            # or the calendar the year it falls in.
            what = self.words("what.unknown.field", field=field)
        else:
            what = self.words("what.unknown", years=self.words.years(item["years_needed"]))
        return self._lines("item.unknown", item, what)

    def _lines(self, key: str, item: dict, what: str) -> list[str]:
        w = self.words
        who = [w("who.owner", owner=one_line(item["owner"])) if item["owner"] else None,
               w("who.counts_as", fault=one_line(item["counts_as"]))
               if item["counts_as"] else None,
               w("who.started", record=one_line(item["start_record"]))]
        return [w(key, duty=one_line(item["duty"]), matter=one_line(item["matter"] or "—"),
                  start=item["start_date"],
                  period=self.periods[(item["regime"], item["duty"])],
                  due=item["due_date"], extended=w("extended") if item["extended"] else "",
                  what=what),
                w("why", who=w("who.sep").join(x for x in who if x),
                  citation=cite(item["citation"], self.titles)).rstrip()]


def rights_lines(windows: list, as_of: str, titles: dict[str, str], words: Words,
                 everything: bool = False) -> list[str]:
    """The section on parties' right windows (`respons.engine.rights`): the counts by state,
    then the windows still open — what a party may yet do, soonest closing first — and
    those exercised after they closed; each with who may exercise it and its article."""
    counts = {state: 0 for state in ("open", "exercised", "exercised_late", "lapsed",
                                     "unknown")}
    for window in windows:
        counts[window.state] += 1
    out = ["", words("section.rights", **counts)]
    listed = [w for w in windows if w.state in ("open", "exercised_late", "unknown")]
    limit = None if everything else LIMITS["rights"]
    for window in listed[:limit]:
        out += _right_lines(window, as_of, titles, words)
    if not listed:
        out.append(words("none"))
    elif limit is not None and len(listed) > limit:
        out.append(words("more", count=len(listed) - limit))
    return out


#: a window's state → how its line says where it stands
_RIGHT_WHAT = {"open": "right.what.open", "exercised": "right.what.exercised",
               "exercised_late": "right.what.exercised_late", "lapsed": "right.what.lapsed",
               "unknown": "right.what.unknown"}


def _right_lines(window, as_of: str, titles: dict[str, str], words: Words) -> list[str]:
    state = window.state
    if state == "open" and window.by_law:  # no last day of the regime's own
        what = words("right.what.open_by_law")
    elif state == "open":
        what = words("right.what.open", days=words.days(_days(as_of, window.closes)))
    elif state in ("exercised", "exercised_late"):
        what = words(_RIGHT_WHAT[state], date=window.exercised_date,
                     record=one_line(window.exercised_id),
                     days=words.days(_days(window.closes, window.exercised_date)))
    else:
        what = words(_RIGHT_WHAT[state])
    who = [words("right.holder", holder=one_line(window.holder)) if window.holder else None,
           words("right.started", record=one_line(window.start_id)),
           None if window.suspends else words("right.no_suspend")]
    return [words("right.item.by_law" if window.by_law else "right.item",
                  right=one_line(window.right),
                  matter=one_line(window.matter or "—"), start=window.start_date,
                  closes=window.closes or "?", what=what),
            words("right.why", who=words("who.sep").join(x for x in who if x),
                  citation=cite(window.citation, titles)).rstrip()]


def _days(first: str | None, last: str | None) -> int | None:
    if first is None or last is None:
        return None
    return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days


def agency_table(summary: Summary, words: Words, everything: bool = False) -> list[str]:
    """One row per agency with a column per state, its total, and how many of its open
    obligations are due soon; beyond `LIMITS` the other agencies summed in one row; the
    totals last. Every row adds up to its total, and the totals to the report's."""
    rows = summary.agencies
    limit = None if everything else LIMITS["agencies"]
    shown, rest = (rows, []) if limit is None else (rows[:limit], rows[limit:])
    header = [words("table.agency"), *(words.state(s) for s in STATES),
              words("table.total"), words("table.of_which_soon")]

    def cells(name: str, entries: list[dict]) -> list[str]:
        counts = [sum(e[s] for e in entries) for s in STATES]
        return [name, *map(str, counts), str(sum(counts)),
                str(sum(e["due_soon"] for e in entries))]

    body = [cells(_agency(a["agency"], words), [a]) for a in shown]
    if rest:
        body.append(cells(words("table.rest", count=len(rest)), rest))
    body.append(cells(words("table.total"), rows))
    widths = [max(_width(row[i]) for row in [header, *body]) for i in range(len(header))]
    return ["  " + "  ".join(
        (cell + " " * (width - _width(cell))) if i == 0 else
        (" " * (width - _width(cell)) + cell)
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
        for row in [header, *body]]


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
        "soon_workdays": summary.soon_workdays,
        "years_without_calendar_data": summary.wanting,
        "agencies": summary.agencies,
    }


def json_chunks(summary: Summary, breaches: Iterable[dict], titles: dict[str, str],
                verified: bool, obligations: Iterable[dict] | None = None,
                indent: str = "", due_soon: Iterable[dict] = (),
                rights: Iterable = ()) -> Iterator[str]:
    """The JSON document, as text chunks: the summary members pretty-printed, then the
    ``breaches``, ``due_soon``, ``rights`` (parties' right windows, `respons.engine.rights`)
    (and ``obligations``) arrays one compact object per line, as they are read.
    ``indent`` prefixes every line after the first (for a document nested in another)."""
    head = json.dumps(head_document(summary, verified), ensure_ascii=False, indent=2)
    yield head[:-2].replace("\n", "\n" + indent)  # without the closing "\n}"
    cited = _Citations(titles)

    def citation(c):
        return format_citation(c, titles.get(c.regime)) if c is not None else None

    lists = [("breaches", (cited(b) for b in breaches)),
             ("due_soon", (cited(o) for o in due_soon)),
             ("rights", (w.as_json(citation) for w in rights))]
    if obligations is not None:
        lists.append(("obligations", obligations))
    encode = _encode
    for name, items in lists:
        yield f",\n{indent}  \"{name}\": ["
        lines: list[str] = []
        separator = "\n" + indent + "    "
        written = False
        for item in items:
            lines.append(encode(item))
            if len(lines) == _LINES_PER_CHUNK:  # a few large writes, not one per item
                yield ("," if written else "") + separator + ("," + separator).join(lines)
                lines, written = [], True
        if lines:
            yield ("," if written else "") + separator + ("," + separator).join(lines)
            written = True
        yield f"\n{indent}  ]" if written else "]"
    yield f"\n{indent}}}"


_ENCODER = json.JSONEncoder(ensure_ascii=False)
try:  # the C encoder, built once (JSONEncoder.encode builds one per call): as json.dumps
    from json.encoder import c_make_encoder, encode_basestring

    _C_ENCODE = c_make_encoder(None, _ENCODER.default, encode_basestring, None, ": ", ", ",
                               False, False, True)
except ImportError:  # pragma: no cover - a Python without the accelerator
    _C_ENCODE = None


def _encode(item: dict) -> str:
    return "".join(_C_ENCODE(item, 0)) if _C_ENCODE is not None else _ENCODER.encode(item)
_LINES_PER_CHUNK = 2000


class _Citations:
    """A listed item with its citation written out: each citation formatted once."""

    def __init__(self, titles: dict[str, str]) -> None:
        self.titles = titles
        self.written: dict = {}

    def __call__(self, item: dict) -> dict:
        citation = item["citation"]
        if citation is not None:
            key = id(citation)  # the duty's own Citation object, the same for all its items
            if key not in self.written:
                self.written[key] = (citation, format_citation(
                    citation, self.titles.get(citation.regime)))
            item["citation"] = self.written[key][1]  # the item is the report's own
        return item

"""The detail each proposal kept under a run holds: a case as the JSON report gives it
(`respons.report.liability_json.case_data`), as its canonical JSON text.

A province-year is tens of thousands of cases, and most of what each one's detail says is
shared: the ladder's outcome is the same object for every case of the same facts
(`respons.engine.liability_decide`), so are the circumstances that hold or fail alike, and
a citation is the same text every time. `DetailWriter` encodes each of those once and
joins the pieces — the case's own values (its id, date, the records a count found, the
people named) encoded each time — in the order canonical JSON puts them (keys sorted).
Canonical JSON is compositional (an object's text is its members' texts, keys sorted),
so the text is byte for byte ``canonical_json(case_data(case))``;
tests/liability/test_liability_detail.py holds the two to it.

What a run keeps (`respons.engine.liability_kept.keep`) is the same text split in two
(`DetailWriter.kept`): what every case of one decision shares, encoded once, and what each
case has of its own — its ids and date, its bearers, who decides and proposes, what its
counts found — which `respons.engine.liability_kept.whole` joins back into the whole.
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring

import attrs

from respons.records.canonical import canonical_json
from respons.report.liability_json import (
    _case_data,
    _citation,
    _fault_data,
    _outcome_data,
    apportionment_citation,
    circumstance_data,
    share_data,
)

#: The members of a case's detail in canonical (sorted) order, each key encoded.
_KEYS = ("bearers", "case", "circumstances", "date", "decided_by", "defence", "fault",
         "found_undeclared", "ladders", "proceeding", "proceeding_citation", "proposed_by",
         "record")
_KEY_TEXT = tuple(canonical_json(k) + ":" for k in sorted(_KEYS))



def _hole(n: int) -> str:
    """The placeholder for a piece's ``n``-th own value while the rest of it is encoded
    once: a text no regime or record writes (NULs), found again by its encoding."""
    return f"\x00hole{n}\x00"


_HOLES = (_hole(0), _hole(1))
#: The members of a case's detail that are its own, kept with the case rather than with
#: its decision (`DetailWriter.kept`); its counted circumstances' numbers and records are
#: kept with it too, as ``counts``.
OWN = ("bearers", "case", "date", "decided_by", "found_undeclared", "proposed_by", "record")
#: How a case's detail begins while its shares are left out: they are joined in first.
_NO_BEARERS = '{"bearers":[]'


def _encode(value) -> str:
    """``canonical_json(value)`` for the values a case has of its own — a text, a number,
    none, the record ids a count found (a tuple, written as the array its list would be) —
    without the encoder's set-up for each."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if (kind is tuple or kind is list) and all(type(v) is str for v in value):
        return "[" + ",".join(map(encode_basestring, value)) + "]"
    return canonical_json(value)


class _Template:
    """A piece encoded once with placeholders: ``fill(values…)`` puts each value's
    encoding where its placeholder was. None where a placeholder is not found exactly
    once (then the piece is encoded whole each time)."""

    def __init__(self, text: str, holes: int) -> None:
        self.parts: list[str] | None = None
        marks = [canonical_json(_hole(n)) for n in range(holes)]
        if any(text.count(m) != 1 for m in marks):
            return
        order = sorted(range(holes), key=lambda n: text.index(marks[n]))
        parts, rest = [], text
        for n in order:
            before, rest = rest.split(marks[n])
            parts.append(before)
        parts.append(rest)
        self.parts = parts
        #: (which value, the text after it) for each placeholder, in the text's order
        self._after = list(zip(order, parts[1:], strict=True))

    def fill(self, values) -> str:
        """The piece with ``values`` (by placeholder number) in place of the placeholders."""
        out = [self.parts[0]]
        for n, after in self._after:
            out.append(_encode(values[n]))
            out.append(after)
        return "".join(out)


def case_detail(regime, titles: dict[str, str]):
    """``detail(case)``: the canonical JSON text of a case as the JSON document gives it
    (what the store keeps, `respons.engine.liability_kept.keep`)."""
    return DetailWriter(regime, titles)


class DetailWriter:
    """``writer(case)`` → the case's detail as canonical JSON text. Pieces are cached by
    the identity of the objects they encode, each entry keeping its object so that an id
    is never taken for another's while the writer lives (one command's cases)."""

    def __init__(self, regime, titles: dict[str, str]) -> None:
        self.measures = {m.name: m for m in regime.measures}
        self.faults = {f.name: f for f in regime.faults}
        self.apportionments = {a.name: a for a in regime.apportionments}
        self.titles = titles
        self._pieces: dict[tuple, tuple[tuple, object]] = {}
        #: the two pieces every case asks for, by the identity of what they encode
        self._cases: dict[int, tuple[object, _Template | None]] = {}
        self._shares: dict[tuple, tuple[object, object, _Template]] = {}
        #: id(decision) → (the decision, its id, the detail its cases share), or None
        self._shared: dict[int, tuple[object, str, str] | None] = {}

    def data(self, r) -> dict:
        """The case as data: what the text encodes."""
        return _case_data(r, self.measures, self.faults, self.apportionments, self.titles)

    def __call__(self, r) -> str:
        outer = apportionment_citation(self.apportionments, r.proceeding)
        shares = ",".join([self._share(s, outer) for s in r.shares])
        decision = r.decision
        if decision is not None:
            # Every case of the same decision has the same detail but for its own values:
            # encoded once with placeholders for them.
            found = self._cases.get(id(decision))
            if found is None or found[0] is not decision:
                found = self._cases[id(decision)] = (decision, self._case_template(r))
            template = found[1]
            if template is not None and template.parts is not None:
                values = [r.matter, r.record, r.date, r.decided_by, r.proposed_by,
                          r.found_undeclared]
                for place, _ in decision.counting:
                    x = r.circumstances[place]
                    values += (x.count, x.records)
                return '{"bearers":[' + shares + "]" + template.fill(values)
        values = (
            "[" + shares + "]",
            _encode(r.matter),
            "[" + ",".join([self._circumstance(x) for x in r.circumstances]) + "]",
            _encode(r.date),
            _encode(r.decided_by),
            "true" if r.defence else "false",
            self._piece(("fault", r.fault, r.fault_known), (), lambda: canonical_json(
                _fault_data(r.fault, r.fault_known, self.faults, self.titles))),
            _encode(r.found_undeclared),
            "[" + ",".join([self._outcome(o, r) for o in r.outcomes]) + "]",
            canonical_json(r.proceeding.name),
            self._piece(("proceeding",), (r.proceeding,), lambda: canonical_json(
                _citation(r.proceeding.citation, self.titles))),
            _encode(r.proposed_by),
            _encode(r.record),
        )
        return "{" + ",".join([k + v for k, v in zip(_KEY_TEXT, values, strict=True)]) + "}"

    def kept(self, r) -> tuple[str | None, str | None, str]:
        """What the store keeps of ``r``: (its decision's id, the detail every case of that
        decision shares, the case's own detail) — or (None, None, the whole detail) for a
        case that shares no decision (a standing fault's; one where a measure falls on
        someone its file names, so that the outcome is the case's own)."""
        decision = r.decision
        shared = None
        if decision is not None:
            found = self._shared.get(id(decision))
            if found is None or found[0] is not decision:
                made = self._shared_detail(r)
                found = self._shared[id(decision)] = (decision, *made) if made else None
            shared = found
        if shared is None:
            return None, None, self(r)
        outer = apportionment_citation(self.apportionments, r.proceeding)
        counts = sorted((x.name, x) for x in (r.circumstances[place]
                                              for place, _ in decision.counting))
        own = ('{"bearers":[' + ",".join([self._share(s, outer) for s in r.shares])
               + '],"case":' + _encode(r.matter) + ',"counts":{'
               + ",".join([encode_basestring(name) + ':{"count":' + _encode(x.count)
                           + ',"records":' + _encode(x.records) + "}" for name, x in counts])
               + '},"date":' + _encode(r.date) + ',"decided_by":' + _encode(r.decided_by)
               + ',"found_undeclared":' + _encode(r.found_undeclared) + ',"proposed_by":'
               + _encode(r.proposed_by) + ',"record":' + _encode(r.record) + "}")
        return shared[1], shared[2], own

    def _shared_detail(self, r) -> tuple[str, str] | None:
        """(id, text) of what every case of ``r``'s decision shares: the case's detail
        without its own members (`OWN`), each counted circumstance's number and records
        left out; None where an outcome is the case's own (a measure falls on someone)."""
        if any(self._falls_on(o) for o in r.outcomes):
            return None
        data = self.data(r)
        for name in OWN:
            del data[name]
        for place, _ in r.decision.counting:
            del data["circumstances"][place]["count"], data["circumstances"][place]["records"]
        text = canonical_json(data)
        return hashlib.sha256(text.encode()).hexdigest(), text

    def _case_template(self, r) -> _Template | None:
        """The detail of ``r``'s decision after its shares, with placeholders for what
        each case has of its own (`__call__` gives them in this order); None where an
        outcome depends on the case (a measure falls on someone its file names)."""
        if any(self._falls_on(o) for o in r.outcomes):
            return None
        circumstances = list(r.circumstances)
        holes = 6
        for place, _ in r.decision.counting:
            circumstances[place] = circumstances[place]._replace(
                count=_hole(holes), records=_hole(holes + 1))
            holes += 2
        text = canonical_json(self.data(attrs.evolve(
            r, matter=_hole(0), record=_hole(1), date=_hole(2), decided_by=_hole(3),
            proposed_by=_hole(4), found_undeclared=_hole(5), shares=(),
            circumstances=tuple(circumstances))))
        if not text.startswith(_NO_BEARERS):
            return None
        return _Template(text[len(_NO_BEARERS):], holes)

    def _falls_on(self, o) -> bool:
        """Whether a measure of ``o`` (an option's, one that may be added, or one of the
        step kept open) falls on someone the case file names: then its text depends on
        the case."""
        refs = [*(ref for option in o.options for ref in option), *o.additions]
        kept = o.kept_step
        if kept is not None:  # 保留较高级: the measures of the step kept open
            refs += [*(ref for option in kept.options for ref in option), *kept.additions]
        return any(self.measures[ref.text].falls_on for ref in refs
                   if ref.text in self.measures)

    def _piece(self, key: tuple, objects: tuple, make):
        """The piece cached under ``key`` and the identity of ``objects``, made once."""
        full = (*key, *map(id, objects))
        found = self._pieces.get(full)
        if found is None or any(a is not b for a, b in zip(found[0], objects, strict=True)):
            found = self._pieces[full] = (objects, make())
        return found[1]

    def _outcome(self, o, r) -> str:
        # Where one of its measures falls on someone the case file names (施于), an outcome
        # is written for each case; otherwise once for every case that shares it.
        if self._falls_on(o):
            return canonical_json(_outcome_data(o, self.measures, self.titles, r))
        return self._piece(("outcome",), (o,), lambda: canonical_json(
            _outcome_data(o, self.measures, self.titles, r)))

    def _circumstance(self, x) -> str:
        # A counted circumstance names its case's records: a template filled each time.
        # Any other is shared by every case of the same facts.
        if x.how == "count":
            template = self._piece(("count", x.name, x.holds), (x.citation,), lambda: _Template(
                canonical_json(circumstance_data(x, *_HOLES, self.titles)), 2))
            if template.parts is None:
                return canonical_json(circumstance_data(x, x.count, x.records, self.titles))
            return template.fill((x.count, x.records))
        return self._piece(("circumstance",), (x,), lambda: canonical_json(
            circumstance_data(x, x.count, x.records, self.titles)))

    def _share(self, s, outer) -> str:
        # A rule is written in one 责任划分, so its identity also fixes ``outer``.
        key = (id(s.bearer), id(s.rule), s.field, s.who, s.bears)
        found = self._shares.get(key)
        if found is None or found[0] is not s.bearer or found[1] is not s.rule:
            found = self._shares[key] = (s.bearer, s.rule, _Template(canonical_json(
                share_data(s, _HOLES[0], self.titles, outer)), 1))
        if found[2].parts is None:
            return canonical_json(share_data(s, s.person, self.titles, outer))
        return found[2].fill((s.person,))

"""The agencies, bodies, posts and powers a record may name, as the regime declares them.

An agency is named as declared (行政执法机关). A body, post or power belongs to an agency:
it may be written qualified (``机关.岗位``, ``机关.机构.岗位``) or bare (``执法人员``). A bare
name is accepted when exactly one agency declares it, or when exactly one of the agencies
the record itself names (its 机关 fields) declares it; otherwise it is ambiguous and the
message says how to qualify it. Names are compared, and stored, in Unicode Normalization
Form C (``values.nfc``): a name typed in another spelling that prints alike is the name.
"""

from __future__ import annotations

from collections import defaultdict

from respons.diagnostics.suggest import did_you_mean
from respons.model.regime import Regime
from respons.records.values import Bad, nfc, show

_NOUN = {"body": "body (机构)", "post": "post (岗位)", "power": "power (职权)"}


class NameTable:
    def __init__(self, regime: Regime) -> None:
        self.agencies = frozenset(nfc(a.name) for a in regime.agencies)
        self._bare: dict[str, dict[str, set[str]]] = {k: defaultdict(set) for k in _NOUN}
        #: kind → each qualified name → the agency it belongs to
        self._qualified: dict[str, dict[str, str]] = {k: {} for k in _NOUN}
        for agency in regime.agencies:
            for power in agency.powers:
                self._add("power", agency.name, power.name)
            for body in agency.bodies:
                self._add("body", agency.name, body.name)
            for body, post in agency.all_posts():
                self._add("post", agency.name, post.name)
                if body is not None:
                    self._qualified["post"][nfc(f"{agency.name}.{body.name}.{post.name}")] = \
                        nfc(agency.name)

    def _add(self, kind: str, agency: str, name: str) -> None:
        agency, name = nfc(agency), nfc(name)
        self._bare[kind][name].add(agency)
        self._qualified[kind][f"{agency}.{name}"] = agency

    def agencies_of(self, kind: str) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
        """For the names of ``kind`` ("body", "post", "power") a record may write: (each
        that can only be one agency's — qualified, or bare and declared by one agency alone —
        with that agency; each bare name several agencies declare, with them)."""
        only = dict(self._qualified[kind])
        shared = {}
        for name, agencies in self._bare[kind].items():
            if len(agencies) == 1:
                only[name] = next(iter(agencies))
            else:
                shared[name] = frozenset(agencies)
        return only, shared

    def agency(self, value):
        if not isinstance(value, str):
            raise Bad(f"must name an agency (机关) as text, not {show(value)}")
        value = nfc(value)
        if value in self.agencies:
            return value
        raise Bad(f"names the agency {value!r}, which the regime does not declare"
                  + did_you_mean(value, self.agencies),
                  "agencies of this regime: " + ", ".join(sorted(self.agencies))
                  if self.agencies else "this regime declares no agencies", code="R1109")

    def scoped(self, kind: str):
        bare = self._bare[kind]
        qualified = self._qualified[kind]
        noun = _NOUN[kind]

        def check(value, record: dict, agency_fields: tuple[str, ...]):
            if not isinstance(value, str):
                raise Bad(f"must name a {noun} as text, not {show(value)}")
            value = nfc(value)
            owners = bare.get(value)
            if (owners is not None and len(owners) == 1) or value in qualified:
                return value
            if owners:
                mine = owners.intersection(_nfc(record.get(a)) for a in agency_fields)
                if len(mine) == 1:
                    return value
                listed = sorted(owners)
                raise Bad(f"names the {noun} {value!r}, which several agencies declare "
                          f"({', '.join(listed)})", f"write it with its agency, such as "
                          f"\"{listed[0]}.{value}\"", code="R1109")
            raise Bad(f"names the {noun} {value!r}, which no agency of the regime declares"
                      + did_you_mean(value, [*bare, *qualified]), code="R1109")

        return check


def _nfc(value):
    return nfc(value) if isinstance(value, str) else value

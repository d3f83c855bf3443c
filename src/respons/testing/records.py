"""Generating valid records for any regime: matters with their events, in time order.

Used by the conformance suite, the tests and the ingest benchmark. A generated record is
valid against the regime it was made from — every declared field filled with a value of
its type, names taken from the regime — so that a store can be filled with realistic
records of any size without hand-written data. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from respons.model.regime import Regime

_START = dt.datetime(2024, 1, 2, 9, 0)


def _names(regime: Regime) -> dict[str, list[str]]:
    names = {"agency": [], "body": [], "post": [], "power": []}
    for agency in regime.agencies:
        names["agency"].append(agency.name)
        names["power"] += [f"{agency.name}.{p.name}" for p in agency.powers]
        names["body"] += [f"{agency.name}.{b.name}" for b in agency.bodies]
        names["post"] += [f"{agency.name}.{p.name}" for _, p in agency.all_posts()]
    return names


def _value(kind: str, type_, n: int, rng: random.Random, names: dict, when: dt.datetime):
    if kind == "choice":
        return type_.choices[n % len(type_.choices)]
    if kind in names:
        return rng.choice(names[kind]) if names[kind] else None
    make = _MAKERS.get(kind)
    return make(n, rng, when) if make else f"值{n}"


_MAKERS = {
    "text": lambda n, rng, when: f"说明{n}",
    "officer": lambda n, rng, when: f"执法人员{n % 9973:04d}",
    "ref": lambda n, rng, when: f"REF-{n:08d}",
    "number": lambda n, rng, when: round(rng.random() * 100, 2),
    "integer": lambda n, rng, when: n % 50 + 1,
    "date": lambda n, rng, when: when.date().isoformat(),
    "datetime": lambda n, rng, when: when.isoformat(timespec="minutes"),
    "boolean": lambda n, rng, when: n % 2 == 0,
    "money": lambda n, rng, when: f"{n % 100000}.{n % 100:02d}",
}


def generate(regime: Regime, count: int, seed: int = 0, prefix: str = "R") -> Iterator[dict]:
    """``count`` records: matters of each kind in turn, each with all its events in order.

    Ids are ``{prefix}{number}``; a matter's key is ``{kind}-{prefix}{matter}``. Optional
    fields are filled on every other record, so both shapes occur.
    """
    rng = random.Random(seed)
    names = _names(regime)
    kinds = [k for k in regime.records if k.events
             and all(f.optional or f.type.kind not in names or names[f.type.kind]
                     for f in k.fields)]
    if not kinds:
        return
    made = matter = 0
    while made < count:
        kind = kinds[matter % len(kinds)]
        when = _START + dt.timedelta(minutes=37 * matter)
        for step, event in enumerate(kind.events):
            if made >= count:
                return
            record = {"id": f"{prefix}{made:09d}", "type": f"{kind.name}.{event.name}",
                      "at": (when + dt.timedelta(days=3 * step)).isoformat(timespec="seconds")}
            if kind.key:
                record[kind.key] = f"{kind.name}-{prefix}{matter:08d}"
            for field in kind.fields:
                if field.name == kind.key or (field.optional and made % 2):
                    continue
                value = _value(field.type.kind, field.type, made, rng, names, when)
                if value is not None:
                    record[field.name] = value
            yield record
            made += 1
        matter += 1


def write_jsonl(path: str | Path, records: Iterable[dict]) -> int:
    """Write records as JSON Lines (UTF-8, one object a line); returns how many."""
    written = 0
    with open(path, "w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written

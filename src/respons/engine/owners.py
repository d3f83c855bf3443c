"""Which agency a body or post a record names belongs to, as the regime declares it.

A duty's owner (负责) may be a field of the starting record naming a body (机构) or a post
(岗位) — guizhou-edu 第十四条第（二）项: 原执法办案部门 回复办理结果. The obligation is filed under
the agency that body or post belongs to, and the regime says which: the agency it is
declared in. A record names it qualified (``机关.机构``, ``机关.岗位``, ``机关.机构.岗位``) or
bare, as ingest accepts it (`respons.records.names`): a bare name one agency declares is
that agency's; one several declare was accepted only where exactly one of the record's own
agency fields declares it, and belongs to that one.

`OwnerNames` is what the duty's statement needs to map the field's value to its agency in
SQL (`respons.engine.compile.Compiler.who`): no name is looked up record by record in Python.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from respons.records.values import nfc


@attrs.frozen
class OwnerNames:
    """For one kind of name (body or post): ``by_agency`` — each agency with the names that
    can only be its (qualified, or bare and declared by it alone), agencies in the order the
    regime declares them; ``shared`` — each bare name several agencies declare, with them."""

    by_agency: tuple[tuple[str, tuple[str, ...]], ...] = ()
    shared: tuple[tuple[str, tuple[str, ...]], ...] = ()


def owner_names(regime, kind: str) -> OwnerNames:
    """The names of ``kind`` ("body" or "post") the records of ``regime`` may write, by the
    agency each belongs to."""
    qualified: dict[str, list[str]] = defaultdict(list)
    bare: dict[str, list[str]] = defaultdict(list)
    for agency in regime.agencies:
        name = nfc(agency.name)
        if kind == "body":
            for body in agency.bodies:
                qualified[name].append(f"{name}.{nfc(body.name)}")
                bare[nfc(body.name)].append(name)
        elif kind == "post":
            for body, post in agency.all_posts():
                qualified[name].append(f"{name}.{nfc(post.name)}")
                if body is not None:
                    qualified[name].append(f"{name}.{nfc(body.name)}.{nfc(post.name)}")
                bare[nfc(post.name)].append(name)
    for value, agencies in bare.items():
        if len(set(agencies)) == 1:
            qualified[agencies[0]].append(value)
    by_agency = tuple((agency, tuple(dict.fromkeys(names)))
                      for agency, names in qualified.items() if names)
    shared = tuple(sorted((value, tuple(dict.fromkeys(agencies)))
                          for value, agencies in bare.items() if len(set(agencies)) > 1))
    return OwnerNames(by_agency, shared)

"""Which agency a body or post a record names belongs to, as the regime declares it.

A duty's owner (负责) may be a field of the starting record naming a body (机构) or a post
(岗位) — guizhou-edu 第十四条第（二）项: 原执法办案部门 回复办理结果. The obligation is filed under
the agency that body or post belongs to, and the regime says which: the agency it is
declared in. A record names it as ingest accepts it (`respons.records.names.NameTable`,
whose table this reads): qualified or bare; a bare name several agencies declare was
accepted only where exactly one of the record's own agency fields declares it, and belongs
to that one.

`OwnerNames` is what the duty's statement needs to map the field's value to its agency in
SQL (`respons.engine.compile.Compiler.who`): no name is looked up record by record in Python.
"""

from __future__ import annotations

import attrs

from respons.records.names import NameTable


@attrs.frozen
class OwnerNames:
    """For one kind of name (body or post): ``by_agency`` — each agency with the names that
    can only be its (qualified, or bare and declared by it alone); ``shared`` — each bare
    name several agencies declare, with them. Both sorted, so that the statement is the same
    text every time."""

    by_agency: tuple[tuple[str, tuple[str, ...]], ...] = ()
    shared: tuple[tuple[str, tuple[str, ...]], ...] = ()


def owner_names(regime, kind: str) -> OwnerNames:
    """The names of ``kind`` ("body" or "post") the records of ``regime`` may write, by the
    agency each belongs to."""
    only, shared = NameTable(regime).agencies_of(kind)
    by_agency: dict[str, list[str]] = {}
    for name, agency in sorted(only.items()):
        by_agency.setdefault(agency, []).append(name)
    return OwnerNames(tuple(sorted((a, tuple(names)) for a, names in by_agency.items())),
                      tuple(sorted((name, tuple(sorted(agencies)))
                                   for name, agencies in shared.items())))

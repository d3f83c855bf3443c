"""What syntax errors may have taken away from a regime, so that the checker stays quiet
about exactly that and reports everything else.

A broken statement costs that statement and a block whose first line is broken costs the
block (``respons.syntax.recovery``). The checker must not then report a reference to what
the broken text declared as undefined, nor the absence of what it said (a power that no
post holds, a gap between grade bands, a missing 期限): that would be a second error for
one mistake, and a wrong one. But it must report every other name and rule — one syntax
error may never hide the rest of the file. `Lost` says what is uncertain; the rules ask it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from respons.model.base import Ref

#: The kind of name a reference into a scope starts with: an event is named through its
#: record kind (投诉.收到), a post, body or power through its agency.
_SCOPE_OF = {"event": "record kind", "field": "record kind", "post": "agency",
             "body": "agency", "power": "agency"}


@attrs.frozen
class Lost:
    #: Top-level elements whose block was lost whole, by name.
    names: frozenset[str] = frozenset()
    #: Nouns of the kinds of which a block was lost with no name to read ("" for a block
    #: whose keyword was unreadable too): any name of such a kind may have been declared.
    kinds: frozenset[str] = frozenset()
    #: Top-level elements that were built but lost statements: what is inside them (their
    #: events, fields, posts, powers, bands, steps…) may be incomplete.
    partial: frozenset[str] = frozenset()
    #: The regime block lost statements (its 分篇, 施行…) or was lost whole.
    header: bool = False

    @property
    def nothing(self) -> bool:
        return not (self.names or self.kinds or self.partial or self.header)

    def hides(self, ref: Ref, kinds: Iterable[str]) -> bool:
        """Whether ``ref``, expected to name one of ``kinds``, may name something that the
        broken text declared: then not finding it is no error of its own."""
        if ref.head in self.names:
            return True
        if len(ref.parts) > 1 and ref.head in self.partial:
            return True
        nouns = {_SCOPE_OF.get(kind, kind) for kind in kinds} | {""}
        return bool(self.kinds & nouns)

    def whole(self, name: str) -> bool:
        """Whether the element ``name`` has everything its text says (absence is news)."""
        return name not in self.partial and name not in self.names

    def union(self, other: Lost) -> Lost:
        if other.nothing:
            return self
        return Lost(self.names | other.names, self.kinds | other.kinds,
                    self.partial | other.partial, self.header or other.header)

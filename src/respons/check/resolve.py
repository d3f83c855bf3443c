"""Resolving a regime's layering: `上位`/extends, `参照`/uses and `覆盖`/override.

A regime that extends another inherits everything the other declares and may override
named elements; a regime that uses others takes their declarations as they are. The
result is one regime per file — the merged `Regime` — that the rules check and the
engine runs. Inherited elements keep their spans and citations, so a diagnostic or a
result still points at the article of the regime that said it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from respons.check.workspace import Workspace
from respons.diagnostics.diagnostic import Sink, related
from respons.diagnostics.suggest import did_you_mean
from respons.model.kinds import ELEMENTS, OVERRIDABLE
from respons.model.regime import Override, Regime
from respons.syntax.keywords import keyword
from respons.syntax.lost import Lost
from respons.syntax.parser import ParsedFile

#: How many regimes a regime may build on in a line (extends, uses, supersedes).
MAX_LAYERS = 64
#: List fields whose entries are merged by key rather than replaced wholesale.
_KEYED = {
    "powers": lambda p: p.name, "bodies": lambda b: b.name, "posts": lambda p: p.name,
    "items": lambda i: i.name, "bands": lambda b: b.name, "steps": lambda s: s.level,
}


@attrs.frozen
class Resolved:
    """A file's regime with its layering applied."""

    parsed: ParsedFile
    regime: Regime
    parents: tuple[str, ...]  # ids of every regime it builds on, nearest first
    complete: bool  # False when this file or one it builds on had syntax errors
    #: The earlier versions it supersedes (取代), newest first: a record is judged by the
    #: version in force on its date.
    versions: tuple[Resolved, ...] = ()
    #: The texts of every regime it builds on (上位, 参照), nearest first: with its own
    #: text, what a run of it depends on.
    inherited_texts: tuple[str, ...] = ()
    #: What syntax errors in this file or one it builds on may have taken away.
    lost: Lost = attrs.field(factory=Lost)
    #: Every element the regimes it builds on declare, by name, as they declare it — before
    #: this file's overrides — with the id of the regime it comes from: what a rule needs
    #: to tell what an override took away (a notice's required elements, R0702).
    inherited: Mapping[str, tuple[str, object]] = attrs.field(factory=dict)


class Resolver:
    def __init__(self, workspace: Workspace, sink: Sink) -> None:
        self.workspace = workspace
        self.sink = sink
        self._done: dict[Path, Resolved] = {}
        self._stack: list[Path] = []

    def resolved(self) -> list[Resolved]:
        """Every regime resolved so far, those reached through extends/uses/supersedes too."""
        return list(self._done.values())

    def resolve(self, parsed: ParsedFile) -> Resolved:
        key = Path(parsed.path).resolve()
        if key in self._done:
            return self._done[key]
        self._stack.append(key)
        try:
            result = self._resolve(parsed)
        finally:
            self._stack.pop()
        self._done[key] = result
        return result

    def _resolve(self, parsed: ParsedFile) -> Resolved:
        own = parsed.regime
        complete = parsed.complete
        lost = parsed.lost
        parents: list[str] = []
        texts: list[str] = []
        base: Regime | None = None
        if own.extends is not None:
            parent = self._load(own.extends, parsed.path, "extends")
            if parent is not None:
                base, complete = parent.regime, complete and parent.complete
                lost = lost.union(parent.lost)
                parents += [parent.regime.id, *parent.parents]
                texts += [parent.parsed.text, *parent.inherited_texts]
        used: list[Regime] = []
        for ref in own.uses:
            other = self._load(ref, parsed.path, "uses")
            if other is not None:
                used.append(other.regime)
                complete = complete and other.complete
                lost = lost.union(other.lost)
                parents += [other.regime.id, *other.parents]
                texts += [other.parsed.text, *other.inherited_texts]
        merged, inherited = self._merge(own, base, used)
        versions: tuple[Resolved, ...] = ()
        if own.supersedes is not None:
            older = self._load(own.supersedes, parsed.path, "supersedes")
            if older is not None:
                versions = (older, *older.versions)
                before, after = older.regime.effective, own.effective
                if before is not None and after is not None and after <= before:
                    self.sink.add("R0112", f"this version takes effect on {after}, not after "
                                  f"{older.regime.id}, which it supersedes ({before})",
                                  own.supersedes.span, "a later version takes effect later")
        return Resolved(parsed, merged, tuple(dict.fromkeys(parents)), complete, versions,
                        tuple(texts), lost, inherited)

    def _load(self, ref, from_file: str, how: str):
        if ref.is_path and not ref.target.endswith(".resp"):
            self.sink.add("R0801", f"{ref.target!r} named in {how} is not a regime file",
                          ref.span, "regime files end in .resp")
            return None
        path = self.workspace.locate(ref, from_file)
        if path is None:
            where = " or ".join([str(Path(from_file).parent)] +
                                [str(p) for p in self.workspace.search_path])
            self.sink.add("R0801", f"regime {ref.target!r} named in {how} was not found",
                          ref.span, f"looked for {ref.target}.resp in {where}; "
                          "add its folder to regimes.path in respons.toml")
            return None
        if path.resolve() in self._stack:
            chain = " → ".join(p.stem for p in [*self._stack, path.resolve()])
            self.sink.add("R0802", f"regimes build on each other in a circle: {chain}",
                          ref.span, "remove one of the extends/uses in the circle")
            return None
        if len(self._stack) > MAX_LAYERS:
            # Resolving recurses once per layer: the limit keeps it far from Python's.
            self.sink.add("R0807", f"regimes build on each other more than {MAX_LAYERS} deep "
                          f"({self._stack[0].stem} → … → {self._stack[-1].stem} → "
                          f"{ref.target}); {ref.target} is not read", ref.span,
                          "no hierarchy of law is that deep: look for a mistaken 上位/参照/取代")
            return None
        try:
            parsed = self.workspace.load(path)
        except (OSError, UnicodeDecodeError) as error:
            self.sink.add("R0001", f"cannot read {path}: {error}", ref.span)
            return None
        return self.resolve(parsed)

    def _merge(self, own: Regime, base: Regime | None,
               used: list[Regime]) -> tuple[Regime, dict[str, tuple[str, object]]]:
        collections: dict[str, list] = {kind.collection: [] for kind in ELEMENTS}
        inherited: dict[str, tuple[str, object]] = {}
        for source in ([base] if base else []) + used:
            for name in collections:
                for element in getattr(source, name):
                    if element.name in inherited:
                        continue  # the same element reached twice (a shared parent)
                    inherited[element.name] = (source.id, element)
                    collections[name].append(element)
        overridden: dict[tuple[str, str], Override] = {}
        for override in own.overrides:
            key = (override.kind, override.target.text)
            if key in overridden:
                self.sink.add("R0108", f"{override.kind} {override.target.text!r} is overridden "
                              "twice in this file", override.span,
                              "put the changes in one override",
                              related(overridden[key].span, "the first override"))
                continue
            overridden[key] = override
            self._apply(override, collections, base)
        for name in collections:
            for element in getattr(own, name):
                if element.name in inherited:
                    source, first = inherited[element.name]
                    self.sink.add(
                        "R0804", f"{element.name!r} is already declared by {source}",
                        element.span, f"to change it, write `覆盖 … {element.name} {{ … }}`; "
                        "to add something new, give it another name",
                        related(first.span, f"declared by {source} here"))
                    continue
                collections[name].append(element)
        fields = {name: tuple(values) for name, values in collections.items()}
        calendar = own.calendar if own.calendar is not None or base is None else base.calendar
        return attrs.evolve(own, calendar=calendar, **fields), inherited

    def _apply(self, override: Override, collections: dict, base: Regime | None) -> None:
        overridden = OVERRIDABLE[override.kind]
        collection = collections[overridden.collection]
        if base is None:
            self.sink.add("R0803", f"override of {override.target.text!r} without a regime to "
                          "override", override.span,
                          "overrides change what an extended regime says: add `上位 <regime>`")
            return
        for index, element in enumerate(collection):
            if element.name == override.target.text:
                collection[index] = merge_element(element, override)
                return
        names = [e.name for e in collection]
        for kind in ELEMENTS:
            if any(e.name == override.target.text for e in getattr(base, kind.collection)):
                name = override.target.text
                fix = (f"write `覆盖 {keyword(kind)} {name} {{ … }}`" if kind.overridable
                       else f"{kind.one} cannot be overridden; declare what the lower "
                       "regime adds under a new name")
                self.sink.add("R0803", f"{base.id} declares {name!r} as {kind.one}, "
                              f"not as {overridden.one}", override.target.span, fix)
                return
        self.sink.add("R0803", f"override names {override.target.text!r}, which {base.id} "
                      f"does not declare as {overridden.one}"
                      + did_you_mean(override.target.text, names), override.target.span,
                      f"name {overridden.one} that {base.id} declares")


def merge_element(element, override: Override):
    """The inherited element with the override's statements put in place of its own."""
    changes = {}
    for field in override.fields:
        new = getattr(override.element, field)
        key = _KEYED.get(field)
        if key is not None:
            merged = {key(item): item for item in getattr(element, field)}
            for item in new:
                merged[key(item)] = item
            new = tuple(merged.values())
        changes[field] = new
    return attrs.evolve(element, **changes)

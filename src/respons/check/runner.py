"""`respons check` without the command line: files in, sorted diagnostics out.

Each file is parsed once, resolved with the regimes it builds on, indexed, and run
through every rule. Diagnostics are de-duplicated (a parent regime's problems reached
from several children are reported once) and sorted by place, so output is stable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from respons.check.index import Index
from respons.check.resolve import Resolved, Resolver
from respons.check.rules import RuleContext, all_rules
from respons.check.workspace import Workspace
from respons.diagnostics import suggest
from respons.diagnostics.diagnostic import ERROR, Diagnostic, Sink
from respons.model.base import Span
from respons.registry import Registry


@attrs.frozen
class CheckReport:
    files: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    resolved: tuple[Resolved, ...]
    unreadable: bool
    #: id → title of every regime read, those built on included (for citations)
    titles: dict = attrs.Factory(dict)
    #: the path of every regime file read, those built on included (files a command that
    #: writes must not overwrite)
    sources: tuple[str, ...] = ()
    #: file → text of every regime file read, as its diagnostics name it: the lines
    #: under the carets are the text that was checked, never read again
    texts: dict = attrs.Factory(dict)
    #: every regime resolved, those built on included (`respons test` runs a file of
    #: scenarios against the regime it builds on)
    reached: tuple[Resolved, ...] = ()

    @property
    def valid(self) -> bool:
        return not any(d.severity == ERROR for d in self.diagnostics)


def regime_files(paths: Iterable[str | Path], sink: Sink) -> list[Path]:
    """Expand folders to the .resp files below them (sorted); report missing paths, paths
    that are no file, and folders below that cannot be read (a warning: what they hold
    is not checked)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(_files_below(path, sink))
            if not files:
                sink.add("R0002", f"no .resp files in {path}", Span(str(path), 1, 1, 1, 1))
            found += files
        elif path.is_file():
            found.append(path)
        elif path.exists():
            sink.add("R0001", f"cannot read {path}: it is not a regular file (a FIFO, a "
                     "device or a socket)", Span(str(path), 1, 1, 1, 1),
                     "name regime files or the folders that hold them")
        else:
            sink.add("R0002", f"{path} does not exist", Span(str(path), 1, 1, 1, 1))
    return list(dict.fromkeys(found))


def _files_below(folder: Path, sink: Sink) -> Iterator[Path]:
    """The .resp files below ``folder`` (links to folders are not followed, as `rglob`)."""
    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        sink.add("R0003", f"cannot read folder {where}: {error.strerror or error}; the "
                 "regime files in it are not checked", Span(str(where), 1, 1, 1, 1),
                 "give respons permission to read the folder, or leave it out")

    for top, _, names in os.walk(folder, onerror=unreadable):
        for name in names:
            candidate = Path(top) / name
            if name.endswith(".resp") and candidate.is_file():
                yield candidate


def check_paths(paths: Iterable[str | Path], registry: Registry | None,
                search_path: tuple[Path, ...] = ()) -> CheckReport:
    # One budget of did-you-mean comparisons for the run: see respons.diagnostics.suggest.
    with suggest.budget():
        return _check_paths(paths, registry, search_path)


def _check_paths(paths: Iterable[str | Path], registry: Registry | None,
                 search_path: tuple[Path, ...]) -> CheckReport:
    sink = Sink()
    files = regime_files(paths, sink)
    workspace = Workspace(search_path)
    resolver = Resolver(workspace, sink)
    resolved_all = []
    unreadable = any(d.severity == ERROR for d in sink.items)
    for path in files:
        try:
            parsed = workspace.load(path)
        except (OSError, UnicodeDecodeError) as error:
            reason = "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else \
                (error.strerror or str(error))
            sink.add("R0001", f"cannot read {path}: {reason}", Span(str(path), 1, 1, 1, 1),
                     "save regime files as UTF-8 text")
            unreadable = True
            continue
        sink.extend(parsed.diagnostics)
        resolved = resolver.resolve(parsed)
        resolved_all.append(resolved)
        check_resolved(resolved, registry, sink)
    # A regime read because another builds on it (上位, 参照, 取代) has its own syntax and
    # value errors: they are the checked regime's errors too.
    for resolved in resolver.resolved():
        sink.extend(resolved.parsed.diagnostics)
    unique = sorted(set(sink.items), key=Diagnostic.sort_key)
    titles = {r.regime.id: r.regime.title for r in resolver.resolved()}
    sources = tuple(str(r.parsed.path) for r in resolver.resolved())
    texts = {r.parsed.path: r.parsed.text for r in resolver.resolved()}
    return CheckReport(tuple(str(f) for f in files), tuple(unique), tuple(resolved_all),
                       unreadable, titles, sources, texts, tuple(resolver.resolved()))


def check_resolved(resolved: Resolved, registry: Registry | None, sink: Sink) -> Index:
    index = Index(resolved.regime, sink, resolved.lost)
    ctx = RuleContext(resolved.regime, index, sink, registry, resolved.complete, resolved.lost,
                      dict(resolved.inherited))
    for rule in all_rules():
        rule(ctx)
    return index

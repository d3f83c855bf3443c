"""Parsing regime text into a `Regime`, collecting every syntax error on the way.

The parser is built once per process (LALR, contextual lexer) with the builder embedded,
so parsing and building the model are one pass. A file that fails to parse is parsed
again block by block (``respons.syntax.recovery``) so that every broken block is reported
and every sound block still reaches the checker.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from lark.exceptions import UnexpectedInput

from respons.diagnostics.diagnostic import Diagnostic, Sink, related
from respons.files import read_regime_bytes
from respons.model.base import Span
from respons.model.kinds import COLLECTION_OF
from respons.model.regime import Regime
from respons.syntax.build.base import CURRENT, BuildContext
from respons.syntax.build.regime import Header
from respons.syntax.errors import syntax_diagnostic
from respons.syntax.parsers import model_parser, tree_parser
from respons.syntax.recovery import source_lines, split_blocks

__all__ = ["ParsedFile", "model_parser", "parse_file", "parse_text", "regime_id_for",
           "tree_parser"]


@attrs.frozen
class ParsedFile:
    """A regime file after parsing: the model, the diagnostics, and whether all of it parsed."""

    path: str
    text: str
    regime: Regime
    diagnostics: tuple[Diagnostic, ...]
    complete: bool


def regime_id_for(path: str | Path) -> str:
    """A regime's id is its file name without `.resp`: …/jilin-city.resp → jilin-city."""
    name = Path(path).name
    return name[: -len(".resp")] if name.endswith(".resp") else name


def parse_text(text: str, path: str = "<text>", regime_id: str | None = None) -> ParsedFile:
    regime_id = regime_id or regime_id_for(path)
    if not text.endswith("\n"):
        text += "\n"
    sink = Sink()
    token = CURRENT.set(BuildContext(path, regime_id, sink))
    try:
        try:
            items = model_parser().parse(text)
            complete = True
        except UnexpectedInput:
            sink.items.clear()  # the block-by-block pass below reports everything again
            items = _parse_by_blocks(text, path, regime_id, sink)
            complete = False
    finally:
        CURRENT.reset(token)
    regime = _assemble(items, path, regime_id, sink, complete)
    return ParsedFile(path, text, regime, tuple(sink.items), complete)


def _parse_by_blocks(text: str, path: str, regime_id: str, sink: Sink) -> list:
    lines = source_lines(text)
    items: list = []
    chunks = split_blocks(text)
    for number, (first_line, chunk) in enumerate(chunks):
        CURRENT.set(BuildContext(path, regime_id, sink, first_line - 1))
        try:
            items.extend(model_parser().parse(chunk))
        except UnexpectedInput as error:
            following = chunks[number + 1][0] if number + 1 < len(chunks) else None
            sink.items.append(syntax_diagnostic(error, path, lines, first_line - 1,
                                                block_start=first_line, next_block=following))
    return items


def _assemble(items: list, path: str, regime_id: str, sink: Sink, complete: bool) -> Regime:
    collections: dict[str, list] = {name: [] for name in COLLECTION_OF.values()}
    header: Header | None = None
    for item in items:
        if isinstance(item, Header):
            if header is not None:
                sink.add("R0110", "a file holds one regime block; this is a second one",
                         item.span, "split the regimes into files of their own",
                         related(header.span, "the first regime block"))
                continue
            header = item
        else:
            collections[COLLECTION_OF[type(item)]].append(item)
    fields = {name: tuple(values) for name, values in collections.items()}
    if header is None:
        if complete:
            sink.add("R0110", "this file has no regime block", Span(path, 1, 1, 1, 1),
                     "start the file with `制度 <title> { 层级 … }` (or `regime <title> { … }`)")
        return Regime(regime_id, **fields)
    return Regime(regime_id, title=header.title, citation=header.citation, span=header.span,
                  **header.values, **fields)


def parse_file(path: str | Path, shown_as: str | None = None) -> ParsedFile:
    """Parse a file; unreadable or non-UTF-8 files raise `OSError`/`UnicodeDecodeError`,
    as do FIFOs, devices and files above `respons.files.MAX_REGIME_BYTES`. Diagnostics
    name the file ``shown_as`` (default: ``path``); its id comes from ``path``."""
    data = read_regime_bytes(path)
    # A BOM is not part of the text.
    return parse_text(data.decode("utf-8-sig"), shown_as or str(path), regime_id_for(path))

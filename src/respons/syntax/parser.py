"""Parsing regime text into a `Regime`, collecting every syntax error on the way.

The parser is built once per process (LALR, contextual lexer) with the builder embedded,
so parsing and building the model are one pass. A file that fails to parse is parsed
again block by block (``respons.syntax.recovery``), and a block that fails is parsed again
without the statement its error is in, until it parses: every syntax error is reported,
each costs only its statement, and every block — with its good statements — still
reaches the checker. What the broken text may have declared is noted (`Lost`), so that
the checker reports every other name and rule, and nothing the broken text explains.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from lark.exceptions import UnexpectedInput

from respons.diagnostics.diagnostic import Diagnostic, Sink, related
from respons.files import read_regime_bytes
from respons.model.base import Span
from respons.model.kinds import COLLECTION_OF, tests_only
from respons.model.regime import Regime
from respons.syntax.build.base import CURRENT, BuildContext
from respons.syntax.build.regime import Header
from respons.syntax.errors import meant_keyword, ran_out, syntax_diagnostic
from respons.syntax.lexing import pieces, tokens
from respons.syntax.lost import Lost
from respons.syntax.parsers import model_parser, tree_parser
from respons.syntax.recovery import (
    blank,
    head_of,
    open_braces,
    source_lines,
    split_blocks,
    statement_at,
)

__all__ = ["ParsedFile", "model_parser", "parse_file", "parse_text", "regime_id_for",
           "tree_parser"]

#: Syntax errors reported in one top-level block at most. Each costs a parse of the block,
#: so a block of n broken lines would cost n² without a bound; no author fixes a hundred
#: errors of one block before parsing it again.
MAX_ERRORS_PER_BLOCK = 100


@attrs.frozen
class ParsedFile:
    """A regime file after parsing: the model, the diagnostics, and whether all of it parsed
    (``complete``); where not, what the broken text may have declared (``lost``)."""

    path: str
    text: str
    regime: Regime
    diagnostics: tuple[Diagnostic, ...]
    complete: bool
    lost: Lost = attrs.field(factory=Lost)


def regime_id_for(path: str | Path) -> str:
    """A regime's id is its file name without `.resp`: …/jilin-city.resp → jilin-city."""
    name = Path(path).name
    return name[: -len(".resp")] if name.endswith(".resp") else name


def parse_text(text: str, path: str = "<text>", regime_id: str | None = None) -> ParsedFile:
    regime_id = regime_id or regime_id_for(path)
    if not text.endswith("\n"):
        text += "\n"
    sink = Sink()
    lost = Lost()
    token = CURRENT.set(BuildContext(path, regime_id, sink))
    try:
        try:
            items = model_parser().parse(text)
            complete = True
        except UnexpectedInput:
            sink.items.clear()  # the block-by-block pass below reports everything again
            items, lost = _Recovery(text, path, regime_id, sink).parse()
            complete = False
    finally:
        CURRENT.reset(token)
    regime = _assemble(items, path, regime_id, sink, lost)
    if regime.span is not None and tests_only(
            regime, broken_scenario=not complete and _writes_scenarios(text)):
        _forgive_header(regime.span, sink)
    return ParsedFile(path, text, regime, tuple(sink.items), complete, lost)


@attrs.define
class _Chunk:
    """One top-level block as recovery has it: its items once it parses, and what it lost."""

    items: list = attrs.Factory(list)
    whole: bool = True  # built with every statement
    gone: bool = False  # lost whole


class _Recovery:
    """Parsing a file that does not parse, block by block and statement by statement."""

    def __init__(self, text: str, path: str, regime_id: str, sink: Sink) -> None:
        self.text, self.path, self.regime_id, self.sink = text, path, regime_id, sink
        self.lines = source_lines(text)
        self._names: set[str] | None = None

    def names(self) -> set[str]:
        """Every name the file writes as a word of its own (for "did you mean" a space)."""
        if self._names is None:
            self._names = {t.value for t in tokens(self.text) if t.type == "NAME"}
        return self._names

    def parse(self) -> tuple[list, Lost]:
        items: list = []
        names, kinds, partial, header = set(), set(), set(), False
        chunks = split_blocks(self.text)
        for number, (first_line, text) in enumerate(chunks):
            following = chunks[number + 1][0] if number + 1 < len(chunks) else None
            chunk = self._chunk(text, first_line, following)
            items.extend(chunk.items)
            if chunk.whole:
                continue
            head = head_of(text)
            if head.noun == "regime":
                header = True
            elif head.noun == "override":
                partial.update([head.overrides] if head.overrides else [])
            elif not head.noun:
                # No block keyword: a statement outside any block declares nothing, but a
                # name and a `{` are a block whose keyword is misspelt — of any kind.
                if head.name is not None and head.opens:
                    names.add(head.name)
                    header = True
            elif head.name is None:
                kinds.add(head.noun)
            elif chunk.gone:
                names.add(head.name)
            else:
                partial.add(head.name)
        return items, Lost(frozenset(names), frozenset(kinds), frozenset(partial), header)

    def _chunk(self, text: str, first_line: int, following: int | None) -> _Chunk:
        offset = first_line - 1
        dropped: dict[int, set[str | None]] = {}
        result = _Chunk()
        closed = False
        for _ in range(MAX_ERRORS_PER_BLOCK):
            mark = len(self.sink.items)
            CURRENT.set(BuildContext(self.path, self.regime_id, self.sink, offset,
                                     dropped=dropped))
            try:
                result.items = model_parser().parse(text)
                return result
            except UnexpectedInput as error:
                # What the builder found before the parse failed it finds again next time.
                del self.sink.items[mark:]
                failed = error
            result.whole = False
            if ran_out(failed):
                self.sink.items.append(syntax_diagnostic(
                    failed, self.path, self.lines, offset, block_start=first_line,
                    next_block=following))
                depth = open_braces(text)
                if closed or not depth:
                    result.gone = True
                    return result
                # Closed where the next block starts, the block keeps its statements.
                text, closed = text + "}" * depth + "\n", True
                continue
            at = _position(failed)
            self.sink.items.append(syntax_diagnostic(
                failed, self.path, self.lines, offset, names=self.names,
                fits=lambda start, end, new, text=text: self._fits(text, offset, start, end,
                                                                   new)))
            statement = statement_at(text, at)
            if statement is not None:
                meant = meant_keyword(statement.first, statement.first_text)
                dropped.setdefault(offset + statement.opener, set()).add(meant)
                text = blank(text, statement.start, statement.end)
                continue
            line_start = text.rfind("\n", 0, at) + 1
            if at < head_of(text).line_end:
                result.gone = True  # the block's first line is broken: the block is lost
                return result
            # Text after the block ends, such as a statement whose block was closed early:
            # it is cut off and the block before it kept.
            text = blank(text, line_start, len(text))
        self.sink.add("R0101", f"this block has more than {MAX_ERRORS_PER_BLOCK} syntax "
                      "errors; the rest of them are not reported and the block is not read",
                      Span(self.path, first_line, 1, first_line, 2),
                      "fix the errors above and check the file again")
        result.gone = True
        return result

    def _fits(self, text: str, offset: int, start: int, end: int, new: str) -> bool:
        """Whether ``text`` with ``new`` for ``text[start:end]`` reads past the line of the
        change, with nothing on that line for the builder to report: a fix that is
        suggested must itself be valid."""
        trial = text[:start] + new + text[end:]
        line_end = trial.find("\n", start)
        scratch = Sink()
        token = CURRENT.set(BuildContext(self.path, self.regime_id, scratch, offset))
        try:
            model_parser().parse(trial)
        except UnexpectedInput as error:
            if not ran_out(error) and _position(error) <= (line_end if line_end >= 0
                                                           else len(trial)):
                return False
        finally:
            CURRENT.reset(token)
        line = offset + trial.count("\n", 0, start) + 1
        return not any(d.span is not None and d.span.line == line for d in scratch.items)


def _position(error: UnexpectedInput) -> int:
    """Where in the parsed text ``error`` is (an offset)."""
    token = getattr(error, "token", None)
    if token is not None and token.start_pos is not None:
        return token.start_pos
    return error.pos_in_stream or 0


def _assemble(items: list, path: str, regime_id: str, sink: Sink, lost: Lost) -> Regime:
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
        if not lost.header:
            sink.add("R0110", "this file has no regime block", Span(path, 1, 1, 1, 1),
                     "start the file with `制度 <title> { 层级 … }` (or `regime <title> { … }`)")
        return Regime(regime_id, **fields)
    return Regime(regime_id, title=header.title, citation=header.citation, span=header.span,
                  **header.values, **fields)


def _forgive_header(header: Span, sink: Sink) -> None:
    """A file of tests has no level or date of its own to state (R0109, R0111): it tests
    the regime it builds on, with that regime's (docs/language.md, "Scenarios")."""
    sink.items[:] = [d for d in sink.items
                     if not (d.span == header and d.code in ("R0109", "R0111"))]


def _writes_scenarios(text: str) -> bool:
    """Whether a block of the text starts with `场景`/`scenario`: one that did not parse is
    not in the model, and must not make a file of tests look like a regime without a level."""
    return any(pieces(line)[0][0] == "KW_SCENARIO" for line in text.split("\n")
               if line[:1] not in ("", " ", "\t", "#"))


def parse_file(path: str | Path, shown_as: str | None = None) -> ParsedFile:
    """Parse a file; unreadable or non-UTF-8 files raise `OSError`/`UnicodeDecodeError`,
    as do FIFOs, devices and files above `respons.files.MAX_REGIME_BYTES`. Diagnostics
    name the file ``shown_as`` (default: ``path``); its id comes from ``path``."""
    data = read_regime_bytes(path)
    # A BOM is not part of the text.
    return parse_text(data.decode("utf-8-sig"), shown_as or str(path), regime_id_for(path))

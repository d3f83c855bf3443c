"""Notice templates: text with named holes, and nothing else.

A template is what a regime writes for an element of a notice (要素 作出决定的理由 =
"经调查，{责任人}……"): literal text and ``{name}`` placeholders, ``{{`` and ``}}`` for a
literal brace. That is the whole language. A placeholder is a name — no attribute access, no
index, no call, no format specification, no expression, no loop, no include — and filling a
template looks each name up in a mapping of plain-text facts and puts the text in as it is:
a value that itself holds ``{…}`` is never read again. So a template cannot run code, read a
file or reach the network, whatever the regime says, and `respons check` can verify every
placeholder against the facts a notice is given before anything is issued
(``respons.check.rules.notices``). Values are escaped by each notice format for
itself; this module produces plain text.

Not Python's ``str.format`` (which reads ``{0.__class__}`` as attribute access) nor a
template engine: a regime file must never be able to run code (docs/language.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

#: Characters a template may hold: none of the C0 and C1 controls but line end and tab —
#: a NUL or an ESC in an official document is never meant.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: A placeholder names a fact: letters (any script), digits, `_` and `-`.
_NAME = re.compile(r"[^\W\d][\w\-]*")
#: What would make a placeholder more than a name in another template language.
_NOT_A_NAME = {".": "no attribute access", "[": "no index", "(": "no call",
               "!": "no conversion", ":": "no format specification", " ": "no spaces",
               "|": "no filter", "\t": "no spaces", "\n": "no line break"}
#: The longest template a regime may write: more than any element of any notice, few enough
#: that checking and filling stay instant.
MAX_LENGTH = 20_000


@attrs.frozen
class Placeholder:
    """``{name}`` at ``start`` (the offset of its `{` in the template)."""

    name: str
    start: int


@attrs.frozen
class Template:
    """A template read: its pieces in order, each literal text or a `Placeholder`."""

    source: str
    pieces: tuple[str | Placeholder, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The names of its placeholders, each once, in order."""
        return tuple(dict.fromkeys(p.name for p in self.pieces if isinstance(p, Placeholder)))

    def fill(self, facts: Mapping[str, str]) -> str:
        """The template with each placeholder replaced by the text of its fact. A name
        ``facts`` lacks is a `TemplateError` naming it; a value is inserted as it is."""
        out = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            if piece.name not in facts:
                raise TemplateError(f"no fact {{{piece.name}}} to fill the template with",
                                    piece.start)
            value = facts[piece.name]
            if not isinstance(value, str):
                raise TemplateError(f"the fact {{{piece.name}}} is not text", piece.start)
            out.append(value)
        return "".join(out)


class TemplateError(ValueError):
    """A template that cannot be read, or filled: ``offset`` is where, in the template."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def parse(source: str) -> Template:
    """Read a template; a `TemplateError` says what is wrong with it and where."""
    if not isinstance(source, str):
        raise TemplateError("a template is text")
    if len(source) > MAX_LENGTH:
        raise TemplateError(f"the template is {len(source):,} characters long, more than "
                            f"{MAX_LENGTH:,}", MAX_LENGTH)
    control = _CONTROL.search(source)
    if control is not None:
        raise TemplateError(f"the template holds the control character "
                            f"U+{ord(control.group()):04X}", control.start())
    pieces: list[str | Placeholder] = []
    literal: list[str] = []
    for token in _TOKENS.finditer(source):
        text, offset = token.group(), token.start()
        if text in ("{{", "}}"):
            literal.append(text[0])
        elif text == "}":
            raise TemplateError("a `}` closes no placeholder: write `}}` for a brace in the "
                                "text", offset)
        elif text == "{":
            raise TemplateError("a `{` opens a placeholder that is not closed: write `{{` for "
                                "a brace in the text", offset)
        elif text[0] == "{":
            _check_name(text[1:-1], offset)
            if literal:
                pieces.append("".join(literal))
                literal = []
            pieces.append(Placeholder(text[1:-1], offset))
        else:
            literal.append(text)
    if literal:
        pieces.append("".join(literal))
    return Template(source, tuple(pieces))


#: One pass over a template: escaped braces, a placeholder, a lone brace, plain text.
_TOKENS = re.compile(r"\{\{|\}\}|\{[^{}]*\}|\{|\}|[^{}]+")


def _check_name(name: str, offset: int) -> None:
    if not name:
        raise TemplateError("`{}` names no fact: write a name between the braces, or `{{}}` "
                            "for braces in the text", offset)
    if _NAME.fullmatch(name):
        return
    for char in name:
        if char in _NOT_A_NAME:
            raise TemplateError(f"`{{{name}}}` is not a name: a placeholder names a fact, "
                                f"{_NOT_A_NAME[char]} ({char!r})", offset)
    raise TemplateError(f"`{{{name}}}` is not a name: a placeholder starts with a letter, "
                        "followed by letters, digits, `_` and `-`", offset)


def fill(source: str, facts: Mapping[str, str]) -> str:
    """Read ``source`` and fill it with ``facts`` (`TemplateError` on either)."""
    return parse(source).fill(facts)

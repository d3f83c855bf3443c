"""The grammar's parsers, each built once per process.

``model_parser`` builds the model while it parses (the builder is embedded in it);
``tree_parser`` builds a plain Lark tree, for tools and as a benchmark baseline. They sit
apart from ``respons.syntax.parser`` (parsing files and collecting their errors) because
error recovery and the formatter lex with the model parser's own lexer
(``respons.syntax.lexing``), and ``respons.syntax.parser`` uses recovery.
"""

from __future__ import annotations

import functools

from lark import Lark

from respons.syntax.build import Builder
from respons.syntax.grammar import grammar_text
from respons.syntax.parser_cache import load_parser


@functools.cache
def model_parser() -> Lark:
    """The LALR parser that builds the model while it parses."""
    return load_parser(grammar_text(), Builder())


@functools.cache
def tree_parser() -> Lark:
    """The same grammar building a plain Lark tree (for tools and as a benchmark baseline)."""
    return load_parser(grammar_text())

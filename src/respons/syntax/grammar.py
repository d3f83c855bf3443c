"""The grammar shipped inside the package: a byte-identical copy of ``grammar/respons.lark``
(tests/test_grammar.py keeps them equal)."""

from __future__ import annotations

from pathlib import Path

#: Beside this module; read by path, as importlib.resources costs a noticeable part of a
#: command's start-up and respons is never run from a zip.
GRAMMAR_PATH = Path(__file__).with_name("respons.lark")


def grammar_text() -> str:
    return GRAMMAR_PATH.read_text("utf-8")

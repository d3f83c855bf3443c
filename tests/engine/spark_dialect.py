"""A dialect for Spark SQL, to check that the engine's SQL renders for an engine beyond one
machine (issue: "the distributed backend that comes later is a plugin, not a rewrite").

It is the tests' and not core's: no backend serves it yet. Spark has no correlated
subquery rewriting worth the name, so it asks for the window form of the first-record
lookup; it quotes with backquotes and reads JSON members with ``get_json_object``, whose
path names a member in brackets.
"""

from __future__ import annotations

from typing import ClassVar

from respons.sql.dialect import Dialect


class SparkDialect(Dialect):
    name = "spark"
    first_row = "window"
    quote = "`"
    partial_indexes = False
    types: ClassVar[dict[str, str]] = {"text": "STRING", "integer": "BIGINT", "real": "DOUBLE",
                                       "seq": "BIGINT"}

    def json_text(self, column: str, name: str, bind) -> str:
        path = "$['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']"
        return f"get_json_object({column}, {bind(path)})"

    def json_number(self, column: str, name: str, bind) -> str:
        return f"CAST({self.json_text(column, name, bind)} AS DOUBLE)"

    def json_is(self, column: str, name: str, value: bool, bind) -> str:
        return f"({self.json_text(column, name, bind)} = '{'true' if value else 'false'}')"

"""Building named conditions: `条件 NAME 〔citation〕 { CONDITION }`."""

from __future__ import annotations

from respons.model.condition import NamedCondition
from respons.syntax.build.base import citation_of, ctx, first, name_of, span_of, split


class ConditionRules:
    def named_condition(self, children):
        tokens, values = split(children)
        head = span_of(tokens[0], tokens[1])
        condition = values[0] if values else None
        if condition is None:
            ctx().sink.add("R0109", f"condition {name_of(tokens[1])} has no condition", head,
                           "write the condition inside the braces: "
                           "`条件 NAME { A 或 B }`")
        return NamedCondition(name_of(tokens[1]), condition,
                              citation_of(first(tokens, "CITATION")), span=head)

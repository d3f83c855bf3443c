"""Presenting a resolved regime to a person: conditions, periods and citations in words.

Shared by `respons show` and, later, reports and notices: a condition reads as the regime
wrote it (情节轻微 且 社会影响较小), a period as 30 工作日, a citation in the statute's style.
"""

from __future__ import annotations

from respons.model.base import Citation, Ref
from respons.model.condition import AllOf, AnyOf, Compare, Literal, Not
from respons.model.duty import Period
from respons.model.vocab import UNITS
from respons.syntax.citation import format_citation


def condition_text(condition) -> str:
    if condition is None:
        return ""
    if isinstance(condition, Ref):
        return condition.text
    if isinstance(condition, Compare):
        return f"{condition.left.text} {condition.op} {literal_text(condition.right)}"
    if isinstance(condition, Not):
        return f"非 {_grouped(condition.operand)}"
    joiner = " 且 " if isinstance(condition, AllOf) else " 或 "
    return joiner.join(_grouped(operand) for operand in condition.operands)


def _grouped(condition) -> str:
    text = condition_text(condition)
    return f"({text})" if isinstance(condition, (AllOf, AnyOf)) else text


def literal_text(literal: Literal) -> str:
    if literal.kind == "string":
        return f'"{literal.value}"'
    value = literal.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {literal.unit}" if literal.unit else str(value)


def period_text(period: Period | None) -> str:
    if period is None:
        return ""
    amount = int(period.amount) if float(period.amount).is_integer() else period.amount
    return f"{amount} {UNITS.chinese(period.unit)}"


def limit_text(duty) -> str:
    """A duty's time limit as written: its period, or 至 FIELD (due on a record's date)."""
    if duty.period is None and duty.due_field is not None:
        return f"至 {duty.due_field}"
    return period_text(duty.period)


def options_text(options) -> str:
    return " 或 ".join(" 并 ".join(ref.text for ref in option) for option in options)


def cite(citation: Citation | None, titles: dict[str, str] | None = None,
         outer: Citation | None = None) -> str:
    """〔…〕 for a citation, completed from the block it sits in; "" when there is none."""
    if citation is None:
        citation = outer
    elif outer is not None:
        citation = citation.within(outer)
    if citation is None:
        return ""
    title = (titles or {}).get(citation.regime or "")
    source = citation.source
    if source and titles and source in titles:
        title, citation = titles[source], _without_source(citation)
    return "〔" + format_citation(citation, title) + "〕"


def _without_source(citation: Citation) -> Citation:
    import attrs

    return attrs.evolve(citation, source=None)

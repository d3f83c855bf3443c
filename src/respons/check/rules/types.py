"""The typed pass over conditions on record fields (R1201–R1204).

A field's type decides what a condition may do with it: a 是否 field is a truth value
(`限于 重大`, `限于 非 重大`, `重大 = 是`); numbers, integers and amounts are compared with
numbers; dates and 时间 date-times with dates; a choice with one of its values; an agency,
body, post or power field with a name the regime declares; text, an officer (free text) and
a reference with text. Everything else is an error here, never a duty that silently never
starts: `限于 结果 = "属"` where 结果 is 之一 "属实", "不属实" matches no record at all.

Which names a condition may use at each place is ``respons.check.rules.conditions``'s;
this module judges one bare field or one comparison once its field is known. The engine
compiles each by the same types (``respons.engine.compile``).
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean
from respons.model.base import Ref
from respons.model.condition import Compare, Literal
from respons.model.record import Field
from respons.model.vocab import FIELD_TYPES, NUMERIC_TYPES, TRUTH

TEMPORAL = frozenset({"date", "datetime"})
NAMED = frozenset({"agency", "body", "post", "power"})
TEXTUAL = frozenset({"text", "officer", "ref"})


_KIND_WORDS = {"number": "a number", "string": "a string", "date": "a date", "name": "a name"}
_ORDERING = frozenset({">=", "<=", ">", "<"})


def type_word(field: Field) -> str:
    """How a message names the field's type: 之一 "a", "b" · 是否 · 日期 …"""
    kind = field.type.kind
    if kind == "choice":
        return "之一 " + ", ".join(f'"{c}"' for c in field.type.choices)
    if kind == "ref" and field.type.target is not None:
        return f"引用 {field.type.target.text}"
    return FIELD_TYPES.chinese(kind) if kind else "?"


def bare(ctx: RuleContext, ref: Ref, field: Field | None, record: str) -> None:
    """A field used as a truth value on its own: only a 是否 field is one."""
    if field is not None and field.type.kind in (None, "boolean"):
        return
    kind = type_word(field) if field is not None else "文本 (its key)"
    ctx.sink.add("R1203", f"{ref.text!r} is a {kind} field of {record}, not a truth value",
                 ref.span, f"compare it with a value, e.g. `{ref.text} = …`; only a 是否 "
                 "field can stand alone (`限于 重大`, `限于 非 重大`)")


def compare(ctx: RuleContext, node: Compare, field: Field | None, record: str) -> None:
    """A comparison of a field with a literal: the operator and the literal must fit the
    field's type. ``field`` None is the record kind's key written without a 字段 (text)."""
    kind = field.type.kind if field is not None else "text"
    if kind is None:
        return  # an unknown type word, already reported where the field is declared
    name, literal = node.left.text, node.right
    described = f"{name!r} is a {type_word(field) if field is not None else '文本'} field"
    if kind == "boolean":
        _truth(ctx, node, described)
    elif kind in NUMERIC_TYPES:
        if literal.kind != "number":
            _mismatch(ctx, node, described, "a number", f"`{name} {node.op} 10`")
    elif kind in TEMPORAL:
        if literal.kind != "date":
            _mismatch(ctx, node, described, "a date", f"`{name} {node.op} 2024-01-01`")
    elif _equality(ctx, node, described):
        if literal.kind not in ("string", "name"):
            example = f'`{name} = "{field.type.choices[0]}"`' if kind == "choice" \
                and field.type.choices else f'`{name} = "…"`'
            _mismatch(ctx, node, described, "text", example)
        elif kind == "choice":
            _choice(ctx, literal, field, name)
        elif kind in NAMED:
            _declared(ctx, literal, kind, name)


def _mismatch(ctx, node: Compare, described: str, wanted: str, example: str) -> None:
    ctx.sink.add("R1201", f"{described}, compared here with {_KIND_WORDS[node.right.kind]} "
                 f"({_literal(node.right)})", node.right.span or node.span,
                 f"compare it with {wanted}: {example}")


def _truth(ctx, node: Compare, described: str) -> None:
    literal = node.right
    word = str(literal.value).lower() if literal.kind == "name" else None
    if node.op in _ORDERING or word not in TRUTH:
        ctx.sink.add("R1201", f"{described} (true or false), compared here with "
                     f"{node.op} {_literal(literal)}", node.span,
                     f"test it as `限于 {node.left.text}` or `限于 非 {node.left.text}` "
                     f"(or `{node.left.text} = 是`, `= 否`)")


def _equality(ctx, node: Compare, described: str) -> bool:
    if node.op not in _ORDERING:
        return True
    ctx.sink.add("R1201", f"{described}: it has no order, so {node.op} cannot compare it",
                 node.span, f"compare it with = or ≠: `{node.left.text} = …`")
    return False


def _choice(ctx, literal: Literal, field: Field, name: str) -> None:
    value = str(literal.value)
    if value in field.type.choices:
        return
    listed = ", ".join(f'"{c}"' for c in field.type.choices)
    ctx.sink.add("R1202", f"{value!r} is not one of the values of {name} ({listed})"
                 + did_you_mean(value, field.type.choices), literal.span,
                 f'compare {name} with one of its values, e.g. `{name} = '
                 f'"{field.type.choices[0]}"`' if field.type.choices else
                 f"declare the value in `字段 {name} 之一 …`")


def _declared(ctx, literal: Literal, kind: str, name: str) -> None:
    """An agency, body, post or power field holds a name the regime declares: bare, or
    with its agency (机关.岗位, 机关.机构.岗位), as records write it."""
    value = str(literal.value)
    names = _names(ctx, kind)
    if value in names:
        return
    noun = {"agency": "agency (机关)", "body": "body (机构)", "post": "post (岗位)",
            "power": "power (职权)"}[kind]
    ctx.sink.add("R1204", f"{name} holds a {noun}, and {value!r} is not one the regime "
                 "declares" + did_you_mean(value, sorted(names)), literal.span,
                 f"name a declared {noun.split()[0]}, as records of {name} write it")


def _names(ctx: RuleContext, kind: str) -> set[str]:
    if kind == "agency":
        return set(ctx.index.agencies)
    names: set[str] = set()
    for agency, scope in ctx.index.agencies.items():
        table = {"body": scope.bodies, "post": scope.posts, "power": scope.powers}[kind]
        names.update(table)
        names.update(f"{agency}.{n}" for n in table)
        if kind == "post":
            names.update(f"{agency}.{body.name}.{post.name}" for body in scope.agency.bodies
                         for post in body.posts)
    return names


def _literal(literal: Literal) -> str:
    if literal.kind == "string":
        return f'"{literal.value}"'
    value = literal.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)

"""Building the regime header: title, level, issuer, dates, layering, parts."""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Span
from respons.model.regime import Amendment, Part, RegimeRef
from respons.model.vocab import LEVELS
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    date_of,
    dropped_from,
    first,
    name_of,
    span_of,
    split,
    string_of,
    text_of,
    word,
)


@attrs.frozen
class Header:
    """What the `regime`/`制度` block says; merged into `Regime` by the parser."""

    title: str
    citation: Citation | None
    values: dict
    span: Span


class RegimeRules:
    def regime(self, children):
        tokens, stmts = split(children)
        keyword, name = tokens[0], tokens[1]
        head = span_of(keyword, name)
        values = assemble(
            "regime", stmts,
            singles={"level": "层级/level", "issuer": "制定机关/issuer", "number": "文号/number",
                     "issued": "公布/issued", "effective": "施行/effective",
                     "repealed": "废止/repealed", "calendar": "日历/calendar",
                     "extends": "上位/extends", "supersedes": "取代/supersedes"},
            lists=("amendments", "uses", "parts"),
            required={"level": "层级/level"}, head=head)
        values["uses"] = tuple(ref for group in values["uses"] for ref in group)
        # `制度` or `regime`: the language the author wrote in, which its reports speak.
        values["language"] = "en" if str(keyword).isascii() else "zh"
        if "calendar" in values:
            values["calendar"], values["calendar_span"] = values["calendar"]
        if not any(getattr(s, "key", None) == "effective" for s in stmts) and \
                not dropped_from(head, "KW_EFFECTIVE"):
            ctx().sink.add("R0111", f"{name_of(name)} does not say when it takes effect", head,
                           "add `施行 YYYY-MM-DD` (effective)")
        return Header(name_of(name), citation_of(first(tokens, "CITATION")), values, head)

    def level(self, children):
        return Stmt("level", word(LEVELS, children[1]), span_of(children[0], children[-1]))

    def issuer(self, children):
        return Stmt("issuer", text_of(children[1], "the 制定机关 (issuer)"),
                    span_of(children[0], children[-1]))

    def docno(self, children):
        return Stmt("number", text_of(children[1], "the 文号 (document number)"),
                    span_of(children[0], children[-1]))

    def issued(self, children):
        return Stmt("issued", date_of(children[1]), span_of(children[0], children[-1]))

    def effective(self, children):
        return Stmt("effective", date_of(children[1]), span_of(children[0], children[-1]))

    def repealed(self, children):
        return Stmt("repealed", date_of(children[1]), span_of(children[0], children[-1]))

    def amended(self, children):
        span = span_of(children[0], children[-1])
        document = string_of(children[2]) if len(children) > 2 else None
        return Stmt("amendments", Amendment(date_of(children[1]), document, span=span), span)

    def calendar(self, children):
        span = span_of(children[0], children[-1])
        return Stmt("calendar", (name_of(children[1]), span_of(children[1])), span)

    def extends(self, children):
        return Stmt("extends", children[1], span_of(children[0]))

    def supersedes(self, children):
        return Stmt("supersedes", children[1], span_of(children[0]))

    def uses(self, children):
        return Stmt("uses", tuple(children[1:]), span_of(children[0]))

    def regime_ref(self, children):
        token = children[0]
        if token.type == "STRING":
            return RegimeRef(string_of(token), is_path=True, span=span_of(token))
        return RegimeRef(name_of(token), span=span_of(token))

    def part(self, children):
        span = span_of(children[0], children[-1])
        title = string_of(children[2]) if len(children) > 2 else None
        return Stmt("parts", Part(name_of(children[1]), title, span=span), span)

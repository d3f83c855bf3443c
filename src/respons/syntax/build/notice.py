"""Building notices (文书): title, what issues them, issuer and recipients, the document
number's pattern, the elements with what fills each and its citation, the formats.

Templates and patterns are kept as written: what they say is checked by
``respons.check.rules.notices`` against the facts the notice is given, where every
diagnostic about a notice's data is made.
"""

from __future__ import annotations

from respons.diagnostics.diagnostic import related
from respons.model.notice import Notice, NoticeElement, Outcome, Party
from respons.model.outcomes import BY_TERMINAL
from respons.model.vocab import UNITS
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    ctx,
    first,
    name_of,
    number_of,
    span_between,
    span_of,
    split,
    text_of,
    word,
)

NOTICE_SINGLES = {"title": "标题/title", "formats": "格式/format",
                  "issuer": "发文机关/issuer", "recipients": "主送/recipient",
                  "copy_to": "抄送/copy-to", "number": "文号/number"}
NOTICE_LISTS = ("elements", "issued_on")


def notice_fields(values: dict) -> dict:
    """The assembled statements of a notice (or of an override of one) as its fields."""
    formats = values.pop("formats", None)
    if formats is not None:
        values["formats"] = tuple(name for name, _ in formats)
        values["format_spans"] = tuple(span for _, span in formats)
    number = values.pop("number", None)
    if number is not None:
        values["number"], values["number_span"] = number
    if "elements" in values:
        values["elements"] = _once(tuple(e for group in values["elements"] for e in group))
    if "issued_on" in values:
        values["issued_on"] = tuple(values["issued_on"])
    return values


def _once(elements: tuple[NoticeElement, ...]) -> tuple[NoticeElement, ...]:
    """Each element once: a second element of the same name is reported (R0108) and left
    out, so that what fills an element is never a matter of which line comes last."""
    seen: dict[str, NoticeElement] = {}
    for element in elements:
        if element.name in seen:
            ctx().sink.add("R0108", f"the element {element.name} is given twice in this notice",
                           element.span, "a notice has each element once; remove one of them",
                           related(seen[element.name].span, "the first"))
            continue
        seen[element.name] = element
    return tuple(seen.values())


class NoticeRules:
    def notice(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("notice", stmts, NOTICE_SINGLES, NOTICE_LISTS,
                          {"title": "标题/title"}, head)
        return Notice(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                      span=head, **notice_fields(values))

    def title(self, children):
        return Stmt("title", text_of(children[1], "the 标题 (title) of the notice"),
                    span_of(children[0], children[1]))

    # ── elements ─────────────────────────────────────────────────────────────────
    def element_name(self, children):
        return name_of(children[0]), len(children) > 1, span_of(children[0])

    def elements(self, children):
        tokens, names = split(children)
        citation = citation_of(first(tokens, "CITATION"))
        regime = ctx().regime_id
        elements = tuple(NoticeElement(name, optional=optional, citation=citation,
                                       declared_in=regime, span=span)
                         for name, optional, span in names)
        return Stmt("elements", elements, span_between(span_of(children[0]), names[-1][2]))

    def bound_element(self, children):
        tokens, values = split(children)
        (name, optional, name_span), (how, value, value_span) = values
        comparator = first(tokens, "COMPARATOR")
        if str(comparator) != "=":
            ctx().sink.add("R0101", f"an element is bound with `=`, not `{comparator}`",
                           span_of(comparator), f"write `要素 {name} = …`")
        span = span_between(name_span, value_span)
        element = NoticeElement(name, template=value if how == "template" else None,
                                fact=value if how == "fact" else None, optional=optional,
                                citation=citation_of(first(tokens, "CITATION")),
                                declared_in=ctx().regime_id, span=span)
        return Stmt("elements", (element,), span_between(span_of(tokens[0]), value_span))

    def template_binding(self, children):
        text = text_of(children[0], "the template of the element")
        return "template", text, span_of(children[0])

    def fact_binding(self, children):
        return "fact", name_of(children[0]), span_of(children[0])

    def formats(self, children):
        formats = tuple((name_of(t), span_of(t)) for t in children[1:])
        return Stmt("formats", formats, span_of(children[0], children[-1]))

    # ── what issues it, and to whom ──────────────────────────────────────────────
    def issued_on(self, children):
        tokens, values = split(children)
        kind = BY_TERMINAL[tokens[1].type]
        target = values[0]
        where = values[1] if first(tokens, "KW_WHERE") is not None else None
        consecutive = None
        marker = first(tokens, "KW_CONSECUTIVE")
        if marker is not None:
            index = tokens.index(marker)
            consecutive = int(number_of(tokens[index + 1]))
            word(UNITS, tokens[index + 2])
        span = span_between(span_of(tokens[0]), (where or target).span)
        outcome = Outcome(kind.name, target, consecutive,
                          citation_of(first(tokens, "CITATION")), where, span=span)
        return Stmt("issued_on", outcome, span)

    def party(self, children):
        token = children[0]
        if token.type == "STRING":
            return Party(text_of(token, "the name of the agency"), literal=True,
                         span=span_of(token))
        return Party(name_of(token), span=span_of(token))

    def notice_issuer(self, children):
        return Stmt("issuer", children[1], span_between(span_of(children[0]), children[1].span))

    def recipient(self, children):
        parties = tuple(children[1:])
        return Stmt("recipients", parties, span_between(span_of(children[0]), parties[-1].span))

    def copy_to(self, children):
        parties = tuple(children[1:])
        return Stmt("copy_to", parties, span_between(span_of(children[0]), parties[-1].span))

    def notice_number(self, children):
        span = span_of(children[0], children[1])
        text = text_of(children[1], "the 文号 (document-number pattern) of the notice")
        return Stmt("number", (text, span_of(children[1])), span)


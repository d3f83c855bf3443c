"""Building agencies (执法主体), their powers, bodies, posts and entrustments."""

from __future__ import annotations

from respons.model.agency import Agency, Body, Entrustment, Post, Power, Training
from respons.model.vocab import (
    HOURS,
    POWER_TYPES,
    REQUIREMENTS,
    ROLES,
    STATUSES,
    TRAINING_WHEN,
)
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    date_of,
    first,
    name_of,
    number_of,
    ref_of,
    span_between,
    span_of,
    split,
    text_of,
    word,
)

AGENCY_SINGLES = {"status": "性质/status", "superior": "上级/superior",
                  "entrustment": "委托书/entrustment",
                  "entrusted_generally": "委托机关/entrusted-by"}
AGENCY_LISTS = ("powers", "bodies", "posts")
POST_LISTS = ("roles", "holds", "requirements", "training")


def agency_fields(values: dict) -> dict:
    status = values.pop("status", None)
    if status is not None:
        statuses, values["status_citation"] = status
        values["statuses"] = statuses
        values["status"] = statuses[0] if len(statuses) == 1 else None
    general = values.pop("entrusted_generally", None)
    if general is not None:
        values["entrusted_by"], values["entrusted_citation"] = general
    return values


def flatten(values: dict, *keys: str) -> dict:
    for key in keys:
        values[key] = tuple(x for group in values[key] for x in group)
    return values


class AgencyRules:
    def ref(self, children):
        return ref_of(children)

    def agency(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("agency", stmts, AGENCY_SINGLES, AGENCY_LISTS)
        return Agency(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                      span=head, **agency_fields(values))

    def status(self, children):
        span = span_of(children[0], children[-1])
        words = [word(STATUSES, t) for t in children[1:] if t.type == "NAME"]
        statuses = tuple(dict.fromkeys(w for w in words if w is not None))
        return Stmt("status", (statuses, citation_of(first(children, "CITATION"))), span)

    def superior(self, children):
        return Stmt("superior", children[1], span_of(children[0]))

    def power(self, children):
        tokens, values = split(children)
        span = span_of(tokens[0], tokens[2])
        basis = values[0] if values else ()
        power = Power(word(POWER_TYPES, tokens[1]), name_of(tokens[2]), basis,
                      citation_of(first(tokens, "CITATION")), span=span)
        return Stmt("powers", power, span)

    def power_body(self, children):
        return tuple(stmt.value for stmt in children if isinstance(stmt, Stmt))

    def basis(self, children):
        return Stmt("basis", text_of(children[1], "the 依据 (basis)"),
                    span_of(children[0], children[-1]))

    def body(self, children):
        tokens, stmts = split(children)
        span = span_of(tokens[0], tokens[1])
        values = flatten(assemble("body", stmts, {}, ("holds", "posts")), "holds")
        body = Body(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                    span=span, **values)
        return Stmt("bodies", body, span)

    def post(self, children):
        tokens, stmts = split(children)
        span = span_of(tokens[0], tokens[1])
        values = flatten(assemble("post", stmts, {}, POST_LISTS), "roles", "holds")
        post = Post(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                    span=span, **values)
        return Stmt("posts", post, span)

    def role(self, children):
        names = [t for t in children[1:] if t.type == "NAME"]
        roles = tuple(r for r in (word(ROLES, t) for t in names) if r is not None)
        return Stmt("roles", roles, span_of(children[0], children[-1]))

    def holds(self, children):
        return Stmt("holds", tuple(children[1:]), span_of(children[0]))

    def requires(self, children):
        return Stmt("requirements", word(REQUIREMENTS, children[1]),
                    span_of(children[0], children[-1]))

    def training(self, children):
        tokens = [t for t in children[1:] if t.type != "CITATION"]
        span = span_of(children[0], children[-1])
        hours = None
        if tokens and tokens[0].type == "NUMBER":
            hours = number_of(tokens[0])
            word(HOURS, tokens[1])
            tokens = tokens[2:]
        when = word(TRAINING_WHEN, tokens[0]) if tokens else None
        training = Training(hours, when, citation_of(first(children, "CITATION")), span=span)
        return Stmt("training", training, span)

    def entrustment(self, children):
        tokens, stmts = split(children)
        span = span_of(tokens[0], tokens[1])
        values = assemble(
            "entrustment", stmts,
            {"entrusted_by": "委托机关/entrusted-by", "content": "内容/content",
             "term": "期间/term", "filed": "备案/filed"}, ("scope",),
            required={"entrusted_by": "委托机关/entrusted-by", "term": "期间/term"}, head=span)
        values = flatten(values, "scope")
        term = values.pop("term", None)
        if term is not None:
            values["term_from"], values["term_to"] = term
        entrustment = Entrustment(text_of(tokens[1], "the 文号 of the 委托书 (entrustment)"),
                                  citation=citation_of(first(tokens, "CITATION")), span=span,
                                  **values)
        return Stmt("entrustment", entrustment, span)

    def entrusted_generally(self, children):
        tokens, refs = split(children)
        return Stmt("entrusted_generally", (refs[0], citation_of(first(tokens, "CITATION"))),
                    span_between(span_of(tokens[0]), refs[0].span))

    def entrusted_by(self, children):
        return Stmt("entrusted_by", children[1], span_of(children[0]))

    def scope(self, children):
        return Stmt("scope", tuple(children[1:]), span_of(children[0]))

    def content(self, children):
        return Stmt("content", text_of(children[1], "the 内容 (content) of the 委托书"),
                    span_of(children[0], children[-1]))

    def term(self, children):
        span = span_of(children[0], children[-1])
        return Stmt("term", (date_of(children[1]), date_of(children[3])), span)

    def filed(self, children):
        return Stmt("filed", date_of(children[1]), span_of(children[0], children[-1]))

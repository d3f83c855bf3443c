"""Building notices (文书): title, required elements, output formats."""

from __future__ import annotations

from respons.model.notice import Notice
from respons.syntax.build.base import (
    Stmt,
    assemble,
    citation_of,
    first,
    name_of,
    span_of,
    split,
    text_of,
)

NOTICE_SINGLES = {"title": "标题/title", "formats": "格式/format"}


def notice_fields(values: dict) -> dict:
    formats = values.pop("formats", None)
    if formats is not None:
        values["formats"] = tuple(name for name, _ in formats)
        values["format_spans"] = tuple(span for _, span in formats)
    values["elements"] = tuple(e for group in values.get("elements", ()) for e in group)
    return values


class NoticeRules:
    def notice(self, children):
        tokens, stmts = split(children)
        head = span_of(tokens[0], tokens[1])
        values = assemble("notice", stmts, NOTICE_SINGLES, ("elements",),
                          {"title": "标题/title"}, head)
        return Notice(name_of(tokens[1]), citation=citation_of(first(tokens, "CITATION")),
                      span=head, **notice_fields(values))

    def title(self, children):
        return Stmt("title", text_of(children[1], "the 标题 (title) of the notice"),
                    span_of(children[0], children[1]))

    def elements(self, children):
        names = tuple(name_of(t) for t in children[1:] if t.type == "NAME")
        return Stmt("elements", names, span_of(children[0], children[-1]))

    def formats(self, children):
        formats = tuple((name_of(t), span_of(t)) for t in children[1:])
        return Stmt("formats", formats, span_of(children[0], children[-1]))

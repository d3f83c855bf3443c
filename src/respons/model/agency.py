"""Who may enforce (执法主体): agencies, their bodies (执法机构), posts (岗位) and powers (职权)."""

from __future__ import annotations

import datetime as dt

import attrs

from respons.model.base import Citation, Ref, Span, span_field


@attrs.frozen(slots=True)
class Power:
    """A power (职权) of one type — 许可, 处罚, 强制… — with its legal basis (执法依据)."""

    type: str
    name: str
    basis: tuple[str, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Training:
    """Training a post requires: hours (where the regime sets them), and how often (每年)
    or when (上岗前)."""

    hours: float | None
    when: str | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Post:
    """A post (执法岗位): its roles (承办, 审核, 批准…), the powers it holds, what it requires."""

    name: str
    roles: tuple[str, ...] = ()
    holds: tuple[Ref, ...] = ()
    requirements: tuple[str, ...] = ()
    training: tuple[Training, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Body:
    """An internal enforcement body (内设执法机构) of an agency, and its posts."""

    name: str
    holds: tuple[Ref, ...] = ()
    posts: tuple[Post, ...] = ()
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Entrustment:
    """The 委托书 under which an entrusted organisation enforces: by whom, what, until when."""

    document: str
    entrusted_by: Ref | None = None
    scope: tuple[Ref, ...] = ()
    content: str | None = None
    term_from: dt.date | None = None
    term_to: dt.date | None = None
    filed: dt.date | None = None
    citation: Citation | None = None
    span: Span | None = span_field()


@attrs.frozen(slots=True)
class Agency:
    """An enforcement agency (行政执法机关/单位) and its legal status (法定, 授权, 委托).

    ``status`` holds one status for a named agency; an agency that stands for every agency
    a regime governs (行政执法机关: statutory, authorised and entrusted alike, heilongjiang 2)
    lists several, ``statuses``, and ``status`` is then None.
    """

    name: str
    status: str | None = None
    statuses: tuple[str, ...] = ()
    status_citation: Citation | None = None
    superior: Ref | None = None
    powers: tuple[Power, ...] = ()
    bodies: tuple[Body, ...] = ()
    posts: tuple[Post, ...] = ()
    entrustment: Entrustment | None = None
    #: 委托机关 X written in the agency: entrusted in general by X, without a concrete
    #: 委托书 (jilin-city 16, henan 3 and 11(三), guizhou-edu 3 name no document).
    entrusted_by: Ref | None = None
    entrusted_citation: Citation | None = None
    citation: Citation | None = None
    span: Span | None = span_field()

    def all_posts(self):
        """Posts directly under the agency and in its bodies, with the body (or None)."""
        for post in self.posts:
            yield None, post
        for body in self.bodies:
            for post in body.posts:
                yield body, post

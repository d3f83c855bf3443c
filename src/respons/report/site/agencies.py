"""The 权责清单 of one agency: its status, its powers by type with their bases, the bodies
and posts each power is split over, each power's procedure as a flowchart, and the tree of
its bodies and posts (heilongjiang 4, 9; samr 5-7; hangzhou 17; jilin-city 8).

A power's procedure is what the regime says of who takes part in it: the posts that hold
it, in the order of their roles — 承办, 审核, 法制审核, 批准 (henan 13-16; changchun-xinqu
任务26 "办、审、定") — and, for a role no holder has, the agency's posts of that role that
hold no power of their own (a 审核人员 reviews every power the 承办人 holds, hangzhou 18).
"""

from __future__ import annotations

from respons.model import vocab
from respons.model.agency import Agency, Post
from respons.report.site.duties import DUTIES_FILE, duty_anchor
from respons.report.site.flow import Node, flowchart
from respons.report.site.markup import SLOT, esc, fill, link
from respons.report.site.text import Speaker, number

#: The roles that are steps of a procedure, in the order a decision passes them.
PROCEDURE_ROLES = ("handler", "reviewer", "legal-review", "approver")


def agency_file(index: int) -> str:
    """The page of the ``index``-th agency (from 1): named by position, not by name, so a
    name never has to be a file name."""
    return f"agency-{index}.html"


def post_name(body, post: Post) -> str:
    return f"{body.name}.{post.name}" if body is not None else post.name


def holders(agency: Agency, power) -> list:
    return [(body, post) for body, post in agency.all_posts()
            if any(ref.text == power.name for ref in post.holds)]


def procedure(agency: Agency, power, speak: Speaker) -> list[Node]:
    """The flowchart of a power: the power, then each step with its posts; [] where the
    regime splits the power over no post."""
    holding = holders(agency, power)
    if not holding:
        return []
    words = speak.words
    steps: list[tuple[str, list]] = []
    for role in PROCEDURE_ROLES:
        posts = [(b, p) for b, p in holding if role in p.roles]
        if not posts and role != "handler":
            posts = [(b, p) for b, p in agency.all_posts() if role in p.roles and not p.holds]
        if posts:
            steps.append((words(f"step.{role}"), posts))
    if not any(role in p.roles for _, p in holding for role in PROCEDURE_ROLES):
        # Holders without a procedural role handle the power themselves.
        steps.insert(0, (words("step.holder"), holding))
    nodes = [Node("start", power.name, (speak.word(vocab.POWER_TYPES, power.type),))]
    for number_, (title, posts) in enumerate(steps):
        kind = "end" if number_ == len(steps) - 1 else "step"
        lines = tuple(f"{post_name(b, p)} {speak.bracket(speak.cite(p.citation))}".rstrip()
                      for b, p in posts)
        nodes.append(Node(kind, title, lines))
    return nodes


def agency_page(agency: Agency, speak: Speaker, agencies: dict[str, str],
                duties=()) -> str:
    """The body of an agency's page (markup); ``duties`` are the regime's, of which those
    the agency, one of its bodies or one of its posts is responsible for are listed."""
    words = speak.words
    out = [f"<h1>{esc(agency.name)}{speak.cited(agency.citation)}</h1>\n"]
    statuses = [speak.word(vocab.STATUSES, s) for s in all_statuses(agency)]
    facts = []
    if statuses:
        facts.append((words("agency.status"), esc(speak.join(statuses))
                      + speak.cited(agency.status_citation)))
    if agency.superior:
        facts.append((words("agency.superior"), link(agency.superior.text, agencies)))
    if agency.entrustment:
        e = agency.entrustment
        parts = [esc(words("agency.entrusted", document=e.document))]
        if e.entrusted_by:
            parts.append(fill(words("agency.entrusted_by", agency=SLOT),
                              link(e.entrusted_by.text, agencies)))
        if e.term_from:
            parts.append(esc(words("agency.term", start=e.term_from, end=e.term_to or "")))
        if e.scope:
            parts.append(esc(words("agency.scope", scope=speak.refs(e.scope, "list.sep"))))
        if e.filed:
            parts.append(esc(words("agency.filed", date=e.filed)))
        facts.append((words("agency.entrustment"),
                      " · ".join(parts) + speak.cited(e.citation)))
    if facts:
        out.append("<dl>" + "".join(f"<dt>{esc(t)}</dt><dd>{d}</dd>" for t, d in facts)
                   + "</dl>\n")
    out.append(f'<h2 id="powers">{esc(words("agency.powers"))}</h2>\n')
    if not agency.powers:
        out.append(f'<p class="muted">{esc(words("agency.no_powers"))}</p>\n')
    order = list(vocab.POWER_TYPES.entries)
    numbered = list(enumerate(agency.powers, 1))
    numbered.sort(key=lambda pair: (order.index(pair[1].type) if pair[1].type in order
                                    else len(order), pair[0]))
    if len(numbered) > 1:  # a list to jump to a power, on a page a phone scrolls long
        out.append(f'<p class="muted">{esc(words("powers.contents", count=len(numbered)))} '
                   + speak.join(f'<a href="#power-{index}">{esc(power.name)}</a>'
                                for index, power in numbered) + "</p>\n")
    current = object()
    for index, power in numbered:
        if power.type != current:
            current = power.type
            heading = speak.word(vocab.POWER_TYPES, power.type)
            out.append(f"<h3>{esc(heading[:1].upper() + heading[1:])}</h3>\n")
        out.append(_power(agency, index, power, speak))
    out.append(f'<h2 id="structure">{esc(words("agency.structure"))}</h2>\n')
    out.append(_structure(agency, speak))
    owned = owned_duties(agency, duties)
    if owned:
        out.append(f'<h2 id="duties">{esc(words("agency.duties"))}</h2>\n<ul>')
        for index, duty in owned:
            out.append(f'<li><a href="{DUTIES_FILE}#{duty_anchor(index)}">{esc(duty.name)}</a> · '
                       f"{esc(speak.limit(duty))}"
                       f"{speak.cited(duty.period_citation, duty.citation)}</li>")
        out.append("</ul>\n")
    return "".join(out)


def all_statuses(agency: Agency) -> tuple[str, ...]:
    """The agency's legal statuses: the several of one that stands for many, or its one."""
    return agency.statuses or ((agency.status,) if agency.status else ())


def owned_duties(agency: Agency, duties) -> list:
    """(position from 1, duty) of each duty whose 负责 names the agency, one of its bodies or
    one of its posts (a duty whose 负责 is a field of a record names no one in advance)."""
    names = {b.name for b in agency.bodies} | {post_name(b, p) for b, p in agency.all_posts()} \
        | {p.name for _, p in agency.all_posts()}
    names = {agency.name} | names | {f"{agency.name}.{name}" for name in names}
    return [(index, duty) for index, duty in enumerate(duties, 1)
            if duty.owner is not None and duty.owner.text in names]


def _power(agency: Agency, index: int, power, speak: Speaker) -> str:
    words = speak.words
    out = [f'<section class="item" id="power-{index}">'
           f'<h4>{esc(power.name)}'
           f"{speak.cited(power.citation)}</h4>\n<dl>"]
    bases = "".join(f"<li>{esc(b)}</li>" for b in power.basis)
    out.append(f"<dt>{esc(words('power.basis'))}</dt><dd>"
               + (f"<ul>{bases}</ul>" if bases else
                  f'<span class="muted">{esc(words("power.no_basis"))}</span>') + "</dd>")
    holding = holders(agency, power)
    held = "".join(f"<li>{esc(post_name(b, p))}{speak.cited(p.citation)}</li>"
                   for b, p in holding)
    out.append(f"<dt>{esc(words('power.held_by'))}</dt><dd>"
               + (f"<ul>{held}</ul>" if held else
                  f'<span class="muted">{esc(words("power.not_split"))}</span>') + "</dd></dl>")
    nodes = procedure(agency, power, speak)
    if nodes:
        label = f"{words('power.procedure')}: {power.name}"
        out.append(f"<p><b>{esc(words('power.procedure'))}</b></p>{flowchart(nodes, label)}")
    out.append("</section>\n")
    return "".join(out)


def _structure(agency: Agency, speak: Speaker) -> str:
    words = speak.words
    if not agency.bodies and not agency.posts:
        return f'<p class="muted">{esc(words("agency.no_structure"))}</p>\n'
    out = ["<ul>"]
    for body in agency.bodies:
        holds = (" · " + esc(words("post.holds", powers=speak.refs(body.holds, "list.sep")))
                 if body.holds else "")
        out.append(f"<li><b>{esc(body.name)}</b> <span class=\"muted\">({esc(words('body'))})"
                   f"</span>{holds}{speak.cited(body.citation)}")
        if body.posts:
            out.append("<ul>" + "".join(_post(p, speak) for p in body.posts) + "</ul>")
        out.append("</li>")
    out += [_post(p, speak) for p in agency.posts]
    out.append("</ul>\n")
    return "".join(out)


def _post(post: Post, speak: Speaker) -> str:
    words = speak.words
    facts = []
    if post.roles:
        facts.append(words("post.roles", roles=speak.join(speak.word(vocab.ROLES, r)
                                                          for r in post.roles)))
    if post.holds:
        facts.append(words("post.holds", powers=speak.refs(post.holds, "list.sep")))
    if post.requirements:
        facts.append(words("post.requires", requirements=speak.join(
            speak.word(vocab.REQUIREMENTS, r) for r in post.requirements)))
    for training in post.training:
        what = [words("hours", count=number(training.hours))] if training.hours is not None \
            else []
        if training.when:
            what.append(speak.word(vocab.TRAINING_WHEN, training.when))
        facts.append(words("post.training", what=" ".join(what)).rstrip())
    detail = "".join(f" · {esc(f)}" for f in facts)
    return (f"<li>{esc(post.name)} <span class=\"muted\">({esc(words('post'))})</span>{detail}"
            f"{speak.cited(post.citation)}</li>")

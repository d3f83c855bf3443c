"""Powers split over posts 不重不漏, and entrustments within their 委托书 (R0301–R0304).

heilongjiang 9 and samr 6: an agency splits every power it holds over its internal bodies
and posts, and may neither add a power nor drop one in doing so. jilin-city 16: an
entrusted organisation acts within the scope and term of its 委托书.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.suggest import did_you_mean


def check(ctx: RuleContext) -> None:
    for agency in ctx.regime.agencies:
        scope = ctx.index.agencies.get(agency.name)
        if scope is None or scope.agency is not agency:
            continue  # a duplicate agency, reported by the index
        powers = scope.powers
        if not ctx.whole(agency):
            # A power, a post or what it holds may be in a statement that did not parse:
            # what is missing here is no finding, and what is wrong stays to be found.
            _entrustment(ctx, agency)
            continue
        held: set[str] = set()
        for body in agency.bodies:
            for ref in body.holds:
                _held(ctx, agency, powers, ref, f"body {body.name}")
        for body, post in agency.all_posts():
            body_powers = {r.text for r in body.holds} if body is not None else set()
            for ref in post.holds:
                if _held(ctx, agency, powers, ref, f"post {post.name}"):
                    held.add(ref.text)
                    if body_powers and ref.text not in body_powers:
                        ctx.sink.add(
                            "R0303", f"post {post.name} holds {ref.text!r}, which its body "
                            f"{body.name} does not hold", ref.span,
                            f"add it to `承担` of body {body.name}, or take it off the post")
        for power in agency.powers:
            if power.name not in held:
                ctx.sink.add(
                    "R0301", f"power {power.name!r} of {agency.name} is not assigned to any "
                    "post (不重不漏: every power goes to a post)", power.span,
                    f"add `承担 {power.name}` to the post that exercises it")
        _entrustment(ctx, agency)


def _held(ctx: RuleContext, agency, powers: dict, ref, holder: str) -> bool:
    if ref.text in powers:
        return True
    ctx.sink.add("R0302", f"{holder} holds {ref.text!r}, a power {agency.name} does not have"
                 + did_you_mean(ref.text, powers), ref.span,
                 "decomposition may not add powers: declare the power on the agency "
                 "(`职权 <类型> <名称>`) or correct the name")
    return False


def _entrustment(ctx: RuleContext, agency) -> None:
    entrustment = agency.entrustment
    if agency.entrusted_by is not None:
        # Entrusted in general (委托机关 X, no 委托书): the text names no document, term or
        # scope to check, only who entrusts.
        ctx.index.lookup(agency.entrusted_by, ("agency",), "委托机关/entrusted-by")
        if "entrusted" not in agency.statuses:
            ctx.sink.add("R0304", f"{agency.name} names its 委托机关 but its status is not 委托",
                         agency.entrusted_by.span, "set `性质 委托`, or remove the 委托机关")
        if entrustment is None:
            return
    if agency.status == "entrusted" and entrustment is None and ctx.whole(agency):
        ctx.sink.add("R0304", f"{agency.name} is entrusted (委托) but has no 委托书 and no "
                     "委托机关", agency.span,
                     "add `委托书 \"<文号>\" { 委托机关 …; 范围 …; 期间 … 至 … }` (jilin-city 16), "
                     "or, where the text names the entrustment in general, `委托机关 <机关>`")
        return
    if entrustment is None:
        return
    if "entrusted" not in agency.statuses:
        ctx.sink.add("R0304", f"{agency.name} has a 委托书 but its status is not 委托",
                     entrustment.span, "set `性质 委托`, or remove the 委托书")
    if entrustment.term_from and entrustment.term_to and \
            entrustment.term_to < entrustment.term_from:
        ctx.sink.add("R0112", "the entrustment ends before it starts", entrustment.span,
                     "write the term as `期间 <from> 至 <to>` with from before to")
    if entrustment.entrusted_by is None:
        return
    found = ctx.index.lookup(entrustment.entrusted_by, ("agency",), "委托机关/entrusted-by")
    if found is None:
        return
    principal = found.element
    if principal.statuses == ("entrusted",):
        ctx.sink.add("R0304", f"{principal.name} is itself entrusted and cannot entrust further",
                     entrustment.entrusted_by.span, "the entrusting agency must be statutory or "
                     "authorised")
    scope = ctx.index.agencies.get(principal.name)
    powers = scope.powers if scope is not None else {}
    for ref in entrustment.scope:
        if ref.text not in powers:
            ctx.sink.add("R0304", f"the 委托书 entrusts {ref.text!r}, a power {principal.name} "
                         "does not have" + did_you_mean(ref.text, powers), ref.span,
                         "an agency can entrust only powers it holds")

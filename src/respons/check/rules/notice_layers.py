"""A regime built on another keeps every element the other's notices require (R0702).

hangzhou 48: the 责任追究决定书 must state the reasons, the facts, the legal basis and the
right to appeal; heilongjiang 31 lists eight elements of a decision. A lower regime that
overrides such a notice (`覆盖 文书 …`) says what its elements are — its `要素` statements
replace the inherited ones, so that it may reorder them or bind them to its own data — but
it cannot leave out, or make optional (可选), one that the regime above requires: the
override is an error naming the element, the regime whose text requires it, and the
article. An element the override adds is its own.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.diagnostics.diagnostic import related
from respons.model.notice import Notice
from respons.syntax.present import cite


def check(ctx: RuleContext) -> None:
    overridden = {o.target.text: o for o in ctx.regime.overrides if o.kind == "notice"}
    for notice in ctx.regime.notices:
        override = overridden.get(notice.name)
        inherited = ctx.inherited.get(notice.name)
        if override is None or inherited is None or not isinstance(inherited[1], Notice):
            continue
        if "elements" not in override.fields or not ctx.whole(notice):
            # the override leaves the elements as they are, or a statement of it did not
            # parse: what it leaves out may be in the broken text
            continue
        _kept(ctx, inherited[1], notice, override)


def _kept(ctx: RuleContext, above: Notice, notice: Notice, override) -> None:
    now = {e.name: e for e in notice.elements}
    for element in above.elements:
        if element.optional:
            continue
        mine = now.get(element.name)
        if mine is not None and not mine.optional:
            continue
        regime = element.declared_in or (above.citation.regime if above.citation else "") \
            or "the regime it builds on"
        article = cite(above.cited(element))
        done = "makes optional (可选)" if mine is not None else "leaves out"
        ctx.sink.add("R0702", f"the override of {notice.name} {done} the element "
                     f"{element.name}, which {regime} requires{' ' + article if article else ''}",
                     (mine.span if mine is not None else None) or override.span,
                     f"keep `要素 {element.name}` among the override's elements, required: a "
                     "regime cannot take from a notice what the regime above it requires",
                     related(element.span, f"required by {regime} here"))


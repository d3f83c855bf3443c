"""Notices (文书): what issues each one and what it is given, and that it can be issued.

For each notice: its formats are installed (R0701); what issues it (签发) names outcomes of
the regime (``notice_outcomes``); its issuer, recipients and copies are facts of those
outcomes or declared agencies (R0201); every placeholder of its templates and every fact
an element is bound to is a fact the notice is given (R0703), every template can be read
(R0704); its document-number pattern follows GB/T 9704-2012 7.2.5 (R0705), and a 代字 made of facts
names facts it is given (R0703); and a notice that
something issues has everything issuing takes — an issuer, a recipient, a number pattern,
and something to fill each required element with (R0707). What a regime built on another
may not take from an inherited notice is ``notice_layers``'s (R0702).
"""

from __future__ import annotations

from respons.check.rules import RuleContext, notice_layers
from respons.check.rules.notice_outcomes import Given, given
from respons.diagnostics.suggest import did_you_mean
from respons.model import docnumber, template
from respons.model.base import Ref
from respons.model.notice import Notice, NoticeElement, Party
from respons.model.outcomes import COMMON


def check(ctx: RuleContext) -> None:
    for notice in ctx.regime.notices:
        _formats(ctx, notice)
        facts = given(ctx, notice)
        _parties(ctx, notice, facts)
        unfilled = [e for e in notice.elements if not _element(ctx, notice, e, facts)]
        if notice.number is not None:
            broken = docnumber.problems(notice.number)
            for problem in broken:
                ctx.sink.add("R0705", f"the 文号 of {notice.name}: {problem}",
                             notice.number_span or notice.span,
                             "write the pattern as GB/T 9704-2012 7.2.5 has it, e.g. "
                             "\"吉司整〔{年}〕{号}号\"")
            if not broken:
                _code(ctx, notice, facts)
        if facts.outcomes and ctx.whole(notice):
            _issuable(ctx, notice, unfilled)
    notice_layers.check(ctx)


def _formats(ctx: RuleContext, notice: Notice) -> None:
    if ctx.registry is None:
        return
    formats = ctx.registry.notice_formats()
    spans = notice.format_spans or (notice.span,) * len(notice.formats)
    for name, span in zip(notice.formats, spans, strict=False):
        if name not in formats:
            ctx.sink.add("R0701", f"no installed plugin writes notices as {name!r}"
                         + did_you_mean(name, formats), span,
                         "installed formats: " + (", ".join(sorted(formats)) or "none"))


# ── parties: 发文机关, 主送, 抄送 ────────────────────────────────────────────────────
_COMMON_NAMES = {name for fact in COMMON for name in (fact.zh, fact.en)}


def _parties(ctx: RuleContext, notice: Notice, facts: Given) -> None:
    for word, parties in (("发文机关/issuer", (notice.issuer,) if notice.issuer else ()),
                          ("主送/recipient", notice.recipients),
                          ("抄送/copy-to", notice.copy_to)):
        for party in parties:
            _party(ctx, party, word, facts)


def _party(ctx: RuleContext, party: Party, word: str, facts: Given) -> None:
    if party.literal or (party.name in facts.facts and party.name not in _COMMON_NAMES):
        return
    found = ctx.index.find(Ref((party.name,)))
    if found is not None and found.kind == "agency":
        return
    if not facts.known or ctx.lost.hides(Ref((party.name,)), ("agency",)):
        return
    offered = [n for n, f in facts.facts.items() if n not in _COMMON_NAMES and n == f.zh]
    agencies = ctx.index.candidates(("agency",))
    ctx.sink.add("R0201", f"{word} names {party.name!r}, which is neither a fact of "
                 f"{facts.describe()} nor a declared agency"
                 + did_you_mean(party.name, offered, agencies), party.span,
                 "name a fact (" + ("、".join(offered) or "none") + "), a declared agency, "
                 f"or write the agency's name in quotes: \"{party.name}\"")


# ── elements ─────────────────────────────────────────────────────────────────────
def _element(ctx: RuleContext, notice: Notice, element: NoticeElement, facts: Given) -> bool:
    """Check what fills ``element``; whether something does."""
    names: list[str] = []
    if element.template is not None:
        try:
            names = list(template.parse(element.template).names)
        except template.TemplateError as error:
            ctx.sink.add("R0704", f"the template of element {element.name} of {notice.name} "
                         f"cannot be read: {error.message}", element.span,
                         "a template is text with {事实} placeholders; write {{ and }} for "
                         "braces in the text")
            return True  # it says something: what is wrong with it is reported
    elif element.fact is not None:
        names = [element.fact]
    else:
        return not facts.known or (element.name in facts.facts
                                   and element.name not in _COMMON_NAMES)
    for name in names:
        if name in facts.facts or not facts.known:
            continue
        ctx.sink.add("R0703", f"element {element.name} of {notice.name} uses {{{name}}}, "
                     f"which is not a fact of {facts.describe()}"
                     + did_you_mean(name, list(facts.facts)), element.span,
                     "the facts it is given: " + (facts.listing() or "none"))
    return True


#: The facts of every notice a 代字 cannot be made of: the number itself, its date, its
#: recipients. (发文机关 can: the 代字 stands for the issuer.)
_NOT_A_CODE = _COMMON_NAMES - {"发文机关", "issuer"}


def _code(ctx: RuleContext, notice: Notice, facts: Given) -> None:
    """Every fact the 代字 of the 文号 names is one the notice is given (R0703), and not
    one the number is made with (R0705)."""
    span = notice.number_span or notice.span
    for name in docnumber.code_names(notice.number):
        if name in _NOT_A_CODE:
            ctx.sink.add("R0705", f"the 文号 of {notice.name} makes its 代字 of {{{name}}}, "
                         "which is the notice's own number, date or recipient", span,
                         "the 代字 stands for the issuer: name a field that carries the "
                         "issuing agency's code, or write the 代字 out")
        elif facts.known and name not in facts.facts:
            ctx.sink.add("R0703", f"the 文号 of {notice.name} makes its 代字 of {{{name}}}, "
                         f"which is not a fact of {facts.describe()}"
                         + did_you_mean(name, list(facts.facts)), span,
                         "the facts it is given: " + (facts.listing() or "none"))


def _issuable(ctx: RuleContext, notice: Notice, unfilled: list[NoticeElement]) -> None:
    lacking = [what for what, present in (
        ("发文机关/issuer", notice.issuer is not None),
        ("主送/recipient", bool(notice.recipients)),
        ("文号/number", notice.number is not None)) if not present]
    if lacking:
        ctx.sink.add("R0707", f"{notice.name} is issued (签发) but has no "
                     + ", no ".join(lacking), notice.span,
                     "say who issues it, to whom, and how it is numbered: `发文机关 …`, "
                     "`主送 …`, `文号 \"…〔{年}〕{号}号\"`")
    for element in unfilled:
        if element.optional:
            continue
        ctx.sink.add("R0707", f"{notice.name} is issued (签发), but nothing fills its "
                     f"required element {element.name}", element.span,
                     f"bind it: `要素 {element.name} = \"…{{事实}}…\"` or `要素 {element.name} "
                     "= 事实`, or mark it 可选 where the notice may go without it")

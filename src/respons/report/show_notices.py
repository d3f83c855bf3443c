"""`respons show`'s notices (文书): what issues each one, its issuer, recipients and copies,
its document-number pattern and its elements with what fills each and its citation.

`NoticeView` is the section of the text form (a base of ``respons.report.show.TextView``,
which draws a section by the method named after its collection); `open_notices` adds to
the JSON form, beside each notice's own 签发 statements (``issued_on``), ``outcomes``:
everything that issues it, the consequences that call for it included
(``respons.model.outcomes.outcomes_of``).
"""

from __future__ import annotations

from collections.abc import Callable

from respons.model.notice import NoticeElement, Party
from respons.model.outcomes import BY_NAME, outcomes_of
from respons.model.regime import Regime
from respons.syntax.keywords import chinese
from respons.syntax.present import condition_text


def party_text(party: Party) -> str:
    """A party as the regime writes it: a fact or an agency by name, a literal in quotes."""
    return f"“{party.name}”" if party.literal else party.name


def element_text(element: NoticeElement) -> str:
    """``要素 NAME [可选] [= "template" | = fact]`` as the regime writes it."""
    text = f"要素 {element.name}" + (" 可选" if element.optional else "")
    if element.template is not None:
        text += f" = “{element.template}”"
    elif element.fact is not None:
        text += f" = {element.fact}"
    return text


class NoticeView:
    """The 文书 section of `respons show`'s text form."""

    regime: Regime
    out: list[str]
    cite: Callable

    def notices(self) -> None:
        for notice in self.regime.notices:
            title = f" 《{notice.title}》" if notice.title else ""
            self.out.append(f"  {notice.name}{title}{self.cite(notice.citation)}")
            own = {_key(o) for o in notice.issued_on}
            for outcome in outcomes_of(notice, self.regime):
                years = f" 连续 {outcome.consecutive} 年" if outcome.consecutive else ""
                where = f" 限于 {condition_text(outcome.where)}" \
                    if outcome.where is not None else ""
                implied = "" if _key(outcome) in own else " (由考核后果)"
                self.out.append(f"    签发 {chinese(BY_NAME[outcome.kind].terminal)} "
                                f"{outcome.target.text}{years}{where}{implied}"
                                f"{self.cite(outcome.citation, notice.citation)}")
            parties = [f"发文机关 {party_text(notice.issuer)}" if notice.issuer else None,
                       "主送 " + "、".join(map(party_text, notice.recipients))
                       if notice.recipients else None,
                       "抄送 " + "、".join(map(party_text, notice.copy_to))
                       if notice.copy_to else None]
            if any(parties):
                self.out.append("    " + " · ".join(p for p in parties if p))
            if notice.number is not None:
                self.out.append(f"    文号 {notice.number}")
            for element in notice.elements:
                self.out.append(f"    {element_text(element)}"
                                f"{self.cite(element.citation, notice.citation)}")
            if notice.formats:
                self.out.append("    格式 " + "、".join(notice.formats))


def _key(outcome) -> tuple:
    return outcome.kind, outcome.target.parts, outcome.consecutive, outcome.where


def open_notices(regime: Regime, data: dict, convert: Callable) -> None:
    """Beside each notice's ``issued_on``, ``outcomes``: everything that issues it."""
    for notice, entry in zip(regime.notices, data["notices"], strict=True):
        entry["outcomes"] = [convert(o) for o in outcomes_of(notice, regime)]

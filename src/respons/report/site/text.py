"""The regime's rules in words for the site: citations, periods, conditions, fixed words.

In Chinese these are the words `respons show` uses (``respons.syntax.present``); in
English a citation reads `[art. 40 para 1 item 3]` and a vocabulary word is its canonical
English value. Plain text, but for `Speaker.cited`: the pages escape it
(``respons.report.site.markup``).
"""

from __future__ import annotations

import attrs

from respons.model.base import Citation, Ref
from respons.model.condition import AllOf, AnyOf, Compare, Not
from respons.model.vocab import Vocabulary
from respons.report.site.markup import cited
from respons.report.site.words import SiteWords
from respons.syntax.citation import format_citation
from respons.syntax.present import literal_text


def number(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Speaker:
    """How one site speaks: its words, the titles of the regimes cited, its language."""

    def __init__(self, words: SiteWords, titles: dict[str, str], own: str | None = None) -> None:
        self.words = words
        self.titles = titles
        self.own = own
        self.zh = words.language == "zh"

    def word(self, vocabulary: Vocabulary, canonical: str | None) -> str:
        if canonical is None:
            return ""
        return vocabulary.chinese(canonical) if self.zh else canonical.replace("-", " ")

    def join(self, texts) -> str:
        return self.words("list.sep").join(texts)

    def cite(self, citation: Citation | None, outer: Citation | None = None) -> str:
        """The article, completed from the block it sits in; "" when there is none. An
        article of the site's own regime is cited without its title (第四十六条, or a part's
        name and the article: 投诉举报制度 第六条); one of a regime it builds on, with it."""
        if citation is None:
            citation = outer
        elif outer is not None:
            citation = citation.within(outer)
        if citation is None:
            return ""
        title = self.titles.get(citation.regime or "")
        if citation.regime is not None and citation.regime == self.own:
            title = None
            citation = attrs.evolve(citation, regime=None)
        elif citation.source and citation.source in self.titles:
            title = self.titles[citation.source]
            citation = attrs.evolve(citation, source=None)
        if self.zh:
            return format_citation(citation, title)
        return _english_citation(citation, title)

    def bracket(self, text: str) -> str:
        """An article in the brackets of the site's language: 〔第二条〕, [art. 2]."""
        if not text:
            return ""
        return f"〔{text}〕" if self.zh else f"[{text}]"

    def cited(self, citation: Citation | None, outer: Citation | None = None) -> str:
        """The article after an item, as markup (`cite` in its brackets), or nothing."""
        return cited(self.bracket(self.cite(citation, outer)))

    def limit(self, duty) -> str:
        """A duty's time limit: its period, or until the date a field of its record gives."""
        if duty.period is None and duty.due_field is not None:
            return f"至{duty.due_field}" if self.zh else f"until its {duty.due_field}"
        return self.period(duty.period)

    def period(self, period) -> str:
        if period is None:
            return ""
        count = number(period.amount)
        if self.zh:
            unit = {"days": "日", "workdays": "个工作日", "months": "个月", "years": "年"}
            return f"{count} {unit.get(period.unit, period.unit)}"
        unit = {"days": "day", "workdays": "working day", "months": "month", "years": "year"}
        word = unit.get(period.unit, period.unit)
        return f"{count} {word}{'' if count == '1' else 's'}"

    def condition(self, condition) -> str:
        if condition is None:
            return ""
        if isinstance(condition, Ref):
            return condition.text
        if isinstance(condition, Compare):
            return f"{condition.left.text} {condition.op} {literal_text(condition.right)}"
        if isinstance(condition, Not):
            return self.words("not") + self._grouped(condition.operand)
        joiner = self.words("and" if isinstance(condition, AllOf) else "or")
        return joiner.join(self._grouped(operand) for operand in condition.operands)

    def _grouped(self, condition) -> str:
        text = self.condition(condition)
        return f"({text})" if isinstance(condition, (AllOf, AnyOf)) else text

    def options(self, options) -> str:
        """A ladder step's or a consequence's options: A 并 B 或 C."""
        return self.words("or").join(self.words("with").join(ref.text for ref in option)
                                     for option in options)

    def refs(self, refs, joiner: str = "or") -> str:
        return self.words(joiner).join(ref.text for ref in refs)


def _english_citation(citation: Citation, title: str | None) -> str:
    parts = []
    if title or citation.regime:
        parts.append(title or citation.regime)
    if citation.source:
        parts.append(citation.source)
    locator = []
    if citation.article is not None:
        locator.append(f"art. {citation.article}")
    if citation.paragraph is not None:
        locator.append(f"para {citation.paragraph}")
    if citation.item is not None:
        locator.append(f"item {citation.item}")
    if citation.subitem is not None:
        locator.append(f"sub-item {citation.subitem}")
    if citation.section:
        locator.append(citation.section)
    if locator:
        parts.append(" ".join(locator))
    return ", ".join(parts)

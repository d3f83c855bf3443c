"""The pieces every model element shares: source spans, references and citations.

`Span` says where something was written; `Ref` is a (possibly dotted) name used to point
at another element; `Citation` is the article of law a rule comes from. None of them
knows how it was spelled: 第四十条 and art. 40 are the same citation.
"""

from __future__ import annotations

import attrs


@attrs.frozen(slots=True)
class Span:
    """A place in a regime file; lines and columns start at 1, end is exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def span_field():
    """An attrs field for a source span: optional and never part of equality or hashing."""
    return attrs.field(default=None, eq=False, hash=False, repr=False, kw_only=True)


@attrs.frozen(slots=True)
class Ref:
    """A reference by name: `投诉举报.收到` is ``Ref(("投诉举报", "收到"))``."""

    parts: tuple[str, ...]
    span: Span | None = span_field()

    @property
    def text(self) -> str:
        return ".".join(self.parts)

    @property
    def head(self) -> str:
        return self.parts[0]

    def __str__(self) -> str:
        return self.text


@attrs.frozen(slots=True)
class Citation:
    """The article a rule comes from (依据): regime, 第N条, 第M款, 第(K)项, 第L目.

    ``regime`` is the id of the regime that is cited (the file's own unless the citation
    names another); ``source`` is a named part of a multi-document regime or an outside
    law such as 《中华人民共和国民法典》. Work plans without articles cite a ``section``
    such as 任务21 or 三（二）. ``text`` is how it was written and is not compared.
    """

    regime: str | None = None
    source: str | None = None
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    section: str | None = None
    text: str = attrs.field(default="", eq=False, hash=False)
    span: Span | None = span_field()

    @property
    def is_relative(self) -> bool:
        """A citation such as 第（四）项 that only makes sense under its block's article."""
        return self.source is None and self.article is None and self.section is None

    def within(self, outer: Citation | None) -> Citation:
        """Complete a relative citation from the citation of the block it sits in.

        The components above the highest one written are taken from ``outer``: 第（四）项
        inside a ladder citing 第四十条 becomes 第四十条第（四）项.
        """
        if outer is None:
            return self
        if not self.is_relative:
            # 〔第八条〕 under 〔实施细则 第七条〕 is 实施细则 第八条: in a multi-document regime
            # an article cited without its document belongs to the block's document.
            if self.source is None and outer.source is not None and self.regime == outer.regime:
                return attrs.evolve(self, source=outer.source)
            return self
        paragraph = self.paragraph if self.paragraph is not None else (
            outer.paragraph if self.item is not None or self.subitem is not None else None)
        item = self.item if self.item is not None else (
            outer.item if self.subitem is not None else None)
        return attrs.evolve(
            self, regime=outer.regime, source=outer.source, article=outer.article,
            section=outer.section, paragraph=paragraph, item=item)

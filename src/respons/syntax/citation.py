"""Reading citations: 〔第四十条第（一）项〕, 〔人员管理办法 第十八条〕, [art. 40(1)], 〔任务21〕.

A citation is written in 〔〕 (or [] with English words). It may start with a source —
a part of a multi-document regime, another regime's id, or 《an outside law》 — followed
by a locator: 第N条 第M款 第（K）项 第L目 in Chinese or Arabic numerals, or the English
`art. N(M)(K)` / `article N para M item K`. Work plans without articles are cited by
section: 任务21, 七, 三（二）. A locator that starts with 第 must read as articles.
"""

from __future__ import annotations

import re

from respons.model.base import Citation, Span
from respons.syntax.numerals import parse_number

_N = r"[0-9０-９零〇一二两三四五六七八九十百千]+"
_ZH = re.compile(
    rf"^(?:第(?P<art>{_N})条)?(?:第(?P<para>{_N})款)?"
    rf"(?:第?[（(](?P<item>{_N})[)）]项?|第(?P<item2>{_N})项)?(?:第(?P<sub>{_N})目)?$")
_EN = re.compile(
    r"^(?:(?:art(?:icle)?\.?|§)\s*(?P<art>\d+))?"
    r"(?:\s*\((?P<p1>\d+)\))?(?:\s*\((?P<i1>\d+)\))?"
    r"(?:[,\s]*para(?:graph)?\.?\s*(?P<p2>\d+))?(?:[,\s]*item\s*(?P<i2>\d+))?$",
    re.IGNORECASE)
_TASK = re.compile(r"^(?:task|任务)\s*(?P<n>\d+)$", re.IGNORECASE)
_LOCATOR_START = re.compile(r"^(?:第|art|article|§|para|item|task|任务|[（(])", re.IGNORECASE)


class CitationError(ValueError):
    """The text inside the brackets cannot be read as a citation."""


def parse_citation(raw: str, regime: str | None, span: Span | None = None) -> Citation:
    """Read a citation token (brackets included); raise `CitationError` with the reason."""
    inner = raw[1:-1].strip()
    if not inner:
        raise CitationError("the citation is empty")
    source, rest = _split_source(inner)
    kwargs = _read_locator(rest) if rest else {}
    if source is None and not kwargs:
        raise CitationError(f"cannot read {inner!r} as an article or section")
    if source is not None and source.startswith("《"):
        regime = None  # an outside law, not a regime respons knows
    return Citation(regime=regime, source=source, text=raw, span=span, **kwargs)


def _split_source(inner: str) -> tuple[str | None, str]:
    if inner.startswith("《"):
        end = inner.find("》")
        if end < 0:
            raise CitationError("《 is not closed by 》")
        return inner[: end + 1], inner[end + 1:].strip()
    head, _, tail = inner.partition(" ")
    if not tail:
        head, _, tail = inner.partition("\u3000")
    if tail and not _LOCATOR_START.match(head):
        return head, tail.strip()
    return None, inner


def _read_locator(text: str) -> dict:
    compact = re.sub(r"[\s\u3000]+", "", text)
    match = _ZH.match(compact)
    if match and any(match.groupdict().values()):
        return _numbers(art=match["art"], paragraph=match["para"],
                        item=match["item"] or match["item2"], subitem=match["sub"])
    match = _EN.match(text.strip())
    if match and any(match.groupdict().values()):
        return _numbers(art=match["art"], paragraph=match["p1"] or match["p2"],
                        item=match["i1"] or match["i2"], subitem=None)
    match = _TASK.match(text.strip())
    if match:
        if len(match["n"].lstrip("0")) > 4:  # and int() refuses more than 4,300 digits
            raise CitationError(f"cannot read {_short(text)}: a task number has at most "
                                "4 digits")
        return {"section": f"任务{int(match['n'])}"}
    if compact.startswith("第") and re.search("[条款项目]", compact):
        raise CitationError(
            f"cannot read {text!r}: write 第N条, then 第N款, 第（N）项, 第N目 in that order")
    if re.match(r"^(?:art|article|§|para|item)\b", text.strip(), re.IGNORECASE):
        raise CitationError(f"cannot read {text!r}: write art. N(M)(K) or article N para M item K")
    return {"section": compact}


def _numbers(art, paragraph, item, subitem) -> dict:
    values = {"article": art, "paragraph": paragraph, "item": item, "subitem": subitem}
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        number = parse_number(value)
        if number is None or number == 0:
            raise CitationError(f"{value!r} is not a number from 1 to 9999 written as statutes "
                                "write them (四十六 or 46)")
        out[key] = number
    return out


def format_citation(citation: Citation, title: str | None = None) -> str:
    """The citation in the statute's own style: 吉林市…规定 第三十一条第一款第（三）项."""
    from respons.syntax.numerals import to_chinese

    parts = []
    if title or citation.regime:
        parts.append(title or citation.regime)
    if citation.source:
        parts.append(citation.source)
    locator = ""
    if citation.article is not None:
        locator += f"第{to_chinese(citation.article)}条"
    if citation.paragraph is not None:
        locator += f"第{to_chinese(citation.paragraph)}款"
    if citation.item is not None:
        locator += f"第（{to_chinese(citation.item)}）项"
    if citation.subitem is not None:
        locator += f"第{to_chinese(citation.subitem)}目"
    if citation.section:
        locator += citation.section
    if locator:
        parts.append(locator)
    return " ".join(parts)


def _short(text: str) -> str:
    return repr(text) if len(text) <= 24 else repr(f"{text[:10]}…{text[-10:]}")

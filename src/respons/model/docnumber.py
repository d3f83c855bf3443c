"""Document numbers (发文字号): the pattern a notice is numbered by, and filling it.

A regime writes the pattern as a template (``respons.model.template``) with two
placeholders, the year and the sequence number: ``文号 "吉司整〔{年}〕{号}号"``. GB/T
9704-2012 7.2.5 says how a 发文字号 is made: 发文机关代字, 年份, 发文顺序号; the year in
Arabic numerals, in full, in 六角括号 〔〕; the sequence number without 第 and without
leading zeros (1, not 01), followed by 号. `problems` says what a pattern breaks of that
(`respons check`, R0705); `fill` makes a number — which number comes next, per issuer and
year, is the store's (numbers are kept append-only so that none is issued twice).
"""

from __future__ import annotations

from respons.model.template import Placeholder, TemplateError, parse

#: The spellings of the year's and the sequence number's placeholders.
YEAR = ("年", "year")
SEQUENCE = ("号", "seq")
#: Brackets that are not 〔〕 but are written in their place.
_WRONG_BRACKETS = "[]［］()（）【】〈〉<>{}"


def problems(pattern: str) -> list[str]:
    """What is wrong with ``pattern`` as a 发文字号 pattern, each as a sentence; [] if
    nothing. A pattern is a template whose placeholders are the year and the sequence
    number, each once, after GB/T 9704-2012 7.2.5."""
    try:
        template = parse(pattern)
    except TemplateError as error:
        return [error.message]
    found: list[str] = []
    placeholders = [p for p in template.pieces if isinstance(p, Placeholder)]
    for placeholder in placeholders:
        if placeholder.name not in YEAR + SEQUENCE:
            found.append(f"{{{placeholder.name}}} is neither the year ({{年}}) nor the "
                         "sequence number ({号})")
    years = [p for p in placeholders if p.name in YEAR]
    sequences = [p for p in placeholders if p.name in SEQUENCE]
    for what, spelling, given in (("year", "年", years), ("sequence number", "号", sequences)):
        if not given:
            found.append(f"it has no {{{spelling}}}: a 发文字号 carries the {what}")
        elif len(given) > 1:
            found.append(f"it has {{{spelling}}} {len(given)} times: a 发文字号 carries one "
                         f"{what}")
    if years:
        found += _year(pattern, years[0])
    if sequences:
        found += _sequence(pattern, sequences[0])
    return found


def _year(pattern: str, year: Placeholder) -> list[str]:
    end = year.start + len(year.name) + 2
    before, after = pattern[year.start - 1:year.start], pattern[end:end + 1]
    if before == "〔" and after == "〕":
        code = pattern[:year.start - 1].strip()
        return [] if code else ["the 发文机关代字 comes before the year, e.g. 吉司整〔{年}〕"]
    if (before and before in _WRONG_BRACKETS) or (after and after in _WRONG_BRACKETS):
        return [f"the year is put in 六角括号 〔〕, not in {before}{after} "
                "(GB/T 9704-2012 7.2.5)"]
    return ["the year is put in 六角括号: 〔{年}〕 (GB/T 9704-2012 7.2.5)"]


def _sequence(pattern: str, sequence: Placeholder) -> list[str]:
    found = []
    before = pattern[:sequence.start].rstrip()
    if before.endswith("第"):
        found.append("no 第 before the sequence number (GB/T 9704-2012 7.2.5): "
                     "吉司整〔2025〕3号, not 第3号")
    if before[-1:].isdigit():
        found.append("the sequence number has no leading digits (GB/T 9704-2012 7.2.5: 1, "
                     "not 01)")
    end = sequence.start + len(sequence.name) + 2
    if not pattern[end:].startswith("号"):
        found.append("号 follows the sequence number (GB/T 9704-2012 7.2.5): {号}号")
    return found


def fill(pattern: str, year: int, sequence: int) -> str:
    """The document number ``pattern`` gives for ``year`` and ``sequence`` (the n-th
    notice of its issuer that year, from 1): ``fill("吉司整〔{年}〕{号}号", 2025, 3)`` is
    吉司整〔2025〕3号. A `ValueError` for a pattern with problems, a year that is not four
    digits or a sequence number below 1."""
    issues = problems(pattern)
    if issues:
        raise ValueError(f"{pattern!r} is not a 发文字号 pattern: {issues[0]}")
    if type(year) is not int or not 1000 <= year <= 9999:
        raise ValueError(f"the year of a 发文字号 is four digits, not {year!r}")
    if type(sequence) is not int or sequence < 1:
        raise ValueError(f"a sequence number counts from 1, not {sequence!r}")
    facts = {name: str(year) for name in YEAR} | {name: str(sequence) for name in SEQUENCE}
    return parse(pattern).fill(facts)

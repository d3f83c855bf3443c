"""Document numbers (发文字号): the pattern a notice is numbered by, and filling it.

A regime writes the pattern as a template (``respons.model.template``) with two
placeholders, the year and the sequence number: ``文号 "吉司整〔{年}〕{号}号"``. GB/T
9704-2012 7.2.5 says how a 发文字号 is made: 发文机关代字, 年份, 发文顺序号; the year in
Arabic numerals, in full, in 六角括号 〔〕; the sequence number without 第 and without
leading zeros (1, not 01), followed by 号. `problems` says what a pattern breaks of that
(`respons check`, R0705); `fill` makes a number — which number comes next, per issuer and
year, is the store's (numbers are kept append-only so that none is issued twice).

The 代字 stands for the issuer. Where one agency of the regime stands for many (tongzhou's
行政执法部门 is every department of the district), the regime cannot write each one's 代字:
the 代字 may then hold placeholders naming facts of the outcome — a field of the record
that carries the issuing department's own code, ``"{追究机关代字}执追〔{年}〕{号}号"`` —
filled for each notice before it is numbered (`with_code`), so that each department's
notices run in a series of their own. Only the 代字 may: the year and the sequence number
are the register's.
"""

from __future__ import annotations

from collections.abc import Mapping

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
    years = [p for p in placeholders if p.name in YEAR]
    for placeholder in placeholders:
        in_code = bool(years) and placeholder.start < years[0].start
        if placeholder.name not in YEAR + SEQUENCE and not in_code:
            found.append(f"{{{placeholder.name}}} is neither the year ({{年}}) nor the "
                         "sequence number ({号}); only the 代字, before 〔{年}〕, may name "
                         "a fact")
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


def code_names(pattern: str) -> tuple[str, ...]:
    """The facts the 代字 of ``pattern`` names (its placeholders before 〔{年}〕), each
    once, in order; () for a pattern that writes its 代字 out, or cannot be read."""
    try:
        template = parse(pattern)
    except TemplateError:
        return ()
    return tuple(dict.fromkeys(p.name for p in template.pieces if isinstance(p, Placeholder)
                               and p.name not in YEAR + SEQUENCE))


#: What a 代字 filled from a fact may not hold: the brackets and braces that delimit the
#: parts of a number (a value is text, never read as a pattern).
_NOT_IN_CODE = set("〔〕{}[]［］()（）") | {chr(c) for c in range(32)}


def with_code(pattern: str, facts: Mapping[str, str]) -> str:
    """``pattern`` with the facts its 代字 names filled in, ready for `fill`: for
    ``"{追究机关代字}执追〔{年}〕{号}号"`` and 追究机关代字 = 通甲, ``"通甲执追〔{年}〕{号}号"``.
    A `ValueError` naming the fact where one is missing or blank, or holds a bracket, a
    brace or a control character (it would not read as one 代字)."""
    names = code_names(pattern)
    if not names:
        return pattern
    values = {"年": "{年}", "year": "{year}", "号": "{号}", "seq": "{seq}"}
    for name in names:
        value = (facts.get(name) or "").strip()
        if not value:
            raise ValueError(f"nothing fills {{{name}}}, which the 代字 of the document "
                             "number names")
        bad = sorted(set(value) & _NOT_IN_CODE)
        if bad:
            raise ValueError(f"{{{name}}} is {value!r}, which holds {bad[0]!r}: a 代字 "
                             "holds no bracket, brace or control character")
        values[name] = value
    return parse(pattern).fill(values)


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

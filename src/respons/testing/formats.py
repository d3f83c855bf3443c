"""`FormatConformance`: what every notice-format plugin must do, as pytest tests.

A format is called as ``render(issued) -> bytes`` with an `IssuedNotice` (a notice (文书)
of the regime with its elements filled in); the suite holds it to that contract: bytes, the
same bytes every time, every element of the notice in them — named, in the notice's order,
each with the article that requires it —, the notice's basis, 成文日期 in Arabic numerals
(2025年3月1日, GB/T 9704-2012 7.3.5.4) and the number with its 〔〕 (7.2.5), a notice lacking
a required element (要素) refused with a `ValueError` naming it while an optional one (可选)
may be absent, the notice left as it was, a value that looks like a placeholder printed
rather than read, and any text — markup characters, control characters — rendered rather
than a crash.

Subclass it and provide the fixture ``notice_format`` (your `NoticeFormat`). For a
``text/*`` media type the suite reads the output as UTF-8; for another (docx, pdf),
override ``text_of(data, media_type) -> str`` to extract the text, or the content test is
skipped::

    class TestDocx(FormatConformance):
        @pytest.fixture
        def notice_format(self):
            return NoticeFormat(name="docx", media_type=DOCX, extension=".docx",
                                render=render_docx, description="…")

        def text_of(self, data: bytes, media_type: str) -> str:
            return extract_docx_text(data)
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import attrs
import pytest

from respons.model import docnumber, template
from respons.model.notice import IssuedElement, IssuedNotice, Notice, NoticeElement
from respons.registry import PLUGIN_API_VERSION, NoticeFormat
from respons.syntax.citation import format_citation

_MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9.+-]*(\s*;.*)?$")
_EXTENSION = re.compile(r"^\.[a-z0-9]+$")

NOTICE = Notice(name="整改通知书", title="行政执法责任制评议考核整改通知书",
                elements=("被考核单位", "评议考核结果", "整改要求",
                          NoticeElement("备注", optional=True)))


VALUES = {"被考核单位": "吉林市市场监督管理局", "评议考核结果": "不及格",
          "整改要求": "三十日内报送整改报告"}

#: The article behind each element, written out: each its own, so that a format that
#: prints one citation for all is caught.
CITATIONS = {"被考核单位": "吉林市行政执法责任制规定 第二十八条第一款",
             "评议考核结果": "吉林市行政执法责任制规定 第三十一条第一款",
             "整改要求": "吉林市行政执法责任制规定 第三十二条第（三）项",
             "备注": ""}


def _elements(values: dict[str, str]) -> tuple[IssuedElement, ...]:
    return tuple(IssuedElement(name, text, CITATIONS.get(name, ""))
                 for name, text in values.items())


def sample(values: dict[str, str] | None = None, **changes) -> IssuedNotice:
    """A notice as issued (jilin-city 第三十二条第（三）项), with ``changes``."""
    fields = {"notice": NOTICE, "number": "吉司整〔2025〕3号", "date": dt.date(2025, 3, 1),
              "issuer": "吉林市司法局", "recipient": "吉林市市场监督管理局",
              "elements": _elements(VALUES),
              "citation": "吉林市行政执法责任制规定 第三十二条第（三）项",
              "copy_to": ("吉林市人民政府办公室",)}
    if values is not None:
        fields["elements"] = _elements(values)
    fields.update(changes)
    return IssuedNotice(**fields)


def example_fact(name: str) -> str:
    """The sample value of a fact a notice is filled from: its name, marked 示例."""
    return f"{name}（示例）"


def issue_example(regime, notice, titles: dict, facts: dict[str, str] | None = None,
                  sequence: int = 1, date: dt.date = dt.date(2025, 3, 1)) -> IssuedNotice:
    """``notice`` of ``regime`` issued as if an outcome called for it: every fact it is
    filled from taken from ``facts``, or an `example_fact` where none is given; number
    ``sequence`` of 2025 (a 代字 made of facts gets the code 示); each element with its
    article written out by ``titles``. What the format tests render and read back, the
    pictures in docs/notices/ are drawn from, and bench/notices.py times."""
    facts = facts or {}

    def fact(name: str) -> str:
        return facts.get(name, example_fact(name))

    elements = []
    for element in notice.elements:
        if element.template is not None:
            names = template.parse(element.template).names
            text = template.fill(element.template, {n: fact(n) for n in names})
        else:
            text = fact(element.fact or element.name)
        cited = notice.cited(element)
        elements.append(IssuedElement(element.name, text, format_citation(
            cited, titles.get(cited.regime)) if cited else ""))

    def party(p) -> str:
        return p.name if p.literal else fact(p.name)

    issuer = party(notice.issuer) if notice.issuer else (regime.issuer or "发文机关（示例）")
    recipient = "、".join(party(p) for p in notice.recipients) or "主送机关（示例）"
    # a 代字 made of facts (tongzhou's {追究机关代字}) gets a sample code, without the
    # brackets a sample fact has (a 代字 holds none)
    number = docnumber.fill(docnumber.with_code(notice.number, {
        n: "示" for n in docnumber.code_names(notice.number)}), date.year, sequence) \
        if notice.number else f"示〔{date.year}〕{sequence}号"
    basis = (format_citation(notice.citation, titles.get(notice.citation.regime))
             if notice.citation else "")
    return IssuedNotice(notice, number, date, issuer, recipient, elements, basis,
                        tuple(party(p) for p in notice.copy_to))


class FormatConformance:
    """Subclass it and provide the fixture ``notice_format``."""

    def text_of(self, data: bytes, media_type: str) -> str | None:
        """The text a rendered notice shows; None where the suite cannot read it."""
        if media_type.startswith("text/"):
            return data.decode("utf-8")
        return None

    # ── the descriptor ───────────────────────────────────────────────────────────
    def test_descriptor_is_well_formed(self, notice_format):
        assert isinstance(notice_format, NoticeFormat)
        assert notice_format.api_version == PLUGIN_API_VERSION
        assert _MEDIA_TYPE.match(notice_format.media_type), \
            f"{notice_format.media_type!r} is not a media type (type/subtype)"
        assert _EXTENSION.match(notice_format.extension), \
            f"{notice_format.extension!r} is not a file extension such as .md"
        assert notice_format.description.strip(), "say what the format is"

    # ── rendering ────────────────────────────────────────────────────────────────
    def test_render_gives_the_same_bytes_every_time(self, notice_format):
        data = notice_format.render(sample())
        assert isinstance(data, bytes) and data, f"render returned {type(data).__name__}"
        assert notice_format.render(sample()) == data

    def test_every_element_of_the_notice_is_in_it(self, notice_format):
        issued = sample()
        text = self.text_of(notice_format.render(issued), notice_format.media_type)
        if text is None:
            pytest.skip(f"{notice_format.media_type} is not text: override text_of")
        for what in (issued.title, issued.number, issued.issuer, issued.recipient,
                     *(e.text for e in issued.elements), *issued.copy_to,
                     str(issued.date.year)):
            assert what in text, f"{what!r} is not in the rendered notice"

    def _text(self, notice_format, issued: IssuedNotice) -> str:
        text = self.text_of(notice_format.render(issued), notice_format.media_type)
        if text is None:
            pytest.skip(f"{notice_format.media_type} is not text: override text_of")
        return text

    def test_each_element_has_its_name_and_its_article(self, notice_format):
        issued = sample()
        text = self._text(notice_format, issued)
        for element in issued.elements:
            assert element.name in text, f"the element {element.name!r} is not named"
            assert element.citation in text, \
                f"the article behind {element.name!r} ({element.citation}) is not in it"
        assert issued.citation in text, f"the notice's basis {issued.citation!r} is not in it"

    def test_the_elements_come_in_the_notice_s_order(self, notice_format):
        issued = sample()
        text = self._text(notice_format, issued)
        places = [text.find(e.text) for e in issued.elements]
        assert places == sorted(places), "the elements are not in the notice's order"

    def test_the_date_is_written_as_gb_t_9704_writes_it(self, notice_format):
        """成文日期 in Arabic numerals, the year in full, no leading zero (7.3.5.4); the
        number with its 〔〕 (7.2.5)."""
        issued = sample(date=dt.date(2025, 3, 1))
        text = self._text(notice_format, issued)
        assert "2025年3月1日" in text, "成文日期 is not written 2025年3月1日"
        assert "2025年03月" not in text and "二〇二五" not in text
        assert "吉司整〔2025〕3号" in text

    def test_an_optional_element_may_be_absent_or_blank(self, notice_format):
        for values in (VALUES, {**VALUES, "备注": "  "}):
            data = notice_format.render(sample(values=values))
            assert isinstance(data, bytes) and data
        text = self._text(notice_format, sample(values={**VALUES, "备注": "另附整改清单"}))
        assert "另附整改清单" in text, "an optional element given is left out"

    def test_a_value_is_printed_never_read(self, notice_format):
        """A value that looks like a placeholder or a format's own syntax is text."""
        values = {**VALUES, "整改要求": "{被考核单位}{{0}}${x}%s"}
        text = self._text(notice_format, sample(values=values))
        assert "吉林市市场监督管理局吉林市市场监督管理局" not in text
        assert "被考核单位}" in text and "${x}%s" in text

    def test_different_values_give_different_bytes(self, notice_format):
        values = {**VALUES, "评议考核结果": "及格"}
        assert notice_format.render(sample(values=values)) != notice_format.render(sample())

    def test_a_missing_required_element_is_refused_naming_it(self, notice_format):
        values = {key: value for key, value in VALUES.items() if key != "整改要求"}
        for lacking in (values, {**values, "整改要求": "  "}):
            with pytest.raises(ValueError, match="整改要求"):
                notice_format.render(sample(values=lacking))

    def test_render_leaves_the_notice_as_it_was(self, notice_format):
        issued = sample()
        before = copy.deepcopy(attrs.asdict(issued))
        notice_format.render(issued)
        assert attrs.asdict(issued) == before

    def test_any_text_is_rendered(self, notice_format):
        hostile = "*粗* _斜_ `码` # 标题 <b>&amp; | \\ [链接](x) \x1b[2J \u202e 末"
        values = dict.fromkeys(NOTICE.required, hostile)
        data = notice_format.render(sample(values=values, recipient=hostile, issuer=hostile))
        assert isinstance(data, bytes) and data

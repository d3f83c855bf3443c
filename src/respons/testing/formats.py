"""`FormatConformance`: what every notice-format plugin must do, as pytest tests.

A format is called as ``render(issued) -> bytes`` with an `IssuedNotice` (a notice (文书)
of the regime with its elements filled in); the suite holds it to that contract: bytes, the
same bytes every time, every element of the notice in them, a notice lacking a required
element (要素) refused with a `ValueError` naming it, the notice left as it was, and any
text — markup characters, control characters — rendered rather than a crash.

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

from respons.model.notice import IssuedElement, IssuedNotice, Notice
from respons.registry import PLUGIN_API_VERSION, NoticeFormat

_MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9.+-]*(\s*;.*)?$")
_EXTENSION = re.compile(r"^\.[a-z0-9]+$")

NOTICE = Notice(name="整改通知书", title="行政执法责任制评议考核整改通知书",
                elements=("被考核单位", "评议考核结果", "整改要求"))


VALUES = {"被考核单位": "吉林市市场监督管理局", "评议考核结果": "不及格",
          "整改要求": "三十日内报送整改报告"}


def _elements(values: dict[str, str]) -> tuple[IssuedElement, ...]:
    return tuple(IssuedElement(name, text, "吉林市行政执法责任制规定 第三十二条")
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
        values = dict.fromkeys(NOTICE.elements, hostile)
        data = notice_format.render(sample(values=values, recipient=hostile, issuer=hostile))
        assert isinstance(data, bytes) and data

"""GB/T 9704-2012 7.3.5.2 (不加盖印章的公文), computed once for every format
(`respons.registry.gbt9704`): 发文机关署名 右空二字 one line under the body, 成文日期 on the next
line with its first character two right of the 署名's, and a date that would then end less
than two characters from the edge set 右空二字 with the 署名 moved right as much — and the
`html` page placing each line as computed. The pdf and docx formats read their own output
back in their plugins' tests (test_pdf_format.py, test_docx_fonts.py)."""

from __future__ import annotations

import re

import pytest

from respons.model.notice import written_date
from respons.plugins import html
from respons.registry.gbt9704 import east_asian_width, signature
from respons.testing.formats import sample

DATE = "2025年3月1日"  # 6 half-width digits and 3 CJK characters: 6 characters wide


def test_widths_are_counted_in_characters_by_east_asian_width():
    assert east_asian_width(DATE) == 6
    assert east_asian_width("吉林市司法局") == 6
    assert east_asian_width("〔2025〕") == 4  # full-width brackets, half-width digits
    assert east_asian_width("甲\u200b\n") == 1  # a format or layout character takes none


@pytest.mark.parametrize(("issuer", "issuer_right", "date_right", "shifted"), [
    # A 署名 two characters longer than the date or more: it stands 右空二字, and the date
    # two characters right of its first character ends S - D characters from the edge.
    ("吉林市人民政府法制办公室", 2, 6, False),
    ("吉林市人民政府法制", 2, 3, False),
    ("杭州市司法局法制", 2, 2, False),  # S = D + 2: both rules agree
    # Shorter: the date would end less than two characters from the edge (at S = D, flush
    # with it), so it ends 右空二字 and the 署名 moves right: D - S + 4.
    ("吉林市司法局局", 2 + 1, 2, True),
    ("吉林市司法局", 4, 2, True),
    ("司法局", 7, 2, True),
])
def test_the_signature_follows_7_3_5_2(issuer, issuer_right, date_right, shifted):
    signed = signature(issuer, DATE)
    assert (signed.issuer_right, signed.date_right, signed.shifted) == (
        issuer_right, date_right, shifted)
    assert signed.issuer_left - signed.date_left == 2  # 首字右移二字
    assert min(signed.issuer_right, signed.date_right) == 2  # nothing closer than 右空二字


def test_a_measure_of_the_face_drawn_is_taken():
    # Noto Serif CJK's digits are 0.558 of a character wide, the 1 0.471: 6 digits 3.26.
    widths = {"1": 0.471, **dict.fromkeys("0235", 0.558)}

    def measure(text: str) -> float:
        return sum(widths.get(c, 1.0) for c in text)

    signed = signature("吉林市司法局", DATE, measure)
    assert signed.date_width == pytest.approx(6.261, abs=0.001)
    assert signed.date_right == 2 and signed.issuer_right == pytest.approx(4.261)
    assert signed.issuer_left - signed.date_left == pytest.approx(2)


@pytest.mark.parametrize(("issuer", "rights"), [("吉林市司法局", ("4", "2")),
                                                ("吉林市人民政府法制办公室", ("2", "6"))])
def test_the_html_page_places_each_line_as_computed(issuer, rights):
    page = html.render(sample(issuer=issuer)).decode()
    block = page[page.index('<div class="signature">'):]
    block = block[:block.index("</div>")]
    lines = re.findall(r'<p class="(\w+)" style="margin-right: calc\(([\d.]+) \* '
                       r'var\(--char\)\)">([^<]+)</p>', block)
    assert lines == [("issuer", rights[0], issuer),
                     ("date", rights[1], written_date(sample().date))]
    assert ".signature { margin: calc(225mm / 22) 0 0; --char: 1em;" in page  # 下空一行
    assert ".signature p { text-indent: 0; text-align: right; }" in page

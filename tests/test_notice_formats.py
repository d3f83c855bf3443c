"""The built-in notice formats read back: `html` through html.parser — a complete page laid
out after GB/T 9704-2012, every value escaped, nothing outside it — and a seed regime's
notice filled from its templates and rendered in `md` and `html` (the contract suite,
FormatConformance, runs on both in tests/test_contract_suites.py)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model import template
from respons.model.notice import IssuedElement, IssuedNotice
from respons.model.outcomes import outcomes_of
from respons.plugins import html, markdown
from respons.registry import Registry, plugin_manager
from respons.syntax.citation import format_citation
from respons.terminal import clean
from respons.testing.formats import sample


class Page(HTMLParser):
    """A page read back: its elements in order (tag, attributes, text), and every text."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, str]] = []  # (enclosing tag, text)
        self.stack: list[str] = []
        self.decls: list[str] = []
        self.feed(data.decode("utf-8"))
        self.close()

    def handle_decl(self, decl):
        self.decls.append(decl)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "hr", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.texts.append((self.stack[-1] if self.stack else "", data))

    @property
    def text(self) -> str:
        return "\n".join(text for tag, text in self.texts if tag not in {"style", "title"})

    def style(self) -> str:
        return "".join(text for tag, text in self.texts if tag == "style")


def test_html_is_a_complete_page_with_nothing_outside_it():
    data = html.render(sample())
    page = Page(data)
    assert page.decls == ["DOCTYPE html"] and not page.stack
    assert ("html", {"lang": "zh-CN"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    assert not any(key in attrs for _, attrs in page.tags for key in ("src", "href"))
    assert not re.search(r"url\(|@import|https?:", page.style())
    assert data == html.render(sample())  # deterministic


def test_html_is_laid_out_after_gb_t_9704():
    style = Page(html.render(sample())).style()
    # A4, 天头 37 mm, 订口 28 mm: 版心 (210 - 28 - 26) × (297 - 37 - 35) = 156 × 225 mm
    assert "size: A4; margin: 37mm 26mm 35mm 28mm" in style
    assert "calc(225mm / 22)" in style  # 22 lines to the page
    assert re.search(r"h1 \{[^}]*font: 22pt", style)  # 2号 title
    assert re.search(r"body \{[^}]*font: 16pt", style)  # 3号 body
    assert 'counter(page) " —"' in style  # — 1 —
    for face in ("Noto Serif CJK SC", "FandolFang", "AR PL UMing CN", "仿宋", "小标宋"):
        assert face in style, face
    assert re.search(r"font: 16pt/\S+ [^;]*serif;", style)  # a generic family last


def test_html_puts_the_parts_in_the_standard_s_order():
    issued = sample()
    page = Page(html.render(issued))
    texts = [text for tag, text in page.texts if tag not in {"style", "title"}]
    order = [issued.issuer, issued.number, issued.title, issued.recipient + "：",
             "一、被考核单位", issued.elements[0].text,
             "（依据：吉林市行政执法责任制规定 第二十八条第一款）",
             "二、评议考核结果", "三、整改要求", "依据：" + issued.citation, issued.issuer,
             "2025年3月1日", "抄送：吉林市人民政府办公室。"]
    place = -1
    for what in order:  # each part after the one before it
        place = texts.index(what, place + 1)
    assert ("hr", {"class": "rule"}) in page.tags  # the red rule under the number


def test_every_value_is_escaped_and_its_controls_made_visible():
    hostile = '<script>alert(1)</script> " \' & <b>粗</b> \x1b[2J \u202e末'
    values = {"被考核单位": hostile, "评议考核结果": "不及格", "整改要求": "x"}
    issued = sample(values=values, recipient=hostile, issuer=hostile,
                    copy_to=(hostile,), number='吉"〔2025〕3号')
    data = html.render(issued)
    page = Page(data)
    assert "script" not in [tag for tag, _ in page.tags]
    assert "b" not in [tag for tag, _ in page.tags]
    assert clean(hostile) in page.text  # the text as written, controls visible
    assert "\x1b" not in data.decode() and "\u202e" not in data.decode()
    assert "&quot;" in data.decode() and "&#x27;" in data.decode()


def test_markdown_makes_controls_visible_as_the_other_formats_do():
    """A terminal control sequence in a record's value (ESC ] 0;title BEL) is written into
    the .md file visibly, `\\x1b`, as html, docx and pdf write it — not raw, for `cat` to obey."""
    hostile = "第三十七条\x1b]0;pwned\x07 \u202e末"
    values = {"被考核单位": hostile, "评议考核结果": "不及格", "整改要求": "x"}
    text = markdown.render(sample(values=values, recipient=hostile)).decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "第三十七条\\\\x1b\\]0;pwned\\\\x07 \\\\u202e末" in text


def test_a_value_of_several_lines_is_several_paragraphs():
    values = {"被考核单位": "甲", "评议考核结果": "不及格", "整改要求": "一、整改甲\n二、整改乙"}
    page = Page(html.render(sample(values=values)))
    assert ("p", "一、整改甲") in page.texts and ("p", "二、整改乙") in page.texts


def test_html_refuses_a_notice_that_lacks_a_required_element():
    with pytest.raises(ValueError, match="整改要求"):
        html.render(sample(values={"被考核单位": "甲", "评议考核结果": "不及格"}))


# ── a seed regime's notice, filled from its templates and rendered ───────────────────
@pytest.fixture(scope="module")
def jilin():
    report = check_paths([JURISDICTIONS / "jilin-city.resp"], Registry(plugin_manager()))
    assert report.valid
    return report.resolved[0].regime, report.titles


def issue(notice, facts: dict[str, str], titles: dict[str, str]) -> IssuedNotice:
    """What whatever issues notices does with them: fill each element from the facts."""
    elements = []
    for element in notice.elements:
        if element.template is not None:
            text = template.fill(element.template, facts)
        else:
            text = facts.get(element.fact or element.name, "")
        cited = notice.cited(element)
        elements.append(IssuedElement(element.name, text, format_citation(
            cited, titles.get(cited.regime)) if cited else ""))
    return IssuedNotice(notice, "吉政整〔2025〕3号", dt.date(2025, 3, 1), facts["考核机关"],
                        facts["被考核对象"], elements,
                        format_citation(notice.citation, titles.get(notice.citation.regime)),
                        tuple(party.name for party in notice.copy_to))


def test_jilin_32_s_rectification_notice_renders_with_every_citation(jilin):
    regime, titles = jilin
    notice = next(n for n in regime.notices if n.name == "整改通知书")
    assert outcomes_of(notice, regime)[0].kind == "consequence"
    facts = {"考核机关": "吉林市人民政府", "被考核对象": "吉林市某局", "考核年度": "2025",
             "得分": "65", "考核等级": "不及格"}
    issued = issue(notice, facts, titles)
    assert issued.text("评议考核结果") == \
        "2025年度行政执法责任制评议考核得分65分，评议考核结果为不及格。"
    for render in (html.render, markdown.render):
        data = render(issued)
        text = Page(data).text if render is html.render else data.decode()
        for element in issued.elements:
            assert element.citation in text.replace("\\", ""), element.name
        assert "吉林市行政执法责任制规定 第三十一条第一款" in text
        assert "吉林市行政执法责任制规定 第三十二条第（三）项" in text
        assert "2025年3月1日" in text and "吉政整〔2025〕3号" in text

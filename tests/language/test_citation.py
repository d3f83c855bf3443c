"""Citations in Chinese and English, relative citations, numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respons.model.base import Citation
from respons.syntax.citation import CitationError, format_citation, parse_citation
from respons.syntax.numerals import parse_number, to_chinese


@pytest.mark.parametrize(("text", "expected"), [
    ("〔第四十条〕", dict(article=40)),
    ("〔第四十条第（一）项〕", dict(article=40, item=1)),
    ("〔第四十八条第一款〕", dict(article=48, paragraph=1)),
    ("〔第31条第1款第(3)项第2目〕", dict(article=31, paragraph=1, item=3, subitem=2)),
    ("〔第（四）项〕", dict(item=4)),
    ("[art. 40(1)(3)]", dict(article=40, paragraph=1, item=3)),
    ("[article 46 para 1 item 3]", dict(article=46, paragraph=1, item=3)),
    ("[§ 12]", dict(article=12)),
    ("〔任务21〕", dict(section="任务21")),
    ("[task 21]", dict(section="任务21")),
    ("〔三（二）〕", dict(section="三（二）")),
    ("〔人员管理办法 第十八条〕", dict(source="人员管理办法", article=18)),
    ("〔《中华人民共和国民法典》第二百零一条〕",
     dict(source="《中华人民共和国民法典》", article=201, regime=None)),
])
def test_citations_read_in_either_language(text, expected):
    citation = parse_citation(text, "hangzhou")
    fields = {"regime": "hangzhou", **expected}
    for key, value in fields.items():
        assert getattr(citation, key) == value, key


def test_the_same_article_written_two_ways_is_one_citation():
    assert parse_citation("〔第四十条第（一）项〕", "x") == parse_citation("[art. 40 item 1]", "x")


@pytest.mark.parametrize(("text", "reason"), [
    ("〔〕", "empty"),
    ("〔第四十条x项〕", "in that order"),
    ("〔第零条〕", "from 1 to 9999"),
    ("〔第三四条〕", "from 1 to 9999"),
    ("[art. 10000]", "from 1 to 9999"),
    ("[art x]", r"art\. N\(M\)\(K\)"),
    ("〔《民法典 第一条〕", "not closed"),
])
def test_unreadable_citations_say_why(text, reason):
    with pytest.raises(CitationError, match=reason):
        parse_citation(text, "x")


def test_relative_citation_takes_what_it_lacks_from_its_block():
    outer = Citation(regime="hz", article=40, paragraph=2)
    assert Citation(item=4).within(outer) == Citation(regime="hz", article=40, paragraph=2, item=4)
    assert Citation(paragraph=3).within(outer) == Citation(regime="hz", article=40, paragraph=3)
    absolute = Citation(regime="hz", article=41)
    assert absolute.within(outer) == absolute


def test_citations_are_formatted_the_way_statutes_are():
    citation = Citation(regime="jilin-city", article=31, paragraph=1, item=3)
    assert format_citation(citation, "吉林市行政执法责任制规定") == \
        "吉林市行政执法责任制规定 第三十一条第一款第（三）项"


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_round_trip(number):
    assert parse_number(to_chinese(number)) == number
    assert parse_number(str(number)) == number


def test_chinese_numerals_as_statutes_write_them():
    assert [to_chinese(n) for n in (10, 11, 20, 101, 110, 1001)] == \
        ["十", "十一", "二十", "一百零一", "一百一十", "一千零一"]
    assert parse_number("两") == 2 and parse_number("四十六") == 46 and parse_number("x") is None

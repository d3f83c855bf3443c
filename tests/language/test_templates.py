"""Notice templates and document numbers: the minimal engine that cannot run anything, and
filling a 发文字号 pattern after GB/T 9704-2012 7.2.5."""

from __future__ import annotations

import contextlib
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respons.model import docnumber, template
from respons.model.template import MAX_LENGTH, Placeholder, TemplateError, fill, parse

FACTS = {"责任人": "张三", "成文日期": "2025年3月1日", "year": "2025"}


# ── reading and filling ──────────────────────────────────────────────────────────
def test_a_template_is_text_and_named_placeholders():
    read = parse("经查，{责任人}于{成文日期}……")
    assert read.pieces == ("经查，", Placeholder("责任人", 3), "于", Placeholder("成文日期", 9),
                           "……")
    assert read.names == ("责任人", "成文日期")
    assert read.fill(FACTS) == "经查，张三于2025年3月1日……"


def test_doubled_braces_are_braces_in_the_text():
    assert fill("{{责任人}}：{责任人}，{{}}", FACTS) == "{责任人}：张三，{}"
    assert parse("{{{责任人}}}").names == ("责任人",)
    assert fill("{{{责任人}}}", FACTS) == "{张三}"


def test_a_value_is_put_in_as_it_is_and_never_read_again():
    facts = {"甲": "{乙}", "乙": "不应出现", "丙": "{{", "丁": "{0.__class__}"}
    assert fill("{甲}{丙}{丁}", facts) == "{乙}{{{0.__class__}"


def test_a_name_the_facts_lack_is_an_error_naming_it():
    with pytest.raises(TemplateError, match=r"\{事实依据\}") as error:
        fill("经查，{事实依据}。", FACTS)
    assert error.value.offset == 3


def test_a_value_that_is_not_text_is_refused():
    with pytest.raises(TemplateError, match="not text"):
        fill("{年}", {"年": 2025})


HOSTILE = {
    "{": "not closed", "}": "closes no placeholder", "a{b": "not closed",
    "a}b": "closes no placeholder", "{a{b}}": "not closed", "{a}}": "closes no placeholder",
    "{}": "names no fact", "{a.b}": "no attribute access", "{a[0]}": "no index",
    "{a()}": "no call", "{a!r}": "no conversion", "{a:>3}": "no format specification",
    "{ a }": "no spaces", "{a|upper}": "no filter", "{0}": "starts with a letter",
    "{0.__class__}": "no attribute access", "{%s}": "starts with a letter",
    "{a\nb}": "no line break", "x\x00y": "U+0000", "\x1b[2J": "U+001B", "a\x9bb": "U+009B",
}


@pytest.mark.parametrize("source", sorted(HOSTILE), ids=repr)
def test_a_hostile_template_is_refused_saying_why(source):
    with pytest.raises(TemplateError, match=re.escape(HOSTILE[source])):
        parse(source)


def test_dunder_names_are_only_names_looked_up_in_the_facts():
    """`{__class__}` is a name like any other: looked up in the facts, never an attribute."""
    assert parse("{__class__}{__globals__}").names == ("__class__", "__globals__")
    with pytest.raises(TemplateError, match="__class__"):
        fill("{__class__}", FACTS)
    assert fill("{__class__}", {"__class__": "x"}) == "x"


def test_line_ends_and_tabs_are_text():
    assert fill("一、{责任人}\n\t二、", FACTS) == "一、张三\n\t二、"


def test_a_very_long_template_is_read_in_linear_time_and_one_too_long_is_refused():
    long = ("a}}{责任人}" * (MAX_LENGTH // 9))[:MAX_LENGTH - 10] + "{责任人}"
    started = time.perf_counter()
    assert fill(long, FACTS).endswith("张三")
    for worst in ("}}" * (MAX_LENGTH // 2), "{{" * (MAX_LENGTH // 2), "a}" * 10):
        with contextlib.suppress(TemplateError):
            parse(worst)
    assert time.perf_counter() - started < 1
    with pytest.raises(TemplateError, match="more than 20,000"):
        parse("x" * (MAX_LENGTH + 1))


@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_template_error(source):
    try:
        read = template.parse(source)
    except TemplateError as error:
        assert 0 <= error.offset <= len(source)
        return
    # what reads fills back to itself where each placeholder is its own braces
    facts = {name: "{" + name + "}" for name in read.names}
    assert read.fill(facts) == source.replace("{{", "\0").replace("}}", "\1") \
        .replace("\0", "{").replace("\1", "}")


# ── document numbers (发文字号) ─────────────────────────────────────────────────────
def test_a_pattern_is_filled_with_the_year_and_the_sequence_number():
    assert docnumber.fill("吉司整〔{年}〕{号}号", 2025, 3) == "吉司整〔2025〕3号"
    assert docnumber.fill("吉司整〔{year}〕{seq}号", 2026, 12) == "吉司整〔2026〕12号"
    assert docnumber.fill("杭{{特}}〔{年}〕{号}号", 2025, 1) == "杭{特}〔2025〕1号"


def test_a_sequence_number_has_no_leading_zeros_and_counts_from_one():
    assert docnumber.fill("吉司整〔{年}〕{号}号", 2025, 1) == "吉司整〔2025〕1号"
    for bad in (0, -1, 1.0, "1", True):
        with pytest.raises(ValueError, match="from 1"):
            docnumber.fill("吉司整〔{年}〕{号}号", 2025, bad)


def test_the_year_is_four_digits():
    for bad in (25, 12025, "2025", 2025.0):
        with pytest.raises(ValueError, match="four digits"):
            docnumber.fill("吉司整〔{年}〕{号}号", bad, 1)


def test_a_pattern_with_problems_is_not_filled():
    with pytest.raises(ValueError, match="第"):
        docnumber.fill("吉司整〔{年}〕第{号}号", 2025, 1)


def test_a_good_pattern_has_no_problems():
    for pattern in ("吉司整〔{年}〕{号}号", "通法建〔{year}〕{seq}号", "大审投〔{年}〕{号}号"):
        assert docnumber.problems(pattern) == [], pattern


@pytest.mark.parametrize(("pattern", "words"), [
    ("吉司整〔{年}〕第{号}号", "no 第"), ("吉司整〔{年}〕0{号}号", "leading digits"),
    ("吉司整（{年}）{号}号", "not in （）"), ("吉司整[{年}]{号}号", "not in []"),
    ("吉司整{年}{号}号", "六角括号"), ("〔{年}〕{号}号", "代字"),
    ("吉司整〔{年}〕{号}", "号 follows"), ("吉司整〔{年}〕号", "no {号}"),
    ("吉司整{号}号", "no {年}"), ("吉〔{年}〕{号}号{号}号", "2 times"),
    ("吉〔{年}〕{号}号{x}", "{x} is neither"), ("吉〔{年}〕{号号", "not closed"),
])
def test_a_bad_pattern_says_what_it_breaks(pattern, words):
    assert any(words in problem for problem in docnumber.problems(pattern)), \
        docnumber.problems(pattern)

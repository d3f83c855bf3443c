""""Did you mean" offers what the author misspelt, never another word that happens to be
spelt alike: 第一责任人 for 直接责任人 is the opposite person (issue 9, point 3)."""

from __future__ import annotations

import pytest

from respons.diagnostics.suggest import another_word, nearest
from respons.model.bearers import BEARERS
from respons.model.vocab import ROLES
from respons.syntax.parser import parse_text


@pytest.mark.parametrize(("word", "other"), [
    ("直接责任人", "第一责任人"),  # the officer who acted, and the agency's head
    ("主要负责人", "分管负责人"),
    ("承办人", "批准人"),
    ("星级评定", "等次评定"),
])
def test_words_alike_but_with_another_modifier_are_not_offered(word, other):
    assert another_word(word, other) and another_word(other, word)
    assert other not in nearest(word, [other])


@pytest.mark.parametrize(("word", "meant"), [
    ("审核员", "审核人"), ("审查人", "审核人"), ("不依法履职", "不依法履行职责"),
    ("第一负责人", "第一责任人"), ("handlr", "handler"), ("workday", "workdays"),
])
def test_misspellings_still_get_their_suggestion(word, meant):
    assert not another_word(word, meant)
    assert meant in nearest(word, [meant, "批准人", "days"])


def test_an_unknown_bearer_is_not_offered_the_opposite_person(tmp_path):
    from respons.check.runner import check_paths

    text = ("制度 规定 {\n  层级 市\n  施行 2020-01-01\n}\n情形 甲 〔第一条〕\n"
            "责任划分 承担 〔第二条〕 {\n  情形 甲 => 直接责任人\n  情形 甲 => 第一负责人\n}\n")
    # 直接责任人 is the 承办人 (henan 12, 18): a kind of bearer now, not the 第一责任人.
    assert not parse_text(text, "x.resp").diagnostics
    path = tmp_path / "x.resp"
    path.write_text(text, "utf-8")
    found = [d for d in check_paths([path], None).diagnostics if d.code == "R0610"]
    assert [d.message for d in found] == [
        "unknown bearer '第一负责人' (did you mean '第一责任人'?)"]
    assert "第一责任人" in BEARERS.spellings() and "第一责任人" in ROLES.spellings()

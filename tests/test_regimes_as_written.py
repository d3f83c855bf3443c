"""The encoded regimes say what their texts say, where the language lets them (issue 9).

Each test checks the resolved model of a seed regime against the article it encodes, for a
rule that was once left out or split on a premise about the language that no longer holds;
and that no comment in the corpus still states such a premise.
"""

from __future__ import annotations

import re

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager


@pytest.fixture(scope="module")
def regimes():
    report = check_paths([JURISDICTIONS], Registry(plugin_manager()))
    return {r.regime.id: r.regime for r in report.resolved}


def _agency(regime, name):
    return next(a for a in regime.agencies if a.name == name)


def test_jilin_city_officers_are_trained_before_duty(regimes):
    # 第二十五条第一款: 行政执法人员上岗前，必须参加司法行政部门组织的培训 — no hours given.
    agency = _agency(regimes["jilin-city"], "行政执法机关")
    post = next(p for body, p in agency.all_posts()
                if body is not None and body.name == "执法机构" and p.name == "执法人员")
    assert [(t.hours, t.when, t.citation.article, t.citation.paragraph)
            for t in post.training] == [(None, "before-duty", 25, 1)]
    assert "certificate" in post.requirements


def test_henan_enforcement_agencies_are_statutory_and_authorised(regimes):
    # 第三条第一款: 行政机关 and 法律、法规授予行政执法职权的组织 alike.
    agency = _agency(regimes["henan"], "行政执法机关")
    assert agency.statuses == ("statutory", "authorised")
    assert (agency.status_citation.article, agency.status_citation.paragraph) == (3, 1)


def test_tongzhou_transfer_and_telling_the_applicant_are_one_duty(regimes):
    # 协调规定 第十二条第一款: 移交 … “同时”告知申请部门 — one duty, met when both are done.
    duties = [d for d in regimes["tongzhou"].duties
              if d.citation.source == "协调规定" and d.citation.article == 12]
    assert [(d.name, [r.text for r in d.met_by], d.met_by_all) for d in duties] == [
        ("移送协调申请", ["协调申请.移交", "协调申请.告知申请部门"], True)]


#: What comments once said the language could not do, and what it now does instead.
OUTDATED = {
    r"只能有一种性质|兼有两种性质": "性质 法定、授权 (several statuses)",
    r"必须写学时": "培训 上岗前 (training without hours)",
    r"“完成”只能写“或”": "完成 A 且 B",
    r"无循环时钟|不能表达周而复始": "起算 A 或 B (a duty that recurs)",
    r"“起算”只能写一个事件": "起算 A 或 B",
}


@pytest.mark.parametrize("path", sorted(JURISDICTIONS.glob("*.resp")), ids=lambda p: p.stem)
def test_no_comment_denies_what_the_language_says(path):
    found = [(number, line.strip(), now)
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "#" in line
             for pattern, now in OUTDATED.items() if re.search(pattern, line)]
    assert found == []


@pytest.mark.parametrize("path", sorted(JURISDICTIONS.glob("*.resp")), ids=lambda p: p.stem)
def test_a_seed_is_named_by_its_file_name(path):
    # As SEEDS.md names them (`000_cacaddb37daf54c4.txt` 篇六): no folder of any machine.
    head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:3])
    named = re.findall(r"\S*\d{3}_[0-9a-f]{16}\.txt", head)
    assert named, "the header comment names no seed text"
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name) for name in named), named

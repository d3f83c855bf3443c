"""guizhou-edu (000_*.txt 篇三, 贵州省教育厅行政执法过错责任追究制度(试行)) says what its text says.

The regime file is encoded article by article; these tests hold the encoding to the counts
and orders the text gives — its nineteen faults (第六条 six, 第七条 ten, 第十二条 three), the
measures of 第十三条 in the order of its items, 第八至十条's modifiers, 第十一条's condition on
every one of its bearing rules, 第十五条's clock and 第十四条's notice — so that an edit that
drops or reorders one fails here, naming the article.
"""

from __future__ import annotations

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model.condition import refs_in
from respons.model.outcomes import outcomes_of
from respons.registry import Registry, plugin_manager


@pytest.fixture(scope="module")
def regime():
    report = check_paths([JURISDICTIONS / "guizhou-edu.resp"], Registry(plugin_manager()))
    assert [d.code for d in report.diagnostics] == ["R0111"]  # 篇三 gives no 施行 date
    return report.resolved[0].regime


def _items(elements, article):
    return [e.citation.item for e in elements if e.citation.article == article]


def test_the_nineteen_faults_by_article_and_item(regime):
    assert _items(regime.faults, 6) == [1, 2, 3, 4, 5, 6]
    assert _items(regime.faults, 7) == list(range(1, 11))
    assert _items(regime.faults, 12) == [1, 2, 3]
    # 第六、七条's are an officer's 行政执法过错 (第二条); 第十二条's are the unit's.
    category = next(f for f in regime.faults if f.citation.article == 2)
    for fault in regime.faults:
        if fault.citation.article in (6, 7):
            assert [c.text for c in fault.categories] == [category.name], fault.name
            assert fault.subject == "officer"
        elif fault.citation.article == 12:
            assert fault.subject == "agency" and not fault.categories


def test_the_circumstances_of_articles_eight_to_eleven(regime):
    assert _items(regime.circumstances, 8) == [1, 2, 3, 4, 5, 6]
    assert _items(regime.circumstances, 9) == [1, 2, 3, 4]
    assert _items(regime.circumstances, 10) == [1, 2, 3, 4, 5, 6]
    assert sorted(set(_items(regime.circumstances, 11)) - {None}) == [1, 2, 3, 4, 6]


def test_article_thirteen_s_measures_grow_heavier_in_the_order_of_its_items(regime):
    graded = [m for m in regime.measures if m.citation.article == 13 and m.severity is not None]
    assert [m.name for m in graded] == ["责令检查", "通报批评", "暂停执法活动", "调离行政执法岗位",
                                        "警告", "记过", "记大过", "降级", "撤职", "开除"]
    assert [m.severity for m in graded] == sorted(m.severity for m in graded)
    assert len({m.severity for m in graded}) == len(graded)
    # 第（五）项 is 处分 — the six and only they.
    assert {m.name for m in regime.measures if m.category == "sanction"} == {
        "警告", "记过", "记大过", "降级", "撤职", "开除"}


def test_the_officers_ladder_carries_articles_eight_nine_and_ten(regime):
    ladder = next(x for x in regime.ladders if x.name == "行政执法过错责任追究")
    by_kind = {}
    for modifier in ladder.modifiers:
        by_kind.setdefault(modifier.kind, []).append(
            (modifier.citation.article, modifier.citation.item))
    assert by_kind == {"aggravate": [(8, i) for i in range(1, 7)],
                       "mitigate": [(9, i) for i in range(1, 5)],
                       "exempt": [(10, i) for i in range(1, 7)]}
    # 第九条: 可以从轻处理或免予追究 — both effects, on every item.
    for modifier in ladder.modifiers:
        if modifier.kind == "mitigate":
            assert [e.kind for e in modifier.effects] == ["lightest", "waive"]


def test_the_correction_ladder_of_article_fourteen(regime):
    ladder = next(x for x in regime.ladders if x.name == "纠正行政执法过错")
    assert [(s.level, [m.text for o in s.options for m in o]) for s in ladder.steps] == [
        (1, ["口头通知纠正"]), (2, ["发出纠正过错通知书"])]
    assert {r.text for r in refs_in(ladder.steps[1].condition)} == {
        "重大过错", "一般过错", "口头通知纠正未改"}


def test_every_rule_of_article_eleven_holds_only_where_its_opening_sentence_does(regime):
    rules = next(a for a in regime.apportionments if a.name == "确定责任人").rules
    eleven = [r for r in rules if r.citation.article == 11]
    assert [r.citation.item for r in eleven] == [1, 2, 2, 3, 3, 4, 4, 4, 6, 6]
    opening = "故意违法执法或因过失违法执法造成严重后果"
    for rule in eleven:
        assert opening in {r.text for r in refs_in(rule.condition)}
    twelve = [r for r in rules if r.citation.article == 12]
    assert [[b.role for b in r.bearers] for r in twelve] == [["principal"]]


def test_article_fifteen_s_sixty_days_are_met_by_the_decision_and_its_written_notice(regime):
    duty = next(d for d in regime.duties if d.citation.article == 15)
    assert (duty.period.amount, duty.period.unit) == (60, "days")
    assert [r.text for r in duty.met_by] == ["过错责任追究.作出决定", "过错责任追究.书面通知"]
    assert duty.met_by_all


def test_article_fourteen_s_correction_notice_is_issued_when_it_is_sent(regime):
    notice = next(n for n in regime.notices if n.name == "纠正过错通知书")
    outcome = outcomes_of(notice, regime)[0]
    assert (outcome.kind, outcome.target.text) == ("record", "过错纠正.发出纠正过错通知书")
    assert [notice.cited(e).item for e in notice.elements][-2:] == [2, 3]

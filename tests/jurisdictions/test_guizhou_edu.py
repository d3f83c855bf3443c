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
    # 第八条第（三）项 is two: 多次发生过错 (counted) 或 多次违法违纪 (found).
    assert _items(regime.circumstances, 8) == [1, 2, 3, 3, 4, 5, 6]
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
    # 第九条: 可以从轻处理或免予追究 — both effects, on every item; 第八条: 从重 within the range.
    assert {e.kind for m in ladder.modifiers if m.kind == "aggravate" for e in m.effects} == {
        "heavier"}
    for modifier in ladder.modifiers:
        if modifier.kind == "mitigate":
            assert [e.kind for e in modifier.effects] == ["lighter", "waive"]


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
    assert [[b.reference for b in r.bearers] for r in twelve] == [["主要负责人"]]
    by_item = {}
    for rule in eleven:
        by_item.setdefault(rule.citation.item, []).append(
            (rule.joiner, [(b.reference, b.share, b.kind) for b in rule.bearers]))
    assert by_item[2][1] == ("and", [("主办人", "all", None)])  # 共同主办: 全部
    assert by_item[3][0] == ("and", [("批准人", None, "leadership")])  # 领导责任
    assert by_item[4][0] == ("and", [("直接责任人", "all", None)])
    assert by_item[6][0][0] == "severally"  # 上下两级 分别


def test_how_each_circumstance_is_established(regime):
    # 第八条第（三）项 多次: counted per officer over the officer's earlier decided cases;
    # 第（四）项 and 第十四条第（一）项 by the case's fields; the rest found by the decision-maker.
    by_name = {c.name: c for c in regime.circumstances}
    count = by_name["多次发生过错"].count
    [group] = count.groups
    assert (count.event.text, group.field, group.against, count.op,
            count.threshold, count.window) == (
        "过错责任追究.作出决定", "过错责任人", "过错责任人", ">=", 2, None)
    assert by_name["过错行为引起严重后果"].condition is not None
    assert by_name["一般过错"].condition is not None
    for name in ("因服从领导命令出现偏差", "执行上级或本级机关错误决定", "共同主办"):
        assert by_name[name].found_by.text == "省教育厅.实施行政执法责任制领导小组"
    assert not [c.name for c in regime.circumstances
                if c.count is None and c.condition is None and c.found_by is None]


def test_article_eight_binds_and_article_nine_permits(regime):
    ladder = next(x for x in regime.ladders if x.name == "行政执法过错责任追究")
    assert {m.modal for m in ladder.modifiers if m.kind == "aggravate"} == {"shall"}
    assert {m.modal for m in ladder.modifiers if m.kind == "mitigate"} == {"may"}


def test_the_two_proceedings_of_article_fourteen(regime):
    proceedings = {p.name: p for p in regime.proceedings}
    correction, liability = proceedings["纠正过错"], proceedings["追究过错责任"]
    assert correction.case.text == "过错纠正.发现过错"
    assert [r.text for r in correction.ladders] == ["纠正行政执法过错"]
    assert liability.case.text == "过错责任追究.提出处理建议"
    assert (liability.fault_field, liability.found_field) == ("过错行为", "认定情形")
    assert [r.text for r in liability.ladders] == [
        "行政执法过错责任追究", "承担赔偿费用", "移送司法"]
    assert liability.apportionment.text == "确定责任人"


def test_article_three_s_entrusted_organisation_is_entrusted_in_general(regime):
    agency = next(a for a in regime.agencies if a.name == "依法委托执法的机构")
    assert agency.statuses == ("entrusted",) and agency.entrustment is None
    assert agency.entrusted_by.text == "省教育厅" and agency.entrusted_citation.article == 3


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


def test_article_fourteen_s_review_is_a_right_until_the_notice_s_reply_date(regime):
    # 第十四条第（三）项: 可在通知规定回复的期限内…提请复查 — the unit's right, not anyone's duty,
    # ending on the date the notice sets (the record's 回复期限), not after N days.
    right, appeal = regime.rights
    assert (right.name, right.starts.text, right.period, right.until_field, right.holder) == (
        "提请复查", "过错纠正.发出纠正过错通知书", None, "回复期限", "原执法办案部门")
    # 第十六条: 申诉 "依照法律和有关规定" after the written notice — no period of its own.
    assert (appeal.name, appeal.starts.text, appeal.period, appeal.until_field, appeal.by_law,
            appeal.holder) == ("申诉", "过错责任追究.书面通知", None, None, True, "过错责任人")
    assert [r.text for r in right.exercised_by] == ["过错纠正.提请复查"]
    # 第十四条第（二）项's reply is the unit's duty, due on the same date (期限 至 回复期限);
    # a request for review in time also discharges it.
    [reply] = [d for d in regime.duties if d.citation.article == 14]
    assert (reply.name, reply.period, reply.due_field, reply.owner.text) == (
        "回复办理结果", None, "回复期限", "原执法办案部门")
    assert [r.text for r in reply.met_by] == ["过错纠正.回复办理结果", "过错纠正.提请复查"]

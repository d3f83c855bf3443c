"""The seed regimes' liability parts say what their texts say (issue 10).

Each count the texts make per officer, agency or certificate is grouped so (an audit found
them counting across the whole jurisdiction, so that tongzhou's mandatory aggravation would
have fired for everyone); each regime's fault cases are named by a proceeding with the
fields its ladders and bearing rules read; the words the texts use for who bears a fault,
in what share and of what kind, are the ones encoded.
"""

from __future__ import annotations

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager


@pytest.fixture(scope="module")
def regimes():
    report = check_paths([JURISDICTIONS], Registry(plugin_manager()))
    assert not [d for d in report.diagnostics if d.severity == "error"]
    return {r.regime.id: r.regime for r in report.resolved}


def _counted(regime, name):
    named = {x.name: x for x in (*regime.circumstances, *regime.faults)}
    return named[name].count


#: regime → (circumstance or fault, counted event, grouped by, against the case's, window
#: in years or None, threshold, a later event the record must have, its article).
COUNTS = [
    ("jilin-city", "一年内三次投诉经查证属实", "投诉举报.收到", "被投诉人员", "责任人", 1, 3,
     "投诉举报.查证", (37, None)),
    ("jilin-city", "一年内同类执法行为被认定违法两例以上", "违法执法认定.认定", "机关",
     "被追究机关", 1, 2, None, (35, 5)),
    ("tongzhou", "部门一年内被追究两次以上", "责任追究.决定", "被追究部门", "被追究部门", 1, 3,
     None, (8, 3)),
    ("tongzhou", "人员一年内被追究两次以上", "责任追究.决定", "责任人", "责任人", 1, 3, None,
     (8, 3)),
    ("tongzhou", "行政执法证件被暂扣三次以上", "证件暂扣.暂扣", "证件", "证件", None, 3, None,
     (17, None)),
    ("dacheng-approval", "一年内发生三次以上行政执法过错行为", "过错责任追究.认定", "过错责任人",
     "过错责任人", 1, 3, None, (7, 2)),
    ("dacheng-approval", "两次以上被追究仍发生同一性质同一种类过错", "过错责任追究.局长批准",
     "过错责任人", "过错责任人", None, 2, None, (7, 2)),
    ("hangzhou", "部门一年内出现3次以上应予追究行政执法责任情形", "责任追究.发生", "被追究部门",
     "被追究部门", 1, 3, "责任追究.决定", (42, 2)),
    ("hangzhou", "人员一年内出现3次以上应予追究行政执法责任情形", "责任追究.发生", "责任人",
     "责任人", 1, 3, "责任追究.决定", (42, 2)),
    ("guizhou-edu", "多次发生过错", "过错责任追究.作出决定", "过错责任人", "过错责任人", None, 2,
     None, (8, 3)),
]


def test_jilin_city_35_5_counts_per_agency_and_kind_of_act(regimes):
    # "在一年内同类执法行为被认定为违法执法两例以上": the same agency AND the same kind of act.
    count = _counted(regimes["jilin-city"], "一年内同类执法行为被认定违法两例以上")
    assert [(g.field, g.against) for g in count.groups] == [
        ("机关", "被追究机关"), ("执法行为类别", "执法行为类别")]


@pytest.mark.parametrize("case", COUNTS, ids=[f"{c[0]}-{c[1]}" for c in COUNTS])
def test_every_count_of_the_texts_is_grouped_by_whom_it_concerns(regimes, case):
    regime_id, name, event, field, against, years, threshold, later, (article, item) = case
    regime = regimes[regime_id]
    named = {x.name: x for x in (*regime.circumstances, *regime.faults)}
    count = named[name].count
    group = count.groups[0]
    assert (count.event.text, group.field, group.against) == (event, field, against)
    assert (count.window.amount if count.window else None, count.threshold) == (years, threshold)
    assert (count.later.event.text if count.later else None) == later
    assert (named[name].citation.article, named[name].citation.item) == (article, item)


def _vetoing(regime) -> set[str]:
    """The circumstances an assessment's veto or tier (等级 G 若 …) names: an assessment counts
    them per assessee itself (dacheng 评议考核实施方案 七（二）, tongzhou 人员管理办法 13),
    docs/assess.md."""
    from respons.syntax.present import condition_text

    conditions = [v.condition for a in regime.assessments for v in a.vetoes]
    conditions += [b.condition for a in regime.assessments for b in a.bands
                   if b.condition is not None]
    texts = [condition_text(c) for c in conditions]
    return {c.name for c in regime.circumstances if any(c.name in t for t in texts)}


def test_no_count_of_a_liability_rule_is_left_ungrouped(regimes):
    # An ungrouped count counts the whole jurisdiction. The only ones left are assessment
    # vetoes, which the assessment attributes to each assessee itself.
    loose = sorted((rid, x.name) for rid, regime in regimes.items()
                   for x in (*regime.circumstances, *regime.faults)
                   if x.count is not None and not x.count.groups
                   and x.name not in _vetoing(regime))
    assert loose == []


STANDING = {  # faults a count alone commits, and the proceeding that applies them
    "jilin-city": {"一年内三次投诉经查证属实": "投诉属实追究",
                   "一年内同类执法行为被认定违法两例以上": "同类违法执法两例以上"},
    "tongzhou": {"行政执法证件被暂扣三次以上": "暂扣三次以上核销证件"},
}


@pytest.mark.parametrize("regime_id", sorted(STANDING))
def test_standing_faults_have_a_proceeding_of_their_own(regimes, regime_id):
    regime = regimes[regime_id]
    faults = {f.name for f in regime.faults if f.count is not None}
    assert faults == set(STANDING[regime_id])
    proceedings = {p.name: p for p in regime.proceedings}
    for name in STANDING[regime_id].values():
        assert proceedings[name].case is None, name


#: regime → its case proceeding: (case record event, fault field, decided by, defence field).
PROCEEDINGS = {
    "guizhou-edu": [("过错纠正.发现过错", "过错行为", "省教育厅.法制工作机构", None),
                    ("过错责任追究.提出处理建议", "过错行为", "省教育厅.实施行政执法责任制领导小组",
                     None)],
    "jilin-city": ("责任追究.集体讨论", "过错行为", "处理机关", None),
    "tongzhou": ("责任追究.决定", "过错行为", "追究机关", "已陈述申辩"),
    "dacheng-approval": [
        ("过错责任追究.认定", "过错行为", "大城县行政审批局.局长", "已陈述申辩"),
        ("案卷评查问题.评查发现", "过错行为", "大城县行政审批局.政策法规股", None)],
    "changchun-xinqu": ("落实情况抽查.抽查", "过错行为", "抽查部门", None),
    "hangzhou": ("责任追究.决定", "过错行为", "追究机关", None),
    "henan": ("过错责任追究.处理", "过错行为", "追究机关", "已陈述申辩"),
    "samr": ("行政执法过错行为线索.调查", "过错行为", "所在部门", None),
    "heilongjiang": ("责任追究.作出处理决定", "过错行为", "处理机关", None),
}


@pytest.mark.parametrize("regime_id", sorted(PROCEEDINGS))
def test_each_regime_names_its_fault_cases(regimes, regime_id):
    regime = regimes[regime_id]
    found = [(p.case.text, p.fault_field, p.decided_by.text, p.defence_field)
             for p in regime.proceedings if p.case is not None and p.fault_field]
    expected = PROCEEDINGS[regime_id]
    assert found == (expected if isinstance(expected, list) else [expected])
    # Every ladder of a regime with cases is applied by one of its proceedings (dacheng's
    # 案卷评查制度 第十条 on its 评查发现 records, changchun-xinqu's 四（三） on its 抽查 records).
    applied = {r.text for p in regime.proceedings for r in p.ladders}
    unapplied = {x.name for x in regime.ladders} - applied
    assert not unapplied, unapplied


def _bearers(regime, article, item=None):
    return [(rule.joiner, [(b.reference, b.share, b.kind) for b in rule.bearers])
            for a in regime.apportionments for rule in a.rules
            if rule.citation.article == article and (item is None or rule.citation.item == item)]


def test_the_bearers_as_the_texts_name_them(regimes):
    # jilin-city 35: 主要负责人 或者 负有直接责任的主管领导 — one or the other.
    assert _bearers(regimes["jilin-city"], 35) == [
        ("or", [("主要负责人", None, None), ("分管负责人", None, "direct")])]
    # jilin-city 6: 主要领导责任 and 分管领导责任.
    assert _bearers(regimes["jilin-city"], 6) == [
        ("and", [("主要负责人", "main", "leadership"), ("分管负责人", None, "leadership")])]
    # henan 18: 根据岗位职责分别追究直接责任人、分管负责人和主要负责人.
    assert _bearers(regimes["henan"], 18) == [
        ("severally", [("直接责任人", None, "direct"), ("分管负责人", None, "leadership"),
                       ("主要负责人", None, "leadership")])]
    # tongzhou 实施细则 11(二): 最终审核人或者批准人 主要, 中间环节审核人、承办人 相应.
    assert ("and", [("最终审核人", "main", None), ("中间环节审核人", "corresponding", None),
                    ("承办人", "corresponding", None)]) in _bearers(regimes["tongzhou"], 11, 2)
    # heilongjiang 38 with 24: the officer is the 直接责任人.
    assert _bearers(regimes["heilongjiang"], 38) == [("and", [("直接责任人", None, None)])]


ENTRUSTED = {  # entrusted in general, by whom, and the article
    "jilin-city": ("受委托组织", "行政执法机关", 16),
    "henan": ("受委托执法的行政机关或者组织", "行政执法机关", 11),
    "guizhou-edu": ("依法委托执法的机构", "省教育厅", 3),
}


@pytest.mark.parametrize("regime_id", sorted(ENTRUSTED))
def test_entrustment_named_in_general_without_an_invented_document(regimes, regime_id):
    name, by, article = ENTRUSTED[regime_id]
    agency = next(a for a in regimes[regime_id].agencies if a.name == name)
    assert agency.statuses == ("entrusted",) and agency.entrustment is None
    assert (agency.entrusted_by.text, agency.entrusted_citation.article) == (by, article)


def test_combinable_measures_and_modals(regimes):
    def step(regime_id, ladder):
        return next(x for x in regimes[regime_id].ladders if x.name == ladder).steps[0]

    for regime_id, ladder in (("henan", "行政执法机关过错责任追究"),
                              ("henan", "行政执法人员过错责任追究"),
                              ("tongzhou", "行政执法部门责任追究"),
                              ("tongzhou", "行政执法人员责任追究")):
        assert step(regime_id, ladder).combine, (regime_id, ladder)
    # 第八条 "应当追究"; 第十条's "可以单独或者合并采用" is about the manner, not whether
    assert step("henan", "行政执法人员过错责任追究").modal == "shall"
    for regime_id, ladder in (("tongzhou", "行政执法人员责任追究"),
                              ("hangzhou", "行政执法人员责任追究"),
                              ("dacheng-approval", "行政执法过错责任追究")):
        modifiers = next(x for x in regimes[regime_id].ladders if x.name == ladder).modifiers
        assert {m.modal for m in modifiers if m.kind == "aggravate"} == {"shall"}, regime_id
        assert {m.modal for m in modifiers if m.kind == "mitigate"} == {"may"}, regime_id

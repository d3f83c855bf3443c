"""The seed regimes' notices (文书): each bound to the outcome that issues it where the regime
encodes that outcome, heilongjiang 31's eight items, and `respons show` listing what issues
each notice, its parties, number pattern and elements with their citations."""

from __future__ import annotations

import json

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.model.outcomes import outcomes_of
from respons.registry import Registry, plugin_manager


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


# ── the seed regimes ─────────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def corpus(registry):
    report = check_paths([JURISDICTIONS], registry)
    return {r.regime.id: r.regime for r in report.resolved}


def test_heilongjiang_31_s_eight_items_and_the_seal_are_encoded(corpus):
    regime = corpus["heilongjiang"]
    notice = next(n for n in regime.notices if n.name == "行政执法决定书")
    items = [notice.cited(e).item for e in notice.elements]
    assert items[:8] == list(range(1, 9)) and notice.cited(notice.elements[8]).article == 31
    assert all(notice.cited(e).article == 31 for e in notice.elements)
    assert len(notice.required) == 8  # (八) "应当载明的其他事项" may be nothing


ISSUED = {  # regime → notices bound to the outcome that issues them, (kind, what)
    "jilin-city": {"整改通知书": ("consequence", "行政执法责任制评议考核.不及格"),
                   "责任追究处理决定": ("record", "责任追究.决定")},
    "hangzhou": {"行政执法责任追究决定书": ("record", "责任追究.决定"),
                 "行政执法部门责任追究决定书": ("record", "责任追究.决定")},
    "heilongjiang": {"行政执法决定书": ("record", "行政执法决定.作出决定"),
                     "复核决定": ("record", "责任追究.作出复核决定")},
    "tongzhou": {"暂扣通知书": ("record", "证件暂扣.暂扣"),
                 "政府法制建议书": ("measure", "制发政府法制建议书")},
    "dacheng-approval": {"不予受理告知": ("record", "行政执法投诉.告知不予受理理由和投诉途径"),
                         "行政执法监督跟踪回访函": ("record", "跟踪回访.发放回访函"),
                         "过错责任处理决定": ("record", "过错责任追究.局长批准"),
                         "考核结果通报": ("consequence", "执法机构评议考核.优秀")},
    "henan": {"行政执法过错责任追究处理意见": ("record", "过错责任追究.处理")},
    "district-opinion": {"委托执法备案报告": ("record", "委托执法.上报备案")},
}


@pytest.mark.parametrize("regime_id", sorted(ISSUED))
def test_the_seed_notices_are_issued_by_their_outcomes(corpus, regime_id):
    regime = corpus[regime_id]
    for name, (kind, target) in ISSUED[regime_id].items():
        notice = next(n for n in regime.notices if n.name == name)
        outcomes = outcomes_of(notice, regime)
        assert (kind, target) == (outcomes[0].kind, outcomes[0].target.text), name
        assert notice.issuer and notice.recipients and notice.number, name


def test_dacheng_s_results_notice_is_issued_on_every_grade_of_both_assessments(corpus):
    regime = corpus["dacheng-approval"]
    notice = next(n for n in regime.notices if n.name == "考核结果通报")
    assert len(outcomes_of(notice, regime)) == 8


def test_show_json_lists_what_issues_each_notice(respons):
    result = respons("show", "--format", "json", str(JURISDICTIONS / "jilin-city.resp"))
    notices = json.loads(result.stdout)["regime"]["notices"]
    notice = next(n for n in notices if n["name"] == "整改通知书")
    assert notice["outcomes"][0]["kind"] == "consequence"
    # 第三十二条第（三）项: 由本级政府下发整改通知书 — as the text names it.
    assert notice["issuer"] == {"name": "本级人民政府", "literal": True}
    assert notice["number"] == "吉政整〔{年}〕{号}号"
    assert notice["elements"][1]["template"].startswith("{考核年度}年度")
    assert notice["elements"][1]["citation"]["article"] == 31


def test_show_text_lists_each_notice_with_what_fills_it(respons):
    text = respons("show", str(JURISDICTIONS / "hangzhou.resp")).stdout
    section = text.split("文书 Notices")[1]
    assert ('    签发 记录 责任追究.决定 限于 被追究对象 = "行政执法人员"  '
            "〔杭州市行政执法责任制规定 第四十八条〕") in section
    assert "    发文机关 追究机关 · 主送 责任人" in section
    # the department's 决定书, issued on the same event where the department is pursued
    assert ('    签发 记录 责任追究.决定 限于 被追究对象 = "行政执法部门"  '
            "〔杭州市行政执法责任制规定 第四十五条第（四）项〕") in section
    assert "    发文机关 追究机关 · 主送 被追究部门" in section
    assert "    文号 杭责追〔{年}〕{号}号" in section
    assert "    要素 作出决定的理由 = 决定理由  〔杭州市行政执法责任制规定 第四十八条〕" in section
    jilin = respons("show", str(JURISDICTIONS / "jilin-city.resp")).stdout
    assert "签发 后果 行政执法责任制评议考核.不及格" in jilin

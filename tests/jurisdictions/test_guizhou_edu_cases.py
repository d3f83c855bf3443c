"""guizhou-edu's liability applied to cases by `respons liability` (000_*.txt 篇三 第七至十五条).

Records in records/guizhou-edu.jsonl, one matter per situation the text names: an officer's
first case and the 承办人 who bears it (第十一条第（一）项); 第八条第（三）项's 多次 counted per
officer, so that 钱某's third case is aggravated and 孙某's case of the same day is not; an
exemption of 第十条; 共同主办 bearing the whole; 第十一条's opening sentence that names no one
for a 过失 without 严重后果; the three ladders of a fault that led to 国家赔偿 and a crime; and
第十四条第（一）项's correction of a 一般过错 and a 重大过错.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paths import JURISDICTIONS

REGIME = str(JURISDICTIONS / "guizhou-edu.resp")
RECORDS = str(Path(__file__).parent / "records" / "guizhou-edu.jsonl")


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    from click.testing import CliRunner

    from respons.cli import main

    url = f"sqlite:///{tmp_path_factory.mktemp('gz') / 'store.db'}"
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", REGIME, RECORDS, "--store", url])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(main, ["liability", REGIME, "--store", url, "--year", "2025",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format_version"] == 1 and document["run"]["verified"] is True
    return {c["case"]: c for c in document["cases"]}


def _ladder(case, name):
    return next(x for x in case["ladders"] if x["ladder"] == name)


def _held(case):
    return {c["name"]: c.get("records") for c in case["circumstances"] if c["holds"]}


def _bearers(case):
    return [(b["person"], b["reference"], b["share"], b["responsibility"]) for b in case["bearers"]]


def test_an_officer_s_first_case_and_who_bears_it(cases):
    case = cases["GZ-1"]
    assert case["fault"]["name"] == "没有法定的行政处罚依据而实施处罚"
    assert case["fault"]["citation"]["text"].endswith("第七条第（一）项")
    ladder = _ladder(case, "行政执法过错责任追究")
    assert ladder["pursued"] and ladder["step"] == 1 and not ladder["modifiers"]
    options = [m for option in ladder["measures"]["options"] for m in option]
    assert [m["name"] for m in options] == [
        "责令检查", "通报批评", "暂停执法活动", "调离行政执法岗位",
        "警告", "记过", "记大过", "降级", "撤职", "开除"]
    # 第十三条第（五）项: 处分 only the appointing authority imposes — proposed as a referral.
    assert [m["name"] for m in options if m["referral"]] == ["警告", "记过", "记大过", "降级",
                                                             "撤职", "开除"]
    assert not _ladder(case, "承担赔偿费用")["pursued"]
    assert _bearers(case) == [("赵某", "承办人", None, "direct")]
    assert case["decided_by"] == "省教育厅.实施行政执法责任制领导小组"


def test_many_faults_are_counted_per_officer(cases):
    # 钱某's two earlier cases were decided before his third was proposed: 多次 (第八条第（三）项).
    third = cases["GZ-4"]
    assert _held(third)["多次发生过错"] == ["GZ-2.3", "GZ-3.3"]
    modifier = next(m for m in _ladder(third, "行政执法过错责任追究")["modifiers"]
                    if m["condition"] == "多次发生过错 或 多次违法违纪")
    assert modifier["applied"] and modifier["modal"] == "shall" and modifier["effect"] == "heavier"
    # 孙某's case of the same day counts none of 钱某's; nor did 钱某's own earlier cases.
    for other in ("GZ-5", "GZ-2", "GZ-3"):
        counted = next(c for c in cases[other]["circumstances"] if c["name"] == "多次发生过错")
        assert counted["holds"] is False, other
    assert next(c for c in cases["GZ-5"]["circumstances"]
                if c["name"] == "多次发生过错")["records"] == []


def test_acting_on_a_wrong_decision_is_not_pursued(cases):
    # 第十条第（四）项: 执行上级或本级机关错误决定 — the officer bears nothing.
    ladder = _ladder(cases["GZ-6"], "行政执法过错责任追究")
    assert not ladder["pursued"] and ladder["measures"] is None
    assert [e["condition"] for e in ladder["exempted_by"]] == ["执行上级或本级机关错误决定"]
    assert ladder["exempted_by"][0]["citation"]["text"].endswith("第十条第（四）项")
    assert cases["GZ-6"]["bearers"] == []


def test_joint_leads_each_bear_the_whole(cases):
    # 第十一条第（二）项: 共同主办的共同承担全部责任.
    assert _bearers(cases["GZ-7"]) == [("周某", "主办人", "all", "direct"),
                                       ("吴某", "主办人", "all", "direct")]


def test_article_eleven_names_no_one_for_a_negligence_without_serious_consequence(cases):
    # 第十一条 opens "故意违法执法或因过失违法执法造成严重后果的": a 过失 with no 严重后果 is not
    # among its situations, so none of its rules names a bearer.
    case = cases["GZ-8"]
    assert "故意违法执法或因过失违法执法造成严重后果" not in _held(case)
    assert case["bearers"] == []


def test_state_compensation_and_a_crime_run_three_ladders(cases):
    case = cases["GZ-9"]
    assert [(x["ladder"], x["pursued"]) for x in case["ladders"]] == [
        ("行政执法过错责任追究", True), ("承担赔偿费用", True), ("移送司法", True)]
    compensation = _ladder(case, "承担赔偿费用")["measures"]["options"]
    assert [[m["name"] for m in o] for o in compensation] == [["责令依法承担赔偿费用"]]
    referral = _ladder(case, "移送司法")["measures"]["options"][0][0]
    assert referral["name"] == "移送司法部门追究刑事责任" and referral["category"] == "referral"


def test_article_fourteen_corrects_a_general_fault_orally_and_a_grave_one_by_notice(cases):
    general, grave = cases["JZ-1"], cases["JZ-2"]
    assert general["proceeding"] == grave["proceeding"] == "纠正过错"
    assert [[m["name"] for m in o] for o in
            _ladder(general, "纠正行政执法过错")["measures"]["options"]] == [["口头通知纠正"]]
    assert _ladder(grave, "纠正行政执法过错")["step"] == 2
    assert [[m["name"] for m in o] for o in
            _ladder(grave, "纠正行政执法过错")["measures"]["options"]] == [["发出纠正过错通知书"]]

"""`respons liability` over a store: guizhou-edu's 第七至十五条 (tests/liability/edu.resp)
applied to four cases — the step, a count per officer, a defence, a referral, an option
left to the decision-maker, bearers by share, an exemption — identical on every backend."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REGIME = str(HERE / "edu.resp")
CASES = str(HERE / "cases.jsonl")


def _store(respons, url: str) -> str:
    result = respons("ingest", REGIME, CASES, "--store", url)
    assert result.exit_code == 0, result.stdout
    return url


def _json(respons, url: str, *selection: str) -> dict:
    result = respons("liability", REGIME, "--store", url, "--format", "json", *selection)
    assert result.exit_code == 0, result.stdout
    return json.loads(result.stdout)


def _case(document: dict, matter: str) -> dict:
    return next(c for c in document["cases"] if c["case"] == matter)


def test_a_count_per_officer_raises_the_step_and_the_defence_raises_nothing(respons,
                                                                           sqlite_url):
    data = _json(respons, _store(respons, sqlite_url), "--case", "GZ-2")
    assert data["format_version"] == 1 and data["run"]["verified"] is True
    case = _case(data, "GZ-2")
    counted = next(c for c in case["circumstances"] if c["name"] == "多次发生过错")
    # 张三 handled GZ-1 and GZ-2 within the year: both 决定 records count, by id.
    assert counted == {"name": "多次发生过错", "holds": True, "how": "count", "count": 2,
                       "records": ["a2", "b2"], "citation": counted["citation"]}
    ladder = case["ladders"][0]
    assert ladder["base_step"]["level"] == 2 and ladder["step"] == 2
    raised = ladder["modifiers"][0]
    assert raised["applied"] and raised["effect"] == "raise1" and raised["step_after"] == 2
    assert ladder["notes"] == ["defence"] and case["defence"] is True
    assert [[m["name"] for m in o] for o in ladder["measures"]["options"]] == \
        [["暂停执法活动"], ["调离行政执法岗位"]]
    sanction = case["ladders"][1]["measures"]["options"][0][0]
    assert sanction["name"] == "记过" and sanction["referral"] is True
    assert [(b["person"], b["share"], b["responsibility"]) for b in case["bearers"]] == \
        [("张三", "all", "direct")]
    # The rule's 〔第（一）项〕 is completed from its 责任划分's 〔第十一条〕, as the text says it.
    assert case["bearers"][0]["citation"]["text"].endswith(" 第十一条第（一）项")


def test_the_first_case_counts_alone_and_stays_on_its_step(respons, sqlite_url):
    case = _case(_json(respons, _store(respons, sqlite_url), "--case", "GZ-1"), "GZ-1")
    counted = next(c for c in case["circumstances"] if c["name"] == "多次发生过错")
    assert counted["records"] == ["a2"] and counted["holds"] is False
    assert case["ladders"][0]["step"] == 1
    assert case["ladders"][1]["pursued"] is False and case["ladders"][1]["base_step"] is None


def test_a_permitted_mitigation_is_left_open_and_shares_follow_the_rule(respons, sqlite_url):
    case = _case(_json(respons, _store(respons, sqlite_url), "--case", "GZ-3"), "GZ-3")
    modifier = case["ladders"][0]["modifiers"][0]
    assert modifier["applied"] is False and modifier["modal"] == "may"
    assert [a["effect"] for a in modifier["alternatives"]] == ["lightest", "waive"]
    assert [(b["person"], b["reference"], b["share"]) for b in case["bearers"]] == [
        ("李四", "主办人", "main"), ("王五", "协办人", "secondary"),
        ("赵六", "协办人", "secondary")]


def test_an_exemption_ends_the_ladder_with_its_reason(respons, sqlite_url):
    case = _case(_json(respons, _store(respons, sqlite_url), "--year", "2025"), "GZ-4")
    ladder = case["ladders"][0]
    assert ladder["pursued"] is False and ladder["measures"] is None
    assert ladder["exempted_by"][0]["condition"] == "行政相对人过错或不可抗力"
    assert "第十条第（二）项" in ladder["exempted_by"][0]["citation"]["text"]


def test_the_text_speaks_to_the_person_in_chinese_with_every_citation(respons, sqlite_url):
    url = _store(respons, sqlite_url)
    result = respons("liability", REGIME, "--store", url, "--case", "GZ-2")
    assert result.exit_code == 0
    text = result.stdout
    assert "✓ 多次发生过错：计数 2 次（记录 a2, b2）" in text
    assert "当事人申辩，不因申辩加重" in text
    assert "记过——处分，移送任免机关决定，非本系统决定" in text
    assert "张三（承办人, 全部责任, 直接责任）" in text and "第十一条第（一）项" in text
    english = respons("liability", REGIME, "--store", url, "--case", "GZ-2", "--lang", "en")
    assert "referred to the appointing authority" in english.stdout


def test_bad_arguments_get_a_message_and_exit_2(respons, sqlite_url):
    url = _store(respons, sqlite_url)
    both = respons("liability", REGIME, "--store", url, "--case", "GZ-1", "--year", "2025")
    assert both.exit_code == 2 and "give one of --case ID or --year Y" in both.stderr
    missing = respons("liability", REGIME, "--store", url, "--case", "GZ-99")
    assert missing.exit_code == 2 and "no fault case 'GZ-99'" in missing.stderr
    assert "Traceback" not in missing.stdout + missing.stderr


def test_the_output_is_deterministic(respons, sqlite_url):
    url = _store(respons, sqlite_url)
    first = respons("liability", REGIME, "--store", url, "--year", "2025").stdout
    assert respons("liability", REGIME, "--store", url, "--year", "2025").stdout == first


@pytest.mark.parametrize("backend", ["postgresql", "duckdb"])
def test_every_backend_proposes_what_sqlite_proposes(respons, sqlite_url, request, backend):
    other = request.getfixturevalue(f"{backend}_url")
    outputs = []
    for url in (sqlite_url, other):
        _store(respons, url)
        outputs.append([respons("liability", REGIME, "--store", url, "--year", "2025",
                                "--format", output).stdout.replace(url, "<store>")
                        for output in ("json", "text")])
    assert outputs[0] == outputs[1]


def test_respons_run_adds_the_liability_stage(respons, sqlite_url):
    result = respons("run", REGIME, CASES, "--store", sqlite_url, "-q", "--format", "json")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert [c["case"] for c in data["liability"]["cases"]] == ["GZ-1", "GZ-2", "GZ-3", "GZ-4"]
    assert data["liability"]["run"]["id"] == data["evaluation"]["run"]["id"]
    # An exempted case is not pursued by any ladder, and so has no one bearing it.
    assert _case(data["liability"], "GZ-4")["bearers"] == []
    text = respons("run", REGIME, CASES, "--store", sqlite_url, "-q").stdout
    assert "责任追究：教育行政执法过错责任追究测试（edu）· 全部案件" in text


def test_the_table_of_bearer_kinds_is_the_language_reference():
    from paths import ROOT
    from respons.model.bearers import BEARER_KINDS

    text = (ROOT / "docs" / "language.md").read_text("utf-8")
    for kind in BEARER_KINDS:
        assert f"| {kind.canonical} | {', '.join(kind.spellings)} |" in text, kind.canonical


def test_a_scenario_that_expects_another_measure_fails_with_what_was_found(respons,
                                                                          tmp_path):
    text = (HERE / "edu.resp").read_text("utf-8").replace(
        "预期 追究 GZ-1 阶梯 执法人员过错责任 第1级 措施 责令检查 或 通报批评 责任人 张三",
        "预期 追究 GZ-1 阶梯 执法人员过错责任 第2级 措施 通报批评 责任人 李四")
    (tmp_path / "edu.resp").write_text(text, "utf-8")
    result = respons("test", str(tmp_path / "edu.resp"))
    assert result.exit_code == 1
    assert "step: expected 第2级, got 第1级" in result.stdout
    assert "measures: expected 通报批评, got 责令检查 或 通报批评" in result.stdout
    assert "bearers: expected 李四, got 张三" in result.stdout


def test_the_scenarios_of_the_test_regime_pass_and_cover_its_ladders(respons):
    result = respons("test", "--format", "json", REGIME)
    assert result.exit_code == 0, result.stdout
    coverage = {k["kind"]: (k["covered"], k["total"])
                for k in json.loads(result.stdout)["coverage"]}
    assert coverage["ladder"] == (2, 2) and coverage["ladder step"] == (3, 3)


UNITS = str(HERE / "units.resp")


def _units(respons, url: str) -> dict:
    assert respons("ingest", UNITS, str(HERE / "units.jsonl"), "--store", url).exit_code == 0
    result = respons("liability", UNITS, "--store", url, "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stdout
    return json.loads(result.stdout)


def test_heavier_within_the_step_keeps_its_upper_half(respons, sqlite_url):
    data = _units(respons, sqlite_url)
    first, second = _case(data, "T-1"), _case(data, "T-2")
    names = [[m["name"] for m in o] for o in first["ladders"][0]["measures"]["options"]]
    assert names == [["批评教育"], ["责令书面检查"], ["通报批评"], ["暂扣执法证件"]]
    # 从重 (tongzhou 8): heavier within the step — its upper half — not its heaviest.
    measures = second["ladders"][0]["measures"]
    assert measures["choice"] == "heavier"
    assert [[m["name"] for m in o] for o in measures["options"]] == [["通报批评"], ["暂扣执法证件"]]
    assert measures["options"][1][0]["decided_by"] == "发证机关"
    # 或 between bearers: the one the case file names.
    assert [(b["person"], b["joiner"]) for b in second["bearers"]] == [("孙八", "or")]


def test_the_ladder_for_the_subject_the_case_concerns(respons, sqlite_url):
    unit = _case(_units(respons, sqlite_url), "T-3")
    [ladder] = unit["ladders"]
    assert ladder["ladder"] == "单位" and ladder["measures"]["combine"] is True
    assert ladder["measures"]["options"][1][0]["falls_on"] == ["unit", "principal"]
    # 施于 主要负责人: the unit's principal as the case file names him.
    assert ladder["measures"]["options"][1][0]["falls_on_persons"] == \
        {"unit": ["区城管局"], "principal": ["冯二"]}
    assert [b["person"] for b in unit["bearers"]] == ["区城管局"]


COMPLAINTS = str(HERE / "complaints.resp")


def test_a_standing_fault_raises_a_case_per_officer_at_the_third_true_complaint(respons,
                                                                               sqlite_url):
    store = respons("ingest", COMPLAINTS, str(HERE / "complaints.jsonl"), "--store",
                    sqlite_url)
    assert store.exit_code == 0
    result = respons("liability", COMPLAINTS, "--store", sqlite_url, "--year", "2025",
                     "--format", "json")
    data = json.loads(result.stdout)
    # 周九: q3 was not found true; the third true one is q4. 吴十 has two; 郑一's first is
    # more than a year before his third (2024-01-05 against 2025-03-05).
    [case] = data["cases"]
    assert (case["case"], case["record"], case["date"]) == \
        ("一年内三次投诉查证属实·周九", "q4", "2025-06-10")
    assert case["circumstances"][0]["records"] == ["q1", "q2", "q4"]
    assert [[m["name"] for m in o] for o in case["ladders"][0]["measures"]["options"]] == \
        [["调离执法岗位"]]
    assert [b["person"] for b in case["bearers"]] == ["周九"]
    one = respons("liability", COMPLAINTS, "--store", sqlite_url, "--case",
                  "一年内三次投诉查证属实·周九")
    assert one.exit_code == 0 and "周九（被投诉人）" in one.stdout


def test_every_ladder_step_modifier_and_bearing_rule_of_the_test_regimes_is_covered(respons):
    result = respons("test", "--format", "json", str(HERE))
    assert result.exit_code == 0, result.stdout
    coverage = {k["kind"]: (k["covered"], k["total"])
                for k in json.loads(result.stdout)["coverage"]}
    assert coverage == {"duty": (0, 0), "ladder": (5, 5), "ladder step": (6, 6),
                        "ladder modifier": (4, 4), "bearing rule": (3, 3)}


def test_a_regime_without_a_proceeding_is_refused_in_the_format_asked(respons, sqlite_url):
    from paths import ROOT

    # district-opinion's plan names no fault case (its liability is left to other rules)
    plan = str(ROOT / "jurisdictions" / "district-opinion.resp")
    text = respons("liability", plan, "--store", sqlite_url, "--year", "2025")
    assert text.exit_code == 2 and "has no liability proceeding" in text.stderr
    data = respons("liability", plan, "--store", sqlite_url, "--year", "2025",
                   "--format", "json")
    assert data.exit_code == 2 and json.loads(data.stdout)["valid"] is False


def test_proposals_are_kept_under_the_run(respons, sqlite_url):
    """Like obligations, what a run proposed is kept in the store under the run's id: one row
    per case, what it has of its own, and what the cases of one decision share once; joined
    back, the case as the JSON gives it; asking again writes nothing new."""
    import sqlite3

    from respons.engine.liability_kept import whole
    from respons.store.url import sqlite_path

    document = _json(respons, _store(respons, sqlite_url), "--year", "2025")
    path = sqlite_path(sqlite_url)

    def kept():
        with sqlite3.connect(path) as connection:
            rows = connection.execute(
                "SELECT p.run, p.record, p.pursued, p.detail, d.detail FROM liability_proposals p "
                "LEFT JOIN liability_decisions d ON d.run = p.run AND d.decision = p.decision "
                "ORDER BY p.record").fetchall()
            decisions = connection.execute("SELECT run, decision, detail FROM "
                                           "liability_decisions ORDER BY decision").fetchall()
        connection.close()
        return rows, decisions

    rows, decisions = kept()
    cases = {c["record"]: c for c in document["cases"]}
    assert {row[1] for row in rows} == set(cases)
    assert {row[0] for row in rows} == {document["run"]["id"]}
    for _, record, pursued, own, shared in rows:
        assert json.loads(whole(shared, own)) == cases[record]
        assert pursued == int(any(lad["pursued"] for lad in cases[record]["ladders"]))
        if shared is not None:  # the case's own: its ids, bearers and what its counts found
            mine = json.loads(own)
            assert mine["record"] == record and "ladders" not in mine
            assert {name for name in mine["counts"]} <= {
                c["name"] for c in cases[record]["circumstances"] if c["how"] == "count"}
    assert decisions and all(d[1] == hashlib.sha256(d[2].encode()).hexdigest()
                             for d in decisions)
    _json(respons, sqlite_url, "--year", "2025")
    assert kept() == (rows, decisions)


def test_a_step_the_text_permits_says_so_in_the_text_report(respons, tmp_path):
    """samr 15②: 情节轻微 with a 法定从轻 or 减轻 circumstance — the department 可以 (may) give
    谈话提醒 …: the text report says the step is permissive, as the JSON's base_step.modal
    "may" does (it read as if the measures must follow)."""
    from paths import JURISDICTIONS

    regime = str(JURISDICTIONS / "samr.resp")
    records = tmp_path / "case.jsonl"
    records.write_text(json.dumps({
        "id": "S1", "type": "行政执法过错行为线索.调查", "at": "2025-07-15", "线索编号": "S1",
        "所在部门": "市场监督管理部门", "工作人员": "唐某",
        "过错行为": "不及时立案或者办案人员未取得行政执法证件",
        "认定情形": "情节轻微、法定从轻情形"},
        ensure_ascii=False) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert respons("ingest", regime, str(records), "--store", url).exit_code == 0
    data = _json_of(respons, regime, url, "--case", "S1")
    ladder = data["cases"][0]["ladders"][0]
    assert ladder["base_step"]["modal"] == "may" and ladder["pursued"]
    # 〔第二款〕 written inside 第十五条's ladder is cited as the text report cites it.
    cited = ladder["base_step"]["citation"]["text"]
    assert cited == "市场监督管理行政执法责任制规定 第十五条第二款"
    text = respons("liability", regime, "--store", url, "--case", "S1").stdout
    step = text.index("第1级：情节轻微")
    assert text[step:].splitlines()[1] == "    原文为“可以”：是否适用由决定机关裁量"


def _json_of(respons, regime: str, url: str, *selection: str) -> dict:
    result = respons("liability", regime, "--store", url, "--format", "json", *selection)
    assert result.exit_code == 0, result.stdout
    return json.loads(result.stdout)


def test_a_found_name_the_regime_does_not_declare_is_said_not_passed_over(respons, sqlite_url,
                                                                          tmp_path):
    """A 认定情形 naming what the regime declares as neither circumstance nor fault (here a
    misspelling of 行政相对人过错或不可抗力) changes nothing — and the report says so, in the
    JSON, the Chinese text and the detail the run keeps."""
    import sqlite3

    from respons.engine.liability_kept import whole
    from respons.store.url import sqlite_path

    records = tmp_path / "cases.jsonl"
    records.write_text(Path(CASES).read_text("utf-8") + json.dumps(
        {"id": "e1", "type": "过错案件.提起", "at": "2025-08-01", "案件编号": "GZ-5",
         "过错行为": "没有法定依据实施处罚", "承办人": "钱七", "过错程度": "一般过错",
         "认定情形": "行政相对人过错或不可抗拒、二人以上共同行使职权"}, ensure_ascii=False)
        + "\n" + json.dumps({"id": "e2", "type": "过错案件.决定", "at": "2025-08-20",
                             "案件编号": "GZ-5", "决定机关": "省教育厅"}, ensure_ascii=False)
        + "\n", "utf-8")
    assert respons("ingest", REGIME, str(records), "--store", sqlite_url).exit_code == 0
    case = _case(_json(respons, sqlite_url, "--year", "2025"), "GZ-5")
    assert case["found_undeclared"] == ["行政相对人过错或不可抗拒"]
    assert case["ladders"][0]["pursued"] is True  # the misspelt exemption does not hold
    assert _case(_json(respons, sqlite_url, "--case", "GZ-1"), "GZ-1")["found_undeclared"] == []
    text = respons("liability", REGIME, "--store", sqlite_url, "--case", "GZ-5").stdout
    assert "认定（认定情形）：行政相对人过错或不可抗拒——本制度未规定此情形或过错，未予考虑" in text
    with sqlite3.connect(sqlite_path(sqlite_url)) as connection:
        own, shared = connection.execute(
            "SELECT p.detail, d.detail FROM liability_proposals p LEFT JOIN liability_decisions d "
            "ON d.run = p.run AND d.decision = p.decision WHERE p.record = 'e2'").fetchone()
    connection.close()
    assert json.loads(whole(shared, own)) == case

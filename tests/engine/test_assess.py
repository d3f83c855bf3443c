"""`respons assess`: every agency scored from the records in the store, on SQLite,
PostgreSQL and DuckDB alike — deductions counted in SQL with the records behind them, caps,
breaches of duties, a veto fixing the grade whatever the score, a grade two years running
and its consequence, the recorded score graded at the exact boundaries of jilin-city 31
(70, 85, 95; 94.5 四舍五入 to 95), and the same JSON byte for byte on every backend."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "assess"
BACKENDS = ["sqlite", "postgresql", "duckdb"]


def _records(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


YEARLY = [
    {"id": "T1-收", "type": "投诉举报.收到", "at": "2025-03-01", "编号": "T1", "机关": "甲局",
     "承办人": "张三"},
    {"id": "T1-实", "type": "投诉举报.查实", "at": "2025-03-02", "编号": "T1", "机关": "甲局",
     "承办人": "张三"},
    {"id": "T2-收", "type": "投诉举报.收到", "at": "2025-04-01", "编号": "T2", "机关": "甲局",
     "承办人": "张三"},
    {"id": "T2-复", "type": "投诉举报.答复", "at": "2025-04-20", "编号": "T2", "机关": "甲局",
     "承办人": "张三"},
    *({"id": f"T{n}-实", "type": "投诉举报.查实", "at": "2025-06-01", "编号": f"T{n}",
       "机关": "甲局", "承办人": "李四"} for n in range(3, 9)),
    {"id": "P1", "type": "行政赔偿.发生", "at": "2024-05-01", "机关": "乙局"},
    {"id": "P2", "type": "行政赔偿.发生", "at": "2025-05-01", "机关": "乙局"},
]


def _assess(respons, tmp_path, url, regime, rows, year="2025"):
    records = _records(tmp_path / "records.jsonl", rows)
    ingested = respons("ingest", str(regime), str(records), "--store", url)
    assert ingested.exit_code == 0, ingested.stderr
    result = respons("assess", str(regime), "--year", year, "--store", url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.stdout, json.loads(result.stdout)


def _subjects(document):
    return {(a["assessment"], s["subject"]): s for a in document["assessments"]
            for s in a["subjects"]}


@pytest.mark.parametrize("backend", BACKENDS)
def test_deductions_caps_breaches_vetoes_and_two_years_running(respons, tmp_path, backend,
                                                               request):
    url = request.getfixturevalue(f"{backend}_url")
    _, document = _assess(respons, tmp_path, url, HERE / "yearly.resp", YEARLY)
    subjects = _subjects(document)
    jia, yi = subjects[("年度考核", "甲局")], subjects[("年度考核", "乙局")]
    # 执法规范: 7 查实 × 2.5 = 17.5, at most 10 (至多 10 分); 执法监督: two breaches of 答复投诉
    # (T1 never answered, T2 answered late) × 2 = 4. 100 − 10 − 4 = 86 良好.
    assert (jia["total"], jia["grade"], jia["vetoed_by"]) == ("86", "良好", None)
    first, second = jia["items"]
    assert first["deductions"][0]["count"] == 7 and first["deductions"][0]["points"] == "10"
    assert first["deductions"][0]["records"] == sorted(
        ["T1-实", *(f"T{n}-实" for n in range(3, 9))])
    assert second["deductions"][0]["records"] == ["T1-收", "T2-收"]
    assert first["score"] == "50" and second["score"] == "36"
    # 乙局: nothing deducted, but a state compensation in the year: the veto fixes 不及格,
    # and it was vetoed the year before too — 连续 2 年.
    assert (yi["total"], yi["grade"]) == ("100", "不及格")
    assert yi["vetoes"][0]["records"] == ["P2"] and yi["vetoes"][0]["citation"]
    consequences = [(c["measures"], c["consecutive"], c["years"]) for c in yi["consequences"]]
    assert consequences == [([["整改通知书"]], None, [2025]),
                            ([["调离现岗位"]], 2, [2024, 2025])]
    assert jia["consequences"] == []
    # on whom a measure falls, as its declaration says (施于, issue 10's measures)
    assert [c["falls_on"] for c in yi["consequences"]] == [{}, {"调离现岗位": "principal"}]


def test_the_text_report_is_in_the_regime_language(respons, tmp_path, sqlite_url):
    records = _records(tmp_path / "records.jsonl", YEARLY)
    respons("ingest", str(HERE / "yearly.resp"), str(records), "--store", sqlite_url)
    result = respons("assess", str(HERE / "yearly.resp"), "--year", "2025", "--store",
                     sqlite_url)
    assert result.exit_code == 0, result.stderr
    assert "测试考核 评议考核 · 2025 年度" in result.stdout
    assert "甲局        86  良好" in result.stdout
    assert "后果（不及格，连续 2 年：2024、2025）：调离现岗位（施于 主要负责人） " \
        "〔测试考核 第七条〕" in result.stdout
    again = respons("assess", str(HERE / "yearly.resp"), "--year", "2025", "--store",
                    sqlite_url)
    assert again.stdout == result.stdout  # the run's results are kept and read again


SCORES = [("甲局", 70), ("乙局", 85), ("丙局", 95), ("丁局", 94.5), ("戊局", 69.4),
          ("己局", 84.5), ("庚局", 99)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_recorded_scores_at_the_boundaries_of_jilin_city_31(respons, tmp_path, backend,
                                                            request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [{"id": f"K{n}", "type": "评议考核.评定", "at": "2025-12-20", "被考核单位": who,
             "得分": score} for n, (who, score) in enumerate(SCORES)]
    rows.append({"id": "C1", "type": "行政赔偿.发生", "at": "2025-08-01", "机关": "庚局"})
    _, document = _assess(respons, tmp_path, url, HERE / "boundary.resp", rows)
    got = {who: (s["total"], s["grade"]) for (_, who), s in _subjects(document).items()}
    assert got == {"甲局": ("70", "及格"),      # 70: 以上 and 以下 both hold; 边界 70 => 及格
                   "乙局": ("85", "良好"), "丙局": ("95", "优秀"),
                   "丁局": ("95", "优秀"),      # 94.5 四舍五入 95 (round() would say 94 良好)
                   "戊局": ("69", "不及格"), "己局": ("85", "良好"),
                   "庚局": ("99", "不及格")}    # a veto overrides a high score
    recorded = _subjects(document)[("行政执法责任制评议考核", "甲局")]["recorded"]
    assert recorded == {"score": "K0"}


def test_every_backend_gives_the_same_json(respons, tmp_path, request):
    outputs = []
    for backend in BACKENDS:
        try:
            url = request.getfixturevalue(f"{backend}_url")
        except pytest.skip.Exception:
            continue
        folder = tmp_path / backend
        folder.mkdir()
        text, _ = _assess(respons, folder, url, HERE / "yearly.resp", YEARLY)
        outputs.append(text)
    assert len(outputs) >= 2 and len(set(outputs)) == 1


def test_respons_run_with_a_year_assesses_after_evaluating(respons, tmp_path, sqlite_url):
    records = _records(tmp_path / "records.jsonl", YEARLY)
    result = respons("run", str(HERE / "yearly.resp"), str(records), "--store", sqlite_url,
                     "--year", "2025", "-q", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["evaluation"]["as_of"] == "2025-06-01"
    assessed = _subjects(document["assessment"])
    assert assessed[("年度考核", "甲局")]["total"] == "86"
    alone = respons("assess", str(HERE / "yearly.resp"), "--year", "2025", "--store",
                    sqlite_url, "--format", "json")
    assert json.loads(alone.stdout) == document["assessment"]
    text = respons("run", str(HERE / "yearly.resp"), str(records), "--store", sqlite_url,
                   "--year", "2025", "-q")
    assert "年度考核（方案 百分制，对象 机关" in text.stdout


def test_a_year_is_required_and_checked(respons, tmp_path, sqlite_url):
    result = respons("assess", str(HERE / "yearly.resp"), "--store", sqlite_url)
    assert result.exit_code == 2 and "--year" in result.stderr
    result = respons("assess", str(HERE / "yearly.resp"), "--year", "二〇二五", "--store",
                     sqlite_url)
    assert result.exit_code == 2 and "--year" in result.stderr


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_assessment_of_contents_lists_what_it_found(respons, tmp_path, backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [{"id": f"F{n}", "type": f"行政复议.{event}", "at": "2025-07-01", "案号": f"F{n}",
             "被申请人": who} for n, (event, who) in enumerate(
                 [("撤销", "甲厅"), ("撤销", "甲厅"), ("变更", "甲厅"), ("维持", "乙厅")])]
    rows.append({"id": "F9", "type": "行政复议.撤销", "at": "2024-07-01", "案号": "F9",
                 "被申请人": "乙厅"})  # another year: not this assessment's
    _, document = _assess(respons, tmp_path, url, HERE / "contents.resp", rows)
    subjects = _subjects(document)
    jia, yi = subjects[("行政执法责任制考核", "甲厅")], subjects[("行政执法责任制考核", "乙厅")]
    assert (jia["total"], jia["grade"], yi["total"], yi["grade"]) == (None, None, None, None)
    found = [(f["what"], f["count"], f["records"]) for f in jia["items"][0]["findings"]]
    assert found == [("行政复议.撤销", 2, ["F0", "F1"]), ("行政复议.变更", 1, ["F2"])]
    assert [f["count"] for f in yi["items"][0]["findings"]] == [0, 0]


def test_scenarios_expect_scores_grades_and_consequences(respons, tmp_path):
    result = respons("test", str(HERE / "yearly.test.resp"))
    assert result.exit_code == 0, result.stdout
    assert "coverage: 1 of 1 assessments exercised by a scenario" in result.stdout


def test_a_scenario_says_where_an_assessment_differs(respons, tmp_path):
    text = (HERE / "yearly.test.resp").read_text("utf-8")
    text = text.replace("上位 yearly", f"上位 {json.dumps(str(HERE / 'yearly.resp'))}")
    text = text.replace("得分 90, 等级 良好, 后果 无", "得分 90.5, 等级 优秀, 后果 整改通知书")
    text = text.replace("后果 整改通知书, 后果 调离现岗位", "后果 无")
    wrong = tmp_path / "wrong.test.resp"
    wrong.write_text(text, "utf-8")
    result = respons("test", str(wrong), "--format", "json")
    assert result.exit_code == 1, result.stdout
    found = {(d["obligation"], d["what"], d["expected"], d["got"])
             for s in json.loads(result.stdout)["scenarios"] for d in s["differences"]}
    assert found == {("考核 年度考核 甲局 2025", "score", "90.5", "90"),
                     ("考核 年度考核 甲局 2025", "grade", "优秀", "良好"),
                     ("考核 年度考核 甲局 2025", "consequence", "整改通知书", "none"),
                     ("考核 年度考核 乙局 2025", "consequence", "none", "整改通知书、调离现岗位")}


@pytest.mark.parametrize("backend", BACKENDS)
def test_recorded_results_are_graded_as_recorded_for_the_year_they_name(respons, tmp_path,
                                                                        backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [
        # the 2025 results, recorded in January 2026; a 2024 one recorded in 2025
        {"id": "R1", "type": "评议考核结果.评定", "at": "2026-01-10", "被考核单位": "甲局",
         "考核年度": 2025, "得分": 94.95},
        {"id": "R2", "type": "评议考核结果.评定", "at": "2025-01-10", "被考核单位": "乙局",
         "考核年度": 2024, "得分": 60},
        {"id": "R3", "type": "评议考核结果.评定", "at": "2026-01-12", "被考核单位": "乙局",
         "考核年度": 2025, "得分": 88},
        {"id": "G1", "type": "人员考核结果.确定档次", "at": "2025-12-01", "被考核人员": "张三",
         "档次": "不合格"},
        {"id": "F1", "type": "案卷评查结果.评定", "at": "2025-11-20", "案卷号": "F1",
         "被评查人员": "张三"},
        {"id": "F2", "type": "案卷评查结果.评定", "at": "2025-11-21", "案卷号": "F2",
         "被评查人员": "李四"},
    ]
    _, document = _assess(respons, tmp_path, url, HERE / "recorded.resp", rows)
    got = _subjects(document)
    jia, yi = got[("评议考核", "甲局")], got[("评议考核", "乙局")]
    assert (jia["total"], jia["grade"], jia["recorded"]) == ("94.95", "良好", {"score": "R1"})
    assert (yi["total"], yi["grade"], yi["recorded"]) == ("88", "良好", {"score": "R3"})
    zhang, li = got[("人员评议考核", "张三")], got[("人员评议考核", "李四")]
    assert (zhang["grade"], zhang["recorded"]) == ("不合格", {"grade": "G1"})
    assert zhang["items"][0]["findings"][0]["records"] == ["F1"]
    assert li["grade"] is None and li["items"][0]["findings"][0]["records"] == ["F2"]


def _case_files(appeal: bool):
    rows = [{"id": f"JA{n}-结", "type": "行政处罚案件.结案", "at": f"2025-0{n}-10",
             "案号": f"JA{n}", "办案机关": "甲局"} for n in range(1, 9)]
    rows += [{"id": f"YA{n}-结", "type": "行政处罚案件.结案", "at": "2025-05-10", "案号": f"YA{n}",
              "办案机关": "乙局"} for n in (1, 2)]
    rows.append({"id": "JA9-结", "type": "行政处罚案件.结案", "at": "2024-12-31", "案号": "JA9",
                 "办案机关": "甲局"})  # closed the year before: not in 2025's catalogue
    rows += [{"id": f"JA{n}-评", "type": "案卷评查单.评定", "at": "2026-01-05", "案号": f"JA{n}",
              "评查分数": 60 + n * 4, "主体不合法": False} for n in range(1, 10)]
    rows += [{"id": "YA1-评", "type": "案卷评查单.评定", "at": "2026-01-05", "案号": "YA1",
              "评查分数": 50, "主体不合法": True},
             {"id": "YA2-评", "type": "案卷评查单.评定", "at": "2026-01-05", "案号": "YA2",
              "评查分数": 90, "主体不合法": False}]
    if appeal:  # 第九条: 经认定确有合理依据的，修正原评查问题
        rows.append({"id": "YA1-申辩", "type": "不合格卷申辩.认定", "at": "2026-01-20",
                     "案号": "YA1", "修正分数": 75})
    return rows


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_review_of_case_files_draws_reproducibly_and_means_the_sheets(respons, tmp_path,
                                                                        backend, request):
    import hashlib

    url = request.getfixturevalue(f"{backend}_url")
    _, document = _assess(respons, tmp_path, url, HERE / "files.resp", _case_files(False))
    got = _subjects(document)
    jia, yi = got[("年终案卷评查", "甲局")], got[("年终案卷评查", "乙局")]
    # anyone can repeat the draw: rank the catalogue by SHA-256 of seed, subject, case number
    catalogue = [f"JA{n}" for n in range(1, 9)]
    ranked = sorted(catalogue, key=lambda m: hashlib.sha256(
        f"2025\x1f甲局\x1f{m}".encode()).hexdigest())[:3]
    assert [f["file"] for f in jia["draw"]["files"]] == ranked
    assert (jia["draw"]["seed"], jia["draw"]["catalogue"]) == (2025, 8)
    scores = [60 + 4 * int(m[2:]) for m in ranked]
    mean = sum(scores) / 3
    assert jia["total"] == f"{mean:.1f}" and jia["grade"] == "合格"
    # 乙局: both its files; YA1's veto item makes it 不合格, and the subject failing_grade
    assert (yi["total"], yi["grade"]) == ("70.0", "不合格")
    assert {f["file"]: f["vetoed"] for f in yi["draw"]["files"]} == {"YA1": True, "YA2": False}


def test_an_appeal_corrects_a_file_and_lifts_its_veto(respons, tmp_path, sqlite_url):
    _, document = _assess(respons, tmp_path, sqlite_url, HERE / "files.resp", _case_files(True))
    yi = _subjects(document)[("年终案卷评查", "乙局")]
    files = {f["file"]: f for f in yi["draw"]["files"]}
    assert (files["YA1"]["score"], files["YA1"]["sheet_score"], files["YA1"]["appeal"]) == \
        ("75", "50", "YA1-申辩")
    assert (yi["total"], yi["grade"]) == ("82.5", "合格")


@pytest.mark.parametrize("backend", BACKENDS)
def test_ways_of_evaluating_combine_by_weight(respons, tmp_path, backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [{"id": f"{who}-{way}", "type": f"考评表.{way}", "at": "2025-11-01",
             "被考评单位": who, "分数": score}
            for who, scores in (("甲局", (100, 95, 85.5)), ("乙局", (90, 80, None)))
            for way, score in zip(("自评", "互评", "群众评议"), scores, strict=True)
            if score is not None]
    _, document = _assess(respons, tmp_path, url, HERE / "weighted.resp", rows)
    got = _subjects(document)
    jia, yi = got[("年度考评", "甲局")], got[("年度考评", "乙局")]
    # 20% × 100 + 30% × 95 + 50% × 85.5 = 20 + 28.5 + 42.75 = 91.25 → 91.3 (四舍五入) 优秀
    assert (jia["total"], jia["grade"]) == ("91.3", "优秀")
    assert jia["recorded"] == {"weight:self": "甲局-自评", "weight:mutual": "甲局-互评",
                               "weight:public": "甲局-群众评议"}
    assert (yi["total"], yi["grade"]) == (None, None)  # no public evaluation submitted


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_file_review_feeds_the_yearly_score(respons, tmp_path, backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [{"id": "R1", "type": "评查结果.评定", "at": "2025-11-01", "被评查单位": "甲局",
             "分数": 85},
            {"id": "C1", "type": "投诉举报.查实", "at": "2025-06-01", "编号": "C1", "机关": "甲局"},
            {"id": "C2", "type": "投诉举报.查实", "at": "2025-06-01", "编号": "C2", "机关": "乙局"}]
    _, document = _assess(respons, tmp_path, url, HERE / "fed.resp", rows)
    got = _subjects(document)
    jia, yi = got[("年度考核", "甲局")], got[("年度考核", "乙局")]
    # 85 of 100 is 17 of the item's 20; 80 − 5 = 75: 92 优秀
    assert (jia["items"][0]["score"], jia["total"], jia["grade"]) == ("17", "92.0", "优秀")
    # 乙局 was not reviewed: no score to feed the item, so no yearly total
    assert (yi["items"][0]["score"], yi["total"], yi["grade"]) == (None, None, None)


def test_an_assessment_fed_by_itself_is_refused(respons, tmp_path):
    text = (HERE / "fed.resp").read_text("utf-8").replace(
        "  得分 评查结果.评定 的 分数 〔第二条〕\n",
        "  得分 评查结果.评定 的 分数 〔第二条〕\n  项目 年度结果 来自 年度考核 〔第二条〕\n")
    (tmp_path / "fed.resp").write_text(text, "utf-8")
    result = respons("check", str(tmp_path / "fed.resp"))
    assert result.exit_code == 1 and "R0513" in result.stdout


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_number_drawn_is_the_notice_and_a_conclusion_fails_a_file(respons, tmp_path,
                                                                      backend, request):
    url = request.getfixturevalue(f"{backend}_url")
    rows = [{"id": f"W{n}", "type": "报送案卷.报送目录", "at": "2025-11-01",
             "处罚决定书文号": f"W{n}", "行政执法部门": "甲局"} for n in range(1, 7)]
    rows.append({"id": "N1", "type": "年终评查.书面通知", "at": "2025-10-20", "被通知部门": "甲局",
                 "调阅案卷数量": 4})
    rows += [{"id": f"W{n}-评", "type": "评查案卷.制作评查单", "at": "2025-12-10",
              "处罚决定书文号": f"W{n}", "评查分数": 70 + n,
              "评查结论": "不合格卷" if n == 2 else "合格卷"} for n in range(1, 7)]
    # the seed is the draw's own record, fixed when the files are drawn (N4c)
    rows.append({"id": "D1", "type": "抽取记录.抽取案卷", "at": "2025-12-01", "种子": 20251201})
    _, document = _assess(respons, tmp_path, url, HERE / "files-notice.resp", rows)
    jia = _subjects(document)[("年终案卷评查", "甲局")]
    files = jia["draw"]["files"]
    assert len(files) == 4 and jia["draw"]["catalogue"] == 6
    assert jia["draw"]["seed"] == 20251201
    assert all(f["vetoed"] == (f["file"] == "W2") for f in files)
    mean = sum(Decimal(f["score"]) for f in files) / 4
    assert jia["total"] == str(mean.quantize(Decimal("0.1"), rounding="ROUND_HALF_UP"))


def test_no_draw_without_the_draw_s_record(respons, tmp_path, sqlite_url):
    rows = [{"id": f"W{n}", "type": "报送案卷.报送目录", "at": "2025-11-01",
             "处罚决定书文号": f"W{n}", "行政执法部门": "甲局"} for n in range(1, 4)]
    rows.append({"id": "N1", "type": "年终评查.书面通知", "at": "2025-10-20", "被通知部门": "甲局",
                 "调阅案卷数量": 2})
    _, document = _assess(respons, tmp_path, sqlite_url, HERE / "files-notice.resp", rows)
    jia = _subjects(document)[("年终案卷评查", "甲局")]
    assert (jia["draw"]["seed"], jia["draw"]["files"], jia["total"]) == (None, [], None)

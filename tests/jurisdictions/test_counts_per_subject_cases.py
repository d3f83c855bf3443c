"""Counts per officer, run by `respons liability` on the seed regimes (issue 10's
over-counting): one officer's count does not fire for another.

- tongzhou 实施细则 第八条第（三）项: 张某 pursued three times within a year (this decision among
  them) is aggravated; 王某, decided the same day, is not; a decision more than a year old
  drops out (民法典 第二百零一条、第二百零二条: the year runs from the day after the
  corresponding day); 张某's defence is recorded and raises nothing.
- hangzhou 第四十二条第（二）项: 李四's acts count only where their later 决定 found them 追究.
- dacheng 过错追究办法 第七条第（二）项: 陈某's third 认定 within a year counts itself and
  raises the step (第七条, 应当 加重一级); 刘某's first does not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from paths import JURISDICTIONS
from respons.cli import main

RECORDS = Path(__file__).parent / "records"


def _cases(tmp_path, regime_id: str, year: str) -> dict:
    regime = str(JURISDICTIONS / f"{regime_id}.resp")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", regime, str(RECORDS / f"{regime_id}.jsonl"),
                                  "--store", url])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(main, ["liability", regime, "--store", url, "--year", year,
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    return {c["case"]: c for c in json.loads(result.stdout)["cases"]}


def _count(case, name):
    found = next(c for c in case["circumstances"] if c["name"] == name)
    return found["holds"], found["records"]


def _applied(case, ladder):
    ladder = next(x for x in case["ladders"] if x["ladder"] == ladder)
    return [(m["condition"], m["effect"]) for m in ladder["modifiers"] if m["applied"]]


def test_tongzhou_counts_pursuits_per_officer(tmp_path):
    cases = _cases(tmp_path, "tongzhou", "2025")
    name = "人员一年内被追究两次以上"
    assert _count(cases["TZ-3"], name) == (True, ["TZ-1.决定", "TZ-2.决定", "TZ-3.决定"])
    assert _applied(cases["TZ-3"], "行政执法人员责任追究") == [(name, "heavier")]
    assert _count(cases["TZ-4"], name) == (False, ["TZ-4.决定"])
    assert _applied(cases["TZ-4"], "行政执法人员责任追究") == []
    # 实施细则 第十五条: the defence is heard and raises nothing.
    assert cases["TZ-3"]["defence"] is True
    assert "defence" in next(x for x in cases["TZ-3"]["ladders"]
                             if x["ladder"] == "行政执法人员责任追究")["notes"]
    # An officer's case runs the officers' ladder only (实施细则 第六条 is the departments').
    pursued = [x["ladder"] for x in cases["TZ-3"]["ladders"] if x["pursued"]]
    assert pursued == ["行政执法人员责任追究"]


def test_tongzhou_s_year_runs_from_the_day_after_the_corresponding_day(tmp_path):
    # TZ-6 on 2026-01-16: the year is 2025-01-17 … 2026-01-16, so TZ-1 (2025-01-15) is out.
    cases = _cases(tmp_path, "tongzhou", "2026")
    assert _count(cases["TZ-6"], "人员一年内被追究两次以上") == (
        True, ["TZ-2.决定", "TZ-3.决定", "TZ-6.决定"])


def test_hangzhou_counts_only_acts_later_decided_to_be_pursued(tmp_path):
    cases = _cases(tmp_path, "hangzhou", "2025")
    name = "人员一年内出现3次以上应予追究行政执法责任情形"
    # HZ-2 was decided 不予追究: it is not among 李四's acts that count.
    assert _count(cases["HZ-4"], name) == (True, ["HZ-1.发生", "HZ-3.发生", "HZ-4.发生"])
    assert _applied(cases["HZ-4"], "行政执法人员责任追究") == [(name, "heavier")]
    assert _count(cases["HZ-5"], name) == (False, ["HZ-5.发生"])
    assert _count(cases["HZ-3"], name) == (False, ["HZ-1.发生", "HZ-3.发生"])


def test_dacheng_counts_findings_per_officer_this_one_included(tmp_path):
    cases = _cases(tmp_path, "dacheng-approval", "2025")
    name = "一年内发生三次以上行政执法过错行为"
    assert _count(cases["DC-3"], name) == (True, ["DC-1.认定", "DC-2.认定", "DC-3.认定"])
    ladder = next(x for x in cases["DC-3"]["ladders"] if x["ladder"] == "行政执法过错责任追究")
    assert (ladder["base_step"]["level"], ladder["step"]) == (1, 2)
    assert [m["effect"] for m in ladder["modifiers"] if m["applied"]] == ["raise1"]
    assert _count(cases["DC-4"], name) == (False, ["DC-4.认定"])
    assert [(b["person"], b["reference"]) for b in cases["DC-4"]["bearers"]] == [
        ("刘某", "过错责任人")]


@pytest.mark.parametrize("regime_id", ["tongzhou", "hangzhou", "dacheng-approval"])
def test_the_text_report_is_chinese_and_cites_the_count_s_article(tmp_path, regime_id):
    regime = str(JURISDICTIONS / f"{regime_id}.resp")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", regime, str(RECORDS / f"{regime_id}.jsonl"),
                                "--store", url]).exit_code == 0
    text = runner.invoke(main, ["liability", regime, "--store", url, "--year", "2025"]).stdout
    assert "责任人：" in text and "哈希链已验证" in text
    cited = {"tongzhou": "第八条第（三）项", "hangzhou": "第四十二条第（二）项",
             "dacheng-approval": "第七条第（二）项"}[regime_id]
    assert cited in text

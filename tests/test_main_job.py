"""The main job: `respons run` over the example year, as the README's first command runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from paths import ROOT

EXAMPLE = ROOT / "examples" / "changchun-xinqu-2025"
REGIME = EXAMPLE / "xinqu-departments.resp"
RECORDS = EXAMPLE / "records.jsonl"


def test_the_example_records_are_what_the_generator_writes():
    generated = subprocess.run([sys.executable, str(EXAMPLE / "generate.py")], check=True,
                               capture_output=True).stdout
    assert generated == RECORDS.read_bytes()


def test_run_ingests_and_reports_by_agency_and_breach(respons, tmp_path):
    result = respons("run", str(REGIME), str(RECORDS), cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "stored 649 records" in out
    assert "长春新区行政执法部门落实方案示例 (xinqu-departments) · as of 2025-12-31" in out
    assert ("263 obligations: met 167 · met late 57 · open 1 · overdue 20 · unknown 18"
            in out)
    # The inspections of 2025 start the next three years (任务12), due in 2028: a year
    # whose holidays are not published yet, so those due dates are unknown, not guessed.
    assert "calendar cn: 2022–2026 (no data for 2028)" in out
    assert "no data for 2028" in result.stderr
    assert "新区市场监督管理局" in out and "Breaches (77)" in out
    # A breach names its matter, its period, its due date, who owns it and its article.
    assert ("告知投诉举报受理情况 · XQ-TS-2025-0053 · 2025-01-05 + 5 工作日 → due 2025-01-10: "
            "met 2025-01-14 by XQ-TS-2025-0053-告知, 4 days late") in out
    assert "〔长春新区全面落实行政执法责任制实施方案 任务21〕" in out
    assert (tmp_path / "respons.db").exists()  # the embedded default store


def test_running_the_same_year_twice_gives_the_same_report(respons, tmp_path):
    first = respons("run", str(REGIME), str(RECORDS), "--format", "json", cwd=tmp_path)
    second = respons("run", str(REGIME), str(RECORDS), "--format", "json", cwd=tmp_path)
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    assert one["ingest"]["files"][0]["stored"] == 649
    assert two["ingest"]["files"][0]["status"] == "unchanged"
    assert one["evaluation"] == two["evaluation"]
    again = respons("evaluate", str(REGIME), "--format", "json", cwd=tmp_path)
    assert json.loads(again.stdout) == one["evaluation"]
    text_one = respons("evaluate", str(REGIME), cwd=tmp_path).stdout
    text_two = respons("evaluate", str(REGIME), cwd=tmp_path).stdout
    assert text_one == text_two


def test_run_refuses_an_invalid_regime_before_storing_anything(respons, tmp_path):
    from paths import GOLDEN

    result = respons("run", str(GOLDEN / "invalid" / "names.resp"), str(RECORDS), cwd=tmp_path)
    assert result.exit_code == 1 and "R0201" in result.stderr
    assert not (tmp_path / "respons.db").exists()

"""Every evaluation is a run over the ledger up to a head, and no report is made from a
ledger that does not verify (issue 8, points 3 and 4), on SQLite and PostgreSQL.

The example year is evaluated, then the store is tampered with as a user with the
database could — one record deleted, one date moved — and `respons evaluate` and
`respons run` must refuse with the verify message instead of reporting other counts.
Evaluations of one store one after the other, and at the same moment in separate
processes (of one regime, of one regime at two dates, of two regimes), keep every run,
each with its own right results.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from paths import ROOT

EXAMPLE = ROOT / "examples" / "changchun-xinqu-2025"
REGIME = EXAMPLE / "xinqu-departments.resp"
RECORDS = EXAMPLE / "records.jsonl"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request):
    return request.getfixturevalue(f"{request.param}_url")


def _sql(url: str, statement: str) -> None:
    if url.startswith("sqlite:"):
        import sqlite3

        from respons.store.url import sqlite_path

        with sqlite3.connect(sqlite_path(url)) as connection:
            connection.execute(statement)
        connection.close()
        return
    import psycopg
    from respons_postgresql.store import split_url

    conninfo, schema = split_url(url)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'SET search_path TO "{schema}"')
        connection.execute(statement)


def _totals(result) -> dict:
    assert result.exit_code == 0, result.stdout + result.stderr
    document = json.loads(result.stdout)
    return (document.get("evaluation") or document)["totals"]


def test_a_tampered_store_is_refused_not_reported(respons, store, tmp_path):
    first = respons("run", str(REGIME), str(RECORDS), "--store", store, "--format", "json")
    assert _totals(first)["met"] == 167
    _sql(store, "DELETE FROM records WHERE seq = 100")
    _sql(store, "UPDATE records SET at_date = '2025-02-01' WHERE seq = 200")
    for command in (["evaluate", str(REGIME)], ["run", str(REGIME), str(RECORDS)]):
        result = respons(*command, "--store", store)
        assert result.exit_code == 1, (command, result.stdout)
        # run's ingest lines (in the report's language, Chinese here) and nothing else
        assert result.stdout.strip() == "" or "存入" in result.stdout, result.stdout
        assert "chain broken after 99 intact records" in result.stderr, result.stderr
        assert "error: record seq 100 is missing: it was removed" in result.stderr
        as_json = respons(*command, "--store", store, "--format", "json")
        assert as_json.exit_code == 1
        problem = json.loads(as_json.stdout)["problem"]
        assert (problem["kind"], problem["seq"]) == ("removed", 100)
    # Asked not to verify, it reports — and says it did not verify.
    unverified = respons("evaluate", str(REGIME), "--store", store, "--no-verify")
    assert unverified.exit_code == 0
    assert "哈希链未验证（--no-verify）" in unverified.stdout.splitlines()[1]
    document = json.loads(respons("evaluate", str(REGIME), "--store", store, "--no-verify",
                                  "--format", "json").stdout)
    assert document["run"]["verified"] is False


def test_a_report_names_its_run_and_head(respons, store):
    result = respons("run", str(REGIME), str(RECORDS), "--store", store, "--format", "json")
    evaluation = json.loads(result.stdout)["evaluation"]
    info = json.loads(respons("store", "info", "--store", store, "--format", "json").stdout)
    assert evaluation["run"]["head"] == info["head"]
    assert evaluation["run"]["verified"] is True and len(evaluation["run"]["id"]) == 16
    text = respons("evaluate", str(REGIME), "--store", store)
    assert f"运行 {evaluation['run']['id']} · 账本头 序号 649 " \
           f"{info['head']['hash'][:16]}… · 哈希链已验证" in text.stdout


def test_runs_one_after_the_other_keep_each_result(respons, store):
    respons("ingest", str(REGIME), str(RECORDS), "--store", store, "--quiet")
    early = _totals(respons("evaluate", str(REGIME), "--store", store, "--as-of",
                            "2025-06-30", "--format", "json"))
    late = _totals(respons("evaluate", str(REGIME), "--store", store, "--format", "json"))
    assert early != late and late["met"] == 167
    again = _totals(respons("evaluate", str(REGIME), "--store", store, "--as-of",
                            "2025-06-30", "--format", "json"))
    assert again == early


def _evaluate_in_a_process(store: str, regime, as_of: str | None) -> subprocess.Popen:
    command = [sys.executable, "-m", "respons", "evaluate", str(regime), "--store", store,
               "--format", "json"] + (["--as-of", as_of] if as_of else [])
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_evaluations_at_the_same_moment_keep_every_result(respons, store, tmp_path):
    other = tmp_path / "other.resp"  # another regime over the same records
    text = REGIME.read_text("utf-8").replace("长春新区行政执法部门落实方案示例", "另一个方案")
    parent = ROOT / "jurisdictions" / "changchun-xinqu.resp"
    other.write_text(text.replace('"../../jurisdictions/changchun-xinqu.resp"',
                                  json.dumps(str(parent))), "utf-8")
    respons("ingest", str(REGIME), str(RECORDS), "--store", store, "--quiet")
    cases = [(REGIME, None), (REGIME, None), (REGIME, "2025-06-30"), (other, None)]
    alone = {}
    for regime, as_of in set(cases):
        args = ["evaluate", str(regime), "--store", store, "--format", "json"]
        alone[(regime, as_of)] = _totals(respons(*args, *(["--as-of", as_of] if as_of else [])))
    # The same again, all at once, on a store that must compute them afresh.
    _sql(store, "DELETE FROM obligations")
    _sql(store, "DELETE FROM runs")
    processes = [_evaluate_in_a_process(store, regime, as_of) for regime, as_of in cases]
    for process, case in zip(processes, cases, strict=True):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert json.loads(out)["totals"] == alone[case], case
    runs = json.loads(respons("store", "info", "--store", store, "--format", "json").stdout)
    assert len(runs["runs"]) == 3  # the two of one regime and date are one run

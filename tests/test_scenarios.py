"""`respons test`: the scenarios written in regime files run on stores of their own, through
the real ingest and engine; a line per scenario, the differences, the coverage; exit 0/1/2.
And the jurisdictions' own scenarios: all pass, and every duty of every regime is covered."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from paths import JURISDICTIONS
from plugin_site import open_site
from respons.check.runner import check_paths
from scenario_regime import PASSING, REGIME, write

OWN_RECORDS = ("  截至 2024-06-28\n"
               "  记录 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n"
               "  记录 投诉.答复 T1 2024-03-11\n")


def test_a_passing_scenario(respons, tmp_path):
    path = write(tmp_path, PASSING)
    result = respons("test", str(path))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == f"ok    {path}:5  按期答复 (county, as of 2024-06-28)"
    assert "1 scenario: 1 passed, 0 failed, 0 could not run" in result.stdout
    assert "coverage: 2 of 2 duties exercised by a scenario" in result.stdout
    assert "not exercised" not in result.stdout


def test_a_failing_scenario_says_what_differs(respons, tmp_path):
    # 2024-03-01 + 5 working days is 03-08: answered on 03-11, late — and the answer starts a
    # follow-up nobody expected; the expected 回访 of T2 does not exist.
    path = write(tmp_path, "场景 晚了 {\n" + OWN_RECORDS
                 + "  预期 职责 答复投诉 T1 按期完成, 到期 2024-03-07, 完成 2024-03-11\n"
                 + "  预期 职责 答复后回访 T2 逾期\n}\n")
    result = respons("test", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:7] == [
        f"FAIL  {path}:5  晚了 (county, as of 2024-06-28)",
        f"      {path}:9 答复投诉 T1 (as of 2024-06-28)",
        "        state: expected met/按期完成, got met-late/逾期完成",
        "        due date: expected 2024-03-07, got 2024-03-08",
        f"      {path}:10 答复后回访 T2 (as of 2024-06-28)",
        "        obligations: expected one, got none",
        "      not expected, as of 2024-06-28: 答复后回访 T1 started 2024-03-11 by "
        "T1.答复.2024-03-11: overdue/逾期, due 2024-03-21",
    ]
    assert "1 scenario: 0 passed, 1 failed, 0 could not run" in result.stdout


def test_a_later_date_and_an_obligation_that_must_not_exist(respons, tmp_path):
    path = write(tmp_path, "场景 s {\n" + OWN_RECORDS.replace("2024-06-28", "2024-03-08")
                 .replace("  记录 投诉.答复 T1 2024-03-11\n", "")
                 + "  记录 投诉.收到 T2 2024-03-01 受理机关 = 行政执法部门, 类别 = 重大\n"
                 + "  预期 职责 答复投诉 T1 未到期, 到期 2024-03-08\n"
                 + "  预期 职责 答复投诉 T1 截至 2024-03-11 逾期\n"
                 + "  预期 无 职责 答复投诉 T2\n}\n")
    assert respons("test", str(path)).exit_code == 0
    wrong = path.read_text("utf-8").replace("截至 2024-03-11 逾期", "截至 2024-03-11 未到期") \
        .replace("类别 = 重大", "类别 = 一般")
    path.write_text(wrong, "utf-8")
    lines = respons("test", str(path)).stdout.splitlines()
    assert f"      {path}:10 答复投诉 T1 (as of 2024-03-11)" in lines
    assert "        state: expected open/未到期, got overdue/逾期" in lines
    assert "        obligations: expected none, got 答复投诉 T2 started 2024-03-01 by " \
        "T2.收到.2024-03-01: open/未到期, due 2024-03-08" in lines


def test_a_matter_that_starts_a_duty_twice_is_named_by_its_start(respons, tmp_path):
    records = OWN_RECORDS + "  记录 投诉.收到 T1 2024-04-01\n"
    ambiguous = write(tmp_path, "场景 s {\n" + records
                      + "  预期 职责 答复投诉 T1 按期完成\n  预期 无 职责 答复后回访\n}\n")
    lines = respons("test", str(ambiguous)).stdout.splitlines()
    assert any(line.startswith("        obligations: expected one, got 2: 答复投诉 T1 started "
                               "2024-03-01") and line.endswith("say which with 起算 <date or "
                                                               "record id>") for line in lines)
    named = write(tmp_path, "场景 s {\n" + records
                  + "  预期 职责 答复投诉 T1 起算 2024-03-01 逾期完成, 到期 2024-03-08\n"
                  # 2024-04-01 + 5 working days: 04-02, 04-03, 清明 04-04..06, 04-07 a
                  # make-up Sunday, 04-08, 04-09 → 2024-04-09; the answer came before it began
                  + "  预期 职责 答复投诉 T1 起算 \"T1.收到.2024-04-01\" 逾期, 到期 2024-04-09\n"
                  + "  预期 职责 答复后回访 T1 逾期\n}\n")
    result = respons("test", str(named))
    assert result.exit_code == 0, result.stdout


def test_a_record_the_regime_refuses_is_an_error_at_its_line(respons, tmp_path):
    # 金额 fits (a number) for the check; three decimals are the records' own check's to refuse
    path = write(tmp_path, "场景 s {\n" + OWN_RECORDS
                 + "  记录 投诉.回访 T1 2024-03-12 金额 = 1.234\n}\n")
    result = respons("test", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"ERROR {path}:5  s (county, as of 2024-06-28)"
    assert re.fullmatch(rf"      {re.escape(str(path))}:9: R1107: this record is refused: .*金额.*",
                        lines[1]), lines[1]
    assert "1 scenario: 0 passed, 0 failed, 1 could not run" in result.stdout


def test_uncovered_duties_are_listed_and_a_none_expectation_covers(respons, tmp_path):
    path = write(tmp_path, "场景 s {\n  截至 2024-06-28\n  预期 无 职责 答复投诉\n}\n")
    result = respons("test", str(path))
    assert result.exit_code == 0
    tail = result.stdout.split("could not run\n")[1]
    assert tail == (
        "\ncoverage: 1 of 2 duties exercised by a scenario\n"
        f"  职责 county 答复投诉 ({tmp_path / 'county.resp'}:28) — s ({path}:5)\n"
        f"  职责 county 答复后回访 ({tmp_path / 'county.resp'}:36) — none\n"
        "\nnot exercised by any scenario (1):\n"
        f"  {tmp_path / 'county.resp'}:36: 职责 答复后回访\n")


def test_json_report(respons, tmp_path):
    path = write(tmp_path, PASSING + "场景 晚了 {\n" + OWN_RECORDS
                 + "  预期 职责 答复投诉 T1 按期完成\n  预期 职责 答复后回访 T1 逾期\n}\n")
    result = respons("test", "--format", "json", str(path))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["format_version"] == 1 and document["passed"] is False
    assert document["summary"] == {"scenarios": 2, "pass": 1, "fail": 1, "error": 0}
    ok, late = document["scenarios"]
    assert ok == {"file": str(path), "line": 5, "name": "按期答复", "regime": "county",
                  "as_of": "2024-06-28", "status": "pass", "obligations": 2,
                  "differences": [], "errors": []}
    assert late["differences"] == [{"what": "state", "obligation": "答复投诉 T1",
                                    "as_of": "2024-06-28", "expected": "met/按期完成",
                                    "got": "met-late/逾期完成", "line": 17}]
    # a kind the regime under test has none of (assessments, notices) is not listed
    [duties] = document["coverage"]
    assert (duties["kind"], duties["total"], duties["covered"]) == ("duty", 2, 2)
    assert duties["rules"][0]["scenarios"] == [
        {"file": str(path), "line": 5, "name": "按期答复"},
        {"file": str(path), "line": 13, "name": "晚了"}]


def test_the_same_files_give_the_same_bytes(respons, tmp_path):
    path = write(tmp_path, PASSING)
    for output in ("text", "json"):
        first = respons("test", "--format", output, str(path)).stdout
        assert respons("test", "--format", output, str(path)).stdout == first


def test_what_cannot_run_exits_two_or_one(respons, tmp_path):
    missing = respons("test", str(tmp_path / "nothing.resp"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    regime = write(tmp_path, PASSING).with_name("county.resp")
    none = respons("test", str(regime))
    assert none.exit_code == 2
    assert none.stderr == f"error: no scenarios in {regime}: write them in 场景 blocks " \
        "(docs/language.md, \"Scenarios\")\n"
    broken = write(tmp_path, PASSING.replace("按期完成", "按期完城"))
    result = respons("test", str(broken))
    assert result.exit_code == 1 and "R0107" in result.stderr and result.stdout == ""
    as_json = json.loads(respons("test", "--format", "json", str(broken)).stdout)
    assert as_json["valid"] is False and as_json["diagnostics"][0]["code"] == "R0107"
    write(tmp_path, PASSING)
    assert respons("test", "--store", " ", str(broken)).exit_code == 2


def test_scenarios_are_run_where_they_are_written_not_inherited(respons, tmp_path):
    # the regime under test has a scenario of its own; a regime extending it does not run it
    regime = (tmp_path / "county.resp")
    write(tmp_path, PASSING)
    regime.write_text(regime.read_text("utf-8") + "\n" + PASSING, "utf-8")
    child = tmp_path / "child.resp"
    child.write_text("制度 下级 {\n  层级 区\n  施行 2024-01-01\n  上位 county\n}\n", "utf-8")
    result = respons("test", str(regime), str(child))
    assert result.exit_code == 0
    assert result.stdout.count("ok    ") == 1 and "coverage: 2 of 2 duties" in result.stdout


def test_no_scratch_store_is_left_behind(respons, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path = write(tmp_path, PASSING)
    assert respons("test", str(path)).exit_code == 0
    assert list(scratch.iterdir()) == []


def test_a_scratch_store_on_postgresql_gives_the_same_report(respons, tmp_path,
                                                               postgresql_url):
    path = write(tmp_path, PASSING + PASSING.replace("按期答复", "再一次"))
    sqlite = respons("test", str(path))
    postgresql = respons("test", "--store", postgresql_url, str(path))
    assert postgresql.exit_code == sqlite.exit_code == 0
    assert postgresql.stdout == sqlite.stdout


def test_postgresql_scratch_schemas_are_dropped(postgresql_url):
    import psycopg
    from respons_postgresql.store import scratch

    from respons.store import open_store
    from respons.testing.regime import fresh_registry

    url, dispose = scratch(postgresql_url, "scenario-1")
    schema = re.search(r"schema=(respons_scratch_[0-9a-f]{16})", url)[1]
    store = open_store(url, fresh_registry())
    store.ledger.init()
    store.close()
    base = postgresql_url.split("?")[0]

    def exists() -> bool:
        with psycopg.connect(base) as connection:
            return bool(connection.execute("SELECT 1 FROM information_schema.schemata WHERE "
                                           "schema_name = %s", (schema,)).fetchall())
    assert exists()
    dispose()
    assert not exists()


def test_sqlite_scratch_stores_live_in_a_folder_of_their_own():
    from pathlib import Path

    from respons.plugins.sqlite import scratch_sqlite
    from respons.store.url import sqlite_path

    one, dispose_one = scratch_sqlite("sqlite:///respons.db", "scenario-1")
    two, dispose_two = scratch_sqlite("sqlite:///respons.db", "scenario-1")
    first = Path(sqlite_path(one))
    assert first.parent != Path(sqlite_path(two)).parent and first.name == "scenario-1.db"
    assert first.parent.is_dir()
    dispose_one()
    dispose_two()
    assert not first.parent.exists()


BACKEND_WITHOUT_SCRATCH = """
    from respons import hookimpl
    from respons.registry import StorageBackend

    @hookimpl
    def respons_storage_backends():
        return [StorageBackend(name="ledgerless", schemes=("ledgerless",),
                               open=lambda url, settings: None)]
"""


def test_a_backend_without_scratch_stores_is_refused_in_one_line(respons, tmp_path, monkeypatch):
    site = open_site(tmp_path, monkeypatch)
    site.install("ledgerless", BACKEND_WITHOUT_SCRATCH)
    path = write(tmp_path, PASSING)
    result = respons("test", "--store", "ledgerless://somewhere", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "error: the ledgerless store backend cannot make scratch stores (its plugin gives no "
        "`scratch`), and respons test runs every scenario on a new store: run it without "
        "--store, or with the URL of a backend that can (sqlite, postgresql)\n")


def test_a_scratch_callable_of_the_wrong_shape_is_refused_when_declared():
    from respons.registry import StorageBackend

    with pytest.raises(TypeError, match=r"scratch must be callable as scratch\(url, name\)"):
        StorageBackend(name="x", schemes=("x",), open=lambda url, settings: None,
                       scratch=lambda url: None)
    assert StorageBackend(name="x", schemes=("x",), open=lambda url, settings: None).scratch \
        is None


# ── the jurisdictions' own scenarios ────────────────────────────────────────────────────
def test_the_jurisdictions_scenarios_pass_and_cover_every_duty(respons):
    result = respons("test", "--format", "json", str(JURISDICTIONS))
    document = json.loads(result.stdout)
    failed = [(s["file"], s["line"], s["differences"], s["errors"])
              for s in document["scenarios"] if s["status"] != "pass"]
    assert result.exit_code == 0 and failed == []
    duties = next(c for c in document["coverage"] if c["kind"] == "duty")
    assert [(r["regime"], r["name"]) for r in duties["rules"] if not r["scenarios"]] == []
    # every ladder and every step of every regime's liability too (issue 10)
    for kind in ("ladder", "ladder step"):
        covered = next(c for c in document["coverage"] if c["kind"] == kind)
        assert covered["covered"] == covered["total"] >= 40, kind
    # every duty of every regime, counted from the regimes themselves
    regimes = check_paths(sorted(set(JURISDICTIONS.glob("*.resp"))
                                 - set(JURISDICTIONS.glob("*.test.resp"))), None)
    every = Counter(r.regime.id for r in regimes.resolved for _ in r.regime.duties)
    assert Counter(r["regime"] for r in duties["rules"]) == every
    assert duties["covered"] == duties["total"] == sum(every.values()) >= 24
    # and every party's right window (heilongjiang 39, henan 25, tongzhou, guizhou-edu 14)
    rights = next(c for c in document["coverage"] if c["kind"] == "right")
    assert rights["covered"] == rights["total"] >= 4
    # each regime with duties or liability proceedings has its scenarios beside it
    proceeding = {r.regime.id for r in regimes.resolved if r.regime.proceedings}
    assert {s["regime"] for s in document["scenarios"]} == set(every) | proceeding


def test_the_jurisdictions_text_report(respons):
    result = respons("test", str(JURISDICTIONS))
    assert result.exit_code == 0
    assert "0 failed, 0 could not run" in result.stdout
    unexercised = result.stdout.partition("not exercised by any scenario")[2]
    assert ": 职责 " not in unexercised  # every duty is; assessments are counted from issue 11


def test_a_file_of_tests_tests_every_version_of_its_regime(respons, tmp_path):
    # county supersedes county-2024 from 2025: a record is judged by the version in force
    older = REGIME.replace("测试制度", "测试制度2024")
    (tmp_path / "county-2024.resp").write_text(older, "utf-8")
    newer = REGIME.replace("施行 2024-01-01", "施行 2025-01-01\n  取代 county-2024") \
        .replace("期限 5 工作日", "期限 10 工作日")
    path = write(tmp_path, "场景 两个版本 {\n  截至 2025-06-30\n"
                 "  记录 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n"
                 "  记录 投诉.收到 T2 2025-03-03 受理机关 = 行政执法部门, 类别 = 一般\n"
                 # 5 working days then; 2025-03-03 (Mon) + 10: 03-04..07, 03-10..14, 03-17
                 "  预期 职责 答复投诉 T1 逾期, 到期 2024-03-08\n"
                 "  预期 职责 答复投诉 T2 逾期, 到期 2025-03-17\n}\n", regime=newer)
    result = respons("test", "--format", "json", str(path))
    assert result.exit_code == 0, result.stdout
    duties = json.loads(result.stdout)["coverage"][0]
    # both versions' duties are the regime's rules, each exercised
    assert sorted((r["regime"], r["name"], bool(r["scenarios"])) for r in duties["rules"]) == [
        ("county", "答复后回访", False), ("county", "答复投诉", True),
        ("county-2024", "答复后回访", False), ("county-2024", "答复投诉", True)]


def test_a_correction_in_a_scenario_replaces_the_record_it_corrects(respons, tmp_path):
    # received on 03-01, corrected to 03-04: 2024-03-04 (Mon) + 5 working days → 03-11
    path = write(tmp_path, "场景 更正收到日期 {\n  截至 2024-06-28\n"
                 "  记录 r1 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般\n"
                 "  记录 r2 更正 r1 投诉.收到 T1 2024-03-04\n"
                 "  记录 投诉.答复 T1 2024-03-11\n"
                 "  预期 职责 答复投诉 T1 按期完成, 到期 2024-03-11, 完成 2024-03-11\n"
                 "  预期 职责 答复后回访 T1 逾期\n}\n")
    result = respons("test", str(path))
    assert result.exit_code == 0, result.stdout

"""`respons notices`: the notices the results call for, numbered in the store's register
and written one file per format — on every backend, twice with the same bytes and no new
number, with a clear error for each bad input.

The regime is hangzhou's (jurisdictions/hangzhou.resp): its 行政执法责任追究决定书 is
issued on every decision of a liability case (第四十八条: 签发 记录 责任追究.决定),
numbered 杭责追〔{年}〕{号}号, sent to the officer or the unit liable.
"""

from __future__ import annotations

import json
import re

import pytest

from paths import JURISDICTIONS

HANGZHOU = str(JURISDICTIONS / "hangzhou.resp")
NUMBER = "杭责追〔{year}〕{seq}号"


def decision(case: str, at: str, *, person: str | None = "张三", unit: str | None = None,
             reason: str | None = "未按期办结") -> dict:
    record = {"id": f"{case}-决定", "type": "责任追究.决定", "at": at, "案件编号": case,
              "案件来源": "投诉", "被追究对象": "行政执法人员" if person else "行政执法部门",
              "责任追究机构": "行政执法部门.法制工作机构", "追究机关": "行政执法部门",
              "追究机关类别": "行政执法部门", "处理结果": "追究", "事实依据": f"{case}的事实",
              "法律依据": "杭州市行政执法责任制规定第三十七条"}
    if person:
        record["责任人"] = person
    if unit:
        record["被追究部门"] = unit
    if reason:
        record["决定理由"] = reason
    return record


@pytest.fixture(params=["sqlite", "postgresql", "duckdb"])
def store_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def ingest(respons, tmp_path, url, records, name="records.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    result = respons("ingest", HANGZHOU, str(path), "--store", url, "--quiet")
    assert result.exit_code == 0, result.stderr


def notices(respons, url, out, *args):
    return respons("notices", HANGZHOU, "--store", url, "--out", str(out), *args)


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_notices_are_numbered_by_date_and_keep_their_numbers(respons, tmp_path, store_url):
    ingest(respons, tmp_path, store_url, [
        decision("ZJ-2", "2025-05-10", person=None, unit="行政执法部门"),
        decision("ZJ-1", "2025-04-10"),
    ])
    out = tmp_path / "out"
    first = notices(respons, store_url, out, "--format", "md,html", "--report", "json")
    assert first.exit_code == 0, first.stderr
    document = json.loads(first.stdout)
    assert document["format_version"] == 1 and document["run"]["verified"] is True
    issued = [(n["number"], n["records"], n["recipient"], n["new"]) for n in document["notices"]]
    # 1号 is the earlier decision, whatever order the records came in.
    assert issued == [(NUMBER.format(year=2025, seq=1), ["ZJ-1-决定"], "张三", True),
                      (NUMBER.format(year=2025, seq=2), ["ZJ-2-决定"], "行政执法部门", True)]
    one = document["notices"][0]
    assert one["citation"] == "杭州市行政执法责任制规定 第四十八条"
    assert [e["name"] for e in one["elements"]] == ["作出决定的理由", "事实依据", "法律依据",
                                                   "依法享有的申诉权利"]
    assert one["elements"][0]["text"] == "未按期办结"
    assert sorted(files(out)) == sorted(f"{NUMBER.format(year=2025, seq=s)}{ext}"
                                        for s in (1, 2) for ext in (".md", ".html"))
    written = files(out)
    again = notices(respons, store_url, out, "--format", "md,html", "--report", "json")
    assert again.exit_code == 0
    assert [n["new"] for n in json.loads(again.stdout)["notices"]] == [False, False]
    assert files(out) == written  # the same bytes, no new number

    # A later decision takes the next number; the earlier ones keep theirs.
    ingest(respons, tmp_path, store_url, [decision("ZJ-3", "2025-06-02", person="李四")],
           "more.jsonl")
    third = json.loads(notices(respons, store_url, out, "--report", "json").stdout)
    assert [(n["number"], n["new"]) for n in third["notices"]] == [
        (NUMBER.format(year=2025, seq=1), False), (NUMBER.format(year=2025, seq=2), False),
        (NUMBER.format(year=2025, seq=3), True)]


def test_a_new_year_starts_at_one_and_the_text_report_is_chinese(respons, tmp_path,
                                                                  sqlite_url):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-12-31"),
                                           decision("ZJ-9", "2026-01-05", person="王五")])
    out = tmp_path / "out"
    result = notices(respons, sqlite_url, out)
    assert result.exit_code == 0, result.stderr
    assert "杭责追〔2025〕1号《行政执法责任追究决定书》 主送 张三" in result.stdout
    assert "杭责追〔2026〕1号《行政执法责任追究决定书》 主送 王五" in result.stdout
    assert "应制发文书 2 份：新编号 2 份" in result.stdout
    text = (out / "杭责追〔2026〕1号.md").read_text(encoding="utf-8")
    assert "2026年1月5日" in text and "王五：" in text


def test_a_party_the_record_leaves_empty_is_nobody(respons, tmp_path, sqlite_url):
    """主送 被追究部门, 责任人: a decision on an officer names no unit, and the notice goes to
    the officer alone — never to a recipient called 被追究部门."""
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    document = json.loads(notices(respons, sqlite_url, tmp_path / "o", "--report",
                                  "json").stdout)
    assert document["notices"][0]["recipient"] == "张三"


def test_a_notice_lacking_a_required_element_is_named_and_the_others_written(
        respons, tmp_path, sqlite_url):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10", reason=None),
                                           decision("ZJ-2", "2025-04-11")])
    out = tmp_path / "out"
    result = notices(respons, sqlite_url, out, "--report", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [n["records"] for n in document["notices"]] == [["ZJ-2-决定"]]
    assert document["problems"] == [{
        "notice": "行政执法责任追究决定书", "key": "record:ZJ-1-决定",
        "reason": "nothing fills the required element 作出决定的理由"}]
    # The notice that could not be issued took no number: ZJ-2's is 1号.
    assert document["notices"][0]["number"] == NUMBER.format(year=2025, seq=1)
    assert sorted(files(out)) == [f"{NUMBER.format(year=2025, seq=1)}.md"]


def test_the_text_report_names_a_notice_that_cannot_be_issued(respons, tmp_path, sqlite_url):
    """The text report (the default, and `respons run --notices`'s) names the notice that could
    not be issued, in Chinese, and exits 1 — it once crashed, its word's ``key`` placeholder
    clashing with the word table's own argument."""
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10", reason=None)])
    result = notices(respons, sqlite_url, tmp_path / "out")
    assert result.exit_code == 1, result.stderr
    assert ("无法制发“行政执法责任追究决定书”（record:ZJ-1-决定）：必备要素“作出决定的理由”没有内容"
            in result.stdout)
    assert "Traceback" not in result.stdout + result.stderr
    # The run and totals under the title, as evaluate, liability and assess print them.
    lines = result.stdout.splitlines()
    assert lines[1].startswith("  运行 ") and lines[2].startswith("  应制发文书 1 份")
    assert re.search(r"账本头 序号 1 [0-9a-f]{16}… · ", lines[1])  # the head's hash, as theirs
    assert lines[3].startswith("  无法制发“行政执法责任追究决定书”")


def test_a_notice_file_gets_the_mode_open_would_give_it(respons, tmp_path, sqlite_url):
    """A notice is a document to hand on: written 0666 less the umask (not the 0600 of the
    temporary file it is renamed from), and a file it replaces keeps its mode."""
    import os

    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    out = tmp_path / "out"
    previous = os.umask(0o022)
    try:
        assert notices(respons, sqlite_url, out, "--format", "md,html").exit_code == 0
        written = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()}
        assert written == {f"{NUMBER.format(year=2025, seq=1)}.md": 0o644,
                           f"{NUMBER.format(year=2025, seq=1)}.html": 0o644}
        page = out / f"{NUMBER.format(year=2025, seq=1)}.md"
        page.chmod(0o640)
        page.write_text("changed", encoding="utf-8")  # rewritten, keeping its mode
        assert notices(respons, sqlite_url, out, "--format", "md").exit_code == 0
        assert page.stat().st_mode & 0o777 == 0o640 and page.read_text("utf-8") != "changed"
    finally:
        os.umask(previous)


def test_a_corrected_decision_is_issued_as_corrected(respons, tmp_path, sqlite_url):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    correction = decision("ZJ-1", "2025-04-12", reason="更正后的理由") | {
        "id": "ZJ-1-决定-更正1", "corrects": "ZJ-1-决定"}
    ingest(respons, tmp_path, sqlite_url, [correction], "fix.jsonl")
    document = json.loads(notices(respons, sqlite_url, tmp_path / "o", "--report",
                                  "json").stdout)
    assert [(n["records"], n["elements"][0]["text"]) for n in document["notices"]] == [
        (["ZJ-1-决定-更正1"], "更正后的理由")]


def test_as_of_leaves_later_outcomes_out(respons, tmp_path, sqlite_url):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10"),
                                           decision("ZJ-2", "2025-06-10")])
    document = json.loads(notices(respons, sqlite_url, tmp_path / "o", "--as-of",
                                  "2025-05-01", "--report", "json").stdout)
    assert [n["records"] for n in document["notices"]] == [["ZJ-1-决定"]]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "md,tiff"], "no notice format tiff is installed"),
    (["--format", ","], "name at least one format"),
])
def test_bad_formats_are_usage_errors(respons, tmp_path, sqlite_url, raw_sql, args, message):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    result = notices(respons, sqlite_url, tmp_path / "o", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.stderr
    # Refused before the store is opened: no run kept, nothing numbered.
    assert raw_sql(sqlite_url, "SELECT COUNT(*) FROM runs", fetch=True) == [[(0,)]]


@pytest.mark.parametrize(("args", "message"), [
    (["--notice-format", "md,tiff"],
     "error: --notice-format: no notice format tiff is installed"),
    (["--notice-format", ","], "--notice-format"),
    ("file", "Invalid value for --notices: "),
])
def test_run_refuses_bad_notices_options_before_storing(respons, tmp_path, args, message):
    """`respons run --notices DIR --notice-format NAMES`: a format not installed or a DIR
    that is a file stops the job with exit 2 before anything is stored — naming run's own
    option (--notice-format, --notices), not notices's (--format, --out)."""
    path = tmp_path / "year.jsonl"
    path.write_text(json.dumps(decision("ZJ-1", "2025-04-10"), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    store = tmp_path / "store.db"
    if args == "file":
        (tmp_path / "a-file").write_text("keep", encoding="utf-8")
        args = ["--notices", str(tmp_path / "a-file")]
    else:
        args = ["--notices", str(tmp_path / "out"), *args]
    result = respons("run", HANGZHOU, str(path), "--store", f"sqlite:///{store}", *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not store.exists()


def test_an_out_that_is_a_file_is_refused_and_nothing_numbered(respons, tmp_path, sqlite_url,
                                                                raw_sql):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    target = tmp_path / "a-file"
    target.write_text("keep", encoding="utf-8")
    result = notices(respons, sqlite_url, target)
    assert result.exit_code == 2 and "is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    assert raw_sql(sqlite_url, "SELECT COUNT(*) FROM notice_numbers", fetch=True) == [[(0,)]]


def test_a_store_never_written_is_refused(respons, tmp_path):
    url = f"sqlite:///{tmp_path / 'none.db'}"
    result = notices(respons, url, tmp_path / "o")
    assert result.exit_code == 2 and "holds no records yet" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_a_chain_that_does_not_verify_issues_nothing(respons, tmp_path, sqlite_url, raw_sql):
    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10")])
    raw_sql(sqlite_url, "UPDATE records SET data = replace(data, '张三', '李四')")
    out = tmp_path / "o"
    result = notices(respons, sqlite_url, out)
    assert result.exit_code == 1
    assert not out.exists() or not list(out.iterdir())
    assert raw_sql(sqlite_url, "SELECT COUNT(*) FROM notice_numbers", fetch=True) == [[(0,)]]


def test_run_writes_the_notices_as_its_last_stage(respons, tmp_path, sqlite_url):
    path = tmp_path / "year.jsonl"
    path.write_text(json.dumps(decision("ZJ-1", "2025-04-10"), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    out = tmp_path / "notices"
    result = respons("run", HANGZHOU, str(path), "--store", sqlite_url, "--quiet",
                     "--notices", str(out), "--notice-format", "html", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["notices"]["notices"][0]["files"] == ["杭责追〔2025〕1号.html"]
    assert document["notices"]["run"]["id"] == document["evaluation"]["run"]["id"]
    assert sorted(p.name for p in out.iterdir()) == ["杭责追〔2025〕1号.html"]
    text = respons("run", HANGZHOU, str(path), "--store", sqlite_url, "--quiet",
                   "--notices", str(out))
    assert text.exit_code == 0 and "杭责追〔2025〕1号《行政执法责任追究决定书》" in text.stdout


def test_two_processes_at_once_never_take_one_number_twice(tmp_path, sqlite_url, respons):
    import subprocess
    import sys

    ingest(respons, tmp_path, sqlite_url, [decision(f"ZJ-{n}", f"2025-04-{10 + n}")
                                           for n in range(6)])
    command = [sys.executable, "-m", "respons", "notices", HANGZHOU, "--store", sqlite_url,
               "--report", "json"]
    processes = [subprocess.Popen([*command, "--out", str(tmp_path / f"o{i}")],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i in range(2)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [e for _, e in outputs]
    numbered = [[(n["records"][0], n["number"]) for n in json.loads(o)["notices"]]
                for o, _ in outputs]
    assert numbered[0] == numbered[1]
    assert sorted(number for _, number in numbered[0]) == sorted(
        NUMBER.format(year=2025, seq=s) for s in range(1, 7))
    assert sum(n["new"] for o, _ in outputs for n in json.loads(o)["notices"]) == 6


def test_a_store_of_schema_3_is_migrated_to_hold_the_register(respons, tmp_path, store_url,
                                                               raw_sql):
    from respons.store.results import RESULT_TABLES

    ingest(respons, tmp_path, store_url, [decision("ZJ-1", "2025-04-10")])
    raw_sql(store_url, *(f"DROP TABLE {table.name}" for table in RESULT_TABLES.values()
                         if table.since >= 4),
            "DELETE FROM store_info WHERE key = 'register_head'",
            "UPDATE store_info SET value = '3' WHERE key = 'schema_version'")
    refused = notices(respons, store_url, tmp_path / "o")
    assert refused.exit_code == 2 and "run `respons store init` to migrate it" in refused.stderr
    migrated = respons("store", "init", "--store", store_url)
    assert migrated.exit_code == 0 and "schema version 6 (migrated from version 3)" in \
        migrated.stdout, migrated.stdout + migrated.stderr
    assert notices(respons, store_url, tmp_path / "o").exit_code == 0


def test_a_number_removed_from_the_register_stops_the_numbering(respons, tmp_path,
                                                                 store_url, raw_sql):
    ingest(respons, tmp_path, store_url, [decision("ZJ-1", "2025-04-10"),
                                          decision("ZJ-2", "2025-04-11")])
    out = tmp_path / "o"
    assert notices(respons, store_url, out).exit_code == 0
    # Someone who can drop the table's triggers (SQLite, PostgreSQL) removes a number.
    raw_sql(store_url, *drop_triggers(store_url), "DELETE FROM notice_numbers WHERE seq = 1")
    ingest(respons, tmp_path, store_url, [decision("ZJ-3", "2025-05-01")], "more.jsonl")
    result = notices(respons, store_url, out)
    assert result.exit_code == 1
    assert "lacks numbers of 杭责追 2025" in result.stderr and "Traceback" not in result.stderr
    assert raw_sql(store_url, "SELECT COUNT(*) FROM notice_numbers", fetch=True) == [[(1,)]]


def drop_triggers(url: str) -> list[str]:
    """What someone who owns the database runs before changing the register by hand."""
    if url.startswith("sqlite:"):
        return ["DROP TRIGGER notice_numbers_no_update", "DROP TRIGGER notice_numbers_no_delete"]
    if url.startswith("postgresql:"):
        return ["DROP TRIGGER notice_numbers_no_change ON notice_numbers",
                "DROP TRIGGER notice_numbers_no_truncate ON notice_numbers"]
    return []  # DuckDB has no triggers


def test_a_character_no_font_can_draw_is_named_and_the_pdf_not_written(respons, tmp_path,
                                                                        sqlite_url):
    pytest.importorskip("respons_pdf", reason="the pdf format is plugins/respons-pdf")
    import respons_pdf.fonts  # noqa: F401  (the plugin loads: Pango and the fonts are there)

    ingest(respons, tmp_path, sqlite_url, [decision("ZJ-1", "2025-04-10",
                                                    reason="报送\U00010000整改报告")])
    out = tmp_path / "out"
    result = notices(respons, sqlite_url, out, "--format", "md,pdf")
    assert result.exit_code == 1
    assert "U+10000" in result.stderr and "Traceback" not in result.stderr
    # the Markdown is written; the PDF, which would have drawn a blank, is not
    assert sorted(p.name for p in out.iterdir()) == [f"{NUMBER.format(year=2025, seq=1)}.md"]

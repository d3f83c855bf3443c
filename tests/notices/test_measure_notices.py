"""Notices issued on a liability measure proposed: tongzhou 实施细则 第十七条 — a department that
did not pursue its officers as the rules require is sent a 政府法制建议书 (签发 措施
制发政府法制建议书) by the 区政府法制办, numbered 通法建〔{年}〕{号}号."""

from __future__ import annotations

import json

from paths import JURISDICTIONS

TONGZHOU = str(JURISDICTIONS / "tongzhou.resp")


def case(id: str, at: str, fault: str, found: str | None = None) -> dict:
    record = {"id": f"{id}-决定", "type": "责任追究.决定", "at": at, "追究编号": id,
              "被追究对象": "行政执法部门", "被追究部门": "行政执法部门",
              "认定方式": "部门自行认定", "过错行为": fault, "追究机关": "区政府",
              "本机关": "行政执法部门"}
    if found:
        record["认定情形"] = found
    return record


def test_a_proposed_measure_issues_its_notice(respons, tmp_path, sqlite_url):
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        case("ZJ-1", "2025-06-10", "未按规定追究行政执法人员责任"),
        case("ZJ-2", "2025-06-12", "超越行政执法职权"))), encoding="utf-8")
    assert respons("ingest", TONGZHOU, str(path), "--store", sqlite_url, "--quiet"
                   ).exit_code == 0
    out = tmp_path / "out"
    result = respons("notices", TONGZHOU, "--store", sqlite_url, "--out", str(out),
                     "--report", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    issued = [n for n in json.loads(result.stdout)["notices"] if n["notice"] == "政府法制建议书"]
    # ZJ-2's fault calls for no 法制建议: one notice, on ZJ-1's case.
    assert [(n["number"], n["records"], n["outcome"]["kind"], n["issuer"]) for n in issued] == [
        ("通法建〔2025〕1号", ["ZJ-1-决定"], "measure", "通州区人民政府法制办公室")]
    assert issued[0]["elements"][0] == {
        "name": "发现的问题", "text": "未按规定追究行政执法人员责任",
        "citation": "北京市通州区行政执法责任制配套制度 裁量权监督规定 第六条"}
    text = (out / "通法建〔2025〕1号.md").read_text(encoding="utf-8")
    # The case names no one liable: no 主送 line rather than an empty one.
    assert "\n：" not in text and "通州区人民政府法制办公室" in text

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
    # 主送 被追究部门: a field of the case record, which a measure's notice is given — the
    # department pursued, though the case names no one liable (no 责任人).
    assert issued[0]["recipient"] == "行政执法部门"
    text = (out / "通法建〔2025〕1号.md").read_text(encoding="utf-8")
    assert "行政执法部门：" in text and "通州区人民政府法制办公室" in text


#: tongzhou with two notices of its own on measures, each stating 所在机关: on an officer's
#: 行政处分 (实施细则 7②) and on a department's 政府法制建议书.
LOWER = """制度 通州区某部门实施办法 {{
  层级 部门
  施行 2020-01-01
  上位 "{tongzhou}"
}}

文书 行政处分建议 〔第一条〕 {{
  标题 "行政处分建议"
  签发 措施 行政处分
  发文机关 追究机关
  主送 "区监察机关"
  文号 "通某处〔{{年}}〕{{号}}号"
  要素 被处分人 = 责任人
  要素 所在部门 = 所在机关
}}

文书 法制建议抄告 〔第二条〕 {{
  标题 "法制建议抄告"
  签发 措施 制发政府法制建议书
  发文机关 "通州区人民政府法制办公室"
  主送 被追究部门
  抄送 上级机关
  文号 "通某抄〔{{年}}〕{{号}}号"
  要素 被建议部门 = 所在机关
}}
"""


def test_the_agency_of_whoever_bears_the_measure_is_a_fact(respons, tmp_path, sqlite_url):
    lower = tmp_path / "lower.resp"
    lower.write_text(LOWER.format(tongzhou=TONGZHOU), encoding="utf-8")
    officer = {"id": "ZJ-3-决定", "type": "责任追究.决定", "at": "2025-07-01", "追究编号": "ZJ-3",
               "被追究对象": "行政执法人员", "被追究部门": "行政执法部门",
               "认定方式": "部门自行认定", "过错行为": "超越行政执法职权",
               "认定情形": "无需审核或者批准的行政执法行为、需要给予行政处分",
               "追究机关": "行政执法部门", "承办人": "钱某", "责任人": "钱某",
               "追究决定": "给予行政处分", "已陈述申辩": False, "追究机关代字": "通甲"}
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        case("ZJ-1", "2025-06-10", "未按规定追究行政执法人员责任"), officer)),
        encoding="utf-8")
    assert respons("ingest", str(lower), str(path), "--store", sqlite_url, "--quiet"
                   ).exit_code == 0
    result = respons("notices", str(lower), "--store", sqlite_url, "--out",
                     str(tmp_path / "out"), "--report", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    found = {n["notice"]: n for n in json.loads(result.stdout)["notices"]}
    # the officer 钱某 serves in the department the case record names (被追究部门)
    punished = found["行政处分建议"]
    assert punished["records"] == ["ZJ-3-决定"]
    assert [(e["name"], e["text"]) for e in punished["elements"]] == [
        ("被处分人", "钱某"), ("所在部门", "行政执法部门")]
    # a department bears the 建议书 itself: its agency is its own
    copied = found["法制建议抄告"]
    assert copied["records"] == ["ZJ-1-决定"] and copied["recipient"] == "行政执法部门"
    assert copied["elements"][0]["text"] == "行政执法部门"
    # a field of the case record the case leaves empty names nobody, not itself
    assert copied["copy_to"] == []

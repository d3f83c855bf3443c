"""One number series per issuing department: a 文号 whose 代字 names a record field
(`"{追究机关代字}执追〔{年}〕{号}号"`) numbers each department's notices in its own series
in the register — on every backend, the same numbers on a second run — and a notice whose
record gives no 代字 is a problem, not a number."""

from __future__ import annotations

import json

import pytest

REGIME = """制度 测试规定 {
  层级 区
  施行 2020-01-01
}

机关 行政执法部门 〔第二条〕 {
  性质 法定、授权、委托
}

记录 责任追究 〔第十三条〕 {
  主键 追究编号
  字段 责任人 人员
  字段 追究机关 机关
  字段 追究机关代字 文本 可选
  事件 决定
}

文书 决定 〔第十四条〕 {
  标题 "追究行政执法责任决定"
  签发 记录 责任追究.决定
  发文机关 追究机关
  主送 责任人
  文号 "{追究机关代字}执追〔{年}〕{号}号"
  要素 案件 = 追究编号
}
"""


def decision(case: str, at: str, person: str, code: str | None) -> dict:
    record = {"id": f"{case}-决定", "type": "责任追究.决定", "at": at, "追究编号": case,
              "责任人": person, "追究机关": "行政执法部门"}
    if code is not None:
        record["追究机关代字"] = code
    return record


@pytest.fixture(params=["sqlite", "postgresql", "duckdb"])
def store_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_each_department_numbers_in_a_series_of_its_own(respons, tmp_path, store_url):
    regime = tmp_path / "t.resp"
    regime.write_text(REGIME, "utf-8")
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        decision("A", "2025-03-03", "甲一", "通甲"), decision("B", "2025-03-04", "乙一", "通乙"),
        decision("C", "2025-03-05", "甲二", "通甲"), decision("D", "2025-03-06", "丙一", None),
    )), encoding="utf-8")
    assert respons("ingest", str(regime), str(path), "--store", store_url, "--quiet"
                   ).exit_code == 0

    def issue():
        result = respons("notices", str(regime), "--store", store_url, "--out",
                         str(tmp_path / "out"), "--report", "json")
        return result.exit_code, json.loads(result.stdout)

    code, report = issue()
    # D's record gives no 代字: it is named as a problem (exit 1), the others are written
    assert code == 1
    assert [(n["records"], n["number"], n["seq"], n["new"]) for n in report["notices"]] == [
        (["A-决定"], "通甲执追〔2025〕1号", 1, True), (["B-决定"], "通乙执追〔2025〕1号", 1, True),
        (["C-决定"], "通甲执追〔2025〕2号", 2, True)]
    assert [(p["key"], p["reason"]) for p in report["problems"]] == [
        ("record:D-决定", "the document number: nothing fills {追究机关代字}, which the 代字 "
                         "of the document number names")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "通乙执追〔2025〕1号.md", "通甲执追〔2025〕1号.md", "通甲执追〔2025〕2号.md"]
    # a second run finds every number in the register and takes none
    again, second = issue()
    assert again == 1
    assert [(n["number"], n["new"]) for n in second["notices"]] == [
        ("通甲执追〔2025〕1号", False), ("通乙执追〔2025〕1号", False),
        ("通甲执追〔2025〕2号", False)]

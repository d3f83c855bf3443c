"""`respons notices` with 签发 记录 EVENT 限于 CONDITION: only the records whose fields satisfy
the condition issue the notice — the condition compiled to SQL as a duty's 起算 … 限于 is, on
every backend, each field read by its declared type (a choice, a 是否 left empty, a date, a
named condition)."""

from __future__ import annotations

import json

import pytest

REGIME = """制度 测试规定 {
  层级 市
  施行 2020-01-01
}

记录 责任追究 〔第四十五条〕 {
  主键 案件编号
  字段 被追究对象 之一 "行政执法部门", "行政执法人员"
  字段 被追究部门 文本 可选
  字段 责任人 人员 可选
  字段 情况复杂 是否 可选
  字段 送达日期 日期 可选
  事件 决定
}

条件 对人员 〔第三十六条〕 {
  被追究对象 = "行政执法人员"
}

文书 对人员的决定书 〔第四十八条〕 {
  标题 "决定书"
  签发 记录 责任追究.决定 限于 对人员 且 非 情况复杂
  发文机关 "某局"
  主送 责任人
  文号 "某责追〔{年}〕{号}号"
  要素 案件 = 案件编号
}

文书 对部门的决定书 〔第四十八条〕 {
  标题 "决定书"
  签发 记录 责任追究.决定 限于 被追究对象 = "行政执法部门" 且 送达日期 >= 2025-03-05
  签发 记录 责任追究.决定 限于 被追究对象 = "行政执法部门" 且 情况复杂
  发文机关 "某局"
  主送 被追究部门
  文号 "某责追〔{年}〕{号}号"
  要素 案件 = 案件编号
}
"""


def decision(case: str, at: str, **fields) -> dict:
    return {"id": f"{case}-决定", "type": "责任追究.决定", "at": at, "案件编号": case,
            **fields}


RECORDS = [
    decision("A", "2025-03-03", 被追究对象="行政执法人员", 责任人="张三", 情况复杂=False),
    # a record lacking an optional field satisfies neither X nor 非 X (docs/language.md)
    decision("A2", "2025-03-03", 被追究对象="行政执法人员", 责任人="王五"),
    decision("B", "2025-03-04", 被追究对象="行政执法人员", 责任人="李四", 情况复杂=True),
    decision("C", "2025-03-05", 被追究对象="行政执法部门", 被追究部门="某分局",
             送达日期="2025-03-06"),
    decision("D", "2025-03-06", 被追究对象="行政执法部门", 被追究部门="另一分局",
             送达日期="2025-03-01"),
    # both conditions of 对部门的决定书 hold: one notice, not two
    decision("E", "2025-03-07", 被追究对象="行政执法部门", 被追究部门="第三分局",
             送达日期="2025-03-09", 情况复杂=True),
]


@pytest.fixture(params=["sqlite", "postgresql", "duckdb"])
def store_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_only_the_records_satisfying_the_condition_issue_the_notice(respons, tmp_path,
                                                                   store_url):
    regime = tmp_path / "t.resp"
    regime.write_text(REGIME, "utf-8")
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                    encoding="utf-8")
    assert respons("ingest", str(regime), str(path), "--store", store_url, "--quiet"
                   ).exit_code == 0
    result = respons("notices", str(regime), "--store", store_url, "--out",
                     str(tmp_path / "out"), "--report", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    found = [(n["notice"], n["records"], n["recipient"], n["number"])
             for n in json.loads(result.stdout)["notices"]]
    # B is 情况复杂 and A2 does not say (非 情况复杂 fails for both); D was served before
    # 3-5 and is not 情况复杂. The two notices share the 代字 某责追, hence one series,
    # numbered by date.
    assert found == [
        ("对人员的决定书", ["A-决定"], "张三", "某责追〔2025〕1号"),
        ("对部门的决定书", ["C-决定"], "某分局", "某责追〔2025〕2号"),
        ("对部门的决定书", ["E-决定"], "第三分局", "某责追〔2025〕3号"),
    ]

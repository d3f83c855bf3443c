"""hangzhou 第四十五条第（三）项: a 责任追究决定 may be not to pursue (处理结果 "不予追究"), and
第（五）项 has only those "被追究责任的" report back. Such a case is not pursued by any ladder —
the reason is the decision itself, read off the case's field (`依据 案件.处理结果 = "不予追究"`)
and cited — while the same facts decided 追究 are; and 第四十二条第（二）项 counts only the
cases decided 追究."""

from __future__ import annotations

import json

from paths import JURISDICTIONS

HANGZHOU = str(JURISDICTIONS / "hangzhou.resp")
CITED = "杭州市行政执法责任制规定 第四十五条第（三）项"


def _case(case: str, at: str, result: str | None, officer: str) -> dict:
    record = {"id": case, "type": "责任追究.决定", "at": at, "案件编号": case,
              "案件来源": "投诉", "被追究对象": "行政执法人员", "责任人": officer,
              "承办人": officer, "责任追究机构": "各级人民政府.法制工作机构",
              "追究机关": "各级人民政府", "追究机关类别": "人民政府",
              "过错行为": "违法实施具体行政行为",
              "认定情形": "承办人直接作出行政行为、性质情节轻微、社会影响程度较小"}
    if result is not None:
        record["处理结果"] = result
    return record


def _store(respons, sqlite_url, tmp_path) -> str:
    records = [_case("N-1", "2025-04-07", "不予追究", "钟某"),
               _case("N-2", "2025-04-08", "追究", "田某"),
               _case("N-3", "2025-04-09", None, "任某")]
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    "utf-8")
    assert respons("ingest", HANGZHOU, str(path), "--store", sqlite_url).exit_code == 0
    return sqlite_url


def test_a_decision_not_to_pursue_is_not_pursued_with_its_reason(respons, sqlite_url,
                                                                  tmp_path):
    store = _store(respons, sqlite_url, tmp_path)
    text = respons("liability", HANGZHOU, "--store", store, "--case", "N-1")
    assert text.exit_code == 0, text.stderr
    # Every ladder the case's subject gets (人员: three of the five) says why, with the article.
    assert text.stdout.count(f"不予追究：追究机关决定不予追究  〔{CITED}〕") == 3
    assert "拟处理" not in text.stdout and "责任人：" not in text.stdout
    assert "✓ 追究机关决定不予追究：依其条件" in text.stdout
    document = json.loads(respons("liability", HANGZHOU, "--store", store, "--year", "2025",
                                  "--format", "json").stdout)
    cases = {c["case"]: c for c in document["cases"]}
    first = cases["N-1"]["ladders"]
    assert not any(lad["pursued"] for lad in first)
    assert all(lad["exempted_by"] == [{"condition": "追究机关决定不予追究",
                                       "citation": {"regime": "hangzhou", "text": CITED}}]
               for lad in first)
    # Decided 追究, or with no 处理结果 recorded: pursued as before (第四十条第（二）项).
    for case in ("N-2", "N-3"):
        pursued = [lad for lad in cases[case]["ladders"] if lad["pursued"]]
        assert [(lad["ladder"], lad["step"]) for lad in pursued] == [("行政执法人员责任追究", 2)]
        assert not pursued[0]["exempted_by"]

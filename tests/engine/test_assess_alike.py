"""Subjects alike are scored once: `respons.engine.assess` calls the scheme once for the
subjects whose facts are the same but for who they are, and publishes each detail as the
canonical JSON it would have written for the subject alone, on SQLite and DuckDB."""

from __future__ import annotations

import hashlib
import json

import pytest

from respons.records.canonical import canonical_json

REGIME = """制度 某市评议考核 {
  层级 市
  施行 2020-01-01
  日历 cn
}
机关 甲局 〔第五条〕 { 性质 法定 }
机关 乙局 〔第五条〕 { 性质 法定 }
机关 丙局 〔第五条〕 { 性质 法定 }
机关 丁局 〔第五条〕 { 性质 法定 }
记录 投诉举报 〔第二十一条〕 {
  主键 投诉编号
  字段 受理单位 机关
  事件 收到, 查实
}
考核 机关年度考核 〔第三十条〕 {
  方案 百分制
  对象 机关
  周期 每年
  参数 precision 1
  项目 办理质量 100 分 〔第三十条第一项〕 {
    每 投诉举报.查实 扣 2.5 分 至多 20 分 〔第三十条第一项〕
  }
  等级 优秀 90 以上 〔第三十一条〕
  等级 良好 80 以上 且 不满 90 〔第三十一条〕
  等级 合格 60 以上 且 不满 80 〔第三十一条〕
  等级 不合格 不满 60 〔第三十一条〕
}
"""

#: 甲局 and 乙局 one complaint found true each; 丙局 two; 丁局 only a complaint received.
FOUND = {"甲局": 1, "乙局": 1, "丙局": 2, "丁局": 0}


def _records():
    n = 0
    for agency, found in FOUND.items():
        for _ in range(max(found, 1)):
            n += 1
            key = f"T{n}"
            yield {"id": f"{key}-收", "type": "投诉举报.收到", "at": "2025-03-02",
                   "投诉编号": key, "受理单位": agency}
            if found:
                yield {"id": f"{key}-实", "type": "投诉举报.查实", "at": "2025-04-01",
                       "投诉编号": key, "受理单位": agency}


@pytest.mark.parametrize("backend", ["sqlite", "duckdb"])
def test_subjects_alike_share_one_call_and_their_detail_is_canonical(tmp_path, backend,
                                                                     request):
    from respons.calendar import load_calendar
    from respons.check.runner import check_paths
    from respons.engine.assess import assess
    from respons.engine.evaluate import evaluate
    from respons.records import compile_schema
    from respons.registry import Registry, plugin_manager
    from respons.sql.ir import Col, Table, select
    from respons.store import open_store
    from respons.store.ingest import ingest_file

    url = request.getfixturevalue(f"{backend}_url")
    regime = tmp_path / "city.resp"
    regime.write_text(REGIME, "utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()),
                       "utf-8")
    registry = Registry(plugin_manager())
    resolved = check_paths([regime], registry).resolved[0]
    calls = []
    points = registry.scoring_schemes()["points"]

    class Counted:
        def score(self, assessment, subject):
            calls.append(subject.subject)
            return points.score(assessment, subject)

    with open_store(url, registry, {}) as store:
        store.ledger.init()
        ingest_file(store.ledger, compile_schema(resolved.regime), str(records),
                    name=records.name, regime=(resolved.regime.id, hashlib.sha256(
                        regime.read_bytes()).hexdigest()))
        calendar = load_calendar("cn", {}, registry)
        run = evaluate(store, resolved, lambda name: calendar, "2025-12-31").run
        assert assess(store, resolved, run, 2025, lambda name: Counted(), {}) == ["机关年度考核"]
        rows = {subject: (total, grade, detail) for subject, total, grade, detail in
                store.compute.query(select(
                    Col("s", "subject"), Col("s", "total"), Col("s", "grade"),
                    Col("s", "detail"), source=Table("assessment_scores", "s")))}
    # 甲局 and 乙局 have the same facts: one call between them, for the first in subject
    # order (丁 U+4E01, 丙 U+4E19, 乙 U+4E59, 甲 U+7532).
    assert calls == ["丁局", "丙局", "乙局"]
    assert rows["甲局"] == rows["乙局"] == ("97.5", "优秀", rows["甲局"][2])
    assert rows["丙局"][:2] == ("95.0", "优秀") and rows["丁局"][:2] == ("100.0", "优秀")
    for _, _, detail in rows.values():
        # the store joined head and body: the text canonical_json gives the whole detail
        assert detail == canonical_json(json.loads(detail))
        assert detail.startswith('{"bars":[],"consequences":[],"items":[')
    jia = json.loads(rows["甲局"][2])
    assert jia["items"][0]["deductions"][0]["count"] == 1


def test_the_pieces_around_the_consequences_make_the_canonical_text():
    from respons.engine.assess import _split

    consequences = [{"grade": "不合格", "measures": [["整改通知书"]], "citation": "第三十二条"}]
    for detail in ({"items": [{"item": "甲", "points": "10"}], "problem": None,
                    "recorded": {}, "undetermined_vetoes": [], "vetoes": [],
                    "bars": [{"index": 0, "grade": "优秀"}], "undetermined_bars": [],
                    "draw": {"seed": None, "catalogue": 0, "files": []}},
                   {"items": []}, {"bars": []}, {}):
        opening, closing = _split(detail)
        for them in (consequences, []):
            assert opening + canonical_json(them) + closing == canonical_json(
                {**detail, "consequences": them})

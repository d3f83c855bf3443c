"""An obligation owned by a body or post a record's field names (负责 FIELD, the field a 机构
or 岗位) is filed under the agency that body or post belongs to, as the regime declares it
(`respons.engine.owners`; guizhou-edu 第十四条第（二）项: 原执法办案部门 回复办理结果): a qualified
name (机关.机构, 机关.机构.岗位), a bare one only one agency declares, and a bare one several
declare, by the record's agency field — never （未载明机关）; the same on every backend."""

from __future__ import annotations

import json

import pytest

from evaluated import evaluate_both

REGIME = """制度 机构测试 {
  层级 部门
  施行 2020-01-01
}

机关 甲局 〔第一条〕 {
  机构 法制科 〔第一条〕 {}
  机构 办案科 〔第一条〕 {
    岗位 办案员 〔第一条〕 {}
  }
}

机关 乙局 〔第一条〕 {
  机构 法制科 〔第一条〕 {}
}

记录 纠正 〔第二条〕 {
  主键 编号
  字段 部门 机构
  字段 经办 岗位 可选
  字段 机关 机关 可选
  事件 通知, 回复
}

职责 按期回复 〔第二条〕 {
  起算 纠正.通知
  期限 10 日
  完成 纠正.回复
  负责 部门
}

职责 经办回复 〔第三条〕 {
  起算 纠正.通知
  期限 10 日
  完成 纠正.回复
  负责 经办
}
"""

# J1 qualified; J2 bare names only 甲局 declares; J3 法制科, which both agencies declare, by the
# record's agency field 乙局 (and no post: the record's agency); J4 a body of 乙局, a post of 甲局.
_NOTICE = {"type": "纠正.通知", "at": "2026-03-02"}
RECORDS = "".join(json.dumps(_NOTICE | r, ensure_ascii=False) + "\n" for r in [
    {"id": "n1", "编号": "J1", "部门": "甲局.办案科", "经办": "甲局.办案科.办案员"},
    {"id": "n2", "编号": "J2", "部门": "办案科", "经办": "办案员"},
    {"id": "n3", "编号": "J3", "部门": "法制科", "机关": "乙局"},
    {"id": "n4", "编号": "J4", "部门": "乙局.法制科", "经办": "甲局.办案员"},
])


def _evaluate(respons, tmp_path, store: str) -> tuple[str, str]:
    return evaluate_both(respons, tmp_path, store, "机构测试", REGIME, RECORDS)


def test_a_body_or_post_field_files_the_obligation_under_its_agency(respons, tmp_path):
    document, text = _evaluate(respons, tmp_path, f"sqlite:///{tmp_path / 's.db'}")
    found = json.loads(document)
    filed = {(o["duty"], o["matter"]): (o["agency"], o["owner"]) for o in found["obligations"]}
    assert filed == {
        ("按期回复", "J1"): ("甲局", "甲局.办案科"),
        ("按期回复", "J2"): ("甲局", "办案科"),
        ("按期回复", "J3"): ("乙局", "法制科"),
        ("按期回复", "J4"): ("乙局", "乙局.法制科"),
        ("经办回复", "J1"): ("甲局", "甲局.办案科.办案员"),
        ("经办回复", "J2"): ("甲局", "办案员"),
        ("经办回复", "J3"): ("乙局", None),
        ("经办回复", "J4"): ("甲局", "甲局.办案员"),
    }
    assert [(a["agency"], a["overdue"]) for a in found["agencies"]] == [("乙局", 3), ("甲局", 5)]
    assert "未载明机关" not in text
    assert "  甲局：逾期未履行 5 项" in text and "  乙局：逾期未履行 3 项" in text


@pytest.mark.parametrize("backend", ["postgresql", "duckdb"])
def test_every_backend_files_them_as_sqlite_does(respons, tmp_path, request, backend):
    other = request.getfixturevalue(f"{backend}_url")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sqlite = _evaluate(respons, tmp_path / "a", f"sqlite:///{tmp_path / 'a' / 's.db'}")
    assert _evaluate(respons, tmp_path / "b", other) == sqlite

"""A small regime for the scenario tests, and a way to write it with a scenario file beside it.

One record kind with a key and a field of each kind a scenario writes (an agency, a choice, a
是否, an amount, a date, a whole number), one without a key, and two duties: a 5-working-day
reply limited to 一般 complaints, owned by the record's agency and extended by a record of
its grant, and a 10-day follow-up started by the reply.
"""

from __future__ import annotations

from pathlib import Path

REGIME = """\
制度 测试制度 {
  层级 市
  施行 2024-01-01
}

机关 行政执法部门 {
  机构 法制机构 {}
}

机关 另一部门 {}

记录 投诉 {
  主键 投诉编号
  字段 受理机关 机关
  字段 类别 之一 "一般", "重大"
  字段 紧急 是否 可选
  字段 金额 金额 可选
  字段 收到日期 日期 可选
  字段 件数 整数 可选
  事件 收到, 答复, 批准延长, 回访
}

记录 培训 {
  字段 参训机关 机关
  事件 完成
}

职责 答复投诉 〔第一条〕 {
  起算 投诉.收到 限于 类别 = "一般"
  期限 5 工作日
  完成 投诉.答复
  延长 5 工作日 凭 投诉.批准延长
  负责 受理机关
}

职责 答复后回访 〔第二条〕 {
  起算 投诉.答复
  期限 10 日
  完成 投诉.回访
}
"""

HEADER = "制度 测试制度的场景 {\n  上位 county\n}\n\n"

#: 2024-03-01 (Fri) + 5 working days: 03-04..08 → 2024-03-08; answered on 03-07: met.
#: The answer starts 答复后回访: 2024-03-07 + 10 days = 2024-03-17, a Sunday → 03-18.
PASSING = """\
场景 按期答复 〔第一条〕 {
  截至 2024-06-28
  记录 投诉.收到 T1 2024-03-01 受理机关 = 行政执法部门, 类别 = 一般
  记录 投诉.答复 T1 2024-03-07
  记录 投诉.回访 T1 2024-03-18
  预期 职责 答复投诉 T1 按期完成, 到期 2024-03-08, 完成 2024-03-07, 负责 行政执法部门
  预期 职责 答复后回访 T1 按期完成, 到期 2024-03-18
}
"""


def write(folder: Path, scenarios: str, regime: str = REGIME, name: str = "county") -> Path:
    """county.resp and county.test.resp (``HEADER`` + ``scenarios``) in ``folder``."""
    (folder / f"{name}.resp").write_text(regime, "utf-8")
    path = folder / f"{name}.test.resp"
    path.write_text(HEADER.replace("county", name) + scenarios, "utf-8")
    return path

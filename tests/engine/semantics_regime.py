"""A small regime of our own for the engine's semantics: a 是否 and a choice condition, an
owner read from a field and one that names a post, an extension granted upon an event
(凭), a pause (中止 … 至 …), and versions (取代). Written to a folder by `write_regime`."""

from __future__ import annotations

from pathlib import Path

from engine_helpers import rec

HEADER = """制度 某县行政执法责任制规定 {{
  层级 县
  制定机关 "某县人民政府"
  施行 {effective}
  日历 cn{supersedes}
}}
"""

BODY = """
机关 执法局 〔第二条〕 {{
  性质 法定
  职权 处罚 行政处罚
  岗位 承办人员 〔第三条〕 {{
    承担 行政处罚
  }}
  岗位 法制审核岗 〔第三条〕 {{
    角色 法制审核
  }}
}}

机关 市场监督管理局 〔第二条〕 {{}}

记录 案件 〔第四条〕 {{
  主键 案件编号
  字段 机关 机关
  字段 承办人 人员
  字段 重大 是否
  字段 程序 之一 "简易", "普通"
  事件 受理, 立案, 退回, 中止, 恢复, 批准延长, 决定
}}

职责 重大案件立案审查 〔第五条〕 {{
  起算 案件.受理 限于 重大 = 是
  期限 {review} 工作日
  完成 案件.立案 或 案件.退回
  负责 承办人
}}

职责 普通程序作出决定 〔第六条〕 {{
  起算 案件.立案 限于 程序 = "普通"
  期限 10 工作日
  完成 案件.决定
  延长 5 工作日 经 执法局 凭 案件.批准延长 〔第六条第二款〕
  中止 案件.中止 至 案件.恢复 〔第六条第三款〕
  负责 执法局.法制审核岗
  违反 拖延履行法定职责
}}

过错 拖延履行法定职责 〔第七条〕 {{ 对象 人员 }}
"""

REVIEW, DECIDE = "重大案件立案审查", "普通程序作出决定"
WD5, WD10 = (5, "workdays"), (10, "workdays")
POST = "执法局.法制审核岗"


def regime_text(effective: str = "2024-01-01", review: int = 5,
                supersedes: str | None = None) -> str:
    line = f"\n  取代 {supersedes}" if supersedes else ""
    return (HEADER.format(effective=effective, supersedes=line)
            + BODY.format(review=review))


def write_regime(folder: Path, name: str = "county", **kwargs) -> Path:
    path = folder / f"{name}.resp"
    path.write_text(regime_text(**kwargs), encoding="utf-8")
    return path


def case(id, event, at, number, *, major=True, procedure="普通", officer="张三",
         agency="执法局", **more):
    return rec(id, f"案件.{event}", at, 案件编号=number, 机关=agency, 承办人=officer,
               重大=major, 程序=procedure, **more)

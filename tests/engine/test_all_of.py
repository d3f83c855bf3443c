"""完成 A 且 B: a duty met only when every named event has happened — when the last one does
(tongzhou 协调规定 12: transfer the application and tell the applicant, "同时")."""

from __future__ import annotations

from engine_helpers import Due, assert_obligations, rec

REGIME = """制度 协调规定 {
  层级 区
  施行 2020-01-01
}

机关 协调机关 〔第一条〕 {
  性质 法定
}

记录 申请 〔第二条〕 {
  主键 编号
  字段 机关 机关
  事件 收到, 移交, 告知
}

职责 移交并告知 〔第十二条〕 {
  起算 申请.收到
  期限 3 工作日
  完成 申请.移交 且 申请.告知
  负责 机关
}
"""
DUTY, W3 = "移交并告知", (3, "workdays")


def case(id_, event, at, key):
    return rec(id_, f"申请.{event}", at, 编号=key, 机关="协调机关")


def test_met_when_the_last_of_the_events_happens(engine, tmp_path):
    regime = tmp_path / "r.resp"
    regime.write_text(REGIME, "utf-8")
    engine.ingest(regime, [
        case("a1", "收到", "2025-09-26", "A"), case("a2", "移交", "2025-09-28", "A"),
        case("a3", "告知", "2025-10-09", "A"),
        case("b1", "收到", "2025-09-26", "B"), case("b2", "告知", "2025-09-29", "B"),
        case("b3", "移交", "2025-09-30", "B"),
        case("c1", "收到", "2025-09-26", "C"), case("c2", "移交", "2025-09-29", "C"),
    ])
    # 2025-09-26 (Fri) + 3 working days: 09-28 (make-up Sunday for 国庆 2025), 09-29,
    # 09-30 → 2025-09-30 for all three applications.
    assert_obligations(engine.evaluate(regime, "2025-10-31"), {
        # Transferred on 09-28 but told only on 10-09 (after the holiday): late.
        ("a1", DUTY): Due("2025-09-26", W3, "2025-09-30", "met_late", "a3"),
        # Told on 09-29, transferred on 09-30: both by the due date, met by the later.
        ("b1", DUTY): Due("2025-09-26", W3, "2025-09-30", "met", "b3"),
        # Transferred but never told: not met.
        ("c1", DUTY): Due("2025-09-26", W3, "2025-09-30", "overdue"),
    })

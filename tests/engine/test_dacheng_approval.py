"""dacheng-approval (大城县行政审批局, six parts): its one duty, dates worked out by hand.

一般投诉办理期限 30 日 限于 类别 = "一般投诉", met by 办结 or by an approved extension
(延长获批: the regime's reading, since the text gives no length for the extension),
负责 大城县行政审批局.局客服中心 (投诉举报制度 第六条). The regime has no 施行 date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_helpers import Due, assert_breaches, assert_obligations, by_start, cross_check, rec

REGIME = Path(__file__).resolve().parents[2] / "jurisdictions" / "dacheng-approval.resp"

DUTY = "一般投诉办理期限"
D30 = (30, "days")
DESK = "大城县行政审批局.局客服中心"


def complaint(id, event, at, number, kind="一般投诉"):
    return rec(id, f"行政执法投诉.{event}", at, 投诉编号=number, 类别=kind)


RECORDS = [
    complaint("g1", "受理", "2024-09-01", "DC-2024-017"),
    complaint("g1-done", "办结", "2024-10-08", "DC-2024-017"),
    complaint("g2", "受理", "2025-09-08", "DC-2025-022"),
    complaint("g2-ext", "延长获批", "2025-09-30", "DC-2025-022"),
    complaint("g2-done", "办结", "2025-11-20", "DC-2025-022"),
    complaint("g3", "受理", "2026-09-01", "DC-2026-031"),
    # A major, urgent matter: 急事急办, no clock.
    complaint("g4", "受理", "2026-09-01", "DC-2026-032", kind="重大紧急问题"),
]

WHO = {"owner": DESK}
EXPECTED = {
    # 2024-09-01 + 30 calendar days = 2024-10-01, 国庆 2024 (10-01..07) → 2024-10-08 (Tue);
    # concluded on 10-08: met.
    ("g1", DUTY): Due("2024-09-01", D30, "2024-10-08", "met", "g1-done", **WHO),
    # 2025-09-08 + 30 calendar days = 2025-10-08, the last day of 国庆·中秋 2025 → 2025-10-09
    # (Thu). The extension approved on 09-30 meets the duty as this regime reads it.
    ("g2", DUTY): Due("2025-09-08", D30, "2025-10-09", "met", "g2-ext", **WHO),
    # 2026-09-01 + 30 calendar days = 2026-10-01, 国庆 2026 (10-01..07) → 2026-10-08 (Thu):
    # open on 10-08.
    ("g3", DUTY): Due("2026-09-01", D30, "2026-10-08", "open", **WHO),
}


def test_dacheng_approval_duty(engine):
    engine.ingest(REGIME, RECORDS)
    document = engine.evaluate(REGIME, "2026-10-08")
    assert_obligations(document, EXPECTED)
    assert_breaches(document, EXPECTED)
    assert document["totals"]["due_soon"] == 1  # g3, due today
    later = by_start(engine.evaluate(REGIME, "2026-10-09"))
    assert later[("g3", DUTY)]["state"] == "overdue"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_dacheng_approval_dates_agree_with_chinese_calendar(key):
    cross_check(EXPECTED[key])

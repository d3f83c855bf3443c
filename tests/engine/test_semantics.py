"""The duty engine's semantics, on a small regime of our own (semantics_regime.py).

Each expected date is worked out by hand from the 2024–2026 State Council notices; the
reasons are stated beside it.
"""

from __future__ import annotations

import json

import pytest
from engine_helpers import (
    Due,
    assert_breaches,
    assert_obligations,
    by_start,
    cc_period_end,
    cc_units_between,
    cross_check,
)
from semantics_regime import DECIDE, POST, REVIEW, WD5, WD10, case, write_regime

WD5_EXT = (5, "workdays")


# ── where-conditions, owners ─────────────────────────────────────────────────────────────
CONDITIONS = [
    # 2025-03-02T16:30Z is 2025-03-03 00:30 in China Standard Time: the clock starts on 03-03.
    case("w1", "受理", "2025-03-02T16:30:00Z", "AJ-1"),
    case("w1-file", "立案", "2025-03-10", "AJ-1"),
    case("w1-decide", "决定", "2025-03-24", "AJ-1"),
    case("w2", "受理", "2025-03-03", "AJ-2", major=False),            # 重大 = 否: no duty
    case("w2-file", "立案", "2025-03-04", "AJ-2", procedure="简易"),  # 简易: no duty
    case("w3", "受理", "2025-03-03", "AJ-3", officer="李四"),
]
CONDITIONS_EXPECTED = {
    # 2025-03-03 (Mon) + 5 working days: 03-04..07 (1-4), 03-10 (5) → 2025-03-10; filed
    # on 03-10: met. The owner is the officer the record names (负责 承办人).
    ("w1", REVIEW): Due("2025-03-03", WD5, "2025-03-10", "met", "w1-file", owner="张三",
                        agency="执法局"),
    # 2025-03-10 (Mon) + 10 working days: 03-11..14 (1-4), 03-17..21 (5-9), 03-24 (10)
    # → 2025-03-24; decided on 03-24: met. The owner is the post the duty names.
    ("w1-file", DECIDE): Due("2025-03-10", WD10, "2025-03-24", "met", "w1-decide",
                             owner=POST, agency="执法局"),
    # As w1, never filed: overdue on 03-31; owner 李四.
    ("w3", REVIEW): Due("2025-03-03", WD5, "2025-03-10", "overdue", owner="李四",
                        agency="执法局"),
}


def test_where_conditions_and_owners(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, CONDITIONS)
    document = engine.evaluate(regime, "2025-03-31")
    assert_obligations(document, CONDITIONS_EXPECTED)
    assert_breaches(document, CONDITIONS_EXPECTED)


# ── corrections ──────────────────────────────────────────────────────────────────────────
CORRECTIONS = [
    case("k1", "受理", "2025-03-03", "AJ-11"),
    case("k1-fix", "受理", "2025-03-05", "AJ-11", corrects="k1"),
    case("k1-file", "立案", "2025-03-12", "AJ-11", procedure="简易"),
    case("k2", "受理", "2025-03-03", "AJ-12"),
    case("k2-fix", "受理", "2025-03-03", "AJ-12", major=False, corrects="k2"),
    case("k3", "受理", "2025-03-03", "AJ-13"),
    case("k3-file", "立案", "2025-03-12", "AJ-13", procedure="简易"),
    case("k3-file-fix", "立案", "2025-03-07", "AJ-13", procedure="简易", corrects="k3-file"),
    case("k4", "受理", "2025-03-03", "AJ-14", major=False),
    case("k4-fix", "受理", "2025-03-03", "AJ-14", corrects="k4"),
]
CORRECTIONS_EXPECTED = {
    # Received on 03-05, not 03-03: 03-06 (1), 03-07 (2), 03-10..12 (3-5) → 2025-03-12;
    # filed 03-12: met. The corrected k1 starts nothing.
    ("k1-fix", REVIEW): Due("2025-03-05", WD5, "2025-03-12", "met", "k1-file"),
    # k2 was not major after all: no obligation. k3 was filed on 03-07, not 03-12: met
    # (due 2025-03-10 as w1 above) by the correcting record.
    ("k3", REVIEW): Due("2025-03-03", WD5, "2025-03-10", "met", "k3-file-fix"),
    # k4 was major after all: its correction starts the clock; never filed: overdue.
    ("k4-fix", REVIEW): Due("2025-03-03", WD5, "2025-03-10", "overdue"),
}


def test_corrections_replace_the_records_they_correct(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, CORRECTIONS)
    assert_obligations(engine.evaluate(regime, "2025-03-31"), CORRECTIONS_EXPECTED)


def test_the_first_completion_in_time_meets_the_duty(engine, tmp_path):
    """Records come from several systems and files: the completion that happened first
    meets the duty, whichever was ingested first."""
    regime = write_regime(tmp_path)
    engine.ingest(regime, [case("o1", "受理", "2025-03-03", "AJ-21"),
                           case("o1-file", "立案", "2025-03-12", "AJ-21", procedure="简易")])
    engine.ingest(regime, [case("o1-back", "退回", "2025-03-07", "AJ-21")])
    # 2025-03-03 + 5 working days → 2025-03-10 (as w1); returned on 03-07: met.
    assert_obligations(engine.evaluate(regime, "2025-03-31"), {
        ("o1", REVIEW): Due("2025-03-03", WD5, "2025-03-10", "met", "o1-back")})


# ── versions (取代) ──────────────────────────────────────────────────────────────────────
def test_a_record_is_judged_by_the_version_in_force_when_it_happened(engine, tmp_path):
    write_regime(tmp_path, "county-2024", effective="2024-01-01", review=5)
    regime = write_regime(tmp_path, "county", effective="2025-01-01", review=10,
                          supersedes="county-2024")
    engine.ingest(regime, [
        case("v0", "受理", "2023-12-29", "AJ-30"),  # before either version: no duty
        case("v1", "受理", "2024-12-30", "AJ-31"),
        case("v1-file", "立案", "2025-01-08", "AJ-31", procedure="简易"),
        case("v2", "受理", "2025-01-02", "AJ-32"),
    ])
    document = engine.evaluate(regime, "2025-01-16")
    assert document["versions"] == [
        {"regime": "county-2024", "from": "2024-01-01", "until": "2025-01-01"},
        {"regime": "county", "from": "2025-01-01", "until": "9999-12-31"}]
    expected = {
        # Received 2024-12-30 under the 2024 version, 5 working days: 12-31 (1), 01-01
        # 元旦 2025, 01-02 (2), 01-03 (3), 01-06 (4), 01-07 (5) → 2025-01-07; filed 01-08:
        # late (the newer version's 10 days would have made it in time).
        ("v1", REVIEW): Due("2024-12-30", WD5, "2025-01-07", "met_late", "v1-file"),
        # Received 2025-01-02 under the 2025 version, 10 working days: 01-03 (1),
        # 01-06..10 (2-6), 01-13..16 (7-10) → 2025-01-16: open on 01-16.
        ("v2", REVIEW): Due("2025-01-02", (10, "workdays"), "2025-01-16", "open"),
    }
    assert_obligations(document, expected)
    regimes = {key: ob["regime"] for key, ob in by_start(document).items()}
    assert regimes == {("v1", REVIEW): "county-2024", ("v2", REVIEW): "county"}
    for due in expected.values():
        cross_check(due)


# ── a year the calendar lacks ────────────────────────────────────────────────────────────
def test_a_due_date_in_a_year_without_calendar_data_is_unknown(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [
        case("u1", "受理", "2026-12-28", "AJ-41"),
        case("u2", "受理", "2026-12-21", "AJ-42"),
        case("u2-file", "立案", "2026-12-28", "AJ-42", procedure="简易"),
    ])
    result = engine.run(regime, "2026-12-31")
    assert_obligations(json.loads(result.stdout), {
        # 2026-12-28 (Mon) + 5 working days: 12-29..31 (1-3), then 2027, for which no
        # notice is loaded: unknown, never guessed.
        ("u1", REVIEW): Due("2026-12-28", WD5, None, "unknown"),
        # 2026-12-21 (Mon) + 5 working days: 12-22..25 (1-4), 12-28 (5) → 2026-12-28: met.
        ("u2", REVIEW): Due("2026-12-21", WD5, "2026-12-28", "met", "u2-file"),
    })
    assert "warning:" in result.stderr and "2027" in result.stderr
    text = engine.run(regime, "2026-12-31", output="text")
    # The regime is written in Chinese keywords: so is its report.
    assert "无法确定 1" in text.stdout and "缺 2027 年的数据" in text.stdout


# ── the evaluation date ──────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(("as_of", "late", "on_time"), [
    ("2025-03-02", None, None),                 # before the start: no obligation yet
    ("2025-03-07", "open", "open"),
    ("2025-03-10", "open", "met"),              # the due date itself
    ("2025-03-11", "overdue", "met"),
    ("2025-03-12", "met_late", "met"),
])
def test_the_state_is_as_of_the_date(engine, tmp_path, as_of, late, on_time):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [
        case("a1", "受理", "2025-03-03", "AJ-51"),
        case("a1-file", "立案", "2025-03-12", "AJ-51", procedure="简易"),
        case("a2", "受理", "2025-03-03", "AJ-52"),
        case("a2-file", "立案", "2025-03-10", "AJ-52", procedure="简易"),
    ])
    # Both due 2025-03-10 (as w1).
    got = {key[0]: ob["state"] for key, ob in by_start(engine.evaluate(regime, as_of)).items()}
    assert got == ({} if late is None else {"a1": late, "a2": on_time})


# ── extensions (延长 … 凭 …) ─────────────────────────────────────────────────────────────
EXTENSIONS = [
    case("x1", "立案", "2025-09-22", "AJ-61"),
    case("x1-grant", "批准延长", "2025-10-11", "AJ-61"),
    case("x1-decide", "决定", "2025-10-17", "AJ-61"),
    case("x2", "立案", "2025-09-22", "AJ-62"),
    case("x2-grant", "批准延长", "2025-10-13", "AJ-62"),
    case("x2-decide", "决定", "2025-10-17", "AJ-62"),
    case("x3", "立案", "2025-09-22", "AJ-63"),
    case("x3-grant", "批准延长", "2025-10-09", "AJ-63"),
]
# 2025-09-22 (Mon) + 10 working days over 国庆·中秋 2025: 09-23..26 (1-4), 09-28 make-up
# Sunday (5), 09-29, 09-30 (6-7), 10-01..08 holidays, 10-09, 10-10 (8-9), 10-11 make-up
# Saturday (10) → 2025-10-11. Extended by 5 working days from it: 10-13..17 → 2025-10-17.
EXTENSIONS_EXPECTED = {
    # Granted on the due date itself: in time; decided 10-17: met.
    ("x1", DECIDE): Due("2025-09-22", WD10, "2025-10-11", "met", "x1-decide",
                        extended="2025-10-17"),
    # Granted 10-13, after the period had run out: too late, the due date stays 10-11;
    # decided 10-17: late.
    ("x2", DECIDE): Due("2025-09-22", WD10, "2025-10-11", "met_late", "x2-decide"),
    # Granted in time, not yet decided: open until the extended date.
    ("x3", DECIDE): Due("2025-09-22", WD10, "2025-10-11", "open", extended="2025-10-17"),
}


def test_extensions_granted_in_time_and_too_late(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, EXTENSIONS)
    document = engine.evaluate(regime, "2025-10-17")
    assert_obligations(document, EXTENSIONS_EXPECTED)
    assert_breaches(document, EXTENSIONS_EXPECTED)
    later = engine.evaluate(regime, "2025-10-20")
    breach = [b for b in later["breaches"] if b["start_record"] == "x3"]
    assert [(b["state"], b["due_date"], b["extended"], b["days_late"]) for b in breach] == [
        ("overdue", "2025-10-17", True, 3)]
    # Before the grant is recorded, it is not applied.
    early = by_start(engine.evaluate(regime, "2025-10-08"))
    assert early[("x3", DECIDE)]["extended_due"] is None


@pytest.mark.parametrize("key", sorted(EXTENSIONS_EXPECTED))
def test_extension_dates_agree_with_chinese_calendar(key):
    cross_check(EXTENSIONS_EXPECTED[key], WD5_EXT)


# ── pauses (中止 … 至 …) ─────────────────────────────────────────────────────────────────
PAUSES = [
    case("p1", "立案", "2026-03-02", "AJ-71"),
    case("p1-stop", "中止", "2026-03-04", "AJ-71"),
    case("p1-go", "恢复", "2026-03-10", "AJ-71"),
    case("p1-decide", "决定", "2026-03-20", "AJ-71"),
    case("p2", "立案", "2026-03-02", "AJ-72"),
    case("p2-stop", "中止", "2026-03-04", "AJ-72"),
    case("p2-go", "恢复", "2026-03-10", "AJ-72"),
    case("p2-grant", "批准延长", "2026-03-19", "AJ-72"),
    case("p2-decide", "决定", "2026-03-27", "AJ-72"),
    case("p3", "立案", "2026-04-20", "AJ-73"),
    case("p3-stop", "中止", "2026-04-29", "AJ-73"),
    case("p3-go", "恢复", "2026-05-07", "AJ-73"),
    case("p3-decide", "决定", "2026-05-12", "AJ-73"),
]
PAUSES_EXPECTED = {
    # 2026-03-02 (Mon) + 10 working days, paused 03-04 to 03-10: 03-03 (1), 03-04 (2, the
    # day the pause began counts), 03-05, 03-06, 03-09, 03-10 not counted (4 working
    # days), 03-11..13 (3-5), 03-16..20 (6-10) → 2026-03-20; decided 03-20: met.
    ("p1", DECIDE): Due("2026-03-02", WD10, "2026-03-20", "met", "p1-decide", paused=4),
    # The same, extended upon a grant of 03-19 (before 03-20) by 5 working days:
    # 03-23..27 → 2026-03-27; decided 03-27: met.
    ("p2", DECIDE): Due("2026-03-02", WD10, "2026-03-20", "met", "p2-decide", paused=4,
                        extended="2026-03-27"),
    # 2026-04-20 (Mon) + 10 working days, paused 04-29 to 05-07 over 劳动节 2026: 04-21..24
    # (1-4), 04-27..29 (5-7), not counted 04-30, 05-06, 05-07 (3 working days; 05-01..05
    # are holidays anyway), 05-08 (8), 05-09 make-up Saturday (9), 05-11 (10)
    # → 2026-05-11; decided 05-12: late.
    ("p3", DECIDE): Due("2026-04-20", WD10, "2026-05-11", "met_late", "p3-decide", paused=3),
}


@pytest.mark.parametrize(("key", "pause", "grant"), [
    ("p1", ("2026-03-04", "2026-03-10"), None),
    ("p2", ("2026-03-04", "2026-03-10"), WD5_EXT),
    ("p3", ("2026-04-29", "2026-05-07"), None),
])
def test_pause_dates_agree_with_chinese_calendar(key, pause, grant):
    due = PAUSES_EXPECTED[(key, DECIDE)]
    units = cc_units_between(*pause, due.period[1])
    assert units == due.paused
    assert cc_period_end(due.start, due.period[0] + units, due.period[1]) == due.due
    if grant:
        assert cc_period_end(due.due, *grant) == due.extended


@pytest.mark.parametrize("due", [*CONDITIONS_EXPECTED.values(), *CORRECTIONS_EXPECTED.values()])
def test_semantics_dates_agree_with_chinese_calendar(due):
    cross_check(due)


def test_pauses_exclude_their_days(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, PAUSES)
    document = engine.evaluate(regime, "2026-05-31")
    assert_obligations(document, PAUSES_EXPECTED)
    assert_breaches(document, PAUSES_EXPECTED)


def test_a_pause_not_yet_ended_is_paused(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, PAUSES)
    ob = by_start(engine.evaluate(regime, "2026-03-09"))[("p1", DECIDE)]
    # Nothing excluded yet: 03-03..06 (1-4), 03-09..13 (5-9), 03-16 (10) → 2026-03-16.
    assert (ob["state"], ob["due_date"], ob["paused_units"]) == ("paused", "2026-03-16", 0)


def test_a_pause_recorded_late_still_ends(engine, tmp_path):
    """The 中止 record reaches the store after the 恢复 record (a later file): the pause
    still runs from 03-04 to 03-10 (the order of the records in time, not of ingest)."""
    regime = write_regime(tmp_path)
    engine.ingest(regime, [case("p4", "立案", "2026-03-02", "AJ-74"),
                           case("p4-go", "恢复", "2026-03-10", "AJ-74"),
                           case("p4-decide", "决定", "2026-03-20", "AJ-74")])
    engine.ingest(regime, [case("p4-stop", "中止", "2026-03-04", "AJ-74")])
    # As p1: 2026-03-20, 4 working days excluded.
    assert_obligations(engine.evaluate(regime, "2026-05-31"), {
        ("p4", DECIDE): Due("2026-03-02", WD10, "2026-03-20", "met", "p4-decide", paused=4)})


def test_a_corrected_pause_counts_once(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [
        case("p5", "立案", "2026-03-02", "AJ-75"),
        case("p5-stop", "中止", "2026-03-03", "AJ-75"),
        case("p5-go", "恢复", "2026-03-10", "AJ-75"),
        case("p5-stop-fix", "中止", "2026-03-04", "AJ-75", corrects="p5-stop"),
        case("p5-decide", "决定", "2026-03-20", "AJ-75"),
    ])
    # The pause began on 03-04 (the correction), as p1: 2026-03-20, 4 working days.
    assert_obligations(engine.evaluate(regime, "2026-05-31"), {
        ("p5", DECIDE): Due("2026-03-02", WD10, "2026-03-20", "met", "p5-decide", paused=4)})


# ── determinism ──────────────────────────────────────────────────────────────────────────
def test_evaluating_twice_gives_byte_identical_output(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, CONDITIONS + CORRECTIONS + EXTENSIONS + PAUSES)
    for output in ("json", "text"):
        first = engine.run(regime, "2026-05-31", output=output).stdout
        second = engine.run(regime, "2026-05-31", output=output).stdout
        assert first == second and first
    # Without --as-of the date is the latest record's, not today's.
    assert engine.evaluate(regime, None)["as_of"] == "2026-05-12"

"""The text report: what a supervisor sees at a terminal — the totals, a table by agency
(open, due soon, overdue, late, met), and every breach with its reason, who owns it, the
fault it counts as, the record that started it and the article it cites."""

from __future__ import annotations

import json
import re

from engine_helpers import by_start
from semantics_regime import DECIDE, REVIEW, case, write_regime
from test_semantics import EXTENSIONS

MARKET = "市场监督管理局"
RECORDS = [
    *EXTENSIONS,
    # 2025-10-14 (Tue) + 5 working days: 10-15..17 (1-3), 10-20 (4), 10-21 (5) → 2025-10-21:
    # open on 10-20 and due within 3 working days.
    case("m1", "受理", "2025-10-14", "AJ-81", agency=MARKET, officer="王五"),
    # 2025-09-30 + 5 working days: 10-01..08 holidays, 10-09 (1), 10-10 (2), 10-11 make-up
    # Saturday (3), 10-13 (4), 10-14 (5) → 2025-10-14: 6 days overdue on 10-20.
    case("m2", "受理", "2025-09-30", "AJ-82", agency=MARKET, officer="王五"),
]

# 执法局: x1 met (extended to 10-17), x2 late (due 10-11, decided 10-17: 6 days), x3 overdue
# (extended to 10-17: 3 days) — see test_semantics.EXTENSIONS. Agencies and breaches in
# the order of their names' bytes: 市 (U+5E02) before 执 (U+6267).
EXPECTED = """\
某县行政执法责任制规定 (county) · as of 2025-10-20
  calendar cn: 2025–2026
  5 obligations: met 1 · met late 1 · open 1 · overdue 2 · due within 3 working days 1

  agency            open   soon  overdue   late      met
  市场监督管理局       1      1        1      0        0
  执法局               0      0        1      1        1

Breaches (3)
  overdue  重大案件立案审查 · AJ-82 · 2025-09-30 + 5 工作日 → due 2025-10-14: not met as of \
2025-10-20, 6 days past the due date
           负责 王五 · 起算 m2  〔某县行政执法责任制规定 第五条〕
  met late 普通程序作出决定 · AJ-62 · 2025-09-22 + 10 工作日 → due 2025-10-11: met 2025-10-17 \
by x2-decide, 6 days late
           负责 执法局.法制审核岗 · 违反 拖延履行法定职责 · 起算 x2 \
 〔某县行政执法责任制规定 第六条〕
  overdue  普通程序作出决定 · AJ-63 · 2025-09-22 + 10 工作日 → due 2025-10-17 (extended): not \
met as of 2025-10-20, 3 days past the due date
           负责 执法局.法制审核岗 · 违反 拖延履行法定职责 · 起算 x3 \
 〔某县行政执法责任制规定 第六条〕
"""


def test_text_report_by_agency_with_breaches_and_citations(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, RECORDS)
    result = engine.run(regime, "2025-10-20", output="text")
    lines = result.stdout.splitlines(keepends=True)
    # The second line names the run and the ledger head it was computed over.
    assert re.fullmatch(r"  run [0-9a-f]{16} · ledger head seq 10 [0-9a-f]{16}… · chain "
                        r"verified\n", lines[1]), lines[1]
    assert lines[0] + "".join(lines[2:]) == EXPECTED
    assert result.stderr == ""


def test_json_report_agrees_with_the_text(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, RECORDS)
    document = engine.evaluate(regime, "2025-10-20")
    assert document["totals"] == {"met": 1, "met_late": 1, "open": 1, "paused": 0,
                                  "overdue": 2, "unknown": 0, "due_soon": 1}
    assert [(a["agency"], a["open"], a["due_soon"], a["overdue"], a["met_late"], a["met"])
            for a in document["agencies"]] == [(MARKET, 1, 1, 1, 0, 0), ("执法局", 0, 0, 1, 1, 1)]
    assert [(b["start_record"], b["days_late"], b["citation"]) for b in document["breaches"]] == [
        ("m2", 6, "某县行政执法责任制规定 第五条"),
        ("x2", 6, "某县行政执法责任制规定 第六条"),
        ("x3", 3, "某县行政执法责任制规定 第六条")]
    obligations = by_start(document)
    assert obligations[("m1", REVIEW)]["due_date"] == "2025-10-21"
    assert obligations[("x3", DECIDE)]["extended_due"] == "2025-10-17"
    json.dumps(document)  # plain JSON all the way down

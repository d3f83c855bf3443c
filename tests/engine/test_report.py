"""The text report: what a supervisor sees at a terminal, in the language the regime was
written in (or `--lang`'s) — the totals by state; what needs action now (overdue and due
soon, by agency), each with its matter, due date, how late or how soon, owner and article;
the history (met late); what could not be determined and why; the table by agency with
every state, whose rows add up to the total. And the JSON beside it: stable English keys,
the obligations due soon listed."""

from __future__ import annotations

import json
import re
import string

import pytest
from engine_helpers import by_start, rec
from semantics_regime import DECIDE, REVIEW, case, write_regime
from test_semantics import EXTENSIONS

from paths import ROOT
from respons.report.words import LANGUAGES, WORDS, Words

MARKET = "市场监督管理局"
RECORDS = [
    *EXTENSIONS,
    # 2025-10-14 (Tue) + 5 working days: 10-15..17 (1-3), 10-20 (4), 10-21 (5) → 2025-10-21:
    # open on 10-20 (Mon), one working day left: due soon.
    case("m1", "受理", "2025-10-14", "AJ-81", agency=MARKET, officer="王五"),
    # 2025-09-30 + 5 working days: 10-01..08 holidays, 10-09 (1), 10-10 (2), 10-11 make-up
    # Saturday (3), 10-13 (4), 10-14 (5) → 2025-10-14: 6 days overdue on 10-20.
    case("m2", "受理", "2025-09-30", "AJ-82", agency=MARKET, officer="王五"),
]

# 执法局: x1 met (extended to 10-17), x2 late (due 10-11, decided 10-17: 6 days), x3 overdue
# (extended to 10-17: 3 days) — see test_semantics.EXTENSIONS. Agencies in the order of
# their names' bytes: 市 (U+5E02) before 执 (U+6267); in an agency, the overdue first.
EXPECTED = """\
某县行政执法责任制规定（county）· 截至 2025-10-20
  日历 cn：2025–2026 年
  义务 5 项：按期履行 1 · 逾期履行 1 · 未到期 1（其中 3 个工作日内到期 1） · 中止 0 · 逾期未履行 2 \
· 无法确定 0

一、需要处理：逾期未履行 2 项，3 个工作日内到期 1 项
  市场监督管理局：逾期未履行 1 项 · 即将到期 1 项
    重大案件立案审查 · AJ-82 · 2025-09-30 起 5 工作日，到期日 2025-10-14：截至 2025-10-20 未履行，\
已逾期 6 天
      负责 王五 · 起算 m2  〔某县行政执法责任制规定 第五条〕
    重大案件立案审查 · AJ-81 · 2025-10-14 起 5 工作日，到期日 2025-10-21：还剩 1 个工作日
      负责 王五 · 起算 m1  〔某县行政执法责任制规定 第五条〕
  执法局：逾期未履行 1 项 · 即将到期 0 项
    普通程序作出决定 · AJ-63 · 2025-09-22 起 10 工作日，到期日 2025-10-17（已延长）：\
截至 2025-10-20 未履行，已逾期 3 天
      负责 执法局.法制审核岗 · 违反 拖延履行法定职责 · 起算 x3  〔某县行政执法责任制规定 第六条〕

二、历史：逾期履行 1 项
  执法局：逾期履行 1 项
    普通程序作出决定 · AJ-62 · 2025-09-22 起 10 工作日，到期日 2025-10-11：2025-10-17 由 x2-decide \
履行，逾期 6 天
      负责 执法局.法制审核岗 · 违反 拖延履行法定职责 · 起算 x2  〔某县行政执法责任制规定 第六条〕

三、无法确定：0 项
  无

四、按机关统计
  机关            按期履行  逾期履行  未到期  中止  逾期未履行  无法确定  合计  其中即将到期
  市场监督管理局         0         0       1     0           1         0     2             1
  执法局                 1         1       0     0           1         0     3             0
  合计                   1         1       1     0           2         0     5             1
"""


def _report(engine, regime, *options, as_of="2025-10-20"):
    result = engine.respons("evaluate", str(regime), "--store", engine.store, "--as-of", as_of,
                            *options, cwd=engine.folder)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def test_a_chinese_regime_reports_in_chinese_action_first(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, RECORDS)
    result = _report(engine, regime)
    lines = result.stdout.splitlines(keepends=True)
    # The second line names the run and the ledger head it was computed over.
    assert re.fullmatch(r"  运行 [0-9a-f]{16} · 账本头 序号 10 [0-9a-f]{16}… · 哈希链已验证\n",
                        lines[1]), lines[1]
    assert lines[0] + "".join(lines[2:]) == EXPECTED
    assert result.stderr == ""


def test_due_soon_is_listed_and_counted_by_agency(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, RECORDS)
    document = engine.evaluate(regime, "2025-10-20")
    assert document["soon_workdays"] == 3
    assert [(o["start_record"], o["due_date"], o["workdays_left"], o["agency"], o["owner"],
             o["citation"]) for o in document["due_soon"]] == [
        ("m1", "2025-10-21", 1, MARKET, "王五", "某县行政执法责任制规定 第五条")]
    assert document["totals"]["due_soon"] == len(document["due_soon"])
    # Due on the evaluation date itself: 0 working days left, "due today", still listed.
    on_the_day = _report(engine, regime, "--lang", "en", as_of="2025-10-21").stdout
    assert "AJ-81 · 2025-10-14 + 5 working days → due 2025-10-21: due today" in on_the_day
    # --soon 0: only what is due that day; on 10-20 nothing.
    assert engine.respons("evaluate", str(regime), "--store", engine.store, "--as-of",
                          "2025-10-20", "--soon", "0", "--format", "json").stdout.count(
        '"workdays_left"') == 0


def _table(text: str) -> list[list[str]]:
    head = text.index("四、按机关统计\n") if "四、" in text else text.index("By agency\n")
    rows = [line.split() for line in text[head:].splitlines()[1:]]
    return rows[1:]  # without the header


def test_the_agency_table_adds_up_to_the_totals(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [
        *RECORDS,
        # A due date in 2027, which the calendar lacks: unknown — a column of its own.
        case("u1", "受理", "2026-12-28", "AJ-41", agency=MARKET)])
    for as_of in ("2025-10-20", "2026-12-31"):
        document = engine.evaluate(regime, as_of)
        rows = _table(_report(engine, regime, as_of=as_of).stdout)
        *agencies, total = rows
        for row in rows:
            counts = list(map(int, row[1:]))
            assert sum(counts[:6]) == counts[6], row  # every state, adding up to the row's total
        assert [a[0] for a in agencies] == [a["agency"] for a in document["agencies"]]
        states = ("met", "met_late", "open", "paused", "overdue", "unknown")
        assert list(map(int, total[1:])) == [document["totals"][s] for s in states] + [
            sum(document["totals"][s] for s in states), document["totals"]["due_soon"]]
        assert sum(int(a[7]) for a in agencies) == int(total[7])
    assert document["totals"]["unknown"] == 1


def test_what_could_not_be_determined_says_why(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [case("u1", "受理", "2026-12-28", "AJ-41")])
    text = _report(engine, regime, as_of="2026-12-31").stdout
    section = text[text.index("三、无法确定"):text.index("四、")]
    assert section.splitlines()[:4] == [
        "三、无法确定：1 项",
        "  日历缺 2027 年的数据：这些义务的到期日无法计算，不作推测。在日历数据中补充该年的节假日"
        "安排后重新评估。",
        "  执法局：无法确定 1 项",
        "    重大案件立案审查 · AJ-41 · 2026-12-28 起 5 工作日，到期日未定：需要 2027 年的日历数据"]


ENGLISH = """regime 某县行政执法责任制规定 {
  level county
  effective 2024-01-01
  calendar cn
}

agency 执法局 [art. 2] {
  status statutory
}

record 案件 [art. 4] {
  key 案件编号
  field 机关 agency
  event 受理, 立案
}

duty 立案审查 [art. 5] {
  starts 案件.受理
  within 5 workdays
  met-by 案件.立案
  owner 机关
}
"""


def test_an_english_regime_reports_in_english_and_lang_chooses(engine, tmp_path):
    regime = tmp_path / "english.resp"
    regime.write_text(ENGLISH, "utf-8")
    engine.ingest(regime, [rec("e1", "案件.受理", "2025-09-30", 案件编号="AJ-1", 机关="执法局")])
    english = _report(engine, regime).stdout
    assert english.startswith("某县行政执法责任制规定 (english) · as of 2025-10-20\n")
    assert "  1 obligations: met 0 · met late 0 · open 0 (due within 3 working days 0) · " \
           "paused 0 · overdue 1 · unknown 0\n" in english
    assert "\nNeeds action now: overdue 1 · due within 3 working days 0\n" in english
    assert "    立案审查 · AJ-1 · 2025-09-30 + 5 working days → due 2025-10-14: not met as of " \
           "2025-10-20, 6 days past the due date\n" in english
    assert "      owner 执法局 · started by e1  〔某县行政执法责任制规定 第五条〕\n" in english
    # Not a Chinese word but what the regime and the records wrote, and the article cited
    # as the law names it.
    written = re.sub("〔[^〕]*〕|某县行政执法责任制规定|执法局|立案审查|受理", "", english)
    assert not re.search("[\u4e00-\u9fff]", written), written
    chinese = _report(engine, regime, "--lang", "zh").stdout
    assert chinese.startswith("某县行政执法责任制规定（english）· 截至 2025-10-20\n")
    assert "一、需要处理：逾期未履行 1 项" in chinese
    # --lang en on a Chinese regime; and the JSON is the same whatever the language.
    county = write_regime(tmp_path)
    engine.ingest(county, RECORDS)
    assert _report(engine, county, "--lang", "en").stdout.startswith(
        "某县行政执法责任制规定 (county) · as of 2025-10-20\n")
    as_json = [_report(engine, county, "--format", "json", *lang).stdout
               for lang in ((), ("--lang", "en"), ("--lang", "zh"))]
    assert as_json[0] == as_json[1] == as_json[2]


def test_an_unknown_language_is_a_usage_error(engine, tmp_path):
    regime = write_regime(tmp_path)
    result = engine.respons("evaluate", str(regime), "--store", engine.store, "--lang", "fr")
    assert result.exit_code == 2 and "'fr' is not one of 'zh', 'en'" in result.stderr


def test_the_warning_speaks_the_report_s_language_and_english_beside_json(engine, tmp_path):
    regime = write_regime(tmp_path)
    engine.ingest(regime, [case("u1", "受理", "2026-12-28", "AJ-41")])
    text = _report(engine, regime, as_of="2026-12-31")
    assert text.stderr == ("警告：1 项义务没有到期日：日历缺 2027 年的数据（请在日历数据中"
                           "补充该年的节假日安排）\n")
    as_json = _report(engine, regime, "--format", "json", as_of="2026-12-31")
    assert as_json.stderr.startswith("warning: 1 obligations have no due date: the calendar "
                                     "has no data for 2027")


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
    # A breach's members are those documented (docs/evaluate.md), no more.
    assert list(document["breaches"][0]) == [
        "duty", "regime", "state", "agency", "owner", "matter", "start_record", "start_date",
        "due_date", "extended", "done_record", "done_date", "days_late", "counts_as", "period",
        "citation"]
    obligations = by_start(document)
    assert obligations[("m1", REVIEW)]["due_date"] == "2025-10-21"
    assert obligations[("x3", DECIDE)]["extended_due"] == "2025-10-17"
    json.dumps(document)  # plain JSON all the way down


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name} - {"s"}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_both_spellings_of_a_word_take_the_same_values(key):
    english, chinese = WORDS[key]
    assert _names(english) == _names(chinese), key
    assert "{s}" not in chinese  # the plural ending is English's


def test_every_word_is_used_and_words_refuse_an_unknown_language():
    sources = "".join(p.read_text("utf-8") for p in (ROOT / "src" / "respons").rglob("*.py")
                      if p.name != "words.py")
    used = set(re.findall(r'"((?:[a-z_]+\.)*[a-z_]+)"', sources))
    states = {f"state.{s}" for s in ("met", "met_late", "open", "paused", "overdue",
                                     "unknown")}
    units = {f"unit.{u}" for u in ("days", "workdays", "months", "years")}
    # words.py itself reads these (Words.state, .period, .days, .years)
    own = {"days", "days.unknown", "years.sep"}
    assert set(WORDS) - used - states - units - own == set()
    assert LANGUAGES == ("zh", "en")
    with pytest.raises(ValueError, match="no report language 'fr'"):
        Words("fr")


def test_an_obligation_without_an_agency_has_a_heading_and_a_row(engine, tmp_path):
    regime = tmp_path / "english.resp"
    # No agency field and no owner: the obligation is filed under no agency.
    regime.write_text(ENGLISH.replace("  field 机关 agency\n", "")
                      .replace("  owner 机关\n", ""), "utf-8")
    engine.ingest(regime, [rec("e1", "案件.受理", "2025-09-30", 案件编号="AJ-1")])
    text = _report(engine, regime).stdout
    assert "\n  (no agency): overdue 1 · due soon 0\n    立案审查 · AJ-1 · " in text
    assert _table(text)[0][:2] == ["(no", "agency)"]

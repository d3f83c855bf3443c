"""Benchmark: `respons liability` over a province-year of fault cases against a hand-written
baseline.

Generates a regime after guizhou-edu 7–14 (a proceeding, a ladder of three steps with a
count per officer over the year before the act, a circumstance from the case's field, one
left to the decision-maker, an exemption, a 责任划分 with shares) and N fault cases over a
province-year (two records each: 提起 with the fault, the officer and the findings; 决定 a
few weeks later), ingests them into a store (timed, not part of the comparison), then, in
one process and on the same store, times two parts of each side:

(a) what `respons liability --year` does after verifying the chain and evaluating the
    duties — *deciding*: the engine function (``respons.engine.liability.
    evaluate_liability``: the cases, their files, the counts in SQL, the ladders, who
    bears it, every circumstance with its records); *keeping*: the proposals kept under a
    run (``respons.engine.liability_kept.keep``: in liability_proposals each case's own
    part of the JSON report's detail, some 460 bytes of UTF-8, and in liability_decisions,
    once per decision, what its cases share);
(b) the baseline — *deciding*: the same count written by hand as one SQL statement for
    SQLite (the officer read from each case's 提起, a correlated count over the year
    before) and the same ladder and attribution as a plain Python function per case;
    *keeping*: its proposals written to a table of the same columns (its detail: the
    step, the measures, the bearer and the count) with executemany in one transaction;
(c) a second baseline, the same but its count listing the records it counted, by id, as
    the engine's trace names them (and its detail keeping them).

It checks that all three propose the same step, measures and bearers for every case (and
the second baseline the same counted ids) and kept as many proposals (exit 1 if not), and
prints, for deciding, keeping and the whole, the best wall time and the best CPU time of
this process over ``--repeat`` runs of each side, and their ratios to each baseline (aim:
within 2×). The CPU times are the steadier on a shared
machine. Printing the report (text or JSON on stdout) is not timed: the baseline prints
nothing.

    python3 bench/liability.py                 # 100,000 cases
    python3 bench/liability.py --cases 10000   # a quick run

The cases are generated deterministically (no randomness), so runs are comparable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

FAULTS = ("没有法定依据实施处罚", "违反法定程序实施处罚造成后果", "滥用职权擅自改变处罚种类幅度")

REGIME = """
制度 某省教育行政执法过错责任追究 {
  层级 省
  施行 2020-01-01
}

记录 过错案件 〔第十四条〕 {
  主键 案件编号
  字段 过错行为 文本 可选
  字段 承办人 人员 可选
  字段 过错程度 之一 "一般过错", "重大过错" 可选
  字段 认定情形 文本 可选
  事件 提起, 决定
}

过错 没有法定依据实施处罚 〔第七条第（一）项〕
过错 违反法定程序实施处罚造成后果 〔第七条第（二）项〕
过错 滥用职权擅自改变处罚种类幅度 〔第七条第（三）项〕

情形 多次发生过错 〔第八条第（三）项〕 {
  计数 过错案件.决定 按 承办人 近 1 年 >= 2 次
}

情形 过错行为引起严重后果 〔第八条第（四）项〕 {
  依据 案件.过错程度 = "重大过错"
}

情形 行政相对人过错或不可抗力 〔第十条第（二）项〕

措施 责令检查 〔第十三条第（一）项〕 {
  轻重 1
}

措施 通报批评 〔第十三条第（二）项〕 {
  轻重 2
}

措施 暂停执法活动 〔第十三条第（三）项〕 {
  轻重 3
}

措施 调离行政执法岗位 〔第十三条第（四）项〕 {
  轻重 4
}

措施 记过 〔第十三条第（五）项〕 {
  轻重 5
  类别 处分
}

条件 第七条所列过错 〔第七条〕 {
  没有法定依据实施处罚 或 违反法定程序实施处罚造成后果 或 滥用职权擅自改变处罚种类幅度
}

阶梯 执法人员过错责任 〔第十三条〕 {
  对象 人员
  第1级 第七条所列过错 => 责令检查 或 通报批评
  第2级 第七条所列过错 且 过错行为引起严重后果 => 暂停执法活动 或 调离行政执法岗位
  第3级 违反法定程序实施处罚造成后果 且 过错行为引起严重后果 => 记过
  从重 多次发生过错 => 加重一级 〔第八条第（三）项〕
  不予追究 行政相对人过错或不可抗力 〔第十条第（二）项〕
}

责任划分 确定责任人 〔第十一条〕 {
  情形 第七条所列过错 => 承办人 全部 〔第（一）项〕
}

追究 过错责任追究 〔第十四条〕 {
  案件 过错案件.决定
  过错 过错行为
  认定 认定情形
  阶梯 执法人员过错责任
  责任划分 确定责任人
}
"""


def cases(count: int, officers: int):
    """Two records per case, deterministic: the officer, fault, gravity and findings vary
    with the case number; acts fall over 2024 and 2025 so that the year before counts."""
    start = dt.date(2024, 1, 1)
    for n in range(count):
        filed = start + dt.timedelta(days=(n * 7919) % 730)
        decided = filed + dt.timedelta(days=10 + n % 30)
        matter = f"GZ-{n:06d}"
        filing = {"id": f"{matter}-t", "type": "过错案件.提起", "at": filed.isoformat(),
                  "案件编号": matter, "过错行为": FAULTS[n % 3],
                  "承办人": f"执法人员{(n * 31) % officers:05d}",
                  "过错程度": "重大过错" if n % 5 == 0 else "一般过错"}
        if n % 17 == 0:
            filing["认定情形"] = "行政相对人过错或不可抗力"
        yield filing
        yield {"id": f"{matter}-d", "type": "过错案件.决定", "at": decided.isoformat(),
               "案件编号": matter}


# ── the baseline ─────────────────────────────────────────────────────────────────────
#: Each case (its 决定) with what its 提起 said: both baselines read the cases so.
BASELINE_CASES = """(
  SELECT c.seq, c.id, c.matter, c.at_date, c.at,
         json_extract(t.data, '$.承办人') AS officer,
         json_extract(t.data, '$.过错行为') AS fault,
         json_extract(t.data, '$.过错程度') AS gravity,
         json_extract(t.data, '$.认定情形') AS found
  FROM records c JOIN records t ON t.matter = c.matter AND t.type = '过错案件.提起'
  WHERE c.type = '过错案件.决定'
)
"""

BASELINE_SQL = "WITH d AS " + BASELINE_CASES + """
SELECT k.seq, k.id, k.matter, k.at_date, k.officer, k.fault, k.gravity, k.found,
       (SELECT COUNT(*) FROM d n WHERE n.officer = k.officer AND n.at_date <= k.at_date
          AND n.at_date > date(k.at_date, '-1 year')) AS times
FROM d k WHERE k.at_date BETWEEN ? AND ?
ORDER BY k.seq
"""

#: The same count, listing the records counted for each case (as the engine's trace names
#: them): a row per (case, counted record), in time order within the case.
BASELINE_LISTING_SQL = "WITH d AS MATERIALIZED " + BASELINE_CASES + """
SELECT k.seq, k.id, k.matter, k.at_date, k.officer, k.fault, k.gravity, k.found, n.id
FROM d k JOIN d n ON n.officer = k.officer AND n.at_date <= k.at_date
  AND n.at_date > date(k.at_date, '-1 year')
WHERE k.at_date BETWEEN ? AND ?
ORDER BY k.seq, n.at, n.seq
"""


def baseline_case(fault, gravity, found, times) -> tuple:
    """The ladder and attribution as a plain Python function: (step or None, measures,
    bearers) — what the regime above says, hand-translated."""
    if found and "行政相对人过错或不可抗力" in found.split("、"):
        return None, (), ()
    grave = gravity == "重大过错"
    level = 3 if fault == FAULTS[1] and grave else 2 if grave else 1
    if times >= 2:
        level = min(level + 1, 3)
    measures = {1: (("责令检查",), ("通报批评",)), 2: (("暂停执法活动",), ("调离行政执法岗位",)),
                3: (("记过",),)}[level]
    return level, measures, None


#: The baseline's proposals: the columns of liability_proposals.
BASELINE_TABLE = """
CREATE TABLE IF NOT EXISTS baseline_proposals (run TEXT NOT NULL, proceeding TEXT NOT NULL,
  record TEXT NOT NULL, matter TEXT, date TEXT NOT NULL, fault TEXT, pursued INTEGER NOT NULL,
  detail TEXT NOT NULL, PRIMARY KEY (run, proceeding, record))
"""


def clocks() -> tuple[float, float]:
    """(wall, CPU time of this process): the CPU time is what the comparison's work took,
    whatever else the machine's other users ran meanwhile."""
    return time.perf_counter(), time.process_time()


def took(since: tuple[float, float], until: tuple[float, float]) -> tuple[float, float]:
    return until[0] - since[0], until[1] - since[1]


def run_baseline(path: Path, year: int, run: str, listing: bool = False
                 ) -> tuple[dict, int, tuple, tuple]:
    """The baseline's proposals by matter, how many it wrote under ``run``, and the time
    (wall, CPU) to decide them and to write them. ``listing``: the count lists the records
    it counted, by id, and the kept detail names them — what the engine's trace gives."""
    import sqlite3

    started = clocks()
    connection = sqlite3.connect(path)
    connection.execute(BASELINE_TABLE)
    params = (f"{year}-01-01", f"{year}-12-31")
    if listing:
        cases = []
        for key, rows in itertools.groupby(connection.execute(BASELINE_LISTING_SQL, params),
                                           key=lambda row: row[:8]):
            ids = tuple(row[8] for row in rows)
            cases.append((*key, len(ids), ids))
    else:
        cases = [(*row, None) for row in connection.execute(BASELINE_SQL, params)]
    out, rows = {}, []
    for _seq, record, matter, date, officer, fault, gravity, found, times, ids in cases:
        level, measures, _ = baseline_case(fault, gravity, found, times)
        bearers = (officer,) if level is not None else ()
        out[matter] = (level, measures, bearers) + \
            ((ids if level is not None else None,) if listing else ())
        rows.append((run, "过错责任追究", record, matter, date, fault, int(level is not None),
                     level, measures, bearers, times, ids))
    decided = clocks()
    rows = [(*row[:7], json.dumps({"step": level, "measures": measures, "bearers": bearers,
                                   "count": times} | ({"records": ids} if listing else {}),
                                  ensure_ascii=False, sort_keys=True, separators=(",", ":")))
            for *row, level, measures, bearers, times, ids in rows]
    with connection:
        connection.executemany("INSERT INTO baseline_proposals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               rows)
    connection.close()
    return out, len(rows), took(started, decided), took(decided, clocks())


def run_engine(store, resolved, titles, year: int, run: str) -> tuple[dict, int, tuple, tuple]:
    """What `respons liability --year` does after the chain and the duties: the cases'
    proposals by matter, how many it kept under ``run``, and the time (wall, CPU) to decide
    them (the engine function) and to keep them."""
    from respons.engine.liability import evaluate_liability
    from respons.engine.liability_kept import keep
    from respons.engine.liability_sql import Selection
    from respons.report.liability import case_detail

    started = clocks()
    head = store.ledger.head()
    results = evaluate_liability(store.compute, resolved.regime, head, Selection(year=year))
    decided = clocks()
    kept = keep(store.compute, run, results, case_detail(resolved.regime, titles))
    done = clocks()
    out = {}
    for case in results:
        [outcome] = case.outcomes
        level = outcome.level if outcome.pursued else None
        measures = tuple(tuple(r.text for r in o) for o in outcome.options) if level else ()
        # The records the count listed (a case not pursued is compared without them).
        counted = next(x.records for x in case.circumstances if x.how == "count") \
            if level else None
        out[case.matter] = (level, measures, tuple(s.person for s in case.shares), counted)
    return out, kept, took(started, decided), took(decided, done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--officers", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="the best of each time counts")
    args = parser.parse_args()

    from respons.check.runner import check_paths
    from respons.records import compile_schema
    from respons.registry import Registry, plugin_manager
    from respons.store import open_store
    from respons.store.ingest import ingest_file

    registry = Registry(plugin_manager())
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        regime_path = folder / "edu.resp"
        regime_path.write_text(REGIME.lstrip(), "utf-8")
        records_path = folder / "cases.jsonl"
        with records_path.open("w", encoding="utf-8") as out:
            for record in cases(args.cases, args.officers):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        report = check_paths([regime_path], registry)
        if report.diagnostics and any(d.severity == "error" for d in report.diagnostics):
            sys.exit("the generated regime does not check: "
                     + "; ".join(d.message for d in report.diagnostics))
        resolved = report.resolved[0]
        db = folder / "bench.db"
        store = open_store(f"sqlite:///{db}", registry, {})
        store.ledger.init()
        started = time.perf_counter()
        ingested = ingest_file(store.ledger, compile_schema(resolved.regime), str(records_path),
                               name=records_path.name, regime=(resolved.regime.id, hashlib.sha256(
                                   regime_path.read_bytes()).hexdigest()))
        if ingested.status != "stored":
            sys.exit(f"the generated cases were not stored: {ingested.status}")
        print(f"{ingested.stored:,} records of {args.cases:,} cases ingested in "
              f"{time.perf_counter() - started:.1f} s (not part of the comparison)")
        times: dict[str, list] = {"engine": [], "baseline": [], "listing": []}
        for attempt in range(args.repeat):
            # A run of its own each time: a proposal already kept under a run is not
            # written again.
            engine, engine_kept, *spent = run_engine(store, resolved, report.titles, 2025,
                                                     f"bench-{attempt}")
            times["engine"].append(spent)
            baseline, baseline_kept, *spent = run_baseline(db, 2025, f"bench-{attempt}")
            times["baseline"].append(spent)
            listing, listing_kept, *spent = run_baseline(db, 2025, f"listing-{attempt}",
                                                         listing=True)
            times["listing"].append(spent)
        store.close()
    differing = [m for m in baseline if baseline[m] != engine.get(m, ())[:3]]
    differing += [m for m in listing if listing[m] != engine.get(m)]
    print(f"cases of 2025: {len(engine):,} (engine) · {len(baseline):,} (baseline) · "
          f"{len(listing):,} (baseline listing the counted records); {len(differing)} differ"
          + (f", e.g. {differing[0]}: engine {engine.get(differing[0])} baseline "
             f"{baseline[differing[0]]} listing {listing[differing[0]]}" if differing else ""))
    print(f"proposals kept per run: {engine_kept:,} (engine) · {baseline_kept:,} (baseline) · "
          f"{listing_kept:,} (listing)")
    # The best of each part and of the whole over the repeats, by the wall clock (w) and
    # by this process's CPU time (c).
    best = {}
    for side, runs in times.items():
        for n, clock in enumerate("wc"):
            best[side, "decide", clock] = min(d[n] for d, _ in runs)
            best[side, "keep", clock] = min(k[n] for _, k in runs)
            best[side, "all", clock] = min(d[n] + k[n] for d, k in runs)

    def line(part: str, engine_says: str, baseline_says: str, side: str = "baseline") -> None:
        e = {c: best["engine", part, c] for c in "wc"}
        b = {c: best[side, part, c] for c in "wc"}
        print(f"{part}: {engine_says} {e['w']:.2f} s (CPU {e['c']:.2f} s); {baseline_says} "
              f"{b['w']:.2f} s (CPU {b['c']:.2f} s); ratio {e['w'] / b['w']:.2f} "
              f"(CPU {e['c'] / b['c']:.2f})")

    print("against the baseline that counts (its count a number):")
    line("decide", "respons liability's engine function", "hand-written SQL + plain Python")
    line("keep", "respons (each case's own part; once per decision what its cases share)",
         "baseline (step, measures, bearer, count)")
    line("all", "respons liability", "baseline")
    print("against the baseline that lists the records it counted, as the engine's trace does:")
    line("decide", "respons liability's engine function", "hand-written SQL + plain Python",
         "listing")
    line("keep", "respons", "baseline (step, measures, bearer, count, records)", "listing")
    line("all", "respons liability", "baseline", "listing")
    if differing or not engine_kept == baseline_kept == listing_kept:
        sys.exit("the engine and the baseline do not agree")


if __name__ == "__main__":
    main()

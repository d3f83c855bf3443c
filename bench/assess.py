"""Benchmark: `respons assess` on a province-year, against a hand-written SQL baseline
computing the same scores in the same process, on SQLite, PostgreSQL and DuckDB.

Generates a province of ``--agencies`` agencies (10,000) and ``--officers`` officers
(100,000), and ``--records`` complaint records (5,000,000) across 2025: each complaint's
receipt, its acknowledgement (5 working days, sometimes late), and sometimes a finding that
it was well founded (查实). Two assessments score the year: every agency in points
(百分制: 2.5 per complaint found true, at most 20; 0.5 per late acknowledgement — a breach
of the duty, from the duty engine's run — at most 40) and every officer (5 per complaint
found true against them, at most 50), each graded by four bands.

Per backend, in one process, after ingesting (timed apart, not compared):

* **the run** — the duties evaluated as of 2025-12-31 (what `respons assess` does first;
  bench/evaluate.py measures it against its own baseline);
* **respons assess** — `respons.engine.assess.assess` over that run: every counter in the
  store, every subject scored by the points scheme, vetoes, consequences, the results and
  the evidence (every record behind every deduction) published under the run;
* **hand-written SQL** — one query per assessment in the backend's own SQL (its JSON
  functions), the counts and the capped, rounded scores per subject, nothing kept.

It checks that both give every subject the same total, and prints the times and ratios.

    python3 bench/assess.py                                    # the province-year
    python3 bench/assess.py --records 200000 --agencies 1000 --officers 10000 --repeat 1

The machine is shared: each measurement is the best of ``--repeat`` (a new store's run each
time, so nothing is found already kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

REGIME = """制度 某省行政执法评议考核 {{
  层级 省
  施行 2020-01-01
  日历 cn
}}
{agencies}
记录 投诉举报 〔第二十一条〕 {{
  主键 投诉编号
  字段 受理单位 机关
  字段 承办人 人员
  事件 收到, 告知受理情况, 查实
}}
职责 告知受理情况 〔第二十一条〕 {{
  起算 投诉举报.收到
  期限 5 工作日
  完成 投诉举报.告知受理情况
  负责 受理单位
}}
考核 机关年度考核 〔第三十条〕 {{
  方案 百分制
  对象 机关
  周期 每年
  参数 precision 1
  项目 办理质量 60 分 〔第三十条第一项〕 {{
    每 投诉举报.查实 扣 2.5 分 至多 20 分 〔第三十条第一项〕
  }}
  项目 办理时限 40 分 〔第三十条第二项〕 {{
    每 告知受理情况 扣 0.5 分 至多 40 分 〔第三十条第二项〕
  }}
  等级 优秀 90 以上 〔第三十一条〕
  等级 良好 80 以上 且 不满 90 〔第三十一条〕
  等级 合格 60 以上 且 不满 80 〔第三十一条〕
  等级 不合格 不满 60 〔第三十一条〕
}}
考核 人员年度考核 〔第三十二条〕 {{
  方案 百分制
  对象 人员
  周期 每年
  参数 precision 1
  项目 办理质量 100 分 〔第三十二条〕 {{
    每 投诉举报.查实 按 承办人 扣 5 分 至多 50 分 〔第三十二条〕
  }}
  等级 优秀 90 以上 〔第三十三条〕
  等级 良好 80 以上 且 不满 90 〔第三十三条〕
  等级 合格 60 以上 且 不满 80 〔第三十三条〕
  等级 不合格 不满 60 〔第三十三条〕
}}
"""


def regime_text(agencies: int) -> str:
    return REGIME.format(agencies="\n".join(
        f"机关 执法机关{n:05d} 〔第五条〕 {{ 性质 法定 }}" for n in range(agencies)))


def records(count: int, agencies: int, officers: int):
    """Deterministic complaints of 2025: received, acknowledged after 1–9 days (late from
    the 6th on, often), found true one time in four."""
    start = dt.date(2025, 1, 1)
    n = made = 0
    while made < count:
        agency, officer = f"执法机关{n % agencies:05d}", f"执法人员{(n * 7) % officers:06d}"
        received = start + dt.timedelta(days=(n * 7919) % 350)
        key = f"TS-{n:08d}"
        events = [("收到", received), ("告知受理情况", received + dt.timedelta(days=1 + n % 9))]
        if n % 4 == 0:
            events.append(("查实", received + dt.timedelta(days=10)))
        for event, day in events:
            if made == count:
                return
            yield {"id": f"{key}-{event}", "type": f"投诉举报.{event}", "at": day.isoformat(),
                   "投诉编号": key, "受理单位": agency, "承办人": officer}
            made += 1
        n += 1


#: Each backend's JSON member, as a person writing SQL for it would write it.
MEMBER = {"sqlite": "json_extract(r.data, '$.{0}')",
          "postgresql": "(r.data::jsonb ->> '{0}')",
          "duckdb": "json_extract_string(r.data, '$.{0}')"}
DECIMAL = {"sqlite": "NUMERIC", "postgresql": "NUMERIC(20, 6)", "duckdb": "DECIMAL(18, 6)"}

#: The agencies' scores by hand: counts per agency of complaints found true and of late
#: acknowledgements (the run's breaches), each capped, rounded 四舍五入 to one place. The
#: subjects: every agency a record of the year names.
AGENCIES_SQL = """
WITH s AS (SELECT DISTINCT {agency} AS s FROM records r
            WHERE r.kind = '投诉举报' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'),
     c AS (SELECT {agency} AS s, COUNT(*) AS n FROM records r
            WHERE r.type = '投诉举报.查实' AND r.at_date >= '2025-01-01'
              AND r.at_date <= '2025-12-31' GROUP BY {agency}),
     b AS (SELECT o.agency AS s, COUNT(*) AS n FROM obligations o
            WHERE o.run = {run} AND o.duty = '告知受理情况' AND o.state IN ('met_late', 'overdue')
              AND o.due_date >= '2025-01-01' AND o.due_date <= '2025-12-31' GROUP BY o.agency)
SELECT s.s, ROUND(CAST(
         60 - CASE WHEN 2.5 * COALESCE(c.n, 0) > 20 THEN 20 ELSE 2.5 * COALESCE(c.n, 0) END
       + 40 - CASE WHEN 0.5 * COALESCE(b.n, 0) > 40 THEN 40 ELSE 0.5 * COALESCE(b.n, 0) END
       AS {decimal}), 1)
  FROM s LEFT JOIN c ON c.s = s.s LEFT JOIN b ON b.s = s.s
"""

#: The officers' scores by hand.
OFFICERS_SQL = """
WITH s AS (SELECT DISTINCT {officer} AS s FROM records r
            WHERE r.kind = '投诉举报' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'),
     c AS (SELECT {officer} AS s, COUNT(*) AS n FROM records r
            WHERE r.type = '投诉举报.查实' AND r.at_date >= '2025-01-01'
              AND r.at_date <= '2025-12-31' GROUP BY {officer})
SELECT s.s, ROUND(CAST(
         100 - CASE WHEN 5 * COALESCE(c.n, 0) > 50 THEN 50 ELSE 5 * COALESCE(c.n, 0) END
       AS {decimal}), 1)
  FROM s LEFT JOIN c ON c.s = s.s
"""


def _totals(rows) -> dict[str, Decimal]:
    return {subject: Decimal(str(total)).normalize() for subject, total in rows}


def run_backend(url: str, regime_path: Path, records_path: Path, registry, repeat: int) -> dict:
    from respons.calendar import load_calendar
    from respons.check.runner import check_paths
    from respons.engine.assess import assess
    from respons.engine.evaluate import evaluate
    from respons.records import compile_schema
    from respons.sql.ir import Col, Param, Table, select
    from respons.store import open_store
    from respons.store.ingest import ingest_file

    resolved = check_paths([regime_path], registry).resolved[0]
    store = open_store(url, registry, {})
    store.ledger.init()
    started = time.perf_counter()
    report = ingest_file(store.ledger, compile_schema(resolved.regime), str(records_path),
                         name=records_path.name, regime=(resolved.regime.id, hashlib.sha256(
                             regime_path.read_bytes()).hexdigest()))
    ingested = time.perf_counter() - started
    assert report.status == "stored", report.status
    calendar = load_calendar("cn", {}, registry)
    schemes = registry.scoring_schemes()
    dialect = store.dialect.name
    best: dict = {}
    subjects = {}
    for _ in range(repeat):
        # Published results are kept: a fresh run each time (the same day, the assessment
        # rows of the last one deleted) so that assess computes, never reads back.
        started = time.perf_counter()
        evaluation = evaluate(store, resolved, lambda name: calendar, "2025-12-31")
        evaluated = time.perf_counter() - started
        run = evaluation.run
        with store.compute.transaction():
            for table in ("assessment_evidence", "assessment_scores", "assessments"):
                store._execute(f"DELETE FROM {table}", [])
        started = time.perf_counter()
        assess(store, resolved, run, 2025, schemes.__getitem__, {})
        assessed = time.perf_counter() - started

        started = time.perf_counter()
        run_literal = "'" + run.id + "'"
        hand = {}
        for name, sql in (("机关年度考核", AGENCIES_SQL), ("人员年度考核", OFFICERS_SQL)):
            text = sql.format(agency=MEMBER[dialect].format("受理单位"),
                              officer=MEMBER[dialect].format("承办人"),
                              decimal=DECIMAL[dialect], run=run_literal)
            hand[name] = _totals(store._execute(text, []).fetchall())
        baseline = time.perf_counter() - started
        for name, totals in hand.items():
            kept = _totals(store.compute.query(select(
                Col("s", "subject"), Col("s", "total"), source=Table("assessment_scores", "s"),
                where=Col("s", "assessment").eq(Param("a"))), {"a": name}))
            assert kept == totals, f"{name}: respons and the hand-written SQL disagree"
            subjects[name] = len(kept)
        times = {"evaluate": evaluated if not best else best["evaluate"], "assess": assessed,
                 "baseline": baseline}
        best = {key: min(value, best.get(key, value)) for key, value in times.items()}
    store.close()
    return {"ingest": ingested, "records": report.stored, **best, "subjects": subjects}


def store_url(backend: str, folder: Path, postgresql: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'bench.db'}"
    if backend == "duckdb":
        return f"duckdb:///{folder / 'bench.duckdb'}"
    return f"{postgresql}{'&' if '?' in postgresql else '?'}schema=bench_{uuid.uuid4().hex[:8]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5_000_000)
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--officers", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql,duckdb")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()

    from respons.registry import Registry, plugin_manager

    registry = Registry(plugin_manager())
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        regime_path = folder / "province.resp"
        regime_path.write_text(regime_text(args.agencies), "utf-8")
        records_path = folder / "complaints.jsonl"
        with records_path.open("w", encoding="utf-8") as out:
            for record in records(args.records, args.agencies, args.officers):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for backend in args.backends.split(","):
            url = store_url(backend, folder, args.postgresql)
            try:
                result = run_backend(url, regime_path, records_path, registry, args.repeat)
            except Exception as error:  # report the backend that could not run, go on
                print(f"{backend}: not measured: {type(error).__name__}: {error}")
                continue
            finally:
                if backend == "postgresql":
                    _drop_schema(url)
            results[backend] = result
            subjects = ", ".join(f"{n:,} in {name}" for name, n in result["subjects"].items())
            print(f"{backend}: {result['records']:,} records (ingested in "
                  f"{result['ingest']:.1f} s, not compared); subjects: {subjects}")
            print(f"  the run (duties evaluated as of 2025-12-31): {result['evaluate']:.2f} s")
            print(f"  respons assess: {result['assess']:.2f} s; hand-written SQL: "
                  f"{result['baseline']:.2f} s (ratio {result['assess'] / result['baseline']:.2f});"
                  " the same total for every subject")
            sys.stdout.flush()
    if args.json:
        print(json.dumps({"records": args.records, "results": results}, indent=2,
                         default=str))


def _drop_schema(url: str) -> None:
    try:
        import psycopg
        from respons_postgresql.store import split_url

        base, schema = split_url(url)
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    except Exception as error:
        print(f"  (could not drop the benchmark schema: {error})")


if __name__ == "__main__":
    main()

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
* **hand-written SQL** — the same results written by hand in the backend's own SQL (its
  JSON functions), in one transaction: the evidence (every record, and every breach, behind
  every deduction) inserted into a table with the key of ``assessment_evidence``, and each
  subject's capped, 四舍五入 total and grade, counted from that evidence, into a table with
  the key of ``assessment_scores``. What it does not write is respons's per-subject
  ``detail`` (the items, deductions and consequences as JSON, docs/assess.md).

It checks that both give every subject the same total and grade and that both wrote the
same evidence rows, and prints the times and ratios: wall-clock, and — for SQLite and
DuckDB, whose engines run in this process — this process's CPU time, which a machine
shared with other work disturbs less.

    python3 bench/assess.py                                    # the province-year
    python3 bench/assess.py --records 200000 --agencies 1000 --officers 10000 --repeat 1
    python3 bench/assess.py --keep /var/tmp/province           # generate and ingest once

The machine is shared: each measurement is the best of ``--repeat`` (the results of the run
emptied each time, so nothing is found already kept). With ``--keep DIR`` the records file
and the stores are kept in DIR (and, on PostgreSQL, in a schema named after the size) and
reused by the next run of the same size: ingesting 5,000,000 records takes longer than
assessing them.
"""

from __future__ import annotations

import argparse
import contextlib
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
TEXT = {"sqlite": "TEXT", "postgresql": 'TEXT COLLATE "C"', "duckdb": "VARCHAR"}

#: The evidence by hand: every record and breach behind a deduction, under the counter
#: names respons gives them (``d:ITEM:N``), attributed as the regime says (the complaint's
#: 受理单位 for agencies, its 承办人 for officers; a breach is its obligation's agency).
EVIDENCE_SQL = """
INSERT INTO bench_evidence (run, assessment, period, counter, subject, record)
SELECT {run}, '机关年度考核', '2025-01-01', 'd:办理质量:0', {agency}, r.id FROM records r
 WHERE r.type = '投诉举报.查实' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'
   AND {agency} IS NOT NULL
UNION ALL
SELECT {run}, '机关年度考核', '2025-01-01', 'd:办理时限:0', o.agency, o.start_id
  FROM obligations o
 WHERE o.run = {run} AND o.duty = '告知受理情况' AND o.state IN ('met_late', 'overdue')
   AND o.due_date >= '2025-01-01' AND o.due_date <= '2025-12-31' AND o.agency IS NOT NULL
UNION ALL
SELECT {run}, '人员年度考核', '2025-01-01', 'd:办理质量:0', {officer}, r.id FROM records r
 WHERE r.type = '投诉举报.查实' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'
   AND {officer} IS NOT NULL
"""

#: The grade of a total ``t``, by the four bands of both assessments.
GRADE = ("CASE WHEN t >= 90 THEN '优秀' WHEN t >= 80 THEN '良好' WHEN t >= 60 THEN '合格' "
         "ELSE '不合格' END")

#: Each subject's counts, from the evidence: one GROUP BY joined to the subjects.
COUNTS_SQL = """SELECT s.s, {columns} FROM s LEFT JOIN (
       SELECT e.subject, {sums} FROM bench_evidence e
        WHERE e.run = {run} AND e.assessment = '{assessment}' AND e.period = '2025-01-01'
        GROUP BY e.subject) g ON g.subject = s.s
 WHERE s.s IS NOT NULL"""
#: On SQLite, a count per subject and counter instead — a lookup in the evidence table's
#: key (run, assessment, period, counter, subject, …): SQLite joins the grouping above to
#: the 100,000 officers without an index, scanning it for each of them (985 s at the
#: province-year), where PostgreSQL and DuckDB hash it.
COUNT_SQL = ("(SELECT COUNT(*) FROM bench_evidence e WHERE e.run = {run} AND e.assessment = "
             "'{assessment}' AND e.period = '2025-01-01' AND e.counter = '{counter}' "
             "AND e.subject = s.s)")


def counts_sql(dialect: str, run: str, assessment: str, counters: dict[str, str]) -> str:
    """The subjects' counts of ``counters`` (column → counter key) for ``assessment``."""
    if dialect == "sqlite":
        return "SELECT s.s, " + ", ".join(
            COUNT_SQL.format(run=run, assessment=assessment, counter=counter) + f" AS {name}"
            for name, counter in counters.items()) + " FROM s WHERE s.s IS NOT NULL"
    return COUNTS_SQL.format(
        run=run, assessment=assessment,
        columns=", ".join(f"COALESCE(g.{name}, 0) AS {name}" for name in counters),
        sums=", ".join(f"SUM(CASE WHEN e.counter = '{counter}' THEN 1 ELSE 0 END) AS {name}"
                       for name, counter in counters.items()))


#: The agencies' scores by hand: counts per agency, from the evidence, of complaints found
#: true and of late acknowledgements, each capped, rounded 四舍五入 to one place, graded.
#: The subjects: every agency a record of the year names.
AGENCIES_SQL = """
INSERT INTO bench_scores (run, assessment, period, subject, total, grade)
WITH s AS (SELECT DISTINCT {agency} AS s FROM records r
            WHERE r.kind = '投诉举报' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'),
     c AS ({counts_agencies}),
     t AS (SELECT c.s, ROUND(CAST(
         60 - CASE WHEN 2.5 * c.n > 20 THEN 20 ELSE 2.5 * c.n END
       + 40 - CASE WHEN 0.5 * c.b > 40 THEN 40 ELSE 0.5 * c.b END
       AS {decimal}), 1) AS t FROM c)
SELECT {run}, '机关年度考核', '2025-01-01', t.s, CAST(t.t AS TEXT), {grade} FROM t
"""

#: The officers' scores by hand.
OFFICERS_SQL = """
INSERT INTO bench_scores (run, assessment, period, subject, total, grade)
WITH s AS (SELECT DISTINCT {officer} AS s FROM records r
            WHERE r.kind = '投诉举报' AND r.at_date >= '2025-01-01' AND r.at_date <= '2025-12-31'),
     c AS ({counts_officers}),
     t AS (SELECT c.s, ROUND(CAST(
         100 - CASE WHEN 5 * c.n > 50 THEN 50 ELSE 5 * c.n END
       AS {decimal}), 1) AS t FROM c)
SELECT {run}, '人员年度考核', '2025-01-01', t.s, CAST(t.t AS TEXT), {grade} FROM t
"""

#: The baseline's tables: the columns and keys of respons's (src/respons/store/results.py),
#: without ``detail`` and ``vetoed_by``, which the baseline does not write.
BENCH_TABLES = {
    "bench_evidence": ("run {t} NOT NULL, assessment {t} NOT NULL, period {t} NOT NULL, "
                       "counter {t} NOT NULL, subject {t} NOT NULL, record {t} NOT NULL, "
                       "PRIMARY KEY (run, assessment, period, counter, subject, record)"),
    "bench_scores": ("run {t} NOT NULL, assessment {t} NOT NULL, period {t} NOT NULL, "
                     "subject {t} NOT NULL, total {t}, grade {t}, "
                     "PRIMARY KEY (run, assessment, period, subject)"),
}


def _results(rows) -> dict[str, tuple[Decimal, str]]:
    return {subject: (Decimal(str(total)).normalize(), grade) for subject, total, grade in rows}


def _empty(store, tables) -> None:
    """Empty ``tables`` in one transaction. TRUNCATE where the backend has it: a DELETE
    leaves dead rows behind on a PostgreSQL server whose autovacuum is off (this one's), and
    every later insert would walk them."""
    verb = "DELETE FROM " if store.dialect.name == "sqlite" else "TRUNCATE "
    with store.compute.transaction():
        for table in tables:
            store._execute(verb + table, [])


def _settle(store) -> None:
    """Write what the last transactions left pending into the database file, untimed, so
    that neither side pays for the other's writes (or for emptying the tables): DuckDB
    otherwise folds a TRUNCATE of 1,646,570 rows into the next writer's commit."""
    if store.dialect.name == "duckdb":
        store._execute("CHECKPOINT", [])
    elif store.dialect.name == "sqlite":
        store._execute("PRAGMA wal_checkpoint(TRUNCATE)", [])


def ingest_once(store, resolved, regime_path: Path, records_path: Path, expected: int):
    """Ingest the records unless the store already holds them (``--keep``): (seconds or
    None, records stored)."""
    from respons.records import compile_schema
    from respons.store.ingest import ingest_file

    held = store.ledger.count()
    if held == expected:
        return None, held
    if held:
        raise SystemExit(f"{store.url} holds {held:,} records, not {expected:,}: remove it")
    started = time.perf_counter()
    report = ingest_file(store.ledger, compile_schema(resolved.regime), str(records_path),
                         name=records_path.name, regime=(resolved.regime.id, hashlib.sha256(
                             regime_path.read_bytes()).hexdigest()))
    ingested = time.perf_counter() - started
    assert report.status == "stored", report.status
    if store.dialect.name == "postgresql":
        # What autovacuum does after a load this size on a server that runs it (this one
        # runs with it off): without statistics the planner takes 5,000,000 records for a
        # few thousand. Both respons and the baseline read them.
        store._execute("ANALYZE records", [])
    return ingested, report.stored


def run_backend(url: str, regime_path: Path, records_path: Path, registry, repeat: int,
                expected: int) -> dict:
    from respons.calendar import load_calendar
    from respons.check.runner import check_paths
    from respons.engine.assess import assess
    from respons.engine.evaluate import evaluate
    from respons.sql.ir import Col, Param, Table, select
    from respons.store import open_store

    resolved = check_paths([regime_path], registry).resolved[0]
    store = open_store(url, registry, {})
    store.ledger.init()
    ingested, stored = ingest_once(store, resolved, regime_path, records_path, expected)
    calendar = load_calendar("cn", {}, registry)
    schemes = registry.scoring_schemes()
    dialect = store.dialect.name
    with store.compute.transaction():
        for table, columns in BENCH_TABLES.items():
            store._execute(f"DROP TABLE IF EXISTS {table}", [])
            store._execute(f"CREATE TABLE {table} ({columns.format(t=TEXT[dialect])})", [])
    best: dict = {}
    subjects, evidence = {}, 0
    evaluated = computed = None
    for _ in range(repeat):
        # Published results are kept: the run's assessment rows (and the baseline's) are
        # emptied each time so that assess computes, never reads back. The run itself is
        # the same each time (the same records, the same day): computed the first time.
        started = time.perf_counter()
        evaluation = evaluate(store, resolved, lambda name: calendar, "2025-12-31")
        if evaluated is None:
            evaluated, computed = time.perf_counter() - started, evaluation.computed
        run = evaluation.run
        _empty(store, ("assessment_evidence", "assessment_scores", "assessments",
                       *BENCH_TABLES))
        _settle(store)
        started, cpu = time.perf_counter(), time.process_time()
        assess(store, resolved, run, 2025, schemes.__getitem__, {})
        assessed, assessed_cpu = time.perf_counter() - started, time.process_time() - cpu

        _settle(store)
        started, cpu = time.perf_counter(), time.process_time()
        formats = {"agency": MEMBER[dialect].format("受理单位"),
                   "officer": MEMBER[dialect].format("承办人"), "decimal": DECIMAL[dialect],
                   "run": "'" + run.id + "'", "grade": GRADE}
        formats["counts_agencies"] = counts_sql(dialect, formats["run"], "机关年度考核", {
            "n": "d:办理质量:0", "b": "d:办理时限:0"})
        formats["counts_officers"] = counts_sql(dialect, formats["run"], "人员年度考核", {
            "n": "d:办理质量:0"})
        with store.compute.transaction():
            for sql in (EVIDENCE_SQL, AGENCIES_SQL, OFFICERS_SQL):
                store._execute(sql.format(**formats), [])
        baseline, baseline_cpu = time.perf_counter() - started, time.process_time() - cpu
        # The agreement check: every subject's total and grade, and every evidence row.
        for name in ("机关年度考核", "人员年度考核"):
            kept = _results(store.compute.query(select(
                Col("s", "subject"), Col("s", "total"), Col("s", "grade"),
                source=Table("assessment_scores", "s"),
                where=Col("s", "assessment").eq(Param("a"))), {"a": name}))
            hand = _results(store._execute(
                "SELECT subject, total, grade FROM bench_scores WHERE assessment = ?",
                [name]).fetchall())
            assert kept == hand, f"{name}: respons and the hand-written SQL disagree"
            subjects[name] = len(kept)
        columns = "run, assessment, period, counter, subject, record"
        differ = store._execute(
            f"SELECT (SELECT COUNT(*) FROM (SELECT {columns} FROM assessment_evidence EXCEPT "
            f"SELECT {columns} FROM bench_evidence) a), (SELECT COUNT(*) FROM (SELECT "
            f"{columns} FROM bench_evidence EXCEPT SELECT {columns} FROM assessment_evidence) "
            "b), (SELECT COUNT(*) FROM assessment_evidence)", []).fetchall()[0]
        assert differ[:2] == (0, 0), f"the evidence rows differ: {differ}"
        evidence = differ[2]
        times = {"assess": assessed, "baseline": baseline, "assess_cpu": assessed_cpu,
                 "baseline_cpu": baseline_cpu}
        best = {key: min(value, best.get(key, value)) for key, value in times.items()}
        print(f"  ({dialect}: respons assess {assessed:.2f} s, hand-written SQL "
              f"{baseline:.2f} s, ratio {assessed / baseline:.2f}; this process's CPU "
              f"{assessed_cpu:.2f} s and {baseline_cpu:.2f} s)")
        sys.stdout.flush()
    with store.compute.transaction():
        for table in BENCH_TABLES:
            store._execute(f"DROP TABLE IF EXISTS {table}", [])
    store.close()
    return {"ingest": ingested, "records": stored, "evaluate": evaluated,
            "evaluate_computed": computed, **best, "subjects": subjects, "evidence": evidence}


def store_url(backend: str, folder: Path, postgresql: str, schema: str | None = None) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'bench.db'}"
    if backend == "duckdb":
        return f"duckdb:///{folder / 'bench.duckdb'}"
    schema = schema or f"bench_{uuid.uuid4().hex[:8]}"
    return f"{postgresql}{'&' if '?' in postgresql else '?'}schema={schema}"


def prepare(folder: Path, args) -> tuple[Path, Path]:
    """The regime and the records file in ``folder``, written unless a file of the same
    size is there already (``--keep``)."""
    regime_path = folder / "province.resp"
    regime_path.write_text(regime_text(args.agencies), "utf-8")
    records_path = folder / "complaints.jsonl"
    size = folder / "size.json"
    wanted = {"records": args.records, "agencies": args.agencies, "officers": args.officers}
    if records_path.exists() and size.exists() and json.loads(size.read_text()) == wanted:
        return regime_path, records_path
    for old in ("bench.db", "bench.db-wal", "bench.db-shm", "bench.duckdb",
                "bench.duckdb.wal"):
        (folder / old).unlink(missing_ok=True)
    with records_path.open("w", encoding="utf-8") as out:
        for record in records(args.records, args.agencies, args.officers):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    size.write_text(json.dumps(wanted))
    return regime_path, records_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5_000_000)
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--officers", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql,duckdb")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="keep the records and the stores in DIR and reuse them")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()

    from respons.registry import Registry, plugin_manager

    registry = Registry(plugin_manager())
    results = {}
    with contextlib.ExitStack() as stack:
        if args.keep is not None:
            folder = args.keep
            folder.mkdir(parents=True, exist_ok=True)
            schema = f"bench_assess_{args.records}_{args.agencies}_{args.officers}"
        else:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            schema = None
        regime_path, records_path = prepare(folder, args)
        for backend in args.backends.split(","):
            url = store_url(backend, folder, args.postgresql, schema)
            try:
                result = run_backend(url, regime_path, records_path, registry, args.repeat,
                                     args.records)
            except Exception as error:  # report the backend that could not run, go on
                print(f"{backend}: not measured: {type(error).__name__}: {error}")
                continue
            finally:
                if backend == "postgresql" and args.keep is None:
                    _drop_schema(url)
            results[backend] = result
            subjects = ", ".join(f"{n:,} in {name}" for name, n in result["subjects"].items())
            ingest = "kept from an earlier run" if result["ingest"] is None else \
                f"ingested in {result['ingest']:.1f} s, not compared"
            print(f"{backend}: {result['records']:,} records ({ingest}); subjects: {subjects}; "
                  f"{result['evidence']:,} evidence rows")
            print(f"  the run (duties evaluated as of 2025-12-31): {result['evaluate']:.2f} s"
                  + ("" if result["evaluate_computed"] else " (kept from an earlier run)"))
            print(f"  respons assess: {result['assess']:.2f} s; hand-written SQL: "
                  f"{result['baseline']:.2f} s (ratio {result['assess'] / result['baseline']:.2f});"
                  " the same total and grade for every subject, the same evidence rows")
            if backend != "postgresql":  # the server's CPU is another process's
                print(f"  CPU time of this process (the engine runs in it): respons "
                      f"{result['assess_cpu']:.2f} s; hand-written SQL "
                      f"{result['baseline_cpu']:.2f} s (ratio "
                      f"{result['assess_cpu'] / result['baseline_cpu']:.2f})")
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

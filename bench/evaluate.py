"""Benchmark: `respons evaluate` against a hand-written SQL query, on SQLite, PostgreSQL
and DuckDB side by side.

Generates a regime of 2,000 agencies whose complaints must be acknowledged within 5
working days (changchun-xinqu 任务21) and finished within 30 days (dacheng 投诉举报制度 6),
and a year of complaint records — by default 1,000,000 records: for each complaint its
receipt, most often an acknowledgement, and often a closing — across 2024 and 2025, so the
periods cross the Spring Festival, National Day and their make-up working days. The same
records are ingested into each backend first (timed, but not part of the comparison;
bench/ingest.py measures ingest). Then, per backend, in one process:

* **respons evaluate, all duties** — the engine's whole run: calendar tables, every
  obligation of both duties computed in a temporary table and published as a run;
* **hand-written query** — one SQL query written by hand in the backend's own SQL (its JSON
  functions), answering "how many acknowledgements are overdue or late, by agency" over
  the same working-day tables;
* **respons, one duty** — the engine's statement for the acknowledgement duty alone, the
  same question: every obligation into a temporary table, then the same count read back.

It checks that the hand-written query and the engine give the same counts on every
backend, and prints the times, each backend's ratio, and each backend against SQLite.

    python3 bench/evaluate.py                     # 1,000,000 records, all three backends
    python3 bench/evaluate.py --records 100000 --backends sqlite,duckdb --repeat 1

Each is measured ``--repeat`` times (default 3), each time as of another day (another run,
computed afresh), and the best time of each measurement counts: the machine is shared.
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
from pathlib import Path

AGENCIES = 2000

REGIME = """制度 某省投诉处理规定 {{
  层级 省
  施行 2020-01-01
  日历 cn
}}
{agencies}
记录 投诉举报 〔第二十一条〕 {{
  主键 投诉编号
  字段 受理单位 机关
  事件 收到, 告知受理情况, 办结
}}
职责 告知受理情况 〔第二十一条〕 {{
  起算 投诉举报.收到
  期限 5 工作日
  完成 投诉举报.告知受理情况
  负责 受理单位
}}
职责 办结投诉 〔第二十二条〕 {{
  起算 投诉举报.收到
  期限 30 日
  完成 投诉举报.办结
  负责 受理单位
}}
"""


def regime_text() -> str:
    agencies = "\n".join(
        f"机关 执法机关{n:04d} 〔第五条〕 {{ 性质 法定 }}" for n in range(AGENCIES)
    )
    return REGIME.format(agencies=agencies)


def records(count: int):
    """Deterministic complaints: received on some day of 2024–2025, acknowledged after 1–9
    calendar days (sometimes late), closed after 5–45 days (sometimes not at all)."""
    start = dt.date(2024, 1, 1)
    n = made = 0
    while made < count:
        agency = f"执法机关{n % AGENCIES:04d}"
        received = start + dt.timedelta(days=(n * 7919) % 720)
        key = f"TS-{n:08d}"
        events = [("收到", received), ("告知受理情况", received + dt.timedelta(days=1 + n % 9))]
        if n % 3:
            events.append(("办结", received + dt.timedelta(days=5 + n % 41)))
        for event, day in events:
            if made == count:
                return
            yield {"id": f"{key}-{event}", "type": f"投诉举报.{event}", "at": day.isoformat(),
                   "投诉编号": key, "受理单位": agency}
            made += 1
        n += 1


#: The hand-written query: for each receipt up to the date, its first acknowledgement in
#: the matter and its due date (5 working days: the 5th working day after the one the
#: receipt is counted from), then the late and the overdue, by agency. ``{agency}`` is the
#: backend's own reading of a JSON member; ``?`` its placeholder.
BASELINE = """
SELECT s.agency, COUNT(*) FROM (
  SELECT r.matter, {agency} AS agency, r.at_date,
         (SELECT MIN(c.at_date) FROM records c WHERE c.type = '投诉举报.告知受理情况'
           AND c.matter = r.matter AND c.at_date >= r.at_date AND c.at_date <= ?) AS done,
         w.d AS due
    FROM records r JOIN resp_cal cs ON cs.d = r.at_date
    LEFT JOIN resp_wd w ON w.cum = cs.base + 5
   WHERE r.type = '投诉举报.收到' AND r.at_date <= ?) s
 WHERE (s.done IS NULL AND s.due < ?) OR s.done > s.due
 GROUP BY s.agency ORDER BY s.agency
"""

#: Each backend's JSON member, as a person writing SQL for it would write it.
AGENCY = {"sqlite": "json_extract(r.data, '$.受理单位')",
          "postgresql": "(r.data::jsonb ->> '受理单位')",
          "duckdb": "json_extract_string(r.data, '$.受理单位')"}

ONE_DUTY = "bench_one_duty"


def run_backend(url: str, regime_path: Path, records_path: Path, registry, repeat: int
                ) -> dict:
    from respons.calendar import load_calendar
    from respons.check.runner import check_paths
    from respons.records import compile_schema
    from respons.store import open_store
    from respons.store.ingest import ingest_file

    resolved = check_paths([regime_path], registry).resolved[0]
    store = open_store(url, registry, {})
    store.ledger.init()
    started = time.perf_counter()
    report = ingest_file(store.ledger, compile_schema(resolved.regime), str(records_path),
                         name=records_path.name,
                         regime=(resolved.regime.id, hashlib.sha256(
                             regime_path.read_bytes()).hexdigest()))
    ingested = time.perf_counter() - started
    assert report.status == "stored", report.status
    calendar = load_calendar("cn", {}, registry)
    best: dict = {}
    for run in range(repeat):
        # Each repeat judges as of another day: another run, computed afresh, not reused.
        as_of = (dt.date(2025, 12, 31) - dt.timedelta(days=run)).isoformat()
        times, breaches = _measure(store, resolved, calendar, as_of)
        best = {key: min(value, best.get(key, value)) for key, value in times.items()}
    beside = store.reader()
    if beside is not None:
        beside.close()
    store.close()
    return {"ingest": ingested, "records": report.stored, **best, "breaches": breaches,
            "beside": beside is not None}


def _measure(store, resolved, calendar, as_of: str) -> tuple[dict, int]:
    from respons.engine.compile import COLUMNS, Compiler
    from respons.engine.evaluate import evaluate, versions_of
    from respons.sql.ir import Col, CountAll, Lit, Order, Table, select

    started = time.perf_counter()
    evaluation = evaluate(store, resolved, lambda name: calendar, as_of)
    all_duties = time.perf_counter() - started
    assert evaluation.computed
    reports = _report_times(store, evaluation)
    reports["verified"] = _verified_time(store, resolved, calendar, as_of)

    # The hand-written query, on the calendar tables the evaluation loaded.
    sql = BASELINE.format(agency=AGENCY[store.dialect.name])
    started = time.perf_counter()
    baseline_rows = [tuple(row) for row in store._execute(sql, [as_of] * 3).fetchall()]
    baseline = time.perf_counter() - started

    # The engine on the one duty the hand-written query answers, then the same count.
    compute, dialect = store.compute, store.dialect
    version = versions_of(resolved)[0]
    duty = next(d for d in version.regime.duties if d.name == "告知受理情况")
    kind = version.regime.records[0]
    head = store.ledger.head()
    started = time.perf_counter()
    compute.temp_table(ONE_DUTY, COLUMNS)
    statement = Compiler(kind, duty, version.window, as_of, head.seq,
                         first_row=dialect.first_row, materialize=dialect.materialize_hint,
                         corrections=False).compile()
    compute.insert(ONE_DUTY, statement.query, statement.params)
    agency, state = Col("o", "agency"), Col("o", "state")
    engine_rows = compute.query(select(
        agency, CountAll(), source=Table(ONE_DUTY, "o"),
        where=state.isin([Lit("overdue"), Lit("met_late")]), group_by=[agency],
        order_by=[Order(agency)]))
    one_duty = time.perf_counter() - started
    assert engine_rows == baseline_rows, "the engine and the hand-written query disagree"
    return ({"all": all_duties, "baseline": baseline, "one": one_duty, **reports},
            sum(r[1] for r in engine_rows))


def _verified_time(store, resolved, calendar, as_of: str) -> float:
    """What `respons evaluate` runs before its report: the chain verified (beside the
    engine where the store can open a second connection) and every duty evaluated — as
    of ten days before, so that the run is computed afresh, not found kept."""
    from respons.engine.evaluate import evaluate
    from respons.engine.verified import verified_evaluation

    day = (dt.date.fromisoformat(as_of) - dt.timedelta(days=10)).isoformat()
    started = time.perf_counter()
    checked, evaluation = verified_evaluation(store, lambda head, gate: evaluate(
        store, resolved, lambda name: calendar, day, head, gate))
    elapsed = time.perf_counter() - started
    assert checked.intact and evaluation.computed
    return elapsed


def _report_times(store, evaluation) -> dict:
    """What `respons evaluate` adds to the engine's work: its report, made by the
    command's own function (`print_report`) into a sink — the JSON document with every
    breach (and, as with `--all`, every obligation) streamed, and the text report with its
    default limits — each after the summary the command reads first."""
    import contextlib
    import io

    from respons.commands.evaluate import print_report
    from respons.engine.report import summary
    from respons.report.words import Words

    times = {}
    for name, output, everything in (("json", "json", False), ("json_all", "json", True),
                                     ("text", "text", False)):
        started = time.perf_counter()
        found = summary(store.compute, evaluation)
        with contextlib.redirect_stdout(io.StringIO()):
            print_report(store, found, {}, True, output, everything, Words("zh"))
        times[f"report_{name}"] = time.perf_counter() - started
    return times


def store_url(backend: str, folder: Path, postgresql: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'bench.db'}"
    if backend == "duckdb":
        return f"duckdb:///{folder / 'bench.duckdb'}"
    return f"{postgresql}{'&' if '?' in postgresql else '?'}schema=bench_{uuid.uuid4().hex[:8]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql,duckdb")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per backend; the best "
                        "of each time counts (default 3)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()

    from respons.registry import Registry, plugin_manager

    registry = Registry(plugin_manager())
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        regime_path = folder / "province.resp"
        regime_path.write_text(regime_text(), "utf-8")
        records_path = folder / "complaints.jsonl"
        with records_path.open("w", encoding="utf-8") as out:
            for record in records(args.records):
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
            print(f"{backend}: {result['records']:,} records (ingested in "
                  f"{result['ingest']:.1f} s, not part of the comparison)")
            print(f"  respons evaluate, all duties: {result['all']:.2f} s")
            print(f"  hand-written query, overdue acknowledgements by agency: "
                  f"{result['baseline']:.2f} s")
            print(f"  respons, the same duty + the same count: {result['one']:.2f} s  (ratio "
                  f"{result['one'] / result['baseline']:.2f}); {result['breaches']:,} "
                  "breaches, the same counts as the hand-written query")
            engine = result["all"]
            print("  the command's report after the engine — " + ", ".join(
                f"{name}: {result[key]:.2f} s (command {(engine + result[key]) / engine:.2f}× "
                "the engine)" for name, key in (("JSON", "report_json"),
                                                 ("JSON --all", "report_json_all"),
                                                 ("text", "report_text"))))
            print(f"  verified and evaluated (as the command does before its report): "
                  f"{result['verified']:.2f} s ({result['verified'] / engine:.2f}× the engine "
                  f"alone; {'beside it' if result['beside'] else 'in turn'}); with the JSON "
                  f"report {(result['verified'] + result['report_json']) / engine:.2f}×")
            sys.stdout.flush()
    if "sqlite" in results and len(results) > 1:
        print("against SQLite (how many times faster):")
        reference = results["sqlite"]
        for backend, result in results.items():
            if backend != "sqlite":
                print(f"  {backend}: hand-written {reference['baseline'] / result['baseline']:.1f}×"
                      f", respons one duty {reference['one'] / result['one']:.1f}×, respons all "
                      f"duties {reference['all'] / result['all']:.1f}×")
    breaches = {r["breaches"] for r in results.values()}
    assert len(breaches) <= 1, f"the backends disagree: {breaches}"
    if args.json:
        print(json.dumps({"records": args.records, "results": results}, indent=2))


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

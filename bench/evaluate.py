"""Benchmark: `respons evaluate` against a hand-written SQL query, on SQLite and PostgreSQL.

Generates a regime of 2,000 agencies whose complaints must be acknowledged within 5
working days (changchun-xinqu 任务21) and finished within 30 days (dacheng 投诉举报制度 6),
and a year of complaint records — by default 1,000,000 records: for each complaint its
receipt, most often an acknowledgement, and often a closing — across 2024 and 2025, so the
periods cross the Spring Festival, National Day and their make-up working days. The
records are ingested first (not timed here; bench/ingest.py measures that). Then, per
backend, in one process:

* **baseline** — one hand-written SQL query answering "how many acknowledgements are
  overdue, by agency" over the same working-day table;
* **respons, one duty** — the engine evaluating the acknowledgement duty alone, the same
  question, into ``resp_obligations``, then the same count read back;
* **respons, all duties** — `respons evaluate`'s whole work for every duty.

It checks that the baseline and the engine give the same counts, and prints the times and
the ratio.

    python3 bench/evaluate.py                       # 1,000,000 records, both backends
    python3 bench/evaluate.py --records 100000 --backends sqlite
"""

from __future__ import annotations

import argparse
import datetime as dt
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


BASELINE = """
SELECT s.agency, COUNT(*) FROM (
  SELECT r.subject, {agency} AS agency, r.at_date,
         (SELECT MIN(c.at_date) FROM records c WHERE c.type = '投诉举报.告知受理情况'
           AND c.subject = r.subject AND c.at_date >= r.at_date AND c.at_date <= ?) AS done,
         w.d AS due
    FROM records r JOIN resp_cal cs ON cs.d = r.at_date
    LEFT JOIN resp_wd w ON w.cum = cs.cum + 5
   WHERE r.type = '投诉举报.收到' AND r.at_date <= ?) s
 WHERE (s.done IS NULL AND s.due < ?) OR s.done > s.due
 GROUP BY s.agency ORDER BY s.agency
"""


def run_backend(url: str, regime_path: Path, records_path: Path, registry) -> dict:
    from respons.calendar import load_calendar
    from respons.check.runner import check_paths
    from respons.engine.compile import COLUMNS, Compiler
    from respons.engine.evaluate import TABLE, evaluate, versions_of
    from respons.records import compile_schema
    from respons.store import open_store
    from respons.store.ingest import ingest_file

    resolved = check_paths([regime_path], registry).resolved[0]
    store = open_store(url, registry, {})
    store.ledger.init()
    started = time.perf_counter()
    report = ingest_file(store.ledger, compile_schema(resolved.regime), str(records_path),
                         name=records_path.name, regime=(resolved.regime.id, "bench"))
    ingested = time.perf_counter() - started
    assert report.status == "stored", report.status
    calendar = load_calendar("cn", {}, registry)

    as_of = "2025-12-31"
    started = time.perf_counter()
    evaluation = evaluate(store, resolved, lambda name: calendar, as_of)
    all_duties = time.perf_counter() - started

    key_params: list = []
    agency = store.json_text("r.data", "受理单位", key_params)
    sql = BASELINE.format(agency=agency)
    started = time.perf_counter()
    baseline_rows = store.query(sql, [*key_params, as_of, as_of, as_of])
    baseline = time.perf_counter() - started

    # The engine on the one duty the baseline answers, then the same count read back.
    version = versions_of(resolved)[0]
    duty = next(d for d in version.regime.duties if d.name == "告知受理情况")
    kind = version.regime.records[0]
    started = time.perf_counter()
    store.create_table(TABLE, COLUMNS)
    sql_one, params = Compiler(store, kind, duty, version.window, as_of).statement()
    store.insert_select(TABLE, sql_one, params)
    engine_rows = store.query(f"SELECT agency, COUNT(*) FROM {TABLE} WHERE state IN "
                              "('overdue', 'met_late') GROUP BY agency ORDER BY agency")
    one_duty = time.perf_counter() - started
    assert [tuple(r) for r in engine_rows] == [tuple(r) for r in baseline_rows], \
        "the engine and the hand-written query disagree"
    store.close()
    return {"ingest": ingested, "records": report.stored, "all": all_duties,
            "baseline": baseline, "one": one_duty, "breaches": sum(r[1] for r in engine_rows),
            "evaluation": evaluation}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()

    from respons.registry import Registry, plugin_manager

    registry = Registry(plugin_manager())
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        regime_path = folder / "province.resp"
        regime_path.write_text(regime_text(), "utf-8")
        records_path = folder / "complaints.jsonl"
        with records_path.open("w", encoding="utf-8") as out:
            for record in records(args.records):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{folder / 'bench.db'}"
            else:
                url = f"{args.postgresql}{'&' if '?' in args.postgresql else '?'}" \
                      f"schema=bench_{uuid.uuid4().hex[:8]}"
            try:
                result = run_backend(url, regime_path, records_path, registry)
            except Exception as error:  # report the backend that could not run, go on
                print(f"{backend}: not measured: {type(error).__name__}: {error}")
                continue
            print(f"{backend}: {result['records']:,} records (ingested in "
                  f"{result['ingest']:.1f} s, not part of the comparison)")
            print(f"  hand-written query, overdue acknowledgements by agency: "
                  f"{result['baseline']:.2f} s")
            print(f"  respons, the same duty into resp_obligations + the same count: "
                  f"{result['one']:.2f} s  (ratio {result['one'] / result['baseline']:.2f}); "
                  f"{result['breaches']:,} breaches, same counts as the baseline")
            print(f"  respons evaluate, all duties: {result['all']:.2f} s")
            if backend != "sqlite":
                _drop_schema(url)
    sys.stdout.flush()


def _drop_schema(url: str) -> None:
    try:
        import psycopg

        base, _, query = url.partition("?")
        schema = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("schema")
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    except Exception as error:
        print(f"  (could not drop the benchmark schema: {error})")


if __name__ == "__main__":
    main()

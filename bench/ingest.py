"""Benchmark: `respons ingest` against a bare executemany INSERT, on SQLite and PostgreSQL.

Generates a province-sized regime (by default 2,000 agencies with their bodies, posts and
powers, four record kinds) and a JSON Lines file of records valid against it (by default
1,000,000), streaming, then for each backend in one process:

* **baseline** — read the file, ``json.loads`` each line and insert the same columns with a
  bare ``executemany`` INSERT into the same table (same indexes), in one transaction: no
  validation, no canonical form, no hashing, no duplicate lookup;
* **respons** — `respons.store.ingest.ingest_file`: the whole pipeline (validate against
  the compiled regime, canonical JSON, content and chain hashes, id lookups, append).

Each is run ``--repeat`` times (default 2), alternating, and the best run of each counts.
Prints records per second of each, their ratio, and the resident memory of the process as
the file is ingested (at 10 %, 50 % and 100 %), which stays flat when the pipeline streams;
then times `respons verify` of the filled store.

    python3 bench/ingest.py                         # 1,000,000 records, both backends
    python3 bench/ingest.py --records 100000        # a quick run
    python3 bench/ingest.py --backends sqlite

PostgreSQL: ``--postgresql URL`` (default ``RESPONS_TEST_POSTGRESQL_URL`` or
postgresql://postgres@127.0.0.1:5432/test); each run uses and drops schemas of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

KINDS = """
记录 投诉举报 〔第二十一条〕 {
  主键 投诉编号
  字段 机关 机关
  字段 承办岗位 岗位 可选
  字段 被投诉人员 人员 可选
  字段 类别 之一 "投诉", "举报", "申诉"
  事件 收到, 受理, 答复, 办结
}
记录 行政处罚案件 〔第十二条〕 {
  主键 案件编号
  字段 机关 机关
  字段 职权 职权
  字段 承办人 人员
  字段 罚款 金额 可选
  事件 立案, 调查终结, 法制审核, 决定
}
记录 执法证 〔第二十五条〕 {
  主键 证号
  字段 持证人 人员
  字段 发证机关 机关
  事件 核发, 暂扣, 注销
}
记录 培训 〔第二十六条〕 {
  字段 人员 人员
  字段 机关 机关
  字段 学时 数值
  事件 完成
}
"""


def regime_text(agencies: int) -> str:
    out = ["制度 某省行政执法责任制规定 {", "  层级 省", '  制定机关 "某省人民政府"',
           "  施行 2020-01-01", "  日历 cn", "}", KINDS]
    for n in range(agencies):
        powers = [f"职权{n:05d}_{k}" for k in range(4)]
        out += [f"机关 执法机关{n:05d} 〔第五条〕 {{", "  性质 法定 〔第五条〕"]
        out += [f"  职权 处罚 {p} 〔第九条〕" for p in powers]
        out += ["  机构 执法科 {", "    承担 " + ", ".join(powers),
                "    岗位 承办岗 { 角色 承办; 承担 " + ", ".join(powers) + " }",
                "    岗位 审核岗 { 角色 审核; 承担 " + powers[0] + " }", "  }",
                "  岗位 局长 { 角色 第一责任人, 批准 }", "}", ""]
    return "\n".join(out)


def records(count: int, agencies: int):
    """Matters of the four kinds, each with its events in order; every line valid."""
    made = matter = 0
    while made < count:
        agency = f"执法机关{matter % agencies:05d}"
        day = 1 + matter % 28
        month = 1 + (matter // 28) % 12
        kind = matter % 4
        if kind == 0:
            events, key = ("收到", "受理", "答复", "办结"), {"投诉编号": f"TS{matter:09d}"}
            fields = {"机关": agency, "类别": ("投诉", "举报", "申诉")[matter % 3]}
            if matter % 2:
                fields |= {"承办岗位": "承办岗", "被投诉人员": f"人员{matter % 99991:05d}"}
            name = "投诉举报"
        elif kind == 1:
            events, key = ("立案", "调查终结", "法制审核", "决定"), {"案件编号": f"AJ{matter:09d}"}
            fields = {"机关": agency, "职权": f"职权{matter % agencies:05d}_{matter % 4}",
                      "承办人": f"人员{matter % 99991:05d}"}
            if matter % 3 == 0:
                fields["罚款"] = f"{matter % 50000}.{matter % 100:02d}"
            name = "行政处罚案件"
        elif kind == 2:
            events, key = ("核发", "暂扣", "注销"), {"证号": f"ZH{matter:09d}"}
            fields = {"持证人": f"人员{matter % 99991:05d}", "发证机关": agency}
            name = "执法证"
        else:
            events, key, name = ("完成",), {}, "培训"
            fields = {"人员": f"人员{matter % 99991:05d}", "机关": agency, "学时": 8 + matter % 5}
        for step, event in enumerate(events):
            if made >= count:
                return
            at = f"2024-{month:02d}-{min(day + step, 28):02d}T{8 + made % 9:02d}:{made % 60:02d}"
            yield {"id": f"REC{made:010d}", "type": f"{name}.{event}", "at": at + ":00",
                   **key, **fields}
            made += 1
        matter += 1


def rss_mb() -> float:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


KEYS = {"投诉举报": "投诉编号", "行政处罚案件": "案件编号", "执法证": "证号"}


def baseline(store, path: Path) -> float:
    """Read, parse and insert the same columns with executemany: the floor for any ingest."""
    from respons.store.api import RECORD_COLUMNS

    mark = store.dialect.placeholder(1, "")
    sql = (f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) VALUES "
           f"({', '.join([mark] * len(RECORD_COLUMNS))})")
    start = time.perf_counter()
    store._begin_write()
    cursor = store.connection.cursor()
    rows, seq = [], 0
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            seq += 1
            kind, _, event = record["type"].partition(".")
            rows.append((seq, record["id"], record["type"], kind, event, record["at"],
                         record["at"][:10], record.get(KEYS.get(kind, "")), None, line, "",
                         "", 1))
            if len(rows) == 2000:
                cursor.executemany(sql, rows)
                rows = []
    if rows:
        cursor.executemany(sql, rows)
    store._commit()
    return time.perf_counter() - start


def ours(store, schema, path: Path, size: int) -> tuple[float, dict]:
    from respons.store.ingest import ingest_file

    marks, memory = (0.1, 0.5), {}

    def progress(done: int) -> None:
        for mark in marks:
            if done >= mark * size and f"{int(mark * 100)}%" not in memory:
                memory[f"{int(mark * 100)}%"] = round(rss_mb(), 1)

    start = time.perf_counter()
    report = ingest_file(store.ledger, schema, path, name=path.name, regime=("bench", "0" * 64),
                         progress=progress)
    elapsed = time.perf_counter() - start
    memory["100%"] = round(rss_mb(), 1)
    assert report.status == "stored", (report.status, report.diagnostics[:3])
    return elapsed, memory


def verify_time(store, count: int) -> float:
    """`respons verify` of the store just filled: every hash and column recomputed."""
    from respons.store.verify import verify

    start = time.perf_counter()
    report = verify(store.ledger)
    assert report.intact and report.records == count, report.broken
    return time.perf_counter() - start


def open_fresh(backend: str, folder: Path, postgresql: str, label: str):
    if backend == "sqlite":
        from respons.store.sqlite import SQLiteStore

        store = SQLiteStore(f"sqlite:///{folder / (label + uuid.uuid4().hex[:8] + '.db')}")
    else:
        from respons_postgresql.store import PostgreSQLStore

        schema = f"bench_{label}_{uuid.uuid4().hex[:8]}"
        store = PostgreSQLStore(f"{postgresql}{'&' if '?' in postgresql else '?'}schema={schema}")
        store.bench_schema = schema
    store.ledger.init()
    return store


def dispose(store) -> None:
    schema = getattr(store, "bench_schema", None)
    if schema:
        store.connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
    store.close()
    for suffix in ("", "-wal", "-shm"):  # a SQLite file: free the disk for the next run
        if getattr(store, "path", None):
            Path(store.path + suffix).unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--agencies", type=int, default=2000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each, alternating; the best of each counts")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    from respons.check.runner import check_paths
    from respons.records import compile_schema

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        regime_file = folder / "province.resp"
        regime_file.write_text(regime_text(args.agencies), encoding="utf-8")
        start = time.perf_counter()
        report = check_paths([regime_file], None)
        assert report.valid, [d.message for d in report.diagnostics[:5]]
        schema = compile_schema(report.resolved[0].regime)
        prepared = time.perf_counter() - start
        path = folder / "records.jsonl"
        with open(path, "w", encoding="utf-8") as stream:
            for record in records(args.records, args.agencies):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = path.stat().st_size
        print(f"regime: {args.agencies} agencies, checked and compiled in {prepared:.1f} s; "
              f"records: {args.records:,} ({size / 2**20:.0f} MiB)", file=sys.stderr)
        results = []
        for backend in args.backends.split(","):
            # Alternate the two, best of --repeat each: other work on the machine slows
            # one run or another, never makes one faster than it can be.
            bases, mines, cpu = [], [], {"baseline": [], "respons": []}
            for _ in range(args.repeat):
                store = open_fresh(backend, folder, args.postgresql, "baseline")
                before = time.process_time()
                bases.append(baseline(store, path))
                cpu["baseline"].append(time.process_time() - before)
                dispose(store)
                store = open_fresh(backend, folder, args.postgresql, "respons")
                before = time.process_time()
                mine, memory = ours(store, schema, path, size)
                cpu["respons"].append(time.process_time() - before)
                mines.append(mine)
                checked = verify_time(store, args.records)
                dispose(store)
            base, mine = min(bases), min(mines)
            results.append({"backend": backend, "records": args.records, "runs": args.repeat,
                            "baseline_per_s": round(args.records / base),
                            "respons_per_s": round(args.records / mine),
                            "ratio": round(base / mine, 2), "rss_mb": memory,
                            "cpu_ratio": round(min(cpu["baseline"]) / min(cpu["respons"]), 2),
                            "verify_per_s": round(args.records / checked)})
            r = results[-1]
            print(f"{backend:<10} baseline {r['baseline_per_s']:>8,} rec/s   respons "
                  f"{r['respons_per_s']:>8,} rec/s   ratio {r['ratio']:.2f}   RSS "
                  + ", ".join(f"{k} {v} MiB" for k, v in memory.items())
                  + f"   verify {r['verify_per_s']:,} rec/s   CPU-time ratio "
                  f"{r['cpu_ratio']:.2f} (this process only)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the whole run: {peak:.0f} MiB")
        if args.json:
            print(json.dumps({"results": results, "peak_rss_mb": round(peak)}, indent=2))


if __name__ == "__main__":
    main()

"""Benchmark: `respons verify` against reading the same rows, on each backend.

Fills a store with the records of bench/ingest.py (a province's four record kinds,
default 1,000,000) through the real ingest, then in one process, alternating and best of
``--repeat`` each:

* **baseline** — stream every row of ``records`` in seq order (the ledger's own scan) and
  touch each: the floor for any verification, which must read every row;
* **respons** — `respons.store.verify.verify`: every content hash and link recomputed,
  the batches checked against the records.

Prints records per second of each and their ratio (the aim: ≥ 150,000 records/s on
SQLite, so that `respons evaluate` can verify before every report).

    python3 bench/verify.py                      # 1,000,000 records, SQLite
    python3 bench/verify.py --backends sqlite,postgresql --records 200000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import dispose, open_fresh, records, regime_text


def scan_time(store) -> float:
    start = time.perf_counter()
    count = 0
    for row in store.ledger.scan():
        count += row[0] > 0
    return time.perf_counter() - start


def verify_time(store, count: int) -> float:
    from respons.store.verify import verify

    start = time.perf_counter()
    report = verify(store.ledger)
    elapsed = time.perf_counter() - start
    assert report.intact and report.records == count, report.broken
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--agencies", type=int, default=2000)
    parser.add_argument("--backends", default="sqlite")
    parser.add_argument("--postgresql", default=os.environ.get(
        "RESPONS_TEST_POSTGRESQL_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from respons.check.runner import check_paths
    from respons.records import compile_schema
    from respons.store.ingest import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        regime_file = folder / "province.resp"
        regime_file.write_text(regime_text(args.agencies), encoding="utf-8")
        report = check_paths([regime_file], None)
        assert report.valid
        schema = compile_schema(report.resolved[0].regime)
        path = folder / "records.jsonl"
        with open(path, "w", encoding="utf-8") as stream:
            for record in records(args.records, args.agencies):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        results = []
        for backend in args.backends.split(","):
            store = open_fresh(backend, folder, args.postgresql, "verify")
            ingested = ingest_file(store.ledger, schema, path, name=path.name,
                                   regime=("bench", "0" * 64))
            assert ingested.status == "stored"
            scans, verifies = [], []
            for _ in range(args.repeat):
                scans.append(scan_time(store))
                verifies.append(verify_time(store, args.records))
            dispose(store)
            scan, mine = min(scans), min(verifies)
            results.append({"backend": backend, "records": args.records,
                            "scan_s": round(scan, 2), "verify_s": round(mine, 2),
                            "scan_per_s": round(args.records / scan),
                            "verify_per_s": round(args.records / mine),
                            "ratio": round(mine / scan, 2)})
            print(f"{backend}: scan {args.records / scan:,.0f} rec/s ({scan:.2f} s), verify "
                  f"{args.records / mine:,.0f} rec/s ({mine:.2f} s): {mine / scan:.2f}× the "
                  "scan", file=sys.stderr)
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

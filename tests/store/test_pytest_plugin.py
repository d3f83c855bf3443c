"""respons.testing is a pytest plugin: installed respons gives every test run its fixtures."""

from __future__ import annotations

import json


def test_plugin_fixtures(respons_records, respons_regime):
    path = respons_records(7, name="seven.jsonl", prefix="P")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"P{n:09d}" for n in range(7)]
    assert {r["type"].split(".")[0] for r in records} <= {k.name for k in respons_regime.records}
    assert respons_regime.id == "conformance"

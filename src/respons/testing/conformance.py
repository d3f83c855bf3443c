"""`StoreConformance`: what every storage backend must do, as pytest tests.

The tests use the store only through the public interface (`respons.store.api.Store`),
the ingest pipeline and `respons verify` — exactly what the command line and the duty
engine use — so a backend that passes them works with the rest of respons. The ingest,
de-duplication, correction, determinism and engine-interface tests are here; tampering
and crash safety are in `respons.testing.tampering`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respons.store.schema import SCHEMA_VERSION
from respons.testing.records import generate, write_jsonl
from respons.testing.regime import conformance_regime
from respons.testing.tampering import TamperingTests

#: The head of the chain after `generate(conformance regime, 50, seed=1)` — the same on
#: every backend and every machine (a change here means every stored chain changed).
GOLDEN_HEAD_50 = "493d78088a04b5e378032c4f59e4d4be0e654fc0161ee24cb5e857ab61f1f2f9"


def _registry():
    from respons.registry import Registry, plugin_manager

    return Registry(plugin_manager())


class StoreConformance(TamperingTests):
    """Subclass it and provide the fixture ``store_url`` (a fresh, empty store)."""

    # ── fixtures and helpers ─────────────────────────────────────────────────────
    @pytest.fixture
    def store(self, store_url):
        from respons.store import open_store

        store = open_store(store_url, _registry())
        store.init()
        yield store
        store.close()

    def records_file(self, tmp_path, count=50, name="records.jsonl", seed=1, prefix="R",
                     records=None) -> Path:
        path = tmp_path / name
        write_jsonl(path, records if records is not None else
                    generate(conformance_regime(), count, seed, prefix))
        return path

    def ingest(self, store, path, rejects=None):
        from respons.records import compile_schema
        from respons.store.ingest import Rejects, ingest_file

        sink = Rejects(rejects) if rejects else None
        try:
            return ingest_file(store, compile_schema(conformance_regime()), path,
                               name=Path(path).name, regime=("conformance", "0" * 64),
                               rejects=sink)
        finally:
            if sink is not None:
                sink.close()

    def rows(self, store):
        return [(r.seq, r.id, r.content_hash, r.chain_hash) for r in store.scan()]

    # ── schema ───────────────────────────────────────────────────────────────────
    def test_init_is_idempotent(self, store):
        assert store.schema_version() == SCHEMA_VERSION
        assert store.init() == SCHEMA_VERSION
        assert store.count() == 0 and store.head().seq == 0

    # ── ingest ───────────────────────────────────────────────────────────────────
    def test_ingest_stores_every_record_in_chain_order(self, store, tmp_path):
        report = self.ingest(store, self.records_file(tmp_path, 120))
        assert (report.status, report.stored, report.first_seq, report.last_seq) == \
            ("stored", 120, 1, 120)
        assert [r.seq for r in store.scan()] == list(range(1, 121))
        assert store.head().seq == 120 and store.count() == 120
        from respons.store.verify import verify

        assert verify(store).intact

    def test_same_records_again_store_nothing(self, store, tmp_path):
        path = self.records_file(tmp_path, 60)
        self.ingest(store, path)
        before = self.rows(store)
        again = self.ingest(store, path)
        assert (again.status, again.stored, again.duplicates) == ("unchanged", 0, 60)
        assert self.rows(store) == before and len(store.batches()) == 1

    def test_conflict_is_reported_and_nothing_of_the_file_stored(self, store, tmp_path):
        records = list(generate(conformance_regime(), 10, 1))
        self.ingest(store, self.records_file(tmp_path, records=records))
        changed = [dict(records[3], at="2025-01-01T00:00:00"),
                   *generate(conformance_regime(), 5, 2, prefix="N")]
        report = self.ingest(store, self.records_file(tmp_path, records=changed, name="b"))
        assert report.status == "rejected" and report.stored == 0
        assert [d.code for d in report.diagnostics] == ["R1110"]
        assert store.count() == 10

    def test_bad_line_rejects_the_whole_file(self, store, tmp_path):
        records = list(generate(conformance_regime(), 30, 1))
        records[17] = dict(records[17], type="投诉举报.收道")
        report = self.ingest(store, self.records_file(tmp_path, records=records))
        assert report.status == "rejected" and store.count() == 0 and store.batches() == []
        assert [(d.code, d.span.line) for d in report.diagnostics] == [("R1104", 18)]

    def test_rejects_file_takes_bad_lines_and_good_ones_are_stored(self, store, tmp_path):
        records = list(generate(conformance_regime(), 30, 1))
        records[4] = dict(records[4], at="2024-02-30")
        report = self.ingest(store, self.records_file(tmp_path, records=records),
                             rejects=tmp_path / "rejects.jsonl")
        assert (report.status, report.stored, report.rejected) == ("partial", 29, 1)
        rejected = [json.loads(line) for line in
                    (tmp_path / "rejects.jsonl").read_text("utf-8").splitlines()]
        assert [(r["line"], [e["code"] for e in r["errors"]]) for r in rejected] == \
            [(5, ["R1108"])]
        assert json.loads(rejected[0]["text"])["id"] == records[4]["id"]
        assert [r.seq for r in store.scan()] == list(range(1, 30))

    def test_corrections_are_new_records(self, store, tmp_path):
        records = list(generate(conformance_regime(), 6, 1))
        self.ingest(store, self.records_file(tmp_path, records=records))
        fix = dict(records[0], id="FIX-1", corrects=records[0]["id"], at="2024-01-03")
        fix_again = dict(fix, id="FIX-2", corrects=records[0]["id"])
        report = self.ingest(store, self.records_file(tmp_path, records=[fix], name="fix"))
        assert report.stored == 1
        assert store.query("SELECT id FROM records WHERE corrects = ?",
                           (records[0]["id"],)) == [("FIX-1",)]
        second = self.ingest(store, self.records_file(tmp_path, records=[fix_again], name="f2"))
        assert second.status == "rejected"
        assert "already corrected by 'FIX-1'" in second.diagnostics[0].message
        unknown = dict(fix, id="FIX-3", corrects="NO-SUCH-ID")
        third = self.ingest(store, self.records_file(tmp_path, records=[unknown], name="f3"))
        assert [d.code for d in third.diagnostics] == ["R1111"]

    # ── determinism ──────────────────────────────────────────────────────────────
    def test_hashes_are_those_of_every_other_backend(self, store, tmp_path):
        from respons.store.sqlite import SQLiteStore

        path = self.records_file(tmp_path, 50)
        self.ingest(store, path)
        with SQLiteStore("sqlite:///:memory:") as reference:
            reference.init()
            self.ingest(reference, path)
            assert self.rows(store) == self.rows(reference)
        assert store.head().hash == GOLDEN_HEAD_50

    # ── the engine's interface ───────────────────────────────────────────────────
    def test_query_is_read_only(self, store, tmp_path):
        self.ingest(store, self.records_file(tmp_path, 20))
        assert store.query("SELECT COUNT(*) FROM records WHERE seq > ?", (10,)) == [(10,)]
        with pytest.raises(store.errors):
            store.query("DELETE FROM records")
        assert store.count() == 20

    def test_helper_tables_and_json_fields(self, store, tmp_path):
        records = list(generate(conformance_regime(), 40, 1))
        self.ingest(store, self.records_file(tmp_path, records=records))
        days = sorted({r["at"][:10] for r in records})
        store.load_table("engine_days", [("day", "text"), ("n", "integer")],
                         [(d, i) for i, d in enumerate(days)])
        joined = store.query("SELECT COUNT(*) FROM records r JOIN engine_days d "
                             "ON d.day = r.at_date")
        assert joined == [(40,)]
        store.load_table("engine_days", [("day", "text")], [(days[0],)])  # replaced
        assert store.query("SELECT COUNT(*) FROM engine_days") == [(1,)]
        with pytest.raises(ValueError):
            store.load_table("records", [("x", "text")], [])
        params: list = []
        kind = store.json_text("data", "类别", params)
        got = store.query(f"SELECT id, {kind} FROM records WHERE type = ? ORDER BY seq",
                          (*params, "投诉举报.收到"))
        expected = [(r["id"], r["类别"]) for r in records if r["type"] == "投诉举报.收到"]
        assert got == expected
        params = []
        flag = store.json_text("data", "查证属实", params)
        values = {v for (v,) in store.query(f"SELECT {flag} FROM records WHERE kind = ?",
                                            (*params, "投诉举报"))}
        assert values <= {"true", "false", None} and "true" in values

    def test_subject_kind_and_dates_are_columns(self, store, tmp_path):
        self.ingest(store, self.records_file(tmp_path, 12))
        rows = store.query("SELECT kind, event, subject, at, at_date FROM records "
                           "WHERE seq = ?", (1,))
        kind, event, subject, at, at_date = rows[0]
        assert (kind, event) == ("投诉举报", "收到") and subject == "投诉举报-R00000000"
        assert at.endswith("+08:00") and at_date == at[:10]
        pairs = store.query("SELECT COUNT(*) FROM records s JOIN records e "
                            "ON e.kind = s.kind AND e.subject = s.subject "
                            "WHERE s.type = ? AND e.type = ?", ("投诉举报.收到", "投诉举报.答复"))
        assert pairs[0][0] >= 1

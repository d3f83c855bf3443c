"""`StoreConformance`: what every storage backend must do, as pytest tests.

The tests use the store only through the public interface (`respons.store.api.Store`: its
ledger and its compute), the ingest pipeline, `respons verify` and the engine — exactly
what the command line uses — so a backend that passes them works with the rest of
respons. The ledger's tests (ingest, de-duplication, corrections, determinism) are here;
tampering and crash safety are in `respons.testing.tampering`; the engine's interface —
every method it calls, and the engine's results on the backend against SQLite's — in
`respons.testing.compute`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respons.store.schema import SCHEMA_VERSION
from respons.testing.compute import ComputeTests
from respons.testing.records import generate, write_jsonl
from respons.testing.regime import conformance_regime, fresh_registry
from respons.testing.tampering import TamperingTests

#: The head of the chain after `generate(conformance regime, 50, seed=1)` — the same on
#: every backend and every machine (a change here means every stored chain changed).
GOLDEN_HEAD_50 = "283fded87f0503dd79e792178b65f0edbb66f983875c3d0cf7e0bfb6823b60c0"


class StoreConformance(TamperingTests, ComputeTests):
    """Subclass it and provide the fixture ``store_url`` (a fresh, empty store): the
    ledger's tests here, the attacks on it (`TamperingTests`) and everything the engine
    computes with (`ComputeTests`) run against it."""

    # ── fixtures and helpers ─────────────────────────────────────────────────────
    @pytest.fixture
    def store(self, store_url):
        from respons.store import open_store

        store = open_store(store_url, fresh_registry())
        store.ledger.init()
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
            return ingest_file(store.ledger, compile_schema(conformance_regime()), path,
                               name=Path(path).name, regime=("conformance", "0" * 64),
                               rejects=sink)
        finally:
            if sink is not None:
                sink.close()

    def rows(self, store):
        return [(r.seq, r.id, r.content_hash, r.chain_hash) for r in store.ledger.scan()]

    # ── schema ───────────────────────────────────────────────────────────────────
    def test_init_is_idempotent(self, store):
        assert store.ledger.schema_version() == SCHEMA_VERSION
        assert store.ledger.init() == SCHEMA_VERSION
        assert store.ledger.count() == 0 and store.ledger.head().seq == 0

    # ── ingest ───────────────────────────────────────────────────────────────────
    def test_ingest_stores_every_record_in_chain_order(self, store, tmp_path):
        report = self.ingest(store, self.records_file(tmp_path, 120))
        assert (report.status, report.stored, report.first_seq, report.last_seq) == \
            ("stored", 120, 1, 120)
        assert [r.seq for r in store.ledger.scan()] == list(range(1, 121))
        assert store.ledger.head().seq == 120 and store.ledger.count() == 120
        from respons.store.verify import verify

        assert verify(store.ledger).intact

    def test_same_records_again_store_nothing(self, store, tmp_path):
        path = self.records_file(tmp_path, 60)
        self.ingest(store, path)
        before = self.rows(store)
        again = self.ingest(store, path)
        assert (again.status, again.stored, again.duplicates) == ("unchanged", 0, 60)
        assert self.rows(store) == before and len(store.ledger.batches()) == 1

    def test_conflict_is_reported_and_nothing_of_the_file_stored(self, store, tmp_path):
        records = list(generate(conformance_regime(), 10, 1))
        self.ingest(store, self.records_file(tmp_path, records=records))
        changed = [dict(records[3], at="2025-01-01T00:00:00"),
                   *generate(conformance_regime(), 5, 2, prefix="N")]
        report = self.ingest(store, self.records_file(tmp_path, records=changed, name="b"))
        assert report.status == "rejected" and report.stored == 0
        assert [d.code for d in report.diagnostics] == ["R1110"]
        assert store.ledger.count() == 10

    def test_bad_line_rejects_the_whole_file(self, store, tmp_path):
        records = list(generate(conformance_regime(), 30, 1))
        records[17] = dict(records[17], type="投诉举报.收道")
        report = self.ingest(store, self.records_file(tmp_path, records=records))
        assert report.status == "rejected" and store.ledger.count() == 0
        assert store.ledger.batches() == []
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
        assert [r.seq for r in store.ledger.scan()] == list(range(1, 30))

    def test_corrections_are_new_records(self, store, tmp_path):
        records = list(generate(conformance_regime(), 6, 1))
        self.ingest(store, self.records_file(tmp_path, records=records))
        fix = dict(records[0], id="FIX-1", corrects=records[0]["id"], at="2024-01-03")
        fix_again = dict(fix, id="FIX-2", corrects=records[0]["id"])
        report = self.ingest(store, self.records_file(tmp_path, records=[fix], name="fix"))
        assert report.stored == 1
        assert self.peek(store, "SELECT id FROM records WHERE corrects = ?",
                         (records[0]["id"],)) == [("FIX-1",)]
        second = self.ingest(store, self.records_file(tmp_path, records=[fix_again], name="f2"))
        assert second.status == "rejected"
        assert "already corrected by 'FIX-1'" in second.diagnostics[0].message
        unknown = dict(fix, id="FIX-3", corrects="NO-SUCH-ID")
        third = self.ingest(store, self.records_file(tmp_path, records=[unknown], name="f3"))
        assert [d.code for d in third.diagnostics] == ["R1111"]

    # ── scratch stores (`respons test --store`) ─────────────────────────────────────
    def test_a_scratch_store_is_new_empty_and_removed(self, store_url, tmp_path):
        """`StorageBackend.scratch`, where the backend offers it: each call a store of its
        own, empty, which ``dispose()`` removes with what it holds."""
        from respons.store import StoreError, open_store
        from respons.store.url import scheme_of

        registry = fresh_registry()
        backend = registry.storage_backends()[scheme_of(store_url)]
        if backend.scratch is None:
            pytest.skip(f"the {backend.name} backend makes no scratch stores")
        one, dispose_one = backend.scratch(store_url, "conformance-1")
        two, dispose_two = backend.scratch(store_url, "conformance-1")
        assert one != two
        try:
            with open_store(one, registry) as first:
                first.ledger.init()
                assert self.ingest(first, self.records_file(tmp_path, 5)).stored == 5
            with open_store(two, registry) as second:
                assert second.ledger.schema_version() is None  # another store, untouched
        finally:
            dispose_one()
            dispose_two()
        try:
            with open_store(one, registry) as gone:
                assert gone.ledger.schema_version() is None
        except StoreError:
            pass  # nothing is left to open at all

    # ── determinism ──────────────────────────────────────────────────────────────
    def test_hashes_are_those_of_every_other_backend(self, store, tmp_path):
        from respons.store.sqlite import SQLiteStore

        path = self.records_file(tmp_path, 50)
        self.ingest(store, path)
        with SQLiteStore("sqlite:///:memory:") as reference:
            reference.ledger.init()
            self.ingest(reference, path)
            assert self.rows(store) == self.rows(reference)
        assert store.ledger.head().hash == GOLDEN_HEAD_50

    def test_matter_kind_and_dates_are_columns(self, store, tmp_path):
        self.ingest(store, self.records_file(tmp_path, 12))
        rows = self.peek(store, "SELECT kind, event, matter, at, at_date FROM records "
                         "WHERE seq = ?", (1,))
        kind, event, matter, at, at_date = rows[0]
        assert (kind, event) == ("投诉举报", "收到") and matter == "投诉举报-R00000000"
        assert at.endswith("+08:00") and at_date == at[:10]

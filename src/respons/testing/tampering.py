"""Tampering and crash safety: the tests of the conformance suite that attack the store.

Each tampering case changes the tables directly with SQL — as someone with the database
file or a superuser's login could — and `respons verify` must name the first record that
no longer fits, with the kind of break. The crash test kills an ingest with SIGKILL in the
middle of a large file: the store must verify, hold only whole files, and take the same
files again without duplicates.

Three hooks adapt the suite to a store it cannot reach as written: `tamper` and `peek`
(raw SQL on the store's tables, ``?`` placeholders, SQLite's and PostgreSQL's spelling) and
`wait_for_first_file` (how the crash test sees the first file committed).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: (case, statements with ``{n}`` for the last seq, expected kind, expected seq or None).
CASES = [
    ("edit a field", ["UPDATE records SET data = replace(data, '\"机关\":\"', '\"机关\":\"1') "
                      "WHERE seq = 3"], "altered", 3),
    ("edit content and rehash", "rehash", "chain", 3),
    ("edit at column", ["UPDATE records SET at = '2030-01-01T00:00:00+08:00' WHERE seq = 4"],
     "altered", 4),
    ("edit at_date column", ["UPDATE records SET at_date = '2030-01-01' WHERE seq = 4"],
     "altered", 4),
    ("edit data column", ["UPDATE records SET data = '{}' WHERE seq = 2"], "altered", 2),
    ("edit id column", ["UPDATE records SET id = 'someone-else' WHERE seq = 5"], "altered", 5),
    ("edit type column", ["UPDATE records SET type = '投诉举报.答复' WHERE seq = 1"],
     "altered", 1),
    ("edit kind column", ["UPDATE records SET kind = '案件' WHERE seq = 1"], "altered", 1),
    ("edit matter", ["UPDATE records SET matter = 'another matter' WHERE seq = 6"],
     "altered", 6),
    ("edit corrects", ["UPDATE records SET corrects = 'R000000000' WHERE seq = 7"],
     "altered", 7),
    ("edit batch column", ["UPDATE records SET batch = 2 WHERE seq = 8"], "batches", 8),
    ("delete a record", ["DELETE FROM records WHERE seq = 3"], "removed", 3),
    ("delete the last record", ["DELETE FROM records WHERE seq = {n}"], "removed", None),
    ("swap two records", ["UPDATE records SET seq = -2 WHERE seq = 2",
                          "UPDATE records SET seq = 2 WHERE seq = 3",
                          "UPDATE records SET seq = 3 WHERE seq = -2"], "chain", 2),
    ("delete and renumber", ["DELETE FROM records WHERE seq = 3",
                             "UPDATE records SET seq = -(seq - 1) WHERE seq > 3",
                             "UPDATE records SET seq = -seq WHERE seq < 0"], "chain", 3),
    ("append outside respons", ["INSERT INTO records SELECT seq + 1, 'extra', type, kind, "
                                "event, at, at_date, matter, corrects, data, content_hash, "
                                "chain_hash, batch FROM records WHERE seq = {n}"],
     "head", "{n+1}"),
    ("move the head back", ["UPDATE store_info SET value = '2' WHERE key = 'head_seq'"],
     "head", None),
    ("change the head hash", [f"UPDATE store_info SET value = '{'ab' * 32}' "
                              "WHERE key = 'head_hash'"], "head", None),
    ("edit the batches", ["UPDATE batches SET stored = stored - 1"], "batches", None),
    ("damage the head hash", ["UPDATE store_info SET value = 'ab' WHERE key = 'head_hash'"],
     "metadata", None),
]

#: Edits of the batches table of a store holding two files (seqs 1–8 and 9–12): each must
#: be found (kind ``batches``), with or without an expected head. (case, statements)
BATCH_CASES = [
    ("file", ["UPDATE batches SET file = 'forged.jsonl' WHERE batch = 1"]),
    ("file_sha256", [f"UPDATE batches SET file_sha256 = '{'0' * 64}' WHERE batch = 2"]),
    ("regime", ["UPDATE batches SET regime = 'another' WHERE batch = 1"]),
    ("regime_sha256", [f"UPDATE batches SET regime_sha256 = '{'1' * 64}' WHERE batch = 1"]),
    ("head_hash", ["UPDATE batches SET head_hash = (SELECT chain_hash FROM records "
                   "WHERE seq = 7) WHERE batch = 1"]),
    ("ingested_at", ["UPDATE batches SET ingested_at = '2020-01-01T00:00:00+00:00' "
                     "WHERE batch = 2"]),
    ("lines", ["UPDATE batches SET lines = lines + 1 WHERE batch = 1"]),
    ("duplicates", ["UPDATE batches SET duplicates = duplicates + 1 WHERE batch = 2"]),
    ("rejected", ["UPDATE batches SET rejected = 1 WHERE batch = 1"]),
    ("stored", ["UPDATE batches SET stored = stored - 1 WHERE batch = 2"]),
    ("batch_hash", [f"UPDATE batches SET batch_hash = '{'ab' * 32}' WHERE batch = 2"]),
    ("first and last seq", ["UPDATE batches SET first_seq = 2, last_seq = 9 WHERE batch = 1"]),
    ("move a record to the next batch", [
        "UPDATE batches SET last_seq = 7, stored = 7 WHERE batch = 1",
        "UPDATE batches SET first_seq = 8, stored = 5 WHERE batch = 2",
        "UPDATE records SET batch = 2 WHERE seq = 8"]),
    ("delete the last batch", ["DELETE FROM batches WHERE batch = 2"]),
    ("delete the first batch", ["DELETE FROM batches WHERE batch = 1"]),
    ("renumber the batches", ["UPDATE batches SET batch = batch + 10"]),
    ("text in a count", ["UPDATE batches SET lines = 'many' WHERE batch = 1"]),
]

#: Batch rows rewritten with their batch hashes recomputed, so that only the checks of the
#: rows against each other and against the records can find them: (case, batch, changes).
FORGED_BATCHES = [
    ("stored is not the seq range", 1, {"stored": 7}),
    ("fewer lines than records", 2, {"lines": 3}),
    ("a gap before the first batch", 1, {"first_seq": 2, "stored": 7}),
    ("batches overlap", 2, {"first_seq": 8, "stored": 5}),
    ("the head hash is not the last record's", 1, {"head_hash": "ab" * 32}),
    ("the file hash is not a hash", 2, {"file_sha256": "not a hash"}),
]


class TamperingTests:
    """Mixed into `StoreConformance`; uses its ``store`` fixture and helpers."""

    def tamper(self, store, sql: str, params=()) -> None:
        """Run ``sql`` on the store's tables behind respons's back (``?`` placeholders).

        Works for stores built on `respons.store.sql.SQLStore`; override it for a store
        that is not a DB-API connection.
        """
        cursor = store.connection.cursor()
        cursor.execute(self._sql(store, sql), tuple(params))
        with contextlib.suppress(Exception):
            store.connection.commit()

    def peek(self, store, sql: str, params=()) -> list[tuple]:
        """The rows of ``sql`` read from the store's tables directly (``?`` placeholders),
        for the tests to look at what the store holds. Override it as `tamper`."""
        cursor = store.connection.cursor()
        cursor.execute(self._sql(store, sql), tuple(params))
        return [tuple(row) for row in cursor.fetchall()]

    def wait_for_first_file(self, store, process, file: str) -> None:
        """Return once the ingest running in ``process`` has committed its first file,
        ``file`` (as the command line names it), and is still running — the crash test
        then kills it in the next file; fail the test if it never does.

        By default the store's batches table is read from this process while the ingest
        runs. Override it for a store that only one process at a time can open (DuckDB
        holds a lock on its file): the ingest reports each file on stdout once it is
        committed — ``<file>: stored …`` — which `wait_for_report` reads.
        """
        del file  # the batches table says it
        deadline = time.monotonic() + 60
        while not self.peek(store, "SELECT COUNT(*) FROM batches")[0][0]:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the first file was never committed"
            time.sleep(0.05)

    @staticmethod
    def wait_for_report(process, file: str) -> None:
        """Read the ingest's first line on stdout: ``file`` stored (committed)."""
        line = process.stdout.readline().decode("utf-8", "replace")
        assert line.startswith(f"{file}: stored "), (line, process.communicate())
        assert process.poll() is None, "the ingest finished before it could be killed"

    @staticmethod
    def _sql(store, sql: str) -> str:
        mark = store.dialect.placeholder(1, "")
        return sql if mark == "?" else sql.replace("%", "%%").replace("?", mark)

    def _rehash(self, store, seq: int) -> None:
        """Change a field of record ``seq`` and give it the content hash of its new content,
        as someone who knows how content is hashed could."""
        from respons.records.canonical import content_hash
        from respons.records.row import CONTENT

        (row,) = self.peek(store, f"SELECT {', '.join(CONTENT)} FROM records WHERE seq = ?",
                           (seq,))
        content = [*row[:-1], row[-1].replace('"机关":"', '"机关":"1', 1)]
        self.tamper(store, "UPDATE records SET data = ?, content_hash = ? WHERE seq = ?",
                    (content[-1], content_hash(content), seq))

    @pytest.mark.parametrize(("case", "statements", "kind", "seq"), CASES,
                             ids=[c[0] for c in CASES])
    def test_verify_finds_tampering(self, store, tmp_path, case, statements, kind, seq):
        from respons.store.verify import verify

        self.ingest(store, self.records_file(tmp_path, 12))
        records = [rid for (rid,) in self.peek(store, "SELECT id FROM records ORDER BY seq")]
        n = len(records)
        assert verify(store.ledger).intact
        if statements == "rehash":
            self._rehash(store, 3)
        else:
            for statement in statements:
                self.tamper(store, statement.replace("{n}", str(n)))
        report = verify(store.ledger)
        assert not report.intact, case
        assert report.broken.kind == kind, report.broken.message
        expected_seq = n + 1 if seq == "{n+1}" else seq
        assert report.broken.seq == expected_seq, report.broken.message

    def _two_files(self, store, tmp_path) -> None:
        self.ingest(store, self.records_file(tmp_path, 8, name="a.jsonl"))
        self.ingest(store, self.records_file(tmp_path, 4, name="b.jsonl", prefix="B"))

    @pytest.mark.parametrize(("case", "statements"), BATCH_CASES,
                             ids=[c[0] for c in BATCH_CASES])
    def test_verify_checks_every_column_of_the_batches(self, store, tmp_path, case,
                                                       statements):
        from respons.store.verify import verify

        if case == "text in a count" and store.dialect.name != "sqlite":
            pytest.skip("only SQLite lets an integer column hold text")
        self._two_files(store, tmp_path)
        head = store.ledger.head().hash
        assert verify(store.ledger, expect_head=head).intact
        for statement in statements:
            self.tamper(store, statement)
        for expected in (None, head):
            report = verify(store.ledger, expect_head=expected)
            assert not report.intact, (case, expected)
            assert report.broken.kind == "batches", report.broken.message

    def _forge(self, store, batch_number: int, **changes) -> None:
        """Rewrite batch rows from ``batch_number`` on with their hashes recomputed, as
        someone who knows the batch chain could."""
        import attrs

        from respons.store.batches import BATCH_GENESIS, batch_hash

        previous = BATCH_GENESIS
        for b in store.ledger.batches():
            if b.batch >= batch_number:
                b = attrs.evolve(b, **(changes if b.batch == batch_number else {}))
                b = attrs.evolve(b, batch_hash=batch_hash(b, previous))
                self.tamper(store, "DELETE FROM batches WHERE batch = ?", (b.batch,))
                self.tamper(store, "INSERT INTO batches (batch, file, file_sha256, regime, "
                            "regime_sha256, lines, stored, duplicates, rejected, first_seq, "
                            "last_seq, head_hash, ingested_at, batch_hash) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (b.batch, b.file, b.file_sha256, b.regime, b.regime_sha256, b.lines,
                             b.stored, b.duplicates, b.rejected, b.first_seq, b.last_seq,
                             b.head_hash, b.ingested_at, b.batch_hash))
            previous = b.batch_hash

    @pytest.mark.parametrize(("case", "number", "changes"), FORGED_BATCHES,
                             ids=[c[0] for c in FORGED_BATCHES])
    def test_verify_checks_the_batches_against_each_other(self, store, tmp_path, case, number,
                                                          changes):
        from respons.store.verify import verify

        self._two_files(store, tmp_path)
        self._forge(store, number, **changes)
        report = verify(store.ledger)
        assert not report.intact and report.broken.kind == "batches", case
        assert "batch hash" not in report.broken.message, report.broken.message

    def test_a_batch_forged_beyond_the_head_is_found(self, store, tmp_path):
        from respons.store.verify import verify

        self._two_files(store, tmp_path)
        last = store.ledger.batches()[-1]
        self.tamper(store, "INSERT INTO batches (batch, file, file_sha256, regime, "
                    "regime_sha256, lines, stored, duplicates, rejected, first_seq, last_seq, "
                    "head_hash, ingested_at, batch_hash) SELECT 3, file, file_sha256, regime, "
                    "regime_sha256, 1, 1, 0, 0, 13, 13, head_hash, ingested_at, '' FROM batches "
                    "WHERE batch = 2")
        self._forge(store, 3)
        report = verify(store.ledger)
        assert report.broken.kind == "batches" and "beyond" in report.broken.message
        assert store.ledger.batches()[1] == last

    def test_a_batch_anchor_finds_batches_rewritten_with_their_hashes(self, store, tmp_path):
        from respons.store.verify import verify

        self._two_files(store, tmp_path)
        anchor = store.ledger.batches()[-1].batch_hash
        assert verify(store.ledger, expect_head=anchor).intact
        self._forge(store, 1, file="forged.jsonl")
        # A chain rewritten consistently is what no chain finds; the records are unchanged.
        assert verify(store.ledger).intact
        assert verify(store.ledger, expect_head=store.ledger.head().hash).intact
        assert verify(store.ledger, expect_head=anchor).broken.kind == "anchor"

    def test_verify_checks_an_anchor(self, store, tmp_path):
        from respons.store.verify import verify

        self.ingest(store, self.records_file(tmp_path, 10))
        anchor = store.ledger.head().hash
        self.ingest(store, self.records_file(tmp_path, 5, name="more", prefix="M"))
        assert verify(store.ledger, expect_head=anchor).intact
        assert verify(store.ledger, expect_head="0" * 64).broken.kind == "anchor"

    def test_records_committed_while_verifying_are_not_tampering(self, store, tmp_path):
        from respons.store.verify import verify

        self.ingest(store, self.records_file(tmp_path, 10))
        later = self.records_file(tmp_path, 5, name="later", prefix="L")
        scan = store.ledger.scan

        def scan_after_a_commit():  # another ingest commits after verify read the head
            self.ingest(store, later)
            return scan()

        store.ledger.scan = scan_after_a_commit
        report = verify(store.ledger)
        assert report.intact and report.records == 10, report.broken
        del store.ledger.scan
        assert verify(store.ledger).records == 15

    def test_append_refused_when_records_were_removed(self, store, tmp_path):
        from respons.store import StoreError

        self.ingest(store, self.records_file(tmp_path, 10))
        self.tamper(store, "DELETE FROM records WHERE seq = 10")
        with pytest.raises(StoreError, match="records end at seq 9"):
            self.ingest(store, self.records_file(tmp_path, 3, name="more", prefix="M"))

    def test_killed_ingest_leaves_only_whole_files(self, store, store_url, tmp_path):
        from respons.store.verify import verify
        from respons.testing.regime import regime_path

        small = self.records_file(tmp_path, 500, name="small.jsonl", prefix="S")
        big = self.records_file(tmp_path, 80_000, name="big.jsonl", prefix="B")
        # Not --quiet: the ingest says on stdout when a file is committed (two short lines,
        # which the pipe holds until the end).
        command = [sys.executable, "-m", "respons", "ingest", str(regime_path()), str(small),
                   str(big), "--store", store_url]
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        self.wait_for_first_file(store, process, str(small))
        time.sleep(0.3)  # well into the large file (about a tenth of it)
        assert process.poll() is None, "the ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert verify(store.ledger).intact
        assert store.ledger.count() == 500
        assert [Path(b.file).name for b in store.ledger.batches()] == ["small.jsonl"]
        rerun = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                               timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert store.ledger.count() == 80_500
        assert self.peek(store, "SELECT COUNT(DISTINCT id) FROM records") == [(80_500,)]
        assert verify(store.ledger).intact

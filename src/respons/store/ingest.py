"""Ingesting one records file into a store: validate, de-duplicate, hash-chain, append.

A file is one transaction. Its lines are read and checked a chunk at a time; each chunk's
ids are looked up in the store (this transaction's earlier chunks included), records
already stored with the same content are skipped, the rest get the next seqs and their
chain hashes and are written. At the end of the file the transaction commits — or rolls
back when a line was bad and no rejects file takes the bad lines. Memory holds one chunk,
however large the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import attrs

from respons.diagnostics.diagnostic import Diagnostic, Sink
from respons.diagnostics.suggest import budget
from respons.model.base import Span
from respons.records.canonical import chain_hash
from respons.records.reader import RecordFile
from respons.records.schema import Checked, Problem, RecordSchema
from respons.store.api import BatchInfo, Ledger
from respons.store.rejects import Rejects

__all__ = ["FileReport", "Rejects", "ingest_file", "unreadable"]

CHUNK = 2000
#: Diagnostics kept per file for the report; the rejects file gets every bad line.
DIAGNOSTIC_LIMIT = 1000


@attrs.define
class FileReport:
    file: str
    sha256: str = ""
    status: str = ""  # stored, partial, unchanged, empty, rejected, unreadable
    records: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    batch: int | None = None
    first_seq: int | None = None
    last_seq: int | None = None
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    more: int = 0


def ingest_file(ledger: Ledger, schema: RecordSchema, path: str | Path, *, name: str,
                regime: tuple[str, str], rejects: Rejects | None = None,
                progress: Callable[[int], None] | None = None) -> FileReport:
    """Ingest one file; ``regime`` is (id, sha256 of its text) for the batch row."""
    # Suggestions ("did you mean …") compare a bad value with every name it could be: a
    # file of a million bad lines must not cost a million times the names (suggest.py).
    with budget():
        return _ingest(ledger, schema, path, name, regime, rejects, progress)


def _ingest(ledger, schema, path, name, regime, rejects, progress) -> FileReport:
    report = FileReport(name)
    source = RecordFile(path, progress)
    objects = 0
    with ledger.append() as appender:
        run = _Run(appender, report, name, rejects)
        for number, text, value, problem in source:
            report.records += 1
            if type(value) is dict:
                objects += 1  # a JSON object, if not a valid one: a records file after all
            if problem is not None:
                run.bad(number, text, [problem])
                continue
            checked = schema.check(value)
            if isinstance(checked, Checked):
                run.pending.append((number, text, checked))
                if len(run.pending) >= CHUNK:
                    run.flush()
            else:
                run.bad(number, text, checked)
        run.flush()
        report.sha256 = source.sha256
        report.diagnostics.sort(key=Diagnostic.sort_key)  # conflicts are found a chunk late
        if report.rejected and not objects:
            report.status = "unreadable"
            report.diagnostics[:0] = [unreadable(name, "no line holds a JSON object, so it is "
                                                 "not a JSON Lines records file")]
            del report.diagnostics[2:]
            report.more = 0
        elif report.rejected and (rejects is None or not report.stored):
            report.status = "rejected"
        elif report.stored:
            report.status = "partial" if report.rejected else "stored"
        else:
            report.status = "unchanged" if report.duplicates else "empty"
        if report.status not in ("stored", "partial"):
            report.stored = 0
            return report
        if rejects is not None:
            rejects.flush()  # bad lines that cannot be written: the good ones wait too
        report.first_seq, report.last_seq = appender.head.seq + 1, run.seq
        report.batch = appender.commit(BatchInfo(
            file=name, file_sha256=source.sha256, regime=regime[0], regime_sha256=regime[1],
            lines=source.lines, stored=report.stored, duplicates=report.duplicates,
            rejected=report.rejected, first_seq=report.first_seq, last_seq=report.last_seq,
            head_hash=run.chain))
    return report


class _Run:
    """The state of one file's ingest: the chunk waiting, the chain's end, the counts."""

    def __init__(self, appender, report: FileReport, name: str, rejects: Rejects | None):
        self.appender = appender
        self.report = report
        self.name = name
        self.rejects = rejects
        self.pending: list[tuple[int, str, Checked]] = []
        self.seq = appender.head.seq
        self.chain = appender.head.hash

    def bad(self, number: int, text: str, problems: list[Problem]) -> None:
        report = self.report
        report.rejected += 1
        problems = sorted(problems, key=lambda p: _span(self.name, number, text, p).column)
        diagnostics = [Diagnostic(p.code, "error", p.message, _span(self.name, number, text, p),
                                  p.help) for p in problems]
        room = DIAGNOSTIC_LIMIT - len(report.diagnostics)
        report.diagnostics += diagnostics[:max(room, 0)]
        report.more += max(len(diagnostics) - max(room, 0), 0)
        if self.rejects is not None:
            self.rejects.write(self.name, number, text, problems, diagnostics)

    def flush(self) -> None:
        if not self.pending:
            return
        appender = self.appender
        stored = appender.lookup([c.id for _, _, c in self.pending])
        targets = [c.corrects for _, _, c in self.pending if c.corrects]
        target_seen = appender.lookup(targets) if targets else {}
        corrected = appender.corrected(targets) if targets else {}
        here: dict[str, tuple[int, str]] = {}
        rows = []
        for number, text, c in self.pending:
            prior = stored.get(c.id) or here.get(c.id)
            if prior is not None:
                if prior[1] == c.content_hash:
                    self.report.duplicates += 1
                else:
                    self.bad(number, text, [_conflict(c, prior[0], appender.head.seq)])
                continue
            if c.corrects:
                problem = _correction_problem(c, target_seen, here, corrected)
                if problem is not None:
                    self.bad(number, text, [problem])
                    continue
                corrected[c.corrects] = c.id
            self.seq += 1
            self.chain = chain_hash(self.chain, c.content_hash, self.seq)
            # Checked holds the row's columns between seq and the chain hash, in order.
            rows.append((self.seq, *c, self.chain, appender.batch))
            here[c.id] = (self.seq, c.content_hash)
        appender.write(rows)
        self.report.stored += len(rows)
        self.pending = []


def _conflict(c: Checked, seq: int, head: int) -> Problem:
    message = f"id {c.id!r} was given earlier in this file with other content" if seq > head \
        else f"record {c.id!r} is already stored (seq {seq}) with other content"
    return Problem("R1110", message,
                   "id", "stored records never change: to correct one, ingest a new record "
                   f"with its own id and \"corrects\": \"{c.id}\"")


def _correction_problem(c: Checked, stored: dict, here: dict, corrected: dict):
    if c.corrects == c.id:
        return Problem("R1111", f"record {c.id!r} corrects itself", "corrects",
                       "a correction has its own id and names the record it corrects")
    if c.corrects not in stored and c.corrects not in here:
        return Problem("R1111", f"'corrects' names {c.corrects!r}, which is not stored",
                       "corrects", "ingest the record to be corrected first, or fix the id")
    if c.corrects in corrected:
        return Problem("R1111", f"{c.corrects!r} was already corrected by "
                       f"{corrected[c.corrects]!r}", "corrects",
                       f"correct the correction instead: \"corrects\": "
                       f"\"{corrected[c.corrects]}\"")
    return None


def _span(file: str, number: int, text: str, problem: Problem) -> Span:
    if problem.column:
        return Span(file, number, problem.column, number, problem.column + 1)
    if problem.field:
        for token in (json.dumps(problem.field, ensure_ascii=False), json.dumps(problem.field)):
            at = text.find(token + ":") if token + ":" in text else text.find(token)
            if at >= 0:
                return Span(file, number, at + 1, number, at + 1 + len(token))
    return Span(file, number, 1, number, max(len(text), 1) + 1)


def unreadable(name: str, error: OSError | str) -> Diagnostic:
    reason = error if isinstance(error, str) else (error.strerror or str(error))
    sink = Sink()
    sink.add("R1101", f"cannot read {name}: {reason}", Span(name, 1, 1, 1, 1))
    return sink.items[0]

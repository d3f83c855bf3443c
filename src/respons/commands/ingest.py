"""`respons ingest REGIME FILE... [--store URL] [--rejects PATH] [--quiet] [--format text|json]`.

Checks the regime (an invalid one is refused before any record is read), then ingests each
file as one transaction (``respons.store.ingest``). Exit 0: every file stored or already
there; 1: a file rejected, a line rejected into the rejects file, or a conflict; 2: usage or
unreadable input — the regime or a file cannot be read, the store cannot be used.
Documented in docs/cli.md and docs/records.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, App, pass_app
from respons.check.runner import check_paths
from respons.commands.check import source_lines
from respons.commands.rejects import refuse_rejects, shown
from respons.commands.store import STORE_HELP, fail, open_or_exit, prepare, store_errors
from respons.diagnostics.diagnostic import ERROR
from respons.diagnostics.render import render_json as render_diagnostics_json
from respons.diagnostics.render import render_text
from respons.records import compile_versions
from respons.records.reader import lines, open_regular, too_long
from respons.records.schema import ReservedField
from respons.report.words import Words
from respons.store.ingest import FileReport, ingest_file, unreadable
from respons.store.rejects import Rejects, RejectsError
from respons.terminal import clean

#: Files at least this large show a progress bar (on a terminal, without --quiet).
PROGRESS_BYTES = 1 << 20


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.argument("files", nargs=-1, required=True)
@click.option("--store", "store_url", metavar="URL", help=STORE_HELP)
@click.option("--rejects", type=click.Path(dir_okay=False),
              help="Store the good lines of each file and write the bad ones, with their "
                   "reasons, to this JSON Lines file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to report (json: one document on stdout).")
@pass_app
def ingest(app: App, regime: str, files: tuple[str, ...], store_url: str | None,
           rejects: str | None, quiet: bool, output: str) -> None:
    """Validate records (JSON Lines) against REGIME and append them to the store."""
    checked = check_paths([regime], app.registry, app.settings.regimes_path)
    errors = [d for d in checked.diagnostics if d.severity == ERROR]
    if errors or len(checked.resolved) != 1:
        if errors:
            # Every diagnostic of the regime, warnings too, as `respons check` gives them.
            _diagnostics(output, checked.diagnostics, source_lines(checked), valid=False)
            raise SystemExit(EXIT_USAGE if checked.unreadable else EXIT_FINDINGS)
        fail(clean(f"{shown(regime)}: give one regime file"))
    resolved = checked.resolved[0]
    refuse_unreadable(files, output)
    # Before the store is opened: a rejects PATH that would destroy an input changes nothing.
    protected = refuse_rejects(app, rejects, regime, checked.sources, files, store_url)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        prepare(target)
        code, document = ingest_files(target, resolved, files, rejects, quiet, output,
                                      protected)
    if output == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    raise SystemExit(code)


def refuse_unreadable(files, output: str) -> None:
    """Stop (exit 2) before anything is stored when a file cannot be read at all."""
    missing = [unreadable(shown(f), _unreadable_reason(f)) for f in files
               if _unreadable_reason(f)]
    if missing:
        _diagnostics(output, missing, lambda _: None, valid=False)
        raise SystemExit(EXIT_USAGE)


def ingest_files(target, resolved, files, rejects, quiet: bool, output: str,
                 protected=(), words=None) -> tuple[int, dict]:
    """Ingest ``files`` into an open store for a resolved regime; print the text summary
    (unless JSON or quiet) and return the exit code and the JSON document. `respons run`
    uses this too, with the ``words`` of its report (English by default).

    The rejects file is put in place when every file is done, and not at all when the
    ingest stops: ``protected`` are the files it may not replace (`refuse_rejects`)."""
    regime_info = (resolved.regime.id,
                   hashlib.sha256(resolved.parsed.text.encode("utf-8")).hexdigest())
    try:
        schema = compile_versions(resolved)
    except ReservedField as error:
        fail(clean(str(error)), EXIT_FINDINGS)
    words = words or Words("en")
    reports: list[FileReport] = []
    sink = _open_rejects(rejects, protected)
    try:
        for file in files:
            reports.append(_one(target, schema, file, regime_info, sink, quiet, output, words))
        if sink is not None:
            sink.close()
    except RejectsError as error:
        sink.discard()
        fail(clean(str(error)))
    except BaseException:
        if sink is not None:
            sink.discard()
        raise
    head = target.ledger.head()
    code = _exit_code(reports)
    if output != "json" and not quiet:
        click.echo(clean(words("ingest.total", count=len(reports), url=target.url,
                               stored=sum(r.stored for r in reports),
                               duplicates=sum(r.duplicates for r in reports),
                               rejected=sum(r.rejected for r in reports), seq=head.seq,
                               hash=head.hash)))
    return code, _document(target.url, resolved.regime.id, reports, head, code,
                           shown(rejects) if rejects is not None else None)


def _one(target, schema, file: str, regime_info, sink, quiet: bool, output: str,
         words: Words) -> FileReport:
    size = os.path.getsize(file)
    name = shown(file)
    show_bar = not quiet and size >= PROGRESS_BYTES and sys.stderr.isatty()
    try:
        if not show_bar:
            report = ingest_file(target.ledger, schema, file, name=name, regime=regime_info,
                                 rejects=sink)
        else:
            with click.progressbar(length=size, label=clean(name), file=sys.stderr,
                                   show_percent=True, show_pos=False) as bar:
                state = {"done": 0}

                def progress(done: int) -> None:
                    bar.update(done - state["done"])
                    state["done"] = done

                report = ingest_file(target.ledger, schema, file, name=name, regime=regime_info,
                                     rejects=sink, progress=progress)
    except OSError as error:  # replaced by a FIFO since it was checked, or failing to read
        _diagnostics(output, [unreadable(name, error)], lambda _: None, valid=False)
        raise SystemExit(EXIT_USAGE) from None
    if output == "text":
        if report.diagnostics:
            texts = {d.span.line: d for d in report.diagnostics}
            click.echo(render_text(report.diagnostics, _lines_of(file, set(texts), name),
                                   summary=False), err=True, nl=False)
            if report.more:
                click.echo(clean(f"… and {report.more} more errors in {name} (--rejects PATH "
                                 "writes every bad line with its reasons)"), err=True)
        if not quiet:
            click.echo(clean(_summary(report, sink, words)))
    return report


def _summary(r: FileReport, sink, words: Words) -> str:
    rejects = shown(str(sink.path)) if sink is not None else ""
    if r.status == "stored":
        return (words("ingest.stored", file=r.file, count=r.stored, first=r.first_seq,
                      last=r.last_seq, batch=r.batch)
                + (words("ingest.stored.duplicates", count=r.duplicates) if r.duplicates
                   else ""))
    if r.status == "partial":
        return words("ingest.partial", file=r.file, count=r.stored, first=r.first_seq,
                     last=r.last_seq, batch=r.batch, rejected=r.rejected, rejects=rejects)
    if r.status == "unchanged":
        return words("ingest.unchanged", file=r.file, count=r.duplicates)
    if r.status == "empty":
        return words("ingest.empty", file=r.file)
    if r.status == "unreadable":
        return words("ingest.unreadable", file=r.file)
    where = words("ingest.rejected.where", rejects=rejects) if sink is not None else ""
    return words("ingest.rejected", file=r.file, count=r.rejected, where=where)


def _exit_code(reports: list[FileReport]) -> int:
    if any(r.status == "unreadable" for r in reports):
        return EXIT_USAGE
    if any(r.status in ("rejected", "partial") for r in reports):
        return EXIT_FINDINGS
    return EXIT_OK


def _document(url, regime_id, reports, head, code, rejects) -> dict:
    files = []
    for r in reports:
        diagnostics = json.loads(render_diagnostics_json(r.diagnostics, not r.diagnostics))
        files.append({"file": r.file, "sha256": r.sha256, "status": r.status,
                      "records": r.records, "stored": r.stored, "duplicates": r.duplicates,
                      "rejected": r.rejected, "batch": r.batch, "first_seq": r.first_seq,
                      "last_seq": r.last_seq, "diagnostics": diagnostics["diagnostics"],
                      "more_diagnostics": r.more})
    return {"format_version": 1, "store": url, "regime": regime_id, "ok": code == EXIT_OK,
            "exit_code": code, "rejects": rejects, "files": files,
            "head": {"seq": head.seq, "hash": head.hash}}


def _diagnostics(output: str, diagnostics, source, valid: bool) -> None:
    if output == "json":
        click.echo(render_diagnostics_json(diagnostics, valid), nl=False)
    else:
        click.echo(render_text(diagnostics, source, summary=False), err=True, nl=False)


def _unreadable_reason(file: str) -> str | None:
    path = Path(file)
    if not path.exists():
        return "no such file"
    if not path.is_file():
        return "not a regular file (a records file cannot be a FIFO, a device or a folder)"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def _open_rejects(path: str | None, protected):
    if path is None:
        return None
    try:
        return Rejects(path, protected)
    except RejectsError as error:
        fail(clean(str(error)))


class _SparseLines:
    """Just the lines a report's carets need, not the whole (possibly huge) file."""

    def __init__(self, lines: dict[int, str], last: int) -> None:
        self.lines, self.last = lines, last

    def __len__(self) -> int:
        return self.last

    def __getitem__(self, index: int) -> str:
        return self.lines.get(index + 1, "")


def _lines_of(file: str, wanted: set[int], name: str):
    found: dict[int, str] = {}
    last = max(wanted, default=0)
    try:
        with open_regular(file) as stream:
            for number, (data, size) in enumerate(lines(stream), 1):
                if number in wanted:
                    # A line over the limit is shown from its start: its diagnostic is
                    # at column 1, and the caret's window is clipped there anyway.
                    text = data[:4096] if too_long(data, size) else data
                    found[number] = text.decode("utf-8", "replace").lstrip("\ufeff")
                if number >= last:
                    break
    except OSError:
        return lambda _: None
    sparse = _SparseLines(found, last)
    return lambda given: sparse if given == name else None

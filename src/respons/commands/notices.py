"""`respons notices REGIME --out DIR [--store URL] [--format md,html,docx,pdf] [--year Y |
--as-of DATE] [--report text|json] [--lang zh|en] [--no-verify]`.

Evaluates the regime as `respons evaluate` does (the chain verified first; no notice from a
store that does not verify) — with --year, scores the assessments of that year as `respons
assess` does, as of its last day —, finds every notice the results call for
(``respons.engine.notices``), numbers each in the store's register — a notice issued on
the same outcome before keeps its number, so running twice issues no new number — and
writes one file per notice and format into DIR, named by its document number
(吉司整〔2025〕3号.pdf). The files are written whole (a temporary file renamed into place),
so running twice writes the same bytes. Without --format each notice is written in the
formats its 格式 names (md where it names none). Exit 0: every notice called for was
written; 1: the regime has errors, the chain does not verify, or a notice could not be
issued or rendered (each named); 2: usage, unreadable input, a format that is not
installed, or a DIR that cannot be written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, App, pass_app
from respons.commands.check import resolve_or_exit
from respons.commands.evaluate import AS_OF, LANG, NO_VERIFY


def parse_formats(text: str | None, option: str = "--format") -> tuple[str, ...] | None:
    """The format names of a comma-separated option, each once; None where not given."""
    if text is None:
        return None
    names = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not names:
        raise click.BadParameter("name at least one format, e.g. md,html", param_hint=option)
    return names


def out_dir(path: str, option: str = "--out") -> Path:
    """DIR made if missing; a usage error (exit 2) naming ``option`` where it is a file or
    cannot be made."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise click.BadParameter(f"{path} is a file, not a folder", param_hint=option)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.BadParameter(f"{path} cannot be made: {error.strerror or error}",
                                 param_hint=option) from None
    return target


def refuse_unknown_formats(app: App, formats: tuple[str, ...] | None,
                           option: str = "--format") -> None:
    """Exit 2, naming ``option``, where a format asked for is not installed — before the
    store is opened, so that nothing is evaluated, numbered or kept for a typo."""
    if formats is None:
        return
    installed = app.registry.notice_formats()
    unknown = [name for name in formats if name not in installed]
    if unknown:
        click.echo(f"error: {option}: no notice format {', '.join(unknown)} is "
                   f"installed (installed: {', '.join(sorted(installed))}; "
                   "`respons plugins` lists them)", err=True)
        raise SystemExit(EXIT_USAGE)


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file renamed into place; False (and
    nothing written) when the file already holds exactly these bytes."""
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        # mkstemp makes the file 0600; a notice is a document to hand on, so it gets the
        # mode open() would give it (0666 less the umask), or the mode of the file replaced.
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_notices(app: App, store, resolved, titles, run, as_of: str, directory: Path,
                  formats: tuple[str, ...] | None, year: int | None = None):
    """Issue the notices the results of ``run`` (as of ``as_of``; with ``year``, its
    assessments of that year too) call for and write them into ``directory``: (called,
    files by notice and outcome, rendering problems)."""
    from respons.engine.notices import Looking, issue_notices
    from respons.syntax.citation import format_citation

    installed = app.registry.notice_formats()
    refuse_unknown_formats(app, formats)

    def cite(citation):
        return format_citation(citation, titles.get(citation.regime))

    from respons.engine.numbers import BrokenRegister

    try:
        called = issue_notices(Looking(store.compute, resolved.regime, run.id, run.head.seq,
                                       as_of, cite, year=year))
    except BrokenRegister as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_FINDINGS) from None
    files: dict[tuple[str, str], list[str]] = {}
    failed: list[str] = []
    for issued in called.issued:
        wanted = formats or issued.issued.notice.formats or ("md",)
        for name in wanted:
            plugin = installed.get(name)
            if plugin is None:
                failed.append(f"{issued.stem}: the notice's format {name} is not installed")
                continue
            try:
                data = plugin.render(issued.issued)
            except ValueError as error:
                failed.append(f"{issued.stem}.{name}: {error}")
                continue
            path = directory / f"{issued.stem}{plugin.extension}"
            try:
                write_whole(path, data)
            except OSError as error:
                click.echo(f"error: {path}: cannot be written: {error.strerror or error}",
                           err=True)
                raise SystemExit(EXIT_USAGE) from None
            files.setdefault(issued.ident, []).append(path.name)
    return called, files, failed


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.option("--out", "out", required=True, type=click.Path(),
              help="The folder the notices are written into (made if missing).")
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@click.option("--format", "formats", metavar="NAMES",
              help="Comma-separated notice formats, e.g. md,html,docx,pdf (default: each "
                   "notice's own 格式, else md).")
@click.option("--report", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="The report on stdout.")
@click.option("--year", type=click.IntRange(1900, 9998), default=None,
              help="Score the assessments of this year (as respons assess does) and issue "
                   "the notices their grades and consequences call for, as of its last day.")
@AS_OF
@LANG
@NO_VERIFY
@pass_app
def notices(app: App, regime: str, out: str, store_url: str | None, formats: str | None,
            output: str, year: int | None, as_of: str | None, language: str | None,
            no_verify: bool) -> None:
    """Write the notices (文书) REGIME's results call for into --out."""
    from respons.commands.evaluate import evaluate_run
    from respons.commands.store import fail, open_or_exit, store_errors
    from respons.report.words import words_for

    wanted = parse_formats(formats)
    if year is not None and as_of is not None:
        raise click.UsageError("--year judges as of the year's last day: give --year or "
                               "--as-of, not both")
    resolved, titles = resolve_or_exit(app, regime, output)
    words = words_for(language, resolved.regime)
    refuse_unknown_formats(app, wanted)
    directory = out_dir(out)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        if target.ledger.schema_version() is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): ingest records first (respons ingest or respons run)")
        if year is not None:
            from respons.commands.assess import assess_year

            code, run, verified = assess_year(app, target, resolved, titles, year,
                                              not no_verify, output, words)
        else:
            code, found, verified = evaluate_run(app, target, resolved, as_of, 0,
                                                 not no_verify, output, words)
            run = found.evaluation.run if found is not None else None
        if run is None:
            raise SystemExit(code)
        called, files, failed = write_notices(app, target, resolved, titles, run, run.as_of,
                                              directory, wanted, year)
    print_notices(called, files, failed, run, resolved, verified, output, words)
    raise SystemExit(max(code, EXIT_FINDINGS if (failed or called.problems) else EXIT_OK))


def print_notices(called, files, failed, run, resolved, verified, output, words):
    """The report of what was issued and written, on stdout; rendering failures on stderr."""
    from respons.report import notices as report

    if output == "json":
        click.echo(report.render_json(called, files, resolved.regime.id, run.as_of, {
            "id": run.id, "head": {"seq": run.head.seq, "hash": run.head.hash},
            "verified": verified}), nl=False)
    else:
        chain = words("chain.verified") if verified else words("chain.unverified")
        run_line = words("run", run=run.id, seq=run.head.seq, hash=run.head.hash[:16],
                         chain=chain)
        click.echo(report.render_text(called, files, resolved.regime.title or resolved.regime.id,
                                      resolved.regime.id, run.as_of, run_line, words),
                   nl=False)
    for line in failed:
        click.echo(f"error: {line}", err=True)

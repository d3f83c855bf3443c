"""`respons run REGIME RECORDS... [--store URL] [--as-of DATE] [--format text|json] [--all]
[--lang zh|en]`: the main job in one step — check the regime, ingest the records, evaluate
the duties, and apply its liability proceedings (追究) to every fault case.

Ingesting is idempotent (records already stored are recognised), so running the same year
twice gives the same report. A file rejected (a bad line and no --rejects, or an id that
conflicts) or unreadable stops the job before evaluating: a report would leave out what
the file holds and read as if it were complete. A file whose bad lines went to --rejects
is evaluated with its good ones, as asked. Later stages (assessment, liability, notices)
join here. Exit code: the ingest's when it stopped the job, else the larger of the
ingest's and the evaluation's (docs/cli.md).
"""

from __future__ import annotations

import json

import click

from respons.app import App, pass_app
from respons.commands.check import check_or_exit
from respons.commands.evaluate import (
    ALL,
    AS_OF,
    FORMAT,
    LANG,
    NO_VERIFY,
    SOON,
    evaluate_run,
    json_report,
    print_report,
)
from respons.commands.ingest import ingest_files, refuse_unreadable
from respons.commands.rejects import refuse_rejects
from respons.commands.store import open_or_exit, prepare, store_errors
from respons.engine.liability_sql import Selection
from respons.terminal import clean, one_line


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.argument("records", nargs=-1, required=True)
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@click.option("--rejects", type=click.Path(dir_okay=False),
              help="Store the good lines and write the bad ones, with their reasons, here.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no ingest summary.")
@AS_OF
@FORMAT
@ALL
@SOON
@LANG
@NO_VERIFY
@pass_app
def run(app: App, regime: str, records: tuple[str, ...], store_url: str | None,
        rejects: str | None, quiet: bool, as_of: str | None, output: str, everything: bool,
        soon: int, language: str | None, no_verify: bool) -> None:
    """Ingest RECORDS into the store and evaluate REGIME over them."""
    from respons.report.words import words_for

    checked = check_or_exit(app, regime, output)
    resolved, titles = checked.resolved[0], checked.titles
    words = words_for(language, resolved.regime)
    refuse_unreadable(records, output)
    # As ingest: a rejects PATH that is a file this command reads is refused before the
    # store is opened.
    protected = refuse_rejects(app, rejects, regime, checked.sources, records, store_url)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        prepare(target)
        ingest_code, ingest_document = ingest_files(target, resolved, records, rejects, quiet,
                                                    output, protected, words)
        stopped = [f["file"] for f in ingest_document["files"]
                   if f["status"] in ("rejected", "unreadable")]
        if stopped:
            _not_evaluated(stopped, ingest_document, output, words, rejects is None)
            raise SystemExit(ingest_code)
        if output == "json":
            # One JSON document on stdout: the ingest and the evaluation side by side. A
            # chain that does not verify is its own document, as `respons verify` writes it.
            ingest_text = json.dumps(ingest_document, ensure_ascii=False, indent=2)
            code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                                 not no_verify, output, words)
            if found is None:
                raise SystemExit(max(ingest_code, code))
            click.echo('{\n  "format_version": 2,\n  "ingest": '
                       + ingest_text.replace("\n", "\n  ") + ',\n  "evaluation": ', nl=False)
            for chunk in json_report(target, found, titles, verified, everything, "  "):
                click.echo(chunk, nl=False)
            liability = _liability(target, resolved.regime, found, verified, titles)
            if liability is not None:
                from respons.report.liability import document

                text = json.dumps(document(resolved.regime, *liability, verified, Selection(),
                                           titles), ensure_ascii=False, indent=2)
                click.echo(',\n  "liability": ' + text.replace("\n", "\n  "), nl=False)
            click.echo("\n}")
        else:
            if not quiet:
                click.echo()
            code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                                 not no_verify, output, words)
            if found is not None:
                print_report(target, found, titles, verified, output, everything, words)
                liability = _liability(target, resolved.regime, found, verified, titles)
                if liability is not None:
                    from respons.report.liability import render_text

                    click.echo()
                    click.echo(render_text(resolved.regime, *liability, verified,
                                           words("li.which.all"), titles, words), nl=False)
    raise SystemExit(max(ingest_code, code))


def _liability(target, regime, found, verified: bool, titles):
    """The liability stage, where the regime has proceedings (追究): every case up to the
    run's head — (results, run) — or None."""
    if not regime.proceedings:
        return None
    from respons.engine.liability import evaluate_liability

    run = found.evaluation.run
    return evaluate_liability(target.compute, regime, run.head, Selection()), run


def _not_evaluated(files: list[str], ingest_document: dict, output: str, words,
                   no_rejects: bool) -> None:
    """Say that nothing was evaluated, and why: in JSON the ingest's document with
    ``"evaluation": null``; in text one line on stderr naming the files."""
    if output == "json":
        ingest_text = json.dumps(ingest_document, ensure_ascii=False, indent=2)
        click.echo('{\n  "format_version": 2,\n  "ingest": '
                   + ingest_text.replace("\n", "\n  ") + ',\n  "evaluation": null\n}')
        return
    hint = words("not_evaluated.hint") if no_rejects else ""
    click.echo(clean(words("not_evaluated", files=", ".join(one_line(f) for f in files),
                           hint=hint)), err=True)


"""`respons run REGIME RECORDS... [--store URL] [--as-of DATE] [--format text|json] [--all]
[--lang zh|en] [--year Y] [--notices DIR [--notice-format md,html,docx,pdf]]`: the main job
in one step — check the regime, ingest the records, evaluate the duties, apply its
liability proceedings (追究) to every fault case, with --year score the assessments of that
year, and with --notices write the notices (文书) the results call for (as `respons
notices` does).

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
@click.option("--year", type=click.IntRange(1900, 9998), default=None,
              help="Then score the regime's assessments for this year (respons assess).")
@click.option("--notices", "notices_out", type=click.Path(), metavar="DIR",
              help="Also write the notices the results call for into DIR (respons notices).")
@click.option("--notice-format", "notice_formats", metavar="NAMES",
              help="With --notices: comma-separated notice formats (default: each notice's "
                   "own 格式, else md).")
@pass_app
def run(app: App, regime: str, records: tuple[str, ...], store_url: str | None,
        rejects: str | None, quiet: bool, as_of: str | None, output: str, everything: bool,
        soon: int, language: str | None, no_verify: bool, year: int | None,
        notices_out: str | None, notice_formats: str | None) -> None:
    """Ingest RECORDS into the store and evaluate REGIME over them (and, with --year,
    score its assessments for that year; with --notices, write the notices called for)."""
    from respons.commands.notices import out_dir, parse_formats, refuse_unknown_formats
    from respons.report.words import words_for

    wanted_formats = parse_formats(notice_formats, "--notice-format")
    checked = check_or_exit(app, regime, output)
    # A --notices DIR that cannot be written, or a --notice-format not installed, is refused
    # before anything is stored.
    refuse_unknown_formats(app, wanted_formats, "--notice-format")
    directory = out_dir(notices_out, "--notices") if notices_out is not None else None
    resolved, titles = checked.resolved[0], checked.titles
    words = words_for(language, resolved.regime)
    refuse_unreadable(records, output)
    # As ingest: a rejects PATH that is a file this command reads is refused before the
    # store is opened.
    protected = refuse_rejects(app, rejects, regime, checked.sources, records, store_url)
    target = open_or_exit(app, store_url)
    # The evaluation and the assessment stage (--year: as of Y-12-31, often the same run)
    # each evaluate; a warning they share is printed once.
    warned: set[str] = set()
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
                                                 not no_verify, output, words, warned)
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
            assessed = None
            if year is not None:
                stage, assessed = _assessed(app, target, resolved, titles, year, no_verify,
                                            output, everything, words, ',\n  "assessment": ',
                                            warned)
                code = max(code, stage)
            if directory is not None:
                code = max(code, _notices_stage(app, target, resolved, titles,
                                                assessed or found.evaluation.run, year,
                                                directory, wanted_formats, verified, output,
                                                words))
            click.echo("\n}")
        else:
            if not quiet:
                click.echo()
            code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                                 not no_verify, output, words, warned)
            if found is not None:
                print_report(target, found, titles, verified, output, everything, words)
                liability = _liability(target, resolved.regime, found, verified, titles)
                if liability is not None:
                    from respons.report.liability import render_text

                    click.echo()
                    click.echo(render_text(resolved.regime, *liability, verified,
                                           words("li.which.all"), titles, words), nl=False)
                assessed = None
                if year is not None:
                    click.echo()
                    stage, assessed = _assessed(app, target, resolved, titles, year,
                                                no_verify, output, everything, words, "",
                                                warned)
                    code = max(code, stage)
                if directory is not None:
                    click.echo()
                    code = max(code, _notices_stage(app, target, resolved, titles,
                                                    assessed or found.evaluation.run, year,
                                                    directory, wanted_formats, verified,
                                                    output, words))
    raise SystemExit(max(ingest_code, code))


def _notices_stage(app, target, resolved, titles, run, year, directory, formats, verified,
                   output, words) -> int:
    """The notices stage: write the notices the results of ``run`` call for (the
    assessment's run, with --year: its grades and consequences too) and report — in JSON
    as the document's ``notices`` member (`respons notices`'s document); its exit code."""
    from respons.app import EXIT_FINDINGS, EXIT_OK
    from respons.commands.notices import print_notices, write_notices
    from respons.report.notices import render_json

    called, files, failed = write_notices(app, target, resolved, titles, run, run.as_of,
                                          directory, formats, year)
    if output == "json":
        text = render_json(called, files, resolved.regime.id, run.as_of, {
            "id": run.id, "head": {"seq": run.head.seq, "hash": run.head.hash},
            "verified": verified}).rstrip("\n")
        click.echo(',\n  "notices": ' + text.replace("\n", "\n  "), nl=False)
        for line in failed:
            click.echo(f"error: {line}", err=True)
    else:
        print_notices(called, files, failed, run, resolved, verified, output, words)
    return EXIT_FINDINGS if (failed or called.problems) else EXIT_OK


def _assessed(app: App, target, resolved, titles, year: int, no_verify: bool, output: str,
              everything: bool, words, lead: str, warned: set[str]):
    """The assessment stage (`respons assess`) after the evaluation: its report after
    ``lead``; (the exit code, the run it scored under or None)."""
    from respons.commands.assess import assess_year, print_assessment

    code, assessed, verified = assess_year(app, target, resolved, titles, year,
                                           not no_verify, output, words, warned)
    if assessed is not None:
        click.echo(lead, nl=False)
        print_assessment(target, resolved, titles, assessed, year, verified, output,
                         everything, words.language)
    return code, assessed


def _liability(target, regime, found, verified: bool, titles):
    """The liability stage, where the regime has proceedings (追究): every case up to the
    run's head and dated on or before its evaluation date — (results, run) — or None."""
    if not regime.proceedings:
        return None
    from respons.engine.liability import evaluate_liability
    from respons.engine.liability_kept import keep
    from respons.report.liability import case_detail

    run = found.evaluation.run
    results = evaluate_liability(target.compute, regime, run.head, Selection(as_of=run.as_of))
    keep(target.compute, run.id, results, case_detail(regime, titles))  # kept under the run
    return results, run


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


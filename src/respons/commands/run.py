"""`respons run REGIME RECORDS... [--store URL] [--as-of DATE] [--format text|json] [--all]`:
the main job in one step — check the regime, ingest the records, evaluate the duties.

Ingesting is idempotent (records already stored are recognised), so running the same year
twice gives the same report. Later stages (assessment, liability, notices) join here.
Exit code: the larger of the ingest's and the evaluation's (docs/cli.md).
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
    NO_VERIFY,
    SOON,
    evaluate_run,
    json_report,
    print_report,
)
from respons.commands.ingest import ingest_files, refuse_unreadable
from respons.commands.rejects import refuse_rejects
from respons.commands.store import open_or_exit, prepare, store_errors


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
@NO_VERIFY
@pass_app
def run(app: App, regime: str, records: tuple[str, ...], store_url: str | None,
        rejects: str | None, quiet: bool, as_of: str | None, output: str, everything: bool,
        soon: int, no_verify: bool) -> None:
    """Ingest RECORDS into the store and evaluate REGIME over them."""
    checked = check_or_exit(app, regime, output)
    resolved, titles = checked.resolved[0], checked.titles
    refuse_unreadable(records, output)
    # As ingest: a rejects PATH that is a file this command reads is refused before the
    # store is opened.
    protected = refuse_rejects(app, rejects, regime, checked.sources, records, store_url)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        prepare(target)
        ingest_code, ingest_document = ingest_files(target, resolved, records, rejects, quiet,
                                                    output, protected)
        if output == "json":
            # One JSON document on stdout: the ingest and the evaluation side by side. A
            # chain that does not verify is its own document, as `respons verify` writes it.
            ingest_text = json.dumps(ingest_document, ensure_ascii=False, indent=2)
            code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                                 not no_verify, output)
            if found is None:
                raise SystemExit(max(ingest_code, code))
            click.echo('{\n  "format_version": 2,\n  "ingest": '
                       + ingest_text.replace("\n", "\n  ") + ',\n  "evaluation": ', nl=False)
            for chunk in json_report(target, found, titles, verified, everything, "  "):
                click.echo(chunk, nl=False)
            click.echo("\n}")
        else:
            if not quiet:
                click.echo()
            code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                                 not no_verify, output)
            if found is not None:
                print_report(target, found, titles, verified, output, everything)
    raise SystemExit(max(ingest_code, code))


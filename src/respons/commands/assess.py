"""`respons assess REGIME --year Y [--store URL] [--format text|json] [--all] [--lang zh|en]
[--no-verify]`.

Verifies the store's hash chain, evaluates the regime's duties as of the year's last day
(one run: their breaches are what deductions of duties count), then scores every
assessment of the regime for the year — counts in the store as SQL, each subject's score
by the assessment's scheme (a plugin), vetoes and the consequences of consecutive years —
keeps the results under the run, and prints them (``respons.report.assessment``): a table
per assessment in the regime's language, or the documented JSON (docs/assess.md). Exit 0:
assessed; 1: the regime has errors, or the chain does not verify; 2: usage, unreadable
input, a store that cannot be used, or a scheme plugin that fails.
"""

from __future__ import annotations

import click

from respons.app import EXIT_OK, App, pass_app
from respons.commands.check import resolve_or_exit
from respons.commands.evaluate import FORMAT, LANG, NO_VERIFY, evaluate_run

YEAR = click.option("--year", type=click.IntRange(1900, 9998), required=True,
                    help="The year assessed (its calendar year, 1 January to 31 December).")
ALL = click.option("--all", "everything", is_flag=True,
                   help="List every subject in the text report (JSON lists them all).")


def assess_year(app: App, store, resolved, titles, year: int, verify_chain: bool, output: str,
                words, warned: set[str] | None = None):
    """Evaluate as of the year's end and score its assessments: (exit code, run or None,
    verified). ``warned``: as `evaluate_run`'s."""
    from respons.engine.assess import assess

    code, found, verified = evaluate_run(app, store, resolved, f"{year}-12-31", 3,
                                         verify_chain, output, words, warned)
    if found is None:
        return code, None, verified
    run = found.evaluation.run
    schemes = app.registry.scoring_schemes()
    assess(store, resolved, run, year, schemes.__getitem__, titles)
    return code, run, verified


def print_assessment(store, resolved, titles, run, year: int, verified: bool, output: str,
                     everything: bool, language: str) -> None:
    from respons.report.assessment import json_chunks, text_lines

    if output == "json":
        for chunk in json_chunks(store.compute, run, resolved.regime, year, titles, verified):
            click.echo(chunk, nl=False)
        click.echo()
        return
    for line in text_lines(store.compute, run, resolved.regime, year, titles, verified,
                           language, everything):
        click.echo(line)


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@YEAR
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@FORMAT
@ALL
@LANG
@NO_VERIFY
@pass_app
def assess(app: App, regime: str, year: int, store_url: str | None, output: str,
           everything: bool, language: str | None, no_verify: bool) -> None:
    """Score REGIME's assessments for a year over the records in the store."""
    from respons.commands.store import fail, open_or_exit, store_errors
    from respons.report.words import words_for

    resolved, titles = resolve_or_exit(app, regime, output)
    words = words_for(language, resolved.regime)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        if target.ledger.schema_version() is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): ingest records first (respons ingest or respons run)")
        code, run, verified = assess_year(app, target, resolved, titles, year, not no_verify,
                                          output, words)
        if run is not None:
            print_assessment(target, resolved, titles, run, year, verified, output,
                             everything, words.language)
    raise SystemExit(code if run is None else EXIT_OK)

"""`respons liability REGIME [--store URL] (--case ID | --year Y) [--format text|json]
[--as-of DATE] [--lang zh|en] [--no-verify]`.

Verifies the store's hash chain, evaluates the regime's duties over the head it verified
(one run, as `respons evaluate` does), then applies the regime's liability proceedings
(追究) to the fault cases up to that head — one case (its matter or record id) or the cases
of a calendar year — and prints, for each, the proposed measures per person and unit with
their reasons (docs/liability.md). Exit 0: reported (a case not pursued is a result); 1: the
regime has errors, or the chain does not verify (no report); 2: usage or unreadable input, a
store that cannot be used, or a case that is not there.
"""

from __future__ import annotations

import json

import click

from respons.app import EXIT_OK, App, pass_app, report_input_error
from respons.commands.check import resolve_or_exit
from respons.commands.evaluate import AS_OF, FORMAT, LANG, NO_VERIFY, evaluate_run


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@click.option("--case", "case", help="One case: its matter (the case record's key) or the "
                                     "id of its case record.")
@click.option("--year", "year", type=click.IntRange(1, 9999),
              help="Every case whose case record is dated in this calendar year.")
@AS_OF
@FORMAT
@LANG
@NO_VERIFY
@pass_app
def liability(app: App, regime: str, store_url: str | None, case: str | None,
              year: int | None, as_of: str | None, output: str, language: str | None,
              no_verify: bool) -> None:
    """Propose the measures REGIME's ladders call for, case by case, and who bears them."""
    from respons.commands.store import fail, open_or_exit, store_errors
    from respons.engine.liability import evaluate_liability
    from respons.engine.liability_sql import Selection
    from respons.report.liability import document, render_text
    from respons.report.words import words_for

    if (case is None) == (year is None):
        report_input_error("give one of --case ID or --year Y",
                           help="--case names one fault case, --year every case of a year")
    resolved, titles = resolve_or_exit(app, regime, output)
    words = words_for(language, resolved.regime)
    if not resolved.regime.proceedings:
        report_input_error(f"{regime} has no liability proceeding: nothing says which records "
                           "are fault cases",
                           help="add `追究 <名称> { 案件 <记录>.<事件>; 阶梯 … }`")
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        if target.ledger.schema_version() is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): ingest records first (respons ingest or respons run)")
        code, found, verified = evaluate_run(app, target, resolved, as_of, 3, not no_verify,
                                             output, words)
        if found is None:
            raise SystemExit(code)
        run = found.evaluation.run
        # The run's date (--as-of, else the latest record's): a record after it is not yet
        # there, as for duties (docs/evaluate.md).
        selection = Selection(case=case, year=year, as_of=run.as_of)
        results = evaluate_liability(target.compute, resolved.regime, run.head, selection)
        if case is not None and not results:
            report_input_error(f"no fault case {case!r} in {target.url} up to seq "
                               f"{run.head.seq} dated on or before {run.as_of}",
                               help="name the case record's key or id (and --as-of a date "
                                    "on or after the case record's)")
        from respons.engine.liability_kept import keep
        from respons.report.liability import case_detail

        keep(target.compute, run.id, results, case_detail(resolved.regime, titles))
        if output == "json":
            click.echo(json.dumps(document(resolved.regime, results, run, verified, selection,
                                           titles), ensure_ascii=False, indent=2))
        else:
            which = words("li.which.case", case=case) if case is not None else \
                words("li.which.year", year=year)
            click.echo(render_text(resolved.regime, results, run, verified, which, titles,
                                   words), nl=False)
    raise SystemExit(EXIT_OK)

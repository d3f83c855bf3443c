"""`respons evaluate REGIME [--store URL] [--as-of DATE] [--format text|json] [--all]`.

Derives every obligation of the regime's duties from the records in the store (inside the
store, as SQL: ``respons.engine``) and prints the report: by agency, open, due soon and
overdue; every breach with its reason and citation. Exit 0: evaluated (breaches are
results, not errors); 1: the regime has errors; 2: usage or unreadable input, or a store
that cannot be used. Obligations whose due date falls in a year the calendar has no data
for are reported as unknown, with a warning naming the year — never guessed.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import click

from respons.app import EXIT_OK, EXIT_USAGE, App, pass_app
from respons.commands.check import resolve_or_exit


class _Date(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # not 20250101 or 2025-W01-1
                raise ValueError(text)
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD", param, ctx)


AS_OF = click.option("--as-of", "as_of", type=_Date(),
                     help="Evaluate as of this date (default: the date of the latest record).")
FORMAT = click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
                      show_default=True)
ALL = click.option("--all", "everything", is_flag=True,
                   help="JSON: list every obligation, not only breaches.")
SOON = click.option("--soon", type=click.IntRange(0, 365), default=3, show_default=True,
                    help="Working days ahead that count as due soon.")


def evaluate_report(app: App, store, resolved, as_of, soon):
    """Run the engine over an open store: (exit code, report or None). Warnings go to
    stderr: obligations without a due date name the years the calendar lacks."""
    from respons.calendar import CalendarDataError, UnknownCalendar
    from respons.engine.evaluate import evaluate
    from respons.engine.report import build_report

    try:
        evaluation = evaluate(store, resolved, app.calendar, as_of)
    except (UnknownCalendar, CalendarDataError) as error:
        click.echo(f"error: {error}", err=True)
        return EXIT_USAGE, None
    report = build_report(store, evaluation, soon)
    if report.wanting:
        click.echo(f"warning: {report.totals['unknown']} obligations have no due date: the "
                   "calendar has no data for " + ", ".join(map(str, report.wanting)) +
                   " (add the year's holiday arrangement to the calendar's data)", err=True)
    return EXIT_OK, report


def report_document(store, report, titles, everything: bool) -> dict:
    from respons.engine.report import all_obligations, to_json

    obligations = all_obligations(store, report.evaluation) if everything else None
    return to_json(report, titles, obligations)


def evaluate_and_report(app: App, store, resolved, titles, as_of, output, everything,
                        soon) -> int:
    """Run the engine over an open store and print the report; returns the exit code."""
    from respons.engine.report import render_text

    code, report = evaluate_report(app, store, resolved, as_of, soon)
    if report is None:
        return code
    if output == "json":
        click.echo(json.dumps(report_document(store, report, titles, everything),
                              ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report, titles), nl=False)
    return code


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@AS_OF
@FORMAT
@ALL
@SOON
@pass_app
def evaluate(app: App, regime: str, store_url: str | None, as_of: str | None, output: str,
             everything: bool, soon: int) -> None:
    """Evaluate REGIME's duties over the records in the store."""
    from respons.commands.store import fail, open_or_exit, store_errors

    resolved, titles = resolve_or_exit(app, regime, output)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        # Evaluating a store that was never written is almost always a mistyped --store:
        # say so rather than report an empty year (and leave no new file behind).
        if target.schema_version() is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): ingest records first (respons ingest or respons run)")
        target.init()
        code = evaluate_and_report(app, target, resolved, titles, as_of, output, everything,
                                   soon)
    raise SystemExit(code)

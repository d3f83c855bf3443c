"""`respons evaluate REGIME [--store URL] [--as-of DATE] [--format text|json] [--all]
[--soon N] [--lang zh|en] [--no-verify]`.

Verifies the store's hash chain, then derives every obligation of the regime's duties from
the records up to the head it verified (inside the store, as SQL: ``respons.engine``) as
one run, and prints the report (``respons.report.evaluation``): the run and head, the
totals, what needs action now by agency, the history, what could not be determined, the
table by agency — in the regime's language, or ``--lang``'s. Exit 0: evaluated (breaches
are results, not errors); 1: the regime has errors, or the chain does not verify (no
report then); 2: usage or unreadable input, or a store that cannot be used. Obligations
whose due date falls in a year the calendar has no data for are reported as unknown, with
a warning naming the year — never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, App, pass_app
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
                   help="List every breach in the text report; in JSON, every obligation too.")
SOON = click.option("--soon", type=click.IntRange(0, 365), default=3, show_default=True,
                    help="Working days ahead that count as due soon.")
LANG = click.option("--lang", "language", type=click.Choice(["zh", "en"]), default=None,
                    help="The language of the text report (default: the regime's — zh when "
                         "its header opens with 制度, en with regime).")
NO_VERIFY = click.option("--no-verify", "no_verify", is_flag=True,
                         help="Do not verify the hash chain before reporting (the report "
                              "then says it was not verified).")


def evaluate_run(app: App, store, resolved, as_of, soon, verify_chain: bool, output: str,
                 words, warned: set[str] | None = None):
    """Verify the ledger (unless told not to), evaluate over the head verified, and read
    the run's summary: (exit code, summary or None, verified). A chain that does not
    verify is reported as `respons verify` reports it, in ``output`` — exit 1, no report.
    Warnings go to stderr: obligations without a due date name the years the calendar
    lacks — in ``words``, the language of a text report; with JSON, in English, as a
    program that reads the one may read the other. ``warned`` holds the warnings a
    command of several stages (`respons run --year`) has printed: one is not repeated."""
    from respons.calendar import CalendarDataError, UnknownCalendar
    from respons.engine.evaluate import evaluate
    from respons.engine.report import summary
    from respons.engine.verified import verified_evaluation

    def over(head, gate=None):
        return evaluate(store, resolved, app.calendar, as_of, head, gate)

    try:
        if not verify_chain:
            evaluation = over(None)
        else:
            checked, evaluation = verified_evaluation(store, over)
            if evaluation is None:
                from respons.commands.verify import print_report

                print_report(store, checked, None, output)
                return EXIT_FINDINGS, None, False
    except (UnknownCalendar, CalendarDataError) as error:
        click.echo(f"error: {error}", err=True)
        return EXIT_USAGE, None, verify_chain
    found = summary(store.compute, evaluation, soon)
    if found.wanting:
        from respons.report.words import Words

        warn = words if output == "text" else Words("en")
        warning = warn("warning.unknown", count=found.totals["unknown"],
                       years=warn.years(found.wanting))
        if warned is None or warning not in warned:
            click.echo(warning, err=True)
        if warned is not None:
            warned.add(warning)
    return EXIT_OK, found, verify_chain


def json_report(store, found, titles, verified: bool, everything: bool, indent: str = ""):
    """The evaluation's JSON document as text chunks, read from the store as written."""
    from respons.engine.report import breaches, due_soon, obligations
    from respons.engine.rights import windows
    from respons.report.evaluation import json_chunks

    evaluation = found.evaluation
    listed = obligations(store.compute, evaluation) if everything else None
    soon = due_soon(store.compute, evaluation, found.soon_workdays)
    return json_chunks(found, breaches(store.compute, evaluation), titles, verified, listed,
                       indent, soon, windows(store, evaluation))


def print_report(store, found, titles, verified: bool, output: str, everything: bool,
                 words) -> None:
    """The report on stdout: JSON as it is read, or the text in ``words``'s language,
    each of its lists one query limited to what it shows."""
    if output == "json":
        for chunk in json_report(store, found, titles, verified, everything):
            click.echo(chunk, nl=False)
        click.echo()
        return
    from respons.engine.report import breaches, needing_action, undetermined
    from respons.engine.rights import computable, windows
    from respons.report.evaluation import LIMITS, Listings, render_text

    compute, evaluation = store.compute, found.evaluation
    limit = (lambda name: None) if everything else LIMITS.get
    listings = Listings(
        needing_action(compute, evaluation, found.soon_workdays, limit("action")),
        breaches(compute, evaluation, ("met_late",), limit("history")),
        undetermined(compute, evaluation, limit("unknown")))
    click.echo(render_text(found, listings, titles, verified, words, everything), nl=False)
    if any(True for v in evaluation.versions for _ in computable(v.regime)):
        # A regime with parties' rights: their windows, after the obligations' report.
        from respons.report.evaluation import rights_lines
        from respons.terminal import clean

        lines = rights_lines(windows(store, evaluation), evaluation.as_of, titles, words,
                             everything)
        click.echo(clean("\n".join(lines) + "\n"), nl=False)


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.option("--store", "store_url", help="Store URL (default: sqlite:///respons.db, or "
                                           "RESPONS_STORE, or respons.toml [store] url).")
@AS_OF
@FORMAT
@ALL
@SOON
@LANG
@NO_VERIFY
@pass_app
def evaluate(app: App, regime: str, store_url: str | None, as_of: str | None, output: str,
             everything: bool, soon: int, language: str | None, no_verify: bool) -> None:
    """Evaluate REGIME's duties over the records in the store."""
    from respons.commands.store import fail, open_or_exit, store_errors
    from respons.report.words import words_for

    resolved, titles = resolve_or_exit(app, regime, output)
    words = words_for(language, resolved.regime)
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        # Evaluating a store that was never written is almost always a mistyped --store:
        # say so rather than report an empty year (and leave no new file behind).
        if target.ledger.schema_version() is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): ingest records first (respons ingest or respons run)")
        code, found, verified = evaluate_run(app, target, resolved, as_of, soon,
                                             not no_verify, output, words)
        if found is not None:
            print_report(target, found, titles, verified, output, everything, words)
    raise SystemExit(code)

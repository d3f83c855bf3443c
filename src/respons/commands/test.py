"""`respons test [--format text|json] [--store URL] PATH...`: run the scenarios in regime files.

The files are checked as `respons check` checks them — any error is reported and nothing
runs (exit 1; 2 when a file cannot be read) — then every scenario (场景) of every file runs
on a new, empty store of its own (``respons.engine.scenarios``): a temporary SQLite file,
or with ``--store URL`` a scratch store of that URL's backend, made and removed by the
backend's ``scratch`` (a schema of its own on a PostgreSQL server). The store the command
would otherwise use (``RESPONS_STORE``, respons.toml) is never touched.

Prints a line per scenario, the differences of each that fails, a summary and the rule
coverage (``respons.report.scenarios``). Exit 0: every scenario passed; 1: a scenario
failed or could not run (a record the regime refuses), or a file has errors; 2: usage or
unreadable input — a path that is not there, no scenario in the paths, a ``--store`` whose
backend cannot make scratch stores or cannot be used, a calendar without its data.
"""

from __future__ import annotations

import contextlib

import click

from respons.app import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, App, pass_app
from respons.check.runner import check_paths
from respons.commands.check import source_lines
from respons.diagnostics.diagnostic import ERROR
from respons.diagnostics.render import render_json as render_diagnostics_json
from respons.diagnostics.render import render_text as render_diagnostics_text

#: The backend a scenario's store comes from without --store; its scratch stores are
#: temporary files wherever this URL points.
DEFAULT_SCRATCH = "sqlite:///respons-test.db"


@click.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to report (json: one document on stdout).")
@click.option("--store", "store_url", metavar="URL",
              help="Run each scenario on a new store of this URL's backend (a PostgreSQL "
                   "schema of its own, removed afterwards); default: a temporary SQLite file.")
@click.argument("paths", nargs=-1, required=True)
@pass_app
def test(app: App, output: str, store_url: str | None, paths: tuple[str, ...]) -> None:
    """Run the scenarios written in regime files (a folder means every .resp file below it)."""
    from respons.calendar import CalendarDataError, UnknownCalendar
    from respons.commands.store import fail
    from respons.engine.coverage import coverage
    from respons.engine.scenarios import PASS, run_scenario, under_test
    from respons.report.scenarios import render_json, render_text

    report = check_paths(paths, app.registry, app.settings.regimes_path)
    errors = [d for d in report.diagnostics if d.severity == ERROR]
    if errors:
        if output == "json":
            click.echo(render_diagnostics_json(errors, False), nl=False)
        else:
            click.echo(render_diagnostics_text(errors, source_lines(report)), err=True,
                       nl=False)
        raise SystemExit(EXIT_USAGE if report.unreadable else EXIT_FINDINGS)
    targets = {r.parsed.path: under_test(r, report.reached) for r in report.resolved}
    runs = [(scenario, targets[r.parsed.path]) for r in report.resolved
            for scenario in r.regime.scenarios]
    if not runs:
        fail("no scenarios in " + ", ".join(paths) + ": write them in 场景 blocks "
             "(docs/language.md, \"Scenarios\")")
    scratch = scratch_stores(app, store_url)
    try:
        schemes = app.registry.scoring_schemes()
        outcomes = [run_scenario(scenario, target, scratch, app.calendar, f"scenario-{n}",
                                 schemes.__getitem__)
                    for n, (scenario, target) in enumerate(runs, 1)]
    except (UnknownCalendar, CalendarDataError) as error:
        fail(str(error))
    unique = list({t.parsed.path: t for t in targets.values()}.values())
    covered = coverage(unique, runs, {id(o.scenario): o.exercised for o in outcomes})
    render = render_json if output == "json" else render_text
    click.echo(render(outcomes, covered), nl=False)
    raise SystemExit(EXIT_OK if all(o.status == PASS for o in outcomes) else EXIT_FINDINGS)


def scratch_stores(app: App, store_url: str | None):
    """``scratch(name)``: a context manager that makes a new store of the backend
    ``store_url`` names (SQLite without one), opens it, and removes it afterwards."""
    from respons.commands.store import fail, keep_secret, masked, store_errors
    from respons.store import StoreError, open_store
    from respons.store.url import scheme_of

    if store_url is not None and not store_url.strip():
        fail("--store names no store: give a store URL (postgresql://user@host/database), "
             "or leave the option out for temporary SQLite files")
    base = store_url or DEFAULT_SCRATCH
    keep_secret(base)
    try:
        scheme = scheme_of(base)
    except StoreError as error:
        fail(str(error))
    backends = app.registry.storage_backends()
    backend = backends.get(scheme)
    if backend is None:
        fail(f"no installed storage backend serves {scheme}:// URLs; installed backends "
             "serve: " + ", ".join(f"{k}://" for k in sorted(backends)))
    if backend.scratch is None:
        fail(f"the {backend.name} store backend cannot make scratch stores (its plugin gives "
             "no `scratch`), and respons test runs every scenario on a new store: run it "
             "without --store, or with the URL of a backend that can (sqlite, postgresql)")
    settings = app.settings.plugin_settings.get(backend.name, {})

    @contextlib.contextmanager
    def scratch(name: str):
        try:
            url, dispose = backend.scratch(base, name)
        except StoreError as error:
            fail(str(error))
        except Exception as error:  # a backend's own failure, said in one line
            fail(f"the {backend.name} store backend could not make a scratch store: "
                 f"{str(error).strip() or type(error).__name__}")
        keep_secret(url)
        try:
            try:
                store = open_store(url, app.registry, settings)
            except StoreError as error:
                fail(str(error))
            with store, store_errors(store):
                yield store
        finally:
            try:
                dispose()
            except Exception as error:  # what is left behind is said, not hidden
                click.echo(masked(f"warning: {error}"), err=True)

    return scratch

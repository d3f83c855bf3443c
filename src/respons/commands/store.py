"""`respons store init|info [--store URL]`: create or migrate a store, and describe it.

Also the helpers every command that takes ``--store`` shares: opening the store a command
names, and turning a store's failure into one line and an exit code — 2: the store cannot
be used; 1: its metadata is damaged (`respons.store.DamagedStore`: run respons verify).
Every message they print passes a final filter that removes anything that could be the
password of the URL the command opened (`respons.store.masking`), whoever wrote it.
"""

from __future__ import annotations

import contextlib
import json
import os

import click

from respons.app import EXIT_FINDINGS, EXIT_USAGE, App, pass_app, report_input_error
from respons.store import DamagedStore, Store, StoreError, open_store
from respons.store.masking import mask, password_candidates
from respons.store.url import redact

#: Where in click's context the password candidates of the command's store URL are kept.
_SECRETS = "respons.store.secrets"

STORE_HELP = ("Store URL: sqlite:///PATH or postgresql://… (default: RESPONS_STORE, then "
              "[store] url in respons.toml, then sqlite:///respons.db).")


def fail(message: str, code: int = EXIT_USAGE):
    """Stop with ``code`` and a one-line error about the store — in the command's
    ``--format`` (JSON on stdout, else text on stderr), the password masked."""
    report_input_error(masked(message), code)


def masked(text: str) -> str:
    """``text`` without any piece of the password of the store URL this command opened."""
    context = click.get_current_context(silent=True)
    return mask(text, context.meta.get(_SECRETS, ())) if context is not None else text


def open_or_exit(app: App, given: str | None) -> Store:
    # An empty URL would silently mean the default store: a store other than the one meant.
    if given is not None and not given.strip():
        fail("--store names no store: give a store URL (sqlite:///respons.db), or leave the "
             "option out for the default")
    environment = os.environ.get("RESPONS_STORE")
    if given is None and environment is not None and not environment.strip():
        fail("RESPONS_STORE is set but empty: give it a store URL, or unset it for the default")
    configured = app.settings.store_url if given is None and environment is None else None
    if isinstance(configured, str) and not configured.strip():
        fail("[store] url in respons.toml is empty: give a store URL, or remove the key")
    url = app.store_url(given)
    keep_secret(url)
    try:
        return open_store(url, app.registry, _backend_settings(app, url))
    except DamagedStore as error:
        fail(str(error), EXIT_FINDINGS)
    except StoreError as error:
        fail(str(error))


def keep_secret(url: str) -> None:
    """Have every message this command prints mask the password of ``url`` (`masked`)."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta.setdefault(_SECRETS, set()).update(password_candidates(url))


def prepare(target: Store) -> None:
    """Before records are appended: a new store gets its schema; a store of an older
    schema is not migrated behind the user's back — migrating to schema 3 re-hashes the
    chain, and so changes the head — but refused with `SchemaError`, which says to run
    `respons store init`."""
    if target.ledger.schema_version() is None:
        target.ledger.init()
    else:
        target.ledger.head()  # the schema must be this respons's


def _backend_settings(app: App, url: str) -> dict:
    scheme = url.partition("://")[0].lower()
    backends = app.registry.storage_backends()
    backend = backends.get(scheme)
    return app.settings.plugin_settings.get(backend.name, {}) if backend else {}


@contextlib.contextmanager
def store_errors(store: Store, code: int = EXIT_USAGE):
    """Turn the store's and its driver's exceptions into one line and ``code`` — exit 1
    for a store whose metadata is damaged."""
    try:
        yield
    except DamagedStore as error:
        fail(str(error), EXIT_FINDINGS)
    except StoreError as error:
        fail(str(error), code)
    except store.errors as error:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        fail(f"store {redact(store.url)}: {text}", EXIT_USAGE)


@click.group()
def store() -> None:
    """Create, migrate and describe the record store."""


@store.command()
@click.option("--store", "store_url", metavar="URL", help=STORE_HELP)
@pass_app
def init(app: App, store_url: str | None) -> None:
    """Create the store's schema, or migrate it to this version; print the version."""
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        before = target.ledger.schema_version()
        version = target.ledger.init()
        state = "created" if before is None else (
            f"migrated from version {before}" if before != version else "up to date")
        click.echo(f"{target.url}: schema version {version} ({state})")
        old = target.ledger.rehashed_from() if before is not None and before < 3 else None
        if old:
            # Schema 3 hashes a record's columns: every link changed, and so did the head.
            click.echo(f"the chain was re-hashed: head {old} is now "
                       f"{target.ledger.head().hash}; a head recorded before names the old "
                       "chain")


@store.command()
@click.option("--store", "store_url", metavar="URL", help=STORE_HELP)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@pass_app
def info(app: App, store_url: str | None, output: str) -> None:
    """Show the store's schema version, record count, head, ingested files and runs."""
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        version = target.ledger.schema_version()
        if version is None:
            fail(f"the store {target.url} holds no records yet (its schema was never "
                 "created): run `respons ingest` or `respons store init`")
        ledger = target.ledger
        head, count, batches = ledger.head(), ledger.count(), ledger.batches()
        runs = kept_runs(target)
    if output == "json":
        click.echo(json.dumps({
            "format_version": 1, "store": target.url, "dialect": target.dialect.name,
            "schema_version": version, "records": count,
            "head": {"seq": head.seq, "hash": head.hash},
            "batches": [{"batch": b.batch, "file": b.file, "file_sha256": b.file_sha256,
                         "regime": b.regime, "stored": b.stored, "duplicates": b.duplicates,
                         "rejected": b.rejected, "first_seq": b.first_seq,
                         "last_seq": b.last_seq, "head_hash": b.head_hash,
                         "ingested_at": b.ingested_at, "batch_hash": b.batch_hash}
                        for b in batches],
            "runs": runs,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"store {target.url} ({target.dialect.name}), schema version {version}")
    click.echo(f"{count} records in {len(batches)} files; head seq {head.seq} {head.hash}")
    for b in batches:
        click.echo(f"  batch {b.batch}: {b.file} — {b.stored} records, seq {b.first_seq}–"
                   f"{b.last_seq}, regime {b.regime}, {b.ingested_at}")
    click.echo(f"{len(runs)} evaluation runs kept")
    for r in runs:
        click.echo(f"  run {r['run']}: {r['regime']} as of {r['as_of']} over head seq "
                   f"{r['head_seq']} — {r['obligations']} obligations, {r['created_at']}")


def kept_runs(target: Store) -> list[dict]:
    """The evaluation runs the store keeps, oldest first (``runs``, docs/store.md)."""
    from respons.sql.ir import Col, Order, Table, select
    from respons.store.results import RUNS

    names = [n for n in RUNS.names if n not in ("regime_sha256", "calendar_sha256")]
    rows = target.compute.query(select(*(Col("r", n) for n in names),
                                       source=Table("runs", "r"),
                                       order_by=[Order(Col("r", "created_at")),
                                                 Order(Col("r", "run"))]))
    return [dict(zip(names, row, strict=True)) for row in rows]

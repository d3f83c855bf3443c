"""`respons verify [--store URL] [--expect-head HASH] [--format text|json]`: check the chain.

Then, the ledger intact, the register of document numbers (`respons.store.register`): every
entry against its content hash and its link, the last against the head the ledger keeps.

Exit 0: every record is intact, so is the register (and the expected head, if given, is in
the chain of the records, of the batches or of the register); 1: the first record altered,
removed or reordered is named, or the first number of the register altered, removed from
the middle or the end, or reordered (with its series and number), the store's metadata is
damaged, or an expected head was given for a store that holds nothing (wiped: an empty
file, a deleted one, dropped tables); 2: the store cannot be used, or holds no records and
no head was expected.
"""

from __future__ import annotations

import json

import attrs
import click

from respons.app import EXIT_FINDINGS, EXIT_OK, App, pass_app
from respons.commands.store import STORE_HELP, fail, open_or_exit, store_errors
from respons.records.canonical import GENESIS
from respons.store import register
from respons.store.api import DamagedStore, Head
from respons.store.verify import Broken, VerifyReport
from respons.store.verify import verify as verify_store


@click.command()
@click.option("--store", "store_url", metavar="URL", help=STORE_HELP)
@click.option("--expect-head", "expect_head", metavar="HASH",
              help="A chain hash recorded earlier (printed by verify and ingest): fail "
                   "unless the chain still passes through it.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@pass_app
def verify(app: App, store_url: str | None, expect_head: str | None, output: str) -> None:
    """Recompute the store's hash chain and name the first record that does not fit."""
    if expect_head is not None:
        expect_head = expect_head.strip().lower()
        if len(expect_head) != 64 or any(c not in "0123456789abcdef" for c in expect_head):
            fail("--expect-head takes a chain hash: 64 hexadecimal digits")
    target = open_or_exit(app, store_url)
    with target, store_errors(target):
        report = _wiped(target, expect_head)
        numbers = None
        if report is None:
            report = verify_store(target.ledger, expect_head)
            if report.broken is None or report.broken.kind == "anchor":
                numbers = register.verify(target)
                report = _with_register(report, numbers, expect_head)
    print_report(target, report, expect_head, output, numbers)
    raise SystemExit(EXIT_OK if report.broken is None else EXIT_FINDINGS)


def _with_register(report: VerifyReport, numbers: register.RegisterReport,
                   expect_head: str | None) -> VerifyReport:
    """The ledger's report with the register's finding: an expected head that is a link of
    the register anchors it as well as one of the records; a register that does not verify
    is a finding (kind ``register``)."""
    if report.broken is not None and expect_head in numbers.links:
        report = attrs.evolve(report, broken=None)
    if report.broken is None and numbers.problem is not None:
        problem = numbers.problem
        report = attrs.evolve(report, broken=Broken("register", problem.message,
                                                    series=problem.series,
                                                    number=problem.number))
    return report


def print_report(target, report: VerifyReport, expect_head: str | None, output: str,
                 numbers: register.RegisterReport | None = None) -> None:
    """What verify found, as text (a failure on stderr) or as the JSON document on stdout:
    `respons evaluate` and `respons run` print a chain that does not verify this way too
    (without the register, which only `respons verify` checks)."""
    broken = report.broken
    if output == "json":
        document = {
            "format_version": 1, "store": target.url, "intact": report.intact,
            "records": report.records,
            "head": {"seq": report.head.seq, "hash": report.head.hash},
            "expect_head": expect_head,
            "problem": None if broken is None else {
                "kind": broken.kind, "seq": broken.seq, "id": broken.id,
                "message": broken.message},
        }
        if broken is not None and broken.kind == "register":
            document["problem"].update(series=broken.series, number=broken.number)
        if numbers is not None:
            document["register"] = {"numbers": numbers.entries, "head": numbers.head}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif broken is None:
        anchor = f"; the chain passes through {expect_head}" if expect_head else ""
        click.echo(f"{target.url}: {report.records} records verified, chain intact{anchor}")
        click.echo(f"head seq {report.head.seq} {report.head.hash}")
        if numbers is not None:
            click.echo(f"register of document numbers: {numbers.entries} numbers verified, "
                       f"head {numbers.head}")
    else:
        click.echo(f"{target.url}: damaged, not verified" if broken.kind == "metadata" else
                   f"{target.url}: the register of document numbers is broken after "
                   f"{report.records} intact records" if broken.kind == "register" else
                   f"{target.url}: chain broken after {report.records} intact records", err=True)
        click.echo(f"error: {broken.message}", err=True)


def _wiped(target, expect_head: str | None) -> VerifyReport | None:
    """The report on a store that holds nothing at all, or None when it holds a schema.

    Without an expected head there is nothing to verify (exit 2, most often a mistyped
    --store); with one, the store was expected to hold that head and does not: a store
    emptied, deleted or dropped is a finding.
    """
    try:
        version = target.ledger.schema_version()
    except DamagedStore:
        return None  # verify_store reports it, as a finding
    if version is not None:
        return None
    if expect_head is None:
        fail(f"the store {target.url} holds no records yet (its schema was never created): "
             "nothing to verify")
    return VerifyReport(0, Head(0, GENESIS), Broken(
        "anchor", f"the store holds no records at all (no schema: an empty or deleted file, "
        f"or dropped tables), so not the expected head {expect_head}"), expect_head)

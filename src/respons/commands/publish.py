"""`respons publish REGIME --out DIR [--lang zh|en]`: the public disclosure site (公示).

Checks the regime (errors: reported as `respons check` reports them, exit 1, nothing
written; a file of scenarios only stands for the regime it tests), builds its site
(``respons.report.site``) and writes it as the folder DIR in one step: a new folder, an
empty one, or one this command wrote before, which is replaced.
Exit 0: written; 1: the regime has errors; 2: usage, an unreadable regime, or an --out that
is not a folder or cannot be written (nothing is changed then). docs/publish.md.
"""

from __future__ import annotations

from pathlib import Path

import click

from respons.app import App, pass_app, report_input_error
from respons.commands.check import check_or_exit
from respons.engine.scenarios import under_test
from respons.report.site import INDEX, build_site
from respons.report.site.words import SiteWords
from respons.report.site.write import PublishError, write_site
from respons.terminal import clean


@click.command()
@click.argument("regime", type=click.Path(dir_okay=False))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="The folder to write the site into (created; a site written there "
                   "before is replaced).")
@click.option("--lang", "language", type=click.Choice(["zh", "en"]), default=None,
              help="The language of the site (default: the regime's — zh when its header "
                   "opens with 制度, en with regime).")
@pass_app
def publish(app: App, regime: str, out: Path, language: str | None) -> None:
    """Write the public disclosure site of a regime: powers, procedures, time limits…"""
    report = check_or_exit(app, regime)
    # A file of scenarios only (hangzhou.test.resp) stands for the regime it tests, as in
    # `respons test`: its site is that regime's.
    resolved = under_test(report.resolved[0], report.reached)
    files = build_site(resolved.regime, report.titles, language)
    try:
        write_site(files, out)
    except PublishError as error:
        report_input_error(error.message, help=error.help)
    words = SiteWords(language or resolved.regime.language)
    click.echo(clean(words("written", index=out / INDEX, count=len(files))))

"""Shared fixtures: invoking the CLI in-process and locating the repository's folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from paths import GOLDEN, JURISDICTIONS, ROOT  # noqa: F401 - re-exported for old imports


class Result:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception


@pytest.fixture
def respons():
    """Run `respons ARGS…` in-process (optionally in ``cwd``); returns exit code and output."""
    from respons.cli import main

    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        runner = CliRunner()
        previous = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            result = runner.invoke(main, list(args), input=input, catch_exceptions=True)
        finally:
            os.chdir(previous)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result)

    return run

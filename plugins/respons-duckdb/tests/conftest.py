"""Fixtures of the DuckDB backend's own tests: the CLI run in-process, a store URL per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner


@pytest.fixture
def respons():
    """``respons(*args, cwd=None)``: run the command in-process; exit code and output."""
    from respons.cli import main

    def run(*args: str, cwd: Path | None = None):
        previous = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            result = CliRunner().invoke(main, list(args), catch_exceptions=True)
        finally:
            os.chdir(previous)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return run


@pytest.fixture
def url(tmp_path):
    return f"duckdb:///{tmp_path / 'store.duckdb'}"


@pytest.fixture
def registry():
    from respons.testing.regime import fresh_registry

    return fresh_registry()

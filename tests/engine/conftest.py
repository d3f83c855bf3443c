"""Fixtures for the duty engine tests: an `Engine` driving the CLI in a temporary folder
(PostgreSQL store URLs come from tests/conftest.py)."""

from __future__ import annotations

import pytest
from engine_helpers import Engine


@pytest.fixture
def engine(respons, tmp_path):
    return Engine(respons, tmp_path)

"""Fixtures for the records tests: the conformance regime and a store in a temporary folder."""

from __future__ import annotations

import pytest

from respons.testing import regime_path


@pytest.fixture
def regime():
    return str(regime_path())


@pytest.fixture
def store_arg(tmp_path):
    return f"--store=sqlite:///{tmp_path / 'store.db'}"

"""The pytest plugin of respons.testing (entry point ``pytest11``: ``respons``).

Kept import-light: loading it into a test run imports nothing of respons until a test
asks for one of its fixtures, so it cannot disturb a suite that does not use it.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def respons_regime():
    """The resolved regime of the conformance suite (every field type, two agencies)."""
    from respons.testing.conformance import conformance_regime

    return conformance_regime()


@pytest.fixture
def respons_records(tmp_path, respons_regime):
    """``make(count, name="records.jsonl", seed=0, prefix="R") -> Path``: generated valid
    records of the conformance regime in a JSON Lines file under ``tmp_path``."""
    from respons.testing.records import generate, write_jsonl

    def make(count: int, name: str = "records.jsonl", seed: int = 0, prefix: str = "R"):
        path = tmp_path / name
        write_jsonl(path, generate(respons_regime, count, seed, prefix))
        return path

    return make

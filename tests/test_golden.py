"""Golden tests: each invalid regime file under tests/golden/invalid gives exactly the
diagnostics in its .expected file (the text renderer's output and the exit code).

Regenerate after an intended change with RESPONS_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import os

import pytest

from paths import GOLDEN

CASES = sorted((GOLDEN / "invalid").glob("*.resp"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_diagnostics_are_exactly_as_expected(respons, case):
    result = respons("check", case.name, cwd=case.parent)
    actual = result.stdout + f"exit {result.exit_code}\n"
    expected_file = case.with_suffix(".expected")
    if os.environ.get("RESPONS_UPDATE_GOLDEN"):
        expected_file.write_text(actual, "utf-8")
    assert actual == expected_file.read_text("utf-8")


def test_every_case_has_its_expected_output():
    expected = {p.stem for p in (GOLDEN / "invalid").glob("*.expected")}
    assert expected == {c.stem for c in CASES}

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


@pytest.mark.parametrize("case", ["syntax-glued-numeral", "syntax-glued-keyword",
                                  "syntax-hides-nothing"])
def test_the_fix_a_glued_keyword_is_told_checks_clean(respons, case, tmp_path):
    """The fix written out for a keyword run into what follows must itself be valid: with
    it put in (and nothing else changed), the statement is no error any more — for 近一年
    the author's own numeral (近 一 年) where the grammar takes it, else 近 1 年."""
    import re

    source = (GOLDEN / "invalid" / f"{case}.resp").read_text("utf-8")
    expected = (GOLDEN / "invalid" / f"{case}.expected").read_text("utf-8")
    glued, fix = re.search(r"`(\S+)` runs the keyword .*\n.*\n.*\n.*: `([^`]+)`\n",
                           expected).groups()
    fixed = tmp_path / f"{case}.resp"
    fixed.write_text(source.replace(glued, fix), "utf-8")
    result = respons("check", fixed.name, cwd=tmp_path)
    assert "R0101" not in result.stdout and "R0107" not in result.stdout
    if case == "syntax-glued-numeral":
        assert result.exit_code == 0 and result.stdout.endswith("0 errors, 0 warnings\n")

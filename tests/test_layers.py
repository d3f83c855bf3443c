"""The package's layers run one way and no module imports its way back to itself: the
contracts of [tool.importlinter] in pyproject.toml, run with import-linter (a maintained
tool, so the rule does not depend on a hand-written check of our own)."""

from __future__ import annotations

import subprocess
import sys

from paths import ROOT


def test_the_import_contracts_are_kept():
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    result = subprocess.run([sys.executable, "-c", command], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout

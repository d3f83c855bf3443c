"""Where the repository's folders are, for tests in any subfolder (a plain module, not a
conftest, so that test folders may have conftest files of their own)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JURISDICTIONS = ROOT / "jurisdictions"
GOLDEN = Path(__file__).resolve().parent / "golden"

""""Did you mean …?": the nearest known names to a misspelt one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Close spellings of ``word``, best first. Works on characters, so 审核人/审查人 are close."""
    pool = sorted(set(candidates))
    if not pool:
        return []
    # Short Chinese names differ in one character out of two or three: a ratio of 0.5
    # keeps 审核人 → 审查人 and drops unrelated names of the same length.
    return difflib.get_close_matches(word, pool, n=limit, cutoff=0.5)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    found = nearest(word, candidates)
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"{c!r}" for c in found) + "?)"

""""Did you mean …?": the nearest known names to a misspelt one.

Looking for the nearest names compares the word with every candidate, so a regime with n
names and n misspellings would cost n² comparisons. Within a `budget` (one `respons
check` run holds one) the comparisons are counted, and once `BUDGET` have been made,
later misspellings are reported without a suggestion: the first ones, which an author
fixes first, keep theirs, and a run costs time in proportion to its size.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
from collections.abc import Collection, Iterable, Iterator

#: Candidate names compared in one run, in all: at most about half a second of work
#: (suggestions for the first 10 misspellings among 10,000 names, or 1,000 among 100).
BUDGET = 100_000

_remaining: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "respons_suggest_budget", default=None)


@contextlib.contextmanager
def budget(comparisons: int = BUDGET) -> Iterator[None]:
    """Bound the comparisons every lookup inside makes, together."""
    token = _remaining.set([comparisons])
    try:
        yield
    finally:
        _remaining.reset(token)


def _spend(count: int) -> bool:
    """Whether ``count`` comparisons may still be made (and count them)."""
    remaining = _remaining.get()
    if remaining is None:
        return True
    if remaining[0] < count:
        remaining[0] = 0  # spent: later lookups stay cheap and the output stays stable
        return False
    remaining[0] -= count
    return True


def nearest(word: str, *pools: Iterable[str], limit: int = 3) -> list[str]:
    """Close spellings of ``word`` among the names of ``pools``, best first. Works on
    characters, so 审核人/审查人 are close."""
    sized = [pool if isinstance(pool, Collection) else list(pool) for pool in pools]
    if not _spend(sum(len(pool) for pool in sized)):
        return []
    candidates = sorted({name for pool in sized for name in pool})
    if not candidates:
        return []
    # Short Chinese names differ in one character out of two or three: a ratio of 0.5
    # keeps 审核人 → 审查人 and drops unrelated names of the same length.
    close = difflib.get_close_matches(word, candidates, n=len(candidates), cutoff=0.5)
    return [name for name in close if not another_word(word, name)][:limit]


def another_word(word: str, name: str) -> bool:
    """Whether ``name`` is close to ``word`` in spelling but another word, never to be
    offered for it.

    A misspelling changes a character or two of the word meant. Words of the law are often
    a shared head with a modifier that carries the meaning — 直接责任人 and 第一责任人 (the
    officer who acted and the agency's head: opposite people), 主要负责人 and 分管负责人,
    承办人 and 批准人 — and to the ratio they are as close as a typo. So: take off what the
    two have in common at the start and at the end; where both keep two characters or
    more and those share none, the part that says who or what is wholly different, and
    ``name`` is not what the author meant to write (审核人 and 审查人 keep one each and
    stay a suggestion)."""
    start = 0
    while start < min(len(word), len(name)) and word[start] == name[start]:
        start += 1
    end = 0
    while end < min(len(word), len(name)) - start and word[-1 - end] == name[-1 - end]:
        end += 1
    own, other = word[start:len(word) - end], name[start:len(name) - end]
    return len(own) >= 2 and len(other) >= 2 and not set(own) & set(other)


def did_you_mean(word: str, *pools: Iterable[str]) -> str:
    found = nearest(word, *pools)
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"{c!r}" for c in found) + "?)"

"""The regime of the conformance suites (``conformance.resp``: every field type, two
agencies), checked once per process."""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path


def regime_path() -> Path:
    return Path(str(importlib.resources.files("respons.testing") / "conformance.resp"))


@functools.cache
def _checked():
    from respons.check.runner import check_paths

    report = check_paths([regime_path()], None)
    assert report.valid, [d.message for d in report.diagnostics]
    return report


def conformance_regime():
    return _checked().resolved[0].regime


def conformance_resolved():
    """The conformance regime resolved (what the engine evaluates)."""
    return _checked().resolved[0]


def fresh_registry():
    """The installed plugins, in a plugin manager of their own."""
    from respons.registry import Registry, plugin_manager

    return Registry(plugin_manager())

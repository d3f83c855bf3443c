"""Finding the ``respons.plugins`` entry points of the installed distributions, quickly.

This reads what `importlib.metadata.entry_points` reads — the ``entry_points.txt`` of each
``*.dist-info`` (and ``*.egg-info``) folder on ``sys.path``, the first distribution of a
name winning — without importing `importlib.metadata`, whose import (it parses e-mail
headers for package metadata) is a tenth of a command's start-up. The test suite checks
that both find the same entry points.
"""

from __future__ import annotations

import configparser
import importlib
import os
import re
import sys

import attrs


@attrs.frozen
class EntryPoint:
    name: str
    value: str  # "module:attribute" or "module"
    distribution: str

    def load(self):
        module, _, attribute = self.value.partition(":")
        target = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


_INFO = re.compile(r"^(?P<name>.+?)(?:-[^-]*)?\.(?:dist|egg)-info$")


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entry_points(group: str) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in sys.path:
        try:
            names = sorted(os.listdir(base or "."))
        except OSError:
            continue
        for folder in names:
            match = _INFO.match(folder)
            if match is None:
                continue
            distribution = _normalise(match["name"])
            if distribution in seen:
                continue
            path = os.path.join(base or ".", folder, "entry_points.txt")
            if not os.path.isdir(os.path.join(base or ".", folder)):
                continue
            seen.add(distribution)
            if not os.path.isfile(path):
                continue
            parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
            parser.optionxform = str  # entry-point names are case-sensitive
            try:
                parser.read(path, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError):
                continue
            if parser.has_section(group):
                for name, value in parser.items(group):
                    found.append(EntryPoint(name, value, distribution))
    return found

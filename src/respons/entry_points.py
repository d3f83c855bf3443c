"""Finding the ``respons.plugins`` entry points of the installed distributions, quickly.

This reads what `importlib.metadata.entry_points` reads — the ``entry_points.txt`` of each
``*.dist-info`` (and ``*.egg-info``) folder on ``sys.path``, the first distribution of a
name winning — without importing `importlib.metadata`, whose import (it parses e-mail
headers for package metadata) is a tenth of a command's start-up. Each entry point keeps
the name and version of its distribution, so that a plugin's failure and `respons plugins`
can say where it comes from. The test suite checks that both find the same entry points.
"""

from __future__ import annotations

import configparser
import importlib
import os
import re
import sys
from collections.abc import Iterable

import attrs


@attrs.frozen
class EntryPoint:
    name: str
    value: str  # "module:attribute" or "module"
    distribution: str  # its name, normalised (PEP 503): respons-postgresql
    version: str = ""  # the distribution's version, "" when it does not say

    def load(self):
        module, _, attribute = self.value.partition(":")
        target = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


_INFO = re.compile(r"^(?P<name>.+?)(?:-(?P<version>[^-]*))?\.(?:dist|egg)-info$")


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(folder: str, named: str | None) -> str:
    """The version a ``*.dist-info`` folder's name carries (PEP 427 names it
    ``NAME-VERSION.dist-info``), else the ``Version:`` header of its metadata."""
    if named:
        return named
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, file), encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key.strip().lower() == "version":
                        return value.strip()
        except OSError:
            continue
    return ""


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """The entry points of ``group`` in the distributions on ``path`` (``sys.path``)."""
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in sys.path if path is None else path:
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
                version = _version(os.path.join(base or ".", folder), match["version"])
                for name, value in parser.items(group):
                    found.append(EntryPoint(name, value, distribution, version))
    return found

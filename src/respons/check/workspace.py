"""Finding and reading regime files, each parsed once per run.

A regime names the regimes it builds on by id (`上位 heilongjiang`) or by path
(`上位 "../province/heilongjiang.resp"`). An id is looked up as `<id>.resp` next to the
file that names it, then in each folder of ``regimes.path`` in respons.toml.
"""

from __future__ import annotations

from pathlib import Path

from respons.model.regime import RegimeRef
from respons.syntax.parser import ParsedFile, parse_file


class Workspace:
    def __init__(self, search_path: tuple[Path, ...] = ()) -> None:
        self.search_path = tuple(search_path)
        self._parsed: dict[Path, ParsedFile | Exception] = {}

    def load(self, path: str | Path) -> ParsedFile:
        """Parse a file once; re-raise its read error on every call."""
        key = Path(path).resolve()
        if key not in self._parsed:
            try:
                self._parsed[key] = parse_file(path)
            except (OSError, UnicodeDecodeError) as error:
                self._parsed[key] = error
        result = self._parsed[key]
        if isinstance(result, Exception):
            raise result
        return result

    def locate(self, ref: RegimeRef, from_file: str) -> Path | None:
        base = Path(from_file).parent
        if ref.is_path:
            candidate = (base / ref.target)
            return candidate if candidate.is_file() else None
        for folder in (base, *self.search_path):
            candidate = folder / f"{ref.target}.resp"
            if candidate.is_file():
                return candidate
        return None

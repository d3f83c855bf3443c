"""Finding and reading regime files, each parsed once per run.

A regime names the regimes it builds on by id (`上位 heilongjiang`) or by path
(`上位 "../province/heilongjiang.resp"`). An id is looked up as `<id>.resp` next to the
file that names it, then in each folder of ``regimes.path`` in respons.toml.

A file reached through a symbolic link is named by the file actually read — its real
path — in every diagnostic, so that the name above a caret is the file whose lines are
shown, however many links lead to it; its own relative references are read from its real
folder. Its regime id still comes from the name it was reached by (`上位 x` through a link
`x.resp` builds on the regime `x`).
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
                self._parsed[key] = parse_file(path, shown_path(path, key))
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
            return candidate if _present(candidate) else None
        for folder in (base, *self.search_path):
            candidate = folder / f"{ref.target}.resp"
            if _present(candidate):
                return candidate
        return None


def _present(path: Path) -> bool:
    """Whether something other than a folder is there: a FIFO or device is found, and
    then refused as no regular file (R0001), rather than reported as missing."""
    return path.exists() and not path.is_dir()


def shown_path(path: str | Path, real: Path) -> str:
    """How diagnostics name the file at ``path`` (whose real path is ``real``): as given,
    unless a symbolic link is on the way; then its real path, relative to the current
    folder when it lies below it."""
    if not _through_link(Path(path)):
        return str(path)
    try:
        return str(real.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(real)


def _through_link(path: Path) -> bool:
    """Whether any part of ``path`` as written is a symbolic link."""
    current = Path(path.anchor) if path.is_absolute() else Path()
    for part in path.parts[1:] if path.is_absolute() else path.parts:
        current = current / part
        if current.is_symlink():
            return True
    return False

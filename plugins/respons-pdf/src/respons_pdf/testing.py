"""A rendered PDF read back through poppler-utils (`pdftotext`, `pdffonts`, `pdfinfo`): its
text, its fonts, its page size and where each word stands — what the tests of this format,
and of whatever issues notices in it, assert on. Each helper needs poppler's tools;
`POPPLER_MISSING` says why not when they are absent, for a test's skip reason.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import attrs

TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")
_absent = [tool for tool in TOOLS if shutil.which(tool) is None]
POPPLER_MISSING = (f"poppler-utils is not installed ({', '.join(_absent)} not found): "
                   "apt-get install poppler-utils" if _absent else None)



def _weasyprint_missing() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: Pango's libraries not found
        return f"WeasyPrint cannot be loaded ({str(error).strip().splitlines()[0]})"
    return None


#: Why a PDF cannot be made here (WeasyPrint or Pango missing), or None.
WEASYPRINT_MISSING = _weasyprint_missing()
#: Why a PDF cannot be made and read back here, or None.
UNAVAILABLE = WEASYPRINT_MISSING or POPPLER_MISSING

MM = 72 / 25.4  # PDF points in a millimetre


def _run(tool: str, data: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(data)
        answer = subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                                capture_output=True, check=True, timeout=120)
        return answer.stdout.decode("utf-8")


def text(data: bytes) -> str:
    """The text the PDF shows, pages and lines joined: a line the layout wrapped, or a
    page it broke, does not split a phrase. Page numbers stay where they fall."""
    return re.sub(r"[\n\f]+", "", _run("pdftotext", data, "-enc", "UTF-8"))


def lines(data: bytes) -> list[str]:
    """The PDF's text line by line, as pdftotext reads it."""
    return [line for line in _run("pdftotext", data, "-enc", "UTF-8").splitlines() if line]


@attrs.frozen
class Font:
    """One row of pdffonts: the font's name without its subset tag, and whether it is
    embedded and subset."""

    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts(data: bytes) -> list[Font]:
    rows = _run("pdffonts", data).splitlines()[2:]
    found = []
    for row in rows:
        # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        match = re.match(r"^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$",
                         row)
        assert match, f"pdffonts row not understood: {row!r}"
        name = match[1].split("+", 1)[-1]
        found.append(Font(name, match[2], match[4] == "yes", match[5] == "yes",
                          match[6] == "yes"))
    return found


def info(data: bytes) -> dict[str, str]:
    """pdfinfo's fields (Title, Author, CreationDate, Pages, Page size…), dates in ISO 8601
    as the PDF holds them (2025-03-01T00:00:00+08), not in this machine's time zone."""
    return dict(tuple(part.strip() for part in line.split(":", 1))
                for line in _run("pdfinfo", data, "-isodates").splitlines() if ":" in line)


@attrs.frozen
class Word:
    """A word as pdftotext -bbox places it: its page (from 1) and box in millimetres from
    the page's top left corner."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float


class _Boxes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = 0
        self.box: dict | None = None
        self.words: list[Word] = []

    def handle_starttag(self, tag, attrs):
        if tag == "page":
            self.page += 1
        elif tag == "word":
            self.box = {key: float(value) / MM for key, value in attrs}

    def handle_data(self, data):
        if self.box is not None:
            box = self.box
            self.words.append(Word(self.page, data, box["xmin"], box["ymin"], box["xmax"],
                                   box["ymax"]))
            self.box = None


def words(data: bytes) -> list[Word]:
    boxes = _Boxes()
    boxes.feed(_run("pdftotext", data, "-bbox", "-enc", "UTF-8"))
    return boxes.words


def png(data: bytes, resolution: int = 60) -> list[bytes]:
    """Each page as a PNG image (pdftoppm -png -r ``resolution``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(path),
                        str(Path(folder) / "page")], check=True, timeout=120)
        return [page.read_bytes() for page in sorted(Path(folder).glob("page-*.png"))]

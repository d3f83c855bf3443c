"""A rendered DOCX read back through python-docx: its text, and the face and size of every
run — what the tests of this format, and of whatever issues notices in it, assert on."""

from __future__ import annotations

import io

import attrs
from docx import Document
from docx.oxml.ns import qn


def document(data: bytes):
    return Document(io.BytesIO(data))


def text(data: bytes) -> str:
    """The body's text, one paragraph a line."""
    return "\n".join(paragraph.text for paragraph in document(data).paragraphs)


@attrs.frozen
class Run:
    """A run read back: its text, its face for each script, its size in points, bold."""

    text: str
    ascii: str | None
    east_asia: str | None
    size: float | None
    bold: bool | None


def runs(paragraphs) -> list[Run]:
    found = []
    for paragraph in paragraphs:
        for run in paragraph.runs:
            fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
            ascii_, east_asia = ((fonts.get(qn("w:ascii")), fonts.get(qn("w:eastAsia")))
                                 if fonts is not None else (None, None))
            size = run.font.size.pt if run.font.size is not None else None
            found.append(Run(run.text, ascii_, east_asia, size, run.font.bold))
    return found

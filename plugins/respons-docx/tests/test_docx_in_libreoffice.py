"""The `docx` format as a word processor lays it out: LibreOffice (``soffice --headless``)
converts a rendered notice to PDF, and poppler reads that back — A4, 28 characters to a
full line of the body, the page numbers 7 mm under the text block at the right of odd
pages and the left of even ones, every element there. python-docx reads back what the
format wrote; this shows what a reader sees. Skipped, with the reason, where LibreOffice
or poppler-utils is not installed (it is not in .ci/run: LibreOffice is large)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytest.importorskip("respons_docx", reason="the docx format is not installed: python3 -m pip "
                    "install -e plugins/respons-docx")
import respons_docx

from respons.testing.formats import VALUES, sample

MISSING = [tool for tool in ("soffice", "pdftotext", "pdfinfo") if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"{', '.join(MISSING)} not found: "
                                "apt-get install libreoffice-writer-nogui poppler-utils")
MM = 72 / 25.4


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    """A notice whose 整改要求 runs over a page, as LibreOffice prints it."""
    folder = tmp_path_factory.mktemp("libreoffice")
    values = {**VALUES, "整改要求": "责" * 70 + "\n" + "\n".join(["限期整改。"] * 14)}
    (folder / "notice.docx").write_bytes(respons_docx.render(sample(values=values)))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to", "pdf", "--outdir", str(folder), str(folder / "notice.docx")],
                   capture_output=True, check=True, timeout=300)
    pdf = folder / "notice.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode()
    boxes = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                           capture_output=True, check=True).stdout.decode()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return text, boxes, info


def test_the_page_is_a4(laid_out):
    _, _, info = laid_out
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info


def test_a_full_line_of_the_body_holds_28_characters(laid_out):
    text, _, _ = laid_out
    lines = [line for line in text.splitlines() if set(line) == {"责"}]
    assert [len(line) for line in lines] == [26, 28, 16]  # 首行缩进 two characters


def test_every_element_is_there(laid_out):
    text, _, _ = laid_out
    flat = "".join(text.split())
    issued = sample()
    for part in (issued.title, issued.number, issued.recipient, "2025年3月1日",
                 VALUES["被考核单位"], VALUES["评议考核结果"], "抄送：吉林市人民政府办公室。",
                 *(e.citation.replace(" ", "") for e in issued.elements if e.citation)):
        assert part in flat, part


def test_page_numbers_stand_under_the_text_block_odd_right_even_left(laid_out):
    _, boxes, _ = laid_out
    pages = boxes.split("<page ")[1:]
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        dashes = [tuple(float(v) / MM for v in match) for match in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">—</word>',
            page)]
        assert len(dashes) == 2, page[:400]
        (left, top, _), (_, _, right) = dashes
        assert top == pytest.approx(37 + 225 + 7, abs=2)
        if number % 2:  # 一字 (4号, 4.94 mm) in from the text block's right edge
            assert right == pytest.approx(28 + 156 - 14 / MM, abs=1.5)
        else:  # mirrored: the outside margin (26 mm) is on the left
            assert left == pytest.approx(26 + 14 / MM, abs=1.5)

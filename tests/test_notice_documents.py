"""Every notice (文书) the seed regimes name, issued with sample data and rendered by the `docx`
and `pdf` format plugins (plugins/respons-docx, plugins/respons-pdf), then read back: the
DOCX through python-docx (every element and its article, the East Asian face on every run,
A4), the PDF through poppler (every element and its article, every font embedded, nothing
undrawn). Both formats show in `respons plugins`. Skipped, with the reason, where a plugin
or poppler-utils is not installed."""

from __future__ import annotations

import json

import pytest

from notice_samples import NOTICES, TITLES, issue, parts
from paths import ROOT
from respons.registry.fonts import installed

respons_docx = pytest.importorskip("respons_docx", reason="the docx format is not installed: "
                                   "python3 -m pip install -e plugins/respons-docx")
respons_pdf = pytest.importorskip("respons_pdf", reason="the pdf format is not installed: "
                                  "python3 -m pip install -e plugins/respons-pdf")
from respons_docx import faces as docx_faces  # noqa: E402
from respons_docx import testing as docx_back  # noqa: E402
from respons_pdf import fonts as pdf_fonts  # noqa: E402
from respons_pdf import testing as pdf_back  # noqa: E402


def test_the_seed_regimes_name_notices_enough_to_matter():
    assert len(NOTICES) >= 30
    assert {"jilin-city/整改通知书", "hangzhou/行政执法责任追究决定书", "tongzhou/暂扣通知书",
            "tongzhou/政府法制建议书"} <= set(NOTICES)


@pytest.mark.parametrize("key", sorted(NOTICES))
def test_every_seed_notice_renders_as_docx_read_back(key):
    issued = issue(*NOTICES[key])
    data = respons_docx.render(issued)
    text = docx_back.text(data)
    for part in parts(issued):
        assert part in text, part
    read = docx_back.document(data)
    families = {found.family for face in docx_faces.FACES for found in installed(face)}
    assert all(run.east_asia in families for run in docx_back.runs(read.paragraphs))
    assert round(read.sections[0].page_width.mm) == 210


@pytest.mark.skipif(pdf_back.UNAVAILABLE is not None, reason=pdf_back.UNAVAILABLE or "")
@pytest.mark.parametrize("key", sorted(NOTICES))
def test_every_seed_notice_renders_as_pdf_read_back(key):
    issued = issue(*NOTICES[key])
    data = respons_pdf.render(issued)
    text = pdf_back.text(data)
    # A line may wrap at a space (…办法 第十二条), and the 发文机关标志 is letter-spaced:
    # compare without spaces.
    flat = "".join(text.split())
    for part in parts(issued):
        assert "".join(part.split()) in flat, part
    fonts = pdf_back.fonts(data)
    assert fonts and all(font.embedded and font.subset for font in fonts)
    chains = {family.replace(" ", "-") for face in pdf_fonts.FACES for family in face.families}
    assert {font.name.removesuffix("-Bold") for font in fonts} <= chains
    assert "\ufffd" not in text


def test_respons_plugins_lists_both_formats(respons):
    result = respons("plugins", "--format", "json")
    formats = {entry["name"]: entry for entry in json.loads(result.stdout)["plugins"]
               if entry["kind"] == "format"}
    assert {"docx", "pdf"} <= set(formats)
    text = respons("plugins").stdout
    assert "respons-docx 0.1.0" in text and "respons-pdf 0.1.0" in text


# ── the examples shown in docs/notices.md ────────────────────────────────────────────
def _examples():
    import importlib.util

    path = ROOT / "plugins" / "respons-pdf" / "examples" / "seed_notices.py"
    spec = importlib.util.spec_from_file_location("seed_notices", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(pdf_back.UNAVAILABLE is not None, reason=pdf_back.UNAVAILABLE or "")
def test_the_pictures_in_the_docs_are_of_the_notices_as_they_render_now():
    """Every example page is in docs/notices/ and shown by docs/notices.md, under ~150 KB,
    and rendering the example today gives as many pages, of the same size."""
    examples = _examples()
    doc = (ROOT / "docs" / "notices.md").read_text("utf-8")
    folder = ROOT / "docs" / "notices"
    shown = set()
    for regime_id, name, sequence, facts in examples.EXAMPLES:
        regime, notice = NOTICES[f"{regime_id}/{name}"]
        data = respons_pdf.render(examples.issue(regime, notice, sequence, facts, TITLES))
        pages = pdf_back.png(data)
        for page, image in enumerate(pages, 1):
            picture = folder / f"{regime_id}-{name}-{page}.png"
            assert picture.is_file(), f"{picture.name}: run seed_notices.py docs/notices"
            kept = picture.read_bytes()
            assert len(kept) < 150 * 1024 and kept[16:24] == image[16:24]  # width, height
            assert f"(notices/{picture.name})" in doc, picture.name
            shown.add(picture.name)
    assert {p.name for p in folder.glob("*.png")} == shown  # none left over


def test_a_regime_may_issue_its_notices_as_docx_and_pdf(respons, tmp_path):
    """`格式 docx, pdf` checks clean where the plugins are installed (R0701 otherwise)."""
    path = tmp_path / "t.resp"
    path.write_text("制度 测试规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
                    "文书 整改通知书 〔第三十二条〕 {\n  标题 \"整改通知书\"\n"
                    "  格式 md, html, docx, pdf\n}\n", "utf-8")
    result = respons("check", "--format", "json", str(path))
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert result.exit_code == 0 and "R0701" not in codes, result.stdout
    path.write_text(path.read_text("utf-8").replace("pdf", "odt"), "utf-8")
    result = respons("check", "--format", "json", str(path))
    assert result.exit_code == 1
    assert [d["help"] for d in json.loads(result.stdout)["diagnostics"]
            if d["code"] == "R0701"] == ["installed formats: docx, html, md, pdf"]

"""Every notice the seed regimes name renders in the built-in formats, md and html, with every
part of it there to read (the docx and pdf formats: tests/test_notice_documents.py)."""

from __future__ import annotations

import html as html_text

import pytest

from notice_samples import NOTICES, issue, parts
from respons.plugins import html, markdown


@pytest.mark.parametrize("key", sorted(NOTICES))
def test_every_seed_notice_renders_as_markdown_and_html(key):
    issued = issue(*NOTICES[key])
    md = markdown.render(issued).decode("utf-8")
    page = html_text.unescape(html.render(issued).decode("utf-8"))
    for part in parts(issued):
        assert part in md, (key, "md", part)
        for line in part.splitlines():
            assert line in page, (key, "html", line)

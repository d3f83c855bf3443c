"""What the publish tests share: the seed regimes, publishing one into a folder, and reading
a site's links and anchors back with the standard library's HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from paths import JURISDICTIONS

#: Every seed regime (a file of scenarios only is a test of the regime it builds on).
SEEDS = sorted(p for p in JURISDICTIONS.glob("*.resp") if not p.name.endswith(".test.resp"))


def site_of(path: Path, language: str | None = None) -> dict[str, bytes]:
    from respons.check.runner import check_paths
    from respons.registry import Registry, plugin_manager
    from respons.report.site import build_site

    report = check_paths([str(path)], Registry(plugin_manager()))
    assert report.valid, [d.message for d in report.diagnostics if d.severity == "error"]
    return build_site(report.resolved[0].regime, report.titles, language)


#: Elements without an end tag in HTML.
VOID = {"meta", "link", "br", "img", "input", "hr"}


class Page(HTMLParser):
    """The links (href and src), the ids and the elements of one page, and whether every
    element it opens it closes, in order (``unbalanced`` lists what does not)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.feed(text)
        self.close()
        self.unbalanced += [f"<{tag}> never closed" for tag in self.open]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.unbalanced.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")

    def handle_starttag(self, tag, attrs, closed=False):
        if tag not in VOID and not closed:
            self.open.append(tag)
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value is not None:
                if value in self.ids:
                    self.unbalanced.append(f'id="{value}" given twice')
                self.ids.add(value)


def broken_links(files: dict[str, bytes]) -> list[str]:
    """Every element of every page left open or closed out of order, and every link that
    does not lead to a file of the site or to an anchor that page has: as "page: what"."""
    pages = {name: Page(data.decode()) for name, data in files.items()
             if name.endswith(".html")}
    broken = [f"{name}: {problem}" for name, page in sorted(pages.items())
              for problem in page.unbalanced]
    for name, page in sorted(pages.items()):
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("/"):
                broken.append(f"{name}: {link} (not relative)")
                continue
            target = unquote(parts.path) or name
            if target not in files:
                broken.append(f"{name}: {link} (no such file)")
            elif parts.fragment and parts.fragment not in pages[target].ids:
                broken.append(f"{name}: {link} (no such anchor)")
    return broken

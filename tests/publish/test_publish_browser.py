"""The disclosure site in a real browser: headless Chromium (Debian's `chromium`, which
.ci/run installs) opens every page of every seed regime's site at a phone's width (390 px)
and finds no console error, no failed load, no request to any host, no horizontal scroll,
and every link leading to a page of the site or an anchor that exists; screenshots of two
pages are compared with the ones kept here. Skipped, with the reason, where there is no
Chromium. `RESPONS_UPDATE_SCREENSHOTS=1` writes the screenshots anew (look at them first).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from chromium import Chromium, ProtocolError, find_chromium, problems
from pngdiff import decode, difference
from site_helpers import SEEDS, site_of

from paths import JURISDICTIONS, ROOT
from respons.report.site.write import write_site

WIDTH, HEIGHT = 390, 844
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
#: The share of pixels two screenshots of one page may differ in: a glyph rendered a pixel
#: off by another FreeType or font build changes a few, a changed layout many more.
TOLERANCE = 0.02
#: The pages whose screenshots are kept: a site's index, an agency's 权责清单 with a power's
#: procedure drawn as a flowchart, and a duty's clock with an extension (hangzhou 48).
COMPARED = [("hangzhou", "index.html"), ("hangzhou", "agency-2.html"),
            ("hangzhou", "duties.html#duty-3")]

_LINKS = """JSON.stringify({
  links: Array.from(document.querySelectorAll('a[href], link[href]'), e => e.href)
    .concat(Array.from(document.querySelectorAll('[src]'), e => e.src)),
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
  scroll: document.documentElement.scrollWidth,
  width: window.innerWidth})"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("no chromium on this machine (Debian: apt-get install chromium; or set "
                    "RESPONS_CHROMIUM to a Chromium or Chrome executable)")
    try:
        chromium = Chromium(executable, width=WIDTH, height=HEIGHT)
    except (ProtocolError, OSError) as error:
        pytest.skip(f"chromium at {executable} does not start headless: {error}")
    yield chromium
    chromium.close()


def font_missing() -> str | None:
    """Why the kept screenshots cannot be compared here: they were taken in Noto Sans CJK SC
    (Debian's fonts-noto-cjk), and a page drawn in another CJK font differs everywhere."""
    if shutil.which("fc-list") is None:
        return None  # no fontconfig to ask: compare, and let a difference show
    listed = subprocess.run(["fc-list", "Noto Sans CJK SC"], capture_output=True, text=True,
                            check=False).stdout
    if not listed.strip():
        return ("the kept screenshots were taken in Noto Sans CJK SC, which is not installed "
                "(Debian: apt-get install fonts-noto-cjk)")
    return None


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Every seed regime's site, and the English tour's, written as `respons publish` does."""
    root = tmp_path_factory.mktemp("sites")
    written = {}
    for path in [*SEEDS, ROOT / "examples" / "language-tour.resp"]:
        out = root / path.stem
        write_site(site_of(path), out)
        written[path.stem] = out
    return written


def test_every_page_loads_cleanly_and_every_link_resolves(browser, sites):
    import json

    failures = []
    for name, folder in sorted(sites.items()):
        pages = sorted(p.name for p in folder.glob("*.html"))
        seen = {}
        for page in pages:
            url = (folder / page).as_uri()
            failures += [f"{name}/{page}: {p}" for p in problems(browser.open(url))]
            facts = json.loads(browser.evaluate(_LINKS))
            if facts["scroll"] > facts["width"]:
                failures.append(f"{name}/{page}: scrolls sideways at {WIDTH} px "
                                f"({facts['scroll']} px wide)")
            seen[page] = facts
        for page, facts in seen.items():
            for link in facts["links"]:
                parts = urlsplit(link)
                target = Path(unquote(parts.path))
                if parts.scheme != "file" or target.parent != folder:
                    failures.append(f"{name}/{page}: {link} leaves the site")
                elif target.name not in seen and not target.is_file():
                    failures.append(f"{name}/{page}: {link} leads to no file")
                elif parts.fragment and parts.fragment not in seen.get(target.name,
                                                                        {"ids": []})["ids"]:
                    failures.append(f"{name}/{page}: {link} leads to no anchor")
    assert failures == []


def test_the_browser_sees_what_a_bad_page_would_do(browser, tmp_path):
    """The checks above can fail: a script's console error, a file that does not load, and
    a request to a host (here the discard port of this machine, so nothing leaves it)."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><link rel="stylesheet" href="gone.css">'
                   '</head><body><img src="http://127.0.0.1:9/x.png">'
                   '<script>console.error("broken")</script></body></html>')
    found = problems(browser.open(bad.as_uri()))
    assert "console error: broken" in found
    assert any(p.startswith("log error: Failed to load resource") and "gone.css" in p
               for p in found)
    assert "request to http://127.0.0.1:9/x.png" in found


@pytest.mark.parametrize(("regime", "page"), COMPARED, ids=lambda value: value)
def test_a_screenshot_at_phone_width_matches_the_one_kept(browser, tmp_path, regime, page):
    reason = font_missing()
    if reason:
        pytest.skip(reason)
    out = tmp_path / regime
    write_site(site_of(JURISDICTIONS / f"{regime}.resp"), out)
    file, _, anchor = page.partition("#")
    assert problems(browser.open((out / file).as_uri() + (f"#{anchor}" if anchor else ""))) \
        == []
    shot = browser.screenshot()
    name = page.replace(".html", "").replace("#", "-")
    kept = SCREENSHOTS / f"{regime}-{name}-{WIDTH}.png"
    if os.environ.get("RESPONS_UPDATE_SCREENSHOTS") == "1" or not kept.exists():
        SCREENSHOTS.mkdir(exist_ok=True)
        kept.write_bytes(shot)
        if os.environ.get("RESPONS_UPDATE_SCREENSHOTS") != "1":
            pytest.fail(f"no screenshot was kept for {regime}/{page}: wrote {kept.name}; "
                        "look at it and commit it")
    assert decode(shot)[:2] == (WIDTH, HEIGHT)
    share = difference(shot, kept.read_bytes())
    assert share <= TOLERANCE, f"{share:.1%} of the pixels differ from {kept.name}"


def test_the_comparison_tells_two_pages_apart():
    """The tolerance lets a pixel's rendering through, not another page."""
    index, agency = (SCREENSHOTS / f"hangzhou-{page}-{WIDTH}.png" for page in ("index", "agency-2"))
    assert difference(index.read_bytes(), agency.read_bytes()) > 5 * TOLERANCE

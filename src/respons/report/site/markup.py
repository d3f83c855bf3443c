"""The HTML of the disclosure site: escaping, the page around each section, the style sheet.

Every value a regime wrote goes through `esc` before it reaches a page: HTML-escaped
(quotes too, so it is safe in an attribute) with every control character written as a
visible escape (``respons.terminal.clean``), so a regime string can neither add markup nor
hide text. Pages are readable on a phone — a viewport meta, one column, text that wraps
anywhere it must — and request nothing from any host: the style sheet is a file of the
site, the fonts are the reader's own (a list of common CJK faces, then sans-serif), there
is no script. Links are relative.
"""

from __future__ import annotations

import html

from respons.report.site.words import SiteWords
from respons.terminal import clean

GENERATOR = "respons publish"
STYLESHEET = "style.css"


def esc(value) -> str:
    return html.escape(clean(str(value)), quote=True)


#: Where a sentence of the words table takes a piece of markup (a link): private-use
#: characters, which neither escaping nor `clean` changes; the first slot, then the second.
SLOT, SLOT2 = "\ue000", "\ue001"


def fill(sentence: str, *markups: str) -> str:
    """``sentence`` (words with `SLOT`, `SLOT2` where values go) escaped, with ``markups``
    in the slots in order: a sentence around links."""
    text = esc(sentence)
    for slot, markup in zip((SLOT, SLOT2), markups, strict=False):
        text = text.replace(slot, markup, 1)
    return text


def page(words: SiteWords, *, title: str, site_title: str, body: str,
         nav: list[tuple[str, str]], current: str) -> str:
    """A whole page: head (charset, viewport, title, the site's style sheet), a header with
    the site's sections (``nav``: file, label; the page's own, ``current``, marked as the
    current one), and ``body`` (already markup)."""
    crumbs = " ".join(
        f'<a href="{target}"' + (' aria-current="page"' if target == current else "")
        + f">{esc(label)}</a>" for target, label in nav)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{words("lang")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{STYLESHEET}">\n</head>\n<body>\n'
        f'<header><p class="site">{esc(words("site"))} · {esc(site_title)}</p>'
        f"<nav>{crumbs}</nav></header>\n"
        f"<main>\n{body}</main>\n</body>\n</html>\n")


def link(name: str, agencies: dict[str, str]) -> str:
    """A name, linked to its agency's page where it names an agency of the site, or a body
    or post of one (区政府.区政府法制办)."""
    target = agencies.get(name) or agencies.get(name.split(".")[0])
    return f'<a href="{target}">{esc(name)}</a>' if target else esc(name)


def cited(text: str) -> str:
    """An article, as every item shows it after the item (``text`` in its brackets
    already), or nothing."""
    return f' <span class="cite">{esc(text)}</span>' if text else ""


CSS = """\
/* The disclosure site's one style sheet: one column, readable from 320 px up. */
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: #1a202c; background: #f7f7f5; line-height: 1.6; font-size: 16px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "WenQuanYi Micro Hei", system-ui, sans-serif;
  overflow-wrap: anywhere; word-break: normal;
}
header { background: #7a1f1f; color: #fff; padding: .6rem 1rem; }
header .site { margin: 0; font-weight: bold; }
header nav a { color: #fde8e8; display: inline-block; margin-right: .6rem; }
header nav a[aria-current] { color: #fff; font-weight: bold; text-decoration: none; }
main { max-width: 46rem; margin: 0 auto; padding: .5rem 1rem 2rem; }
h1 { font-size: 1.45rem; line-height: 1.35; margin: 1rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #7a1f1f; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
section.item {
  background: #fff; border: 1px solid #e2e2dc; border-radius: 6px;
  padding: .6rem .8rem; margin: .7rem 0;
}
dl { margin: .3rem 0; }
dt { font-weight: bold; color: #4a5568; font-size: .9rem; }
dd { margin: 0 0 .4rem 0; }
ul, ol { padding-left: 1.3rem; margin: .3rem 0; }
.cite { color: #7a1f1f; font-size: .85rem; white-space: normal; }
.muted { color: #4a5568; }
p.notice { border-left: 4px solid #c53030; background: #fdecea; padding: .4rem .6rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; }
dl.facts dt, dl.facts dd { margin: 0; }
h4 { font-size: 1rem; margin: .2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #e2e2dc; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #efefea; }
svg.flow { display: block; max-width: 100%; height: auto; margin: .4rem 0;
  font-family: inherit; }
a { color: #1f4e8c; }
footer { font-size: .8rem; color: #4a5568; margin-top: 2rem; }
/* Printed for a notice board (政务公开栏): no navigation, no box split over two pages. */
@media print {
  header nav { display: none; }
  body { background: #fff; }
  section.item, svg.flow { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

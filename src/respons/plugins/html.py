"""The built-in notice format `html`: a notice as one standalone HTML page (UTF-8), laid out
after GB/T 9704-2012 (党政机关公文格式) for the screen and for print.

The page is complete in itself: one inline stylesheet, no script, no image, no font file,
no link to anything — it opens the same offline, in a mail client or from a USB stick. For
print it is an A4 page with the standard's margins (天头 37 mm, 订口 28 mm; 版心 156 × 225
mm, 22 lines of 28 characters), page numbers "— 1 —" where the browser prints margin boxes;
on a screen the same sheet, narrowed to fit a phone. Its parts in the standard's order
(7.2–7.4): 发文机关标志 (the issuer, red), 发文字号 with its 〔〕 and the red rule, 标题 in 2号
小标宋, 主送机关 and a full-width colon, the body in 3号 仿宋 — each element under a
first-level heading (一、 in 黑体) with the article that requires it —, the article the notice
is issued under, 发文机关署名 and 成文日期 in Arabic numerals (2025年3月1日; laid out as 7.3.5.2
says by `respons.registry.gbt9704`, which the pdf and docx formats share), and 版记 with
抄送机关 in 4号. 小标宋, 仿宋 and 黑体 are proprietary faces: each is asked for by its usual
names first, then by free faces Debian ships (FandolFang, Noto Serif/Sans CJK SC, AR PL
UMing, WenQuanYi), then by the generic family.

Every value is the regime's or a record's text, so every one is escaped
(``html.escape(quote=True)``) and its control characters — and the bidirectional overrides
that reorder what a reader sees — written as visible escapes (``respons.terminal.clean``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from respons import hookimpl
from respons.model.notice import IssuedNotice, written_date
from respons.registry import NoticeFormat
from respons.registry.gbt9704 import east_asian_width, signature
from respons.syntax.numerals import to_chinese
from respons.terminal import clean

#: Font stacks: the proprietary faces GB/T 9704 names, then free ones, then the generic.
TITLE_FONTS = ('"方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", '
               '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN", '
               '"SimSun", serif')
BODY_FONTS = ('"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "FandolFang", '
              '"Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "SimSun", serif')
HEADING_FONTS = ('"黑体", "SimHei", "FandolHei", "Noto Sans CJK SC", "Source Han Sans SC", '
                 '"WenQuanYi Zen Hei", sans-serif')

STYLE = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{ content: "— " counter(page) " —"; font: 14pt {BODY_FONTS}; }} }}
html {{ background: #eee; }}
body {{ margin: 0; color: #000; font: 16pt/calc(225mm / 22) {BODY_FONTS};
  font-kerning: none; }}
.sheet {{ box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm;
  margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; }}
.issuer-mark {{ margin: 0; text-align: center; color: #d00; font: 26pt/1.4 {TITLE_FONTS};
  letter-spacing: .1em; }}
.number {{ margin: calc(2 * 225mm / 22) 0 0; text-align: center; }}
.rule {{ margin: 4mm 0 0; border: 0; border-top: .35mm solid #d00; }}
h1 {{ margin: calc(2 * 225mm / 22) 0 0; text-align: center; font: 22pt/1.5 {TITLE_FONTS}; }}
.recipient {{ margin: calc(225mm / 22) 0 0; }}
h2 {{ margin: 0; text-indent: 2em; font: 16pt/calc(225mm / 22) {HEADING_FONTS}; }}
p {{ margin: 0; text-indent: 2em; overflow-wrap: anywhere; }}
.recipient, .copy-to, .issuer-mark, .number {{ text-indent: 0; }}
.cited {{ font-size: 14pt; }}
.signature {{ margin: calc(225mm / 22) 0 0; --char: 1em; break-inside: avoid; }}
.signature p {{ text-indent: 0; text-align: right; }}
.record {{ margin-top: calc(2 * 225mm / 22); border-top: .35mm solid #000;
  border-bottom: .35mm solid #000; font-size: 14pt; }}
.copy-to {{ padding: 0 1em; }}
@media screen and (max-width: 210mm) {{
  .sheet {{ min-height: 0; padding: 8vw 5vw; }} body {{ font-size: 12pt; line-height: 1.8; }}
  h1 {{ font-size: 17pt; }} .issuer-mark {{ font-size: 19pt; }} h2 {{ font-size: 12pt; }} }}
@media print {{ html {{ background: none; }} .sheet {{ width: auto; min-height: 0;
  padding: 0; }} }}
"""


def _text(value: str) -> str:
    """A value as HTML text: control characters visible, markup characters escaped."""
    return escape(clean(str(value)), quote=True)


def _paragraphs(value: str, css: str = "") -> list[str]:
    """A value of several lines as one paragraph per line."""
    attribute = f' class="{css}"' if css else ""
    return [f"<p{attribute}>{_text(line)}</p>" for line in str(value).split("\n")]


def _signature(issued: IssuedNotice, measure: Callable[[str], float]) -> list[str]:
    """发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5.2, laid out by
    `respons.registry.gbt9704`): one line under the body, each line set flush right against
    its own empty space, counted in characters (``--char``: 1em here; a format that sets
    the body closer says how wide its character is)."""
    signed = signature(clean(str(issued.issuer)), written_date(issued.date), measure)
    lines = ((signed.issuer, signed.issuer_right, "issuer"),
             (signed.date, signed.date_right, "date"))
    return ['<div class="signature">',
            *(f'<p class="{css}" style="margin-right: calc({right:g} * var(--char))">'
              f"{_text(text)}</p>" for text, right, css in lines), "</div>"]


def render(issued: IssuedNotice) -> bytes:
    """The page as UTF-8 bytes; `ValueError` for a notice lacking a required element."""
    return page(issued).encode("utf-8")


def page(issued: IssuedNotice, measure: Callable[[str], float] = east_asian_width) -> str:
    """The page; ``measure`` gives the width of a text of the body in characters, for
    the signature's layout (by default each character's East Asian Width)."""
    missing = issued.missing()
    if missing:
        raise ValueError(f"notice {issued.notice.name} lacks required elements: "
                         + "、".join(missing))
    body = [f'<p class="issuer-mark">{_text(issued.issuer)}</p>',
            f'<p class="number">{_text(issued.number)}</p>', '<hr class="rule">',
            f"<h1>{_text(issued.title)}</h1>"]
    if issued.recipient.strip():  # a notice sent to no one named has no 主送 line (7.3.1)
        body.append(f'<p class="recipient">{_text(issued.recipient)}：</p>')
    shown = [e for e in issued.elements if str(e.text).strip()]
    for number, element in enumerate(shown, 1):
        body.append(f"<h2>{to_chinese(number)}、{_text(element.name)}</h2>")
        body += _paragraphs(element.text)
        if element.citation:
            body.append(f'<p class="cited">（依据：{_text(element.citation)}）</p>')
    if issued.citation:
        body.append(f"<p>依据：{_text(issued.citation)}</p>")
    body += _signature(issued, measure)
    if issued.copy_to:
        names = "，".join(_text(name) for name in issued.copy_to)
        body += ['<div class="record">', f'<p class="copy-to">抄送：{names}。</p>', "</div>"]
    document = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{_text(issued.title)} {_text(issued.number)}</title>",
                f"<style>{STYLE}</style>", "</head>", "<body>",
                '<main class="sheet">', *body, "</main>", "</body>", "</html>", ""]
    return "\n".join(document)


@hookimpl(trylast=True)
def respons_notice_formats() -> list[NoticeFormat]:
    return [NoticeFormat(name="html", media_type="text/html; charset=utf-8", extension=".html",
                         render=render, description="a standalone HTML page after GB/T "
                         "9704-2012 (UTF-8, A4 for print, no script or outside resource)")]

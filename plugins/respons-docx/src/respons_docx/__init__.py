"""The notice format `docx`: a notice (文书) as a Word document laid out after GB/T 9704-2012 —
A4, 天头 37 mm, 订口 28 mm, a text block of 156 × 225 mm of 22 lines of 28 characters,
发文机关标志 in red, 发文字号 with its 〔〕 over the red rule, 标题 in a 2号 小标宋 stand-in,
the body in a 3号 仿宋 stand-in with each element under its heading and its article,
成文日期 in Arabic numerals, 抄送 in 版记, and page numbers "— 1 —" (odd right, even left).

The layout is `respons_docx.document`, the faces `respons_docx.faces` (the chains and the
glyph check of `respons.registry.fonts`, shared with the `pdf` format: a notice holding a
character no face of its chain can draw is refused with a `ValueError` naming it), their
embedding `respons_docx.embed`, and the same bytes for the same notice
`respons_docx.package`.
"""

from __future__ import annotations

from respons import hookimpl
from respons.model.notice import IssuedNotice
from respons.registry import NoticeFormat
from respons_docx.document import build
from respons_docx.package import describe, save

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(issued: IssuedNotice) -> bytes:
    """The notice as DOCX bytes; `ValueError` for a notice lacking a required element."""
    missing = issued.missing()
    if missing:
        raise ValueError(f"notice {issued.notice.name} lacks required elements: "
                         + "、".join(missing))
    document = build(issued)
    describe(document, issued)
    return save(document)


@hookimpl
def respons_notice_formats() -> list[NoticeFormat]:
    return [NoticeFormat(name="docx", media_type=MEDIA_TYPE, extension=".docx", render=render,
                         description="Word document after GB/T 9704-2012 (A4, 22 lines of 28 "
                         "characters, 小标宋/仿宋/黑体 stood in for by free CJK faces, page "
                         "numbers — 1 —)")]

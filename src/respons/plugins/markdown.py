"""The built-in notice format `md`: a notice as Markdown text (UTF-8).

Plain enough to paste into any system, and the reference for writing a format plugin:
one `NoticeFormat` descriptor and a `render(issued) -> bytes` function.
"""

from __future__ import annotations

from respons import hookimpl
from respons.model.notice import IssuedNotice, written_date
from respons.registry import NoticeFormat
from respons.terminal import clean


def _escape(text: str) -> str:
    # Control characters and bidirectional overrides visible (`\x1b`), as the other formats
    # write them: a notice opened in a terminal is read, not obeyed.
    return "".join("\\" + c if c in "\\`*_[]#<>|" else c for c in clean(str(text)))


def render(issued: IssuedNotice) -> bytes:
    missing = issued.missing()
    if missing:
        raise ValueError(f"notice {issued.notice.name} lacks required elements: "
                         + "、".join(missing))
    lines = [f"# {_escape(issued.title)}", ""]
    if issued.number:
        lines += [_escape(issued.number), ""]
    if issued.recipient.strip():  # no one named: no 主送 line (GB/T 9704-2012 7.3.1)
        lines += [f"{_escape(issued.recipient)}：", ""]
    for element in issued.elements:
        cited = f"（{_escape(element.citation)}）" if element.citation else ""
        lines += [f"**{_escape(element.name)}**：{_escape(element.text)}{cited}", ""]
    if issued.citation:
        lines += [f"依据：{_escape(issued.citation)}", ""]
    lines += [f"{_escape(issued.issuer)}", written_date(issued.date), ""]
    if issued.copy_to:
        lines += [f"抄送：{'、'.join(_escape(c) for c in issued.copy_to)}", ""]
    return "\n".join(lines).encode("utf-8")


@hookimpl(trylast=True)
def respons_notice_formats() -> list[NoticeFormat]:
    return [NoticeFormat(name="md", media_type="text/markdown; charset=utf-8", extension=".md",
                         render=render, description="Markdown text (UTF-8)")]

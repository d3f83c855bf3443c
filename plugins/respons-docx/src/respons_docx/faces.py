"""The faces a DOCX notice names, and the sizes of GB/T 9704-2012 (字号 in points).

A DOCX embeds no font: it names one face per run, and the word processor that opens it
draws with that face or substitutes its own. So each face of the standard (小标宋, 仿宋,
黑体, 宋体 — all proprietary) is named by the free face Debian ships that stands in for it
(`FACES`, the same stand-ins the `pdf` format embeds first), and the document's font table
gives the standard's own face as that face's alternate name (``w:altName``), which Word
takes where the free face is not installed — on a Windows desk with 仿宋_GB2312, the notice
comes out in 仿宋_GB2312.
"""

from __future__ import annotations

import attrs
from docx.shared import Pt


@attrs.frozen
class Face:
    """A face of the standard (``role``), what it sets, the free face named in the document
    (``family``), whether it is set bold, and the standard's face (``standard``)."""

    role: str
    use: str
    family: str
    bold: bool
    standard: str


#: One row per face of the standard; the document, its font table and docs/notices.md read it.
FACES: tuple[Face, ...] = (
    Face("小标宋", "发文机关标志 (7.2.4), 标题 (7.3.1)", "Noto Serif CJK SC", True,
         "方正小标宋简体"),
    Face("仿宋", "正文 (5.2.2), 主送机关, 署名, 成文日期 (7.3), 抄送 (7.4.2)", "AR PL UKai CN",
         False, "仿宋_GB2312"),
    Face("黑体", "一级标题 一、 (7.3.3)", "Noto Sans CJK SC", False, "黑体"),
    Face("宋体", "页码 (7.5)", "Noto Serif CJK SC", False, "宋体"),
)

BY_ROLE = {face.role: face for face in FACES}

#: 字号 (GB/T 9704 writes sizes by number): 2号 the title, 3号 the body, 4号 page numbers
#: and 版记; 发文机关标志 is set larger than the title, as the `html` format does.
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
SIZE_MARK = Pt(26)

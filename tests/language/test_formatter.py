"""`respons fmt`: one canonical layout, comments kept, idempotent, meaning unchanged."""

from __future__ import annotations

from paths import JURISDICTIONS
from respons.syntax.formatter import format_text
from respons.syntax.parser import parse_text

MESSY = """# 杭州 (header comment)
制度   杭州市规定  {  层级 市 ;施行 2006-12-01
日历 cn }



记录 责任追究 {   主键 案号
      事件 立案 ,不予立案、决定   # events of a case
}
措施 通报批评 〔第三十九条〕 { 轻重 3 }
情形 甲 〔第四十条〕
情形 乙 〔第四十条〕
阶梯 人员责任 〔第四十条〕 {

   第1级 甲 或
 乙 => 通报批评
   # a comment on its own line

}
"""

CANONICAL = """# 杭州 (header comment)
制度 杭州市规定 {
  层级 市
  施行 2006-12-01
  日历 cn
}

记录 责任追究 {
  主键 案号
  事件 立案, 不予立案、决定  # events of a case
}

措施 通报批评 〔第三十九条〕 {
  轻重 3
}

情形 甲 〔第四十条〕
情形 乙 〔第四十条〕
阶梯 人员责任 〔第四十条〕 {
  第1级 甲 或
      乙 => 通报批评
  # a comment on its own line
}
"""


def test_messy_text_gets_the_canonical_layout():
    assert format_text(MESSY) == CANONICAL


def test_formatting_keeps_the_meaning_and_is_idempotent():
    assert parse_text(MESSY, "t.resp").regime == parse_text(CANONICAL, "t.resp").regime
    assert format_text(CANONICAL) == CANONICAL


def test_every_jurisdiction_is_already_canonical():
    for path in sorted(JURISDICTIONS.glob("*.resp")):
        text = path.read_text("utf-8")
        assert format_text(text) == text, path.name


def test_empty_blocks_and_crlf_line_ends():
    text = "制度 规定 {\r\n  层级 市\r\n}\r\n机关 局 {  }\r\n"
    assert format_text(text) == "制度 规定 {\n  层级 市\n}\n\n机关 局 {}\n"


def test_fmt_command_rewrites_checks_and_refuses_broken_files(respons, tmp_path):
    messy = tmp_path / "messy.resp"
    messy.write_text(MESSY, "utf-8")
    result = respons("fmt", "--check", str(messy))
    assert result.exit_code == 1 and "would reformat" in result.stdout
    assert messy.read_text("utf-8") == MESSY  # --check writes nothing
    assert respons("fmt", str(messy)).exit_code == 0
    assert messy.read_text("utf-8") == CANONICAL
    assert respons("fmt", "--check", str(messy)).exit_code == 0
    broken = tmp_path / "broken.resp"
    broken.write_text("制度 规定 {\n  层级 市\n", "utf-8")
    result = respons("fmt", str(broken))
    assert result.exit_code == 1 and "R0102" in result.stderr
    assert broken.read_text("utf-8") == "制度 规定 {\n  层级 市\n"

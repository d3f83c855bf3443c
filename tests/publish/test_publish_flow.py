"""The flowcharts of the disclosure site: a duty's clock and a power's procedure as nodes,
and their SVG layout — wrapped, escaped, deterministic."""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from site_helpers import Page, broken_links

from respons.check.runner import check_paths
from respons.report.site import build_site
from respons.report.site.agencies import procedure
from respons.report.site.duties import clock
from respons.report.site.flow import _OPENERS, WIDTH, Node, _width, flowchart, wrap
from respons.report.site.text import Speaker
from respons.report.site.words import SiteWords

CLOCK = """\
制度 时限测试 {
  层级 市
  施行 2020-01-01
}

机关 某局 〔第五条〕 {
  性质 法定 〔第五条〕
  职权 处罚 罚款 〔第六条〕
  职权 检查 巡查 〔第七条〕
  岗位 执法人员 〔第八条〕 {
    承担 罚款, 巡查
  }
}

记录 案件 〔第一条〕 {
  主键 编号
  事件 立案, 决定, 鉴定开始, 鉴定结束, 批准延长
}

过错 超期 〔第九条〕

职责 作出决定 〔第二条〕 {
  起算 案件.立案
  期限 30 工作日
  延长 15 工作日 经 主管机关 凭 案件.批准延长 〔第三条〕
  中止 案件.鉴定开始 至 案件.鉴定结束 〔第四条〕
  完成 案件.决定
  负责 某局
  违反 超期
}
"""


def resolved(tmp_path, text=CLOCK, valid=True):
    path = tmp_path / "clock.resp"
    path.write_text(text, encoding="utf-8")
    report = check_paths([str(path)], None)
    assert report.valid == valid, [d.message for d in report.diagnostics]
    return report.resolved[0].regime, report.titles


def test_a_duty_clock_runs_from_its_start_to_its_completion_with_notes_beside(tmp_path):
    regime, titles = resolved(tmp_path)
    speak = Speaker(SiteWords("zh"), titles, regime.id)
    nodes = clock(regime.duties[0], speak)
    assert [(n.kind, n.title) for n in nodes] == [
        ("start", "起算"), ("step", "30 个工作日内"),
        ("note", "延长 至多 15 个工作日，经 主管机关 批准，凭 案件.批准延长"),
        ("note", "中止：案件.鉴定开始 至 案件.鉴定结束"),
        ("end", "完成"), ("breach", "逾期未完成：属于过错 超期")]
    assert nodes[1].lines == ("负责：某局", "〔第二条〕")
    assert nodes[2].lines == ("〔第三条〕",) and nodes[3].lines == ("〔第四条〕",)
    svg = flowchart(nodes, "作出决定")
    # The arrows join the main boxes down the spine, passing the notes by; the notes hang
    # off it by a dashed tick, indented.
    assert svg.count("<polygon") == 3
    assert svg.count('stroke="#b7791f" stroke-width="1.5" stroke-dasharray="3 2"') == 2
    assert re.findall(r'<rect x="([\d.]+)"', svg) == ["8", "8", "36", "36", "8", "8"]
    assert flowchart(nodes, "作出决定") == svg


def test_english_clock(tmp_path):
    regime, titles = resolved(tmp_path)
    nodes = clock(regime.duties[0], Speaker(SiteWords("en"), titles, regime.id))
    assert [n.title for n in nodes][:3] == [
        "Starts", "Within 30 working days",
        "Extension of at most 15 working days, approved by 主管机关, upon 案件.批准延长"]
    assert nodes[2].lines == ("[art. 3]",)


def test_a_power_held_by_posts_without_a_role_is_handled_by_them(tmp_path):
    regime, titles = resolved(tmp_path)
    speak = Speaker(SiteWords("zh"), titles, regime.id)
    agency = regime.agencies[0]
    nodes = procedure(agency, agency.powers[0], speak)
    assert [(n.kind, n.title, n.lines) for n in nodes] == [
        ("start", "罚款", ("处罚",)), ("end", "办理", ("执法人员 〔第八条〕",))]


def test_a_power_split_over_no_post_has_no_flowchart_and_says_so(tmp_path):
    # `respons check` calls it an error (R0301) and `respons publish` refuses the regime;
    # the page says so all the same where it is asked to show one.
    regime, titles = resolved(tmp_path, CLOCK.replace("承担 罚款, 巡查", "承担 巡查"), valid=False)
    agency = regime.agencies[0]
    assert procedure(agency, agency.powers[0], Speaker(SiteWords("zh"), titles)) == []
    page = build_site(regime, titles)["agency-1.html"].decode()
    power = re.search(r'id="power-1">.*?</section>', page, re.S).group()
    assert "<svg" not in power and "本制度未分解到机构和岗位" in power


def test_the_site_of_a_small_regime_links_a_late_duty_to_its_fault(tmp_path):
    regime, titles = resolved(tmp_path)
    files = build_site(regime, titles)
    assert broken_links(files) == []
    duties = files["duties.html"].decode()
    assert '逾期未完成：属于过错 <a href="liability.html#fault-1">超期</a>' in duties
    assert '<dd><a href="agency-1.html">某局</a></dd>' in duties
    assert "fault-1" in Page(files["liability.html"].decode()).ids


def test_text_wraps_within_the_box_between_words_and_anywhere_in_cjk():
    assert wrap("一二三四五六七八九十甲乙", 12, 120) == ["一二三四五六七八九十", "甲乙"]
    # 禁则: an opener does not end a line, a closer does not start one
    assert wrap("负责：某局 〔第二条〕", 12, 80) == ["负责：某局", "〔第二条〕"]
    assert wrap("一二三四五六七八九十，甲", 12, 120) == ["一二三四五六七八九", "十，甲"]
    assert wrap("Extension of at most 15 working days", 12, 100) == [
        "Extension of at", "most 15 working", "days"]
    assert wrap("x" * 40, 12, 70) == ["x" * 10, "x" * 10, "x" * 10, "x" * 10]
    assert wrap("", 12, 100) == [""]


def test_svg_is_escaped_fits_its_width_and_names_no_url():
    svg = flowchart([Node("start", '<b>"&</b>', ("\x1b[2J",)), Node("end", "完成")], "a<b")
    assert "<b>" not in svg and "&lt;b&gt;&quot;&amp;&lt;/b&gt;" in svg
    assert "\x1b" not in svg and "\\x1b[2J" in svg
    assert 'aria-label="a&lt;b"' in svg and "http" not in svg and " id=" not in svg
    assert svg.startswith(f'<svg class="flow" viewBox="0 0 {WIDTH} ')
    for x, width in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg):
        assert float(x) + float(width) <= WIDTH


ALPHABET = "责任追究机构一二三四〔〕《》（），、：。abc XYZ 15-/.[]"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80), width=st.integers(60, 320))
# what the property found before: an opener left behind a space, or after a closer's move
@example(text="11、《 1、", width=60)
@example(text="1111、、、（ 、、", width=60)
@example(text="1111111、1《 《1", width=60)
def test_wrapping_loses_no_character_and_keeps_within_the_width(text, width):
    lines = wrap(text, 12, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert _width(line, 12) <= width or len(line.replace(" ", "")) <= 3, line
    for before, after in itertools.pairwise(lines):
        # an opener ends a line only where the line is nothing else
        assert before[-1:] not in _OPENERS or not before.strip(_OPENERS), (before, after)


ENTRUSTED = """\
制度 委托测试 {
  层级 市
  施行 2020-01-01
}

机关 局 〔第三条〕 {
  性质 法定 〔第三条〕
  职权 处罚 罚款 〔第五条〕
  岗位 执法岗 〔第六条〕 {
    承担 罚款
  }
}

机关 大队 〔第四条〕 {
  性质 委托 〔第四条〕
  委托书 "吉市委字〔2020〕1号" 〔第十六条〕 {
    委托机关 局
    范围 罚款
    期间 2020-01-01 至 2025-12-31
    备案 2020-01-15
  }
}
"""


def test_an_entrusted_agency_shows_its_entrustment_linked_to_the_entrusting_one(tmp_path):
    regime, titles = resolved(tmp_path, ENTRUSTED)
    files = build_site(regime, titles)
    page = files["agency-2.html"].decode()
    assert ("<dt>委托</dt><dd>委托书 吉市委字〔2020〕1号 · 委托机关 "
            '<a href="agency-1.html">局</a> · 期限 2020-01-01 至 2025-12-31 · 委托范围 罚款 · '
            '备案 2020-01-15 <span class="cite">〔第十六条〕</span></dd>') in page
    assert "<dt>主体资格</dt><dd>委托 <span class=\"cite\">〔第四条〕</span></dd>" in page
    assert broken_links(files) == []


def test_a_repealed_regime_says_so_first(tmp_path):
    regime, titles = resolved(tmp_path, ENTRUSTED.replace("  施行 2020-01-01\n",
                                                          "  施行 2020-01-01\n  废止 2024-06-30\n"))
    index = build_site(regime, titles)["index.html"].decode()
    assert '</h1>\n<p class="notice">本制度已于 2024-06-30 废止，以下为其废止前的内容。</p>' \
        in index

"""`respons publish`: the disclosure site of every seed regime, what it shows and cites, its
escaping, its determinism, and its refusals of bad input (docs/publish.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from site_helpers import SEEDS, Page, broken_links, site_of

from paths import JURISDICTIONS, ROOT
from respons.report.site.words import WORDS, placeholders

HOSTILE = """\
制度 测试制度 {
  层级 市
  制定机关 "<script>alert(1)</script>"
  文号 "a\\"b&c"
  施行 2020-01-01
}

机关 某局 〔第一条〕 {
  性质 法定 〔第一条〕
  职权 处罚 罚款 〔第二条〕 {
    依据 "<img src=x onerror=alert(1)>\x1b]0;title\x07"
  }
  岗位 执法人员 〔第三条〕 {
    角色 承办
    承担 罚款
  }
}
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_seed_regime_publishes_a_whole_site(respons, tmp_path, seed):
    out = tmp_path / "site"
    result = respons("publish", str(seed), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    files = tree(out)
    assert result.stdout == f"{out / 'index.html'}：已写入 {len(files)} 个文件\n"
    assert {"index.html", "style.css", "duties.html", "assessment.html", "liability.html",
            "notices.html", "complaints.html"} <= set(files)
    assert broken_links(files) == []
    for name, data in files.items():
        text = data.decode()
        # Nothing is fetched from anywhere: no URL of any host in any file (and every
        # link is relative, broken_links checks).
        assert not re.search(r"(?i)https?://", text), name
        if name.endswith(".html"):
            page = Page(text)
            assert page.tags.count("h1") == 1, name
            # the page's title, and one for each SVG (what a screen reader says of it)
            assert page.tags.count("title") == page.tags.count("svg") + 1, name
            assert '<meta name="viewport" content="width=device-width' in text
            assert '<html lang="zh-CN">' in text  # every seed is written in Chinese
    # Published again: the same bytes.
    again = tmp_path / "again"
    assert respons("publish", str(seed), "--out", str(again)).exit_code == 0
    assert tree(again) == files


def test_no_file_names_another_host():
    """The assertion the brief asks for, on its own: no http(s) URL in any file of any seed's
    site (the inline SVGs name no namespace URL; the style sheet loads no font)."""
    for seed in SEEDS:
        for name, data in site_of(seed).items():
            assert not re.search(rb"https?://", data), f"{seed.stem}/{name}"
            assert b"@import" not in data and b"url(" not in data, f"{seed.stem}/{name}"


def test_the_powers_of_an_agency_with_their_bases_posts_and_articles():
    files = site_of(JURISDICTIONS / "hangzhou.resp")
    index = files["index.html"].decode()
    assert '<a href="agency-2.html">行政执法部门</a>' in index
    agency = files["agency-2.html"].decode()
    # 行政处罚 of 第二条, split over the 行政执法机构's 行政执法人员 (第八条第一款, 第二条).
    power = re.search(r'<section class="item" id="power-\d+"><h4>行政处罚.*?</section>',
                      agency, re.S).group()
    assert "〔第二条〕" in power
    assert "行政执法机构.行政执法人员" in power
    # Its procedure: 承办 by the 执法人员, 审核 by the 审核人员, 批准 by the 批准人 (第十八条).
    svg = re.search(r"<svg .*?</svg>", power, re.S).group()
    assert [t for t in re.findall(r'font-weight="bold" fill="#1a202c">([^<]*)<', svg)] == \
        ["行政处罚", "承办", "审核", "批准"]
    assert "审核工作机构.审核人员 〔第十八条〕" in svg
    assert "<h3>处罚</h3>" in agency  # powers are grouped by type


def test_every_time_limit_with_its_article_and_its_clock():
    duties = site_of(JURISDICTIONS / "hangzhou.resp")["duties.html"].decode()
    row = re.search(r"<tr><td><a href=\"#duty-\d+\">作出责任追究决定</a>.*?</tr>", duties).group()
    assert "30 个工作日" in row and "延长 至多 15 个工作日" in row and "第四十八条第一款" in row
    section = re.search(r'<section class="item" id="duty-\d+"><h3>作出责任追究决定.*?</section>',
                        duties, re.S).group()
    texts = re.findall(r">([^<>]+)</text>", section)
    assert texts[:2] == ["起算", "责任追究.立案"]
    assert "30 个工作日内" in texts
    assert any(t.startswith("延长 至多 15 个工作日，经 主管机关 批准") for t in texts)
    assert "完成" in texts


def test_assessment_rules_liability_and_complaints():
    files = site_of(JURISDICTIONS / "jilin-city.resp")
    assessment = files["assessment.html"].decode()
    assert "优秀" in assessment and "95 分以上" in assessment
    assert "一票否决" in assessment or "考核结果的运用" in assessment
    # what follows a grade leads to the notice it calls for and to the measures (32(三))
    assert re.search(r'<li>不及格 → <a href="notices.html#notice-\d+">整改通知书</a> 并 '
                     r'<a href="liability.html#measure-\d+">督促整改</a>', assessment)
    assert broken_links(files) == []
    liability = site_of(JURISDICTIONS / "hangzhou.resp")["liability.html"].decode()
    assert "第1级：" in liability and "〔第四十条" in liability
    # the names a step tests lead to where the page defines them
    assert '<li>第1级：<a href="#condition-1">应予追究的行政执法过错</a> 且 ' \
        '<a href="#circumstance-1">性质情节显著轻微</a>' in liability
    assert '<li id="condition-1">应予追究的行政执法过错：<a href="#fault-' in liability
    # a circumstance established by counting records (hangzhou 42(二)), spelled out: per
    # officer, only cases on an officer, and only once a later decision of the same case
    # pursued it
    assert ("人员一年内出现3次以上应予追究行政执法责任情形：近 1 年内 责任追究.发生"
            "（限于 被追究对象 = &quot;行政执法人员&quot;）"
            "（其后同一事项的 责任追究.决定（限于 处理结果 = &quot;追究&quot;）），"
            "按 责任人 计 &gt;= 3 次 "
            "<span class=\"cite\">〔第四十二条第（二）项〕</span>") in liability
    complaints = site_of(JURISDICTIONS / "changchun-xinqu.resp")["complaints.html"].decode()
    assert "本制度文件未载明投诉举报电话" in complaints
    assert "投诉举报" in complaints and "告知投诉举报受理情况" in complaints
    assert "5 个工作日" in complaints and "〔任务21〕" in complaints


def test_a_step_s_measures_are_disclosed_as_the_regime_says_them():
    """单独或者合并 (hangzhou 40(一) on 39's measures: alone or together, not "any one of"),
    可以 (a step or a modifier the text permits: henan 9, hangzhou 41), 并可以 (samr 15②:
    measures that may be added) and 保留较高级 (samr 15: a higher step kept open) are part
    of what the public is told — as `respons show` and `respons liability` say them."""
    def text(regime):
        page = site_of(JURISDICTIONS / f"{regime}.resp")["liability.html"].decode()
        return re.sub(r"<[^>]+>", "", page)

    hangzhou = text("hangzhou")
    assert "→ 单独或者合并 诫勉教育、书面告诫、责令作出书面检查 〔第四十条第（一）项〕" in hangzhou
    assert "→ 诫勉教育 或 书面告诫" not in hangzhou
    assert "主动发现错误并积极补救防止危害后果发生 → 可以 从轻 或 减轻1级 或 免予追究" in hangzhou
    assert "→ 单独或者合并 责令改正、限期整改" in text("henan")
    # 保留较高级 (samr 15: 第二款's 可以 leaves 第一款's measures open) is said too.
    assert ("诫勉 并 免予或者不予处分，并可以 调离行政执法岗位 或 取消行政执法资格"
            "（保留较高级：代替同样成立的较高一级提出，较高一级仍可由决定机关适用） "
            "〔第十五条第二款〕" in text("samr"))


def test_who_decides_and_proposes_a_consequence_is_disclosed():
    """jilin-city 32（三）: 本级人民政府 decides what follows a 不及格, 司法行政部门 proposes it —
    the assessment page says so, as `respons assess` does (it gave the measures alone)."""
    page = site_of(JURISDICTIONS / "jilin-city.resp")["assessment.html"].decode()
    text = re.sub(r"<[^>]+>", "", page)
    assert ("不及格 → 整改通知书 并 督促整改 并 诫勉谈话；本级人民政府 决定；司法行政部门 提出 "
            "〔第三十二条第（三）项〕") in text
    english = site_of(JURISDICTIONS / "jilin-city.resp", "en")["assessment.html"].decode()
    assert "; decided by 本级人民政府; proposed by 司法行政部门" in english


def test_the_rights_of_parties_are_disclosed_with_their_time_limits(tmp_path):
    """A party's right (权利) is what the public most needs in time: hangzhou 50's 申诉 until
    the date the decision gives, heilongjiang 39's 复核 within 30 days — each with who may
    exercise it and its article; 不停止执行 where the regime says so."""
    def rights(path, language=None):
        page = site_of(path, language)["complaints.html"].decode()
        start = page.index('id="rights"')
        return re.sub(r"<[^>]+>", "", page[start:page.index("</section>", start)])

    assert ("申诉：自 责任追究.送达 起，至其载明的申诉期限 · 由 责任人 行使 · 记为 责任追究.申诉 "
            "〔第五十条〕") in rights(JURISDICTIONS / "hangzhou.resp")
    assert ("申请复核：自 责任追究.收到处理决定 起 30 日内 · 记为 责任追究.申请复核 〔第三十九条〕"
            in rights(JURISDICTIONS / "heilongjiang.resp"))
    assert ("申诉: from 责任追究.送达, until the 申诉期限 it gives · exercised by 责任人"
            in rights(JURISDICTIONS / "hangzhou.resp", "en"))
    regime = tmp_path / "r.resp"
    regime.write_text("""制度 权利测试 {
  层级 部门
  施行 2020-01-01
}

机关 某局 〔第一条〕 {
}

记录 处理 〔第一条〕 {
  主键 编号
  字段 机关 机关
  字段 当事人 文本
  事件 送达决定, 申请复核
}

权利 申请复核 〔第二条〕 {
  起算 处理.送达决定
  期限 10 日
  行使 处理.申请复核
  权利人 当事人
  不停止执行 〔第二条第二款〕
}
""", encoding="utf-8")
    assert ("申请复核：自 处理.送达决定 起 10 日内 · 由 当事人 行使 · 记为 处理.申请复核 "
            "〔第二条〕 · 行使期间不停止执行 〔第二条第二款〕") in rights(regime)
    # jilin-city 39②: a right whose period other laws give (期限 依照法律和有关规定).
    assert ("申请复核或申诉：自 责任追究.书面通知 起，期间依照法律和有关规定 · 由 责任人 行使"
            in rights(JURISDICTIONS / "jilin-city.resp"))
    assert 'id="rights"' not in site_of(JURISDICTIONS / "samr.resp")[
        "complaints.html"].decode()


def test_an_english_regime_gets_an_english_site(respons, tmp_path):
    result = respons("publish", str(ROOT / "examples" / "language-tour.resp"), "--out",
                     str(tmp_path / "tour"))
    assert result.stdout == f"{tmp_path / 'tour' / 'index.html'}: 8 files written\n"
    files = site_of(ROOT / "examples" / "language-tour.resp")
    index = files["index.html"].decode()
    assert '<html lang="en">' in index and "Time limits" in index
    duties = files["duties.html"].decode()
    assert "30 working days" in duties and "art. 48, para 1" not in duties
    assert '<span class="cite">[art. 48 para 1]</span>' in duties and "〔" not in duties
    # and --lang asks for the other language
    chinese = site_of(ROOT / "examples" / "language-tour.resp", "zh")
    assert '<html lang="zh-CN">' in chinese["index.html"].decode()


def test_every_value_is_escaped(respons, tmp_path):
    regime = tmp_path / "hostile.resp"
    regime.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "site"
    result = respons("publish", str(regime), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    for name, data in tree(out).items():
        text = data.decode()
        assert "<script" not in text and "<img" not in text and "\x1b" not in text, name
        assert Page(text).tags.count("script") == 0
    index = (out / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index and "a&quot;b&amp;c" in index
    assert "&lt;img src=x onerror=alert(1)&gt;\\x1b]0;title\\x07" in \
        (out / "agency-1.html").read_text()


def test_a_regime_with_errors_writes_nothing(respons, tmp_path):
    regime = tmp_path / "bad.resp"
    regime.write_text(HOSTILE.replace("  层级 市\n", ""), encoding="utf-8")
    out = tmp_path / "site"
    result = respons("publish", str(regime), "--out", str(out))
    assert result.exit_code == 1
    assert "R0109" in result.stderr
    assert not out.exists()
    assert respons("publish", str(tmp_path / "missing.resp"), "--out", str(out)).exit_code == 2
    assert not out.exists()


def test_out_that_is_a_file_or_another_folder_is_refused(respons, tmp_path):
    seed = str(JURISDICTIONS / "hangzhou.resp")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    result = respons("publish", seed, "--out", str(a_file))
    assert result.exit_code == 2
    assert result.stderr == f"error: {a_file}: is not a folder; name a folder to write the " \
        "site into (it is created if missing)\n"
    assert a_file.read_text() == "mine"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("do not lose")
    result = respons("publish", seed, "--out", str(mine))
    assert result.exit_code == 2 and "not a site respons published" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["thesis.txt"]
    result = respons("publish", seed, "--out", ".", cwd=mine)
    assert result.exit_code == 2
    assert result.stderr == f"error: {mine}: is the current folder or holds it; name a " \
        "folder of its own for the site, e.g. --out site\n"
    result = respons("publish", seed, "--out", str(tmp_path / "no" / "site"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'no'}: no such folder; create it first, or " \
        "name another\n"
    result = respons("publish", seed, "--out", "/proc/respons-site")
    assert result.exit_code == 2 and result.stderr.startswith("error: /proc: cannot write")
    assert "Traceback" not in result.stderr


def test_a_site_is_replaced_whole_and_a_failure_changes_nothing(respons, tmp_path,
                                                               monkeypatch):
    out = tmp_path / "site"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert respons("publish", str(JURISDICTIONS / "samr.resp"), "--out", str(empty)) \
        .exit_code == 0
    assert (empty / "index.html").is_file()
    assert respons("publish", str(JURISDICTIONS / "hangzhou.resp"), "--out", str(out)) \
        .exit_code == 0
    before = tree(out)
    assert "agency-2.html" in before
    # A failure while writing (a full disk) leaves the earlier site as it was, and no
    # temporary folder behind.
    from respons.report.site import write

    original = Path.write_bytes
    calls = []

    def failing(self, data):
        calls.append(self)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(self))
        return original(self, data)

    monkeypatch.setattr(write.Path, "write_bytes", failing)
    result = respons("publish", str(JURISDICTIONS / "samr.resp"), "--out", str(out))
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "site"]
    monkeypatch.undo()
    # Published over with another regime: the new site only, nothing of the old one left.
    assert respons("publish", str(JURISDICTIONS / "samr.resp"), "--out", str(out)) \
        .exit_code == 0
    assert tree(out) == tree(empty)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "site"]


def test_both_spellings_of_every_word_take_the_same_placeholders():
    for key, (english, chinese) in WORDS.items():
        # {s} is the English plural's ending, filled from {count}
        assert placeholders(english) - {"s"} == placeholders(chinese), key


def test_an_agency_lists_the_time_limits_it_is_responsible_for():
    files = site_of(JURISDICTIONS / "hangzhou.resp")
    agency = files["agency-2.html"].decode()
    owned = re.search(r'<h2 id="duties">负责的办理时限</h2>\n<ul>(.*?)</ul>', agency).group(1)
    assert re.findall(r">([^<>]+)</a>", owned) == ["调整执法依据"]
    assert "30 个工作日" in owned and "〔第八条第二款〕" in owned
    # 负责 区政府.区政府法制办 names a body of an agency: listed on that agency's page
    tongzhou = site_of(JURISDICTIONS / "tongzhou.resp")
    assert '<h2 id="duties">' in tongzhou["agency-1.html"].decode()


def test_a_lower_regime_names_the_regime_it_implements_and_cites_its_articles():
    files = site_of(ROOT / "examples" / "changchun-xinqu-2025" / "xinqu-departments.resp")
    index = files["index.html"].decode()
    assert "<dt>上位制度</dt><dd>长春新区全面落实行政执法责任制实施方案</dd>" in index
    assert ".resp" not in index  # the regime built on by its title, not its path
    assessment = files["assessment.html"].decode()
    assert '<span class="cite">〔长春新区全面落实行政执法责任制实施方案 任务25〕</span>' \
        in assessment
    assert broken_links(files) == []


def test_a_file_of_scenarios_publishes_the_regime_it_tests(respons, tmp_path):
    for name in ("hangzhou.resp", "hangzhou.test.resp"):
        result = respons("publish", str(JURISDICTIONS / name), "--out", str(tmp_path / name))
        assert result.exit_code == 0, result.stderr
    assert tree(tmp_path / "hangzhou.test.resp") == tree(tmp_path / "hangzhou.resp")


def test_the_notices_and_what_each_must_state():
    notices = site_of(JURISDICTIONS / "hangzhou.resp")["notices.html"].decode()
    decision = re.search(r'<section class="item" id="notice-\d+"><h2>行政执法责任追究决定书.*?'
                         r"</section>", notices, re.S).group()
    assert "<dt>制发情形</dt><dd><ul><li>记录事件 责任追究.决定" in decision
    assert "<dt>发文机关</dt><dd>追究机关</dd>" in decision
    assert re.findall(r"<li>([^<]+) <span", decision.split("载明事项")[1]) == [
        "作出决定的理由", "事实依据", "法律依据", "依法享有的申诉权利"]
    assert decision.count("〔第四十八条〕") == 6


#: Every element a page of the site is made of: a regime's string never adds one.
SITE_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "p", "nav", "a",
             "main", "h1", "h2", "h3", "h4", "dl", "dt", "dd", "ul", "ol", "li", "span", "b",
             "section", "table", "thead", "tbody", "tr", "th", "td", "br", "svg", "rect",
             "text", "path", "polygon", "footer"}


@settings(max_examples=60, deadline=None)
@given(strings=st.lists(st.text(min_size=1, max_size=30), min_size=5, max_size=5))
def test_any_string_a_regime_holds_stays_text(strings):
    from respons.model.agency import Agency, Post, Power
    from respons.model.base import Ref
    from respons.model.regime import Regime
    from respons.report.site import build_site

    title, issuer, agency, power, basis = strings
    regime = Regime(id="r", title=title, issuer=issuer, agencies=(Agency(
        agency, statuses=("statutory",), powers=(Power("penalty", power, basis=(basis,)),),
        posts=(Post("执法人员", roles=("handler",), holds=(Ref((power,)),)),)),))
    files = build_site(regime, {})
    for name, data in files.items():
        if name.endswith(".html"):
            page = Page(data.decode())
            assert set(page.tags) <= SITE_TAGS, name
    assert broken_links(files) == []


def test_the_link_and_markup_checks_can_fail():
    assert Page("<ul><li>x</ul>").unbalanced == ["</ul> closes ['li']", "<ul> never closed",
                                                  "<li> never closed"]
    assert Page('<p id="a"></p><p id="a"></p>').unbalanced == ['id="a" given twice']
    assert broken_links({"index.html": b'<p><a href="nope.html">x</a><a href="#gone">y</a>'
                                       b'<a href="https://example.org/">z</a></p>'}) == [
        "index.html: nope.html (no such file)", "index.html: #gone (no such anchor)",
        "index.html: https://example.org/ (not relative)"]


def test_every_word_a_page_looks_up_by_a_value_is_in_the_table():
    from respons.model import vocab
    from respons.report.site.agencies import PROCEDURE_ROLES

    keys = [f"step.{role}" for role in PROCEDURE_ROLES]
    keys += [f"bound.{op}" for op in {*vocab.BOUND_SUFFIXES.entries,
                                      *vocab.BOUND_PREFIXES.entries}]
    keys += [f"effect.{effect}" for effect in vocab.EFFECTS.entries]
    keys += [f"liability.{kind}" for kind in ("aggravate", "mitigate", "exempt")]
    assert [key for key in keys if key not in WORDS] == []
    assert set(PROCEDURE_ROLES) <= set(vocab.ROLES.entries)


def test_the_command_line(respons, tmp_path):
    assert "publish" in respons("--help").stdout
    usage = respons("publish", "--help")
    assert usage.exit_code == 0 and "--out" in usage.stdout and "--lang" in usage.stdout
    seed = str(JURISDICTIONS / "samr.resp")
    missing = respons("publish", seed)
    assert missing.exit_code == 2 and "Missing option '--out'" in missing.stderr
    wrong = respons("publish", seed, "--out", str(tmp_path / "s"), "--lang", "fr")
    assert wrong.exit_code == 2 and "Invalid value for '--lang'" in wrong.stderr
    assert not (tmp_path / "s").exists()
    english = respons("publish", seed, "--out", str(tmp_path / "s"), "--lang", "en")
    assert english.exit_code == 0 and english.stdout.endswith(" files written\n")
    assert '<html lang="en">' in (tmp_path / "s" / "index.html").read_text()


def test_how_an_assessment_is_scored_sampled_and_fed():
    files = site_of(ROOT / "tests" / "engine" / "assess" / "files.resp")
    assessment = files["assessment.html"].decode()
    # tongzhou 案卷评查规范 10(四), (五), 9: the files drawn, the scores recorded
    assert ('<li>抽查案卷：从每个对象的 行政处罚案件.结案 中随机抽取 3 件 '
            '<span class="cite">〔第十条第（四）项〕</span></li>') in assessment
    assert "<li>得分以 案卷评查单.评定 记录的 评查分数 为准 " in assessment
    assert "<li>案卷申辩后修正的得分：不合格卷申辩.认定 记录的 修正分数 " in assessment
    assert "<li>案卷否决项：案卷评查单.评定 记录的 主体不合法 " in assessment
    fed = site_of(ROOT / "tests" / "engine" / "assess" / "fed.resp")["assessment.html"].decode()
    assert re.search(r'<li>案卷质量 · 20 分 · 取自 <a href="#assessment-\d+">案卷评查</a> 的结果 ',
                     fed)
    assert broken_links(files) == []

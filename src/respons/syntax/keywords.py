"""Every keyword of the language with its spellings: the one table of them.

The grammar (``grammar/respons.lark``) defines each keyword as a terminal whose pattern
is its spellings, English first; this table holds the same spellings for everything that
speaks of keywords — syntax-error messages ("expected `期限`/`within`"), suggestions, the
formatter and error recovery — so none of them reads the grammar's patterns back. A test
(tests/test_grammar.py) checks that the grammar's terminals are exactly `pattern` of each
row: a keyword is added here and in the grammar, and the test keeps the two equal.
Which keywords start a top-level block is the kinds table's (``respons.model.kinds``);
``BLOCK_TERMINALS`` joins the two.
"""

from __future__ import annotations

import re

from respons.model.kinds import BLOCKS, Kind

#: terminal → its spellings, English first (the first Chinese one is the display form).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "KW_REGIME": ("regime", "制度"),
    "KW_LEVEL": ("level", "层级"),
    # 发文机关: a notice's issuing authority (GB/T 9704 7.2.3), as 制定机关 is a regime's.
    "KW_ISSUER": ("issuer", "制定机关", "发文机关"),
    "KW_NUMBER": ("number", "文号"),
    "KW_ISSUED": ("issued", "公布"),
    "KW_EFFECTIVE": ("effective", "施行"),
    "KW_AMENDED": ("amended", "修订"),
    "KW_REPEALED": ("repealed", "废止"),
    "KW_CALENDAR": ("calendar", "日历"),
    "KW_EXTENDS": ("extends", "上位"),
    "KW_USES": ("uses", "参照"),
    "KW_PART": ("part", "分篇"),
    "KW_SUPERSEDES": ("supersedes", "取代"),
    "KW_AGENCY": ("agency", "机关"),
    "KW_STATUS": ("status", "性质"),
    "KW_SUPERIOR": ("superior", "上级"),
    "KW_POWER": ("power", "职权"),
    "KW_BASIS": ("basis", "依据"),
    "KW_BODY": ("body", "机构"),
    "KW_POST": ("post", "岗位"),
    "KW_ROLE": ("role", "角色"),
    "KW_HOLDS": ("holds", "承担"),
    "KW_REQUIRES": ("requires", "资格"),
    "KW_TRAINING": ("training", "培训"),
    "KW_ENTRUSTMENT": ("entrustment", "委托书"),
    "KW_ENTRUSTED_BY": ("entrusted-by", "委托机关"),
    "KW_SCOPE": ("scope", "范围"),
    "KW_CONTENT": ("content", "内容"),
    "KW_TERM": ("term", "期间"),
    "KW_FILED": ("filed", "备案"),
    "KW_TO": ("to", "至"),
    "KW_RECORD": ("record", "记录"),
    "KW_KEY": ("key", "主键"),
    "KW_FIELD": ("field", "字段"),
    "KW_REF": ("ref", "引用"),
    "KW_ONE_OF": ("one-of", "之一"),
    "KW_OPTIONAL": ("optional", "可选"),
    "KW_EVENT": ("event", "事件"),
    "KW_DUTY": ("duty", "职责"),
    "KW_STARTS": ("starts", "起算"),
    "KW_WHERE": ("where", "限于"),
    "KW_WITHIN": ("within", "期限"),
    "KW_MET_BY": ("met-by", "完成"),
    "KW_EXTEND": ("extend", "延长"),
    "KW_APPROVED_BY": ("approved-by", "经"),
    "KW_UPON": ("upon", "凭"),
    "KW_PAUSE": ("pause", "中止"),
    "KW_OWNER": ("owner", "负责"),
    "KW_BREACH": ("breach", "违反"),
    "KW_FAULT": ("fault", "过错"),
    "KW_CIRCUMSTANCE": ("circumstance", "情形"),
    "KW_COUNT": ("count", "计数"),
    "KW_IN_LAST": ("in-last", "近"),
    "KW_MEASURE": ("measure", "措施"),
    "KW_SEVERITY": ("severity", "轻重"),
    "KW_CATEGORY": ("category", "类别"),
    "KW_SUBJECT": ("subject", "对象"),
    "KW_LADDER": ("ladder", "阶梯"),
    "KW_STEP": ("step",),
    "KW_AGGRAVATE": ("aggravate", "从重"),
    "KW_MITIGATE": ("mitigate", "从轻"),
    # 免责: an exemption as hangzhou 43 and guizhou-edu 12 write it.
    "KW_EXEMPT": ("exempt", "不予追究", "免责"),
    # liability applied to cases (issue 10): who finds a circumstance, counts per subject and
    # window, on whom a measure falls, 应当/可以, combinable measures, 分别, the proceeding.
    "KW_FOUND_BY": ("found-by", "认定"),
    "KW_THEN": ("then", "其后"),
    "KW_GROUP": ("by", "按"),
    "KW_MATCHING": ("matching", "对应"),
    "KW_SAME_YEAR": ("same-year", "同一年度"),
    "KW_FALLS_ON": ("falls-on", "施于"),
    "KW_SHALL": ("shall", "应当"),
    "KW_MAY": ("may", "可以"),
    "KW_COMBINE": ("alone-or-together", "单独或者合并", "单独或合并"),
    "KW_AND_MAY": ("and-may-add", "并可以"),
    # 保留较高级: a permitted lighter step keeps the higher step it displaces open (samr 15).
    "KW_KEEPS_HIGHER": ("keeps-higher", "保留较高级"),
    "KW_SEVERALLY": ("severally", "分别"),
    "KW_PROCEEDING": ("proceeding", "追究"),
    "KW_CASE": ("case", "案件"),
    "KW_DECIDES": ("decided-by", "决定"),
    "KW_PROPOSES": ("proposed-by", "提出"),
    "KW_DEFENCE": ("defence", "申辩"),
    "KW_BEARERS": ("bearers", "责任人"),
    # a scenario's liability facts: a circumstance left to the decision-maker (待定), the
    # reason a case is not pursued (因 X).
    "KW_PENDING": ("pending", "待定"),
    "KW_BECAUSE": ("because", "因"),
    # a party's right within a window (权利), apart from an agency's duty
    "KW_RIGHT": ("right", "权利"),
    "KW_EXERCISED_BY": ("exercised-by", "行使"),
    "KW_HOLDER": ("holder", "权利人"),
    "KW_NO_SUSPEND": ("does-not-suspend", "不停止执行"),
    # a right whose period the regime leaves to other laws (jilin-city 39②)
    "KW_BY_LAW": ("as-law-provides", "依照法律和有关规定"),
    "KW_APPORTION": ("apportion", "责任划分"),
    "KW_ASSESSMENT": ("assessment", "考核"),
    "KW_SCHEME": ("scheme", "方案"),
    "KW_CYCLE": ("cycle", "周期"),
    "KW_FULL_MARKS": ("full-marks", "满分"),
    "KW_ITEM": ("item", "项目"),
    "KW_PER": ("per", "每"),
    "KW_DEDUCT": ("deduct", "扣"),
    "KW_BAND": ("band", "等级"),
    "KW_BOUNDARY": ("boundary", "边界"),
    "KW_VETO": ("veto", "否决"),
    "KW_CONSEQUENCE": ("consequence", "后果"),
    "KW_CONSECUTIVE": ("consecutive", "连续"),
    "KW_WEIGHT": ("weight", "权重"),
    "KW_PARAM": ("param", "参数"),
    # assessments that run (issue 11): a score or grade recorded, additions, caps, findings.
    "KW_SCORE": ("score", "得分"),
    "KW_GRADE": ("grade", "等次"),
    "KW_OF": ("of", "的"),
    "KW_ADD": ("add", "加"),
    "KW_AT_MOST": ("at-most", "至多"),
    "KW_FINDING": ("finding", "发现"),
    # case-file review (案卷评查): the draw, an appeal's correction, a file's veto items.
    "KW_FROM": ("from", "来自"),
    "KW_SAMPLE": ("sample", "抽样"),
    "KW_SEED": ("seed", "种子"),
    "KW_AMEND": ("amend", "修正"),
    "KW_FILE_VETO": ("file-veto", "否决项"),
    # 不得评为 G 若 …: a bar to a grade (changchun-xinqu 任务25, dacheng 评议考核实施方案 七（三）)
    "KW_BAR": ("bar", "不得评为"),
    "KW_IF": ("if", "若"),
    "KW_NOTICE": ("notice", "文书"),
    "KW_TITLE": ("title", "标题"),
    "KW_ELEMENTS": ("elements", "要素"),
    "KW_FORMAT": ("format", "格式"),
    # what issues a notice and to whom (issue 12): 签发 an outcome, 主送/抄送 (GB/T 9704 7.3.2,
    # 7.4.2); its document number is written with 文号 (KW_NUMBER) as a regime's is.
    "KW_ISSUED_ON": ("issued-on", "签发"),
    "KW_RECIPIENT": ("recipient", "主送", "主送机关"),
    "KW_COPY_TO": ("copy-to", "抄送", "抄送机关"),
    "KW_OVERRIDE": ("override", "覆盖"),
    # 或者, 并且, 而且, 以及, 同时: how a legal drafter joins conditions (the seed texts
    # write 或者 far more often than 或); each is the same keyword as its short form.
    "KW_AND": ("and", "且", "并", "并且", "而且", "以及", "同时"),
    "KW_OR": ("or", "或", "或者"),
    "KW_NOT": ("not", "非"),
    # Named conditions and fault categories (issue 9).
    "KW_CONDITION": ("condition", "条件"),
    "KW_BELONGS": ("belongs-to", "属于"),
    # scenarios (场景): a regime author's tests, run by `respons test`
    "KW_SCENARIO": ("scenario", "场景"),
    "KW_AS_OF": ("as-of", "截至"),
    "KW_EXPECT": ("expect", "预期"),
    "KW_CORRECTS": ("corrects", "更正"),
    "KW_NONE": ("no", "none", "无"),
    "KW_DUE": ("due", "到期"),
    "KW_LACKS": ("lacks", "缺"),
}

#: A keyword is followed by something that cannot continue a name (期限内 stays a name).
_END = r"(?![\w\-])"


def pattern(terminal: str) -> str:
    """The regular expression the grammar gives ``terminal``."""
    spellings = KEYWORDS[terminal]
    body = "|".join(spellings)
    return (f"(?:{body})" if len(spellings) > 1 else body) + _END


def spellings(terminal: str) -> tuple[str, ...]:
    """How ``terminal`` may be written; a terminal that is no keyword is its own name."""
    return KEYWORDS.get(terminal, (terminal,))


def is_keyword(terminal: str) -> bool:
    return terminal in KEYWORDS


def chinese(terminal: str) -> str:
    """The Chinese spelling shown in messages (the English one if there is none)."""
    found = [s for s in spellings(terminal) if not re.match(r"[A-Za-z]", s)]
    return found[0] if found else spellings(terminal)[0]


#: The keywords that start a top-level block (`制度`, `机关`, … `覆盖`), as terminals.
BLOCK_TERMINALS = frozenset(kind.terminal for kind in BLOCKS)


def keyword(kind: Kind) -> str:
    """The keyword of a block ``kind`` as messages write it (its Chinese spelling)."""
    return chinese(kind.terminal)

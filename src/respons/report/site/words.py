"""The words of the disclosure site (公示), in English and in Chinese: one table.

The site speaks the regime's language (a regime opened with `制度` is shown in Chinese, one
opened with `regime` in English) unless `--lang` asks for the other. Each entry is a
``str.format`` template, English first as in ``respons.report.words``; both spellings of an
entry take the same placeholders (tests/publish/test_site.py checks it). What the regime
wrote — names, bases, titles — is never translated.
"""

from __future__ import annotations

import string

import attrs

_COLUMN = {"en": 0, "zh": 1}

#: key → (English, Chinese).
WORDS: dict[str, tuple[str, str]] = {
    "lang": ("en", "zh-CN"),
    "site": ("Public disclosure", "行政执法公示"),
    "home": ("Home", "首页"),
    "contents": ("Contents", "目录"),
    "issuer": ("Issued by", "制定机关"),
    "number": ("Document number", "文号"),
    "issued": ("Published", "公布"),
    "effective": ("In force from", "施行"),
    "amended": ("Amended", "修订"),
    "repealed": ("Repealed", "废止"),
    "repealed.notice": ("This regime was repealed on {date}: it is shown as it was.",
                        "本制度已于 {date} 废止，以下为其废止前的内容。"),
    "level": ("Level", "层级"),
    "extends": ("Implements", "上位制度"),
    "uses": ("Also applies", "参照"),
    "parts": ("Documents", "分篇"),
    # the sections, as the index lists them
    "section.agencies": ("Powers and responsibilities by agency (权责清单)",
                         "权责清单（按执法主体）"),
    "section.duties": ("Time limits", "办理时限"),
    "section.assessment": ("Assessment rules", "评议考核"),
    "section.liability": ("Liability for faults", "责任追究"),
    "section.complaints": ("Complaints and supervision", "投诉举报与监督"),
    "section.notices": ("Notices", "执法文书"),
    "nav.duties": ("Time limits", "时限"),
    "nav.assessment": ("Assessment", "考核"),
    "nav.liability": ("Liability", "追究"),
    "nav.notices": ("Notices", "文书"),
    "nav.complaints": ("Complaints", "投诉"),
    "powers.contents": ("{count} power{s}:", "职权 {count} 项："),
    "section.none": ("The regime names none.", "本制度未作规定。"),
    "section.empty": ("(none in the regime)", "（本制度未作规定）"),
    "label": ("{label}: {value}", "{label}：{value}"),
    # an agency's page
    "agency.status": ("Legal status", "主体资格"),
    "agency.superior": ("Superior", "上级机关"),
    "agency.entrustment": ("Entrustment", "委托"),
    "agency.entrusted": ("Entrusted under {document}", "委托书 {document}"),
    "agency.entrusted_by": ("entrusted by {agency}", "委托机关 {agency}"),
    "agency.term": ("term {start} to {end}", "期限 {start} 至 {end}"),
    "agency.scope": ("scope {scope}", "委托范围 {scope}"),
    "agency.filed": ("filed {date}", "备案 {date}"),
    "agency.powers": ("Powers", "职权"),
    "agency.no_powers": ("The regime lists no power of this agency.",
                         "本制度未列明该主体的职权。"),
    "agency.structure": ("Bodies and posts", "执法机构与岗位"),
    "agency.no_structure": ("The regime names no body or post of this agency.",
                            "本制度未列明该主体的机构和岗位。"),
    "agency.duties": ("Time limits it is responsible for", "负责的办理时限"),
    "agency.count": ("{count} power{s}", "职权 {count} 项"),
    "power.basis": ("Legal basis", "执法依据"),
    "power.no_basis": ("not named in the regime", "本制度未列明"),
    "power.held_by": ("Held by", "承担机构和岗位"),
    "power.not_split": ("not split over bodies and posts in the regime",
                        "本制度未分解到机构和岗位"),
    "power.procedure": ("Procedure", "办理流程"),
    "body": ("body", "机构"),
    "post": ("post", "岗位"),
    "post.roles": ("roles {roles}", "角色 {roles}"),
    "post.holds": ("holds {powers}", "承担 {powers}"),
    "post.requires": ("requires {requirements}", "资格 {requirements}"),
    "post.training": ("training {what}", "培训 {what}"),
    "hours": ("{count} hours", "{count} 学时"),
    # a power's procedure
    "step.handler": ("Handled by", "承办"),
    "step.reviewer": ("Reviewed by", "审核"),
    "step.legal-review": ("Legal review by", "法制审核"),
    "step.approver": ("Approved by", "批准"),
    "step.holder": ("Handled by", "办理"),
    # duties
    "duty.table": ("Every time limit", "时限一览"),
    "duty.name": ("Duty", "职责"),
    "duty.period": ("Time limit", "期限"),
    "duty.article": ("Article", "依据"),
    "duty.starts": ("Starts", "起算"),
    "duty.starts_when": ("{events}, where {condition}", "{events}（限于 {condition}）"),
    "duty.within": ("Within {period}", "{period}内"),
    "duty.extend": ("Extension of at most {period}", "延长 至多 {period}"),
    "duty.approved_by": (", approved by {approver}", "，经 {approver} 批准"),
    "duty.upon": (", upon {event}", "，凭 {event}"),
    "duty.pause": ("Paused from {start} until {end}", "中止：{start} 至 {end}"),
    "duty.met_by": ("Met by", "完成"),
    "duty.owner": ("Responsible", "负责"),
    "duty.breach": ("Late or not met: the fault {fault}", "逾期未完成：属于过错 {fault}"),
    "duty.clock": ("The clock of this duty", "时限流程"),
    "duty.counting": ("The start day is not counted; working days skip weekends and "
                      "statutory holidays and count make-up working days; a period in days "
                      "or months that ends on a rest day ends on the next working day.",
                      "期间开始之日不计算在内；工作日不含周末和法定节假日，调休上班日计入；"
                      "以日、月计算的期间最后一日是休息日的，以休息日结束后的第一个工作日为"
                      "期间的最后一日。"),
    "duty.counting_law": ("Civil Code of the PRC, arts. 201 and 203",
                          "《中华人民共和国民法典》第二百零一条、第二百零三条"),
    "or": (" or ", " 或 "),
    "and": (" and ", " 且 "),
    "not": ("not ", "非 "),
    "with": (" with ", " 并 "),
    "list.sep": (", ", "、"),
    # assessment
    "assessment.subject": ("Assessed", "考核对象"),
    "assessment.cycle": ("Every", "周期"),
    "assessment.full": ("Full marks", "满分"),
    "assessment.items": ("Items", "考核项目"),
    "assessment.points": ("{points} points", "{points} 分"),
    "assessment.no_points": ("evaluated without points", "不计分"),
    "assessment.deduct": ("{points} points off for each {per}", "每 {per} 扣 {points} 分"),
    "assessment.source": ("the result of {assessment}", "取自 {assessment} 的结果"),
    "assessment.finding": ("finds each {per}{where}", "逐件查明 {per}{where}"),
    "assessment.sample.count": ("Files reviewed: {count} of each subject's {per}, drawn at "
                                "random", "抽查案卷：从每个对象的 {per} 中随机抽取 {count} 件"),
    "assessment.sample.share": ("Files reviewed: {share}% of each subject's {per} (rounded "
                                "up), drawn at random",
                                "抽查案卷：从每个对象的 {per} 中随机抽取 {share}%（向上取整）"),
    "assessment.sample.recorded": ("Files reviewed: of each subject's {per}, as many as the "
                                   "latest {source} of the period sets ({field}), drawn at "
                                   "random with the seed the draw's record gives",
                                   "抽查案卷：从各被评查单位的 {per} 中，按本期最近一次 {source} "
                                   "所定数量（{field}）随机抽取，种子以抽取记录所载为准"),
    "assessment.recorded.score": ("The score is the one recorded as {field} of {per}",
                                  "得分以 {per} 记录的 {field} 为准"),
    "assessment.recorded.grade": ("The grade is the one recorded as {field} of {per}",
                                  "等次以 {per} 记录的 {field} 为准"),
    "assessment.recorded.appeal": ("A file's score corrected on appeal: {field} of {per}",
                                   "案卷申辩后修正的得分：{per} 记录的 {field}"),
    "assessment.recorded.file_veto": ("A file's veto item: {field} of {per}",
                                      "案卷否决项：{per} 记录的 {field}"),
    "assessment.bands": ("Grades", "等次"),
    "assessment.boundary": ("A score of exactly {score} is graded {grade}",
                            "恰为 {score} 分的，评为 {grade}"),
    "assessment.vetoes": ("Vetoes: the grade whatever the score",
                          "一票否决（不论得分）"),
    "assessment.veto": ("{condition} → {grade}", "{condition} → {grade}"),
    "assessment.consequences": ("What follows a grade", "考核结果的运用"),
    "assessment.consequence": ("{grade}{years} → {measures}", "{grade}{years} → {measures}"),
    "assessment.years": (" {count} years running", " 连续 {count} 年"),
    "assessment.decided": ("; decided by {who}", "；{who} 决定"),
    "assessment.proposed": ("; proposed by {who}", "；{who} 提出"),
    "assessment.weights": ("Weights", "权重"),
    "assessment.weight": ("{source} {percent}%", "{source} {percent}%"),
    "bound.>=": ("{value} or more", "{value} 分以上"),
    "bound.<=": ("{value} or less", "{value} 分以下"),
    "bound.>": ("above {value}", "超过 {value} 分"),
    "bound.<": ("below {value}", "不满 {value} 分"),
    # liability
    "liability.faults": ("Faults", "过错情形"),
    "liability.ladders": ("Measures by severity", "责任追究方式"),
    "liability.measures": ("Measures", "追究措施"),
    "liability.step": ("Step {level}: {condition} → {measures}",
                       "第{level}级：{condition} → {measures}"),
    "liability.aggravate": ("Heavier: {condition}{effects}", "从重：{condition}{effects}"),
    "liability.mitigate": ("Lighter: {condition}{effects}", "从轻：{condition}{effects}"),
    "liability.exempt": ("Not pursued: {condition}", "不予追究：{condition}"),
    "liability.effects": (" → {effects}", " → {effects}"),
    "liability.may": ("may: {measures}", "可以 {measures}"),
    "liability.combine": ("alone or together: {measures}", "单独或者合并 {measures}"),
    "liability.may_add": ("; and may add {measures}", "，并可以 {measures}"),
    "liability.keeps_higher": ("{measures} (keeps the higher step open: proposed in place of "
                               "a higher step that holds, which the decision-maker may still "
                               "apply)",
                               "{measures}（保留较高级：代替同样成立的较高一级提出，较高一级仍可由"
                               "决定机关适用）"),
    "liability.circumstances": ("Circumstances and conditions", "情形与条件"),
    "liability.means": (": {condition}", "：{condition}"),
    "liability.count": ("{event}{where}{later}{group} {op} {threshold} times{window}",
                        "{window}{event}{where}{later}{group} {op} {threshold} 次"),
    "liability.later": (" (counted once a later {event} of the same matter{where})",
                        "（其后同一事项的 {event}{where}）"),
    "liability.group": (" per {field}", "，按 {field} 计"),
    "liability.window": (" within the last {period}", "近 {period}内 "),
    "liability.where": (" where {condition}", "（限于 {condition}）"),
    "liability.bearers": ("Who bears a fault", "责任划分"),
    "liability.bearing": ("{condition} → {bearers}", "{condition} → {bearers}"),
    "liability.share": ("{bearer} ({share})", "{bearer}（{share}责任）"),
    "liability.within": ("within {categories}", "属于 {categories}"),
    "effect.raise": ("{steps} step(s) heavier", "加重{steps}级"),
    "effect.lower": ("{steps} step(s) lighter", "减轻{steps}级"),
    "effect.waive": ("waived", "免予追究"),
    "effect.heaviest": ("the heaviest", "最重"),
    "effect.lightest": ("the lightest", "最轻"),
    "effect.heavier": ("heavier within the step", "从重"),
    "effect.lighter": ("lighter within the step", "从轻"),
    # notices
    "notice.issued_on": ("Issued on", "制发情形"),
    "notice.issuer": ("Issued by", "发文机关"),
    "notice.recipients": ("To", "主送"),
    "notice.copy_to": ("Copied to", "抄送"),
    "notice.elements": ("What it states", "载明事项"),
    "notice.optional": ("(where there is one)", "（有则载明）"),
    # complaints
    "complaints.intro": ("The regime names no telephone line, mailbox or office for "
                         "complaints; these are the complaints and appeals it provides for, "
                         "who handles them and within what time.",
                         "本制度文件未载明投诉举报电话、信箱或受理地点；以下是本制度规定的投诉、"
                         "举报、申诉的受理事项、办理机构和时限。"),
    "complaints.events": ("Steps recorded: {events}", "办理环节：{events}"),
    "complaints.sources": ("{field}: {choices}", "{field}：{choices}"),
    "complaints.duties": ("Time limits", "办理时限"),
    "complaints.rights": ("Rights of parties: appeals and reviews within a time limit",
                          "当事人的权利：申诉、复核的期限"),
    "complaints.right": ("{name}: {facts}", "{name}：{facts}"),
    "complaints.right.window": ("from {event}, within {limit}", "自 {event} 起 {limit}内"),
    "complaints.right.until": ("from {event}, until the {field} it gives",
                               "自 {event} 起，至其载明的{field}"),
    "complaints.right.by_law": ("from {event}, within the period other laws provide",
                                "自 {event} 起，期间依照法律和有关规定"),
    "complaints.right.holder": ("exercised by {holder}", "由 {holder} 行使"),
    "complaints.right.by": ("recorded as {events}", "记为 {events}"),
    "complaints.right.no_suspend": ("exercising it does not suspend the decision",
                                    "行使期间不停止执行"),
    "complaints.none": ("The regime provides for no complaint or appeal that it names as "
                        "such.", "本制度未规定以投诉、举报、申诉为名的受理事项。"),
    "written": ("{index}: {count} files written", "{index}：已写入 {count} 个文件"),
    "footer": ("Published by respons from {title} ({id}). Every item cites its article.",
               "本页由 respons 依据《{title}》（{id}）生成，各项均注明所依据的条款。"),
}

#: The words that name a complaint, a report or an appeal in a record kind, its events or
#: the choices of its fields: how the complaints page finds them (the language has no
#: construct for a channel yet, docs/publish.md).
COMPLAINT_WORDS = ("投诉", "举报", "申诉", "控告", "检举", "complaint", "appeal", "report")


@attrs.frozen
class SiteWords:
    """The table in one language: ``words("home")`` → "首页"; ``count`` also fills ``{s}``."""

    language: str

    def __call__(self, key: str, **values) -> str:
        template = WORDS[key][_COLUMN[self.language]]
        if "count" in values:
            values.setdefault("s", "" if values["count"] == 1 else "s")
        return template.format(**values)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}

"""The words of respons's reports, in English and in Chinese: one table, read by every report.

A report speaks the language its regime was written in (`Regime.language`: the keyword
that opens its header, `regime` or `制度`) unless the reader asks for another (`--lang`).
Each entry is a template for `str.format` — English first, as in the keywords table —
and both spellings of an entry take the same placeholders (tests/engine/test_report.py
checks it). What a regime or a record wrote (names, ids, keys) is never translated: it is
put into these templates as it was written. JSON output never reads this table: its keys
are stable English.
"""

from __future__ import annotations

import string

import attrs

#: The languages a report can be written in, and the column of each in `WORDS`.
LANGUAGES = ("zh", "en")
_COLUMN = {"en": 0, "zh": 1}

#: key → (English, Chinese).
WORDS: dict[str, tuple[str, str]] = {
    # the states of an obligation (docs/evaluate.md, "States"), and due soon
    "state.met": ("met", "按期履行"),
    "state.met_late": ("met late", "逾期履行"),
    "state.open": ("open", "未到期"),
    "state.paused": ("paused", "中止"),
    "state.overdue": ("overdue", "逾期未履行"),
    "state.unknown": ("unknown", "无法确定"),
    "due_soon": ("due soon", "即将到期"),
    # the head of a report
    "title": ("{title} ({id}) · as of {as_of}", "{title}（{id}）· 截至 {as_of}"),
    "run": ("run {run} · ledger head seq {seq} {hash}… · {chain}",
            "运行 {run} · 账本头 序号 {seq} {hash}… · {chain}"),
    "chain.verified": ("chain verified", "哈希链已验证"),
    "chain.unverified": ("chain NOT verified (--no-verify)", "哈希链未验证（--no-verify）"),
    "calendar": ("calendar {calendar}: {span}", "日历 {calendar}：{span}"),
    "calendar.years": ("{first}–{last}", "{first}–{last} 年"),
    "calendar.no_years": ("no years", "无任何年份的数据"),
    "calendar.wanting": (" (no data for {years})", "（缺 {years} 年的数据）"),
    "totals": ("{total} obligations: {parts}", "义务 {total} 项：{parts}"),
    "totals.part": ("{state} {count}", "{state} {count}"),
    "totals.open": ("{state} {count} (due within {soon} working days {due_soon})",
                    "{state} {count}（其中 {soon} 个工作日内到期 {due_soon}）"),
    "totals.sep": (" · ", " · "),
    # the sections
    "section.action": ("Needs action now: overdue {overdue} · due within {soon} working days "
                       "{due_soon}", "一、需要处理：逾期未履行 {overdue} 项，{soon} 个工作日内到期 "
                       "{due_soon} 项"),
    "section.history": ("History: met late {count}", "二、历史：逾期履行 {count} 项"),
    "section.unknown": ("Could not be determined: unknown {count}",
                        "三、无法确定：{count} 项"),
    "section.agencies": ("By agency", "四、按机关统计"),
    "none": ("  none", "  无"),
    "group.action": ("  {agency}: overdue {overdue} · due soon {due_soon}",
                     "  {agency}：逾期未履行 {overdue} 项 · 即将到期 {due_soon} 项"),
    "group.history": ("  {agency}: met late {count}", "  {agency}：逾期履行 {count} 项"),
    "group.unknown": ("  {agency}: unknown {count}", "  {agency}：无法确定 {count} 项"),
    "no_agency": ("(no agency)", "（未载明机关）"),
    "more": ("  … and {count} more (--all lists every one; --format json gives them all)",
             "  …… 另有 {count} 项（--all 全部列出；--format json 给出全部）"),
    "unknown.why": ("  The calendar has no data for {years}: these due dates cannot be "
                    "counted, and are not guessed. Add the year's holiday arrangement to the "
                    "calendar's data and evaluate again.",
                    "  日历缺 {years} 年的数据：这些义务的到期日无法计算，不作推测。在日历数据中"
                    "补充该年的节假日安排后重新评估。"),
    # one obligation: what, then who and why
    "item": ("    {duty} · {matter} · {start} + {period} → due {due}{extended}: {what}",
             "    {duty} · {matter} · {start} 起 {period}，到期日 {due}{extended}：{what}"),
    "item.unknown": ("    {duty} · {matter} · {start} + {period} → due ?: {what}",
                     "    {duty} · {matter} · {start} 起 {period}，到期日未定：{what}"),
    "extended": (" (extended)", "（已延长）"),
    "what.overdue": ("not met as of {as_of}, {days} past the due date",
                     "截至 {as_of} 未履行，已逾期 {days}"),
    "what.met_late": ("met {date} by {record}, {days} late",
                      "{date} 由 {record} 履行，逾期 {days}"),
    "what.due_today": ("due today", "今日到期"),
    "what.due_in": ("due in {workdays}", "还剩 {workdays}"),
    "what.unknown": ("needs the calendar of {years}", "需要 {years} 年的日历数据"),
    "what.unknown.field": ("the starting record gives no {field}, or the calendar has no data "
                           "for the year of its date",
                           "起算记录未载明{field}，或日历缺该日期所在年份的数据"),
    "why": ("      {who}  {citation}", "      {who}  {citation}"),
    "who.owner": ("owner {owner}", "负责 {owner}"),
    "who.counts_as": ("counts as {fault}", "违反 {fault}"),
    "who.started": ("started by {record}", "起算 {record}"),
    "who.sep": (" · ", " · "),
    "days": ("{count} day{s}", "{count} 天"),
    "days.unknown": ("? days", "? 天"),
    "workdays": ("{count} working day{s}", "{count} 个工作日"),
    "unit.days": ("{count} day{s}", "{count} 日"),
    "unit.workdays": ("{count} working day{s}", "{count} 工作日"),
    "unit.months": ("{count} month{s}", "{count} 个月"),
    "unit.years": ("{count} year{s}", "{count} 年"),
    "unit.until": ("until its {field}", "至{field}"),
    "years.sep": (", ", "、"),
    # a party's right windows (docs/evaluate.md, "Rights"): no one's duty, listed apart
    "section.rights": ("Rights of parties: open {open} · exercised {exercised} · exercised "
                       "late {exercised_late} · lapsed {lapsed} · unknown {unknown}",
                       "五、当事人的权利期间：可行使 {open} 项 · 已行使 {exercised} 项 · 逾期行使 "
                       "{exercised_late} 项 · 已届满 {lapsed} 项 · 无法确定 {unknown} 项"),
    "right.item": ("    {right} · {matter} · opened {start} → last day {closes}: {what}",
                   "    {right} · {matter} · {start} 起，{closes} 届满：{what}"),
    "right.item.by_law": ("    {right} · {matter} · opened {start}, its period as other laws "
                          "provide: {what}",
                          "    {right} · {matter} · {start} 起，期间依照法律和有关规定：{what}"),
    "right.what.open_by_law": ("open", "可行使"),
    "right.what.open": ("open, {days} left", "可行使，还剩 {days}"),
    "right.what.exercised": ("exercised {date} by {record}", "{date} 由 {record} 行使"),
    "right.what.exercised_late": ("exercised {date} by {record}, {days} after it closed",
                                  "{date} 由 {record} 逾期行使，届满后 {days}"),
    "right.what.lapsed": ("lapsed unused", "未行使，已届满"),
    "right.what.unknown": ("its last day cannot be determined", "届满日无法确定"),
    "right.why": ("      {who}  {citation}", "      {who}  {citation}"),
    "right.holder": ("holder {holder}", "权利人 {holder}"),
    "right.started": ("opened by {record}", "起算 {record}"),
    "right.no_suspend": ("exercising it does not suspend the decision", "行使期间不停止执行"),
    # the table by agency
    "table.agency": ("agency", "机关"),
    "table.total": ("total", "合计"),
    "table.of_which_soon": ("due soon", "其中即将到期"),
    "table.rest": ("{count} more agencies", "其余 {count} 个机关"),
    # the lines of an ingest, as `respons run` prints them before its report
    "ingest.stored": ("{file}: stored {count} record{s} (seq {first}–{last}, batch {batch})",
                      "{file}：存入 {count} 条记录（序号 {first}–{last}，批次 {batch}）"),
    "ingest.stored.duplicates": ("; {count} already there", "；{count} 条原已存在"),
    "ingest.partial": ("{file}: stored {count} records (seq {first}–{last}, batch {batch}); "
                       "{rejected} bad lines written to {rejects}",
                       "{file}：存入 {count} 条记录（序号 {first}–{last}，批次 {batch}）；"
                       "{rejected} 行有误，已写入 {rejects}"),
    "ingest.unchanged": ("{file}: nothing new, all {count} records already stored",
                         "{file}：没有新记录，{count} 条均已存在"),
    "ingest.empty": ("{file}: no records", "{file}：没有记录"),
    "ingest.unreadable": ("{file}: not a JSON Lines records file; nothing stored",
                          "{file}：不是 JSON Lines 记录文件，未存入任何记录"),
    "ingest.rejected": ("{file}: rejected, {count} bad line{s}{where}; nothing of this file "
                        "was stored", "{file}：拒收，{count} 行有误{where}；本文件的记录均未存入"),
    "ingest.rejected.where": (" (written to {rejects})", "（已写入 {rejects}）"),
    "ingest.total": ("{count} file{s} into {url}: {stored} stored, {duplicates} already there, "
                     "{rejected} rejected; head seq {seq} {hash}",
                     "{count} 个文件存入 {url}：新存入 {stored} 条，原已存在 {duplicates} 条，拒收 "
                     "{rejected} 条；账本头 序号 {seq} {hash}"),
    # messages of the commands that print a report
    "warning.unknown": ("warning: {count} obligations have no due date: the calendar has no "
                        "data for {years} (add the year's holiday arrangement to the calendar's "
                        "data)", "警告：{count} 项义务没有到期日：日历缺 {years} 年的数据（请在"
                        "日历数据中补充该年的节假日安排）"),
    "not_evaluated": ("not evaluated: a records file was rejected or could not be read "
                      "({files}); fix it and run again{hint}",
                      "未评估：有记录文件被拒收或无法读取（{files}）；修正后重新运行{hint}"),
    "not_evaluated.hint": (", or give --rejects PATH to store its good lines and evaluate",
                           "，或用 --rejects PATH 存入其中正确的行后评估"),
    # respons notices (docs/notices.md)
    "notices.title": ("Notices of {title} ({id}) · as of {as_of}",
                      "{title}（{id}）文书 · 截至 {as_of}"),
    "notices.totals": ("{count} notice{s} called for: {new} newly numbered, {kept} issued "
                       "before (same number); {problems} could not be issued",
                       "应制发文书 {count} 份：新编号 {new} 份，此前已编号 {kept} 份（文号不变）；"
                       "无法制发 {problems} 份"),
    "notices.item": ("{number} 《{title}》 to {recipient} · {date} · on {outcome}{new}",
                     "{number}《{title}》 主送 {recipient} · {date} · 依据结果 {outcome}{new}"),
    "notices.new": (" · new number", " · 新编号"),
    "notices.files": ("    written: {files}", "    已写入：{files}"),
    "notices.cited": ("    under {citation}", "    依据 {citation}"),
    "notices.problem": ("cannot issue {notice} on {key}: {reason}",
                        "无法制发“{notice}”（{key}）：{reason}"),
    "notices.waiting": ("not looked for: {notice} on {kind} {target}: {reason}",
                        "未查找：“{notice}”依据{kind} {target}：{reason}"),
    "notices.none": ("no notice is called for by the results", "依现有结果，无须制发文书"),
    # the liability report (`respons liability`, docs/liability.md)
    "li.title": ("Liability: {title} ({id}) · {which}", "责任追究：{title}（{id}）· {which}"),
    "li.which.case": ("case {case}", "案件 {case}"),
    "li.which.year": ("cases of {year}", "{year} 年的案件"),
    "li.which.all": ("every case", "全部案件"),
    "li.none": ("  no fault case", "  没有过错案件"),
    "li.case": ("Case {matter} (record {record}, {date}) · {proceeding}{citation}",
                "案件 {matter}（记录 {record}，{date}）· {proceeding}{citation}"),
    "li.fault": ("  Fault: {fault}{citation}", "  过错：{fault}{citation}"),
    "li.fault.none": ("  Fault: the case file does not name one ({field}); nothing can be "
                      "proposed", "  过错：案件记录未载明（{field}），无从提出处理意见"),
    "li.fault.unknown": ("  Fault: {fault}, which the regime does not declare; nothing can be "
                         "proposed", "  过错：{fault}，本制度未规定此过错，无从提出处理意见"),
    "li.circumstances": ("  Circumstances:", "  情形："),
    "li.found.undeclared": ("  Found ({field}): {names} — the regime declares no such "
                            "circumstance or fault; not taken into account",
                            "  认定（{field}）：{names}——本制度未规定此情形或过错，未予考虑"),
    "li.c.count": ("    {mark} {name}: counted {count} (records {records}){citation}",
                   "    {mark} {name}：计数 {count} 次（记录 {records}）{citation}"),
    "li.c.count.total": ("    {mark} {name}: counted {count} across the jurisdiction{citation}",
                         "    {mark} {name}：计数 {count} 次（全辖区）{citation}"),
    "li.c.count.none": ("    {mark} {name}: counted 0{citation}",
                        "    {mark} {name}：计数 0 次{citation}"),
    "li.c.found": ("    ✓ {name}: found by the decision-maker (the case file names it){citation}",
                   "    ✓ {name}：经认定（案件记录载明）{citation}"),
    "li.c.not_found": ("    ✗ {name}: not found (the case file does not name it){citation}",
                       "    ✗ {name}：未经认定（案件记录未载明）{citation}"),
    "li.c.condition": ("    {mark} {name}: by its condition{citation}",
                       "    {mark} {name}：依其条件{citation}"),
    "li.c.fault": ("    {mark} {name}: the fault{citation}", "    {mark} {name}：过错{citation}"),
    "li.ladder": ("  Ladder {ladder}{citation}", "  阶梯 {ladder}{citation}"),
    "li.exempt": ("    Not pursued: {condition}{citation}", "    不予追究：{condition}{citation}"),
    "li.no_step": ("    Does not apply: no step's condition holds",
                   "    不适用：没有一级的条件成立"),
    "li.step": ("    Step {level}: {condition} holds (the highest step that holds){citation}",
                "    第{level}级：{condition} 成立（成立的最高一级）{citation}"),
    "li.step.kept": ("    Step {level}: {condition} holds (保留较高级: proposed in place of step "
                     "{kept}, which holds too){citation}",
                     "    第{level}级：{condition} 成立（保留较高级：代替同样成立的第{kept}级）"
                     "{citation}"),
    "li.kept": ("    Kept open (保留较高级): step {level}: {condition} holds too; the "
                "decision-maker may apply it instead{citation}",
                "    保留较高级：第{level}级 {condition} 亦成立，决定机关可以改为适用{citation}"),
    "li.kept.measures": ("    Or instead: {measures}{combine}{additions}",
                         "    或者改为：{measures}{combine}{additions}"),
    "li.kept.may_add": ("; and may add {measures}", "，并可以 {measures}"),
    "li.step.may": ("    The text says 可以 (may): whether to impose it is the decision-maker's",
                    "    原文为“可以”：是否适用由决定机关裁量"),
    "li.mod.applied": ("    {kind} {condition} => {effect}: applied{moved}{citation}",
                       "    {kind} {condition} => {effect}：适用{moved}{citation}"),
    "li.mod.moved": (", to step {level}", "，为第{level}级"),
    "li.mod.edge.highest": (" (already the highest step)", "（已是最高一级）"),
    "li.mod.edge.lowest": (" (already the lowest step)", "（已是最低一级）"),
    "li.mod.open": ("    {kind} {condition} => {effects}: open to the decision-maker ({why}), "
                    "not applied{citation}",
                    "    {kind} {condition} => {effects}：由决定机关裁量（{why}），"
                    "未适用{citation}"),
    "li.mod.why.may": ("the text says 可以", "原文为“可以”"),
    "li.mod.why.or": ("the text gives alternatives", "原文为择一"),
    "li.waived": ("    Not pursued: waived by {condition}{citation}",
                  "    免予追究：{condition}{citation}"),
    "li.defence": ("    The defence (申辩) raises nothing", "    当事人申辩，不因申辩加重"),
    "li.cancel": ("    从重 and 从轻 both hold: the step's whole range stays",
                  "    从重与从轻同时成立：保留本级全部措施"),
    "li.measures": ("    Proposed: {measures}{combine}", "    拟处理：{measures}{combine}"),
    "li.measures.combine": (" (alone or together)", "（可以单独或者合并适用）"),
    "li.may_add": ("    and may add: {measures}", "    并可以：{measures}"),
    "li.measures.choose": (" ({choice} of the step)", "（本级{choice}）"),
    "li.measure": ("{name}{referral}{citation}", "{name}{referral}{citation}"),
    "li.referral": (" — a 处分, referred to the appointing authority, not decided here",
                    "——处分，移送任免机关决定，非本系统决定"),
    "li.bearers": ("  Who bears it:", "  责任人："),
    "li.bearer": ("    {person} ({reference}{facts}){joiner}{citation}",
                  "    {person}（{reference}{facts}）{joiner}{citation}"),
    "li.bearer.unnamed": ("(not named in the case file)", "（案件记录未载明）"),
    "li.bearer.none": ("    none: no 责任划分 rule holds", "    无：没有责任划分规则成立"),
    "li.bearer.bears_nothing": (", bears nothing", "，不承担责任"),
    "li.joiner.or": (" — one of these, as the decision-maker finds",
                     "——其中之一，由决定机关认定"),
    "li.joiner.severally": (" — each for their own part", "——分别承担"),
    "li.decides": ("  Decided by {decider}; proposed by {proposer}",
                   "  决定：{decider}；提出：{proposer}"),
    "li.unnamed": ("(not named)", "（未载明）"),
    "li.heaviest": ("heaviest", "最重"),
    "li.lightest": ("lightest", "最轻"),
    "li.heavier": ("heavier half", "从重"),
    "li.lighter": ("lighter half", "从轻"),
    "li.measure.decider": (" (decided by {decider})", "（由 {decider} 决定）"),
    "li.or": (" or ", " 或 "),
    "li.and": (" and ", " 并 "),
}


@attrs.frozen
class Words:
    """The table in one language: ``words("state.met")`` → "按期履行"; placeholders by
    keyword. A ``count`` also fills ``{s}``, the English plural's ending."""

    language: str

    def __attrs_post_init__(self):
        if self.language not in LANGUAGES:
            raise ValueError(f"no report language {self.language!r}: one of "
                             + ", ".join(LANGUAGES))

    def __call__(self, key: str, /, **values) -> str:
        # ``key`` is positional-only: a template may have a placeholder named ``key`` (the
        # key of a record, as "notices.problem" has) without clashing with the word's key.
        template = WORDS[key][_COLUMN[self.language]]
        if "count" in values:
            values.setdefault("s", "" if values["count"] == 1 else "s")
        return template.format(**values)

    def state(self, state: str) -> str:
        return self(f"state.{state}")

    def days(self, count: int | None) -> str:
        return self("days.unknown") if count is None else self("days", count=count)

    def period(self, period) -> str:
        """A duty's period (`Period`): 5 工作日, 5 working days."""
        amount = period.amount
        count = int(amount) if float(amount).is_integer() else amount
        return self(f"unit.{period.unit}", count=count)

    def years(self, years) -> str:
        return self("years.sep").join(str(y) for y in years)


def words_for(language: str | None, regime) -> Words:
    """The words a report on ``regime`` is written in: ``language`` where given (--lang),
    else the regime's own."""
    return Words(language or regime.language)


def placeholders(template: str) -> set[str]:
    """The names a template's placeholders use."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}

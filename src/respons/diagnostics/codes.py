"""The diagnostic codes: each with its severity, a title and a long explanation.

Codes are stable: once published a code keeps its meaning. `respons explain CODE` prints
the explanation; docs/codes.md is generated from this table (a test keeps them equal).
R00xx reading files, R01xx syntax and values, R02xx names, R03xx who may enforce,
R04xx time, R05xx assessment, R06xx liability, R07xx notices, R08xx layering and plugins,
R09xx citations, R10xx configuration, R11xx records (JSON Lines files given to
`respons ingest`), R12xx conditions: their types, named conditions and fault categories,
R13xx scenarios (`场景`, run by `respons test`).
"""

from __future__ import annotations

import attrs

from respons.diagnostics.severity import ERROR, WARNING


@attrs.frozen
class Code:
    code: str
    severity: str
    title: str
    explanation: str


CODES: dict[str, Code] = {}


def _code(code: str, severity: str, title: str, explanation: str) -> None:
    CODES[code] = Code(code, severity, title, explanation.strip())


_code("R0001", ERROR, "file cannot be read", """
The file could not be read, or is not UTF-8 text. Regime files are UTF-8 (a byte-order
mark is allowed). Save the file as UTF-8; in most editors this is "Save with encoding".
Only regular files are read — not a FIFO, a device or a socket, which could make respons
wait or read forever — and none larger than 64 MiB (a province of 10,000 agencies in one
file is about 22 MiB). `respons check` exits 2 when any input cannot be read.""")
_code("R0002", ERROR, "no regime files found", """
A folder given to `respons check` holds no `.resp` file, or a path does not exist.""")
_code("R0003", WARNING, "folder cannot be read", """
A folder below one given to `respons check` could not be read (most often: no permission),
so the regime files in it, if any, were not checked. The warning names the folder. Give
respons permission to read it, or name the folders to check one by one.""")

_code("R0101", ERROR, "syntax error", """
The text does not follow the grammar of the regime language. The message says what was
found and what could come there. Common causes: a keyword run into its value (期限7 instead
of 期限 7), a misspelt statement keyword, a block without `{`, a rule without `=>`.
After an error, each top-level block is parsed on its own and a broken statement is left
out of its block — its line, or its lines up to where the next statement starts — so every
broken statement is reported, the block is built from the others, and every name and rule
of the file is still checked. What the broken text may have declared is not reported as
undefined, nor what it may have said as missing. A block whose first line is broken is lost
whole; one left open is closed where the next block starts (R0102).""")
_code("R0102", ERROR, "unexpected end of file", """
The file ends inside a block: some `{` has no matching `}`.""")
_code("R0103", ERROR, "unexpected character", """
A character that cannot start anything at this place, often an unclosed string or
citation, or a stray brace.""")
_code("R0105", ERROR, "invalid date", """
Dates are written YYYY-MM-DD (2006-01-01) or YYYY年M月D日, and must exist on the calendar.""")
_code("R0106", ERROR, "invalid citation", """
A citation is written 〔第N条第M款第（K）项第L目〕 (Chinese or Arabic numerals), optionally
after a source: 〔人员管理办法 第十八条〕 (a part of this regime), 〔hangzhou 第四十条〕 (a regime
this one extends or uses) or 〔《中华人民共和国民法典》第二百零一条〕 (an outside law). English:
[art. 40(1)(3)] or [article 40 para 1 item 3]. Work plans without articles are cited by
section: 〔任务21〕, 〔七〕, 〔三（二）〕. A citation that starts with 第 must read as articles.""")
_code("R0107", ERROR, "unknown word", """
The word is not in the list of words this place accepts — a unit of time (日, 工作日, 个月,
年), a level (省, 市, 县…), a legal status (法定, 授权, 委托), a power type (许可, 处罚,
强制, 征收, 给付, 确认, 检查, 裁决, 其他), a role (承办, 审核, 批准, 第一责任人, 分管…), a
field type, and so on. The message lists the accepted words and suggests the nearest.""")
_code("R0108", ERROR, "statement given twice", """
A statement that a block may hold once (a duty's 期限, a regime's 层级…) appears twice, or
a file overrides the same element twice (put the changes in one `覆盖`).""")
_code("R0109", ERROR, "required statement missing", """
A block lacks a statement it cannot do without: a regime its 层级, a duty its 起算, 期限
and 完成, a ladder its steps, an assessment its 方案, a notice its 标题, an entrustment its
委托机关 and 期间.""")
_code("R0110", ERROR, "regime block missing or repeated", """
Every regime file holds exactly one `制度`/`regime` block: the header that names the
regime, its level, issuer and dates.""")
_code("R0111", WARNING, "no effective date", """
The regime does not say when it takes effect (施行). Records are judged by the version in
force on their date; without a date the regime is taken to be in force on any date.""")
_code("R0112", ERROR, "inconsistent dates", """
The regime's dates contradict each other: it takes effect before it was issued, is amended
before it was issued, or is repealed before it takes effect; or an entrustment ends before
it starts.""")

_code("R0113", ERROR, "condition nested too deeply", """
A condition nests 非, 且, 或 and brackets more than 32 levels deep — counting a level for
each named condition, circumstance defined by a condition and fault category it opens. No
regime needs that much: 非 非 A is A, and a chain of 且 or 或 needs no brackets.""")
_code("R0114", ERROR, "number too long", """
A number has more than 15 digits before or after its decimal point. No period, score,
amount or count in a regime needs that many; a longer number is a typo (or an attempt to
make respons spend its time reading it).""")
_code("R0115", ERROR, "control character in a name", """
A name written in 「…」 holds a control character: a tab, a NUL, an escape or another
invisible character (Unicode category Cc). Names become record fields and the members of
records' JSON, which a control character would make impossible to type or to store (a
NUL cannot be stored on PostgreSQL). Remove it; spaces and every visible character are
allowed.""")

_code("R0116", ERROR, "empty text", """
A quoted text that must say something is empty (or blanks only): the 文号 of a 委托书 (the
document an entrusted organisation enforces under, jilin-city 16), a regime's 制定机关 or
文号, a notice's 标题, a power's 依据, an entrustment's 内容. Write what the text gives, or
leave the statement out where the text gives nothing.""")

_code("R0201", ERROR, "undefined name", """
The name is not declared in this regime, in a regime it extends or uses, or (for powers,
bodies and posts) in the agency concerned. Check the spelling; the message suggests the
nearest declared names.""")
_code("R0202", ERROR, "duplicate name", """
Two declarations share a name in the same scope. Top-level names (agencies, record kinds,
duties, faults, circumstances, measures, ladders, apportionment rules, assessments,
notices) share one scope; powers, bodies and posts are scoped by agency; fields and
events by record kind. To change an element of an extended regime, use `覆盖`/`override`.""")
_code("R0203", ERROR, "wrong kind of name", """
The name exists but names the wrong kind of thing — a post where an agency is expected, a
measure where a circumstance is expected.""")

_code("R0301", ERROR, "power not assigned to any post", """
Every power an agency holds must be split over its posts, 不重不漏 (heilongjiang 9; samr 6):
a power that no post holds is a gap in the decomposition. Add it to a post with
`承担 <职权>` (or `holds`).""")
_code("R0302", ERROR, "power the agency lacks", """
A post or body holds a power its agency does not have. Splitting powers over bodies and
posts may neither add nor drop powers (heilongjiang 9 第二款; samr 6 第二款).""")
_code("R0303", ERROR, "post holds a power its body lacks", """
A post inside a body that lists its powers holds a power the body does not list.""")
_code("R0304", ERROR, "entrustment inconsistent", """
An entrusted organisation (受委托组织) enforces under a 委托书 that states the entrusting
agency, the scope and the term (jilin-city 16). An agency whose status is 委托 needs a
委托书; the entrusting agency must be a statutory or authorised agency; the scope may name
only powers the entrusting agency holds; and an organisation with another status has no
委托书.""")

_code("R0401", ERROR, "period out of range", """
A duty's period, every extension and a counting window is a whole number of days, working
days, months or years (民法典 第二百条), at least one and at most a hundred years'
worth (36,500 days, 25,000 working days, 1,200 months, 100 years).""")
_code("R0402", ERROR, "event of the wrong kind", """
A duty's start, completion, pauses and extension grants name events (`<record kind>.<event>`).
The name given is a record kind without an event, an event that the record kind does not
declare, or an event of another record kind than the one that starts the clock: a duty
follows one matter, whose events share its key (主键).""")
_code("R0403", ERROR, "field not in the record kind", """
A condition after `限于`/`where` tests a field that the record kind of the event does not
declare.""")

_code("R0404", ERROR, "completion mixes 或 and 且", """
A duty is met by the first of several events (`完成 A 或 B`) or when all of them have
happened (`完成 A 且 B`, the last of them meeting it: tongzhou 协调规定 12 "同时"). A
mixture has no single reading: declare two duties instead.""")

_code("R0405", ERROR, "duty on a record kind without a key", """
A duty pairs the event that starts its clock with the event that meets it in the same
matter: the record kind's key (主键) — the complaint or case number every event of the
matter carries. A duty on a kind without a key could never be met.""")

_code("R0501", ERROR, "grade bands leave a gap", """
The grade bands do not cover every score from 0 to the full marks: some score would get no
grade. Close the gap, or say how the boundary score is graded with `边界 N => <grade>`.""")
_code("R0502", ERROR, "grade bands overlap", """
Two grade bands both contain some score, so the grade is ambiguous. jilin-city 31 says
"70分以上为及格，70分以下为不及格": by 民法典 1259 以上 and 以下 both include 70. State how the
boundary is graded with `边界 70 => 及格` (and say why in a comment), or use 不满 70.""")
_code("R0503", WARNING, "items do not add up to the full marks", """
The points of an assessment's items do not add up to its full marks (满分, 100 by default).""")
_code("R0504", ERROR, "boundary rule does not resolve a boundary", """
A `边界`/`boundary` rule names a score where the bands neither overlap nor leave a gap, or
a grade that does not contain that score by either band.""")
_code("R0505", ERROR, "unknown scoring scheme", """
The assessment names a scoring scheme that no installed plugin provides. `respons plugins`
lists the installed schemes.""")
_code("R0506", ERROR, "scheme parameter not accepted", """
The scoring scheme does not take a parameter of this name, or not a value of this kind.""")
_code("R0507", ERROR, "grade band empty", """
A band whose bounds exclude every score (such as >= 90 且 < 80), or a band without bounds
among bands with bounds. Bands without any bounds are grades to rate into (`rating`).""")

_code("R0508", ERROR, "scheme cannot score this assessment", """
The scoring scheme needs something the assessment does not give: `points` (百分制) needs
points on every item; `rating` (等次评定) needs grade bands to rate into.""")

_code("R0509", ERROR, "full marks not above zero", """
An assessment's full marks (满分) are the score its bands divide; they are above zero (100
when not written).""")

_code("R0510", ERROR, "no such field to read or attribute by", """
An assessment reads a field of a record: the score or grade an assessor recorded (`得分
评议考核.评定 的 得分`), or the field after 按 that names whom a record concerns (`每 投诉举报.查实
按 承办人 扣 2 分`). The record kind has no field of that name, or 按 follows a duty or a
fault, whose breaches are attributed to the duty's owner, not by a field.""")

_code("R0511", ERROR, "records cannot be attributed to the assessed subject", """
Each record an assessment counts is attributed to the agency, body or officer it concerns:
the field written after 按, or else the record kind's first field of the assessment's
subject type (`对象 人员`: a field of type 人员). This kind has neither, so its records would
count against no one. Write 按 FIELD, or declare the field in the record kind.""")

_code("R0512", ERROR, "recorded score not a number", """
`得分 KIND.EVENT 的 FIELD` reads the score an assessor recorded; the field must be declared a
number (数值, 整数 or 金额), so that a record giving anything else is refused at ingest
rather than scored as nothing.""")

_code("R0513", ERROR, "assessment fed by itself", """
An item `来自 ASSESSMENT` is that assessment's result for the same subject and year (a file
review's score as an item of the yearly assessment). Followed from item to item, the
assessments an assessment comes from must not lead back to it: its score would need itself.""")

_code("R0514", ERROR, "bar by an assessment that cannot give it", """
`不得评为 G 若 考核 A 等级 G2` bars a subject from grade G where it got G2 in assessment A the
same year (changchun-xinqu 任务25). A must assess the same kind of subject (an officer's grade
bars an officer), and A's result must not depend, through its sources (来自) and bars, on the
assessment it bars: the one barred is scored after the one it follows.""")

_code("R0515", ERROR, "tier outside the scheme of tiers", """
`等级 G 若 CONDITION` gives a grade where a condition over the records holds: a tier, graded
by `方案 条件分档`/`tiers` (tongzhou 人员管理办法 第十三条). Under another scheme the condition
would be ignored: write `方案 条件分档`, or bounds (`90 以上`) for a scheme of points.""")

_code("R0601", ERROR, "ladder steps not ordered by severity", """
A ladder's steps must grow heavier: the lightest and the heaviest measures of each step are
at least as severe as those of the step before (hangzhou 40; dacheng 过错办法 10). Give every
measure a 轻重 (severity) and order the steps.""")
_code("R0602", ERROR, "ladder steps not numbered 1, 2, 3…", """
A ladder's steps are numbered from 1 without gaps or repeats.""")
_code("R0603", WARNING, "measure without severity", """
A measure used in a ladder of several steps has no 轻重 (severity), so the order of the
steps cannot be checked; or, in a ladder whose 从重/从轻 take the heaviest (最重) or the
lightest (最轻) measure of a step, a measure of a step with several options has none, so
there is nothing to choose by. A ladder of one step has nothing to order: its measures
need no severity unless 最重/最轻 chooses among them.""")
_code("R0604", ERROR, "effect does not fit the modifier", """
从重/aggravate raises (加重) or picks the heaviest; 从轻/mitigate lowers (减轻), picks the
lightest or waives (免予追究); 不予追究/exempt takes no effect.""")

_code("R0605", ERROR, "effect moves beyond the ladder's steps", """
加重N级 moves a finding N steps up the ladder, 减轻N级 N steps down. In a ladder of two
steps, 加重5级 cannot be applied from any step: a ladder of n steps moves at most n − 1
(and a ladder of one step not at all). Write the number of steps the text says, or
最重/最轻 for the heaviest or lightest measure of the step.""")
_code("R0606", ERROR, "measure not for the ladder's subject", """
A ladder for officers (`对象 人员`) names a measure for agencies (`对象 机关`), or the other
way round: 暂扣行政执法证件 cannot be taken from an agency, nor an agency's 通报 be given to
an officer. Name a measure for the ladder's subject, or correct the 对象 of the measure or
of the ladder. A measure or ladder without 对象 is for either.""")

_code("R0607", ERROR, "bearers joined more than one way", """
A 责任划分 rule joins its bearers with more than one of 并 (all of them bear it), 或 (one of
them, as the decision-maker finds) and 分别 (each for their own part, between levels):
`承办人 并 审核人 或 批准人` has no single reading. Join the bearers of one rule one way, and
write a second rule for a second situation.""")
_code("R0608", ERROR, "ladder step that can never apply", """
The highest step whose condition holds applies (docs/language.md, "Which step applies").
A lower step whose condition requires everything a higher step's requires — the same
condition, or the higher one's and more — can never apply: whenever it holds, the higher
step holds too. Two steps with one condition are the common case (an overlap the checker
cannot order). Make the steps' conditions exclusive, or put the more specific one higher.""")
_code("R0609", ERROR, "proceeding names what is not there", """
A proceeding (追究) names its case record (`案件 KIND.EVENT`), fields of that record (`过错`,
`认定`, `申辩` — the last a 是否 field), who decides and proposes (a field of the case record or
a declared agency, body or post), its ladders and its 责任划分. One of them is not declared,
or is not of the kind the statement needs; or the proceeding has no case record and no
standing fault to apply. A circumstance left to the decision-maker (`认定 X`) names X as a
declared agency, body or post (dotted: `省教育厅.领导小组`), or a field of a case record.""")
_code("R0610", ERROR, "unknown bearer", """
A bearer in a 责任划分 rule is either a kind of bearer — 承办人/直接责任人, 审核人, 批准人,
主办人, 协办人, 持错误意见者, 持不同意见者, 指令人, 上级机关, 委托执法机关, 委托机关负责人,
主要负责人, 分管负责人, 本机关, 联合执法机关 (the table is docs/language.md's) — or a field of
the case record of the regime's proceedings that names a person or an agency (人员, 机关,
文本 or 之一). The case record names each kind in its field of the same spelling.""")
_code("R0611", ERROR, "a defence could raise the measure", """
A step or an aggravating modifier (从重) of a ladder a proceeding applies reads the field
recording the defence (申辩). A defence never raises the measure (henan 24, tongzhou 实施细则
15, dacheng 过错追究办法 11): take the field out of the condition.""")
_code("R0612", ERROR, "count grouped by an unknown field", """
`按 FIELD [对应 CASEFIELD]` counts only the records whose FIELD holds what the case's
CASEFIELD (FIELD itself when not given) holds — per officer, agency, certificate or kind.
FIELD must be a field of the counted record, and CASEFIELD a field of every case record.""")
_code("R0613", ERROR, "unknown field of the case record", """
`案件.FIELD` in a liability condition (a circumstance's 依据/条件, a step, a modifier, a
责任划分 rule) tests a field of the case record named by the regime's proceedings (追究 …
{ 案件 KIND.EVENT }). There is no proceeding with a case record, or none of their records
has such a field (one suffices: a case whose record lacks it never satisfies the condition).
The comparison is typed as any condition on a record's fields is (R1201–R1204).""")

_code("R0614", ERROR, "a step keeps a higher step open but cannot", """
`第N级 CONDITION => 可以 保留较高级 MEASURES` is a permitted lighter step: where it holds, it
is proposed in place of the higher step that holds, and that higher step stays open to the
decision-maker (samr 15: 第二款 "可以" lets the department choose 谈话提醒… for a 情节轻微
case with a 法定从轻或者减轻情形, and 第一款's 组织处理 or 处分 remain open to it). The step
must say 可以 — a binding (应当) lighter step leaves no choice, so nothing stays open — and
must not be the ladder's highest step, above which there is nothing to keep.""")

_code("R0701", ERROR, "unknown notice format", """
A notice names an output format that no installed plugin provides. `respons plugins` lists
the installed formats.""")
_code("R0702", ERROR, "required notice element dropped", """
A regime that builds on another (上位) overrides one of its notices and leaves out, or
makes optional (可选), an element the regime above requires: hangzhou 48's 责任追究决定书
must state 依法享有的申诉权利, heilongjiang 31's decision its eight items. An override's
`要素` statements replace the notice's elements — to reorder them, or bind them to the lower
regime's own data — so they must list every required one. The message names the element,
the regime whose text requires it and the article; keep the element, required.""")
_code("R0703", ERROR, "unknown fact in a notice", """
An element of a notice uses a placeholder (`{名称}`), or is bound to a fact (`= 名称`), or the
代字 of its 文号 names a fact (`"{代字字段}〔{年}〕{号}号"`), that the notice is not given. What
a notice is given depends on what issues it (签发): the facts of every notice (发文机关,
主送机关, 文号, 成文日期) and those of its outcome — an assessment's grade gives 被考核对象,
考核等级, 得分…; a record's event gives 事件, 事项, 记录日期 and the record kind's fields; a
measure its facts and the fields of its case record. A notice issued on several outcomes is
given what all of them give.
The message lists the facts available; docs/language.md has the table.""")
_code("R0704", ERROR, "template cannot be read", """
A template is text with `{名称}` placeholders and nothing else: `{{` and `}}` stand for
braces in the text; a placeholder is a name — no attribute (`{a.b}`), no index, no call, no
format (`{a:>3}`), no spaces. A `{` or `}` that opens or closes nothing, an empty `{}`, a
control character (NUL, ESC…) or a template longer than 20,000 characters cannot be read.
Templates cannot run code, read files or reach the network: they only name facts.""")
_code("R0705", ERROR, "document-number pattern", """
A notice's 文号 is the pattern its document numbers (发文字号) are made by, after GB/T
9704-2012 7.2.5: the issuer's code (发文机关代字), the year in full in 六角括号, the sequence
number without 第 and without leading zeros, then 号 — `"吉司整〔{年}〕{号}号"` gives
吉司整〔2025〕3号. It holds `{年}` (or `{year}`) and `{号}` (or `{seq}`) once each; any other
placeholder stands in the 代字, before 〔{年}〕, and names a fact that gives the issuing
agency's code (`"{追究机关代字}执追〔{年}〕{号}号"`) — never the notice's own 文号, 成文日期 or
主送机关.""")
_code("R0706", ERROR, "not an outcome that can issue a notice", """
What follows 签发 names an outcome of its kind: `等级 考核.等级` (or `等级 考核`, whatever
grade it gives), `后果 考核.等级 [连续 N 年]` — a consequence the assessment declares —,
`措施 措施名`, `记录 记录类型.事件`. `连续 N 年` picks a consequence, and goes with 后果 only;
`限于 CONDITION` picks the records of an event whose fields satisfy it, and goes with 记录
only.""")
_code("R0707", ERROR, "notice cannot be issued", """
A notice that something issues (签发, or a consequence that calls for it) is written out by
respons from the outcome's facts: it needs a 发文机关, a 主送 and a 文号 pattern, and every
element it requires must be filled — bound to a template (`要素 名称 = "…{事实}…"`), to a
fact (`要素 名称 = 事实`), or named like one of the facts it is given. Mark an element 可选
where the notice may go without it.""")

_code("R0801", ERROR, "regime not found", """
A regime named in `上位`/`extends` or `参照`/`uses` was not found next to this file or in
the `regimes.path` folders of respons.toml. A regime's id is its file name without .resp.""")
_code("R0802", ERROR, "cycle in extends/uses", """
Regimes extend or use each other in a circle.""")
_code("R0803", ERROR, "override names nothing", """
An override (`覆盖`) must name an element of the kind given that the extended regime
declares. Overrides need `上位`/`extends`.""")
_code("R0804", ERROR, "inherited name redeclared", """
The regime declares again a name it inherits from the regime it extends or uses. To change
an inherited element, override it with `覆盖`/`override`.""")
_code("R0805", ERROR, "unknown calendar", """
The regime names a calendar that no installed plugin provides. `respons plugins` lists the
installed calendars.""")
_code("R0806", ERROR, "unknown citation source", """
A citation's source is neither a part of this regime (`分篇`/`part`), nor a regime this one
extends or uses, nor an outside law in 《》.""")
_code("R0807", ERROR, "regimes built on too deeply", """
A regime builds on more than 64 others in a line: it extends (上位), uses (参照) or
supersedes (取代) a regime that builds on another, and so on, more than 64 times. No
hierarchy of law is that deep (country, province, city, county, department); a longer
chain is a mistake. The regime one step too far is not read.""")

_code("R0901", WARNING, "rule without citation", """
Every rule cites the article it comes from (VISION: every result cites its law): duties,
faults, circumstances, measures, ladder steps and modifiers, apportionment rules, assessment
items, bands, vetoes and consequences, notices and entrustments. A rule inside a block
that cites an article inherits it; 〔第（四）项〕 under 〔第四十条〕 reads 第四十条第（四）项.""")

_code("R1001", ERROR, "unknown setting", """
respons.toml holds a table or key that respons does not know. The message names the place
and suggests the nearest known key.""")
_code("R1002", ERROR, "invalid setting", """
respons.toml could not be read as TOML, or a setting has a value of the wrong kind.""")

_code("R1101", ERROR, "records file cannot be read", """
A file given to `respons ingest` could not be opened, or is not a JSON Lines file at all
(no line of it holds a JSON object — a CSV file, a spreadsheet, a regime file). Records
are UTF-8 text, one JSON object a line. Nothing of the file is stored; `respons ingest`
exits 2.""")
_code("R1102", ERROR, "line is not a JSON object", """
A line of a records file is not valid JSON, is not UTF-8, holds something other than an
object (an array, a number), or gives the same member twice. Each line is one record:
`{"id": "…", "type": "投诉举报.收到", "at": "2024-03-01T09:30", …}`. Blank lines are allowed.
NaN and Infinity are not JSON and are refused. Text holding a lone surrogate (\\ud800) or
NUL (\\u0000) is refused, since neither is a character a store can keep; so is anything
nested more than 32 deep — a record's fields hold single values — and a line longer than
1 MiB (1,048,576 bytes), which is refused without being read.""")
_code("R1103", ERROR, "record id missing or invalid", """
Every record has an `id`: non-empty text of at most 200 characters, unique in the store.
The id is how a record is found again: ingesting the same record twice stores it once, and
a correction names the id of the record it corrects.""")
_code("R1104", ERROR, "unknown record type", """
A record's `type` is `<record kind>.<event>`, both as the regime declares them:
`记录 投诉举报 { … 事件 收到, 答复 }` accepts the types 投诉举报.收到 and 投诉举报.答复. The
message suggests the nearest declared type; `respons show REGIME` lists every record kind
with its events. Kinds the regime inherits (上位/参照) count as its own.""")
_code("R1105", ERROR, "field missing", """
The record lacks a field its kind declares without `可选`/`optional`, or the key (`主键`) of
its kind. The key names the matter — the complaint number, the case number — that every
event of one matter carries, so that the events can be joined into deadlines. A field
given as null counts as missing.""")
_code("R1106", ERROR, "field not declared", """
The record has a member that its kind does not declare as a field. Apart from the fields
of its kind a record may only have `id`, `type`, `at` and `corrects`. The message suggests
the nearest declared field; a misspelt field name would otherwise be lost silently.""")
_code("R1107", ERROR, "value of the wrong type", """
A field's value does not fit the type the regime declares: 文本/人员/引用 take non-empty
text; 数值 a finite number; 整数 a whole number within 64 bits (±9223372036854775807);
日期 a real date written YYYY-MM-DD; 时间 a date-time YYYY-MM-DD, YYYY-MM-DDTHH:MM, :SS or
:SS.ffffff, with an optional Z or ±HH:MM (China Standard Time unless an offset is given;
a space may stand for T); 是否 true or false; 金额 an amount in 元 of at most 13 digits
before the point and two after (1234.5 or "1234.50", plain digits, stored as exact text);
之一 exactly one of the listed words. Week dates, ordinal dates and compact forms are
refused: a date must read the same to every reader.""")
_code("R1108", ERROR, "invalid time", """
A record's `at` — when the event happened — is a date (2024-03-01) or date-time
(2024-03-01T09:30, 2024-03-01T09:30:00+08:00), in the same forms as a 时间 field. Without an
offset it is China Standard Time (Asia/Shanghai, UTC+8); every `at` is stored at +08:00, a
date alone as the start of its day, so a time that lies outside the years 0001–9999 once
converted to +08:00 is refused.""")
_code("R1109", ERROR, "name the regime does not declare", """
A field of type 机关, 机构, 岗位 or 职权 names an agency, body, post or power that the regime
does not declare, or a body, post or power that several agencies declare without saying
which. Write such a name with its agency (`行政执法机关.执法人员`,
`行政执法机关.执法机构.执法人员`), or give the record's 机关 field, which settles it. The
message suggests the nearest declared name.""")
_code("R1110", ERROR, "id already stored with other content", """
A record whose id is already stored (or given earlier in the same file) has different
content. Stored records are never changed: to correct one, ingest a new record with its
own id and `"corrects": "<id of the record it corrects>"`. Ingesting a record exactly as
stored is not an error: it is skipped as a duplicate.""")
_code("R1111", ERROR, "correction names no record it can correct", """
`corrects` names the id of the record a correction replaces. That record must already be
stored or come earlier in the same file, must not be the correction itself, and must not
have been corrected before: a record is corrected once, and a later correction corrects
the correction, so that every matter has one current version.""")


# ── R12xx conditions: types, named conditions, fault categories ─────────────────────
_code("R1201", ERROR, "comparison does not fit the field's type", """
A field's type decides what a condition may do with it. A 是否 field is a truth value:
`限于 重大`, `限于 非 重大`, `重大 = 是` (or `= 否`) — never `重大 = 7` or `重大 >= 是`.
Numbers, integers and amounts (金额) are compared with numbers (`罚款 >= 10000`); dates
and 时间 date-times with dates (`立案日 >= 2024-01-01`; a date-time is compared by its
date in China Standard Time); choices, text, officers, references and agency, body, post
and power fields with text, by = or ≠ only (they have no order). A comparison that does
not fit would match no record, or every record, without a word: it is an error instead.
Where the names of a condition are circumstances and faults (ladders, 责任划分, vetoes,
a circumstance's 条件) there is no field to compare at all.""")
_code("R1202", ERROR, "value not among the field's choices", """
A field declared `之一 "属实", "不属实"` holds one of those values and no other, so
`限于 结果 = "属"` would never hold: no duty would start and no breach be reported. The
message lists the values and suggests the nearest.""")
_code("R1203", ERROR, "field is not a truth value", """
A field named on its own in a condition (`限于 重大`) holds or does not only when it is a
是否 field. Any other field — an agency, a text, a number — must be compared with a value:
`限于 机关 = 市场监督管理局`, `限于 罚款 >= 10000`.""")
_code("R1204", ERROR, "name the regime does not declare", """
An agency (机关), body (机构), post (岗位) or power (职权) field holds a name the regime
declares; a condition comparing one with any other name never holds. Write the name as the
records write it: bare (`执法人员`) or with its agency (`行政执法机关.执法人员`). An
officer (人员) field is free text and is not checked.""")
_code("R1205", ERROR, "defined in terms of itself", """
A named condition (`条件 X { … }`) or a circumstance defined by a condition (`情形 X {
条件 … }`) uses itself through others, or a fault belongs (`属于`) to itself through its
categories. Such a definition has no meaning; the message names every member of the cycle
in order. Define each by other conditions, circumstances and faults only.""")
_code("R1206", ERROR, "限于 on a count of faults", """
`计数 EVENT 限于 …` and `每 EVENT 限于 …` test fields of the record kind of the event (for
a duty: of the record kind that starts it). A fault has no records of its own, so there is
nothing to test: count the event that records the fault instead (its 认定, say).""")
_code("R1207", WARNING, "named condition used nowhere", """
A named condition is checked where it is used — its names mean what that place's names
mean — so one used nowhere has names nobody checks. Use it, or remove it.""")
_code("R1208", ERROR, "invalid Chinese numeral", """
A number may be written in digits (15) or in Chinese numerals the way statutes write them:
十五, 二十, 一百零五, 两, and with 万 for amounts (五万, 一万二千, 一万零五百). A run of
numerals that is not such a number (十十, 三四, 一万五) is an error rather than a guess.""")
_code("R1209", ERROR, "circumstance both counted and defined", """
A circumstance is established case by case, by counting records (`计数`), or by a
condition over other circumstances and faults (`条件`) — one of these, not two.""")

# ── scenarios (场景): docs/language.md, "Scenarios" ──────────────────────────────────
_code("R1301", ERROR, "scenario value does not fit its field", """
A field of a scenario's record (`记录 … 字段 = 值`) is given a value its type does not take,
as docs/records.md types them: text in quotes or a bare name; a number for 数值, 整数 and
金额; a date (2025-01-08) for 日期, a date or a time (2025-01-08T09:30) for 时间; a bare 是 or
否 for 是否; one of the listed words for 之一; the name of a declared agency, body, post or
power for 机关, 机构, 岗位 and 职权. The message names the field, its type and the nearest
word where there is one. A value that fits but that the records' own check still refuses
(an amount with three decimals, a post several agencies declare) is reported when
`respons test` runs the scenario, at the record's line.""")
_code("R1302", ERROR, "obligation expected twice", """
A scenario expects each obligation once on each date: two `预期 职责 D M …` of one duty and
matter (and start, where one is named) say the same thing twice, and `预期 无 职责 D M`
(no obligation for matter M) or `预期 无 职责 D` (none at all) contradicts any expectation of
an obligation of D for that matter, or at all. Put the facts in one expectation, or give
the later one its own date (`截至 DATE` after the matter).""")
_code("R1303", ERROR, "scenario record incomplete", """
A scenario's record names the matter as its kind's key (主键) right after the event:
`记录 投诉举报.收到 TS-2024-01 2024-02-07 …`. A record of a kind with a key must name it; a
kind without a key has no matter to name. Every field that is not 可选/optional must be
given. An expectation names a matter only for a duty started by records of a kind with a
key; the obligations of a duty started by keyless records are named by their start:
`预期 职责 D 起算 <record id or date> …`.""")
_code("R1304", ERROR, "scenario record id", """
Each record of a scenario has an id — the one written first (`记录 k1 投诉举报.收到 …`), or
one derived from its matter, event and date — and two records of one scenario never share
one. `更正 ID`/`corrects ID` names an earlier record of the same scenario; `完成 ID` and
`起算 ID` in an expectation name records of the scenario.""")
_code("R1305", ERROR, "expectation that cannot hold", """
The facts of an expectation contradict each other, so no evaluation could satisfy it: an
obligation is met by a record (`完成 ID`) exactly when it is 按期完成/met or
逾期完成/met-late; one that cannot be determined (无法确定/unknown) has no due date; and
`缺 YEAR`/`lacks YEAR`, the year the calendar lacks, belongs to an unknown one. A liability
expectation names a circumstance by the word for what its modifier does: `从重`/`从轻` for one
that applies (应当, one effect), `待定` for one left to the decision-maker (可以, or 或 between
effects), `因` for an exemption or a bound 免予追究 — a 可以 从轻 is never applied, so
`从轻 X` of it could never hold.""")
_code("R1306", ERROR, "liability expected of a regime without a proceeding", """
A scenario expects of a fault case (`预期 追究 CASE …`, `预期 不予追究 CASE …`), but the regime
under test has no liability proceeding (追究) to say which records are fault cases and which
ladders apply. Add `追究 <名称> { 案件 <记录>.<事件>; 阶梯 … }`, or expect of a duty instead.""")


def severity_of(code: str) -> str:
    return CODES[code].severity


def explain(code: str) -> str | None:
    entry = CODES.get(code.upper())
    if entry is None:
        return None
    return f"{entry.code} ({entry.severity}): {entry.title}\n\n{entry.explanation}\n"


def markdown() -> str:
    """docs/codes.md: every code with its explanation."""
    out = ["# Diagnostic codes", "",
           "Generated from `src/respons/diagnostics/codes.py`; `respons explain CODE` prints "
           "one.", ""]
    for entry in CODES.values():
        out += [f"## {entry.code} — {entry.title} ({entry.severity})", "", entry.explanation, ""]
    return "\n".join(out)

"""`respons show`: the resolved regime as a person wants to read it, or as JSON.

The text form reads top to bottom like the regime: the header, then a section per kind
of element in the order of the kinds table (``respons.model.kinds``), titled as it says —
who may enforce (the tree of agencies, bodies and posts, then the decomposition of powers
as a table); records; duties with their periods; faults, circumstances and measures;
ladders; who bears a fault; assessments; notices — every rule with its citation, in
Chinese words. A section is drawn by the method named after its collection; a kind
without one is listed by name and citation. The JSON form (docs/show.md) carries the
same model with every field.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import attrs

from respons.model import bearers, vocab
from respons.model.base import Citation, Ref, Span
from respons.model.condition import AllOf, AnyOf, Compare, Literal, Not
from respons.model.kinds import ELEMENTS
from respons.model.liability import Circumstance
from respons.model.regime import Regime
from respons.report.expansion import open_json, reached
from respons.report.show_notices import NoticeView, open_notices
from respons.syntax.citation import format_citation
from respons.syntax.present import cite as _cite
from respons.syntax.present import condition_text, limit_text, options_text, period_text
from respons.terminal import clean

FORMAT_VERSION = 1


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _num(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def decomposition(regime: Regime) -> list[dict]:
    """Per agency, each power with the bodies and posts that hold it (职权分解表)."""
    table = []
    for agency in regime.agencies:
        rows = []
        for power in agency.powers:
            holders = [(f"{body.name}.{post.name}" if body else post.name)
                       for body, post in agency.all_posts()
                       if any(ref.text == power.name for ref in post.holds)]
            rows.append({"power": power.name, "type": power.type, "basis": list(power.basis),
                         "posts": holders})
        table.append({"agency": agency.name, "powers": rows})
    return table


class TextView(NoticeView):
    """Builds the text form section by section; ``cite`` completes relative citations."""

    def __init__(self, regime: Regime, titles: dict[str, str]) -> None:
        self.regime = regime
        self.titles = titles
        self.out: list[str] = []

    def cite(self, citation: Citation | None, outer: Citation | None = None) -> str:
        text = _cite(citation, self.titles, outer)
        return f"  {text}" if text else ""

    def section(self, title: str, items) -> bool:
        if not items:
            return False
        self.out += ["", title]
        return True

    def render(self) -> str:
        self.header()
        for kind in ELEMENTS:
            if self.section(kind.title, getattr(self.regime, kind.collection)):
                draw = getattr(self, kind.collection, None)
                if draw is not None:
                    draw()
                else:
                    self.listing(kind.collection)
        return "\n".join(self.out) + "\n"

    def opened(self, condition, outer: Citation | None = None, indent: str = "      ") -> None:
        """Under a condition, each named condition and fault category it reaches, opened,
        with its citation: what the condition says without looking anything up."""
        for found in reached(condition, self.regime):
            if isinstance(found, tuple):
                fault, faults = found
                self.out.append(f"{indent}= 过错 {fault.name} 或属于它的 {'、'.join(faults)}"
                                f"{self.cite(fault.citation)}")
            elif isinstance(found, Circumstance):
                self.out.append(f"{indent}= 情形 {found.name}: "
                                f"{condition_text(found.condition)}{self.cite(found.citation)}")
            else:
                self.out.append(f"{indent}= 条件 {found.name}: "
                                f"{condition_text(found.condition)}{self.cite(found.citation)}")

    def conditions(self) -> None:
        for named in self.regime.conditions:
            self.out.append(f"  {named.name}{self.cite(named.citation)}")
            self.out.append(f"    {condition_text(named.condition)}")
            self.opened(named.condition, indent="    ")

    def listing(self, collection: str) -> None:
        """A kind without a section of its own: its elements by name, with citations."""
        for element in getattr(self.regime, collection):
            self.out.append(f"  {element.name}{self.cite(element.citation)}")

    def header(self) -> None:
        r = self.regime
        self.out.append(f"{r.title}  ({r.id}){self.cite(r.citation)}")
        facts = [f"层级 {vocab.LEVELS.chinese(r.level)}" if r.level else None,
                 f"制定机关 {r.issuer}" if r.issuer else None,
                 f"文号 {r.number}" if r.number else None,
                 f"公布 {r.issued}" if r.issued else None,
                 f"施行 {r.effective}" if r.effective else None]
        facts += [f"修订 {a.date}" + (f" {a.document}" if a.document else "")
                  for a in r.amendments]
        facts += [f"废止 {r.repealed}" if r.repealed else None, f"日历 {r.calendar or 'cn'}"]
        self.out.append("  " + " · ".join(f for f in facts if f))
        if r.extends:
            self.out.append(f"  上位 {r.extends.target}")
        if r.uses:
            self.out.append("  参照 " + "、".join(u.target for u in r.uses))
        for part in r.parts:
            title = part.title or ""
            title = title if title.startswith("《") or not title else f"《{title}》"
            self.out.append(f"  分篇 {part.name} {title}".rstrip())

    def agencies(self) -> None:
        for agency in self.regime.agencies:
            status = "、".join(vocab.STATUSES.chinese(s) for s in agency.statuses) or "性质未定"
            citation = self.cite(agency.status_citation or agency.citation)
            self.out.append(f"  {agency.name} [{status}]{citation}")
            if agency.superior:
                self.out.append(f"    上级 {agency.superior.text}")
            if agency.entrustment:
                e = agency.entrustment
                facts = [f"委托书 {e.document}"]
                facts += [f"委托机关 {e.entrusted_by.text}"] if e.entrusted_by else []
                facts += [f"期间 {e.term_from} 至 {e.term_to}"] if e.term_from else []
                facts += ["范围 " + "、".join(r.text for r in e.scope)] if e.scope else []
                facts += [f"备案 {e.filed}"] if e.filed else []
                self.out.append("    " + " · ".join(facts) + self.cite(e.citation))
            children = [("body", b) for b in agency.bodies] + [("post", p) for p in agency.posts]
            for number, (kind, child) in enumerate(children):
                branch, stem = ("└─ ", "   ") if number == len(children) - 1 else ("├─ ", "│  ")
                if kind == "post":
                    self.out.append(f"    {branch}{self._post(child)}")
                    continue
                holds = " · 承担 " + "、".join(r.text for r in child.holds) if child.holds else ""
                self.out.append(f"    {branch}{child.name} (机构){holds}"
                                f"{self.cite(child.citation)}")
                for p_number, post in enumerate(child.posts):
                    p_branch = "└─ " if p_number == len(child.posts) - 1 else "├─ "
                    self.out.append(f"    {stem}{p_branch}{self._post(post)}")
        self.powers()  # the decomposition of their powers is a section of its own

    def _post(self, post) -> str:
        parts = [f"{post.name} (岗位)"]
        if post.roles:
            parts.append("角色 " + "、".join(vocab.ROLES.chinese(r) for r in post.roles))
        if post.holds:
            parts.append("承担 " + "、".join(r.text for r in post.holds))
        if post.requirements:
            parts.append("资格 " + "、".join(vocab.REQUIREMENTS.chinese(r)
                                            for r in post.requirements))
        for training in post.training:
            when = vocab.TRAINING_WHEN.chinese(training.when) if training.when else ""
            hours = f"{_num(training.hours)} 学时" if training.hours is not None else ""
            parts.append(" ".join(p for p in ("培训", hours, when) if p))
        return " · ".join(parts) + self.cite(post.citation)

    def powers(self) -> None:
        table = [entry for entry in decomposition(self.regime) if entry["powers"]]
        if not self.section("职权分解 Decomposition of powers", table):
            return
        for entry in table:
            self.out.append(f"  {entry['agency']}")
            width = max(_width(r["power"]) for r in entry["powers"]) + 2
            self.out.append(f"    {_pad('职权', width)}{_pad('类型', 6)}岗位")
            for row in entry["powers"]:
                posts = "、".join(row["posts"]) or "— (未分解)"
                kind = vocab.POWER_TYPES.chinese(row["type"]) if row["type"] else "?"
                self.out.append(f"    {_pad(row['power'], width)}{_pad(kind, 6)}{posts}")
                for basis in row["basis"]:
                    self.out.append(f"    {_pad('', width)}{_pad('', 6)}依据 {basis}")

    def records(self) -> None:
        for record in self.regime.records:
            key = f" · 主键 {record.key}" if record.key else ""
            self.out.append(f"  {record.name}{key}{self.cite(record.citation)}")
            for field in record.fields:
                kind = field.type.kind or "?"
                if kind == "ref":
                    kind = f"引用 {field.type.target.text}"
                elif kind == "choice":
                    kind = "之一 " + "、".join(field.type.choices)
                else:
                    kind = vocab.FIELD_TYPES.chinese(kind)
                optional = " 可选" if field.optional else ""
                self.out.append(f"    字段 {field.name} {kind}{optional}")
            if record.events:
                self.out.append("    事件 " + "、".join(e.name for e in record.events))

    def duties(self) -> None:
        for duty in self.regime.duties:
            self.out.append(f"  {duty.name}{self.cite(duty.citation)}")
            if duty.starts:
                where = f" 限于 {condition_text(duty.starts.where)}" if duty.starts.where else ""
                events = " 或 ".join(ref.text for ref in duty.starts.events)
                self.out.append(f"    起算 {events}{where}")
                self.opened(duty.starts.where)
            self.out.append(f"    期限 {limit_text(duty)}"
                            f"{self.cite(duty.period_citation, duty.citation)}")
            for ext in duty.extensions:
                by = f" 经 {ext.approver.text}" if ext.approver else ""
                by += f" 凭 {ext.upon.text}" if ext.upon else ""
                self.out.append(f"    延长 {period_text(ext.period)}{by}"
                                f"{self.cite(ext.citation, duty.citation)}")
            for pause in duty.pauses:
                self.out.append(f"    中止 {pause.start.text} 至 {pause.end.text}"
                                f"{self.cite(pause.citation, duty.citation)}")
            if duty.met_by:
                joiner = " 且 " if duty.met_by_all else " 或 "
                self.out.append("    完成 " + joiner.join(r.text for r in duty.met_by))
            for word, ref in (("负责", duty.owner), ("违反", duty.breach)):
                if ref:
                    self.out.append(f"    {word} {ref.text}")

    def faults(self) -> None:
        for fault in self.regime.faults:
            subject = f" ({vocab.SUBJECTS.chinese(fault.subject)})" if fault.subject else ""
            within = " 属于 " + "、".join(r.text for r in fault.categories) \
                if fault.categories else ""
            standing = f" = {count_text(fault.count)}" if fault.count else ""
            self.out.append(f"  {fault.name}{subject}{within}{standing}"
                            f"{self.cite(fault.citation)}")

    def circumstances(self) -> None:
        for c in self.regime.circumstances:
            line = f"  {c.name}"
            if c.count:
                line += f" = {count_text(c.count)}"
            if c.condition is not None:
                line += f" = 条件 {condition_text(c.condition)}"
            if c.found_by is not None:
                line += f" = 由 {c.found_by.text} 认定"
            self.out.append(line + self.cite(c.citation))
            self.opened(c.condition, indent="    ")

    def measures(self) -> None:
        for m in self.regime.measures:
            facts = [f"轻重 {_num(m.severity)}" if m.severity is not None else None,
                     f"类别 {vocab.CATEGORIES.chinese(m.category)}" if m.category else None,
                     f"对象 {vocab.SUBJECTS.chinese(m.subject)}" if m.subject else None,
                     "施于 " + "、".join(vocab.FALLS_ON.chinese(w) for w in m.falls_on)
                     if m.falls_on else None,
                     f"由 {m.decided_by.text} 决定" if m.decided_by else None,
                     "由任免机关决定，系统只提出移送" if m.referral else None]
            facts = " · ".join(f for f in facts if f)
            facts = f" ({facts})" if facts else ""
            self.out.append(f"  {m.name}{facts}{self.cite(m.citation)}")

    def ladders(self) -> None:
        words = {"aggravate": "从重", "mitigate": "从轻", "exempt": "不予追究"}
        for ladder in self.regime.ladders:
            subject = f" ({vocab.SUBJECTS.chinese(ladder.subject)})" if ladder.subject else ""
            self.out.append(f"  {ladder.name}{subject}{self.cite(ladder.citation)}")
            for step in sorted(ladder.steps, key=lambda s: s.level):
                measures = ("单独或者合并 " + "、".join(o[0].text for o in step.options)
                            if step.combine else options_text(step.options))
                if step.additions:  # 并可以: what may be added to the option chosen
                    measures += " 并可以 " + " 或 ".join(r.text for r in step.additions)
                # 保留较高级: proposed in place of the higher step that holds, kept open.
                keeps = "保留较高级 " if step.keeps_higher else ""
                self.out.append(f"    第{step.level}级 {condition_text(step.condition)} => "
                                f"{'可以 ' if step.modal == 'may' else ''}{keeps}{measures}"
                                f"{self.cite(step.citation, ladder.citation)}")
                self.opened(step.condition)
            for modifier in ladder.modifiers:
                effects = " 或 ".join(_effect(e) for e in modifier.effects)
                may = "可以 " if modifier.modal == "may" else ""
                arrow = f" => {may}{effects}" if effects else ""
                self.out.append(f"    {words[modifier.kind]} {condition_text(modifier.condition)}"
                                f"{arrow}{self.cite(modifier.citation, ladder.citation)}")
                self.opened(modifier.condition)

    def apportionments(self) -> None:
        for a in self.regime.apportionments:
            self.out.append(f"  {a.name}{self.cite(a.citation)}")
            for rule in a.rules:
                joiner = {"and": " 并 ", "or": " 或 ", "severally": " 分别 "}[rule.joiner]
                bearers = joiner.join(bearer_text(b) for b in rule.bearers)
                self.out.append(f"    情形 {condition_text(rule.condition)} => {bearers}"
                                f"{self.cite(rule.citation, a.citation)}")
                self.opened(rule.condition)

    def proceedings(self) -> None:
        for p in self.regime.proceedings:
            self.out.append(f"  {p.name}{self.cite(p.citation)}")
            facts = [("案件", p.case.text if p.case else None), ("过错", p.fault_field),
                     ("认定", p.found_field),
                     ("阶梯", "、".join(r.text for r in p.ladders) or None),
                     ("责任划分", p.apportionment.text if p.apportionment else None),
                     ("决定", p.decided_by.text if p.decided_by else None),
                     ("提出", p.proposed_by.text if p.proposed_by else None),
                     ("申辩", f"{p.defence_field}（申辩不加重）" if p.defence_field else None)]
            for word, value in facts:
                if value:
                    self.out.append(f"    {word} {value}")

    def rights(self) -> None:
        for r in self.regime.rights:
            window = period_text(r.period) if r.period else (
                "依照法律和有关规定" if r.by_law else f"至 {r.until_field}")
            holder = f" · 权利人 {r.holder}" if r.holder else ""
            self.out.append(f"  {r.name}{self.cite(r.citation)}")
            where = f" 限于 {condition_text(r.where)}" if r.where is not None else ""
            self.out.append(f"    起算 {r.starts.text if r.starts else '?'}{where} · 期限 {window}"
                            f"{self.cite(r.period_citation, r.citation)}{holder}")
            if r.exercised_by:
                self.out.append("    行使 " + " 或 ".join(x.text for x in r.exercised_by))
            if not r.suspends:
                self.out.append(f"    不停止执行{self.cite(r.suspends_citation, r.citation)}")

    def assessments(self) -> None:
        for a in self.regime.assessments:
            facts = [f"方案 {a.scheme}",
                     f"对象 {vocab.SUBJECTS.chinese(a.subject)}" if a.subject else None,
                     f"周期 {vocab.CYCLES.chinese(a.cycle)}" if a.cycle else None,
                     f"满分 {_num(a.full_marks)}" if a.full_marks is not None else None]
            self.out.append(f"  {a.name} · " + " · ".join(f for f in facts if f)
                            + self.cite(a.citation))
            for item in a.items:
                points = f" {_num(item.points)} 分" if item.points is not None else ""
                self.out.append(f"    项目 {item.name}{points}"
                                f"{self.cite(item.citation, a.citation)}")
                for d in item.deductions:
                    self.out.append(f"      每 {d.per.text} 扣 {_num(d.points)} 分"
                                    f"{self.cite(d.citation, item.citation or a.citation)}")
            for band in a.bands:
                bounds = " 且 ".join(f"{b.op} {_num(b.value)}" for b in band.bounds) or (
                    f"若 {condition_text(band.condition)}" if band.condition is not None else "")
                self.out.append(f"    等级 {band.name}{' ' + bounds if bounds else ''}"
                                f"{self.cite(band.citation, a.citation)}")
            for band in (b for b in a.bands if b.condition is not None):
                self.opened(band.condition)
            for boundary in a.boundaries:
                self.out.append(f"    边界 {_num(boundary.score)} => {boundary.grade}"
                                f"{self.cite(boundary.citation, a.citation)}")
            for veto in a.vetoes:
                self.out.append(f"    否决 {condition_text(veto.condition)} => {veto.grade}"
                                f"{self.cite(veto.citation, a.citation)}")
                self.opened(veto.condition)
            for bar in a.bars:
                cause = (f"考核 {bar.assessment.text} 等级 {bar.graded}" if bar.assessment
                         is not None else condition_text(bar.condition))
                self.out.append(f"    不得评为 {bar.grade} 若 {cause}"
                                f"{self.cite(bar.citation, a.citation)}")
                if bar.condition is not None:
                    self.opened(bar.condition)
            for c in a.consequences:
                years = f" 连续 {c.consecutive} 年" if c.consecutive else ""
                parties = "".join(
                    f" {word} " + (who.text if hasattr(who, "text") else f'"{who}"')
                    for word, who in (("决定", c.decided_by), ("提出", c.proposed_by)) if who)
                self.out.append(f"    后果 {c.grade}{years} => {options_text(c.options)}"
                                f"{parties}{self.cite(c.citation, a.citation)}")
            for w in a.weights:
                self.out.append(f"    权重 {vocab.EVALUATIONS.chinese(w.source)} {_num(w.percent)}%"
                                f"{self.cite(w.citation, a.citation)}")

def render_text(regime: Regime, titles: dict[str, str]) -> str:
    """The text form, for a terminal: a regime's strings are its author's, and any control
    character in them is printed as a visible escape (``respons.terminal``)."""
    return clean(TextView(regime, titles).render())


def count_text(count) -> str:
    """计数 EVENT 限于 … 其后 … 按 … 近 N 年 >= N 次, as the regime writes it."""
    where = f" 限于 {condition_text(count.where)}" if count.where else ""
    later = ""
    if count.later is not None:
        later = f" 其后 {count.later.event.text}" + (
            f" 限于 {condition_text(count.later.where)}" if count.later.where else "")
    group = ""
    if count.groups:
        group = " 按 " + ", ".join(g.field + (f" 对应 {g.case_field}" if g.case_field else "")
                                  for g in count.groups)
    window = f" 近 {period_text(count.window)}" if count.window else \
        (" 同一年度" if count.same_year else "")
    unit = vocab.TIMES.chinese(count.unit) if count.unit else ""
    return (f"计数 {count.event.text}{where}{later}{group}{window}"
            f" {count.op} {_num(count.threshold)}{' ' + unit if unit else ''}")


def bearer_text(bearer) -> str:
    """承办人 (主要责任, 直接责任): a bearer with its share and kind, in Chinese words."""
    kind = bearers.kind_of(bearer.reference)
    name = kind.spellings[0] if kind is not None and bearer.reference == kind.canonical \
        else bearer.reference
    facts = [f"{vocab.SHARES.chinese(bearer.share)}责任" if bearer.share else None,
             vocab.RESPONSIBILITIES.chinese(bearer.kind) if bearer.kind else None]
    facts = [f for f in facts if f]
    return name + (f" ({', '.join(facts)})" if facts else "")


def _effect(effect) -> str:
    words = {"raise": "加重", "lower": "减轻", "waive": "免予追究", "heaviest": "最重",
             "lightest": "最轻", "heavier": "从重", "lighter": "从轻"}
    text = words.get(effect.kind, effect.kind)
    return f"{text}{effect.steps}级" if effect.steps else text


# ── JSON ─────────────────────────────────────────────────────────────────────────────
def to_data(value, titles: dict[str, str]):
    """The model as plain JSON data: spans dropped, refs as text, citations spelled out."""
    if isinstance(value, Citation):
        return {"regime": value.regime, "source": value.source, "article": value.article,
                "paragraph": value.paragraph, "item": value.item, "subitem": value.subitem,
                "section": value.section,
                "text": format_citation(value, titles.get(value.regime or ""))}
    if isinstance(value, Ref):
        return value.text
    if isinstance(value, (AllOf, AnyOf, Not, Compare)):
        data = {"op": {AllOf: "all", AnyOf: "any", Not: "not", Compare: "compare"}[type(value)]}
        if isinstance(value, Compare):
            data.update(left=value.left.text, cmp=value.op, right=to_data(value.right, titles))
        elif isinstance(value, Not):
            data["operand"] = to_data(value.operand, titles)
        else:
            data["operands"] = [to_data(o, titles) for o in value.operands]
        return data
    if isinstance(value, Literal):
        return {"kind": value.kind, "value": to_data(value.value, titles), "unit": value.unit}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Span):
        return None
    if attrs.has(type(value)):
        return {field.name: to_data(getattr(value, field.name), titles)
                for field in attrs.fields(type(value))
                if not (field.name.endswith("span") or field.name.endswith("_spans"))}
    if isinstance(value, (tuple, list)):
        return [to_data(v, titles) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v, titles) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal):  # points: a JSON number, as show always gave them
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def render_json(regime: Regime, titles: dict[str, str]) -> dict:
    data = to_data(regime, titles)
    data.pop("overrides", None)  # applied: the resolved regime is what it says
    open_json(regime, data, lambda value: to_data(value, titles))
    open_notices(regime, data, lambda value: to_data(value, titles))
    return {"format_version": FORMAT_VERSION, "regime": data,
            "decomposition": decomposition(regime)}


"""`respons show`: the resolved regime as a person wants to read it, or as JSON.

The text form gives the header, the tree of agencies, bodies and posts, the decomposition
of powers as a table, duties with their periods, ladders, assessments and notices — each
with its citation. The JSON form (docs/show.md) carries the same, plus every field.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs

from respons.model.base import Citation, Ref, Span
from respons.model.condition import All, Any, Compare, Literal, Not
from respons.model.regime import Regime
from respons.present import cite as _cite
from respons.present import condition_text, options_text, period_text
from respons.syntax.citation import format_citation
from respons.syntax.vocab import LEVELS, POWER_TYPES, ROLES, STATUSES, SUBJECTS

FORMAT_VERSION = 1


def _pad(text: str, width: int) -> str:
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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


def render_text(regime: Regime, titles: dict[str, str]) -> str:
    def cite(citation, outer=None):
        text = _cite(citation, titles, outer)
        return f"  {text}" if text else ""

    out: list[str] = []
    out.append(f"{regime.title}  ({regime.id})")
    facts = []
    if regime.level:
        facts.append(f"层级 {LEVELS.chinese(regime.level)}")
    if regime.issuer:
        facts.append(f"制定机关 {regime.issuer}")
    if regime.number:
        facts.append(f"文号 {regime.number}")
    if regime.issued:
        facts.append(f"公布 {regime.issued}")
    if regime.effective:
        facts.append(f"施行 {regime.effective}")
    for amendment in regime.amendments:
        facts.append(f"修订 {amendment.date}" + (f" {amendment.document}"
                                                 if amendment.document else ""))
    facts.append(f"日历 {regime.calendar or 'cn'}")
    out.append("  " + " · ".join(facts))
    if regime.extends:
        out.append(f"  上位 {regime.extends.target}")
    if regime.uses:
        out.append("  参照 " + "、".join(r.target for r in regime.uses))

    if regime.agencies:
        out += ["", "执法主体 Agencies"]
        for agency in regime.agencies:
            status = STATUSES.chinese(agency.status) if agency.status else "?"
            citation = agency.status_citation or agency.citation
            out.append(f"  {agency.name} [{status}]{cite(citation)}")
            if agency.entrustment:
                e = agency.entrustment
                term = f" {e.term_from} 至 {e.term_to}" if e.term_from else ""
                by = e.entrusted_by.text if e.entrusted_by else "?"
                out.append(f"    委托书 {e.document} · 委托机关 {by}{term}"
                           + (" · 范围 " + "、".join(r.text for r in e.scope) if e.scope else ""))
            children = [("机构", body) for body in agency.bodies] + \
                       [("岗位", post) for post in agency.posts]
            for number, (kind, child) in enumerate(children):
                last = number == len(children) - 1
                branch, stem = ("└─ ", "   ") if last else ("├─ ", "│  ")
                if kind == "机构":
                    out.append(f"    {branch}{child.name} (机构){cite(child.citation)}")
                    for p_number, post in enumerate(child.posts):
                        p_branch = "└─ " if p_number == len(child.posts) - 1 else "├─ "
                        out.append(f"    {stem}{p_branch}{_post(post)}")
                else:
                    out.append(f"    {branch}{_post(child)}")
        out += ["", "职权分解 Decomposition of powers"]
        for entry in decomposition(regime):
            if not entry["powers"]:
                continue
            out.append(f"  {entry['agency']}")
            width = max(_width(r["power"]) for r in entry["powers"]) + 2
            out.append(f"    {_pad('职权', width)}{_pad('类型', 6)}岗位")
            for row in entry["powers"]:
                posts = "、".join(row["posts"]) or "— (未分解)"
                kind = POWER_TYPES.chinese(row["type"]) if row["type"] else "?"
                out.append(f"    {_pad(row['power'], width)}{_pad(kind, 6)}{posts}")

    if regime.duties:
        out += ["", "职责 Duties"]
        for duty in regime.duties:
            out.append(f"  {duty.name}{cite(duty.citation)}")
            if duty.starts:
                where = f" 限于 {condition_text(duty.starts.where)}" if duty.starts.where else ""
                out.append(f"    起算 {duty.starts.event.text}{where}")
            out.append(f"    期限 {period_text(duty.period)}{cite(duty.period_citation)}")
            for extension in duty.extensions:
                by = f" 经 {extension.approver.text}" if extension.approver else ""
                out.append(f"    延长 {period_text(extension.period)}{by}"
                           f"{cite(extension.citation)}")
            for pause in duty.pauses:
                out.append(f"    中止 {pause.start.text} 至 {pause.end.text}{cite(pause.citation)}")
            if duty.met_by:
                out.append("    完成 " + " 或 ".join(r.text for r in duty.met_by))
            if duty.owner:
                out.append(f"    负责 {duty.owner.text}")
            if duty.breach:
                out.append(f"    违反 {duty.breach.text}")

    if regime.ladders:
        out += ["", "责任阶梯 Ladders"]
        for ladder in regime.ladders:
            subject = f" ({SUBJECTS.chinese(ladder.subject)})" if ladder.subject else ""
            out.append(f"  {ladder.name}{subject}{cite(ladder.citation)}")
            for step in sorted(ladder.steps, key=lambda s: s.level):
                out.append(f"    第{step.level}级 {condition_text(step.condition)} => "
                           f"{options_text(step.options)}{cite(step.citation, ladder.citation)}")
            words = {"aggravate": "从重", "mitigate": "从轻", "exempt": "不予追究"}
            for modifier in ladder.modifiers:
                effects = " 或 ".join(_effect(e) for e in modifier.effects)
                arrow = f" => {effects}" if effects else ""
                out.append(f"    {words[modifier.kind]} {condition_text(modifier.condition)}"
                           f"{arrow}{cite(modifier.citation, ladder.citation)}")

    if regime.apportionments:
        out += ["", "责任划分 Who bears a fault"]
        for apportionment in regime.apportionments:
            out.append(f"  {apportionment.name}{cite(apportionment.citation)}")
            for rule in apportionment.rules:
                bearers = " 并 ".join(b.role + (f" ({b.share})" if b.share else "")
                                     for b in rule.bearers)
                out.append(f"    情形 {condition_text(rule.condition)} => {bearers}"
                           f"{cite(rule.citation, apportionment.citation)}")

    if regime.assessments:
        out += ["", "评议考核 Assessments"]
        for a in regime.assessments:
            out.append(f"  {a.name} · 方案 {a.scheme} · 满分 {_num(a.full_marks or 100)}"
                       f"{cite(a.citation)}")
            for item in a.items:
                points = f" {_num(item.points)} 分" if item.points is not None else ""
                out.append(f"    项目 {item.name}{points}{cite(item.citation, a.citation)}")
            for band in a.bands:
                bounds = " 且 ".join(f"{b.op} {_num(b.value)}" for b in band.bounds)
                out.append(f"    等级 {band.name} {bounds}{cite(band.citation, a.citation)}")
            for boundary in a.boundaries:
                out.append(f"    边界 {_num(boundary.score)} => {boundary.grade}"
                           f"{cite(boundary.citation, a.citation)}")
            for veto in a.vetoes:
                out.append(f"    否决 {condition_text(veto.condition)} => {veto.grade}"
                           f"{cite(veto.citation, a.citation)}")
            for c in a.consequences:
                years = f" 连续 {c.consecutive} 年" if c.consecutive else ""
                out.append(f"    后果 {c.grade}{years} => {options_text(c.options)}"
                           f"{cite(c.citation, a.citation)}")

    if regime.notices:
        out += ["", "文书 Notices"]
        for notice in regime.notices:
            out.append(f"  {notice.name} 《{notice.title or notice.name}》{cite(notice.citation)}")
            if notice.elements:
                out.append("    要素 " + "、".join(notice.elements))
    return "\n".join(out) + "\n"


def _post(post) -> str:
    parts = [f"{post.name} (岗位)"]
    if post.roles:
        parts.append("角色 " + "、".join(ROLES.chinese(r) for r in post.roles))
    if post.holds:
        parts.append("承担 " + "、".join(r.text for r in post.holds))
    return " · ".join(parts)


def _effect(effect) -> str:
    words = {"raise": "加重", "lower": "减轻", "waive": "免予追究", "heaviest": "最重",
             "lightest": "最轻"}
    text = words.get(effect.kind, effect.kind)
    return f"{text}{effect.steps}级" if effect.steps else text


def _num(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


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
    if isinstance(value, (All, Any, Not, Compare)):
        kind = {All: "all", Any: "any", Not: "not", Compare: "compare"}[type(value)]
        data = {"op": kind}
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
        out = {}
        for field in attrs.fields(type(value)):
            if field.name.endswith("span") or field.name.endswith("_spans"):
                continue
            out[field.name] = to_data(getattr(value, field.name), titles)
        return out
    if isinstance(value, (tuple, list)):
        return [to_data(v, titles) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v, titles) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def render_json(regime: Regime, titles: dict[str, str]) -> dict:
    data = to_data(regime, titles)
    data.pop("overrides", None)  # applied: the resolved regime is what it says
    return {"format_version": FORMAT_VERSION, "regime": data,
            "decomposition": decomposition(regime)}

"""The assessment report of `respons assess`: a table in the reader's language, and JSON.

Both are read from what the run kept (``assessment_scores``, ``assessment_evidence``): per
assessment, every subject's total, grade, the veto that fixed it, the bars that capped it,
each item with its points
and every deduction with the ids of the records behind it, the vetoes that could not be
decided, and the consequences that follow — each with its citation. The evidence is read
in one ordered query per assessment and merged with the subjects as they stream, so a
province's hundred thousand officers take one pass, not a query each.
"""

from __future__ import annotations

import json

from respons.engine.assess import periods_needed
from respons.model.vocab import FALLS_ON
from respons.sql.ir import Col, Order, Param, Table, all_of, select
from respons.syntax.citation import format_citation
from respons.terminal import clean

#: 2: subjects' ``bars`` and ``undetermined_bars``; consequences' ``decided_by``,
#: ``proposed_by``, ``deciders`` and ``referrals`` (docs/assess.md).
FORMAT_VERSION = 2

#: The report's words: key → (中文, English).
WORDS = {
    "title": ("{regime} 评议考核 · {year} 年度", "{regime} assessments · {year}"),
    "run": ("运行 {run} · 账本头 序号 {seq} {hash}… · {verified}",
            "run {run} · ledger head seq {seq} {hash}… · {verified}"),
    "verified": ("哈希链已验证", "chain verified"),
    "unverified": ("未验证哈希链", "chain not verified"),
    "assessment": ("{name}（方案 {scheme}，对象 {subject}，{start} 至 {until}）{cite}",
                   "{name} (scheme {scheme}, subject {subject}, {start} to {until}) {cite}"),
    "header": ("对象", "得分", "等次", "subject", "score", "grade"),
    "none": ("—", "—"),
    "not_graded": ("未评定", "not graded"),
    "vetoed": ("否决：{condition} → {grade}", "veto: {condition} → {grade}"),
    "undetermined": ("无法由记录判定的否决条件：{condition}（{what} 须逐案认定）",
                     "veto not decidable from records: {condition} ({what} is found case by "
                     "case)"),
    "tier": ("分档：{grade}（{condition}）", "tier: {grade} ({condition})"),
    "barred": ("不得评为 {grade}（{because}）：等次为 {to}",
               "barred from {grade} ({because}): graded {to}"),
    "undetermined_bar": ("无法由记录判定的不得评为 {grade}：{because}（{what} 须逐案认定）",
                         "bar to {grade} not decidable from records: {because} ({what} is "
                         "found case by case)"),
    "deduction": ("{item}：每 {what} {verb} {points} 分 × {count} = {total} 分；记录 {ids}",
                  "{item}: per {what} {verb} {points} × {count} = {total}; records {ids}"),
    "finding": ("{item}：发现 {what} {count} 项；记录 {ids}",
                "{item}: found {what} {count}; records {ids}"),
    "deduct": ("扣", "deduct"), "add": ("加", "add"),
    "draw": ("抽查案卷 {n}/{of} 卷（种子 {seed}）：{files}",
             "files drawn {n} of {of} (seed {seed}): {files}"),
    "appealed": ("申辩修正 {id}", "corrected on appeal {id}"),
    "file_vetoed": ("否决项，不合格", "veto item: fails"),
    "consequence": ("后果（{grade}{running}）：{measures}{parties} {cite}",
                    "consequence ({grade}{running}): {measures}{parties} {cite}"),
    "decides": ("；{who} 决定", "; decided by {who}"),
    "proposes": ("；{who} 提出", "; proposed by {who}"),
    "measure_decider": ("（{who} 决定）", " (decided by {who})"),
    "referral": ("（处分：移送任免机关决定，本系统只提出）",
                 " (a 处分: referred to the appointing authority, not decided here)"),
    "falls_on": ("（施于 {whom}）", " (falls on the {whom})"),
    "running": ("，连续 {n} 年：{years}", ", {n} years running: {years}"),
    "or": (" 或 ", " or "), "and": (" 并 ", " and "),
    "more": ("…… 另有 {n} 个对象（--all 列出全部）", "… {n} more subjects (--all lists them all)"),
    "no_subjects": ("（本期无考核对象）", "(no subjects this period)"),
}
SUBJECT_WORDS = {"agency": ("机关", "agency"), "body": ("机构", "body"),
                 "officer": ("人员", "officer")}
#: Text lists at most this many subjects per assessment (JSON lists them all).
TEXT_LIMIT = 50
#: Record ids shown per deduction in text (JSON gives them all).
IDS_SHOWN = 10


def _w(language: str, key: str, **values) -> str:
    return WORDS[key][0 if language == "zh" else 1].format(**values)


def scored(compute, run: str, regime, year: int):
    """(assessment, period start, period end) of every assessment the run scored for
    ``year``, in the regime's order."""
    out = []
    for assessment in regime.assessments:
        if assessment.scheme is None:
            continue
        period = periods_needed(assessment, year)[0]
        out.append((assessment, period))
    return out


#: Subjects read per page: each page one query of scores and one of their evidence.
PAGE = 2000


def subjects(compute, run: str, assessment: str, period: str):
    """Every subject's row and its evidence (counter → [record ids]), in subject order: a
    page of subjects at a time (keyset, by subject) and the evidence of exactly that page —
    two queries a page on any backend, whose connection may run one query at a time."""
    key = {"run": run, "a": assessment, "p": period}
    after = None
    while True:
        where = _key("s") if after is None else all_of(_key("s"),
                                                       Col("s", "subject").gt(Param("after")))
        page = compute.query(select(
            Col("s", "subject"), Col("s", "total"), Col("s", "grade"), Col("s", "vetoed_by"),
            Col("s", "detail"), source=Table("assessment_scores", "s"), where=where,
            order_by=(Order(Col("s", "subject")),), limit=PAGE), {**key, "after": after}
            if after is not None else key)
        if not page:
            return
        evidence: dict[str, dict[str, list[str]]] = {}
        rows = compute.query(select(
            Col("e", "subject"), Col("e", "counter"), Col("e", "record"),
            source=Table("assessment_evidence", "e"),
            where=all_of(_key("e"), Col("e", "subject").ge(Param("low")),
                         Col("e", "subject").le(Param("high"))),
            order_by=(Order(Col("e", "subject")), Order(Col("e", "counter")),
                      Order(Col("e", "record")))),
            {**key, "low": page[0][0], "high": page[-1][0]})
        for subject, counter, record in rows:
            evidence.setdefault(subject, {}).setdefault(counter, []).append(record)
        for subject, total, grade, vetoed_by, detail in page:
            yield {"subject": subject, "total": total, "grade": grade,
                   "vetoed_by": vetoed_by, **json.loads(detail)}, evidence.get(subject, {})
        if len(page) < PAGE:
            return
        after = page[-1][0]


def _key(alias: str):
    return all_of(Col(alias, "run").eq(Param("run")), Col(alias, "assessment").eq(Param("a")),
                  Col(alias, "period").eq(Param("p")))


def _cite(citation, titles) -> str | None:
    return format_citation(citation, titles.get(citation.regime or "")) if citation else None


def subject_json(assessment, row: dict, found: dict, titles) -> dict:
    """One subject as the JSON report gives it (docs/assess.md)."""
    items = []
    for item, scored_item in zip(assessment.items, row["items"], strict=False):
        deductions = []
        for d in scored_item["deductions"]:
            deduction = item.deductions[d["index"]]
            deductions.append({**d, "citation": _cite(deduction.citation or item.citation,
                                                      titles),
                               "records": found.get(f"d:{item.name}:{d['index']}", [])})
        findings = [{**f, "citation": _cite(item.findings[f["index"]].citation or item.citation,
                                            titles),
                     "records": found.get(f"f:{item.name}:{f['index']}", [])}
                    for f in scored_item["findings"]]
        items.append({"item": item.name, "points": scored_item["points"],
                      "score": scored_item["score"], "citation": _cite(item.citation, titles),
                      "deductions": deductions, "findings": findings})
    vetoes = []
    for veto in row["vetoes"]:
        model = assessment.vetoes[veto["index"]]
        records = sorted({r for key, ids in found.items()
                          if key.startswith(f"v:{veto['index']}:") for r in ids})
        vetoes.append({**veto, "citation": _cite(model.citation, titles), "records": records})
    bars = [{**bar, "records": sorted({r for key, ids in found.items()
                                       if key.startswith(f"v:b{bar['index']}:") for r in ids})}
            for bar in row.get("bars", ())]
    return {"subject": row["subject"], "total": row["total"], "grade": row["grade"],
            "vetoed_by": row["vetoed_by"], "items": items, "vetoes": vetoes,
            "undetermined_vetoes": row["undetermined_vetoes"],
            "bars": bars, "undetermined_bars": row.get("undetermined_bars", []),
            "recorded": row["recorded"],
            "problem": row["problem"],
            **({"draw": row["draw"]} if "draw" in row else {}),
            **({"tiers": [{**t, "records": sorted({r for key, ids in found.items()
                                                    if key.startswith(f"v:t{t['index']}:")
                                                    for r in ids})} for t in row["tiers"]]}
               if "tiers" in row else {}),
            "consequences": [
                {**c, "citation": c["citation"] or _cite(assessment.citation, titles)}
                for c in row["consequences"]]}


def json_chunks(compute, run, regime, year: int, titles, verified: bool):
    """The JSON document as text chunks, one subject a line."""
    head = {"format_version": FORMAT_VERSION, "regime": regime.id, "year": year,
            "run": {"id": run.id, "as_of": run.as_of,
                    "head": {"seq": run.head.seq, "hash": run.head.hash},
                    "verified": verified, "engine": run.engine}}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    yield text[:-1] + ',"assessments":['
    for n, (assessment, period) in enumerate(scored(compute, run.id, regime, year)):
        about = {"assessment": assessment.name, "scheme": assessment.scheme,
                 "subject": assessment.subject or "agency", "cycle": assessment.cycle,
                 "period": {"from": period.start, "until": period.until},
                 "citation": _cite(assessment.citation, titles)}
        chunk = json.dumps(about, ensure_ascii=False, separators=(",", ":"))
        yield ("," if n else "") + "\n" + chunk[:-1] + ',"subjects":['
        for m, (row, found) in enumerate(subjects(compute, run.id, assessment.name,
                                                  period.start)):
            yield ("," if m else "") + "\n" + json.dumps(
                subject_json(assessment, row, found, titles), ensure_ascii=False,
                separators=(",", ":"))
        yield "]}"
    yield "\n]}"


def text_lines(compute, run, regime, year: int, titles, verified: bool, language: str,
               everything: bool):
    """The text report, line by line."""
    yield _w(language, "title", regime=clean(regime.title or regime.id), year=year)
    yield "  " + _w(language, "run", run=run.id, seq=run.head.seq, hash=run.head.hash[:16],
                    verified=_w(language, "verified" if verified else "unverified"))
    header = WORDS["header"][:3] if language == "zh" else WORDS["header"][3:]
    for assessment, period in scored(compute, run.id, regime, year):
        subject_kind = SUBJECT_WORDS[assessment.subject or "agency"][
            0 if language == "zh" else 1]
        cite = _cite(assessment.citation, titles)
        yield ""
        yield _w(language, "assessment", name=clean(assessment.name),
                 scheme=clean(assessment.scheme), subject=subject_kind, start=period.start,
                 until=period.until, cite=f"〔{cite}〕" if cite else "")
        rows = list(_limited(subjects(compute, run.id, assessment.name, period.start),
                             None if everything else TEXT_LIMIT + 1))
        if not rows:
            yield "  " + _w(language, "no_subjects")
            continue
        shown = rows if everything else rows[:TEXT_LIMIT]
        width = max(_width(clean(r["subject"])) for r, _ in shown)
        width = max(width, _width(header[0]))
        yield "  " + _pad(header[0], width) + f"  {header[1]:>8}  {header[2]}"
        for row, _ in shown:
            total = row["total"] if row["total"] is not None else _w(language, "none")
            grade = row["grade"] or _w(language, "not_graded")
            yield "  " + _pad(clean(row["subject"]), width) + f"  {total:>8}  {clean(grade)}"
        for row, found in shown:
            lines = list(_detail(assessment, row, found, titles, language))
            if lines:
                yield "  " + clean(row["subject"])
                yield from ("    " + line for line in lines)
        if not everything and len(rows) > TEXT_LIMIT:
            total = compute.query(select(Col("a", "subjects"), source=Table("assessments", "a"),
                                         where=_key("a")),
                                  {"run": run.id, "a": assessment.name, "p": period.start})
            yield "  " + _w(language, "more", n=total[0][0] - TEXT_LIMIT)


def _limited(rows, limit):
    for n, row in enumerate(rows):
        if limit is not None and n >= limit:
            return
        yield row


def _detail(assessment, row, found, titles, language):
    data = subject_json(assessment, row, found, titles)
    for item in data["items"]:
        for d in item["deductions"]:
            if not d["count"]:
                continue
            ids = d["records"][:IDS_SHOWN]
            more = "…" if len(d["records"]) > IDS_SHOWN else ""
            verb = _w(language, "add" if d["adds"] else "deduct")
            points = assessment.items[[i.name for i in assessment.items].index(item["item"])] \
                .deductions[d["index"]].points
            yield clean(_w(language, "deduction", item=item["item"], what=d["what"], verb=verb,
                           points=points, count=d["count"], total=d["points"],
                           ids="、".join(ids) + more)) + (f" 〔{d['citation']}〕"
                                                         if d["citation"] else "")
        for f in item["findings"]:
            if f["count"]:
                ids = f["records"][:IDS_SHOWN]
                yield clean(_w(language, "finding", item=item["item"], what=f["what"],
                               count=f["count"], ids="、".join(ids)))
    draw = data.get("draw")
    if draw is not None and draw["files"]:
        files = "、".join(
            f"{f['file']} {f['score'] if f['score'] is not None else _w(language, 'none')}"
            + (f"（{_w(language, 'appealed', id=f['appeal'])}）" if f["appeal"] else "")
            + (f"（{_w(language, 'file_vetoed')}）" if f["vetoed"] and not f["appeal"] else "")
            for f in draw["files"])
        yield clean(_w(language, "draw", n=len(draw["files"]), of=draw["catalogue"],
                       seed=draw["seed"], files=files))
    records = "；记录 " if language == "zh" else "; records "
    for veto in data["vetoes"]:
        yield clean(_w(language, "vetoed", condition=veto["condition"], grade=veto["grade"])) \
            + (f" 〔{veto['citation']}〕" if veto["citation"] else "") + \
            (records + "、".join(veto["records"][:IDS_SHOWN]) if veto["records"] else "")
    held = next((t for t in data.get("tiers", ()) if t["holds"]), None)
    if held is not None and held["grade"] == data["grade"] and not data["vetoes"]:
        yield clean(_w(language, "tier", grade=held["grade"], condition=held["condition"])) \
            + (records + "、".join(held["records"][:IDS_SHOWN]) if held["records"] else "")
    for bar in data["bars"]:
        yield clean(_w(language, "barred", grade=bar["grade"], because=bar["because"],
                       to=bar["to"] or _w(language, "not_graded"))) \
            + (f" 〔{bar['citation']}〕" if bar["citation"] else "") + \
            (records + "、".join(bar["records"][:IDS_SHOWN]) if bar["records"] else "")
    for bar in data["undetermined_bars"]:
        yield clean(_w(language, "undetermined_bar", grade=bar["grade"],
                       because=bar["because"], what="、".join(bar["cannot_count"])))
    if data["problem"]:
        yield clean(data["problem"])
    for veto in data["undetermined_vetoes"]:
        yield clean(_w(language, "undetermined", condition=veto["condition"],
                       what="、".join(veto["cannot_count"])))
    for c in data["consequences"]:
        joiner, alternative = _w(language, "and"), _w(language, "or")
        on = c.get("falls_on", {})
        measures = alternative.join(joiner.join(_decided(_falling(m, on, language), m, c,
                                                         language) for m in option)
                                    for option in c["measures"])
        parties = (_w(language, "decides", who=c["decided_by"]) if c.get("decided_by") else "") \
            + (_w(language, "proposes", who=c["proposed_by"]) if c.get("proposed_by") else "")
        running = _w(language, "running", n=c["consecutive"],
                     years="、".join(str(y) for y in c["years"])) if c["consecutive"] else ""
        yield clean(_w(language, "consequence", grade=c["grade"], running=running,
                       measures=measures, parties=parties,
                       cite=f"〔{c['citation']}〕" if c["citation"] else ""))


def _decided(text: str, measure: str, consequence: dict, language: str) -> str:
    """A measure with who decides it where that is its own (决定), or that it is referred."""
    if measure in consequence.get("referrals", ()):
        return text + _w(language, "referral")
    who = consequence.get("deciders", {}).get(measure)
    return text + _w(language, "measure_decider", who=who) if who else text


def _falling(measure: str, on: dict, language: str) -> str:
    """A measure with on whom it falls (施于), where its declaration says."""
    if not on.get(measure):
        return measure
    # 施于 names one or several (the unit, its principal …): a list since issue 10's 施于 …、…
    whoms = on[measure] if isinstance(on[measure], list) else [on[measure]]
    whom = "、".join(FALLS_ON.chinese(w) for w in whoms) if language == "zh" \
        else ", ".join(whoms)
    return measure + _w(language, "falls_on", whom=whom)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))

"""`respons notices`'s report: the notices the results called for, their numbers and files.

Text in the reader's language (`respons.report.words`); JSON with stable English keys,
``format_version`` 1, documented in docs/notices.md ("The report").
"""

from __future__ import annotations

import json

from respons.engine.notices import Called, Issued
from respons.model.notice import written_date
from respons.model.outcomes import BY_NAME

FORMAT_VERSION = 1


def _outcome_text(issued: Issued) -> str:
    return f"{issued.outcome.target.text}（{', '.join(issued.occurrence.records)}）" \
        if issued.occurrence.records else issued.outcome.target.text


def render_text(called: Called, files: dict[tuple[str, str], list[str]], title: str, regime_id: str,
                as_of: str, run_line: str, words) -> str:
    """The text report: the run, the totals, each notice with its files, the problems and
    what could not be looked for."""
    # The run and the totals under the title, and every notice, problem and outcome not
    # looked for below them, indented as the other reports (evaluate, liability, assess) are.
    out = [words("notices.title", title=title, id=regime_id, as_of=as_of), "  " + run_line]
    new = sum(1 for i in called.issued if i.new)
    out.append("  " + words("notices.totals", count=len(called.issued) + len(called.problems),
                            new=new, kept=len(called.issued) - new,
                            problems=len(called.problems)))
    if not called.issued and not called.problems:
        out.append("  " + words("notices.none"))
    for issued in called.issued:
        document = issued.issued
        out.append("  " + words("notices.item", number=document.number or issued.stem,
                                title=document.title, recipient=document.recipient or "—",
                                date=written_date(document.date),
                                outcome=_outcome_text(issued),
                                new=words("notices.new") if issued.new else ""))
        if document.citation:
            out.append(words("notices.cited", citation=document.citation))
        if files.get(issued.ident):
            out.append(words("notices.files", files=", ".join(files[issued.ident])))
    for problem in called.problems:
        out.append("  " + words("notices.problem", notice=problem.notice, key=problem.key,
                                reason=problem.zh if words.language == "zh" else problem.en))
    for notice, outcome, en, zh in called.waiting:
        kind = outcome.kind
        kind_words = BY_NAME[kind].zh if words.language == "zh" else BY_NAME[kind].en
        out.append("  " + words("notices.waiting", notice=notice, kind=kind_words,
                                target=outcome.target.text, reason=zh if words.language == "zh"
                                else en))
    return "\n".join(out) + "\n"


def document(called: Called, files: dict[tuple[str, str], list[str]], regime_id: str, as_of: str,
             run: dict) -> dict:
    """The JSON document (docs/notices.md)."""
    return {
        "format_version": FORMAT_VERSION,
        "regime": regime_id,
        "run": run,
        "as_of": as_of,
        "notices": [{
            "notice": i.issued.notice.name,
            "title": i.issued.title,
            "number": i.issued.number,
            "seq": i.seq,
            "new": i.new,
            "date": i.issued.date.isoformat(),
            "issuer": i.issued.issuer,
            "recipient": i.issued.recipient,
            "copy_to": list(i.issued.copy_to),
            "citation": i.issued.citation,
            "outcome": {"kind": i.outcome.kind, "target": i.outcome.target.text,
                        "key": i.occurrence.key},
            "records": list(i.occurrence.records),
            "elements": [{"name": e.name, "text": e.text, "citation": e.citation}
                         for e in i.issued.elements],
            "files": files.get(i.ident, []),
        } for i in called.issued],
        "problems": [{"notice": p.notice, "key": p.key, "reason": p.en}
                     for p in called.problems],
        "waiting": [{"notice": notice, "kind": outcome.kind, "target": outcome.target.text,
                     "reason": en} for notice, outcome, en, _ in called.waiting],
    }


def render_json(called: Called, files: dict[tuple[str, str], list[str]], regime_id: str, as_of: str,
                run: dict) -> str:
    return json.dumps(document(called, files, regime_id, as_of, run), ensure_ascii=False,
                      indent=2) + "\n"

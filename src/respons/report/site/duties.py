"""The time limits page: every duty's period with its article, in one table, then each
duty's clock as a flowchart — the event that starts it, the period and who is responsible,
its extensions and pauses, what completes it, and the fault a late duty counts as
(hangzhou 17 具体时限; heilongjiang 4 运行流程图; samr 7).
"""

from __future__ import annotations

from respons.model.duty import Duty
from respons.report.site.flow import Node, flowchart
from respons.report.site.markup import SLOT, cited, esc, fill, link
from respons.report.site.text import Speaker

DUTIES_FILE = "duties.html"


def duty_anchor(index: int) -> str:
    return f"duty-{index}"


def clock(duty: Duty, speak: Speaker) -> list[Node]:
    """The flowchart of a duty's clock."""
    words = speak.words
    nodes = []
    if duty.starts:
        events = speak.refs(duty.starts.events)
        where = speak.condition(duty.starts.where)
        text = words("duty.starts_when", events=events, condition=where) if where else events
        nodes.append(Node("start", words("duty.starts"), (text,)))
    if duty.period is not None or duty.due_field is not None:
        lines = []
        if duty.owner:
            lines.append(words("label", label=words("duty.owner"), value=duty.owner.text))
        article = speak.bracket(speak.cite(duty.period_citation, duty.citation))
        if article:
            lines.append(article)
        nodes.append(Node("step", words("duty.within", period=speak.limit(duty)),
                          tuple(lines)))
    for extension in duty.extensions:
        nodes.append(Node("note", _extension(extension, speak),
                          _article(speak.bracket(speak.cite(extension.citation, duty.citation)))))
    for pause in duty.pauses:
        nodes.append(Node("note", words("duty.pause", start=pause.start.text,
                                        end=pause.end.text),
                          _article(speak.bracket(speak.cite(pause.citation, duty.citation)))))
    if duty.met_by:
        nodes.append(Node("end", words("duty.met_by"),
                          (speak.refs(duty.met_by, "and" if duty.met_by_all else "or"),)))
    if duty.breach:
        nodes.append(Node("breach", words("duty.breach", fault=duty.breach.text)))
    return nodes


def _article(text: str) -> tuple[str, ...]:
    return (text,) if text else ()


def _extension(extension, speak: Speaker) -> str:
    words = speak.words
    text = words("duty.extend", period=speak.period(extension.period))
    if extension.approver:
        text += words("duty.approved_by", approver=extension.approver.text)
    if extension.upon:
        text += words("duty.upon", event=extension.upon.text)
    return text


def duties_page(duties, speak: Speaker, faults: dict[str, str],
                agencies: dict[str, str]) -> str:
    """The body of the time limits page (markup); ``faults`` links a fault to its place,
    ``agencies`` an agency to its page."""
    words = speak.words
    out = [f"<h1>{esc(words('section.duties'))}</h1>\n"]
    if not duties:
        return out[0] + f'<p class="muted">{esc(words("section.none"))}</p>\n'
    out.append(f'<p class="muted">{esc(words("duty.counting"))}'
               f'{cited(speak.bracket(words("duty.counting_law")))}</p>\n')
    out.append(f'<h2 id="table">{esc(words("duty.table"))}</h2>\n<table>\n<thead><tr>'
               f"<th>{esc(words('duty.name'))}</th><th>{esc(words('duty.period'))}</th>"
               f"<th>{esc(words('duty.article'))}</th></tr></thead>\n<tbody>\n")
    for index, duty in enumerate(duties, 1):
        limits = [esc(speak.limit(duty))] if speak.limit(duty) else []
        limits += [esc(_extension(e, speak)) for e in duty.extensions]
        out.append(f'<tr><td><a href="#{duty_anchor(index)}">{esc(duty.name)}</a></td>'
                   f"<td>{'<br>'.join(limits)}</td>"
                   f"<td>{esc(speak.cite(duty.period_citation, duty.citation))}</td></tr>\n")
    out.append("</tbody>\n</table>\n")
    for index, duty in enumerate(duties, 1):
        out.append(_duty(index, duty, speak, faults, agencies))
    return "".join(out)


def _duty(index: int, duty: Duty, speak: Speaker, faults: dict[str, str],
          agencies: dict[str, str]) -> str:
    words = speak.words
    out = [f'<section class="item" id="{duty_anchor(index)}"><h3>{esc(duty.name)}'
           f"{speak.cited(duty.citation)}</h3>\n"]
    nodes = clock(duty, speak)
    if nodes:
        out.append(flowchart(nodes, f"{words('duty.clock')}: {duty.name}"))
    facts = []
    if duty.starts:
        where = speak.condition(duty.starts.where)
        events = speak.refs(duty.starts.events)
        facts.append((words("duty.starts"), esc(words("duty.starts_when", events=events,
                                                      condition=where) if where else events)))
    if speak.limit(duty):
        facts.append((words("duty.period"), esc(speak.limit(duty))
                      + speak.cited(duty.period_citation, duty.citation)))
    for extension in duty.extensions:
        facts.append(("", esc(_extension(extension, speak))
                      + speak.cited(extension.citation, duty.citation)))
    for pause in duty.pauses:
        facts.append(("", esc(words("duty.pause", start=pause.start.text, end=pause.end.text))
                      + speak.cited(pause.citation, duty.citation)))
    if duty.met_by:
        facts.append((words("duty.met_by"),
                      esc(speak.refs(duty.met_by, "and" if duty.met_by_all else "or"))))
    if duty.owner:
        facts.append((words("duty.owner"), link(duty.owner.text, agencies)))
    if duty.breach:
        target = faults.get(duty.breach.text)
        name = (f'<a href="{target}">{esc(duty.breach.text)}</a>' if target
                else esc(duty.breach.text))
        facts.append(("", fill(words("duty.breach", fault=SLOT), name)))
    out.append("<dl>" + "".join((f"<dt>{esc(t)}</dt>" if t else "") + f"<dd>{d}</dd>"
                                for t, d in facts) + "</dl></section>\n")
    return "".join(out)

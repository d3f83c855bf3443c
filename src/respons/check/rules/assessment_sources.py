"""What an assessment counts and reads, checked against the record kinds (R0510–R0512).

A deduction, a finding, a veto's count and a recorded score or grade each read records of
one kind, and attribute every record to the subject it concerns: the field written after
按, or the kind's first field of the assessment's subject type (an officer for 对象 人员).
A name there that is no field of the kind, a kind with no field naming such a subject, and
a recorded score in a field that holds no number would each make `respons assess` count
nothing for everyone — so they are errors here, with the place.
"""

from __future__ import annotations

from respons.check.rules import RuleContext
from respons.check.rules.references import lookup
from respons.diagnostics.suggest import did_you_mean
from respons.model.assessment import subject_field
from respons.model.vocab import NUMERIC_TYPES, SUBJECTS

#: What each recorded statement is called in messages.
RECORDED_WORDS = {"score": "得分/score", "grade": "等次/grade", "appeal": "修正/amend",
                  "file_veto": "否决项/file-veto", "count": "抽样/sample"}


def check(ctx: RuleContext) -> None:
    _sources(ctx)
    for assessment in ctx.regime.assessments:
        sample = assessment.sample
        if sample is not None:
            found = lookup(ctx, sample.per, ("event",), "抽样/sample")
            if found is not None and found.kind == "event":
                _attribution(ctx, assessment, found.owner, sample.by, sample.span)
                if not found.owner.key:
                    ctx.sink.add("R0511", f"{found.owner.name} has no key (主键): its records "
                                 "name no case file to draw", sample.span,
                                 f"give {found.owner.name} the key its files are numbered by")
            for counted, what in ((sample.count_from, "the number of files to draw"),
                                  (sample.seed_from, "the seed of the draw")):
                hit = lookup(ctx, counted.per, ("event",), "抽样/sample") if counted else None
                if hit is None or hit.kind != "event":
                    continue
                fields = {f.name: f for f in hit.owner.fields}
                if counted.field not in fields or fields[counted.field].type.kind != "integer":
                    ctx.sink.add("R0512", f"{hit.owner.name} has no integer field "
                                 f"{counted.field!r} giving {what}"
                                 + did_you_mean(counted.field, fields), counted.span,
                                 f"declare it `字段 {counted.field} 整数`")
        weighed = tuple(w.scores for w in assessment.weights if w.scores is not None)
        for recorded in (*assessment.recorded, *weighed):
            found = lookup(ctx, recorded.per, ("event",), RECORDED_WORDS[recorded.what])
            if found is None or found.kind != "event":
                continue
            kind = found.owner
            fields = {field.name: field for field in kind.fields}
            field = fields.get(recorded.field)
            if field is None:
                ctx.sink.add("R0510", f"{kind.name} has no field {recorded.field!r} to read the "
                             f"recorded {recorded.what} from" + did_you_mean(recorded.field,
                                                                             fields),
                             recorded.span, f"name a field of {kind.name}: "
                             + ", ".join(fields))
            elif recorded.what in ("score", "appeal") and \
                    field.type.kind not in NUMERIC_TYPES:
                ctx.sink.add("R0512", f"field {recorded.field} of {kind.name} holds no number: "
                             "a recorded score must", recorded.span,
                             f"declare it `字段 {recorded.field} 数值`")
            elif recorded.what == "file_veto" and recorded.equals is None and \
                    field.type.kind != "boolean":
                ctx.sink.add("R0512", f"field {recorded.field} of {kind.name} is no 是否 field: "
                             "a file's veto item holds or not", recorded.span,
                             f"declare it `字段 {recorded.field} 是否`, or write "
                             f"`{recorded.field} = VALUE`")
            if recorded in weighed:
                _attribution(ctx, assessment, kind, recorded.by, recorded.span)
                continue
            if sample is not None or recorded.what in ("appeal", "file_veto"):
                # a case file's sheet, appeal or veto item is matched by the file's number
                if sample is None:
                    ctx.sink.add("R0508", f"{RECORDED_WORDS[recorded.what]} reads a case "
                                 f"file's record, but {assessment.name} draws no files",
                                 recorded.span, "add `抽样 EVENT N 件` (方案 案卷评查)")
                elif not kind.key:
                    ctx.sink.add("R0511", f"{kind.name} has no key (主键): its records cannot "
                                 "be matched to the files drawn", recorded.span,
                                 f"give {kind.name} the key the files are numbered by")
                continue
            _attribution(ctx, assessment, kind, recorded.by, recorded.span)
            year = fields.get(recorded.year_field) if recorded.year_field else None
            if recorded.year_field and (year is None or year.type.kind != "integer"):
                ctx.sink.add("R0510", f"周期 {recorded.year_field}: {kind.name} has no integer "
                             f"field {recorded.year_field!r} naming the year assessed"
                             + did_you_mean(recorded.year_field, fields), recorded.span,
                             f"declare it `字段 {recorded.year_field} 整数`")
        for item in assessment.items:
            for counted in (*item.deductions, *item.findings):
                found = ctx.index.find(counted.per)
                if found is not None and found.kind == "event":
                    _attribution(ctx, assessment, found.owner, counted.by, counted.span)
                elif counted.by is not None and found is not None:
                    ctx.sink.add("R0510", f"按 {counted.by}: {counted.per.text} is a "
                                 f"{found.kind}, whose breaches are its owner's; only a "
                                 "record's event is attributed by a field", counted.span,
                                 "leave out 按 here")
            for finding in item.findings:
                lookup(ctx, finding.per, ("event", "duty", "fault"), "发现/finding")


def _attribution(ctx: RuleContext, assessment, kind, by: str | None, span) -> None:
    if subject_field(kind, assessment.subject, by) is not None:
        return
    fields = [field.name for field in kind.fields]
    if by is not None:
        ctx.sink.add("R0510", f"按 {by}: {kind.name} has no field {by!r}"
                     + did_you_mean(by, fields), span,
                     f"name the field of {kind.name} that names whom a record concerns: "
                     + ", ".join(fields))
        return
    subject = SUBJECTS.chinese(assessment.subject or "agency")
    ctx.sink.add("R0511", f"{kind.name} has no field of type {subject}: its records cannot be "
                 f"attributed to the {subject} {assessment.name} assesses", span,
                 f"write 按 FIELD with the field of {kind.name} that names the {subject}")


def _sources(ctx: RuleContext) -> None:
    """An item 来自 another assessment names one of the regime's, and no assessment is fed,
    through its items, by itself (R0513)."""
    by_name = {a.name: a for a in ctx.regime.assessments}
    for assessment in ctx.regime.assessments:
        for item in assessment.items:
            if item.source is None:
                continue
            if item.source not in by_name:
                ctx.sink.add("R0201", f"来自 {item.source}: no assessment of that name"
                             + did_you_mean(item.source, by_name), item.span,
                             "name an assessment (考核) of the regime")
                continue
            seen, stack = set(), [item.source]
            while stack:
                name = stack.pop()
                if name == assessment.name:
                    ctx.sink.add("R0513", f"item {item.name} of {assessment.name} comes from "
                                 f"{item.source}, which comes from {assessment.name}: an "
                                 "assessment cannot be fed by itself", item.span,
                                 "feed each assessment from ones scored before it")
                    break
                if name in seen or name not in by_name:
                    continue
                seen.add(name)
                stack.extend(i.source for i in by_name[name].items if i.source)

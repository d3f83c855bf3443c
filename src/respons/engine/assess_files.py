"""The draw of a case-file review (案卷评查): which of each subject's files are reviewed, and
the sheets, appeals and veto items that score them.

tongzhou 案卷评查规范 第十条第（四）项 draws 规定数量 of each department's files at random from
its catalogue. Here the catalogue is the matters (the record kind's key: the case number)
of the 抽样 event dated in the period, per subject; the draw ranks them by SHA-256 of the
seed, the subject and the case number — no generator state, no order of the records, so
anyone holding the catalogue and the seed repeats it exactly, on any machine — and takes
the first N (or N% of them, rounded up). The seed, the catalogue's size and the files drawn
are kept with the result.

Each file drawn is scored by its sheet (the latest record of the 得分 event with its case
number, up to the run's head: a sheet is often made after the period) and, where an appeal
was upheld (修正), by the appeal's corrected score (第九条); a sheet's 否决项 field true makes
the file 不合格. The catalogue and the sheets are read in one query each, in the store.
"""

from __future__ import annotations

import hashlib
import math
from decimal import Decimal

import attrs

from respons.model.assessment import subject_field
from respons.registry import FileSheet
from respons.sql import ir
from respons.sql.ir import Col, Lit, Order, Param, Table, all_of, select


@attrs.frozen
class Draw:
    """The files drawn for one subject, and how: ``catalogue`` files were there to draw."""

    seed: int | None
    catalogue: int
    files: tuple[FileSheet, ...]


def rank(seed: int, subject: str, matter: str) -> str:
    """The order of the draw: SHA-256 of seed, subject and case number (hex)."""
    text = f"{seed}\x1f{subject}\x1f{matter}".encode()
    return hashlib.sha256(text).hexdigest()


def drawn(catalogue: list[str], seed: int, subject: str, count: int | None,
          share: Decimal | None) -> list[str]:
    """The case numbers drawn from ``catalogue``: ``count`` of them, or ``share`` percent
    rounded up (at least one of a catalogue that is not empty)."""
    if share is not None:
        count = max(1, math.ceil(len(catalogue) * share / 100)) if catalogue else 0
    ranked = sorted(catalogue, key=lambda matter: (rank(seed, subject, matter), matter))
    return ranked[:count]


def _visible(corrections: bool):
    if not corrections:
        return None
    return ir.Exists(select(Lit(1), source=Table("records", "k"), where=all_of(
        Col("k", "corrects").eq(Col("r", "id")), Col("k", "seq").le(Param("head")))),
        negate=True)


def draws(compute, index, assessment, start: str, until: str, head: int, corrections: bool,
          seed: int | None) -> dict[str, Draw]:
    """subject → its draw, with each file's sheet, appeal and veto item."""
    sample = assessment.sample
    found = index.find(sample.per)
    if found is None or found.kind != "event":
        return {}
    kind = found.owner
    field = subject_field(kind, assessment.subject, sample.by)
    if field is None or not kind.key:
        return {}
    subject = Col("r", "matter") if field == kind.key else ir.JsonText(Col("r", "data"), field)
    rows = compute.query(select(subject, Col("r", "matter"), source=Table("records", "r"),
                                distinct=True, where=all_of(
        Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
        Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until")),
        subject.not_null(), Col("r", "matter").not_null(), _visible(corrections))),
        {"type": sample.per.text, "head": head, "from": start, "until": until})
    catalogues: dict[str, list[str]] = {}
    for who, matter in rows:
        catalogues.setdefault(who, []).append(matter)
    counts, everyone = _counts(compute, index, assessment, start, until, head, corrections)
    sheets = _by_matter(compute, index, assessment, "score", head, corrections)
    appeals = _by_matter(compute, index, assessment, "appeal", head, corrections)
    vetoes = _by_matter(compute, index, assessment, "file_veto", head, corrections)
    out = {}
    for who in sorted(catalogues):
        files = []
        count = sample.count if sample.count_from is None else counts.get(who, everyone)
        if seed is None or (count is None and sample.share is None):
            out[who] = Draw(seed, len(catalogues[who]), ())  # no number given: none drawn
            continue
        for matter in drawn(sorted(catalogues[who]), seed, who, count, sample.share):
            score, sheet = sheets.get(matter, (None, None))
            corrected, appeal = appeals.get(matter, (None, None))
            vetoed = bool(vetoes.get(matter, (False, None))[0])
            files.append(FileSheet(matter=matter, score=_decimal(score), vetoed=vetoed,
                                   sheet=sheet, appeal=appeal, corrected=_decimal(corrected)))
        out[who] = Draw(seed, len(catalogues[who]), tuple(files))
    return out


def seed_of(compute, index, assessment, start: str, until: str, head: int,
            corrections: bool) -> int | None:
    """The seed of the draw: the latest record of the 种子 event dated in the period (None
    where there is none — then nothing is drawn, never a seed made up), or the scheme's
    ``seed`` parameter where the regime names no record (0 by default)."""
    sample = assessment.sample
    if sample.seed_from is None:
        seed = {p.name: getattr(p.value, "value", p.value) for p in assessment.params
                }.get("seed", 0)
        return seed if isinstance(seed, int) and not isinstance(seed, bool) else 0
    found = index.find(sample.seed_from.per)
    if found is None or found.kind != "event":
        return None
    rows = compute.query(select(ir.JsonNumber(Col("r", "data"), sample.seed_from.field),
                                source=Table("records", "r"), where=all_of(
        Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
        Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until")),
        _visible(corrections)), order_by=(Order(Col("r", "at")), Order(Col("r", "seq")))),
        {"type": sample.seed_from.per.text, "head": head, "from": start, "until": until})
    values = [row[0] for row in rows if row[0] is not None]
    return int(values[-1]) if values else None


def _counts(compute, index, assessment, start: str, until: str, head: int,
            corrections: bool) -> tuple[dict[str, int], int | None]:
    """(subject → the number of files to draw, the number for everyone else) where the
    number is a record's (抽样 … EVENT 的 FIELD): the latest record of the period, per
    subject where its kind names one, else the latest for all."""
    counted = assessment.sample.count_from
    if counted is None:
        return {}, None
    found = index.find(counted.per)
    if found is None or found.kind != "event":
        return {}, None
    kind = found.owner
    field = subject_field(kind, assessment.subject, None)
    subject = (Col("r", "matter") if field == kind.key else
               ir.JsonText(Col("r", "data"), field)) if field else Lit("")
    rows = compute.query(select(subject, ir.JsonNumber(Col("r", "data"), counted.field),
                                source=Table("records", "r"), where=all_of(
        Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
        Col("r", "at_date").ge(Param("from")), Col("r", "at_date").le(Param("until")),
        _visible(corrections)), order_by=(Order(Col("r", "at")), Order(Col("r", "seq")))),
        {"type": counted.per.text, "head": head, "from": start, "until": until})
    per_subject: dict[str, int] = {}
    for who, value in rows:
        if value is not None and who is not None:
            per_subject[who] = int(value)
    if field is None:
        return {}, per_subject.get("")
    return per_subject, None


def _decimal(value) -> Decimal | None:
    # a JSON number the store read as a binary float: its shortest repr is what was written
    return None if value is None else Decimal(format(Decimal(repr(float(value))).normalize(),
                                                     "f"))


def _by_matter(compute, index, assessment, what: str, head: int, corrections: bool) -> dict:
    """case number → (the value, the record's id) of the latest record of each statement
    ``what`` (the sheets' score, an appeal's corrected score, a sheet's veto item)."""
    out: dict = {}
    for recorded in (r for r in assessment.recorded if r.what == what):
        found = index.find(recorded.per)
        if found is None or found.kind != "event":
            continue
        if what == "file_veto" and recorded.equals is not None:
            value = ir.Case(((ir.JsonText(Col("r", "data"), recorded.field).eq(
                Param("equals")), Lit(1)),), Lit(0))
        elif what == "file_veto":
            value = ir.Case(((ir.JsonIs(Col("r", "data"), recorded.field), Lit(1)),), Lit(0))
        else:
            value = ir.JsonNumber(Col("r", "data"), recorded.field)
        rows = compute.query(select(Col("r", "matter"), value, Col("r", "id"),
                                    source=Table("records", "r"), where=all_of(
            Col("r", "type").eq(Param("type")), Col("r", "seq").le(Param("head")),
            Col("r", "matter").not_null(), _visible(corrections)),
            order_by=(Order(Col("r", "at")), Order(Col("r", "seq")))),
            {"type": recorded.per.text, "head": head, "equals": str(recorded.equals)})
        for matter, found_value, record in rows:
            if found_value is not None:
                out[matter] = (found_value, record)
    return out

"""The built-in scoring scheme `files` (案卷评查): the mean of a subject's sampled case files.

tongzhou 案卷评查规范 第十条: the files are drawn at random from each department's
catalogue (（四）), each gets one score sheet (（五）: 一卷一单, 评查分数), and
抽取案卷的平均分数作为行政执法部门的案卷总成绩 (（七）); 第九条: an appeal (申辩) upheld
corrects the sheet (修正原评查问题). So a subject's total is the mean of its drawn files'
scores — each file's the appeal's corrected score where one was upheld, else its sheet's —
rounded 四舍五入 to ``precision`` places; a file with no sheet yet is not in the mean (the
result says so). A veto item of a sheet (否决项) makes that file 不合格; it does not change
the mean, which the text defines by the scores, and a subject with a file that does not
pass is graded ``failing_grade`` where the regime names one. The draw itself is the
engine's (`respons.engine.assess_files`): seeded, recorded, repeatable.
"""

from __future__ import annotations

from decimal import Decimal

from respons.model.assessment import Assessment
from respons.model.grading import grade_for
from respons.registry import (
    Score,
    ScoringScheme,
    SubjectFacts,
    assessment_params,
    first_veto,
    precision_of,
    round_points,
)
from respons.syntax.present import condition_text

PARAMS = {"seed": "the seed of the random draw, a whole number (default 0): the same seed, "
                  "the same files",
          "precision": "decimal places of the mean, 0 to 6, rounded 四舍五入 (default 1)",
          "failing_grade": "the grade of a subject with a 不合格 file (a 否决项 holds), where the "
                           "regime says one fixes it"}


def score(assessment: Assessment, subject: SubjectFacts) -> Score:
    """The mean of the drawn files' scores, graded by the bands; the first holding veto (an
    assessment-level 否决) fixes the grade, and so does ``failing_grade`` for a 不合格 file."""
    precision = precision_of(subject.params)
    scores = [f.final for f in subject.files if f.final is not None]
    for f in subject.files:
        if f.final is not None and not f.final.is_finite():
            raise ValueError(f"file {f.matter} has no finite score: {f.final!r}")
    total = round_points(sum(scores, Decimal(0)) / len(scores), precision) if scores else None
    grade = grade_for(assessment, total) if total is not None else None
    vetoed_by = None
    failing = subject.params.get("failing_grade")
    if failing is not None and any(f.vetoed and f.appeal is None for f in subject.files):
        grade, vetoed_by = str(failing), "否决项"
    veto = first_veto(assessment, subject)
    if veto is not None:
        grade, vetoed_by = veto.grade, condition_text(veto.condition)
    return Score(total=total, grade=grade, vetoed_by=vetoed_by)


def validate(assessment: Assessment) -> list:
    problems = []
    if assessment.sample is None:
        problems.append((f"{assessment.name} draws no files: the files scheme (案卷评查) needs "
                         "`抽样 EVENT N 件` (or N%)", assessment.span))
    if not any(r.what == "score" for r in assessment.recorded):
        problems.append((f"{assessment.name} reads no file's score: write `得分 EVENT 的 FIELD` "
                         "for the score sheets", assessment.span))
    problems += [(f"item {item.name} has points; the files scheme (案卷评查) scores the files, "
                  "not items", item.span) for item in assessment.items if item.points is not None]
    params = assessment_params(assessment)
    spans = {param.name: param.span for param in assessment.params}
    try:
        precision_of(params)
    except ValueError as error:
        problems.append((str(error), spans.get("precision") or assessment.span))
    seed = params.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        problems.append((f"parameter seed must be a whole number, not {seed!r}",
                         spans.get("seed") or assessment.span))
    failing = params.get("failing_grade")
    if failing is not None and str(failing) not in {band.name for band in assessment.bands}:
        problems.append((f"parameter failing_grade names {failing!r}, which is no grade of "
                         f"{assessment.name}", spans.get("failing_grade") or assessment.span))
    return problems


SCHEME = ScoringScheme(name="files", aliases=("案卷评查",), score=score, params=PARAMS,
                       description="案卷评查: the mean of a subject's case files drawn at "
                                   "random, one score sheet each, appeals correcting them",
                       validate=validate)

"""Generate assessments.jsonl: the example departments' assessment results of 2024 and 2025.

长春新区's plan grades its officers and departments 优秀, 合格 or 不合格 (任务25) and its case
files the same (任务13), but gives no points and no conditions for a grade: the grade is the
one the assessor determined (任务23: 法制办 assesses the departments, each department its
officers), recorded here as 评议考核结果.确定档次 and 案卷评查结果.评定 at the year's end. Two
years are given so that the consequence of 任务25 for an officer 不合格 two years running
(调离执法岗位 或 取消执法资格) can follow. The officers are the certificate holders of
records.jsonl. The grades are invented, fixed by a hash as in generate.py, so
`python3 generate_assessments.py` always writes the same file (a test checks it).

    python3 examples/changchun-xinqu-2025/generate_assessments.py \
        > examples/changchun-xinqu-2025/assessments.jsonl
"""

from __future__ import annotations

import json
import sys

from generate import DEPARTMENTS, pick, record

YEARS = (2024, 2025)
OFFICERS = [f"执法人员{n:03d}" for n in range(1, 25)]


def grade(roll: int, fail: int, excellent: int) -> str:
    """优秀, 合格 or 不合格 for a roll of 0..9999, by the shares (in 1/10000) of the two ends."""
    return "不合格" if roll < fail else "优秀" if roll < fail + excellent else "合格"


def officers():
    for year in YEARS:
        for n, officer in enumerate(OFFICERS, start=1):
            # 执法人员007 is 不合格 both years and 执法人员011 in 2025 only, whatever the
            # hash says, so that the example shows each consequence of 任务25.
            roll = pick("a-officer", year, n)
            given = ("不合格" if n == 7 or (n == 11 and year == 2025)
                     else grade(roll, 600, 2500))
            key = f"XQ-KH-{year}-R{n:03d}"
            yield record(f"{key}-确定档次", "评议考核结果.确定档次", f"{year}-12-{20 + n % 8:02d}",
                         考核编号=key, 被考核人员=officer, 考核年度=year, 档次=given)


def departments():
    for year in YEARS:
        for n, department in enumerate(DEPARTMENTS, start=1):
            # 新区交通运输局 is 不合格 in 2025 (任务25: 责令限期整改).
            given = "不合格" if (n == 4 and year == 2025) else grade(pick("a-dept", year, n), 0,
                                                                    4000)
            key = f"XQ-KH-{year}-D{n}"
            yield record(f"{key}-确定档次", "评议考核结果.确定档次", f"{year}-12-30",
                         考核编号=key, 被考核部门=department, 考核年度=year, 档次=given)


def file_reviews():
    """任务13: one review a year of each department's case files, and of the files of about a
    third of the officers, 优秀/合格/不合格 (单位、个人)."""
    for year in YEARS:
        for n, department in enumerate(DEPARTMENTS, start=1):
            given = "不合格" if (n == 2 and year == 2025) else grade(pick("a-file", year, n),
                                                                    0, 3000)
            key = f"XQ-PC-{year}-{n}"
            yield record(f"{key}-评定", "案卷评查结果.评定", f"{year}-11-{10 + n:02d}",
                         评查编号=key, 被评查单位=department, 评查结果=given)
        for n, officer in enumerate(OFFICERS, start=1):
            # 执法人员011's files fail in 2025, the year the officer is graded 不合格.
            if n != 11 and pick("a-reviewed", year, n) % 3:
                continue
            given = "不合格" if (n == 11 and year == 2025) else grade(
                pick("a-pfile", year, n), 500, 2500)
            key = f"XQ-PC-{year}-R{n:03d}"
            yield record(f"{key}-评定", "案卷评查结果.评定", f"{year}-11-{15 + n % 10:02d}",
                         评查编号=key, 被评查人员=officer, 评查结果=given)


def main() -> None:
    records = [*officers(), *departments(), *file_reviews()]
    records.sort(key=lambda r: (r["at"], r["id"]))
    out = sys.stdout
    for item in records:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

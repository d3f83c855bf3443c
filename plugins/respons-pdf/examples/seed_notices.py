"""Render one notice (文书) of each kind of outcome that issues one — a grade's consequence, a
grade, a liability measure, a record's event — from the seed regimes with plausible facts,
each page of its PDF as a PNG (pdftoppm -png -r 60), for docs/notices.md:

    python3 plugins/respons-pdf/examples/seed_notices.py docs/notices

The facts are examples written for the picture, not records of any case. Each page is one
PNG named after the regime, the notice and the page; the PDF behind it is the same bytes
every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import respons_pdf
from respons_pdf import testing

from respons.check.runner import check_paths
from respons.model.notice import IssuedNotice
from respons.registry import Registry, plugin_manager
from respons.testing.formats import issue_example

ROOT = Path(__file__).resolve().parents[3]

#: (regime, notice, its number in the year, the facts of the outcome that issues it)
EXAMPLES = (
    ("jilin-city", "整改通知书", 3, {
        "考核机关": "吉林市人民政府", "被考核对象": "吉林市某区市场监督管理局",
        "考核年度": "2025", "得分": "58", "考核等级": "不及格",
        "司法行政部门": "吉林市司法局"}),
    ("dacheng-approval", "考核结果通报", 1, {
        "被考核对象": "行政审批局审批一科", "考核等级": "优秀"}),
    ("tongzhou", "政府法制建议书", 7, {
        "责任人": "北京市通州区某局", "被追究部门": "北京市通州区某局",
        "情形": "行政处罚裁量未说明理由，同类案件处罚幅度明显不一致"}),
    ("hangzhou", "行政执法责任追究决定书", 12, {
        "追究机关": "杭州市人民政府", "被追究部门": "杭州市某局", "责任人": "张某",
        "决定理由": "张某在办理某行政许可案件中，超过法定期限作出决定，造成不良影响。",
        "事实依据": "经调查，该案于2025年1月6日受理，法定期限为20个工作日，实际于2025年2月"
                    "24日作出决定。",
        "法律依据": "《杭州市行政执法责任制规定》第三十八条第（四）项、第四十条第（二）项"}),
    ("tongzhou", "暂扣通知书", 2, {
        "区级行政执法主体": "北京市通州区某局", "持证人": "李某",
        "证件": "北京市行政执法证（编号110112000000）", "记录日期": "2025年2月27日"}),
)


def issue(regime, notice, sequence: int, facts: dict[str, str], titles) -> IssuedNotice:
    """The notice issued on 2025-03-01 as number ``sequence``, filled from ``facts``."""
    return issue_example(regime, notice, titles, facts, sequence)


def main(out: Path) -> None:
    report = check_paths([ROOT / "jurisdictions"], Registry(plugin_manager()))
    regimes = {r.regime.id: r.regime for r in report.resolved}
    out.mkdir(parents=True, exist_ok=True)
    for regime_id, name, sequence, facts in EXAMPLES:
        regime = regimes[regime_id]
        notice = next(n for n in regime.notices if n.name == name)
        data = respons_pdf.render(issue(regime, notice, sequence, facts, report.titles))
        stem = f"{regime_id}-{name}"
        for page, image in enumerate(testing.png(data), 1):
            (out / f"{stem}-{page}.png").write_bytes(image)
            print(f"{stem}-{page}.png {len(image) // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

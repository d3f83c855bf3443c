"""Generate records.jsonl: an example year (2025) of 长春新区's four example departments.

The records are invented but shaped like a year of real ones: complaints received on
working days and weekends alike, most told within the 5 working days of 任务21 and some
late or not yet; major penalty decisions, most filed within the 15 days of 任务15; and
enforcement certificates issued in 2022, which 任务12 wants inspected within 3 years —
in 2025. Around the Spring Festival, 劳动节 and National Day the holidays and make-up
working days decide which are late. The numbers come from a fixed hash, not a random
generator, so `python3 generate.py` always writes the same file (a test checks it).

    python3 examples/changchun-xinqu-2025/generate.py > examples/changchun-xinqu-2025/records.jsonl
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys

DEPARTMENTS = ["新区市场监督管理局", "新区综合行政执法局", "新区生态环境局", "新区交通运输局"]
YEAR_START = dt.date(2025, 1, 1)


def pick(*key: object) -> int:
    """A number 0..9999 fixed by ``key``."""
    digest = hashlib.sha256("/".join(map(str, key)).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 10000


def day(offset: int) -> dt.date:
    return YEAR_START + dt.timedelta(days=offset)


def record(id_: str, type_: str, at: dt.date | str, **fields) -> dict:
    at = at.isoformat() if isinstance(at, dt.date) else at
    return {"id": id_, "type": type_, "at": at, **fields}


def complaints():
    for n in range(1, 181):
        department = DEPARTMENTS[pick("c-dept", n) % 4]
        key = f"XQ-TS-2025-{n:04d}"
        received = day(pick("c-day", n) % 360)
        fields = {"投诉举报编号": key, "受理单位": department}
        hour = 8 + pick("c-hour", n) % 10
        at = f"{received.isoformat()}T{hour:02d}:15"
        yield record(f"{key}-收到", "投诉举报.收到", at, **fields)
        yield record(f"{key}-编号登记", "投诉举报.编号登记", received, **fields)
        roll = pick("c-told", n)
        if roll < 900:  # not told yet: open or overdue at the year's end
            continue
        wait = 1 + roll % 9  # calendar days until told: 1–9, so some pass 5 working days
        told = received + dt.timedelta(days=wait)
        if pick("c-scope", n) < 1500:
            yield record(f"{key}-说明理由", "投诉举报.说明不予受理理由", told,
                         **fields, 是否属于受理范围="不属于")
        else:
            yield record(f"{key}-告知", "投诉举报.告知受理情况", told,
                         **fields, 是否属于受理范围="属于")


def penalties():
    for n in range(1, 41):
        department = DEPARTMENTS[pick("p-dept", n) % 4]
        key = f"长新{['市监', '综执', '环', '交'][DEPARTMENTS.index(department)]}罚决〔2025〕{n}号"
        decided = day(pick("p-day", n) % 355)
        fields = {"决定书文号": key, "作出机关": department, "以委托行政机关名义作出": False}
        yield record(f"P-2025-{n:03d}-决定", "重大行政处罚.作出决定", decided, **fields)
        roll = pick("p-filed", n)
        if roll < 700:
            continue
        filed = decided + dt.timedelta(days=3 + roll % 16)  # 3–18 days: some past 15
        yield record(f"P-2025-{n:03d}-备案", "重大行政处罚.报送备案", filed, **fields)


def certificates():
    for n in range(1, 25):
        department = DEPARTMENTS[n % 4]
        key = f"JL-XQ-2022-{n:04d}"
        issued = dt.date(2022, 1, 4) + dt.timedelta(days=pick("z-day", n) % 350)
        fields = {"证件编号": key, "持证人": f"执法人员{n:03d}", "所在部门": department}
        yield record(f"{key}-核发", "行政执法证件.核发", issued, **fields)
        roll = pick("z-check", n)
        if roll < 2500:
            continue
        checked = issued + dt.timedelta(days=3 * 365 - 40 + roll % 60)  # around the due date
        if checked.year == 2025:
            yield record(f"{key}-检验", "行政执法证件.检验", checked, **fields)


def main() -> None:
    records = [*complaints(), *penalties(), *certificates()]
    # The file is in time order, as a records system would export it.
    records.sort(key=lambda r: (r["at"], r["id"]))
    records.append(record("XQ-TS-2025-9999-收到", "投诉举报.收到", "2025-12-31T16:40",
                          投诉举报编号="XQ-TS-2025-9999", 受理单位=DEPARTMENTS[0]))
    out = sys.stdout
    for item in records:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Benchmark: `respons check` on a province-sized regime against a bare Lark parse.

Generates a regime the size of a large province (by default 2,000 agencies, about 100,000
lines), then in one process times (a) a bare Lark LALR parse of the text into a tree — the
baseline — and (b) the whole check: parse and build the model, resolve, index and run every
rule. Prints both, their ratio, and lines per second. It also times `respons check` as a
user runs it, process start included, on a 1,000-line regime.

    python3 bench/check.py                  # the province: 2,000 agencies
    python3 bench/check.py --agencies 200   # a quick run

The regime is generated deterministically (no randomness), so runs are comparable.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POWER_TYPES = ["许可", "处罚", "强制", "检查", "征收", "确认", "裁决", "给付", "其他"]


def generate(agencies: int) -> str:
    """A valid regime: agencies with powers split over bodies and posts, records, duties,
    faults, circumstances, measures, a ladder and an assessment."""
    out = ["# A generated province-sized regime for benchmarks.",
           "制度 某省行政执法责任制规定 {", "  层级 省", '  制定机关 "某省人民政府"',
           "  施行 2020-01-01", "  日历 cn", "}", ""]
    out += ["记录 投诉举报 〔第二十一条〕 {", "  主键 投诉编号", "  字段 机关 机关",
            "  字段 承办人 人员", "  字段 重大 是否", "  事件 收到, 受理, 答复, 办结", "}", ""]
    for n in range(agencies):
        name = f"执法机关{n:05d}"
        out.append(f"机关 {name} 〔第五条〕 {{")
        out.append("  性质 法定 〔第五条〕")
        powers = [f"职权{n:05d}_{k:02d}" for k in range(10)]
        for k, power in enumerate(powers):
            out.append(f"  职权 {POWER_TYPES[k % len(POWER_TYPES)]} {power} 〔第九条〕 {{")
            out.append(f'    依据 "《某省某条例》第{k + 1}条"')
            out.append("  }")
        for b in range(2):
            held = powers[b * 5:(b + 1) * 5]
            out.append(f"  机构 执法{b + 1}科 {{")
            out.append("    承担 " + ", ".join(held))
            out.append(f"    岗位 承办岗{b + 1} {{")
            out.append("      角色 承办")
            out.append("      承担 " + ", ".join(held))
            out.append("      资格 执法证")
            out.append("      培训 72 学时 每年")
            out.append("    }")
            out.append(f"    岗位 审核岗{b + 1} {{ 角色 审核; 承担 {held[0]} }}")
            out.append("  }")
        out.append("  岗位 局长 { 角色 第一责任人, 批准 }")
        out.append("  岗位 副局长 { 角色 分管 }")
        out.append("}")
        out.append("")
        out.append(f"职责 答复投诉{n:05d} 〔第二十一条〕 {{")
        out.append("  起算 投诉举报.收到 限于 重大 = 是")
        out.append("  期限 5 工作日")
        out.append("  完成 投诉举报.答复 或 投诉举报.办结")
        out.append("  延长 10 工作日 经 主管机关")
        out.append(f"  负责 {name}")
        out.append("  违反 拖延履行法定职责")
        out.append("}")
        out.append(f"过错 过错{n:05d} 〔第三十七条第（{n % 14 + 1}）项〕 {{ 对象 人员 }}")
        out.append("")
    out += ["过错 拖延履行法定职责 〔第三十八条第（一）项〕 { 对象 人员 }",
            "情形 情节轻微 〔第四十条〕", "情形 情节严重 〔第四十条〕",
            "情形 一年内三次 〔第四十二条〕 { 计数 投诉举报.办结 近 1 年 >= 3 次 }",
            "措施 批评教育 〔第三十八条〕 { 轻重 1 }", "措施 通报批评 〔第三十八条〕 { 轻重 2 }",
            "措施 调离岗位 〔第三十八条〕 { 轻重 5 }",
            "阶梯 人员责任 〔第三十八条〕 {", "  对象 人员",
            "  第1级 情节轻微 => 批评教育 或 通报批评", "  第2级 情节严重 => 调离岗位",
            "  从重 一年内三次 => 加重一级 〔第四十二条〕", "}",
            "考核 年度考核 〔第三十二条〕 {", "  方案 百分制", "  周期 每年",
            "  项目 履职 100 分 〔第三十三条〕 { 每 投诉举报.收到 扣 1 分 }",
            "  等级 优秀 90 以上", "  等级 合格 60 以上 且 不满 90", "  等级 不合格 不满 60", "}"]
    return "\n".join(out) + "\n"


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from respons.check.resolve import Resolver
    from respons.check.runner import check_resolved
    from respons.check.workspace import Workspace
    from respons.diagnostics.diagnostic import Sink
    from respons.registry import Registry, plugin_manager
    from respons.syntax.parser import model_parser, parse_text, tree_parser

    text = generate(args.agencies)
    lines = text.count("\n")
    registry = Registry(plugin_manager())
    tree_parser(), model_parser()  # build both parsers before timing

    def bare():
        tree_parser().parse(text)

    def check():
        parsed = parse_text(text, "province.resp")
        sink = Sink()
        resolved = Resolver(Workspace(), sink).resolve(parsed)
        check_resolved(resolved, registry, sink)
        assert not sink.has_errors, sink.items[:3]

    baseline = best_of(args.runs, bare)
    ours = best_of(args.runs, check)
    print(f"regime: {args.agencies} agencies, {lines} lines, {len(text.encode()):,} bytes")
    print(f"bare Lark LALR parse (baseline): {baseline:.2f} s  ({lines / baseline:,.0f} lines/s)")
    print(f"respons check (parse+model+rules): {ours:.2f} s  ({lines / ours:,.0f} lines/s)")
    print(f"ratio check / bare parse: {ours / baseline:.2f}")

    small = generate(18)  # about 1,000 lines
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "small.resp"
        path.write_text(small, "utf-8")
        walls = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "respons", "check", str(path)], check=True,
                           stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
    print(f"`respons check` of a {small.count(chr(10))}-line regime, process start included: "
          f"median {statistics.median(walls):.2f} s over 5 runs")


if __name__ == "__main__":
    main()

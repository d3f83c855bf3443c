"""Benchmark: hostile inputs cost time in proportion to their size.

For each shape that once took time quadratic in its size, times the command at n and 2n
(in-process, best of three) and prints the ratio: about 2 is linear, about 4 quadratic.

- ``names``: n duties each naming an unknown fault among n declared faults (suggestions);
- ``line``: one ladder step naming n unknown circumstances on one line (carets);
- ``nested``: a condition nested n deep, alternating 且 and 或 (flattening);
- ``tables``: a respons.toml with n unknown ``[plugins.X]`` tables (placing each).

    python3 bench/scaling.py            # n = 5,000
    python3 bench/scaling.py --n 20000  # the sizes of the original report

The inputs are generated deterministically, so runs are comparable.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import tempfile
import time
from pathlib import Path

HEADER = ("制度 规定 {\n  层级 市\n  施行 2024-01-01\n}\n"
          "记录 案件 {\n  主键 编号\n  事件 受理, 办结\n}\n")
LADDER = "情形 X 〔第一条〕\n阶梯 责任 〔第二条〕 {{\n  第1级 {} => 通报批评\n}}\n"


def names(n: int) -> str:
    return HEADER + "".join(
        f"过错 过错{i:05d} 〔第二条〕 {{ 对象 人员 }}\n"
        f"职责 办理{i} 〔第一条〕 {{\n  起算 案件.受理\n  期限 5 工作日\n  完成 案件.办结\n"
        f"  违反 过失{i:05d}\n}}\n" for i in range(n))


def line(n: int) -> str:
    condition = " 或 ".join(f"A{i}" for i in range(n))
    return HEADER + LADDER.format(condition)


def nested(n: int) -> str:
    condition = "X"
    for i in range(n):
        condition = f"A{i} {'且' if i % 2 else '或'} （{condition}）"
    return HEADER + LADDER.format(condition)


def tables(n: int) -> str:
    return "".join(f"[plugins.unknown{i}]\nkey = 1\n" for i in range(n))


def run(folder: Path, args: list[str]) -> float:
    from respons.cli import main

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
            main(args, standalone_mode=True)
        best = min(best, time.perf_counter() - started)
    return best


def measure(shape: str, n: int, folder: Path) -> float:
    if shape == "tables":
        (folder / "respons.toml").write_text(tables(n), "utf-8")
        return run(folder, ["--config", str(folder / "respons.toml"), "plugins"])
    path = folder / f"{shape}{n}.resp"
    path.write_text(globals()[shape](n), "utf-8")
    return run(folder, ["check", str(path)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.chdir(folder)
        for shape in ("names", "line", "nested", "tables"):
            small, large = measure(shape, n, folder), measure(shape, 2 * n, folder)
            print(f"{shape:<7} n={n:>6}: {small:7.2f} s   2n: {large:7.2f} s   "
                  f"ratio {large / small:4.2f}")


if __name__ == "__main__":
    main()

"""Limits: hostile or absurd regime input ends in a diagnostic, promptly, never in a
traceback, a hang or unbounded memory; and checking costs time in proportion to the
input (counted in operations, not timed).

The limits are documented in docs/language.md ("Limits").
"""

from __future__ import annotations

import difflib
import json
import os
import resource
import subprocess
import sys

import pytest

from respons.diagnostics import render
from respons.diagnostics.diagnostic import Diagnostic
from respons.model.base import Span

HEADER = "制度 规定 {\n  层级 市\n  施行 2024-01-01\n}\n"
RECORD = "记录 案件 {\n  主键 编号\n  事件 受理, 办结\n}\n"


def duty(period: str = "5", name: str = "办理", starts: str = "案件.受理") -> str:
    return (f"职责 {name} 〔第一条〕 {{\n  起算 {starts}\n  期限 {period} 工作日\n"
            "  完成 案件.办结\n}\n")


def codes(respons, *paths) -> tuple[int, list]:
    result = respons("check", "--format", "json", *map(str, paths))
    document = json.loads(result.stdout)
    return result.exit_code, [(d["code"], d["line"]) for d in document["diagnostics"]]


# ── numbers ──────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("number", ["9" * 5000, "1" + "0" * 15, "-" + "9" * 16,
                                    "1." + "5" * 16, "9" * 4301 + ".5"])
def test_a_number_of_too_many_digits_is_refused(respons, tmp_path, number):
    path = tmp_path / "big.resp"
    path.write_text(HEADER + RECORD + duty(number), "utf-8")
    exit_code, found = codes(respons, path)
    assert exit_code == 1
    assert ("R0114", 11) in found


def test_fifteen_digits_are_a_number(respons, tmp_path):
    path = tmp_path / "fine.resp"
    path.write_text(HEADER + RECORD + duty("9" * 15), "utf-8")
    assert not [c for c, _ in codes(respons, path)[1] if c == "R0114"]


def test_a_task_number_of_thousands_of_digits_is_a_bad_citation(respons, tmp_path):
    path = tmp_path / "task.resp"
    path.write_text(HEADER + RECORD + duty().replace("〔第一条〕", "〔任务" + "7" * 5000 + "〕"),
                    "utf-8")
    exit_code, found = codes(respons, path)
    assert exit_code == 1 and ("R0106", 9) in found


# ── layers ───────────────────────────────────────────────────────────────────────────────
def _chain(folder, length: int):
    for n in range(length):
        parent = f"  上位 r{n + 1}\n" if n + 1 < length else ""
        (folder / f"r{n}.resp").write_text(
            f"制度 r{n} {{\n  层级 市\n  施行 2024-01-01\n{parent}}}\n", "utf-8")
    return folder / "r0.resp"


def test_a_chain_of_400_extends_is_refused_not_a_recursion_error(respons, tmp_path):
    exit_code, found = codes(respons, _chain(tmp_path, 400))
    assert exit_code == 1
    assert [c for c, _ in found] == ["R0807"]


def test_a_chain_of_64_extends_is_read(respons, tmp_path):
    exit_code, found = codes(respons, _chain(tmp_path, 65))  # r0 builds on 64 regimes
    assert (exit_code, found) == (0, [])


# ── files that are no regime files ───────────────────────────────────────────────────────
def _run_limited(*args: str, cwd, timeout: float = 60) -> subprocess.CompletedProcess:
    """respons in a child process with 1 GiB of address space: what reads forever fails
    (MemoryError) instead of taking the machine, and what blocks is stopped."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "respons", *args], cwd=cwd, timeout=timeout,
                          capture_output=True, text=True, preexec_fn=limit)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_given_as_a_regime_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.resp")
    result = _run_limited("check", "pipe.resp", cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    assert "pipe.resp:1:1: error R0001: cannot read pipe.resp: it is not a regular file" \
        in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_given_as_a_regime_is_refused_without_reading_it(tmp_path):
    result = _run_limited("check", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 2
    assert "error R0001: cannot read /dev/zero: it is not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_reached_through_extends_is_refused(respons, tmp_path):
    os.mkfifo(tmp_path / "parent.resp")
    (tmp_path / "child.resp").write_text(HEADER.replace("}", "  上位 parent\n}"), "utf-8")
    result = _run_limited("check", "child.resp", cwd=tmp_path, timeout=30)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error R0001: cannot read parent.resp: it is not a regular file (a FIFO)" \
        in result.stdout


def test_a_regime_file_above_the_size_limit_is_refused(respons, tmp_path, monkeypatch):
    from respons import files

    monkeypatch.setattr(files, "MAX_REGIME_BYTES", 200)
    path = tmp_path / "large.resp"
    path.write_text(HEADER + RECORD + duty() * 3, "utf-8")
    result = respons("check", str(path))
    assert result.exit_code == 2
    assert "error R0001: cannot read" in result.stdout and "larger than" in result.stdout


def test_the_size_limit_is_64_mib():
    from respons import files

    assert files.MAX_REGIME_BYTES == 64 * 1024 * 1024


# ── folders that cannot be read ──────────────────────────────────────────────────────────
def _tree(tmp_path):
    (tmp_path / "regimes" / "locked").mkdir(parents=True)
    (tmp_path / "regimes" / "ok.resp").write_text(HEADER, "utf-8")
    (tmp_path / "regimes" / "locked" / "hidden.resp").write_text(HEADER, "utf-8")
    return tmp_path / "regimes"


def test_a_subfolder_that_cannot_be_read_is_named_in_a_warning(respons, tmp_path,
                                                               monkeypatch):
    folder = _tree(tmp_path)
    locked = folder / "locked"
    scandir = os.scandir

    def refuse(path="."):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = respons("check", str(folder))
    assert result.exit_code == 0  # a warning: what could be read is valid
    assert f"{locked}:1:1: warning R0003: cannot read folder {locked}: Permission denied" \
        in result.stdout
    assert "0 errors, 1 warning" in result.stdout


def test_fmt_names_a_subfolder_it_cannot_read_and_formats_the_rest(respons, tmp_path,
                                                                   monkeypatch):
    folder = _tree(tmp_path)
    locked = folder / "locked"
    scandir = os.scandir

    def refuse(path="."):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = respons("fmt", "--check", str(folder))
    assert result.exit_code == 0
    assert f"warning R0003: cannot read folder {locked}" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="runs as root, whom chmod 000 does not stop (the monkeypatched "
                           "test above covers it)")
def test_a_subfolder_without_permission_is_named_in_a_warning(respons, tmp_path):
    folder = _tree(tmp_path)
    (folder / "locked").chmod(0)
    try:
        result = respons("check", str(folder))
    finally:
        (folder / "locked").chmod(0o755)
    assert "warning R0003: cannot read folder" in result.stdout


# ── regimes reached through symbolic links ───────────────────────────────────────────────
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_regime_reached_through_a_link_is_named_by_the_file_read(respons, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "child").mkdir()
    parent = tmp_path / "real" / "province.resp"
    parent.write_text("# the province\n" + HEADER + RECORD + duty(starts="未知.受理"), "utf-8")
    (tmp_path / "child" / "x.resp").symlink_to(parent)
    (tmp_path / "child" / "county.resp").write_text(
        HEADER.replace("}", '  上位 "x.resp"\n}'), "utf-8")
    for given in (["child/county.resp"], ["child/county.resp", "real/province.resp"],
                  ["real/province.resp", "child/x.resp"]):
        result = respons("check", *given, cwd=tmp_path)
        lines = result.stdout.splitlines()
        assert lines[0].startswith("real/province.resp:11:6: error R0201: 起算/starts names "
                                   "'未知.受理', which is not declared"), given
        # The line under the name is that file's line 11.
        assert lines[1] == "  11 |   起算 未知.受理"
        assert "x.resp" not in result.stdout


# ── checking costs time in proportion to the input ───────────────────────────────────────
def _comparisons(respons, tmp_path, monkeypatch, n: int) -> int:
    """Names compared for suggestions while checking n misspelt names among n names."""
    calls = []
    original = difflib.SequenceMatcher.set_seq1

    def counted(self, a):
        calls.append(1)
        return original(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counted)
    text = HEADER + RECORD + "".join(
        f"过错 过错{i:05d} 〔第二条〕 {{ 对象 人员 }}\n"
        + duty(name=f"办理{i}").replace("}\n", f"  违反 过失{i:05d}\n}}\n")
        for i in range(n))
    path = tmp_path / f"names{n}.resp"
    path.write_text(text, "utf-8")
    assert codes(respons, path)[0] == 1
    monkeypatch.undo()
    return len(calls)


def test_suggestions_for_many_unknown_names_cost_a_bounded_amount(respons, tmp_path,
                                                                  monkeypatch):
    small = _comparisons(respons, tmp_path, monkeypatch, 300)
    large = _comparisons(respons, tmp_path, monkeypatch, 600)
    # Comparing every unknown name with every name is 4× the work for 2× the names.
    assert large <= 2.5 * small, (small, large)


def test_the_first_unknown_names_keep_their_suggestions(respons, tmp_path):
    text = HEADER + RECORD + "过错 拖延履行 〔第二条〕 { 对象 人员 }\n" + \
        duty().replace("}\n", "  违反 拖延履形\n}\n")
    path = tmp_path / "one.resp"
    path.write_text(text, "utf-8")
    assert "(did you mean '拖延履行'?)" in respons("check", str(path)).stdout


def test_showing_diagnostics_on_one_long_line_is_bounded():
    line = "  第1级 " + " 或 ".join(f"A{i}" for i in range(4000)) + " => 通报批评"
    diagnostics = [Diagnostic("R0201", "error", f"A{i} is not declared",
                              Span("f.resp", 1, line.index(f" A{i} ") + 2, 1,
                                   line.index(f" A{i} ") + 3 + len(str(i))))
                   for i in range(0, 4000, 4)]
    text = render.render_text(diagnostics, lambda _: [line], summary=False)
    # A window of the line each, not the whole 30,000-character line (and its caret line).
    assert len(text) < len(diagnostics) * 1000
    def under_caret(shown: str, caret: str) -> str:
        """The text of ``shown`` from the caret on (CJK characters take two columns)."""
        column = caret.index("^")
        return next(shown[n:] for n in range(len(shown))
                    if render._width(shown[:n]) == column)

    first, caret = text.splitlines()[1:3]
    assert first.endswith("…") and under_caret(first, caret).startswith("A0 或")
    middle = text.splitlines()[3 * 500:3 * 500 + 3]
    assert middle[1].startswith("   1 | …") and middle[1].endswith("…")
    assert under_caret(middle[1], middle[2]).startswith("A2000 或")


def test_a_condition_nested_thousands_deep_is_walked_once(respons, tmp_path, monkeypatch):
    from respons.syntax.build import expr

    def walked(n: int) -> int:
        visits = []
        original = expr.refs_in

        def counting(condition):
            for ref in original(condition):
                visits.append(1)
                yield ref

        monkeypatch.setattr(expr, "refs_in", counting)
        condition = "X"
        for i in range(n):
            condition = f"A{i} {'且' if i % 2 else '或'} （{condition}）"
        path = tmp_path / f"nested{n}.resp"
        path.write_text(HEADER + f"情形 X 〔第一条〕\n阶梯 责任 〔第二条〕 {{\n  第1级 {condition} "
                        "=> 通报批评 〔第二条〕\n}\n", "utf-8")
        exit_code, found = codes(respons, path)
        assert exit_code == 1 and ("R0113", 7) in found
        monkeypatch.undo()
        return len(visits)

    assert walked(800) <= 2.5 * walked(400)

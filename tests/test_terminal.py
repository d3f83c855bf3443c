"""What respons prints to a terminal: control sequences from a regime or a record are made
visible, never sent raw (`respons show`, the evaluate/run report, ingest's diagnostics, check's
carets); JSON is left to json.dumps; output that cannot be written is one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from respons.terminal import clean, one_line

OSC = "\x1b]0;owned\x07"       # sets the terminal's title
CSI = "\x1b[2J"                # clears the screen
C1_CSI = "\x9b31m"             # CSI in its one-character C1 form


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


def test_clean_makes_every_control_character_visible():
    assert clean(f"a{OSC}b") == "a\\x1b]0;owned\\x07b"
    assert clean(f"{CSI}x\r\n\ty\x7f{C1_CSI}\u202e") == "\\x1b[2Jx\\x0d\n\ty\\x7f\\x9b31m\\u202e"
    assert clean("收到 K-Café 2024") == "收到 K-Café 2024"
    assert one_line("a\nb\tc") == "a\\x0ab\\x09c"
    every = "".join(chr(c) for c in range(0x100)) + "\u202a\u202e\u2066\u2069"
    assert _raw_controls(clean(every)) == []


REGIME = """制度 某市投诉处理规定{title} {{
  层级 市
  制定机关 "某市人民政府{issuer}"
  施行 2024-01-01
  日历 cn
}}

机关 市场监管局 〔第二条〕 {{
  性质 法定
  职权 处罚 行政处罚
  岗位 承办人员 {{
    承担 行政处罚
  }}
}}

记录 投诉 〔第三条〕 {{
  主键 投诉编号
  字段 机关 机关
  字段 承办人 人员 可选
  字段 类别 之一 "投诉", "举报{choice}" 可选
  事件 收到, 办结
}}

职责 办结投诉 〔第四条〕 {{
  起算 投诉.收到
  期限 15 工作日
  完成 投诉.办结
  负责 承办人
}}
"""


def _regime(tmp_path: Path, issuer: str = "", choice: str = "") -> Path:
    path = tmp_path / "r.resp"
    path.write_text(REGIME.format(title="", issuer=issuer, choice=choice), "utf-8")
    return path


def test_show_prints_regime_strings_with_controls_visible(respons, tmp_path):
    path = _regime(tmp_path, issuer=OSC, choice=C1_CSI)
    result = respons("show", str(path))
    assert result.exit_code == 0, result.stderr
    assert _raw_controls(result.stdout) == []
    assert "制定机关 某市人民政府\\x1b]0;owned\\x07" in result.stdout
    assert "\\x9b31m" in result.stdout
    document = json.loads(respons("show", str(path), "--format", "json").stdout)
    assert document["regime"]["issuer"] == f"某市人民政府{OSC}", "JSON keeps the value"


def test_the_run_report_prints_record_keys_with_controls_visible(respons, tmp_path):
    path = _regime(tmp_path)
    records = tmp_path / "in.jsonl"
    key = f"K{OSC}1\n  overdue  forged line"
    rows = [{"id": f"r1{CSI}", "type": "投诉.收到", "at": "2025-01-02", "投诉编号": key,
             "机关": "市场监管局", "承办人": f"王五{C1_CSI}"}]
    records.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    result = respons("run", str(path), str(records), f"--store=sqlite:///{tmp_path / 's.db'}",
                     "--as-of", "2025-03-25")
    assert result.exit_code == 0, result.stderr
    assert _raw_controls(result.stdout) == []
    assert "K\\x1b]0;owned\\x071\\x0a  overdue  forged line" in result.stdout
    assert "起算 r1\\x1b[2J" in result.stdout and "负责 王五\\x9b31m" in result.stdout
    assert not any(line.startswith("  overdue  forged") for line in result.stdout.splitlines())


def test_ingest_diagnostics_show_the_line_with_controls_visible(respons, tmp_path):
    path = _regime(tmp_path)
    records = tmp_path / "in.jsonl"
    # A raw ESC outside a string is invalid JSON; a raw C1 character inside one is valid
    # JSON, and the type it names is unknown: both lines are shown under a caret.
    records.write_text('{"id": "a"' + OSC + '}\n'
                       '{"id": "b", "type": "投诉.' + C1_CSI + '", "at": "2025-01-02"}\n',
                       "utf-8")
    result = respons("ingest", str(path), str(records), f"--store=sqlite:///{tmp_path / 's.db'}")
    assert result.exit_code == 1
    assert _raw_controls(result.stderr) == []
    assert '   1 | {"id": "a"\\x1b]0;owned\\x07}' in result.stderr
    assert "\\x9b31m" in result.stderr


def test_check_carets_show_the_line_with_controls_visible(respons, tmp_path):
    path = tmp_path / "bad.resp"
    path.write_text("制度 坏 {\n  层级 市\n  施行 2024-01-01\n}\n\n"
                    f"机关 甲 {{ 职权 处罚 罚款 }}  # {OSC}\n", "utf-8")
    result = respons("check", str(path))
    assert result.exit_code == 1
    assert _raw_controls(result.stdout) == []
    line = next(x for x in result.stdout.splitlines() if x.startswith("   6 | "))
    caret = result.stdout.splitlines()[result.stdout.splitlines().index(line) + 1]
    assert line.endswith("# \\x1b]0;owned\\x07")
    before = line[:line.index("职权")]
    assert caret.index("^") == sum(2 if unicodedata.east_asian_width(c) == "W" else 1
                                   for c in before)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["show", "ingest", "check"])
def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(tmp_path, command):
    regime = _regime(tmp_path)
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "r1", "type": "投诉.收到", "at": "2025-01-02",
                                   "投诉编号": "K1", "机关": "市场监管局"}) + "\n", "utf-8")
    args = {"show": ["show", str(regime)], "check": ["check", str(regime)],
            "ingest": ["ingest", str(regime), str(records),
                       f"--store=sqlite:///{tmp_path / 's.db'}"]}[command]
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "respons", *args], stdout=full,
                              stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "error: cannot write the output: No space left on device\n"

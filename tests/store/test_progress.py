"""The progress bar: drawn for a large file when standard error is a terminal, never else."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from respons.testing import conformance_regime, generate, regime_path, write_jsonl


def _run(tmp_path, terminal: bool, *extra: str) -> str:
    command = [sys.executable, "-m", "respons", "ingest", str(regime_path()),
               str(tmp_path / "big.jsonl"), f"--store=sqlite:///{tmp_path / 'store.db'}",
               *extra]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr
    main, other = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=other, cwd=tmp_path)
    os.close(other)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not data:
            break
        chunks.append(data)
    assert process.wait(timeout=120) == 0
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_only_on_a_terminal(tmp_path):
    write_jsonl(tmp_path / "big.jsonl", generate(conformance_regime(), 8000))
    assert (tmp_path / "big.jsonl").stat().st_size > 1 << 20
    shown = _run(tmp_path, terminal=True)
    assert "100%" in shown and "big.jsonl" in shown
    (tmp_path / "store.db").unlink()
    assert "%" not in _run(tmp_path, terminal=False)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"store.db{suffix}").unlink(missing_ok=True)
    assert "%" not in _run(tmp_path, True, "--quiet")

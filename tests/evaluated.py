"""`respons evaluate` of a small regime written by a test, over its records: the JSON and
the text report, as of one date, the store's URL masked so that outputs from two backends
compare byte for byte."""

from __future__ import annotations


def evaluate_both(respons, tmp_path, store: str, name: str, regime: str, records: str,
                  as_of: str = "2026-03-31") -> tuple[str, str]:
    """Write ``regime`` (as ``name``.resp: a file of scenarios finds a regime by its id) and
    ``records`` (JSON Lines) into ``tmp_path``, ingest them into ``store`` and evaluate every
    obligation as of ``as_of``: (the JSON, the text)."""
    path = tmp_path / f"{name}.resp"
    path.write_text(regime, encoding="utf-8")
    lines = tmp_path / "records.jsonl"
    lines.write_text(records, encoding="utf-8")
    assert respons("ingest", str(path), str(lines), "--store", store).exit_code == 0
    outputs = []
    for output in ("json", "text"):
        result = respons("evaluate", str(path), "--as-of", as_of, "--format", output, "--all",
                         "--store", store)
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout.replace(store, "<store>"))
    return outputs[0], outputs[1]

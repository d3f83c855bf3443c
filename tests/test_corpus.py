"""The corpus: every regime in jurisdictions/ checks clean, is canonical, and shows; and
every code of the catalogue is produced by some file of the corpus.

EXPECTED lists the diagnostics a file is known to have (by code); a file not listed must
have none. A new warning in a jurisdiction fails here until it is fixed or accepted.

The corpus is jurisdictions/ and examples/, and the test inputs of tests/golden/: regime
files (invalid/, one case each with its expected output; unreadable/, no-regimes/, deep/),
respons.toml files (config/) and records (records/, with tests/records/golden/). A code
no file produces is a code no test shows a user: it gets a golden case, or — where it can
no longer occur — is retired.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from paths import GOLDEN, JURISDICTIONS, ROOT
from respons.check.runner import check_paths
from respons.config import load_settings
from respons.diagnostics.codes import CODES
from respons.registry import Registry, plugin_manager
from respons.testing import regime_path

EXPECTED: dict[str, dict[str, int]] = {
    # Neither text gives a date it takes effect; none is invented (R0111 is a warning).
    "district-opinion.resp": {"R0111": 1},
    "dacheng-approval.resp": {"R0111": 1},
    # 篇三's table leaves 施行日期, 公布日期 and 文号 blank; 第十八条: 自发布之日起实施.
    "guizhou-edu.resp": {"R0111": 1},
}
FILES = sorted(JURISDICTIONS.glob("*.resp"))


@pytest.fixture(scope="module")
def report():
    return check_paths([JURISDICTIONS], Registry(plugin_manager()))


def test_the_seed_regimes_are_there():
    assert {"jilin-city", "heilongjiang", "samr"} <= {p.stem for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_regime_has_exactly_its_expected_diagnostics(report, path):
    found = Counter(d.code for d in report.diagnostics if d.span and d.span.file == str(path))
    assert dict(found) == EXPECTED.get(path.name, {})


def test_check_of_the_folder_exits_zero(respons):
    assert respons("check", str(JURISDICTIONS)).exit_code == 0
    assert respons("fmt", "--check", str(JURISDICTIONS)).exit_code == 0


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_regime_cites_its_law_throughout(report, path):
    resolved = next(r for r in report.resolved if r.parsed.path == str(path))
    regime = resolved.regime
    for duty in regime.duties:
        assert duty.citation is not None, duty.name
    for fault in regime.faults:
        assert fault.citation is not None, fault.name


def test_the_examples_check_clean_and_are_canonical(respons):
    from paths import ROOT

    examples = ROOT / "examples"
    result = respons("check", str(examples))
    assert result.exit_code == 0 and result.stdout.endswith("0 errors, 0 warnings\n")
    assert respons("fmt", "--check", str(examples)).exit_code == 0


def test_no_severity_is_invented_to_silence_a_warning(report):
    """hangzhou 44's 依法追偿 is weighed against no other measure: it has no 轻重, keeps its
    citation, and its one-step ladder has nothing to order (no R0603; issue 9)."""
    hangzhou = next(r for r in report.resolved if r.parsed.path.endswith("hangzhou.resp"))
    measure = next(m for m in hangzhou.regime.measures if m.name == "依法追偿")
    assert measure.severity is None and measure.citation.article == 44
    [ladder] = [ladder for ladder in hangzhou.regime.ladders if ladder.name == "赔偿追偿"]
    assert [ref.text for step in ladder.steps for option in step.options for ref in option] \
        == ["依法追偿"]



# ── every code is produced by some file of the corpus (issue 9, point 3) ──────────────────
#: Codes that no file can produce, each with why and the test that does produce it.
NOT_FROM_A_FILE = {
    # Git keeps no permissions but the executable bit, and root reads every folder.
    "R0003": "tests/language/test_limits.py::test_a_subfolder_that_cannot_be_read_is_named_in_"
             "a_warning",
}
#: Folders of regime files, each checked as `respons check FOLDER` would.
REGIME_FOLDERS = [JURISDICTIONS, ROOT / "examples", GOLDEN / "invalid", GOLDEN / "unreadable",
                  GOLDEN / "no-regimes", GOLDEN / "deep"]
#: Records files, each ingested against the regime of the store conformance suite.
RECORDS = sorted([*(GOLDEN / "records").glob("*.jsonl"),
                  *(ROOT / "tests" / "records" / "golden").glob("*.jsonl")])


def _codes_in(document) -> set[str]:
    """Every diagnostic code anywhere in a JSON document."""
    if isinstance(document, dict):
        found = {document["code"]} if isinstance(document.get("code"), str) else set()
        return found.union(*(_codes_in(value) for value in document.values()))
    if isinstance(document, list):
        return set().union(*(_codes_in(value) for value in document))
    return set()


@pytest.fixture(scope="module")
def produced() -> dict[str, str]:
    """Each code the corpus produces → the first input that produces it."""
    registry = Registry(plugin_manager())
    found: dict[str, str] = {}
    for folder in REGIME_FOLDERS:
        for diagnostic in check_paths([folder], registry).diagnostics:
            found.setdefault(diagnostic.code, diagnostic.span.file if diagnostic.span else "")
    for path in sorted((GOLDEN / "config").glob("*.toml")):
        for diagnostic in load_settings(path)[1]:
            found.setdefault(diagnostic.code, str(path))
    return found


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> dict[str, str]:
    from click.testing import CliRunner

    from respons.cli import main

    found: dict[str, str] = {}
    for path in RECORDS:
        store = tmp_path_factory.mktemp("store") / "store.db"
        result = CliRunner().invoke(main, ["ingest", str(regime_path()), str(path),
                                           f"--store=sqlite:///{store}", "--format", "json"])
        for code in sorted(_codes_in(json.loads(result.stdout))):
            found.setdefault(code, str(path))
    return found


def test_every_code_of_the_catalogue_is_produced_by_a_file_of_the_corpus(produced, ingested):
    made = set(produced) | set(ingested)
    missing = set(CODES) - made - set(NOT_FROM_A_FILE)
    assert not missing, f"codes no file of the corpus produces: {sorted(missing)}"
    # The exceptions stay exceptions: one a file can produce belongs in the corpus.
    assert not made & set(NOT_FROM_A_FILE)
    assert set(NOT_FROM_A_FILE) <= set(CODES)


def test_the_corpus_produces_only_codes_of_the_catalogue(produced, ingested):
    assert set(produced) | set(ingested) <= set(CODES)

"""The corpus: every regime in jurisdictions/ checks clean, is canonical, and shows.

EXPECTED lists the diagnostics a file is known to have (by code); a file not listed must
have none. A new warning in a jurisdiction fails here until it is fixed or accepted.
"""

from __future__ import annotations

from collections import Counter

import pytest

from paths import JURISDICTIONS
from respons.check.runner import check_paths
from respons.registry import Registry, plugin_manager

EXPECTED: dict[str, dict[str, int]] = {
    # Neither text gives a date it takes effect; none is invented (R0111 is a warning).
    "district-opinion.resp": {"R0111": 1},
    "dacheng-approval.resp": {"R0111": 1},
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

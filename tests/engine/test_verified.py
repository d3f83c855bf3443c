"""The chain verified beside the computation (`respons.engine.verified`), on SQLite and
PostgreSQL: verification runs on a connection of its own in a thread of its own while the
engine computes; the run waits for it and is neither kept nor reported when the chain
does not verify; verify's finding comes before an evaluation's error; a backend without a
second connection takes turns; the head evaluated must lie on the verified chain.
"""

from __future__ import annotations

import threading

import pytest
from test_runs import RECORDS, REGIME, _sql

from respons.calendar import load_calendar
from respons.check.runner import check_paths
from respons.engine.evaluate import evaluate
from respons.engine.verified import verified_evaluation
from respons.registry import Registry, plugin_manager
from respons.store import Head, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request, respons):
    url = request.getfixturevalue(f"{request.param}_url")
    assert respons("ingest", str(REGIME), str(RECORDS), "--store", url, "--quiet").exit_code == 0
    return url


@pytest.fixture(scope="module")
def registry():
    return Registry(plugin_manager())


def _open(url, registry):
    return open_store(url, registry, {})


def _runs(store) -> int:
    return store._execute("SELECT COUNT(*) FROM runs").fetchone()[0]


def _engine(store, registry, as_of="2025-12-31", calls=None):
    resolved = check_paths([REGIME], registry).resolved[0]
    calendar = load_calendar("cn", {}, registry)

    def over(head, gate):
        if calls is not None:
            calls.append(("evaluate", threading.current_thread().name))
        return evaluate(store, resolved, lambda name: calendar, as_of, head, gate)
    return over


def test_verify_runs_in_a_thread_of_its_own_and_the_run_waits(filled, registry, monkeypatch):
    import respons.engine.verified as verified

    calls = []
    real = verified.verify

    def recording(ledger, expect_head=None):
        calls.append(("verify", threading.current_thread().name))
        return real(ledger, expect_head)

    monkeypatch.setattr(verified, "verify", recording)
    with _open(filled, registry) as store:
        checked, evaluation = verified_evaluation(store, _engine(store, registry, calls=calls))
        assert checked.intact and evaluation.computed
        assert evaluation.run.head == store.ledger.head()
        assert _runs(store) == 1
    names = dict(calls)
    assert names["verify"] == "respons-verify" and names["evaluate"] != "respons-verify"


def test_a_chain_that_does_not_verify_leaves_no_run(filled, registry):
    _sql(filled, "UPDATE records SET at_date = '2025-02-01' WHERE seq = 200")
    with _open(filled, registry) as store:
        checked, evaluation = verified_evaluation(store, _engine(store, registry))
        assert evaluation is None
        assert (checked.broken.kind, checked.broken.seq) == ("altered", 200)
        assert _runs(store) == 0  # computed, then refused before it was published


def test_without_a_second_connection_the_two_take_turns(filled, registry, monkeypatch):
    with _open(filled, registry) as store:
        monkeypatch.setattr(store, "reader", lambda: None)
        calls = []
        checked, evaluation = verified_evaluation(store, _engine(store, registry, calls=calls))
        assert checked.intact and evaluation is not None
        assert calls == [("evaluate", threading.current_thread().name)]
    _sql(filled, "DELETE FROM records WHERE seq = 100")
    with _open(filled, registry) as store:
        monkeypatch.setattr(store, "reader", lambda: None)
        checked, evaluation = verified_evaluation(store, _engine(store, registry, "2025-11-30"))
        assert evaluation is None and checked.broken.kind == "removed"
        assert _runs(store) == 1


def test_verify_finding_comes_before_an_evaluation_error(filled, registry):
    def failing(head, gate):
        raise ValueError("the engine failed")

    # The chain is intact: the engine's error stands.
    with _open(filled, registry) as store, pytest.raises(ValueError, match="engine failed"):
        verified_evaluation(store, failing)
    _sql(filled, "DELETE FROM records WHERE seq = 100")
    with _open(filled, registry) as store:
        checked, evaluation = verified_evaluation(store, failing)
        assert evaluation is None and checked.broken.kind == "removed"


def test_the_head_evaluated_must_lie_on_the_verified_chain(filled, registry, monkeypatch):
    with _open(filled, registry) as store:
        real = store.ledger.head()
        # Records ingested after the head was read lie beyond it: still verified.
        earlier = Head(100, store._execute(
            "SELECT chain_hash FROM records WHERE seq = 100").fetchone()[0])
        monkeypatch.setattr(store.ledger, "head", lambda: earlier)
        checked, evaluation = verified_evaluation(store, _engine(store, registry))
        assert checked.intact and checked.head == real
        assert evaluation.run.head == earlier
        # A head that no record of the chain ends at is refused.
        monkeypatch.setattr(store.ledger, "head", lambda: Head(real.seq, "0" * 64))
        checked, evaluation = verified_evaluation(store, _engine(store, registry, "2025-11-30"))
        assert evaluation is None and checked.broken.kind == "anchor"

"""The chain verified and the run computed side by side: no report from a store that does
not verify (VISION), at the cost of the longer of the two rather than their sum.

Verification is Python hashing every record; the engine's work is SQL the store runs,
during which the driver releases the interpreter. So, where the store can open a second
connection (`Store.reader`), the chain is verified on it in a thread of its own while the
engine computes on the first; the run waits for the verdict before it is published or
returned (`evaluate`'s ``gate``), and a chain that does not verify leaves no run and no
report. The evaluation is over the head read before either starts, and verification
proves that head lies on the intact chain (an ingest committing meanwhile adds records
beyond it, which this run does not read). Where no second connection can be had, the two
take turns, as `respons verify` then `respons evaluate` would.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from respons.records.canonical import GENESIS
from respons.store.api import Head, Store
from respons.store.verify import VerifyReport, verify

#: evaluate over ``head``, calling ``gate()`` before the run is kept or returned
Evaluate = Callable[[Head, Callable[[], None]], object]


class _Unverified(Exception):
    """The chain does not verify: the run must not be kept."""


class _Verifier(threading.Thread):
    """`verify` on a store of its own, closed when done; its report (or its error) kept
    for `result`. A daemon: an interrupted command does not wait for it to finish."""

    def __init__(self, reader: Store, head: Head) -> None:
        super().__init__(name="respons-verify", daemon=True)
        self.reader, self.head = reader, head
        self.report: VerifyReport | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            # The head the engine reads must be one the verified chain passes through.
            expect = self.head.hash if self.head.hash != GENESIS else None
            self.report = verify(self.reader.ledger, expect)
        except BaseException as error:  # re-raised in the command's thread by result()
            self.error = error
        finally:
            with contextlib.suppress(Exception):
                self.reader.close()

    def result(self) -> VerifyReport:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report


def verified_evaluation(store: Store, evaluate: Evaluate) -> tuple[VerifyReport, object]:
    """Verify ``store``'s chain and ``evaluate(head, gate)`` over its head: (the verify
    report, the evaluation — None when the chain does not verify). A finding of verify
    comes before any error of the evaluation, as when the two ran in turn."""
    reader = store.reader()
    if reader is None:
        checked = verify(store.ledger)
        return checked, (evaluate(checked.head, _open_gate) if checked.intact else None)
    head = store.ledger.head()
    worker = _Verifier(reader, head)
    worker.start()

    def gate() -> None:
        if not worker.result().intact:
            raise _Unverified

    try:
        evaluation = evaluate(head, gate)
    except _Unverified:
        return worker.result(), None
    except Exception:
        checked = worker.result()
        if not checked.intact:
            return checked, None
        raise
    return worker.result(), evaluation


def _open_gate() -> None:
    """Verified already: nothing to wait for."""

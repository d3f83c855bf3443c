"""The record store: append-only, hash-chained, one logical schema on every backend.

``api`` states what a store is — its ledger and what the engine computes with — and
``schema`` its tables and migrations; ``sql``, ``sql_ledger`` and ``sql_compute`` the
shared implementation over DB-API, ``sqlite`` the built-in backend; ``ingest`` the pipeline
that appends a file, ``verify`` the check of the chain, ``results`` the tables runs keep
their results in. `open_store` finds the backend for a URL among the installed plugins.
"""

from __future__ import annotations

from respons.diagnostics.suggest import did_you_mean
from respons.store.api import (
    Appender,
    BatchInfo,
    Compute,
    DamagedStore,
    Head,
    Ledger,
    SchemaError,
    Store,
    StoredRecord,
    StoreError,
    StoreLocked,
    StoreUnavailable,
)
from respons.store.masking import mask, password_candidates
from respons.store.url import redact, scheme_of

__all__ = ["Appender", "BatchInfo", "Compute", "DamagedStore", "Head", "Ledger", "SchemaError",
           "Store", "StoreError", "StoreLocked", "StoreUnavailable", "StoredRecord",
           "open_store"]

def open_store(url: str, registry, settings: dict | None = None) -> Store:
    """Open the store ``url`` names with the installed backend for its scheme.

    Raises `StoreUnavailable` (a one-line message) for an unknown scheme, two backends
    claiming one scheme, a store that cannot be opened, or one that would not keep its
    records (``transient``, such as ``sqlite:///:memory:``). No message holds any piece of
    the URL's password, whatever the backend or its driver said (`respons.store.masking`).
    """
    try:
        return _open(url, registry, settings)
    except StoreError as error:
        error.args = (mask(str(error), password_candidates(url)),)
        raise


def _open(url: str, registry, settings: dict | None) -> Store:
    scheme = scheme_of(url)
    # The registry has one backend per scheme: two plugins claiming one is refused when it
    # is built, naming both.
    backends = registry.storage_backends()
    backend = backends.get(scheme)
    if backend is None:
        known = sorted(backends)
        raise StoreUnavailable(f"no installed storage backend serves {scheme}:// URLs"
                               + did_you_mean(scheme, known) + "; installed backends serve: "
                               + ", ".join(f"{k}://" for k in known) + " (docs/store.md "
                               "lists the backend plugins and how to install them)")
    try:
        store = backend.open(url, settings or {})
    except StoreError:
        raise
    except Exception as error:  # a backend's own failure, said in one line
        reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise StoreUnavailable(f"cannot open store {redact(url)}: {reason}") from None
    if getattr(store, "transient", None):
        store.close()
        raise StoreUnavailable(f"store URL {redact(url)} names {store.transient}, whose records "
                               "would vanish when respons exits: a store must be a file or a "
                               "database server (sqlite:///respons.db)")
    return store

"""One writer at a time, and a bounded wait for the others: on every backend a writer
gives up after ``lock_timeout`` seconds (``[plugins.<backend>]`` of respons.toml, default
60) with one line and exit 2, and nothing of its file is stored."""

from __future__ import annotations

import time

import pytest

from respons.registry import Registry, plugin_manager
from respons.store import StoreLocked, open_store
from respons.store.sql import LOCK_TIMEOUT
from respons.testing import conformance_regime, generate, regime_path, write_jsonl


def _backend(url: str) -> str:
    return {"sqlite": "sqlite", "duckdb": "duckdb"}.get(url.partition(":")[0], "postgresql")


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    write_jsonl(path, generate(conformance_regime(), 5))
    return path


def test_a_second_writer_gives_up_after_the_lock_timeout(respons, store_url, records,
                                                         tmp_path):
    config = tmp_path / "respons.toml"
    config.write_text(f"[plugins.{_backend(store_url)}]\nlock_timeout = 0.5\n", "utf-8")
    with open_store(store_url, Registry(plugin_manager())) as first:
        first.ledger.init()
        with first.ledger.append():  # holds the write lock, as an ingest in progress does
            started = time.monotonic()
            result = respons("--config", str(config), "ingest", str(regime_path()),
                             str(records), "--store", store_url, "--quiet")
            waited = time.monotonic() - started
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("error: the store ") and \
            "is locked by another writer: gave up after 0.5 s; try again when it is done, " \
            f"or raise lock_timeout in [plugins.{_backend(store_url)}] of respons.toml" in \
            result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert 0.4 <= waited < 10
        assert first.ledger.count() == 0
    # Once the first writer is done, the second gets the lock.
    again = respons("--config", str(config), "ingest", str(regime_path()), str(records),
                    "--store", store_url, "--quiet")
    assert again.exit_code == 0, again.stderr


def test_the_api_raises_store_locked(store_url):
    registry = Registry(plugin_manager())
    with open_store(store_url, registry) as first:
        first.ledger.init()
        second = open_store(store_url, registry, {"lock_timeout": 0.2})
        assert (first.lock_timeout, second.lock_timeout) == (LOCK_TIMEOUT, 0.2)
        with first.ledger.append(), pytest.raises(StoreLocked, match=r"gave up after 0\.2 s"):
            second.ledger.append()
        with second.ledger.append() as appender:  # free again
            assert appender.head.seq == 0
        second.close()


@pytest.mark.parametrize("value", ["0", "-1", '"soon"', "true", "1e9", "nan"])
def test_a_bad_lock_timeout_is_one_line(respons, store_url, tmp_path, value):
    config = tmp_path / "respons.toml"
    config.write_text(f"[plugins.{_backend(store_url)}]\nlock_timeout = {value}\n", "utf-8")
    result = respons("--config", str(config), "store", "init", "--store", store_url)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: lock_timeout in [plugins.{_backend(store_url)}] "
                                    "of respons.toml must be a number of seconds")
    assert len(result.stderr.splitlines()) == 1

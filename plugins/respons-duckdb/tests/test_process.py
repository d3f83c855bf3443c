"""One process at a time opens a DuckDB file: what respons does about it.

A process holding the file makes every other wait for it at most ``lock_timeout``
(``[plugins.duckdb]``), then give up with the one line every backend gives; a store this
process keeps open lets go of the file between its calls, so another process can use it;
an evaluation holds it while it runs (its temporary tables are on the connection).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from respons_duckdb.store import duckdb_path

from respons.store import StoreLocked, open_store
from respons.testing import conformance_regime, generate, regime_path, write_jsonl

MESSAGE = ("is locked by another writer: gave up after 0.5 s; try again when it is done, or "
           "raise lock_timeout in [plugins.duckdb] of respons.toml")


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    write_jsonl(path, generate(conformance_regime(), 5))
    return path


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "respons.toml"
    path.write_text("[plugins.duckdb]\nlock_timeout = 0.5\n", "utf-8")
    return path


def _holder(path: str, seconds: float):
    """Another process with the file open (as another respons would have it), until it
    says so on stdout and then ``seconds`` more."""
    code = textwrap.dedent(f"""
        import sys, time, duckdb
        connection = duckdb.connect({path!r})
        print("held", flush=True)
        time.sleep({seconds})
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"held\n"
    return process


def _command(respons, config, *args):
    started = time.monotonic()
    result = respons("--config", str(config), *args)
    return result, time.monotonic() - started


def test_a_file_held_by_another_process_is_waited_for_then_given_up(respons, url, records,
                                                                    config, registry):
    with open_store(url, registry) as store:
        store.ledger.init()
    holder = _holder(duckdb_path(url), 30)
    try:
        for args in (("ingest", str(regime_path()), str(records)), ("verify",),
                     ("store", "info")):
            result, waited = _command(respons, config, *args, "--store", url)
            assert result.exit_code == 2, result.output
            assert result.stderr == f"error: the store {url} {MESSAGE}\n"
            assert 0.4 <= waited < 10
    finally:
        holder.kill()
        holder.wait()
    result, _ = _command(respons, config, "ingest", str(regime_path()), str(records),
                         "--store", url)
    assert result.exit_code == 0, result.output
    with open_store(url, registry) as store:
        assert store.ledger.count() == 5


def test_a_writer_waits_for_a_process_that_lets_go_in_time(respons, url, records, config,
                                                          registry, tmp_path):
    with open_store(url, registry) as store:
        store.ledger.init()
    config.write_text("[plugins.duckdb]\nlock_timeout = 30\n", "utf-8")
    holder = _holder(duckdb_path(url), 1.0)
    try:
        result, waited = _command(respons, config, "ingest", str(regime_path()),
                                  str(records), "--store", url)
    finally:
        holder.wait()
    assert result.exit_code == 0, result.output
    assert 0.5 <= waited < 30


def _ingest_elsewhere(url: str, records) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "respons", "ingest", str(regime_path()),
                           str(records), "--store", url, "--quiet"], capture_output=True,
                          text=True, timeout=120)


def test_a_store_open_here_lets_another_process_in_between_calls(url, records, registry,
                                                                 tmp_path):
    store = open_store(url, registry, {"lock_timeout": 0.5})
    try:
        store.ledger.init()
        assert store.ledger.count() == 0
        done = _ingest_elsewhere(url, records)  # while `store` is open in this process
        assert done.returncode == 0, done.stderr
        assert store.ledger.count() == 5
    finally:
        store.close()


def test_an_evaluation_holds_the_file_while_its_tables_live(url, records, registry, tmp_path):
    from respons.calendar import load_calendar
    from respons.engine.evaluate import evaluate
    from respons.records import compile_schema
    from respons.store.ingest import ingest_file
    from respons.testing.regime import conformance_resolved

    more = tmp_path / "more.jsonl"
    write_jsonl(more, generate(conformance_regime(), 3, seed=2, prefix="M"))
    store = open_store(url, registry)
    try:
        store.ledger.init()
        ingest_file(store.ledger, compile_schema(conformance_regime()), records,
                    name="records.jsonl", regime=("conformance", "0" * 64))
        evaluate(store, conformance_resolved(), load_calendar)
        other = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            from respons.registry import Registry, plugin_manager
            from respons.store import StoreLocked, open_store
            try:
                open_store({url!r}, Registry(plugin_manager()), {{"lock_timeout": 0.3}})
            except StoreLocked as error:
                print("locked:", error)
            """)], capture_output=True, text=True, timeout=60)
        assert other.stdout.startswith("locked: the store "), other.stdout + other.stderr
    finally:
        store.close()
    assert _ingest_elsewhere(url, more).returncode == 0  # closed: the file is free


def test_two_stores_of_one_file_in_one_process_take_turns(url, registry):
    with open_store(url, registry) as first:
        first.ledger.init()
        second = open_store(url, registry, {"lock_timeout": 0.2})
        try:
            with first.ledger.append(), pytest.raises(StoreLocked, match=r"after 0\.2 s"):
                second.ledger.append()
            with second.ledger.append() as appender:  # free again
                assert appender.head.seq == 0
            # Publishing results has a lock of its own: an ingest does not hold it up.
            with first.ledger.append(), second.compute.transaction():
                pass
        finally:
            second.close()

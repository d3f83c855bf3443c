"""Store URLs a user may get wrong: one line on stderr, exit 2, no password printed, and
nothing stored."""

from __future__ import annotations

import pytest

from respons.store.url import redact
from respons.testing import conformance_regime, generate, regime_path, write_jsonl


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://user:s3cret@host/db", "postgresql://user:***@host/db"),
    ("postgresql://user:s3cret@[bad/db", "postgresql://user:***@[bad/db"),
    ("postgresql://u:s3cret@127.0.0.1:1/db?password=s3cret2",
     "postgresql://u:***@127.0.0.1:1/db?password=***"),
    ("postgresql://u@h/db?schema=x&PASSWORD=p&sslpassword=q&p%61ssword=r",
     "postgresql://u@h/db?schema=x&PASSWORD=***&sslpassword=***&p%61ssword=***"),
    # libpq keeps a "/" or "?" of an unencoded password in it: so is it masked
    ("postgresql://u:pa/ss@host/db", "postgresql://u:***@host/db"),
    ("postgresql://u:pa?ss@host/db", "postgresql://u:***@host/db"),
    ("postgresql://u:p@ss@host/db", "postgresql://u:***@host/db"),
    ("u:s3cret@host/db", "u:***@host/db"),
    ("postgresql://host/db?application_name=a@b", "postgresql://host/db?application_name=a@b"),
    ("postgresql://user@host:5432/db", "postgresql://user@host:5432/db"),
    ("sqlite:///respons.db", "sqlite:///respons.db"),
])
def test_redact_masks_every_password(url, shown):
    assert redact(url) == shown


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.jsonl"
    write_jsonl(path, generate(conformance_regime(), 3))
    return path


def _commands(good):
    return [("store", "info"), ("store", "init"), ("verify",),
            ("ingest", str(regime_path()), str(good))]


@pytest.mark.parametrize(("url", "phrase"), [
    ("postgresql://user:s3cret@[bad/db", "is not a PostgreSQL URL (Invalid IPv6 URL)"),
    ("postgresql://user:s3cret@host:99999/db", "Port out of range"),
    ("postgresql://u:s3cret@127.0.0.1:1/db?password=s3cret2", "cannot connect to "
     "postgresql://u:***@127.0.0.1:1/db?password=***: "),
    ("sqlite:///%00", "names a file with a NUL character (%00)"),
    ("sqlite:///:memory:", "names a database in memory, whose records would vanish when "
     "respons exits"),
    ("u:s3cret@host/db", "has no scheme"),
])
def test_bad_store_urls_are_one_line(respons, good, url, phrase):
    if url.startswith("postgresql"):
        pytest.importorskip("respons_postgresql")
    for command in _commands(good):
        result = respons(*command, "--store", url)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr.startswith("error: ") and phrase in result.stderr, \
            (command, result.stderr)
        assert len(result.stderr.splitlines()) == 1
        assert "s3cret" not in result.stderr + result.stdout


def test_a_file_name_too_long_is_one_line(respons, good, tmp_path):
    url = f"sqlite:///{tmp_path}/{'a' * 300}/x.db"
    for command in _commands(good):
        result = respons(*command, "--store", url)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr.startswith("error: store ") and len(result.stderr.splitlines()) == 1


def test_a_store_in_memory_is_refused_by_the_python_api_too():
    from respons.registry import Registry, plugin_manager
    from respons.store import StoreUnavailable, open_store
    from respons.store.sqlite import SQLiteStore

    with pytest.raises(StoreUnavailable, match="a database in memory"):
        open_store("sqlite:///:memory:", Registry(plugin_manager()))
    # The class itself still opens one: the conformance suite compares against it.
    with SQLiteStore("sqlite:///:memory:") as store:
        assert store.transient and store.ledger.init() == 6


def _every_command(good):
    regime = str(regime_path())
    return [("store", "info"), ("store", "init"), ("verify",), ("ingest", regime, str(good)),
            ("evaluate", regime), ("run", regime, str(good))]


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_store_url_is_refused(respons, good, tmp_path, given):
    for command in _every_command(good):
        result = respons(*command, "--store", given, cwd=tmp_path)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr == ("error: --store names no store: give a store URL "
                                 "(sqlite:///respons.db), or leave the option out for the "
                                 "default\n"), command
    assert not (tmp_path / "respons.db").exists()


def test_an_empty_store_url_from_the_environment_or_the_configuration(respons, good, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv("RESPONS_STORE", "")
    for command in _every_command(good):
        result = respons(*command, cwd=tmp_path)
        assert result.exit_code == 2 and "RESPONS_STORE is set but empty" in result.stderr
    monkeypatch.delenv("RESPONS_STORE")
    (tmp_path / "respons.toml").write_text('[store]\nurl = ""\n', "utf-8")
    for command in _every_command(good):
        result = respons(*command, cwd=tmp_path)
        assert result.exit_code == 2 and "[store] url in respons.toml is empty" in result.stderr
    assert not (tmp_path / "respons.db").exists()


@pytest.mark.parametrize("schema", ["information_schema", "pg_catalog", "pg_toast", "pg_temp",
                                    "pg_mine", "INFORMATION_SCHEMA", "Pg_Catalog"])
def test_postgresql_system_schemas_are_refused(respons, good, postgresql_url, schema):
    import psycopg
    from respons_postgresql.store import split_url

    url = postgresql_url.rpartition("schema=")[0] + f"schema={schema}"
    for command in _every_command(good):
        result = respons(*command, "--store", url)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr == (f"error: store URL {url}: schema={schema} is one of "
                                 "PostgreSQL's own schemas (information_schema, pg_*): name a "
                                 "schema of the store's own\n")
    with psycopg.connect(split_url(postgresql_url)[0]) as connection:
        assert connection.execute("SELECT to_regclass('information_schema.records')"
                                  ).fetchone() == (None,)

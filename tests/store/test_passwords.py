"""No piece of a store URL's password reaches the user, whatever reads the URL: urllib,
psycopg and libpq quote what they take for a port, a host or a parameter, and that can be
part of a password holding an unencoded ``/ ? # @ : %`` or a space. Every command that
takes --store is run with such URLs against the real server (whose trust authentication
lets a URL with any password connect) and with a port where nothing listens."""

from __future__ import annotations

import urllib.parse

import pytest

from respons.store.masking import mask, password_candidates
from respons.store.url import redact
from respons.testing import conformance_regime, generate, regime_path, write_jsonl

pytest.importorskip("respons_postgresql")

#: Each password is made of the pieces Pw1, Qx2 and Rz3, none of which may be printed.
PASSWORDS = ["Pw1/Qx2", "Pw1?Qx2", "Pw1#Qx2", "Pw1@Qx2", "Pw1:Qx2", "Pw1%Qx2", "Pw1 Qx2",
             "Pw1@Qx2/Rz3", "Pw1/Qx2@Rz3", "Pw1:Qx2?Rz3#", "Pw1%2FQx2", "Pw1%40Qx2 Rz3"]
PIECES = ("Pw1", "Qx2", "Rz3")


def _urls(password: str, schema: str) -> list[str]:
    return [f"postgresql://postgres:{password}@127.0.0.1:5432/test?schema={schema}",
            f"postgresql://postgres:{password}@127.0.0.1:1/test",
            f"postgres://postgres:{password}@127.0.0.1/test?sslmode=disable&schema={schema}",
            f"postgresql://postgres@127.0.0.1:1/test?password={password}",
            f"postgresql://postgres@127.0.0.1:1/test?sslpassword={password}&sslmode=bogus"]


def _commands(records):
    regime = str(regime_path())
    return [("store", "info"), ("store", "init"), ("verify",),
            ("verify", "--expect-head", "a" * 64), ("ingest", regime, str(records)),
            ("evaluate", regime), ("run", regime, str(records))]


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "records.jsonl"
    write_jsonl(path, generate(conformance_regime(), 3))
    return path


@pytest.mark.parametrize("password", PASSWORDS)
def test_no_piece_of_a_password_is_printed(respons, postgresql_url, records, password):
    schema = urllib.parse.parse_qs(urllib.parse.urlsplit(postgresql_url).query)["schema"][0]
    for url in _urls(password, schema):
        for command in _commands(records):
            result = respons(*command, "--store", url, "--quiet") if command[0] in (
                "ingest", "run") else respons(*command, "--store", url)
            shown = result.stdout + result.stderr
            assert not any(piece in shown for piece in PIECES), (url, command, shown)
            assert result.exit_code in (0, 1, 2), (url, command, shown)
            if result.exit_code == 2:
                assert result.stderr.startswith("error: "), (url, command, shown)
                assert len(result.stderr.splitlines()) == 1, (url, command, shown)


def test_the_probe_url_is_refused_in_one_line_without_the_password(respons):
    result = respons("verify", "--store", "postgresql://postgres:S3cr3t-P4ss/x@127.0.0.1:5432/db")
    assert result.exit_code == 2
    assert result.stderr == ("error: store URL postgresql://postgres:***@127.0.0.1:5432/db: the "
                             "password holds '/' unencoded: write '/' as %2F\n")


@pytest.mark.parametrize(("url", "message", "hidden"), [
    # what urllib says of a password cut at "/": its start is the "port"
    ("postgresql://u:Pw1/Qx2@h/db", "Port could not be cast to integer value as 'Pw1'", "Pw1"),
    # what libpq says of a password cut at its first "@": its end is the "host"
    ("postgresql://u:Pw1@Qx2@h/db", "failed to resolve host 'Qx2@h'", "Qx2"),
    ("postgresql://u:Pw1 Qx2@h/db", 'unexpected spaces found in "Pw1 Qx2", use %20', "Qx2"),
    ("postgresql://u@h/db?password=Pw1&Qx2", 'missing key/value separator "=" in URI query '
     'parameter: "Qx2"', "Qx2"),
    ("postgresql://u:Pw1%2FQx2@h/db", "password 'Pw1/Qx2' was refused", "Qx2"),
    ("postgresql://u:a@h/db", "host 'a' and a word with an a in it", "'a'"),
])
def test_the_final_filter_masks_what_drivers_quote(url, message, hidden):
    masked = mask(message, password_candidates(url))
    assert hidden not in masked and "***" in masked


def test_short_pieces_are_masked_only_where_they_stand_alone():
    masked = mask("connection to c failed", password_candidates("postgresql://u:c@h/db"))
    assert masked == "connection to *** failed"


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://u:p@ss/w@host/db", "postgresql://u:***@host/db"),
    ("postgresql://u:pw@h/db?application_name=a@b", "postgresql://u:***@h/db?"
     "application_name=a@b"),
    ("postgresql://h:5432/db?application_name=a@b", "postgresql://h:5432/db?"
     "application_name=a@b"),
    ("postgresql://u@h/db?password=Pw1&Qx2&sslmode=x", "postgresql://u@h/db?password=***&***&"
     "sslmode=x"),
    ("sqlite:///a:b@c.db", "sqlite:///a:b@c.db"),
])
def test_redact_reads_the_user_information_to_the_host(url, shown):
    assert redact(url) == shown


def test_a_store_url_of_the_configuration_is_masked_too(respons, tmp_path, monkeypatch):
    (tmp_path / "respons.toml").write_text(
        '[store]\nurl = "postgresql://postgres:Pw1/Qx2@127.0.0.1:1/test"\n', "utf-8")
    for name in ("info",):
        result = respons("store", name, cwd=tmp_path)
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
        assert not any(p in result.stderr for p in PIECES), result.stderr
    monkeypatch.setenv("RESPONS_STORE", "postgresql://postgres:Pw1@Qx2@127.0.0.1:1/test")
    result = respons("verify")
    assert result.exit_code == 2 and not any(p in result.stderr for p in PIECES), result.stderr

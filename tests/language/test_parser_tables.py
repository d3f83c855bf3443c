"""The parser's tables: shipped in the package as JSON, never read from a user's cache.

A file planted where an earlier respons kept its cache (``$XDG_CACHE_HOME/respons``) must
never be read, let alone unpickled — not even when the installed Lark does not match the
shipped tables and the parser has to be built.
"""

from __future__ import annotations

import hashlib
import os
import pickle

import lark
import pytest

from paths import ROOT
from respons.syntax import parser_cache

CANONICAL = ROOT / "grammar" / "respons.lark"
SOURCE = "制度 规定 { 层级 市 }\n"


class _Planted:
    """Unpickling this runs code: it creates the file named ``marker``."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _plant(cache: os.PathLike, marker, version: str) -> list:
    """Files that run code when unpickled, where a respons cache was ever looked for."""
    grammar = CANONICAL.read_text("utf-8")
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()
    folder = cache / "respons"
    folder.mkdir(parents=True)
    payload = pickle.dumps(_Planted(str(marker)))
    header = f"respons-parser {digest} {version}\n".encode()
    planted = []
    for name in (f"parser-{digest[:16]}-{version}", f"parser-{digest[:16]}-{lark.__version__}",
                 "respons.parser", "respons.parser.json"):
        (folder / name).write_bytes(header + payload)
        planted.append(folder / name)
    return planted


@pytest.fixture
def no_pickle(monkeypatch):
    """Fail the test if anything was unpickled while it ran (a refusal raised inside
    respons could be swallowed as a cache miss, so the calls are counted instead)."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise pickle.UnpicklingError("refused by the test")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    yield
    assert not calls, "something was unpickled"


def test_a_planted_cache_file_never_runs_when_the_lark_version_differs(
        tmp_path, monkeypatch, capsys):
    marker = tmp_path / "ran"
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(lark, "__version__", "0.0.1")
    planted = _plant(cache, marker, "0.0.1")
    parser = parser_cache.load_parser(CANONICAL.read_text("utf-8"))
    assert parser.parse(SOURCE) is not None
    assert not marker.exists()
    # Nothing new kept in the cache folder, nothing under HOME.
    assert set((cache / "respons").iterdir()) == set(planted)
    assert not (tmp_path / "home").exists()
    # Built in memory, and the user is told why start-up is slow and how to fix it.
    err = capsys.readouterr().err
    assert "Lark 0.0.1 is installed" in err and "install lark==" in err


def test_nothing_is_unpickled_when_the_lark_version_differs(tmp_path, monkeypatch,
                                                             no_pickle):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(lark, "__version__", "0.0.1")
    _plant(tmp_path / "cache", tmp_path / "ran", "0.0.1")
    assert parser_cache.load_parser(CANONICAL.read_text("utf-8")).parse(SOURCE) is not None
    assert not (tmp_path / "ran").exists()


def test_a_planted_cache_file_never_runs_when_the_tables_fit(tmp_path, monkeypatch,
                                                              no_pickle):
    marker = tmp_path / "ran"
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    _plant(cache, marker, lark.__version__)
    parser = parser_cache.load_parser(CANONICAL.read_text("utf-8"))
    assert parser.parse(SOURCE) is not None
    assert not marker.exists()


def test_the_shipped_tables_are_json_built_from_this_grammar_for_this_lark():
    # After changing the grammar: python -m respons.syntax.parser_cache
    document = parser_cache.decode(parser_cache.shipped_path().read_text("utf-8"))
    assert document["format"] == parser_cache.FORMAT
    assert document["grammar_sha256"] == parser_cache.grammar_digest(
        CANONICAL.read_text("utf-8")), \
        "run `python -m respons.syntax.parser_cache` to rebuild src/respons/syntax/" \
        "respons.parser.json"
    assert parser_cache.shipped_tables(CANONICAL.read_text("utf-8")) is not None, \
        f"the shipped tables were built for Lark {document['lark']}: rebuild them"


def test_the_shipped_tables_parse_as_a_fresh_build_does(no_pickle):
    grammar = CANONICAL.read_text("utf-8")
    shipped = parser_cache.load_parser(grammar)
    built = lark.Lark(grammar, **parser_cache.OPTIONS)
    for path in sorted((ROOT / "jurisdictions").glob("*.resp")):
        text = path.read_text("utf-8")
        assert shipped.parse(text) == built.parse(text), path.name


def test_tables_of_another_grammar_are_not_used(monkeypatch, capsys):
    grammar = CANONICAL.read_text("utf-8") + "\n// changed\n"
    parser = parser_cache.load_parser(grammar)
    assert parser.parse(SOURCE) is not None
    assert "built from another grammar" in capsys.readouterr().err


def test_damaged_tables_are_a_slow_start_not_a_failure(tmp_path, monkeypatch, capsys):
    damaged = tmp_path / "respons.parser.json"
    damaged.write_text('{"format": "respons-parser-tables", "data": [', "utf-8")
    monkeypatch.setattr(parser_cache, "shipped_path", lambda: damaged)
    parser = parser_cache.load_parser(CANONICAL.read_text("utf-8"))
    assert parser.parse(SOURCE) is not None
    assert "cannot be read" in capsys.readouterr().err

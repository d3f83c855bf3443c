"""What DuckDB spells its own way, checked on a real database: JSON members by any name,
bound and never written into the SQL; text ordered bytewise, as on SQLite; keywords quoted;
streams that survive a statement run meanwhile; reads that cannot write; bulk inserts."""

from __future__ import annotations

import json

import duckdb
import pytest
from respons_duckdb.dialect import DuckDBDialect, pointer
from respons_duckdb.store import DuckDBStore

from respons.sql.ir import (
    Col,
    CountAll,
    JsonIs,
    JsonNumber,
    JsonText,
    Order,
    Param,
    Table,
    select,
)
from respons.store.sqlite import SQLiteStore

#: Member names a JSON path could misread: dots, quotes, brackets, the pointer's own
#: escapes, the empty name, a name that looks like an index, control characters.
NAMES = ["类别", "a.b", 'q"x', "b\\s", "br[0]", "st*", "ti~l", "sl/ash", "sp ace", "", "0",
         "ctl\x01", "ap'o", "$", 'a"."b', "~1", "/"]


@pytest.fixture
def store(tmp_path):
    with DuckDBStore(f"duckdb:///{tmp_path / 's.duckdb'}") as store:
        store.ledger.init()
        yield store


def _objects(store, objects):
    store.compute.temp_table("objects", [("n", "integer"), ("doc", "text")],
                             [(n, json.dumps(o, ensure_ascii=False, sort_keys=True))
                              for n, o in enumerate(objects)])


def test_pointer_escapes_only_what_rfc_6901_says():
    assert pointer("类别") == "/类别"
    assert pointer("a~b/c") == "/a~0b~1c"
    assert pointer("") == "/"


def test_every_member_name_is_found_and_never_part_of_the_sql(store):
    document = {name: f"v{n}" for n, name in enumerate(NAMES)}
    _objects(store, [document, {}])
    doc = Col("o", "doc")
    query = select(*(JsonText(doc, name) for name in NAMES), source=Table("objects", "o"),
                   order_by=[Order(Col("o", "n"))])
    rendered = store.dialect.render(query)
    for name in NAMES:
        if len(name) > 1:
            assert name not in rendered.sql
    assert store.compute.query(query) == [tuple(f"v{n}" for n in range(len(NAMES))),
                                          tuple(None for _ in NAMES)]


def test_numbers_and_truth_values_by_their_json_type(store):
    _objects(store, [{"n": 80.5, "t": True, "f": False, "s": "true"},
                     {"n": 20, "t": False, "f": True, "s": "false"}, {}])
    doc = Col("o", "doc")
    got = store.compute.query(select(
        JsonNumber(doc, "n"), JsonIs(doc, "t"), JsonIs(doc, "f", False), JsonIs(doc, "s"),
        JsonText(doc, "s"), source=Table("objects", "o"), order_by=[Order(Col("o", "n"))]))
    # A string "true" is not the literal true.
    assert got == [(80.5, True, True, False, "true"), (20.0, False, False, False, "false"),
                   (None, None, None, None, None)]


TEXTS = ["b", "B", "a", "é", "z", "中", "Ａ", "", "a b", "ab", "\u00a0", "😀", "ｚ", "Z"]


def test_text_is_ordered_bytewise_as_on_sqlite(store):
    rows = [(text,) for text in TEXTS]
    query = select(Col("t", "x"), source=Table("texts", "t"), order_by=[Order(Col("t", "x"))])
    store.compute.temp_table("texts", [("x", "text")], rows)
    here = [x for (x,) in store.compute.query(query)]
    with SQLiteStore("sqlite:///:memory:") as reference:
        reference.ledger.init()
        reference.compute.temp_table("texts", [("x", "text")], rows)
        assert here == [x for (x,) in reference.compute.query(query)]
    assert here == sorted(TEXTS, key=lambda text: text.encode("utf-8"))


def test_keywords_are_quoted_and_plain_names_are_not():
    dialect = DuckDBDialect()
    assert dialect.identifier("at") == '"at"' and dialect.identifier("select") == '"select"'
    assert dialect.columns(("seq", "at", "at_date")) == 'seq, "at", at_date'
    assert dialect.render(Col("r", "at")).sql == 'r."at"'


def test_a_stream_survives_a_statement_run_while_it_is_read(store):
    store.compute.temp_table("numbers", [("n", "integer")], [(n,) for n in range(12_000)])
    numbers = select(Col("t", "n"), source=Table("numbers", "t"), order_by=[Order(Col("t", "n"))])
    seen = []
    for (n,) in store.compute.stream(numbers):
        seen.append(n)
        if n == 10:  # a second statement on the one connection, mid-stream
            assert store.compute.query(select(CountAll(), source=Table("numbers", "t"))) \
                == [(12_000,)]
    assert seen == list(range(12_000))
    assert store.ledger.head().seq == 0  # and the connection works on afterwards


def test_reads_cannot_write(store):
    store.compute.temp_table("numbers", [("n", "integer")], [(1,)])
    with store._read_only(), pytest.raises(duckdb.Error, match="read-only"):
        store._execute("INSERT INTO store_info (key, value) VALUES ('x', 'y')")
    assert store._info("x") is None
    got = store.compute.query(select(Col("t", "n"), source=Table("numbers", "t"),
                                     where=Col("t", "n").eq(Param("n"))), {"n": 1})
    assert got == [(1,)]


def test_bulk_inserts_keep_every_value(store):
    rows = [(n, None if n % 3 == 0 else f"文本{n}\n\"'", None if n % 5 == 0 else n * 0.5)
            for n in range(120_001)]
    store.compute.temp_table("bulk", [("n", "integer"), ("t", "text"), ("r", "real")], rows)
    nulls = [(None, None, None)]
    store.compute.temp_table("nulls", [("a", "integer"), ("b", "text"), ("c", "real")], nulls)
    got = store.compute.query(select(Col("b", "n"), Col("b", "t"), Col("b", "r"),
                                     source=Table("bulk", "b"), order_by=[Order(Col("b", "n"))]))
    assert got == rows
    assert store.compute.query(select(Col("x", "a"), Col("x", "b"), Col("x", "c"),
                                      source=Table("nulls", "x"))) == nulls

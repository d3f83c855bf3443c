"""The register of document numbers as a hash chain (schema 5, `respons.store.register`), on
every backend: `respons verify` checks every entry and the head the ledger keeps for it, and
names the number altered, removed from the middle or from the end, or reordered (exit 1,
kind ``register``); numbering stops on a register that does not end at its head; SQLite and
PostgreSQL refuse UPDATE and DELETE on it by trigger (DuckDB has none); a store of schema 4
is migrated, its numbers chained, one with a gap refused.

Changes behind respons's back are made as someone who owns the database would make them:
with raw SQL, dropping the triggers first where there are some (`drop_triggers`).
"""

from __future__ import annotations

import json

import pytest

from notices.test_notices_command import NUMBER, decision, drop_triggers, ingest, notices
from respons.store.register import REFUSAL


def verify(respons, url, *args):
    result = respons("verify", "--store", url, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def issued(respons, tmp_path, store_url):
    """A store whose register holds 杭责追〔2025〕1号, 2号 and 3号, entries 1, 2, 3."""
    ingest(respons, tmp_path, store_url, [decision("ZJ-1", "2025-04-10"),
                                          decision("ZJ-2", "2025-04-11", person="李四"),
                                          decision("ZJ-3", "2025-04-12", person="王五")])
    assert notices(respons, store_url, tmp_path / "o").exit_code == 0
    return store_url


def test_an_intact_register_verifies_and_its_head_is_in_the_ledger(respons, issued, raw_sql):
    code, document = verify(respons, issued)
    assert code == 0 and document["intact"], document
    ((head,),) = raw_sql(issued, "SELECT value FROM store_info WHERE key = 'register_head'",
                         fetch=True)[0]
    head = json.loads(head)
    assert document["register"] == {"numbers": 3, "head": head["hash"]}
    assert (head["entries"], head["number"]) == (3, NUMBER.format(year=2025, seq=3))
    rows = raw_sql(issued, "SELECT entry, seq, number FROM notice_numbers ORDER BY entry",
                   fetch=True)[0]
    assert [tuple(r) for r in rows] == [(n, n, NUMBER.format(year=2025, seq=n))
                                        for n in (1, 2, 3)]
    text = respons("verify", "--store", issued)
    assert text.exit_code == 0
    assert f"register of document numbers: 3 numbers verified, head {head['hash']}" in \
        text.stdout
    # The register's head is an anchor as the records' head is.
    assert verify(respons, issued, "--expect-head", head["hash"])[0] == 0


@pytest.mark.parametrize(("case", "statements", "message", "number"), [
    ("a number altered", ("UPDATE notice_numbers SET number = '杭责追〔2025〕9号' "
                          "WHERE entry = 2",),
     "the document number 杭责追〔2025〕9号 (series 杭责追 2025, entry 2) was altered", 9),
    ("a number removed from the middle", ("DELETE FROM notice_numbers WHERE entry = 2",),
     "register entry 2 is missing: a number was removed from the register (the next stored "
     "is 杭责追〔2025〕3号 (series 杭责追 2025, entry 3))", 3),
    ("the last number removed", ("DELETE FROM notice_numbers WHERE entry = 3",),
     "the register holds 2 numbers but its head says 3: the last issued, entry 3 "
     "(杭责追〔2025〕3号) in series 杭责追 2025, was removed", 3),
    ("two numbers reordered",  # entries 1 and 2 swapped (one at a time: entry is unique)
     ("UPDATE notice_numbers SET entry = 0 WHERE entry = 1",
      "UPDATE notice_numbers SET entry = 1 WHERE entry = 2",
      "UPDATE notice_numbers SET entry = 2 WHERE entry = 0"),
     "the document number 杭责追〔2025〕2号 (series 杭责追 2025, entry 1) does not follow the "
     "entry before it: entries were reordered", 2),
])
def test_a_register_changed_by_hand_is_named_by_verify(respons, issued, raw_sql, case,
                                                       statements, message, number):
    raw_sql(issued, *drop_triggers(issued), *statements)
    code, document = verify(respons, issued)
    assert code == 1 and not document["intact"], (case, document)
    problem = document["problem"]
    assert problem["kind"] == "register" and message in problem["message"], (case, problem)
    assert (problem["series"], problem["number"]) == ("杭责追", NUMBER.format(year=2025,
                                                                            seq=number))
    text = respons("verify", "--store", issued)
    assert text.exit_code == 1 and message in text.stderr and "Traceback" not in text.stderr
    assert "the register of document numbers is broken after 3 intact records" in text.stderr


def test_the_last_number_removed_stops_the_numbering(respons, tmp_path, issued, raw_sql):
    raw_sql(issued, *drop_triggers(issued), "DELETE FROM notice_numbers WHERE entry = 3")
    ingest(respons, tmp_path, issued, [decision("ZJ-4", "2025-05-01")], "more.jsonl")
    result = notices(respons, issued, tmp_path / "o")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "the register of document numbers does not end at its head: it holds 2 entries, " \
        "its head in store_info says 3" in result.stderr, result.stderr
    rows = raw_sql(issued, "SELECT COUNT(*) FROM notice_numbers", fetch=True)
    assert [tuple(r) for r in rows[0]] == [(2,)]  # nothing numbered


def test_the_head_rewritten_with_the_register_is_found_by_an_anchor(respons, issued,
                                                                     raw_sql):
    """Removing the last number and moving the head back consistently is what a chain
    alone cannot find; the head recorded earlier (verify prints it) does."""
    anchor = verify(respons, issued)[1]["register"]["head"]
    ((previous,),) = raw_sql(issued, "SELECT chain_hash FROM notice_numbers WHERE entry = 2",
                             fetch=True)[0]
    head = json.dumps({"entries": 2, "hash": previous, "number": NUMBER.format(year=2025,
                      seq=2), "series": "杭责追", "year": 2025}, ensure_ascii=False)
    raw_sql(issued, *drop_triggers(issued), "DELETE FROM notice_numbers WHERE entry = 3",
            f"UPDATE store_info SET value = '{head}' WHERE key = 'register_head'")
    assert verify(respons, issued)[0] == 0
    code, document = verify(respons, issued, "--expect-head", anchor)
    assert code == 1 and document["problem"]["kind"] == "anchor", document


@pytest.mark.parametrize("statement", [
    "UPDATE notice_numbers SET number = 'x' WHERE entry = 1",
    "DELETE FROM notice_numbers WHERE entry = 3",
])
def test_the_register_refuses_update_and_delete_where_the_backend_has_triggers(
        respons, issued, raw_sql, statement):
    if issued.startswith("duckdb:"):
        # DuckDB has no triggers: the change goes through, and only the chain finds it.
        raw_sql(issued, statement)
        assert verify(respons, issued)[1]["problem"]["kind"] == "register"
        return
    with pytest.raises(Exception, match="append-only") as refused:
        raw_sql(issued, statement)
    assert REFUSAL in str(refused.value)
    assert verify(respons, issued)[0] == 0


def _v4_register(url: str, dialect) -> list[str]:
    """Statements that take a store of this schema back to schema 4: its register as
    schema 4 kept it, the liability proposals (none here) as schema 4 created them."""
    from respons.store.results import LIABILITY_PROPOSALS_V4, NOTICE_NUMBERS_V4

    columns = ", ".join(NOTICE_NUMBERS_V4.names)
    return [f"CREATE TABLE nn_old AS SELECT {columns} FROM notice_numbers",
            "DROP TABLE notice_numbers", *NOTICE_NUMBERS_V4.ddl(dialect),
            f"INSERT INTO notice_numbers ({columns}) SELECT {columns} FROM nn_old",
            "DROP TABLE nn_old", "DROP TABLE liability_decisions",
            "DROP TABLE liability_proposals", *LIABILITY_PROPOSALS_V4.ddl(dialect),
            "DELETE FROM store_info WHERE key = 'register_head'",
            "UPDATE store_info SET value = '4' WHERE key = 'schema_version'"]


@pytest.fixture
def dialect(store_url):
    if store_url.startswith("sqlite:"):
        from respons.store.sqlite import SQLiteDialect

        return SQLiteDialect()
    if store_url.startswith("duckdb:"):
        from respons_duckdb.dialect import DuckDBDialect

        return DuckDBDialect()
    from respons_postgresql.store import PostgreSQLDialect

    return PostgreSQLDialect()


def test_a_register_of_schema_4_is_migrated_and_chained(respons, tmp_path, issued, raw_sql,
                                                        dialect):
    raw_sql(issued, *_v4_register(issued, dialect))
    refused = respons("verify", "--store", issued)
    assert refused.exit_code == 2 and "run `respons store init` to migrate it" in refused.stderr
    migrated = respons("store", "init", "--store", issued)
    assert migrated.exit_code == 0, migrated.stderr
    assert "schema version 6 (migrated from version 4)" in migrated.stdout
    code, document = verify(respons, issued)
    assert code == 0 and document["register"]["numbers"] == 3, document
    rows = raw_sql(issued, "SELECT entry, number FROM notice_numbers ORDER BY entry",
                   fetch=True)[0]
    assert [tuple(r) for r in rows] == [(n, NUMBER.format(year=2025, seq=n)) for n in (1, 2, 3)]
    # Numbering goes on from the chained register, and it still verifies.
    ingest(respons, tmp_path, issued, [decision("ZJ-4", "2025-05-01")], "more.jsonl")
    more = json.loads(notices(respons, issued, tmp_path / "o", "--report", "json").stdout)
    assert [n["number"] for n in more["notices"] if n["new"]] == [NUMBER.format(year=2025,
                                                                             seq=4)]
    code, document = verify(respons, issued)
    assert code == 0 and document["register"]["numbers"] == 4, document
    if not issued.startswith("duckdb:"):  # the triggers came with the migration
        with pytest.raises(Exception, match="append-only"):
            raw_sql(issued, "DELETE FROM notice_numbers WHERE entry = 4")


def test_a_register_of_schema_4_with_a_gap_is_not_migrated(respons, issued, raw_sql, dialect):
    raw_sql(issued, *_v4_register(issued, dialect), "DELETE FROM notice_numbers WHERE seq = 2")
    result = respons("store", "init", "--store", issued)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "the register of document numbers lacks numbers of 杭责追 2025 (it holds 2, the " \
        "highest is 3); it is not migrated to schema 5: restore the store from a copy" in \
        result.stderr, result.stderr
    rows = raw_sql(issued, "SELECT value FROM store_info WHERE key = 'schema_version'",
                   fetch=True)
    assert [tuple(r) for r in rows[0]] == [("4",)]

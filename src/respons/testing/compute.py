"""`ComputeTests`: the engine's interface of a store, as pytest tests (part of the suite).

Every method the engine calls is exercised so that a backend that gets one wrong fails
here, not in a user's report: temporary tables that are this connection's own, INSERT …
SELECT that adds exactly the rows of its query, JSON members read as text, numbers and
truth values, both forms of the first-record lookup, the write transaction that publishes
all or nothing, rows appended to a results table in bulk — and then the engine itself,
run on the backend and on SQLite over the same records, must give the same obligations.
"""

from __future__ import annotations

import pytest

from respons.sql.ir import (
    Col,
    CountAll,
    JsonIs,
    JsonNumber,
    JsonText,
    Lit,
    Order,
    Param,
    Table,
    all_of,
    select,
)

#: Records whose obligations are known (the conformance regime's duties): complaints
#: answered in time, late and never; one verified; a case with a high discretion ratio.
KNOWN = [
    {"id": "k1", "type": "投诉举报.收到", "at": "2025-03-03T09:00", "投诉编号": "K-1",
     "机关": "市场监管局", "类别": "投诉"},
    {"id": "k1-a", "type": "投诉举报.答复", "at": "2025-03-10", "投诉编号": "K-1",
     "机关": "市场监管局", "类别": "投诉"},
    {"id": "k2", "type": "投诉举报.收到", "at": "2025-03-03", "投诉编号": "K-2",
     "机关": "司法局", "类别": "投诉", "查证属实": True},
    {"id": "k2-a", "type": "投诉举报.答复", "at": "2025-04-30", "投诉编号": "K-2",
     "机关": "司法局", "类别": "投诉"},
    {"id": "k3", "type": "投诉举报.收到", "at": "2025-03-04", "投诉编号": "K-3",
     "机关": "市场监管局", "类别": "举报", "查证属实": False},
    {"id": "c1", "type": "案件.立案", "at": "2025-01-06", "案件编号": "A-1",
     "机关": "市场监管局", "职权": "市场监管局.行政处罚", "裁量比例": 80.5},
    {"id": "c2", "type": "案件.立案", "at": "2025-01-06", "案件编号": "A-2",
     "机关": "市场监管局", "职权": "市场监管局.行政处罚", "裁量比例": 20},
]


class ComputeTests:
    """Mixed into `StoreConformance`; uses its ``store`` fixture, ``store_url`` and
    helpers (``ingest``, ``records_file``, ``peek``)."""

    def _known(self, store, tmp_path) -> None:
        self.ingest(store, self.records_file(tmp_path, records=KNOWN, name="known.jsonl"))

    def _count(self, store, table: str) -> int:
        return store.compute.query(select(CountAll(), source=Table(table, "t")))[0][0]

    def _reopen(self, store_url):
        from respons.store import open_store
        from respons.testing.regime import fresh_registry

        return open_store(store_url, fresh_registry())

    # ── temporary tables ─────────────────────────────────────────────────────────
    def test_temporary_tables_are_this_connections_own(self, store, store_url, tmp_path):
        self._known(store, tmp_path)
        compute = store.compute
        days = [("2025-03-03", 0), ("2025-03-04", 1), ("2025-01-06", 2)]
        compute.temp_table("engine_days", [("day", "text"), ("n", "integer")], days,
                           indexes=[("day",)])
        joined = compute.query(select(CountAll(), source=Table("records", "r"), joins=[
            _join("engine_days", "d", Col("d", "day").eq(Col("r", "at_date")))]))
        assert joined == [(5,)]
        compute.temp_table("engine_days", [("day", "text")], [("2025-03-03",)])  # replaced
        assert self._count(store, "engine_days") == 1
        with self._reopen(store_url) as other:
            other.compute.temp_table("engine_days", [("day", "text")], [])
            assert self._count(other, "engine_days") == 0
        assert self._count(store, "engine_days") == 1  # another connection's did not touch it
        for name in ("records", "batches", "store_info", "runs", "obligations"):
            with pytest.raises(ValueError):
                compute.temp_table(name, [("x", "text")])

    def test_insert_adds_exactly_the_rows_of_its_query(self, store, tmp_path):
        self._known(store, tmp_path)
        compute = store.compute
        compute.temp_table("picked", [("id", "text"), ("seq", "integer")])
        added = compute.insert("picked", select(
            Col("r", "id"), Col("r", "seq"), source=Table("records", "r"),
            where=Col("r", "kind").eq(Param("kind"))), {"kind": "投诉举报"})
        assert added == 5
        got = compute.query(select(Col("p", "id"), source=Table("picked", "p"),
                                   order_by=[Order(Col("p", "seq"))]))
        assert got == [("k1",), ("k1-a",), ("k2",), ("k2-a",), ("k3",)]
        for table in ("records", "batches", "obligations"):  # the ledger; results: only inside
            with pytest.raises(ValueError):
                compute.insert(table, select(Lit(1)))

    def test_json_members_by_type(self, store, tmp_path):
        self._known(store, tmp_path)
        data = Col("r", "data")
        got = store.compute.query(select(
            Col("r", "id"), JsonText(data, "类别"), JsonText(data, "机关"),
            JsonIs(data, "查证属实"), JsonIs(data, "查证属实", False),
            source=Table("records", "r"), where=Col("r", "type").eq(Param("t")),
            order_by=[Order(Col("r", "seq"))]), {"t": "投诉举报.收到"})
        assert [(i, c, a, bool(yes), bool(no)) for i, c, a, yes, no in got] == [
            ("k1", "投诉", "市场监管局", False, False), ("k2", "投诉", "司法局", True, False),
            ("k3", "举报", "市场监管局", False, True)]
        ratios = store.compute.query(select(
            JsonNumber(data, "裁量比例"), source=Table("records", "r"),
            where=Col("r", "kind").eq(Param("k")), order_by=[Order(Col("r", "seq"))]),
            {"k": "案件"})
        assert ratios == [(80.5,), (20,)]

    def test_stream_gives_every_row_in_order(self, store, tmp_path):
        self.ingest(store, self.records_file(tmp_path, 300))
        streamed = [seq for (seq,) in store.compute.stream(select(
            Col("r", "seq"), source=Table("records", "r"), order_by=[Order(Col("r", "seq"))]))]
        assert streamed == list(range(1, 301))

    # ── publishing ───────────────────────────────────────────────────────────────
    def test_a_transaction_publishes_all_or_nothing(self, store, store_url, tmp_path):
        from respons.engine.runs import make_run, publish, published
        from respons.store.api import Head
        from respons.store.results import OBLIGATIONS

        compute = store.compute
        compute.temp_table("staged", OBLIGATIONS.columns[1:])
        compute.insert("staged", select(
            Lit("d"), Lit("r"), Lit(1), Lit("s1"), Lit("m"), Lit("2025-01-01"),
            Lit("2025-01-08"), Lit(None), Lit(0), Lit(None), Lit(None), Lit("a"), Lit("a"),
            Lit("open")))
        run = make_run("r", "0" * 64, "1" * 64, "2025-01-02", Head(0, "2" * 64))
        with pytest.raises(RuntimeError), compute.transaction():
            compute.insert("obligations", select(
                Param("run"), *(Col("t", n) for n in OBLIGATIONS.names[1:]),
                source=Table("staged", "t")), {"run": run.id})
            raise RuntimeError("interrupted")
        with self._reopen(store_url) as other:
            assert not published(other.compute, run)
            assert self._count(other, "obligations") == 0
        assert publish(compute, run, "staged") is True
        assert publish(compute, run, "staged") is False  # the same run: kept once
        with self._reopen(store_url) as other:
            assert published(other.compute, run) and self._count(other, "obligations") == 1

    def test_rows_appended_in_bulk_are_published_with_the_transaction(self, store,
                                                                      store_url):
        from respons.store.api import Compute
        from respons.store.results import LIABILITY_PROPOSALS

        compute = store.compute
        rows = [("r", "追究", f"c{n}", f"m{n}", "2025-01-02", None, n % 2, f'{{"n":{n}}}',
                 None if n else "d0") for n in range(3)]
        assert len(LIABILITY_PROPOSALS.names) == len(rows[0])
        with pytest.raises(ValueError):  # outside a transaction
            compute.append_rows("liability_proposals", rows)
        with pytest.raises(RuntimeError), compute.transaction():
            compute.append_rows("liability_proposals", rows)
            raise RuntimeError("interrupted")
        assert self._count(store, "liability_proposals") == 0
        with compute.transaction():
            with pytest.raises(ValueError):  # the ledger is never a results table
                compute.append_rows("records", [])
            assert compute.append_rows("liability_proposals", rows) == 3
            # The portable default (a staged copy) a backend without its own bulk path has
            assert Compute.append_rows(compute, "liability_proposals", [
                ("r2", *row[1:]) for row in rows]) == 3
        with self._reopen(store_url) as other:
            got = other.compute.query(select(
                Col("p", "run"), Col("p", "record"), Col("p", "fault"), Col("p", "pursued"),
                Col("p", "detail"), Col("p", "decision"), source=Table("liability_proposals", "p"),
                order_by=[Order(Col("p", "run")), Order(Col("p", "record"))]))
        assert got == [(run, f"c{n}", None, n % 2, f'{{"n":{n}}}', None if n else "d0")
                       for run in ("r", "r2") for n in range(3)]

    # ── the engine ───────────────────────────────────────────────────────────────
    def test_both_forms_of_the_first_record_lookup_agree(self, store, tmp_path):
        from respons.testing.regime import conformance_regime

        self._known(store, tmp_path)
        regime = conformance_regime()
        correlated = self._obligations(store, regime, "correlated")
        window = self._obligations(store, regime, "window")
        assert correlated == window and len(window) == 4

    def _obligations(self, store, regime, form: str) -> list[tuple]:
        from respons.calendar import load_calendar
        from respons.engine.compile import COLUMNS, Compiler, Window
        from respons.engine.timeline import build_timeline

        compute = store.compute
        build_timeline(load_calendar("cn"), 2025, 2026, (3,)).load(compute)
        compute.temp_table("lookups", COLUMNS)
        kinds = {kind.name: kind for kind in regime.records}
        for duty in regime.duties:
            statement = Compiler(kinds[duty.starts.event.head], duty,
                                 Window(regime.id, "0000-01-01", "9999-12-31"), "2025-05-06",
                                 store.ledger.head().seq, first_row=form).compile()
            compute.insert("lookups", statement.query, statement.params)
        return compute.query(select(
            *(Col("o", name) for name, _ in COLUMNS), source=Table("lookups", "o"),
            order_by=[Order(Col("o", "start_seq")), Order(Col("o", "duty"))]))

    def test_the_engine_gives_the_obligations_sqlite_gives(self, store, tmp_path):
        from respons.calendar import load_calendar
        from respons.engine.evaluate import evaluate
        from respons.engine.report import obligations
        from respons.store.sqlite import SQLiteStore
        from respons.testing.regime import conformance_resolved

        resolved = conformance_resolved()
        path = self.records_file(tmp_path, records=KNOWN, name="known.jsonl")
        self.ingest(store, path)
        evaluation = evaluate(store, resolved, load_calendar, "2025-05-06")
        here = list(obligations(store.compute, evaluation))
        with SQLiteStore("sqlite:///:memory:") as reference:
            reference.ledger.init()
            self.ingest(reference, path)
            expected = list(obligations(reference.compute, evaluate(
                reference, resolved, load_calendar, "2025-05-06")))
        assert here == expected
        states = {(o["start_id"], o["duty"]): (o["state"], o["due_date"]) for o in here}
        assert states == {
            # 2025-03-03 + 15 working days → 2025-03-24; answered 03-10: met.
            ("k1", "答复投诉"): ("met", "2025-03-24"),
            # answered 04-30, 15 working days after 03-03 was 03-24: late.
            ("k2", "答复投诉"): ("met_late", "2025-03-24"),
            # 30 days from 03-03 is 04-02 (a working day): answered 04-30, late.
            ("k2", "查证答复"): ("met_late", "2025-04-02"),
            # 3 months from 2025-01-06 is 04-06, a Sunday (and 清明 04-04–06): 04-07.
            ("c1", "作出决定"): ("overdue", "2025-04-07"),
        }

    def test_two_evaluations_on_two_connections_keep_both_runs(self, store, store_url,
                                                               tmp_path):
        from respons.calendar import load_calendar
        from respons.engine.evaluate import evaluate
        from respons.engine.report import summary
        from respons.testing.regime import conformance_resolved

        self._known(store, tmp_path)
        resolved = conformance_resolved()
        with self._reopen(store_url) as other:
            early = evaluate(store, resolved, load_calendar, "2025-03-20")
            late = evaluate(other, resolved, load_calendar, "2025-05-06")
            assert early.run.id != late.run.id
            assert summary(store.compute, early).totals["open"] == 3
            assert summary(other.compute, late).totals["overdue"] == 1
            assert summary(store.compute, late).totals["overdue"] == 1  # both kept


def _join(table: str, alias: str, on):
    from respons.sql.ir import Join

    return Join(Table(table, alias), all_of(on))

"""One compiler for every dialect (issue 8, point 7): every duty of every encoded regime
renders for Spark SQL — the engine beyond one machine that a later backend plugin will
serve — and parses there (sqlglot's Spark reader), in the window form Spark's planner
needs: no correlated "first record" subquery ordered and limited to one row, no join on a
scalar subquery. The same duties render for SQLite and PostgreSQL in either form, with
one value bound for every placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot
from respons_postgresql.store import PostgreSQLDialect
from spark_dialect import SparkDialect
from sqlglot import exp

from paths import ROOT
from respons.check.runner import check_paths
from respons.engine.compile import Compiler
from respons.engine.evaluate import versions_of
from respons.store.sqlite import SQLiteDialect

REGIMES = sorted([*(ROOT / "jurisdictions").glob("*.resp"), *(ROOT / "examples").rglob("*.resp")])


def _statements(path: Path, form: str):
    report = check_paths([path], None)
    assert report.valid, path
    for version in versions_of(report.resolved[0]):
        kinds = {kind.name: kind for kind in version.regime.records}
        for duty in version.regime.duties:
            yield duty.name, Compiler(kinds[duty.starts.event.head], duty, version.window,
                                      "2025-12-31", 1000, first_row=form,
                                      materialize=True).compile()


def test_there_are_duties_to_render():
    assert sum(1 for path in REGIMES for _ in _statements(path, "window")) >= 28


@pytest.mark.parametrize("path", REGIMES, ids=[p.stem for p in REGIMES])
def test_every_duty_renders_and_parses_for_spark(path):
    spark = SparkDialect()
    for name, statement in _statements(path, spark.first_row):
        rendered = spark.render(statement.query)
        assert rendered.sql.count("?") == len(rendered.bind(statement.params)), name
        tree = sqlglot.parse_one(rendered.sql, read="spark")
        assert isinstance(tree, exp.Select), name
        for subquery in tree.find_all(exp.Subquery):
            select = subquery.this
            # A derived table (FROM/JOIN (SELECT …) alias) is fine; a scalar subquery that
            # picks the first row by ORDER BY … LIMIT 1 is what Spark plans as a nested loop.
            assert not (isinstance(select, exp.Select) and select.args.get("limit")), name
        for join in tree.find_all(exp.Join):
            assert not list(join.args.get("on", exp.true()).find_all(exp.Subquery)), name
        # What sqlglot reads it can write back as Spark SQL, and read again the same.
        assert sqlglot.parse_one(tree.sql("spark"), read="spark") == tree, name


@pytest.mark.parametrize("dialect", [SQLiteDialect(), PostgreSQLDialect()],
                         ids=["sqlite", "postgresql"])
@pytest.mark.parametrize("form", ["correlated", "window"])
def test_every_duty_renders_for_the_stores_in_either_form(dialect, form):
    mark = dialect.placeholder(1, "")
    for path in REGIMES:
        for name, statement in _statements(path, form):
            rendered = dialect.render(statement.query)
            assert rendered.sql.count(mark) == len(rendered.bind(statement.params)), name
            assert ("MATERIALIZED" in rendered.sql) == dialect.materialize_hint, name

"""The kinds table (respons.model.kinds) says what the grammar says, and every part that
needs to know every kind of block reads it: the builder, error recovery and messages, the
resolver, the index, `respons show` and the language reference."""

from __future__ import annotations

import re

import attrs
import pytest

from paths import JURISDICTIONS, ROOT
from respons.check.index import Index
from respons.check.resolve import Resolver
from respons.check.workspace import Workspace
from respons.diagnostics.diagnostic import Sink
from respons.model.base import Ref
from respons.model.kinds import BLOCKS, ELEMENTS, OVERRIDABLE, OVERRIDE, REGIME
from respons.model.regime import Regime
from respons.report.show import TextView
from respons.syntax.build import Builder
from respons.syntax.build.override import STATEMENTS
from respons.syntax.keywords import BLOCK_TERMINALS, KEYWORDS, keyword
from respons.syntax.parser import model_parser, parse_file, parse_text

#: The one seed regime that declares an element of every kind.
EVERY_KIND = JURISDICTIONS / "changchun-xinqu.resp"


def _alternatives(rule: str) -> list[list[str]]:
    return [[symbol.name for symbol in r.expansion] for r in model_parser().rules
            if r.origin.name == rule]


def test_every_block_of_the_grammar_is_a_row_in_grammar_order():
    assert [alternative for [alternative] in _alternatives("_block")] == \
        [kind.name for kind in BLOCKS]
    assert BLOCKS[0] is REGIME and BLOCKS[-1] is OVERRIDE


def test_each_block_starts_with_the_keyword_its_row_names():
    for kind in BLOCKS:
        assert kind.terminal in KEYWORDS, kind.name
        assert {a[0] for a in _alternatives(kind.name)} == {kind.terminal}, kind.name


def test_what_an_override_may_change_is_the_overridable_rows():
    assert {tuple(a) for a in _alternatives("override")} == \
        {("KW_OVERRIDE", f"override_{name}") for name in OVERRIDABLE}
    for name, kind in OVERRIDABLE.items():
        assert {a[0] for a in _alternatives(f"override_{name}")} == {kind.terminal}
    # the builder has a rule for each, and knows how each kind's statements are assembled
    assert set(STATEMENTS) == set(OVERRIDABLE)
    for name in OVERRIDABLE:
        assert callable(getattr(Builder, f"override_{name}"))


def test_the_fields_an_override_statement_sets_are_fields_of_the_model():
    for kind in OVERRIDABLE.values():
        model_fields = attrs.fields_dict(kind.model)
        for statement, fields in kind.sets.items():
            assert statement in fields, (kind.name, statement)
            assert set(fields) <= set(model_fields), (kind.name, fields)


def test_regime_holds_a_collection_of_each_kind_s_model():
    regime_fields = attrs.fields_dict(Regime)
    for kind in BLOCKS:
        if kind.collection is None:
            continue
        field = regime_fields[kind.collection]
        assert field.type == f"tuple[{kind.model.__name__}, ...]", kind.name
        assert field.default == ()


def test_the_builder_puts_every_kind_into_its_collection():
    regime = parse_file(EVERY_KIND).regime
    for kind in ELEMENTS:
        elements = getattr(regime, kind.collection)
        assert elements and all(type(e) is kind.model for e in elements), kind.name


def test_a_file_may_start_with_exactly_the_block_keywords():
    """What error recovery splits at and what messages call "outside any block"."""
    accepted = model_parser().parse_interactive("").accepts()
    assert {t for t in accepted if t.startswith("KW_")} == BLOCK_TERMINALS


def test_the_index_names_each_kind_by_its_noun():
    regime = parse_file(EVERY_KIND).regime
    index = Index(regime, Sink())
    for kind in ELEMENTS:
        first = getattr(regime, kind.collection)[0]
        assert index.find(Ref((first.name,))).kind == kind.noun


def test_show_has_a_section_per_kind_in_table_order():
    regime = parse_file(EVERY_KIND).regime
    text = TextView(regime, {}).render()
    titles = [line for line in text.splitlines() if line in {k.title for k in ELEMENTS}]
    assert titles == [kind.title for kind in ELEMENTS]
    for kind in ELEMENTS:  # each kind known today has a section drawn for it
        assert callable(getattr(TextView, kind.collection)), kind.name


def test_show_lists_a_kind_without_a_section_of_its_own(monkeypatch):
    """A new kind of block is shown before anyone writes its section."""
    regime = parse_file(EVERY_KIND).regime
    monkeypatch.delattr(TextView, "notices")
    view = TextView(regime, {})
    shown = view.render().split("文书 Notices\n")[1].splitlines()
    assert shown == [f"  {n.name}{view.cite(n.citation)}" for n in regime.notices]
    assert any("〔" in line for line in shown)


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_each_overridable_kind_can_be_overridden(tmp_path, kind):
    parent = parse_file(EVERY_KIND).regime
    target = getattr(parent, kind.collection)[0]
    (tmp_path / "changchun-xinqu.resp").write_text(EVERY_KIND.read_text("utf-8"), "utf-8")
    child = ("制度 下级 {\n  层级 区\n  施行 2024-01-01\n  上位 changchun-xinqu\n}\n"
             f"覆盖 {keyword(kind)} {target.name} {{\n}}\n")
    sink = Sink()
    parsed = parse_text(child, str(tmp_path / "child.resp"))
    resolved = Resolver(Workspace(), sink).resolve(parsed)
    assert [d.code for d in sink.items] == []
    assert getattr(resolved.regime, kind.collection)[0] == target


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_an_override_of_the_wrong_kind_names_both_kinds(tmp_path, kind):
    parent = parse_file(EVERY_KIND).regime
    fault = parent.faults[0].name  # a fault cannot be overridden: every kind is "wrong"
    (tmp_path / "changchun-xinqu.resp").write_text(EVERY_KIND.read_text("utf-8"), "utf-8")
    child = ("制度 下级 {\n  层级 区\n  施行 2024-01-01\n  上位 changchun-xinqu\n}\n"
             f"覆盖 {keyword(kind)} {fault} {{\n}}\n")
    sink = Sink()
    Resolver(Workspace(), sink).resolve(parse_text(child, str(tmp_path / "child.resp")))
    [diagnostic] = sink.items
    assert diagnostic.code == "R0803"
    assert diagnostic.message == (f"changchun-xinqu declares {fault!r} as a fault, "
                                  f"not as {kind.one}")
    assert diagnostic.help == "a fault cannot be overridden; declare what the lower regime " \
        "adds under a new name"


def test_the_language_reference_lists_the_kinds():
    text = (ROOT / "docs" / "language.md").read_text("utf-8")
    listed = re.search(r"`覆盖 ([^ `]+)\s+NAME", text).group(1).split("|")
    assert listed == [keyword(kind) for kind in OVERRIDABLE.values()]
    table = text.split("### Blocks")[1].split("\n\n")[2]
    rows = [[cell.strip() for cell in line.split("|")[1:-1]]
            for line in table.splitlines()[2:]]
    assert [row[:3] for row in rows] == [
        [f"`{keyword(k)}`/`{KEYWORDS[k.terminal][0]}`", k.noun, "yes" if k.overridable else ""]
        for k in BLOCKS]
    assert [row[3] for row in rows[1:-1]] == [kind.title for kind in ELEMENTS]


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_an_override_of_nothing_says_what_kind_it_looked_for(tmp_path, kind):
    (tmp_path / "changchun-xinqu.resp").write_text(EVERY_KIND.read_text("utf-8"), "utf-8")
    child = ("制度 下级 {\n  层级 区\n  施行 2024-01-01\n  上位 changchun-xinqu\n}\n"
             f"覆盖 {keyword(kind)} 没有这个 {{\n}}\n")
    sink = Sink()
    Resolver(Workspace(), sink).resolve(parse_text(child, str(tmp_path / "child.resp")))
    [diagnostic] = sink.items
    assert diagnostic.message.startswith(
        f"override names '没有这个', which changchun-xinqu does not declare as {kind.one}")
    assert diagnostic.help == f"name {kind.one} that changchun-xinqu declares"

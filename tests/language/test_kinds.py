"""The kinds table (respons.model.kinds) says what the grammar says, and every part that
needs to know every kind of block reads it: the builder, error recovery and messages, the
resolver, the index, `respons show` and the language reference."""

from __future__ import annotations

import re

import attrs
import pytest

from paths import ROOT
from respons.check.index import Index
from respons.check.resolve import Resolver
from respons.check.workspace import Workspace
from respons.diagnostics.diagnostic import Sink
from respons.model.base import Ref
from respons.model.kinds import BLOCKS, ELEMENTS, OVERRIDABLE, OVERRIDE, REGIME, SCENARIO
from respons.model.regime import Regime
from respons.report.show import TextView
from respons.report.show_notices import NoticeView
from respons.syntax.build import Builder
from respons.syntax.build.override import STATEMENTS
from respons.syntax.keywords import BLOCK_TERMINALS, KEYWORDS, keyword
from respons.syntax.parser import model_parser, parse_text

#: A regime with an element of every kind, made from the table: a new kind is in it.
EVERY_KIND = "制度 各类要素 {\n  层级 市\n  施行 2020-01-01\n}\n" + "".join(
    f"{keyword(kind)} 示例{kind.name} 〔第{n}条〕 {{\n}}\n" for n, kind in enumerate(ELEMENTS, 1))
CHILD = "制度 下级 {\n  层级 区\n  施行 2024-01-01\n  上位 every\n}\n"


def every_kind():
    return parse_text(EVERY_KIND, "every.resp").regime


def resolve_child(tmp_path, overrides: str):
    """A regime that extends EVERY_KIND with ``overrides``: its diagnostics and regime."""
    (tmp_path / "every.resp").write_text(EVERY_KIND, "utf-8")
    sink = Sink()
    parsed = parse_text(CHILD + overrides, str(tmp_path / "child.resp"))
    resolved = Resolver(Workspace(), sink).resolve(parsed)
    return sink.items, resolved.regime


def _alternatives(rule: str) -> list[list[str]]:
    return [[symbol.name for symbol in r.expansion] for r in model_parser().rules
            if r.origin.name == rule]


def test_every_block_of_the_grammar_is_a_row_in_grammar_order():
    assert [alternative for [alternative] in _alternatives("_block")] == \
        [kind.name for kind in BLOCKS]
    # after the elements of the law: overrides of them, and the scenarios that test them
    assert BLOCKS[0] is REGIME and BLOCKS[-2:] == (OVERRIDE, SCENARIO)


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
    regime = every_kind()
    for kind in ELEMENTS:
        [element] = getattr(regime, kind.collection)
        assert type(element) is kind.model and element.name == f"示例{kind.name}", kind.name


def test_a_file_may_start_with_exactly_the_block_keywords():
    """What error recovery splits at and what messages call "outside any block"."""
    accepted = model_parser().parse_interactive("").accepts()
    assert {t for t in accepted if t.startswith("KW_")} == BLOCK_TERMINALS


def test_the_index_names_each_kind_by_its_noun():
    index = Index(every_kind(), Sink())
    for kind in ELEMENTS:
        assert index.find(Ref((f"示例{kind.name}",))).kind == kind.noun


def test_show_has_a_section_per_kind_in_table_order():
    text = TextView(every_kind(), {}).render()
    titles = [line for line in text.splitlines() if line in {k.title for k in ELEMENTS}]
    assert titles == [kind.title for kind in ELEMENTS]
    # these have sections drawn for them (a new kind may start without one: below)
    for collection in ("agencies", "records", "duties", "faults", "circumstances", "measures",
                       "ladders", "apportionments", "assessments", "notices"):
        assert callable(getattr(TextView, collection)), collection


def test_show_lists_a_kind_without_a_section_of_its_own(monkeypatch):
    """A new kind of block is shown before anyone writes its section."""
    monkeypatch.delattr(NoticeView, "notices")  # the notices' section, a base of TextView
    view = TextView(every_kind(), {})
    [notice] = view.regime.notices
    assert view.cite(notice.citation).startswith("  〔every 第")
    assert f"\n文书 Notices\n  示例notice{view.cite(notice.citation)}\n" in view.render()


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_each_overridable_kind_can_be_overridden(tmp_path, kind):
    diagnostics, regime = resolve_child(tmp_path, f"覆盖 {keyword(kind)} 示例{kind.name} {{\n}}\n")
    assert [d.code for d in diagnostics if d.code.startswith("R08")] == []
    [element] = getattr(regime, kind.collection)
    assert element == getattr(every_kind(), kind.collection)[0]  # an empty override keeps all


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_an_override_of_the_wrong_kind_names_both_kinds(tmp_path, kind):
    # a fault cannot be overridden: every overridable kind is the wrong one for it
    diagnostics, _ = resolve_child(tmp_path, f"覆盖 {keyword(kind)} 示例fault {{\n}}\n")
    [diagnostic] = [d for d in diagnostics if d.code == "R0803"]
    assert diagnostic.message == f"every declares '示例fault' as a fault, not as {kind.one}"
    assert diagnostic.help == "a fault cannot be overridden; declare what the lower regime " \
        "adds under a new name"


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_an_override_names_the_keyword_of_the_kind_it_names(tmp_path, kind):
    other = next(k for k in OVERRIDABLE.values() if k is not kind)
    diagnostics, _ = resolve_child(tmp_path, f"覆盖 {keyword(other)} 示例{kind.name} {{\n}}\n")
    [diagnostic] = [d for d in diagnostics if d.code == "R0803"]
    assert diagnostic.help == f"write `覆盖 {keyword(kind)} 示例{kind.name} {{ … }}`"


@pytest.mark.parametrize("kind", list(OVERRIDABLE.values()), ids=list(OVERRIDABLE))
def test_an_override_of_nothing_says_what_kind_it_looked_for(tmp_path, kind):
    diagnostics, _ = resolve_child(tmp_path, f"覆盖 {keyword(kind)} 没有这个 {{\n}}\n")
    [diagnostic] = [d for d in diagnostics if d.code == "R0803"]
    assert diagnostic.message.startswith(
        f"override names '没有这个', which every does not declare as {kind.one}")
    assert diagnostic.help == f"name {kind.one} that every declares"


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
    assert [row[3] for row in rows[1:-2]] == [kind.title for kind in ELEMENTS]


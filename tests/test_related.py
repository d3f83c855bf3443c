"""A diagnostic's second place — where a name was first declared, the statement given
first — is data (``Diagnostic.related``), shown by every renderer: a `note:` with its own
caret in text, ``related`` in JSON, a `note:` in the GitHub annotation, SARIF's
``relatedLocations`` (issue 9, point 3)."""

from __future__ import annotations

import json

from paths import GOLDEN
from respons.diagnostics.diagnostic import Related, Sink
from respons.diagnostics.render import render_github, render_json, render_sarif, render_text
from respons.model.base import Span

INVALID = GOLDEN / "invalid"
TEXT = "制度 规定 {\n  层级 市\n}\n过错 拖延 〔第一条〕\n过错 拖延 〔第二条〕\n"


def _twice(respons, tmp_path, output: str) -> str:
    (tmp_path / "r.resp").write_text(TEXT, "utf-8")
    return respons("check", "--format", output, "r.resp", cwd=tmp_path).stdout


def test_text_shows_the_first_declaration_as_a_note_with_its_own_caret(respons, tmp_path):
    out = _twice(respons, tmp_path, "text").splitlines()
    start = out.index("r.resp:5:1: error R0202: '拖延' is declared twice (first as a fault)")
    assert out[start + 1:start + 7] == [
        "   5 | 过错 拖延 〔第二条〕",
        "     | ^~~~~~~~~",
        "r.resp:4:1: note: first declared here",
        "   4 | 过错 拖延 〔第一条〕",
        "     | ^~~~~~~~~",
        "     = help: give each declaration its own name",
    ]


def test_json_lists_the_related_places(respons, tmp_path):
    document = json.loads(_twice(respons, tmp_path, "json"))
    twice = next(d for d in document["diagnostics"] if d["code"] == "R0202")
    assert twice["related"] == [{"file": "r.resp", "line": 4, "column": 1, "end_line": 4,
                                 "end_column": 6, "message": "first declared here"}]
    # Every diagnostic has the member, empty where there is no second place.
    assert all(d["related"] == [] for d in document["diagnostics"] if d["code"] != "R0202")


def test_sarif_has_related_locations(respons, tmp_path):
    sarif = json.loads(_twice(respons, tmp_path, "sarif"))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "R0202")
    assert result["relatedLocations"] == [{
        "id": 1, "message": {"text": "first declared here"},
        "physicalLocation": {"artifactLocation": {"uri": "r.resp"},
                             "region": {"startLine": 4, "startColumn": 1, "endLine": 4,
                                        "endColumn": 6}}}]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_github_names_the_related_place_in_the_annotation(respons, tmp_path):
    line = next(line for line in _twice(respons, tmp_path, "github").splitlines()
                if "title=R0202" in line)
    assert line.startswith("::error file=r.resp,line=5,col=1,")
    assert line.endswith("::'拖延' is declared twice (first as a fault)%0Anote: first declared "
                         "here (r.resp:4:1)%0Agive each declaration its own name")


def test_a_related_place_in_another_file_is_quoted_from_that_file():
    sink = Sink()
    sink.add("R0804", "'甲' is already declared by parent", Span("child.resp", 2, 1, 2, 5),
             "override it", (Related(Span("parent.resp", 1, 4, 1, 5), "declared here"),))
    sources = {"child.resp": ["x", "职责 甲 {"], "parent.resp": ["职责 甲 {"]}
    text = render_text(sink.items, sources.get, summary=False).splitlines()
    assert text[3:6] == ["parent.resp:1:4: note: declared here", "   1 | 职责 甲 {",
                         "     |      ^~"]


def test_every_renderer_without_related_places_is_as_before():
    sink = Sink()
    sink.add("R0101", "bad", Span("a.resp", 1, 1, 1, 2))
    assert "note:" not in render_text(sink.items, lambda _: None)
    assert "relatedLocations" not in render_sarif(sink.items)
    assert "note" not in render_github(sink.items)
    assert json.loads(render_json(sink.items, False))["diagnostics"][0]["related"] == []


def test_golden_cases_carry_their_notes():
    # A duty's 期限 given twice points at the first; a second regime block at the first.
    periods = (INVALID / "periods.expected").read_text("utf-8")
    assert "periods.resp:9:3: note: the first 期限/within" in periods
    twice = (INVALID / "twice.expected").read_text("utf-8")
    assert "twice.resp:2:3: note: the first 层级/level" in twice
    assert "twice.resp:1:1: note: the first regime block" in twice
    assert "first is at line" not in periods + twice

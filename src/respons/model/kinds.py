"""The kinds of top-level block a regime file holds: the one table of them.

A regime file is a sequence of blocks: the regime header (`制度`), named elements — agencies,
record kinds, duties… — and overrides (`覆盖`) of what an extended regime says. Every part
that has to know every kind reads this table and keeps no list of its own: the builder
(which `Regime` collection a built element goes into), error recovery and syntax-error
messages (which keywords start a block), the resolver (which kinds an override may change,
and which fields each of its statements sets), the index (how a message names a kind) and
`respons show` (its sections, in order). tests/language/test_kinds.py checks the table
against the grammar and against each of them.

The model does not know how the language spells things: a row names the terminal of its
keyword (``KW_AGENCY``) and ``respons.syntax.keywords`` holds the spellings. Adding a block
kind is its grammar rule, its builder, its model class and one row here
(docs/architecture.md, "Adding a block kind").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from respons.model.agency import Agency
from respons.model.assessment import Assessment
from respons.model.condition import NamedCondition
from respons.model.duty import Duty
from respons.model.liability import (
    Apportionment,
    Circumstance,
    Fault,
    Ladder,
    Measure,
    Proceeding,
    Right,
)
from respons.model.notice import Notice
from respons.model.record import RecordKind
from respons.model.regime import Override, Regime
from respons.model.scenario import Scenario


@attrs.frozen
class Kind:
    """One kind of top-level block.

    ``name`` is the grammar's rule for the block (and, for an overridable kind, the rule
    ``override_<name>`` and ``Override.kind``); ``terminal`` the keyword that starts it;
    ``noun`` how a message names one of them ("an agency", "a record kind"); ``term`` the
    Chinese term, which `respons show` puts before ``heading``; ``collection`` the field
    of `Regime` that holds them, in file order.
    """

    name: str
    terminal: str
    noun: str
    term: str
    model: type
    collection: str | None
    heading: str = ""
    #: `覆盖 <keyword> <name> { … }` may change an inherited element of this kind.
    overridable: bool = False
    #: An override's statement → the model fields it sets, where it sets more than the
    #: field of its own name (`性质` sets ``status``, ``statuses`` and ``status_citation``).
    sets: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    @property
    def title(self) -> str:
        """The title of its section in `respons show`."""
        return f"{self.term} {self.heading}"

    @property
    def one(self) -> str:
        """The noun with its article, as a message says it: "an agency", "a duty"."""
        return article(self.noun)


def article(noun: str) -> str:
    """English needs "an agency" but "a duty"."""
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


#: The regime header: one per file, merged into `Regime` itself.
REGIME = Kind("regime", "KW_REGIME", "regime", "制度", Regime, None)

#: The named top-level elements, in the order `respons show` lists them. They share one
#: scope of names (``respons.check.index``).
ELEMENTS: tuple[Kind, ...] = (
    Kind("agency", "KW_AGENCY", "agency", "执法主体", Agency, "agencies", "Who may enforce",
         overridable=True, sets={"status": ("status", "statuses", "status_citation")}),
    Kind("record", "KW_RECORD", "record kind", "记录", RecordKind, "records", "Records"),
    Kind("duty", "KW_DUTY", "duty", "职责", Duty, "duties", "Duties", overridable=True,
         sets={"period": ("period", "period_citation"), "met_by": ("met_by", "met_by_all")}),
    Kind("fault", "KW_FAULT", "fault", "过错", Fault, "faults", "Faults"),
    Kind("circumstance", "KW_CIRCUMSTANCE", "circumstance", "情形", Circumstance,
         "circumstances", "Circumstances", overridable=True),
    Kind("measure", "KW_MEASURE", "measure", "措施", Measure, "measures", "Measures",
         overridable=True),
    Kind("ladder", "KW_LADDER", "ladder", "责任阶梯", Ladder, "ladders", "Ladders",
         overridable=True),
    Kind("apportionment", "KW_APPORTION", "apportionment rule", "责任划分", Apportionment,
         "apportionments", "Who bears a fault"),
    Kind("proceeding", "KW_PROCEEDING", "proceeding", "责任追究", Proceeding, "proceedings",
         "Liability proceedings"),
    Kind("right", "KW_RIGHT", "right", "权利", Right, "rights", "Rights of parties"),
    Kind("assessment", "KW_ASSESSMENT", "assessment", "评议考核", Assessment, "assessments",
         "Assessments", overridable=True, sets={"scheme": ("scheme", "scheme_span")}),
    Kind("notice", "KW_NOTICE", "notice", "文书", Notice, "notices", "Notices",
         overridable=True, sets={"formats": ("formats", "format_spans"),
                                 "number": ("number", "number_span")}),
    Kind("named_condition", "KW_CONDITION", "named condition", "条件", NamedCondition,
         "conditions", "Named conditions"),
)

#: `覆盖 <kind> <name> { … }`: changes an element that an extended regime declares.
OVERRIDE = Kind("override", "KW_OVERRIDE", "override", "覆盖", Override, "overrides")

#: `场景 <name> { … }`: a regime author's test of the regime (``respons.model.scenario``).
#: Not an element of the law: its name shares no scope with the elements', it is not
#: inherited, and `respons show` does not list it; `respons test` runs it.
SCENARIO = Kind("scenario", "KW_SCENARIO", "scenario", "场景", Scenario, "scenarios",
                "Scenarios")

#: Every kind of top-level block, in the order of the grammar's `_block`.
BLOCKS: tuple[Kind, ...] = (REGIME, *ELEMENTS, OVERRIDE, SCENARIO)

#: The kinds an override may change, by name.
OVERRIDABLE: Mapping[str, Kind] = {kind.name: kind for kind in ELEMENTS if kind.overridable}

#: The model class of a block → the `Regime` collection it goes into.
COLLECTION_OF: Mapping[type, str] = {
    kind.model: kind.collection for kind in BLOCKS if kind.collection is not None}


def tests_only(regime: Regime, *, broken_scenario: bool = False) -> bool:
    """Whether a file's own regime (before layering) holds scenarios of the regime it
    builds on (上位) and nothing else: a file of tests such as ``hangzhou.test.resp``,
    not a regime of its own. Its scenarios test the regime it builds on.
    ``broken_scenario``: the file has a scenario that did not parse (so is not in it)."""
    return (bool(regime.scenarios) or broken_scenario) and regime.extends is not None \
        and not regime.uses \
        and not regime.overrides and regime.supersedes is None \
        and not any(getattr(regime, kind.collection) for kind in ELEMENTS)


def elements(regime: Regime) -> Iterator[tuple[Kind, object]]:
    """Every named top-level element of ``regime`` with its kind, kind by kind."""
    for kind in ELEMENTS:
        for element in getattr(regime, kind.collection):
            yield kind, element

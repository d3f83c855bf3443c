"""The comparisons a Decider reads for its key are remembered per value of the field: the
same truth as `ladder.compare_field` for every value, of whatever type, in any order."""

from __future__ import annotations

from respons.engine import ladder
from respons.engine.liability_decide import Decider
from respons.model.base import Ref
from respons.model.condition import Compare, Literal

VALUES = [1, True, "1", 1.0, "是", False, 0, None, "true", ["1"], {"a": 1}, 2, "2"]


def _check(node: Compare, field: str | None) -> None:
    seen: dict = {}
    # Twice over, so that the second pass reads what the first remembered.
    for value in VALUES + VALUES[::-1]:
        fields = {"X": value}
        assert Decider._compare(node, field, seen, fields) == \
            ladder.compare_field(node, fields), (node, value)


def test_equal_values_of_other_types_are_compared_apart():
    for literal in (Literal("string", "1"), Literal("number", 1), Literal("name", "是"),
                    Literal("string", "true")):
        for op in ("=", "!=", ">="):
            _check(Compare(Ref(("案件", "X")), op, literal), "X")


def test_a_comparison_of_no_case_field_is_false():
    node = Compare(Ref(("X",)), "=", Literal("string", "1"))
    assert Decider._compare(node, None, {}, {"X": "1"}) is False
    assert ladder.compare_field(node, {"X": "1"}) is False

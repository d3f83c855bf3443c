"""The regime model: frozen attrs classes built from a parsed regime file.

Every element carries its source span, which never takes part in equality: two regimes
that say the same thing compare equal wherever and however they were written. The model
holds what the file says; whether it makes sense is the checker's job (``respons.check``).
"""

from respons.model.agency import Agency, Body, Entrustment, Post, Power, Training
from respons.model.assessment import (
    Assessment,
    Band,
    Bound,
    Boundary,
    Consequence,
    Deduction,
    Item,
    Param,
    Veto,
    Weight,
)
from respons.model.base import Citation, Ref, Span
from respons.model.condition import AllOf, AnyOf, Compare, Condition, Literal, Not
from respons.model.duty import Duty, Extension, Pause, Period, Trigger
from respons.model.liability import (
    Apportionment,
    Bearer,
    Bearing,
    Circumstance,
    Count,
    Effect,
    Fault,
    Ladder,
    Measure,
    Modifier,
    Step,
)
from respons.model.notice import Notice
from respons.model.record import Event, Field, FieldType, RecordKind
from respons.model.regime import Amendment, Override, Part, Regime, RegimeRef

__all__ = [
    "Agency", "AllOf", "Amendment", "AnyOf", "Apportionment", "Assessment", "Band", "Bearer",
    "Bearing", "Body", "Bound", "Boundary", "Circumstance", "Citation", "Compare", "Condition",
    "Consequence", "Count", "Deduction", "Duty", "Effect", "Entrustment", "Event", "Extension",
    "Fault", "Field", "FieldType", "Item", "Ladder", "Literal", "Measure", "Modifier", "Not",
    "Notice", "Override", "Param", "Part", "Pause", "Period", "Post", "Power", "RecordKind",
    "Ref", "Regime", "RegimeRef", "Span", "Step", "Training", "Trigger", "Veto", "Weight",
]

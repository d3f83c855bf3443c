"""The builder: one Lark transformer, assembled from one mixin per language construct."""

from __future__ import annotations

from lark import Token, Transformer

from respons.syntax.build.agency import AgencyRules
from respons.syntax.build.assessment import AssessmentRules
from respons.syntax.build.condition import ConditionRules
from respons.syntax.build.duty import DutyRules
from respons.syntax.build.expr import ExprRules
from respons.syntax.build.liability import LiabilityRules, RightRules
from respons.syntax.build.notice import NoticeRules
from respons.syntax.build.override import OverrideRules
from respons.syntax.build.record import RecordRules
from respons.syntax.build.regime import RegimeRules
from respons.syntax.build.scenario import ScenarioRules


class Builder(RegimeRules, AgencyRules, RecordRules, DutyRules, LiabilityRules, RightRules,
              AssessmentRules, NoticeRules, ConditionRules, OverrideRules, ScenarioRules,
              ExprRules, Transformer):
    """Turns each grammar rule into model values as the parser reduces it."""

    def start(self, children):
        return [child for child in children if not isinstance(child, Token)]


__all__ = ["Builder"]

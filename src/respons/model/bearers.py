"""Who bears a fault: the one table of the kinds of bearer the seed texts name.

A bearer in a 责任划分 rule is a reference: a field of the case record that names a
person or an agency, or one of the kinds below — which the case record names, in its field
of the same spelling (`字段 承办人 人员`). The table says, for each kind, whom it is (an
officer or an agency), the responsibility it bears unless the rule says otherwise (直接责任
or 领导责任), the post role it is where there is one, and the text that names it. The
checker reads it to know a bearer, `respons show` to print one, the liability engine to
attribute, and docs/language.md lists it (a test keeps the two equal).
"""

from __future__ import annotations

import attrs

from respons.model.vocab import Vocabulary


@attrs.frozen
class BearerKind:
    """A kind of bearer: ``canonical`` (English), its ``spellings`` (Chinese first),
    ``who`` ("officer" or "agency"), the ``responsibility`` it bears by default ("direct",
    "leadership" or None), the post ``role`` it is (``vocab.ROLES``), ``bears`` False for
    one who bears nothing (the dissenters of a collective decision), and ``source``."""

    canonical: str
    spellings: tuple[str, ...]
    who: str
    responsibility: str | None
    source: str
    role: str | None = None
    bears: bool = True


BEARER_KINDS: tuple[BearerKind, ...] = (
    BearerKind("handler", ("承办人", "直接责任人", "行为人"), "officer", "direct",
               "henan 12, 18; hangzhou 38(一)", role="handler"),
    BearerKind("reviewer", ("审核人", "审查人"), "officer", "direct", "tongzhou 实施细则 11(二)",
               role="reviewer"),
    BearerKind("legal-reviewer", ("法制审核人",), "officer", "direct", "changchun 26",
               role="legal-review"),
    BearerKind("approver", ("批准人", "审批人"), "officer", "direct", "tongzhou 实施细则 11(二)",
               role="approver"),
    BearerKind("lead", ("主办人",), "officer", "direct", "henan 14; tongzhou 11(五)"),
    BearerKind("assistant", ("协办人",), "officer", "direct", "henan 14; tongzhou 11(五)"),
    BearerKind("decision-makers", ("决策人", "集体决定者"), "officer", "direct", "hangzhou 38(三)"),
    BearerKind("wrong-majority", ("持错误意见者", "持错误意见的人员"), "officer", "direct",
               "henan 17; tongzhou 11(三)"),
    BearerKind("dissenters", ("持不同意见者", "持反对意见者"), "officer", None,
               "henan 17 (those who held the right view bear nothing)", bears=False),
    BearerKind("instructor", ("指令人", "指令干预者"), "officer", "direct",
               "hangzhou 38(五); tongzhou 11(四): the superior who ordered it"),
    BearerKind("superior-agency", ("上级机关",), "agency", "direct", "hangzhou 38(四)"),
    BearerKind("entrusting-agency", ("委托执法机关", "委托行政机关"), "agency", "direct",
               "henan 11(三); hangzhou 38(六)"),
    BearerKind("entrusting-head", ("委托机关负责人",), "officer", "leadership", "hangzhou 38(六)"),
    BearerKind("principal", ("主要负责人", "第一责任人"), "officer", "leadership",
               "jilin-city 35; henan 18", role="principal"),
    BearerKind("deputy", ("分管负责人", "分管领导"), "officer", "leadership",
               "jilin-city 35; henan 18", role="deputy"),
    BearerKind("agency", ("本机关", "执法机关"), "agency", "direct", "henan 11; heilongjiang 37"),
    BearerKind("joint-agencies", ("联合执法机关", "各执法机关"), "agency", "direct",
               "hangzhou 38(七); henan 11: each within its own powers"),
)

#: canonical → the kind.
BY_NAME = {kind.canonical: kind for kind in BEARER_KINDS}

#: The kinds as a vocabulary, for lookup and "did you mean".
BEARERS = Vocabulary("bearer", {kind.canonical: kind.spellings for kind in BEARER_KINDS})


def kind_of(reference: str) -> BearerKind | None:
    """The kind a bearer reference names, if it names one."""
    canonical = BEARERS.get(reference)
    return BY_NAME.get(canonical) if canonical else None

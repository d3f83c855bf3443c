"""The fixed word lists of the language: units, levels, statuses, power types, roles…

The grammar reads these words as plain names; the builder looks them up here, so a
misspelling gets "did you mean" instead of a bare syntax error, and every word has an
English and a Chinese spelling. Each vocabulary maps spellings to one canonical value
(the English word), which is what the model stores.
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Vocabulary:
    """A closed list of words: ``entries`` maps a canonical value to its spellings.

    The first spelling after the canonical one is the Chinese display form.
    """

    label: str
    entries: dict[str, tuple[str, ...]]
    _lookup: dict[str, str] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        lookup = {}
        for canonical, spellings in self.entries.items():
            for spelling in (canonical, *spellings):
                lookup[spelling.lower()] = canonical
        object.__setattr__(self, "_lookup", lookup)

    def get(self, word: str) -> str | None:
        return self._lookup.get(word.lower())

    def spellings(self) -> list[str]:
        return [s for canonical, spellings in self.entries.items() for s in (canonical, *spellings)]

    def chinese(self, canonical: str) -> str:
        spellings = self.entries.get(canonical, ())
        return spellings[0] if spellings else canonical

    def listing(self) -> str:
        return ", ".join(f"{c}/{s[0]}" if s else c for c, s in self.entries.items())


LEVELS = Vocabulary("level", {
    "national": ("国家", "全国"),
    "province": ("省", "省级", "自治区", "直辖市"),
    "city": ("市", "市级"),
    "county": ("县", "县级", "县级市"),
    "district": ("区", "区级", "新区", "开发区"),
    "department": ("部门",),
    "unit": ("单位",),
})

STATUSES = Vocabulary("legal status", {
    "statutory": ("法定", "法定机关"),
    "authorised": ("授权", "法律法规授权", "authorized"),
    "entrusted": ("委托", "受委托"),
})

POWER_TYPES = Vocabulary("power type", {
    "licensing": ("许可", "行政许可"),
    "penalty": ("处罚", "行政处罚"),
    "coercion": ("强制", "行政强制"),
    "levy": ("征收", "行政征收"),
    "benefit": ("给付", "行政给付"),
    "confirmation": ("确认", "行政确认"),
    "inspection": ("检查", "行政检查"),
    "adjudication": ("裁决", "行政裁决"),
    "other": ("其他", "其他行政行为"),
})

ROLES = Vocabulary("role", {
    "handler": ("承办", "承办人"),
    "reviewer": ("审核", "审核人"),
    "approver": ("批准", "批准人"),
    "legal-review": ("法制审核",),
    "principal": ("第一责任人", "主要负责人"),
    "deputy": ("分管", "分管负责人"),
    "auxiliary": ("辅助", "执法辅助人员"),
})

REQUIREMENTS = Vocabulary("qualification", {
    "certificate": ("执法证", "行政执法证", "行政执法证件"),
    "law-exam": ("法律知识考试",),
    "college-degree": ("大专以上学历",),
})

TRAINING_WHEN = Vocabulary("training frequency", {
    "yearly": ("每年",),
    "before-duty": ("上岗前", "新任"),
})

HOURS = Vocabulary("unit of training", {"hours": ("学时", "小时", "hour")})

FIELD_TYPES = Vocabulary("field type", {
    "text": ("文本",),
    "number": ("数值", "数字"),
    "integer": ("整数",),
    "date": ("日期",),
    "datetime": ("时间", "日期时间"),
    "boolean": ("是否", "布尔"),
    "money": ("金额",),
    "agency": ("机关",),
    "body": ("机构",),
    "post": ("岗位",),
    "officer": ("人员", "执法人员"),
    "power": ("职权",),
})

#: Period units. 民法典 200: periods are counted in years, months, days (and hours).
UNITS = Vocabulary("unit of time", {
    "days": ("日", "天", "个日", "day"),
    "workdays": ("工作日", "个工作日", "workday", "working-days"),
    "months": ("个月", "月", "month"),
    "years": ("年", "year"),
})

SUBJECTS = Vocabulary("subject", {
    "agency": ("机关", "单位", "执法机关", "执法单位", "行政执法机关", "行政执法部门", "部门"),
    "body": ("机构", "执法机构"),
    "officer": ("人员", "执法人员", "行政执法人员"),
})

CATEGORIES = Vocabulary("measure category", {
    "handling": ("处理", "组织处理"),
    "sanction": ("处分", "政务处分"),
    "referral": ("移送",),
})

#: 从重/从轻 as effects are heavier/lighter *within* the step — its options' upper or lower
#: half by severity — not 最重/最轻 (the one heaviest or lightest), nor 加重/减轻 (a step).
EFFECTS = Vocabulary("effect", {
    "raise": ("加重",),
    "lower": ("减轻",),
    "waive": ("免予追究", "免予处理", "免责"),
    "heaviest": ("最重",),
    "lightest": ("最轻",),
    "heavier": ("从重", "从重处理"),
    "lighter": ("从轻", "从轻处理"),
})

SHARES = Vocabulary("share of liability", {
    "all": ("全部", "全部责任"),
    "main": ("主要", "主要责任"),
    "secondary": ("次要", "次要责任"),
    "equal": ("同等", "同等责任"),
    "some": ("一定", "一定责任"),
    "corresponding": ("相应", "相应责任"),
})

#: The kind of responsibility a bearer bears: 直接责任 (who did or approved the act) or
#: 领导责任 (who leads the unit); kinds, not shares (jilin-city 35, henan 18).
RESPONSIBILITIES = Vocabulary("kind of responsibility", {
    "direct": ("直接责任",),
    "leadership": ("领导责任", "主要领导责任", "重要领导责任"),
})

#: On whom a measure falls (施于): the unit, its principal or 分管 leader, the officer
#: (hangzhou 51, jilin-city 35, henan 18).
FALLS_ON = Vocabulary("one a measure falls on", {
    "unit": ("单位", "本单位", "机关"),
    "principal": ("主要负责人",),
    "deputy": ("分管负责人", "分管领导"),
    "officer": ("人员", "执法人员", "责任人"),
})

#: 应当 (binds) and 可以 (permits): what a step or modifier says of the decision-maker.
MODALS = {"shall": "应当", "may": "可以"}

APPROVERS = Vocabulary("approver", {
    "supervising-authority": ("主管机关",),
    "principal": ("第一责任人", "主要负责人", "机关负责人"),
    "superior": ("上级机关",),
})

CYCLES = Vocabulary("assessment period", {
    "yearly": ("每年", "年度"),
    "half-yearly": ("每半年", "半年"),
    "quarterly": ("每季度", "季度"),
    "biennial": ("每两年", "两年"),
})

EVALUATIONS = Vocabulary("way of evaluating", {
    "self": ("自评", "自我考评"),
    "mutual": ("互评", "互查互评"),
    "organised": ("组织考评",),
    "public": ("群众评议", "公众评议"),
})

POINTS = Vocabulary("unit of points", {"points": ("分", "point")})

TIMES = Vocabulary("unit of count", {"times": ("次", "起", "件", "例", "time")})

#: Suffix bounds: 95 以上 (>= 95, 民法典 1259 counts the number itself), 70 以下 (<= 70).
BOUND_SUFFIXES = Vocabulary("bound", {
    ">=": ("以上", "分以上", "及以上", "or-more"),
    "<=": ("以下", "分以下", "及以下", "or-less"),
})

#: Prefix bounds: 不满 70 (< 70), 超过 95 (> 95); 不满/超过 exclude the number (民法典 1259).
BOUND_PREFIXES = Vocabulary("bound", {
    "<": ("不满", "低于", "below", "under"),
    ">": ("超过", "高于", "above", "over"),
    ">=": ("不低于", "at-least"),
    "<=": ("不高于", "at-most"),
})

_RAISE_LOWER = re.compile(r"^(加重|减轻)([0-9一二三四五六七八九十]+)级$")


def split_effect_word(word: str) -> tuple[str, str] | None:
    """加重一级 → ("加重", "一"): the Chinese way of writing an effect with its step count."""
    match = _RAISE_LOWER.match(word)
    return (match.group(1), match.group(2)) if match else None


#: The words a 是否 field is compared with (`重大 = 是`), and the truth each stands for.
TRUTH = {"是": True, "否": False, "true": True, "false": False, "yes": True, "no": False}

#: Field types compared as numbers: an amount (金额) is one, though stored as decimal text.
NUMERIC_TYPES = frozenset({"number", "integer", "money"})

COMPARATORS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<",
               "=": "=", "≠": "!=", "!=": "!="}

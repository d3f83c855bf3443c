"""Property tests: no text, however broken, makes the parser or the checker raise; the
formatter is idempotent and keeps the model equal."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paths import JURISDICTIONS
from respons.check.resolve import Resolver
from respons.check.runner import check_resolved
from respons.check.workspace import Workspace
from respons.diagnostics.diagnostic import Sink
from respons.registry import Registry, plugin_manager
from respons.syntax.formatter import format_text
from respons.syntax.parser import parse_text

REGISTRY = Registry(plugin_manager())
CORPUS = {p.name: p.read_text("utf-8") for p in sorted(JURISDICTIONS.glob("*.resp"))}
WORDS = ["制度", "机关", "职责", "期限", "起算", "完成", "阶梯", "第1级", "考核", "等级", "边界",
         "覆盖", "上位", "=>", "且", "或", "非", "{", "}", "(", ")", "〔第四十条〕", "[art. 4]",
         '"x"', "“y”", "「名 称」", "2020-01-01", "7", "-3", "工作日", ";", "\n", " ", ".",
         "、", ",", "#", ">=", "<", "以上", "不满", "一", "甲", "x"]
LIMITS = settings(max_examples=150, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])


def check_text(text: str, name: str = "prop.resp"):
    """The whole pipeline on one text: parse, resolve, every rule."""
    parsed = parse_text(text, name)
    sink = Sink()
    resolved = Resolver(Workspace(), sink).resolve(parsed)
    check_resolved(resolved, REGISTRY, sink)
    return parsed, sink.items


@LIMITS
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    check_text(text)


@LIMITS
@given(st.lists(st.sampled_from(WORDS), max_size=120))
def test_random_streams_of_language_words_never_raise(words):
    check_text(" ".join(words))


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(CORPUS)))
    text = CORPUS[name]
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "cut"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if action == "delete":
            del lines[i]
        elif action == "insert":
            lines.insert(i, draw(st.sampled_from(WORDS)) + draw(st.sampled_from(WORDS)) + "\n")
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + line[k + 1:]
    return name, "".join(lines)


@LIMITS
@given(mutated())
def test_mutated_jurisdictions_never_raise(case):
    name, text = case
    check_text(text, name)


@LIMITS
@given(mutated())
def test_fmt_is_idempotent_and_keeps_the_model(case):
    name, text = case
    before = parse_text(text, name)
    if not before.complete:
        return  # fmt refuses files with syntax errors
    once = format_text(text)
    assert format_text(once) == once
    after = parse_text(once, name)
    assert after.complete
    assert after.regime == before.regime

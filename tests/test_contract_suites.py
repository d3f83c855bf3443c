"""The contract suites of respons.testing — calendars, scoring schemes, notice formats — run
against every built-in, as an integrator runs them against a plugin; and each fails a plugin
that breaks its contract, at the check that it breaks."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import re
import subprocess
import sys
import textwrap
from decimal import Decimal

import attrs
import pytest

from plugin_site import Site
from respons.calendar import Calendar, Day, PlainCalendar, StatutoryCalendar
from respons.plugins import markdown, points
from respons.registry import CalendarProvider, NoticeFormat, ScoringScheme
from respons.testing import CalendarConformance, FormatConformance, SchemeConformance
from respons.testing.schemes import cases_for, suite_assessments

BUILTIN_CALENDARS = ["cn", "plain"]
BUILTIN_SCHEMES = ["points", "rating", "findings", "files", "weighted", "tiers"]
BUILTIN_FORMATS = ["md", "html"]


@pytest.fixture(scope="module")
def builtins(tmp_path_factory):
    """The built-ins as the registry hands them out (guarded), and nothing else."""
    return Site(tmp_path_factory.mktemp("site")).registry()


def test_the_suites_run_on_every_builtin(builtins):
    assert {p.name for p in builtins.calendars().values()} == set(BUILTIN_CALENDARS)
    assert {s.name for s in builtins.scoring_schemes().values()} == set(BUILTIN_SCHEMES)
    assert {f.name for f in builtins.notice_formats().values()} == set(BUILTIN_FORMATS)


class TestBuiltinCalendars(CalendarConformance):
    @pytest.fixture(params=BUILTIN_CALENDARS)
    def calendar_provider(self, request, builtins):
        return builtins.calendars()[request.param]


class TestBuiltinSchemes(SchemeConformance):
    @pytest.fixture(params=BUILTIN_SCHEMES)
    def scoring_scheme(self, request, builtins):
        return builtins.scoring_schemes()[request.param]


class TestBuiltinFormats(FormatConformance):
    @pytest.fixture(params=BUILTIN_FORMATS)
    def notice_format(self, request, builtins):
        return builtins.notice_formats()[request.param]


# ── a broken plugin fails the suite, at the check it breaks ──────────────────────────
def failures(suite: type, **fixtures) -> set[str]:
    """The checks of ``suite`` that fail when its fixtures have these values."""
    failed = set()
    for name in sorted(n for n in dir(suite) if n.startswith("test_")):
        check = getattr(suite(), name)
        try:
            check(**{p: fixtures[p] for p in inspect.signature(check).parameters})
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception):
            failed.add(name)
    return failed


def calendar_fixtures(provider: CalendarProvider, years=(2025,)) -> dict:
    return {"calendar_provider": provider, "calendar_settings": {},
            "calendar": provider.load({}), "calendar_years": list(years)}


class _IntWorkdays(PlainCalendar):
    def day(self, date):
        return attrs.evolve(super().day(date), workday=1)


class _Guessing(Calendar):
    """Claims 2025 only, but answers any year: a guess, where it has no data."""

    years = frozenset({2025})

    def __init__(self, name):
        self.name = name

    def day(self, date):
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            raise ValueError("a date")
        return Day(date, date.weekday() < 5, "weekday", "guessed")


class _Instants(StatutoryCalendar):
    def day(self, date):
        return super().day(date.date() if isinstance(date, dt.datetime) else date)


def _cn(name="cn", settings=None):
    from respons.calendar.builtin import load_cn

    calendar = load_cn(settings or {})
    calendar.name = name
    return calendar


def _strict(load):
    def checked(settings):
        if settings:
            raise ValueError(f"unknown setting `{next(iter(settings))}`")
        return load(settings)
    return checked


def _instants(settings):
    calendar = _cn()
    return _Instants("cn", calendar.arrangement)


BROKEN_CALENDARS = {
    "ignores unknown settings": (
        CalendarProvider(name="cn", load=lambda s: _cn(), description="x"),
        {"test_an_unknown_setting_is_refused_naming_it"}),
    "named otherwise": (
        CalendarProvider(name="hk", load=_strict(lambda s: _cn()), description="x"),
        {"test_load_gives_a_calendar_named_as_its_descriptor"}),
    "workday not a bool": (
        CalendarProvider(name="p", load=_strict(lambda s: _IntWorkdays("p")), description="x"),
        {"test_every_day_has_an_answer_and_a_reason"}),
    "guesses years it lacks": (
        CalendarProvider(name="g", load=_strict(lambda s: _Guessing("g")), description="x"),
        {"test_a_year_without_data_is_an_error_not_a_guess"}),
    "takes instants": (
        CalendarProvider(name="cn", load=_strict(_instants), description="x"),
        {"test_an_instant_is_not_a_date"}),
    "no description": (
        CalendarProvider(name="cn", load=_strict(lambda s: _cn())),
        {"test_descriptor_is_well_formed"}),
}


@pytest.mark.parametrize("case", sorted(BROKEN_CALENDARS))
def test_a_broken_calendar_fails_the_suite(case):
    provider, failing = BROKEN_CALENDARS[case]
    assert failures(CalendarConformance, **calendar_fixtures(provider)) == failing


def test_the_calendar_suite_passes_the_builtins_checked_directly(builtins):
    for name in BUILTIN_CALENDARS:
        assert failures(CalendarConformance,
                        **calendar_fixtures(builtins.calendars()[name])) == set()


def _scheme_fixtures(scheme: ScoringScheme) -> dict:
    assessments = list(suite_assessments())
    cases = cases_for(scheme, assessments)
    return {"scoring_scheme": scheme, "scheme_assessments": assessments,
            "scheme_cases": cases}


def _points_as(change):
    def score(assessment, subject):
        return change(points.score(assessment, subject), assessment, subject)
    return ScoringScheme(name="broken", score=score, validate=points.validate,
                         description="points, broken")


_calls = itertools.count()
BROKEN_SCHEMES = {
    "float total": (
        _points_as(lambda s, a, f: attrs.evolve(s, total=float(s.total))),
        {"test_a_score_is_made_of_decimals"}),
    "ignores vetoes": (
        _points_as(lambda s, a, f: points.score(a, attrs.evolve(f, vetoes=()))),
        {"test_the_first_holding_veto_fixes_the_grade"}),
    "last veto wins": (
        _points_as(lambda s, a, f: attrs.evolve(s, grade=a.vetoes[max(f.vetoes)].grade)
                   if f.vetoes else s),
        {"test_the_first_holding_veto_fixes_the_grade"}),
    "grade of its own": (
        _points_as(lambda s, a, f: attrs.evolve(s, grade="满分")),
        {"test_the_grade_is_one_of_the_assessment", "test_the_first_holding_veto_fixes_the_grade"}),
    "changes every time": (
        _points_as(lambda s, a, f: attrs.evolve(s, total=s.total + next(_calls))),
        {"test_the_same_facts_give_the_same_score"}),
    "deductions add": (
        _points_as(lambda s, a, f: attrs.evolve(
            s, total=Decimal(sum(f.occurrences.values())))),
        {"test_deductions_never_raise_the_total"}),
    "not a Score": (
        _points_as(lambda s, a, f: {"total": s.total}),
        {"test_a_score_is_made_of_decimals", "test_the_grade_is_one_of_the_assessment",
         "test_the_first_holding_veto_fixes_the_grade", "test_deductions_never_raise_the_total"}),
}


@pytest.mark.parametrize("case", sorted(BROKEN_SCHEMES))
def test_a_broken_scheme_fails_the_suite(case):
    scheme, failing = BROKEN_SCHEMES[case]
    assert failures(SchemeConformance, **_scheme_fixtures(scheme)) == failing


def test_the_scheme_suite_passes_the_builtins_checked_directly(builtins):
    for name in BUILTIN_SCHEMES:
        assert failures(SchemeConformance,
                        **_scheme_fixtures(builtins.scoring_schemes()[name])) == set()


def _md_as(change, **fields):
    return NoticeFormat(**{"name": "broken", "media_type": "text/markdown", "extension": ".md",
                           "render": lambda issued: change(issued), "description": "md, broken",
                           **fields})


def _mutating(issued):
    # An issued notice is frozen; a plugin that forces a change anyway must still fail.
    changed = tuple(attrs.evolve(e, text=e.text + "（见附件）") if e.name == "整改要求" else e
                    for e in issued.elements)
    object.__setattr__(issued, "elements", changed)
    return markdown.render(issued)



def _refusing_blanks(issued):
    # treats every element as required: an optional one left blank is refused too
    blank = [e.name for e in issued.elements if not e.text.strip()]
    if blank:
        raise ValueError("blank elements: " + "、".join(blank))
    return markdown.render(issued)


BROKEN_FORMATS = {
    "str not bytes": (
        _md_as(lambda issued: markdown.render(issued).decode()),
        {"test_render_gives_the_same_bytes_every_time", "test_any_text_is_rendered",
         "test_every_element_of_the_notice_is_in_it",
         "test_each_element_has_its_name_and_its_article",
         "test_the_elements_come_in_the_notice_s_order",
         "test_the_date_is_written_as_gb_t_9704_writes_it",
         "test_an_optional_element_may_be_absent_or_blank",
         "test_a_value_is_printed_never_read"}),
    "stamps the time": (
        _md_as(lambda issued: markdown.render(issued) + str(next(_calls)).encode()),
        {"test_render_gives_the_same_bytes_every_time"}),
    "drops the values": (
        _md_as(lambda issued: markdown.render(attrs.evolve(
            issued, elements=[attrs.evolve(e, text="见附件") for e in issued.elements]))),
        {"test_every_element_of_the_notice_is_in_it",
         "test_different_values_give_different_bytes",
         "test_a_missing_required_element_is_refused_naming_it",
         "test_the_elements_come_in_the_notice_s_order",
         "test_an_optional_element_may_be_absent_or_blank",
         "test_a_value_is_printed_never_read"}),
    "drops the citations": (
        _md_as(lambda issued: markdown.render(attrs.evolve(
            issued, elements=[attrs.evolve(e, citation="") for e in issued.elements]))),
        {"test_each_element_has_its_name_and_its_article"}),
    "reverses the elements": (
        _md_as(lambda issued: markdown.render(attrs.evolve(
            issued, elements=issued.elements[::-1]))),
        {"test_the_elements_come_in_the_notice_s_order"}),
    "pads the date": (
        _md_as(lambda issued: markdown.render(issued).replace(
            "年3月1日".encode(), "年03月01日".encode())),
        {"test_the_date_is_written_as_gb_t_9704_writes_it"}),
    "refuses a blank optional element": (
        _md_as(_refusing_blanks),
        {"test_an_optional_element_may_be_absent_or_blank"}),
    "reads its values": (
        _md_as(lambda issued: markdown.render(attrs.evolve(issued, elements=[
            attrs.evolve(e, text=e.text.replace("{被考核单位}", issued.text("被考核单位")))
            for e in issued.elements]))),
        {"test_a_value_is_printed_never_read"}),
    "no media type": (
        _md_as(markdown.render, media_type="markdown"),
        {"test_descriptor_is_well_formed"}),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FORMATS))
def test_a_broken_format_fails_the_suite(case):
    notice_format, failing = BROKEN_FORMATS[case]
    assert failures(FormatConformance, notice_format=notice_format) == failing


def test_the_format_suite_passes_the_builtins_checked_directly(builtins):
    for name in BUILTIN_FORMATS:
        assert failures(FormatConformance, notice_format=builtins.notice_formats()[name]) \
            == set()


# ── as an integrator runs them: pytest, a subclass, one fixture ─────────────────────
INTEGRATOR = """
    import attrs
    import pytest

    from respons.calendar import PlainCalendar
    from respons.plugins import markdown, rating
    from respons.registry import CalendarProvider, NoticeFormat, ScoringScheme
    from respons.testing import CalendarConformance, FormatConformance, SchemeConformance


    def load_weekly(settings):
        if settings:
            raise ValueError(f"unknown setting `{sorted(settings)[0]}`")
        return PlainCalendar("weekly")


    class TestWeekly(CalendarConformance):
        @pytest.fixture
        def calendar_provider(self):
            return CalendarProvider(name="weekly", load=load_weekly, description="every day")


    class TestSloppyCalendar(CalendarConformance):
        @pytest.fixture
        def calendar_provider(self):
            return CalendarProvider(name="sloppy", load=lambda s: PlainCalendar("sloppy"),
                                    description="ignores its settings")


    class TestStars(SchemeConformance):
        @pytest.fixture
        def scoring_scheme(self):
            return ScoringScheme(name="stars", score=rating.score, validate=rating.validate,
                                 description="a rating")


    class TestFloats(SchemeConformance):
        @pytest.fixture
        def scoring_scheme(self):
            def score(assessment, subject):
                return attrs.evolve(rating.score(assessment, subject), total=95.0)
            return ScoringScheme(name="floats", score=score, validate=rating.validate,
                                 description="float points")


    class TestText(FormatConformance):
        @pytest.fixture
        def notice_format(self):
            return NoticeFormat(name="text", media_type="text/markdown", extension=".md",
                                render=markdown.render, description="text")
"""


def test_an_integrator_runs_the_suites_with_pytest(tmp_path):
    test_file = tmp_path / "test_my_plugins.py"
    test_file.write_text(textwrap.dedent(INTEGRATOR), "utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rf", "-p",
                             "no:cacheprovider", test_file.name], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    failed = sorted(set(re.findall(r"^FAILED \S+::(\w+)::(\w+)", result.stdout, re.M)))
    assert failed == [("TestFloats", "test_a_score_is_made_of_decimals"),
                      ("TestSloppyCalendar", "test_an_unknown_setting_is_refused_naming_it")], \
        result.stdout[-3000:]
    passed = int(re.search(r"(\d+) passed", result.stdout)[1])
    assert passed == 2 * 9 + 2 * 7 + 12 - 2, result.stdout[-3000:]

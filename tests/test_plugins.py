"""Plugins: hooks are specified, typed and documented; built-ins register like outside plugins
and are trylast; `respons plugins` names distributions and versions; a plugin that fails,
misspells a hook or speaks another API version is one line naming it (with distribution and
version), exit 2. Names claimed twice: test_plugin_conflicts.py.

Every test but the first two uses a site of fake distributions (`plugin_site`), never the
developer's environment."""

from __future__ import annotations

import importlib.metadata
import inspect
import json

import pytest

from paths import ROOT
from plugin_site import Site, calendar_plugin, open_site
from respons import hookspecs
from respons.registry import (
    ENTRY_POINT_GROUP,
    PLUGIN_API_VERSION,
    CalendarProvider,
    PluginFailed,
    Registry,
    ScoringScheme,
    plugin_manager,
)

HOOKS = [name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
         if hasattr(getattr(hookspecs, name), "respons_spec")]
REGIME = "制度 规定 {{\n  层级 市\n  施行 2020-01-01\n  日历 {calendar}\n}}\n"


@pytest.fixture
def fake_site(tmp_path, monkeypatch):
    site = open_site(tmp_path, monkeypatch)
    yield site
    site.close()


def test_hooks_are_prefixed_documented_typed_and_have_contracts():
    docs = (ROOT / "docs" / "hooks.md").read_text("utf-8")
    assert HOOKS, "no hook specifications found"
    for name in HOOKS:
        function = getattr(hookspecs, name)
        assert name.startswith("respons_"), name
        assert (function.__doc__ or "").strip(), f"{name} has no contract"
        assert f"## {name}" in docs, f"{name} is not documented in docs/hooks.md"
        assert inspect.signature(function).return_annotation.startswith("list["), name


def test_builtins_register_through_the_entry_point_group():
    names = {ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
             if ep.value.startswith("respons.plugins.")}
    assert {"calendars", "points", "rating", "markdown", "html", "sqlite"} <= names


def test_builtins_alone_provide_the_documented_names(tmp_path):
    registry = Site(tmp_path).registry()
    assert set(registry.calendars()) == {"cn", "中国", "plain", "公历"}
    assert set(registry.scoring_schemes()) == {"points", "百分制", "rating", "等次评定",
                                                "findings", "内容评议", "files", "案卷评查",
                                                "weighted", "加权", "tiers", "条件分档"}
    assert set(registry.notice_formats()) == {"md", "html"}
    assert set(registry.storage_backends()) == {"sqlite"}
    assert all(row["builtin"] and row["distribution"] == "respons"
               for row in registry.entries())


def test_every_builtin_hook_is_trylast(tmp_path):
    manager = Site(tmp_path).manager()
    impls = [impl for name in HOOKS for impl in getattr(manager.hook, name).get_hookimpls()]
    assert impls
    for impl in impls:
        assert manager.origin(impl.plugin_name).builtin
        assert impl.trylast, f"{impl.plugin_name}.{impl.function.__name__} is not trylast"


def test_an_outside_plugin_comes_before_the_builtins(fake_site):
    fake_site.install("fake", calendar_plugin())
    manager = fake_site.manager()
    order = [impl.plugin_name for impl in manager.hook.respons_calendars.get_hookimpls()]
    assert order[-1] == "fake"  # pluggy calls the last one listed first


def test_an_outside_plugin_is_found_listed_and_accepted_by_check(fake_site, respons, tmp_path):
    fake_site.install("fake", calendar_plugin())
    registry = fake_site.registry()
    assert "weekdays" in registry.calendars()
    assert ("calendar", "weekdays", "fake", "respons-fake 1.0", "a test calendar") in \
        registry.listing()
    (tmp_path / "r.resp").write_text(REGIME.format(calendar="weekdays"), "utf-8")
    assert respons("check", "r.resp", cwd=tmp_path).exit_code == 0


def test_plugins_shows_distribution_version_and_what_is_built_in(fake_site, respons):
    fake_site.install("fake", calendar_plugin(), version="2.3.1")
    result = respons("plugins")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["KIND", "NAME", "PLUGIN", "FROM", "DESCRIPTION"]
    assert [line.split()[:6] for line in lines if " cn " in line] == \
        [["calendar", "cn", "(中国)", "calendars", "respons", "0.1.0"]]
    assert "(built in)" in next(line for line in lines if " cn " in line)
    weekdays = next(line for line in lines if "weekdays" in line)
    assert "respons-fake 2.3.1" in weekdays and "built in" not in weekdays
    document = json.loads(respons("plugins", "--format", "json").stdout)
    assert document["format_version"] == 1
    assert document["plugin_api_version"] == PLUGIN_API_VERSION
    rows = {row["name"]: row for row in document["plugins"]}
    assert rows["weekdays"] == {"kind": "calendar", "name": "weekdays", "aliases": [],
                                "plugin": "fake", "distribution": "respons-fake",
                                "version": "2.3.1", "builtin": False,
                                "description": "a test calendar"}
    assert (rows["cn"]["distribution"], rows["cn"]["builtin"]) == ("respons", True)
    assert {row["kind"] for row in document["plugins"]} == {"calendar", "scheme", "format",
                                                            "store"}


def test_a_disabled_plugin_is_not_loaded(fake_site, tmp_path, respons):
    fake_site.install("fake", calendar_plugin())
    assert "weekdays" not in fake_site.registry(disabled=["fake"]).calendars()
    (tmp_path / "respons.toml").write_text('[plugins]\ndisable = ["fake"]\n', "utf-8")
    (tmp_path / "r.resp").write_text(REGIME.format(calendar="weekdays"), "utf-8")
    result = respons("check", "r.resp", cwd=tmp_path)
    assert result.exit_code == 1 and "R0805" in result.stdout


# ── a plugin that fails: one line naming it, exit 2, never a traceback ───────────────
BROKEN_IMPORT = "raise RuntimeError('cannot start')\n"
RAISING_HOOK = """
    from respons import hookimpl

    @hookimpl
    def respons_calendars():
        raise KeyError('tz')
"""
MISSPELT_HOOK = """
    from respons import hookimpl

    @hookimpl
    def respons_calender():
        return []
"""
WRONG_RESULT = """
    from respons import hookimpl

    @hookimpl
    def respons_scoring_schemes():
        return {"name": "stars"}
"""
WRONG_ARGUMENTS = """
    from respons import hookimpl

    @hookimpl
    def respons_calendars(settings):
        return []
"""
OLD_SCORE = """
    from respons import hookimpl
    from respons.registry import ScoringScheme

    def score(assessment, occurrences, vetoes_holding, params):
        return None

    @hookimpl
    def respons_scoring_schemes():
        return [ScoringScheme(name="stars", score=score)]
"""
FUTURE_API = """
    from respons import hookimpl
    from respons.calendar import PlainCalendar
    from respons.registry import CalendarProvider

    @hookimpl
    def respons_calendars():
        return [CalendarProvider(name="hk", load=lambda s: PlainCalendar("hk"), api_version=2)]
"""
DISABLE = '; leave it out with [plugins] disable = ["broken"] in respons.toml'


@pytest.mark.parametrize(("source", "reason"), [
    (BROKEN_IMPORT, "RuntimeError: cannot start (when imported)"),
    (RAISING_HOOK, "KeyError: 'tz' (in respons_calendars)"),
    (MISSPELT_HOOK, "PluginValidationError: unknown hook 'respons_calender' "
                    "(did you mean 'respons_calendars'?)"),
    (WRONG_RESULT, "its respons_scoring_schemes returned {'name': 'stars'}, not a list of "
                   "ScoringScheme descriptors"),
    (WRONG_ARGUMENTS, "PluginValidationError: hookimpl definition: respons_calendars(settings); "
                      "Argument(s) {'settings'} are declared in the hookimpl but can not be "
                      "found in the hookspec (when registered)"),
    (OLD_SCORE, "TypeError: ScoringScheme.score must be callable as score(assessment, "
                "subject), but it takes (assessment, occurrences, vetoes_holding, params) "
                "(in respons_scoring_schemes)"),
    (FUTURE_API, "its calendar 'hk' is written for plugin API version 2, and this respons "
                 "speaks version 1: install a version of the plugin made for it"),
], ids=["import", "hook-raises", "misspelt-hook", "wrong-result", "wrong-arguments",
        "old-score-signature", "future-api"])
def test_a_failing_plugin_is_one_line_naming_it(fake_site, respons, tmp_path, source, reason):
    fake_site.install("broken", source, version="0.9")
    expected = f"plugin broken (respons-broken 0.9) failed: {reason}"
    with pytest.raises(PluginFailed) as caught:
        fake_site.registry()
    assert caught.value.message == expected
    (tmp_path / "r.resp").write_text(REGIME.format(calendar="cn"), "utf-8")
    result = respons("check", "r.resp", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {expected}{DISABLE}\n"
    result = respons("check", "--format", "json", "r.resp", cwd=tmp_path)
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "format_version": 1, "valid": False, "diagnostics": [],
        "error": {"message": expected, "help": DISABLE.removeprefix("; ")}}
    # As the message says: disabled, the plugin is left out and the command works.
    (tmp_path / "respons.toml").write_text('[plugins]\ndisable = ["broken"]\n', "utf-8")
    assert respons("check", "r.resp", cwd=tmp_path).exit_code == 0


def test_descriptors_are_keyword_only_and_check_their_callables():
    with pytest.raises(TypeError):
        CalendarProvider("hk", lambda settings: None)  # positional
    with pytest.raises(TypeError, match=r"load\(settings\)"):
        CalendarProvider(name="hk", load="not callable")
    with pytest.raises(TypeError, match="tuple of names"):
        CalendarProvider(name="hk", load=lambda settings: None, aliases="香港")
    with pytest.raises(TypeError, match=r"score\(assessment, subject\)"):
        ScoringScheme(name="stars", score=lambda assessment: None)
    with pytest.raises(TypeError, match="api_version"):
        CalendarProvider(name="hk", load=lambda settings: None, api_version="1")
    assert CalendarProvider(name="hk", load=lambda s: None).api_version == PLUGIN_API_VERSION


# ── a plugin's callable that fails while a command runs ──────────────────────────────
FAILING_CALLABLES = """
    from respons import hookimpl
    from respons.registry import CalendarProvider, ScoringScheme

    def load(settings):
        raise OSError("the holiday server is down")

    def validate(assessment):
        raise ZeroDivisionError("division by zero")

    @hookimpl
    def respons_calendars():
        return [CalendarProvider(name="hk", load=load)]

    @hookimpl
    def respons_scoring_schemes():
        return [ScoringScheme(name="stars", score=lambda a, s: None, validate=validate)]
"""


def test_a_callable_that_fails_is_one_line_naming_its_plugin(fake_site, respons, tmp_path):
    fake_site.install("broken", FAILING_CALLABLES)
    result = respons("calendar", "is-workday", "2025-10-01", "--calendar", "hk", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: plugin broken (respons-broken 1.0) failed: OSError: the "
                             "holiday server is down (loading calendar 'hk')" + DISABLE + "\n")
    result = respons("calendar", "is-workday", "2025-10-01", "--calendar", "hk", "--format",
                     "json", cwd=tmp_path)
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["message"].endswith("(loading calendar 'hk')")
    (tmp_path / "r.resp").write_text("制度 规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
                                     "考核 年度考核 {\n  方案 stars\n  等级 好\n}\n", "utf-8")
    result = respons("check", "r.resp", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: plugin broken (respons-broken 1.0) failed: "
                             "ZeroDivisionError: division by zero (validating for scheme "
                             "'stars')" + DISABLE + "\n")


def test_a_callable_breaking_its_contract_is_refused(fake_site):
    fake_site.install("broken", """
        from respons import hookimpl
        from respons.registry import NoticeFormat, ScoringScheme

        @hookimpl
        def respons_notice_formats():
            return [NoticeFormat(name="txt", media_type="text/plain", extension=".txt",
                                 render=lambda issued: "text, not bytes")]

        @hookimpl
        def respons_scoring_schemes():
            return [ScoringScheme(name="stars", score=lambda a, s: 95.0)]
    """)
    registry = fake_site.registry()
    with pytest.raises(PluginFailed, match=r"failed: render returned str, not bytes"):
        registry.notice_formats()["txt"].render(None)
    with pytest.raises(PluginFailed, match=r"failed: score returned float, not a Score"):
        registry.scoring_schemes()["stars"].score(None, None)


def test_a_value_error_is_the_contract_and_passes_through(fake_site):
    """A calendar refusing a setting raises ValueError (respons.toml R1002), not a failure."""
    calendars = fake_site.registry().calendars()
    with pytest.raises(ValueError, match="makeup_workday") as caught:
        calendars["cn"].load({"makeup_workday": False})
    assert not isinstance(caught.value, PluginFailed)


def test_plugins_registered_directly_are_named(tmp_path):
    import types

    module = types.ModuleType("direct")
    exec(compile(calendar_plugin("direct").replace("\n    ", "\n"), "direct", "exec"),
         module.__dict__)
    registry = Registry(plugin_manager(plugins=[module], path=Site(tmp_path).path))
    assert registry.origin(registry.calendars()["direct"]).plugin == "direct"
    assert ("calendar", "direct", "direct", "(registered directly)", "a test calendar") in \
        registry.listing()


def test_entry_points_are_found_as_importlib_metadata_finds_them(fake_site):
    from respons.entry_points import entry_points

    fake_site.install("fake", calendar_plugin(), version="1.2.3")
    found = entry_points(ENTRY_POINT_GROUP, fake_site.path)
    ours = sorted((ep.name, ep.value, ep.distribution, ep.version) for ep in found)
    theirs = sorted((ep.name, ep.value, dist.name.replace("_", "-"), dist.version)
                    for dist in importlib.metadata.distributions(path=fake_site.path)
                    for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP)
    assert ours == theirs
    assert ("fake", found[[ep.name for ep in found].index("fake")].value, "respons-fake",
            "1.2.3") in ours
    # Without a path, sys.path: the installed respons's own entry points are among them.
    installed = {(ep.name, ep.value) for ep in importlib.metadata.entry_points(
        group=ENTRY_POINT_GROUP)}
    assert installed <= {(ep.name, ep.value) for ep in entry_points(ENTRY_POINT_GROUP)}

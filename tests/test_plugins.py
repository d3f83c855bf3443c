"""Plugins: hooks are specified and documented, built-ins register like outside plugins,
and an outside plugin installed as a distribution is found, blocked, or survived."""

from __future__ import annotations

import importlib.metadata
import inspect
import textwrap

import pytest

from paths import ROOT
from respons import hookspecs
from respons.registry import ENTRY_POINT_GROUP, Registry, plugin_manager

HOOKS = [name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
         if hasattr(getattr(hookspecs, name), "respons_spec")]


def test_hooks_are_prefixed_documented_and_have_contracts():
    docs = (ROOT / "docs" / "hooks.md").read_text("utf-8")
    assert HOOKS, "no hook specifications found"
    for name in HOOKS:
        assert name.startswith("respons_"), name
        assert (getattr(hookspecs, name).__doc__ or "").strip(), f"{name} has no contract"
        assert f"## {name}" in docs, f"{name} is not documented in docs/hooks.md"


def test_builtins_register_through_the_entry_point_group():
    names = {ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
             if ep.value.startswith("respons.plugins.")}
    assert {"calendars", "points", "rating", "markdown"} <= names
    registry = Registry(plugin_manager())
    assert {"cn", "plain"} <= set(registry.calendars())
    assert {"points", "rating", "百分制"} <= set(registry.scoring_schemes())
    assert "md" in registry.notice_formats()


@pytest.fixture
def fake_distribution(tmp_path, monkeypatch):
    """Install a distribution `respons-fake` with one plugin module, on sys.path only."""
    def install(module_source: str, name: str = "fake"):
        (tmp_path / f"respons_{name}.py").write_text(textwrap.dedent(module_source), "utf-8")
        info = tmp_path / f"respons_{name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: respons-{name}\n"
                                       "Version: 1.0\n", "utf-8")
        (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{name} = "
                                               f"respons_{name}\n", "utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        importlib.invalidate_caches()
    return install


CALENDAR_PLUGIN = """
    from respons import hookimpl
    from respons.registry import CalendarProvider

    @hookimpl
    def respons_calendars():
        return [CalendarProvider(name="weekdays", load=lambda settings: None,
                                 description="a test calendar")]
"""


def test_an_outside_plugin_is_found_listed_and_accepted_by_check(fake_distribution, respons,
                                                                  tmp_path):
    fake_distribution(CALENDAR_PLUGIN)
    registry = Registry(plugin_manager())
    assert "weekdays" in registry.calendars()
    assert ("calendar", "weekdays", "fake", "a test calendar") in registry.listing()
    regime = tmp_path / "r.resp"
    regime.write_text("制度 规定 {\n  层级 市\n  施行 2020-01-01\n  日历 weekdays\n}\n", "utf-8")
    assert respons("check", str(regime)).exit_code == 0
    assert "weekdays" in respons("plugins").stdout


def test_a_disabled_plugin_is_not_loaded(fake_distribution, tmp_path, respons):
    fake_distribution(CALENDAR_PLUGIN)
    assert "weekdays" not in Registry(plugin_manager(disabled=["fake"])).calendars()
    (tmp_path / "respons.toml").write_text('[plugins]\ndisable = ["fake"]\n', "utf-8")
    regime = tmp_path / "r.resp"
    regime.write_text("制度 规定 {\n  层级 市\n  施行 2020-01-01\n  日历 weekdays\n}\n", "utf-8")
    result = respons("check", "r.resp", cwd=tmp_path)
    assert result.exit_code == 1 and "R0805" in result.stdout


def test_a_broken_plugin_is_left_out_with_a_warning(fake_distribution, respons, tmp_path):
    fake_distribution("raise RuntimeError('cannot start')\n", name="broken")
    manager = plugin_manager()
    assert manager.respons_load_errors == [("broken", "RuntimeError: cannot start")]
    result = respons("plugins")
    assert result.exit_code == 0
    assert "plugin 'broken' could not be loaded" in result.stderr
    assert "cn" in result.stdout


def test_plugins_command_json(respons):
    import json

    document = json.loads(respons("plugins", "--format", "json").stdout)
    assert document["format_version"] == 1
    kinds = {item["kind"] for item in document["plugins"]}
    assert {"calendar", "scheme", "format"} <= kinds


def test_entry_points_are_found_as_importlib_metadata_finds_them(fake_distribution):
    from respons.entry_points import entry_points

    fake_distribution(CALENDAR_PLUGIN)
    ours = sorted((ep.name, ep.value) for ep in entry_points(ENTRY_POINT_GROUP))
    theirs = sorted((ep.name, ep.value)
                    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
    assert ours == theirs
    assert ("fake", "respons_fake") in ours

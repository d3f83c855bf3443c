"""Every error in the format asked for (issue 8, point 8): with ``--format json`` a broken
respons.toml or a failing plugin is the JSON error document on stdout (docs/cli.md), exit
2 — for every command that writes JSON — and text on stderr otherwise."""

from __future__ import annotations

import importlib
import json

import click
import pytest

from plugin_site import open_site
from respons.cli import COMMANDS

REGIME = "制度 规定 {\n  层级 市\n  施行 2020-01-01\n}\n"
RECORD = '{"id": "a", "type": "x", "at": "2024-01-01"}\n'

#: Every command that takes --format json, with arguments that would otherwise run it.
JSON_COMMANDS = {
    "check": ["check", "r.resp"],
    "show": ["show", "r.resp"],
    "plugins": ["plugins"],
    "calendar add": ["calendar", "add", "2025-09-30", "5", "workdays"],
    "calendar is-workday": ["calendar", "is-workday", "2025-10-01"],
    "evaluate": ["evaluate", "r.resp"],
    "run": ["run", "r.resp", "r.jsonl"],
    "assess": ["assess", "r.resp", "--year", "2025"],
    "ingest": ["ingest", "r.resp", "r.jsonl"],
    "verify": ["verify"],
    "store info": ["store", "info"],
    "test": ["test", "r.resp"],
    "liability": ["liability", "r.resp", "--year", "2025"],
}


def _json_commands() -> set[str]:
    """The commands of `respons` that offer ``--format json``, found by walking the CLI."""
    found = set()

    def walk(command: click.Command, name: str) -> None:
        if isinstance(command, click.Group):
            for sub, child in command.commands.items():
                walk(child, f"{name} {sub}")
            return
        for param in command.params:
            if "--format" in getattr(param, "opts", ()) and \
                    "json" in getattr(param.type, "choices", ()):
                found.add(name)

    for name, target in COMMANDS.items():
        module, function = target.split(":")
        walk(getattr(importlib.import_module(module), function), name)
    return found


def test_every_command_with_json_output_is_tested_here():
    assert _json_commands() == set(JSON_COMMANDS)


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()  # respons.toml is looked for up to here, no further
    (tmp_path / "r.resp").write_text(REGIME, "utf-8")
    (tmp_path / "r.jsonl").write_text(RECORD, "utf-8")
    return tmp_path


BROKEN_SETTINGS = {
    "unknown-table": ('[stor]\nurl = "x"\n', "R1001", 1,
                      "unknown table [stor] (did you mean 'store'?)"),
    "not-toml": ('[store\n', "R1002", 1, None),
    "plugin-settings": ('[plugins.sqlite]\nlock_timout = 5\n', "R1001", 2,
                        "unknown key 'lock_timout' in [plugins.sqlite] (did you mean "
                        "'lock_timeout'?)"),
}


@pytest.mark.parametrize("settings", sorted(BROKEN_SETTINGS))
@pytest.mark.parametrize("command", sorted(JSON_COMMANDS))
def test_a_broken_respons_toml_is_json_on_stdout(respons, project, command, settings):
    text, code, line, message = BROKEN_SETTINGS[settings]
    (project / "respons.toml").write_text(text, "utf-8")
    result = respons(*JSON_COMMANDS[command], "--format", "json", cwd=project)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert list(document) == ["format_version", "valid", "error", "diagnostics"]
    assert (document["format_version"], document["valid"]) == (1, False)
    [diagnostic] = document["diagnostics"]
    assert (diagnostic["code"], diagnostic["line"], diagnostic["severity"]) == \
        (code, line, "error")
    assert diagnostic["file"].endswith("respons.toml")
    if message is not None:
        assert diagnostic["message"] == message
    assert document["error"]["message"] == \
        f"{diagnostic['file']}:{line}:{diagnostic['column']}: {diagnostic['message']}"


@pytest.mark.parametrize("command", sorted(JSON_COMMANDS))
def test_a_broken_respons_toml_is_text_on_stderr_otherwise(respons, project, command):
    (project / "respons.toml").write_text('[stor]\nurl = "x"\n', "utf-8")
    result = respons(*JSON_COMMANDS[command], cwd=project)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "respons.toml:1:1: error R1001: unknown table [stor]" in result.stderr


@pytest.mark.parametrize("output", ["github", "sarif"])
def test_check_in_other_formats_says_it_as_text(respons, project, output):
    (project / "respons.toml").write_text('[stor]\nurl = "x"\n', "utf-8")
    result = respons("check", "--format", output, "r.resp", cwd=project)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "error R1001" in result.stderr


@pytest.mark.parametrize("command", sorted(JSON_COMMANDS))
def test_a_failing_plugin_is_json_on_stdout(respons, project, command, tmp_path,
                                            monkeypatch):
    site = open_site(tmp_path, monkeypatch)
    site.install("broken", "raise ImportError('no module named holidays')\n")
    try:
        result = respons(*JSON_COMMANDS[command], "--format", "json", cwd=project)
    finally:
        site.close()
    assert (result.exit_code, result.stderr) == (2, "")
    assert json.loads(result.stdout) == {
        "format_version": 1, "valid": False, "diagnostics": [],
        "error": {"message": "plugin broken (respons-broken 1.0) failed: ImportError: no "
                             "module named holidays (when imported)",
                  "help": 'leave it out with [plugins] disable = ["broken"] in respons.toml'}}


def test_calendar_errors_of_its_own_are_json_too(respons, project):
    result = respons("calendar", "add", "2030-01-02", "5", "workdays", "--format", "json",
                     cwd=project)
    assert (result.exit_code, result.stderr) == (1, "")  # no data for 2030: exit 1
    document = json.loads(result.stdout)
    assert document["error"]["message"].startswith("calendar 'cn' has no data for 2030")
    result = respons("calendar", "add", "2025-01-02", "5", "workdays", "--calendar", "hk",
                     "--format", "json", cwd=project)
    assert (result.exit_code, result.stderr) == (2, "")
    assert json.loads(result.stdout)["error"]["message"].startswith(
        "--calendar: unknown calendar 'hk'")
    result = respons("calendar", "add", "2025-01-02", "5", "workdays", "--calendar", "hk",
                     cwd=project)
    assert result.exit_code == 2 and "unknown calendar 'hk'" in result.stderr


STORE_COMMANDS = ["evaluate", "run", "ingest", "verify", "store info"]


@pytest.mark.parametrize("name", STORE_COMMANDS)
def test_a_store_that_cannot_be_used_is_reported_in_json_too(respons, project, name):
    """An unknown store scheme — the store's errors go through the same function."""
    (project / "r.resp").write_text(REGIME, "utf-8")
    (project / "r.jsonl").write_text(RECORD, "utf-8")
    result = respons(*JSON_COMMANDS[name], "--store", "nosuch:///x", "--format", "json",
                     cwd=project)
    assert result.exit_code == 2, result.stdout + result.stderr
    document = json.loads(result.stdout)
    assert document["valid"] is False and "nosuch://" in document["error"]["message"]
    assert result.stderr == ""

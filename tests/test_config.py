"""respons.toml: every table and key is known; problems are reported with their line."""

from __future__ import annotations

from pathlib import Path

from respons.config import find_config, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "respons.toml"
    path.write_text(text, "utf-8")
    return path


def test_settings_are_read_and_paths_made_absolute(tmp_path):
    path = write(tmp_path, '[store]\nurl = "sqlite:///x.db"\n[regimes]\npath = ["province"]\n'
                           '[calendars.cn]\ndata = ["cal/2027.toml"]\nmakeup_workdays = false\n'
                           '[plugins]\ndisable = ["markdown"]\n')
    settings, problems = load_settings(path)
    assert problems == []
    # Relative to respons.toml's folder, not to wherever respons runs.
    assert settings.store_url == f"sqlite:///{(tmp_path / 'x.db').resolve()}"
    assert settings.regimes_path == ((tmp_path / "province").resolve(),)
    assert settings.calendars == {"cn": {"data": [str((tmp_path / "cal/2027.toml").resolve())],
                                         "makeup_workdays": False}}
    assert settings.disabled_plugins == ("markdown",)


def test_unknown_tables_and_keys_are_reported_with_their_place(tmp_path):
    path = write(tmp_path, '[store]\nurl = "sqlite:///x.db"\nuri = "x"\n\n[calender]\nx = 1\n'
                           '[regimes]\npath = "province"\n')
    _, problems = load_settings(path)
    found = [(d.code, d.span.line, d.message) for d in problems]
    assert found == [
        ("R1001", 3, "unknown key 'uri' in [store] (did you mean 'url'?)"),
        ("R1001", 5, "unknown table [calender] (did you mean 'calendars'?)"),
        ("R1002", 8, "regimes.path must be a list of strings (folders where extends/uses look for "
                     "regimes by id)"),
    ]


def test_invalid_toml_is_reported_with_line_and_column(tmp_path):
    path = write(tmp_path, '[store]\nurl = "unterminated\n')
    _, problems = load_settings(path)
    assert [(d.code, d.span.line) for d in problems] == [("R1002", 2)]


def test_config_is_found_from_the_current_folder_up(tmp_path):
    write(tmp_path, "")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "respons.toml"


def test_a_bad_config_stops_commands_with_exit_two(respons, tmp_path):
    write(tmp_path, "[stor]\n")
    result = respons("plugins", cwd=tmp_path)
    assert result.exit_code == 2
    assert "respons.toml:1:1: error R1001: unknown table [stor]" in result.stderr
    assert respons("explain", "R0101", cwd=tmp_path).exit_code == 0  # needs no settings


def test_regimes_path_is_where_extends_looks(respons, tmp_path):
    province = tmp_path / "province"
    province.mkdir()
    (province / "prov.resp").write_text(
        "制度 省规定 {\n  层级 省\n  施行 2018-01-01\n}\n过错 不作为 〔第一条〕\n", "utf-8")
    city = tmp_path / "city"
    city.mkdir()
    (city / "city.resp").write_text(
        "制度 市规定 {\n  层级 市\n  施行 2019-01-01\n  上位 prov\n}\n", "utf-8")
    assert respons("check", "city/city.resp", cwd=tmp_path).exit_code == 1  # not found
    write(tmp_path, '[regimes]\npath = ["province"]\n')
    assert respons("check", "city/city.resp", cwd=tmp_path).exit_code == 0

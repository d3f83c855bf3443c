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


# ── which respons.toml is in force ───────────────────────────────────────────────────────
def test_a_relative_store_url_is_relative_to_respons_toml_not_the_current_folder(
        respons, tmp_path, monkeypatch):
    monkeypatch.delenv("RESPONS_STORE", raising=False)
    write(tmp_path, '[store]\nurl = "sqlite:///data/records.db"\n')
    (tmp_path / "data").mkdir()
    sub = tmp_path / "cases" / "2025"
    sub.mkdir(parents=True)
    result = respons("store", "init", cwd=sub)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "data" / "records.db").is_file()
    assert not (sub / "data").exists()
    # From the project's folder, the same store: one store, not one per folder.
    assert "up to date" in respons("store", "init", cwd=tmp_path).stdout


def test_store_urls_given_on_the_command_line_stay_relative_to_the_current_folder(
        respons, tmp_path, monkeypatch):
    write(tmp_path, '[store]\nurl = "sqlite:///records.db"\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    assert respons("store", "init", "--store", "sqlite:///here.db", cwd=sub).exit_code == 0
    assert (sub / "here.db").is_file()
    monkeypatch.setenv("RESPONS_STORE", "sqlite:///env.db")
    assert respons("store", "init", cwd=sub).exit_code == 0
    assert (sub / "env.db").is_file() and not (tmp_path / "records.db").exists()


def test_store_url_from_keeps_what_is_not_a_relative_sqlite_path(tmp_path):
    from respons.config import store_url_from

    base = tmp_path.resolve()
    assert store_url_from("sqlite:///a b/x%3F.db?mode=ro", base) == \
        f"sqlite:///{base}/a b/x%3F.db?mode=ro"
    for url in ("sqlite:////srv/x.db", "sqlite:///:memory:", "postgresql://h/db",
                "duckdb:///x.duckdb", ""):
        assert store_url_from(url, base) == url


def test_the_search_stops_at_a_repository_root(tmp_path):
    write(tmp_path, "")  # above the project: never applies to it
    for marker in (".git", ".hg"):
        project = tmp_path / f"project{marker}"
        nested = project / "a" / "b"
        nested.mkdir(parents=True)
        (project / marker).mkdir()
        assert find_config(nested) is None
        write(project, "")
        assert find_config(nested) == project / "respons.toml"


def test_the_search_stops_at_the_home_folder(tmp_path, monkeypatch):
    write(tmp_path, "")
    home = tmp_path / "home"
    nested = home / "work"
    nested.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert find_config(nested) is None
    write(home, "")
    assert find_config(nested) == home / "respons.toml"


def test_a_respons_toml_found_above_the_current_folder_is_named(respons, tmp_path):
    path = write(tmp_path, '[plugins]\ndisable = ["markdown"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    notice = f"respons: using settings from {path.resolve()}"
    assert notice in respons("plugins", cwd=sub).stderr
    # Where one would look anyway, or chosen: nothing to say.
    assert "using settings" not in respons("plugins", cwd=tmp_path).stderr
    assert "using settings" not in respons("--config", str(path), "plugins", cwd=sub).stderr
    # A command that reads no settings does not look for them.
    assert "using settings" not in respons("explain", "R0101", cwd=sub).stderr


# ── limits ───────────────────────────────────────────────────────────────────────────────
def test_a_respons_toml_nested_100000_deep_is_refused(respons, tmp_path):
    for text in ("x = " + "[" * 100_000 + "]" * 100_000 + "\n",
                 "[store]\nurl = " + "{a=" * 100_000 + "1" + "}" * 100_000 + "\n"):
        write(tmp_path, text)
        result = respons("plugins", cwd=tmp_path)
        assert result.exit_code == 2
        assert "error R1002:" in result.stderr and "nests arrays or tables too deeply" \
            in result.stderr


def test_an_integer_of_thousands_of_digits_in_respons_toml_is_refused(respons, tmp_path):
    write(tmp_path, "[plugins.sqlite]\nlock_timeout = " + "9" * 5000 + "\n")
    result = respons("plugins", cwd=tmp_path)
    assert result.exit_code == 2 and "error R1002:" in result.stderr


def _run_limited(*args: str, cwd, timeout: float = 60):
    """respons in a child process with 1 GiB of address space (see tests/language/
    test_limits.py)."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "respons", *args], cwd=cwd, timeout=timeout,
                          capture_output=True, text=True, preexec_fn=limit)


def test_a_fifo_given_as_config_is_refused_without_waiting(tmp_path):
    import os

    os.mkfifo(tmp_path / "respons.toml")
    result = _run_limited("--config", "respons.toml", "plugins", cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    assert "cannot read respons.toml: it is not a regular file (a FIFO)" in result.stderr


def test_a_device_given_as_config_is_refused_without_reading_it(tmp_path):
    result = _run_limited("--config", "/dev/zero", "plugins", cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot read /dev/zero: it is not a regular file (a device)" in result.stderr


def test_a_respons_toml_above_1_mib_is_refused(respons, tmp_path):
    write(tmp_path, "# padding\n" * 120_000)
    result = respons("plugins", cwd=tmp_path)
    assert result.exit_code == 2 and "larger than 1 MiB" in result.stderr


def test_many_unknown_plugin_tables_are_placed_in_time_proportional_to_them(respons,
                                                                           tmp_path):
    import time

    def seconds(n: int) -> float:
        write(tmp_path, "".join(f"[plugins.unknown{i}]\nkey = 1\n" for i in range(n)))
        best = float("inf")
        for _ in range(3):
            # CPU time of this process (the command runs in it): what other processes on a
            # loaded machine do does not count, as wall-clock time would.
            started = time.process_time()
            result = respons("plugins", cwd=tmp_path)
            best = min(best, time.process_time() - started)
        assert result.exit_code == 2
        assert result.stderr.count("error R1001") == n
        return best

    small, large = seconds(1500), seconds(3000)
    # Placing each table by scanning the whole file again is 4× the time for 2× the tables.
    assert large < 3 * small, (small, large)

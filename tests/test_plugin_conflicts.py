"""Names are each one plugin's: two plugins (or one, twice) claiming one name or alias of one
kind — calendar, scheme, format, store URL scheme, settings table, entry-point name — is an
error naming both with their distributions, never a silent first-wins (issue 8: an outside
`cn` calendar gave `calendar add` a second answer). Fake distributions only."""

from __future__ import annotations

import pytest

from plugin_site import calendar_plugin, open_site
from respons.registry import PluginConflict


@pytest.fixture
def fake_site(tmp_path, monkeypatch):
    site = open_site(tmp_path, monkeypatch)
    yield site
    site.close()


CN_CALENDAR = calendar_plugin("cn")
ALIAS_CALENDAR = calendar_plugin("china", ("中国",))
SCHEME = """
    from respons import hookimpl
    from respons.registry import ScoringScheme, Score

    @hookimpl
    def respons_scoring_schemes():
        return [ScoringScheme(name="stars", aliases=("百分制",),
                              score=lambda assessment, subject: Score(total=None, grade=None))]
"""
FORMAT = """
    from respons import hookimpl
    from respons.registry import NoticeFormat

    @hookimpl
    def respons_notice_formats():
        return [NoticeFormat(name="md", media_type="text/markdown", extension=".md",
                             render=lambda issued: b"")]
"""
STORE = """
    from respons import hookimpl
    from respons.registry import StorageBackend

    @hookimpl
    def respons_storage_backends():
        return [StorageBackend(name="lite", schemes=("sqlite",), open=lambda url, s: None)]
"""
SETTINGS = """
    from respons import hookimpl
    from respons.registry import SettingsTable

    @hookimpl
    def respons_settings():
        return [SettingsTable(plugin="sqlite", keys={"journal": "the journal mode"})]
"""


@pytest.mark.parametrize(("source", "builtin", "what"), [
    (CN_CALENDAR, "calendars", "a calendar called 'cn'"),
    (ALIAS_CALENDAR, "calendars", "a calendar called '中国'"),
    (SCHEME, "points", "a scoring scheme called '百分制'"),
    (FORMAT, "markdown", "a notice format called 'md'"),
    (STORE, "sqlite", "the store URL scheme sqlite://"),
    (SETTINGS, "sqlite", "the settings table [plugins.sqlite]"),
], ids=["calendar", "calendar-alias", "scheme-alias", "format", "store-scheme", "settings"])
def test_two_plugins_claiming_one_name_is_an_error_naming_both(fake_site, source, builtin,
                                                               what):
    fake_site.install("outside", source)
    with pytest.raises(PluginConflict) as caught:
        fake_site.registry()
    first, second = sorted([f"{builtin} (respons 0.1.0)", "outside (respons-outside 1.0)"])
    assert caught.value.message == f"plugins {first} and {second} both provide {what}"
    assert '[plugins] disable = ["' in caught.value.help
    # Leaving out either one resolves it.
    assert fake_site.registry(disabled=["outside"])
    assert fake_site.registry(disabled=[builtin])


def test_an_outside_cn_calendar_is_refused_not_a_second_answer(fake_site, respons, tmp_path):
    """issue 8: an outside `cn` made `calendar add 2025-09-30 5 workdays` answer 2025-10-05
    while the alias 中国 still picked the built-in's 2025-10-14."""
    fake_site.install("outside", CN_CALENDAR)
    for name in ("cn", "中国"):
        result = respons("calendar", "add", "2025-09-30", "5", "workdays", "--calendar", name,
                         cwd=tmp_path)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.startswith("error: plugins calendars (respons 0.1.0) and outside "
                                        "(respons-outside 1.0) both provide a calendar called "
                                        "'cn'; leave one of them out")
    (tmp_path / "respons.toml").write_text('[plugins]\ndisable = ["outside"]\n', "utf-8")
    for name in ("cn", "中国"):
        result = respons("calendar", "add", "2025-09-30", "5", "workdays", "--calendar", name,
                         cwd=tmp_path)
        assert result.stdout == "2025-10-14\n"


def test_one_plugin_giving_a_name_twice_is_an_error(fake_site):
    fake_site.install("twice", """
        from respons import hookimpl
        from respons.calendar import PlainCalendar
        from respons.registry import CalendarProvider

        @hookimpl
        def respons_calendars():
            return [CalendarProvider(name="hk", load=lambda s: PlainCalendar("hk")),
                    CalendarProvider(name="macau", aliases=("hk",),
                                     load=lambda s: PlainCalendar("macau"))]
    """)
    with pytest.raises(PluginConflict, match=r"^plugin twice \(respons-twice 1.0\) provides "
                                             r"a calendar called 'hk' twice"):
        fake_site.registry()


def test_two_distributions_naming_a_plugin_alike_is_an_error(fake_site):
    fake_site.install("same", calendar_plugin("one"), distribution="respons-one")
    fake_site.install("same", calendar_plugin("two"), distribution="respons-two")
    with pytest.raises(PluginConflict) as caught:
        fake_site.manager()
    assert caught.value.message == ("plugins same (respons-one 1.0) and same (respons-two 1.0) "
                                    "both provide a plugin named 'same'")
    assert "uninstall one" in caught.value.help

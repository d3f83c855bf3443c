"""Where a plugin comes from, and the one-line errors a plugin can cause.

Every failure of a plugin — it does not import, a hook raises or returns something that
is not a list of its descriptors, a hook name matches no specification, a descriptor is
written for a plugin API respons does not speak, two plugins claim one name — is a
`PluginError`: a one-line ``message`` naming the plugin with its distribution and version,
and a ``help`` saying how to leave it out (``[plugins] disable`` in respons.toml). The
command line prints it in the format asked for and exits 2 (`respons.app`); it never
becomes a traceback.
"""

from __future__ import annotations

import attrs

DISABLE = 'leave it out with [plugins] disable = ["{plugin}"] in respons.toml'


@attrs.frozen(kw_only=True)
class Origin:
    """Who provides something: the plugin's entry-point name (the name ``[plugins]
    disable`` takes), its distribution and that distribution's version; ``builtin`` for
    the plugins respons itself ships."""

    plugin: str
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False

    @property
    def source(self) -> str:
        """``respons-postgresql 0.1.0``, or what stands for it when there is none."""
        if self.distribution is None:
            return "registered directly, not from a distribution"
        return f"{self.distribution} {self.version or '(no version)'}"

    def __str__(self) -> str:
        return f"{self.plugin} ({self.source})"


def first_line(error: BaseException) -> str:
    """``TypeName: the first line of its message`` (``TypeName`` alone if it says nothing)."""
    text = str(error).strip()
    kind = type(error).__name__
    return f"{kind}: {text.splitlines()[0]}" if text else kind


class PluginError(Exception):
    """A plugin cannot be used: ``message`` (one line) and ``help`` (what to do)."""

    def __init__(self, message: str, help: str = "") -> None:
        self.message, self.help = message, help
        super().__init__(message + (f"; {help}" if help else ""))


class PluginFailed(PluginError):
    """A plugin failed to import, a hook of it raised, or what it gave breaks its contract:
    ``plugin NAME (DIST VERSION) failed: <ExceptionType>: <message>``."""

    def __init__(self, origin: Origin, reason: str, doing: str = "") -> None:
        self.origin = origin
        super().__init__(f"plugin {origin} failed: {reason}" + (f" ({doing})" if doing else ""),
                         DISABLE.format(plugin=origin.plugin))


class PluginConflict(PluginError):
    """Two plugins (or one, twice) claim one name or alias of one kind."""

    def __init__(self, what: str, first: Origin, second: Origin) -> None:
        self.origins = (first, second)
        if first == second:
            super().__init__(f"plugin {first} provides {what} twice",
                             DISABLE.format(plugin=first.plugin))
            return
        super().__init__(
            f"plugins {first} and {second} both provide {what}",
            f'leave one of them out with [plugins] disable = ["{first.plugin}"] or '
            f'["{second.plugin}"] in respons.toml')

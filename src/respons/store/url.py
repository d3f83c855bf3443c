"""Store URLs: ``sqlite:///relative.db``, ``sqlite:////absolute.db``, ``postgresql://…``.

The scheme picks the backend; the rest belongs to it. URLs are shown to users only with
the password masked.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from respons.store.api import StoreUnavailable


def scheme_of(url: str) -> str:
    scheme, sep, _ = url.partition("://")
    if not sep or not scheme:
        raise StoreUnavailable(f"store URL {url!r} has no scheme: write sqlite:///respons.db "
                               "or postgresql://user@host/database")
    return scheme.lower()


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")
    user = parts.username or ""
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[2]}"))


def sqlite_path(url: str) -> str:
    """The file a ``sqlite:`` URL names: three slashes then a relative path, four then an
    absolute one (as SQLAlchemy reads them); ``sqlite:///:memory:`` is kept in memory."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() != "sqlite" or not rest.startswith("/"):
        raise StoreUnavailable(f"store URL {url!r} is not sqlite:///PATH "
                               "(sqlite:///respons.db, sqlite:////var/respons/store.db)")
    path = urllib.parse.unquote(rest[1:].partition("?")[0])
    if not path:
        raise StoreUnavailable(f"store URL {url!r} names no file: write sqlite:///respons.db")
    return path if path == ":memory:" else str(Path(path))

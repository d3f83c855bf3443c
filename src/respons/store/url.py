"""Store URLs: ``sqlite:///relative.db``, ``sqlite:////absolute.db``, ``postgresql://…``.

The scheme picks the backend; the rest belongs to it. URLs are shown to users only with
the password masked (`redact`; `respons.store.masking` masks it in any other message).
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from respons.store.api import StoreUnavailable
from respons.store.masking import (
    SECRET_PARAMETERS,
    mask,
    password_candidates,
    user_information_end,
)

#: What a SQLite store cannot be: it would vanish when respons exits.
_TRANSIENT = {":memory:": "a database in memory"}


def scheme_of(url: str) -> str:
    scheme, sep, _ = url.partition("://")
    if not sep or not scheme:
        raise StoreUnavailable(f"store URL {redact(url)!r} has no scheme: write "
                               "sqlite:///respons.db or postgresql://user@host/database")
    return scheme.lower()


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``: the one in ``user:password@`` and
    any ``password=``/``sslpassword=`` of the query.

    It reads the URL by hand, not with `urllib.parse` (which refuses some malformed URLs,
    and stops the user information at a ``/`` that the user meant as part of the
    password): the user information runs to the last ``@`` before the query
    (`respons.store.masking.user_information_end`). Whatever any other reader could take
    for the password, or a piece of it, is masked as well (`respons.store.masking.mask`).
    """
    scheme, sep, rest = url.partition("://") if "://" in url else ("", "", url)
    candidates = password_candidates(url)
    at = user_information_end(rest)
    if at >= 0 and ":" in rest[:at]:
        user = rest[:at].partition(":")[0]
        rest = f"{user}:***{rest[at:]}"
        at = len(user) + 4
    head, question, query = rest[max(at, 0):].partition("?")
    if question:
        query, hash_, fragment = query.partition("#")
        pairs = []
        for pair in query.split("&"):
            key, equals, _ = pair.partition("=")
            if equals and urllib.parse.unquote(key).strip().lower() in SECRET_PARAMETERS:
                pair = f"{key}=***"
            pairs.append(pair)
        rest = rest[:max(at, 0)] + head + "?" + "&".join(pairs) + hash_ + fragment
    return mask(f"{scheme}{sep}{rest}", candidates)


def sqlite_path(url: str) -> str:
    """The file a ``sqlite:`` URL names: three slashes then a relative path, four then an
    absolute one (as SQLAlchemy reads them). ``sqlite:///:memory:`` is a database in
    memory: `respons.store.sqlite.SQLiteStore` opens it (the conformance suite compares
    against one), but it is not `persistent`, and `respons.store.open_store` refuses it."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() != "sqlite" or not rest.startswith("/"):
        raise StoreUnavailable(f"store URL {redact(url)!r} is not sqlite:///PATH "
                               "(sqlite:///respons.db, sqlite:////var/respons/store.db)")
    path = urllib.parse.unquote(rest[1:].partition("?")[0])
    if not path:
        raise StoreUnavailable(f"store URL {redact(url)!r} names no file: write sqlite:///respons.db")
    if "\0" in path:
        raise StoreUnavailable(f"store URL {redact(url)!r} names a file with a NUL character (%00) "
                               "in its name, which no file can have")
    return path if path in _TRANSIENT else str(Path(path))


def transient(path: str) -> str | None:
    """What a SQLite path is when it is not a file that outlives the process, else None."""
    return _TRANSIENT.get(path)

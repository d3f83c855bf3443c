"""Keeping the password of a store URL out of every message respons prints.

`respons.store.url.redact` masks the password where respons shows a URL. But a URL a
user mistypes is read differently by each program that reads it — urllib stops the host
at the first ``/``, ``?`` or ``#``, libpq stops the user information at the first ``@``
or ``/``, a user means the password to run to the ``@`` before the host — and the
drivers' own messages quote what they read: a "port" that is the start of the password,
a "host" that is its end, a query parameter that is half of it. This module is the
final filter: `password_candidates` lists every text that could be the password, or a
piece of it, as written or percent-decoded, under any of those readings; `mask` removes
them from a message. It over-masks rather than under-masks: a host or database name that
happens to equal a piece of the password is masked too.

It does not parse URLs for connecting (that is each backend's job) and holds no state:
the command line keeps the candidates of the URL a command opened (`respons.commands.store`).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable

#: libpq connection parameters whose value is a secret: masked wherever a URL is shown.
SECRET_PARAMETERS = frozenset({"password", "sslpassword"})

#: Where a driver may cut a password into pieces, or quote it: a piece is masked on its own.
_CUTS = re.compile(r"[/?#@:&=%+\s'\"\\,;]")

#: The start of a query parameter (``?sslmode=``): what follows is no longer the user
#: information, however many ``@`` it holds (``application_name=a@b``).
_QUERY = re.compile(r"\?[A-Za-z_][A-Za-z0-9_]*=")

#: A secret parameter and its value: up to the next ``&`` (as libpq reads it) or up to the
#: next ``&name=`` (as a user who put a ``&`` in the password meant it).
_SECRET_PAIR = re.compile(r"(?:^|[?&])([^&=?#]*)=([^&]*)((?:&(?![^&=?#]+=)[^&]*)*)")

#: Pieces shorter than this are masked only where they stand alone (not inside a word or a
#: percent-escape), so that a password piece ``c`` does not turn "connection" into
#: "***onne***tion".
_SHORT = 4

#: Candidates are listed for URLs of sane length; beyond it the whole text is a candidate.
_MAX_PIECES = 64


def user_information_end(rest: str) -> int:
    """Where the user information of ``rest`` (a URL after ``scheme://``) ends: the index
    of the ``@`` before the host, or -1.

    This is the reading that masks most: the last ``@`` before the query, so that a
    password holding an unencoded ``/``, ``?``, ``#`` or ``@`` is all of it masked. A URL
    whose authority is empty (``sqlite:///x:y@z``, ``postgresql:///db``) has none.
    """
    if rest.startswith("/"):
        return -1
    query = _QUERY.search(rest)
    return rest.rfind("@", 0, query.start() if query else len(rest))


def _readings(url: str) -> list[str]:
    """Every text some reader of ``url`` takes for a password, as written."""
    rest = url.partition("://")[2] if "://" in url else url
    found = []
    end = user_information_end(rest)
    if end >= 0 and ":" in rest[:end]:  # the reading of `redact`, and of the user
        found.append(rest[:end].partition(":")[2])
    if not rest.startswith("/"):
        # libpq: the user information runs to the first "@", unless a "/" comes first.
        libpq = re.match(r"[^@/]*@", rest)
        if libpq and ":" in libpq[0]:
            found.append(libpq[0][:-1].partition(":")[2])
        # urllib: the authority runs to the first "/", "?" or "#"; the user information
        # to its last "@".
        netloc = re.match(r"[^/?#]*", rest)[0]
        if "@" in netloc and ":" in netloc.rpartition("@")[0]:
            found.append(netloc.rpartition("@")[0].partition(":")[2])
    for match in _SECRET_PAIR.finditer(rest):
        key = urllib.parse.unquote(match[1]).strip().lower()
        if key in SECRET_PARAMETERS:
            found += [match[2], match[2] + match[3], match[2].partition("#")[0]]
    return [text for text in found if text]


def _pieces(text: str) -> set[str]:
    """``text`` and every run of it between two cuts (`_CUTS`)."""
    starts = [0] + [m.end() for m in _CUTS.finditer(text)]
    ends = [m.start() for m in _CUTS.finditer(text)] + [len(text)]
    if len(starts) > _MAX_PIECES:
        return {text}
    return {text[a:b] for a in starts for b in ends if a < b} | {text}


def password_candidates(url: str) -> frozenset[str]:
    """Every text that could be the password of ``url`` or a piece of it: as written,
    percent-decoded (and ``+`` as a space), under each reading of the URL."""
    found: set[str] = set()
    for reading in _readings(url):
        for form in {reading, urllib.parse.unquote(reading),
                     urllib.parse.unquote_plus(reading)}:
            found |= _pieces(form)
    return frozenset(piece for piece in found if piece.strip(" \t\r\n'\"\\,;"))


def mask(text: str, candidates: Iterable[str]) -> str:
    """``text`` with every candidate replaced by ``***``; longer candidates first, short
    ones only where they are not part of a longer word."""
    ordered = sorted(set(candidates), key=lambda c: (-len(c), c))
    if not ordered or not text:
        return text
    parts = [re.escape(c) if len(c) >= _SHORT else rf"(?<![A-Za-z0-9%]){re.escape(c)}"
             rf"(?![A-Za-z0-9%])" for c in ordered]
    return re.sub("|".join(parts), "***", text)

"""The canonical form of a record and the hashes of the chain.

A record's fields are kept as canonical JSON — keys sorted, UTF-8 text as written
(``ensure_ascii=False``), no spaces — and its content (the columns of `respons.records.row`
``CONTENT``: id, type, kind, event, ``at`` normalised, its date, the matter, what it
corrects, the fields) is hashed as the canonical JSON array of those columns, so that the
same record gives the same bytes, and so the same hashes, on every machine and every
backend. Verification recomputes that one hash from the columns as stored: no JSON is
parsed. Nothing here reads a clock: the hashes depend on the records and their order alone.

This module is not the validator (``respons.records``): it assumes a record that has
already been checked and put into canonical values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

#: Members of a record that are not fields of its kind.
RESERVED = ("id", "type", "at", "corrects")

#: China Standard Time. Asia/Shanghai has kept UTC+8 without daylight saving since 1991,
#: so a fixed offset is exact for every record a regime of today judges.
_CST_OFFSET = dt.timedelta(hours=8)
CST = dt.timezone(_CST_OFFSET)

#: The chain hash "before" the first record: sha256 of this fixed text (v2: the content is
#: the columns, schema 3; v1 hashed the record's JSON text, schemas 1–2).
GENESIS = hashlib.sha256(b"respons records chain v2").hexdigest()

_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          allow_nan=False).encode

try:
    from json.encoder import c_make_encoder
except ImportError:  # pragma: no cover - a Python without the C accelerator
    c_make_encoder = None


def _unsupported(value):
    raise TypeError(f"{type(value).__name__} is not JSON")


#: The C encoder with the same settings, built once: `JSONEncoder.encode` builds one per
#: call, which is a third of the time of encoding a record's few fields.
_c_encode = c_make_encoder and c_make_encoder(
    None, _unsupported, json.encoder.encode_basestring, None, ":", ",", True, False, False)


def canonical_json(value) -> str:
    """Keys sorted, no whitespace, non-ASCII kept: one text for one value."""
    if _c_encode is not None and type(value) is dict:
        return "".join(_c_encode(value, 0))
    return _dumps(value)


_sha256 = hashlib.sha256


def content_hash(content) -> str:
    """The hash of a record's content columns (`respons.records.row.CONTENT`, in order):
    sha256 of their canonical JSON array — ``["id","kind.event","kind","event","at",
    "date","matter",null,"{…}"]`` — which frames every value unambiguously (a NULL is
    ``null``, never an empty text) and costs one encode of a short list."""
    # The C encoder writes a tuple as the array it would write for the list.
    if _c_encode is not None:
        return _sha256("".join(_c_encode(content, 0)).encode("utf-8")).hexdigest()
    return _sha256(_dumps(list(content)).encode("utf-8")).hexdigest()


def chain_hash(previous: str, content: str, seq: int) -> str:
    """The link of record ``seq``: it covers the record before it, its content and its
    place. The two hashes are fixed-length hex, so the concatenation is unambiguous."""
    return _sha256(f"{previous}{content}{seq}".encode()).hexdigest()


#: The spellings of ``at`` (and of 时间 fields): a date, or a date and a time (``T`` or a
#: space between) to the minute, second or fraction of a second (at most six digits), with
#: an offset ``Z``/``±HH:MM`` or none. Digits are ASCII; nothing else Python's
#: ``fromisoformat`` takes (week dates, ordinal dates, ``20240301``) is a record's time.
_AT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})"
                 r"(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?")

#: How a record's time may be written, for messages.
AT_FORMS = "YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|±HH:MM]"


class OutOfRange(ValueError):
    """A valid time that China Standard Time cannot represent (before year 1 or after
    9999 once converted to +08:00)."""


def parse_at(text: str) -> dt.datetime:
    """An ISO date or date-time of the forms `AT_FORMS` names; without an offset it is
    China Standard Time.

    Raises ValueError with a reason an author can act on.
    """
    match = _AT.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"must be {AT_FORMS}")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    zone = CST
    if offset == "Z":
        zone = dt.UTC
    elif offset is not None:
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            raise ValueError(f"offset {offset} is not ±HH:MM")
        span = dt.timedelta(hours=hours, minutes=minutes)
        zone = dt.timezone(-span if offset[0] == "-" else span)
    return dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                       int(second or 0), int((fraction or "0").ljust(6, "0")), tzinfo=zone)


def normalise_at(text: str) -> tuple[str, str]:
    """(``at`` in China Standard Time with its offset, the calendar date there).

    Every ``at`` is written at +08:00, so comparing two as text orders them in time; a
    date alone is the start of that day. Raises ValueError (`OutOfRange` for a time that
    falls outside the years 1–9999 at +08:00) or TypeError.
    """
    # The shapes nearly every record uses are already canonical but for the offset; with
    # the dashes and colons in place, fromisoformat takes only ASCII digits there (no week
    # or ordinal date fits), and building the text directly is 5× faster.
    if type(text) is str:
        size = len(text)
        if (size == 19 or size == 25) and text[10] == "T" and text[4] == "-" == text[7] \
                and text[13] == ":" == text[16] and (size == 19 or text[19:] == "+08:00"):
            dt.datetime.fromisoformat(text[:19])
            return (text if size == 25 else text + "+08:00"), text[:10]
        if size == 10 and text[4] == "-" == text[7]:
            dt.date.fromisoformat(text)
            return text + "T00:00:00+08:00", text
    moment = parse_at(text)
    # Shifted by the difference of the offsets, not with astimezone: that goes through UTC,
    # which is year 0 for the first hours of year 1 in China (0001-01-01T07:00+08:00) and
    # would refuse a time +08:00 holds. Naive arithmetic overflows exactly outside 1–9999.
    try:
        local = moment.replace(tzinfo=None) + (_CST_OFFSET - moment.utcoffset())
    except OverflowError:
        raise OutOfRange("lies outside the years 0001–9999 once converted to China Standard "
                         "Time (+08:00), at which every time is stored") from None
    stamp = local.isoformat()  # microseconds only when not zero
    return stamp + "+08:00", stamp[:10]

"""The record row: the one declaration of what a stored record is, column by column.

A record is stored as one row of table ``records``; ingest builds it, verify reads it back
and the engine queries it. Every other shape derives from `RECORD_ROW` — the table's DDL
(``respons.store.schema``), the checked record ingest makes (`Checked`), the row verify
reads (`StoredRecord`) and the content that is hashed (`CONTENT`) — so a column is added
or renamed here and nowhere else.

``matter`` is the matter a record concerns: the value of its kind's key field (主键), the
same for every event of one complaint, one case, one certificate. It is not the 对象 of the
language (who is assessed, who is liable), which is a field of its own.
"""

from __future__ import annotations

from typing import NamedTuple

#: (column, portable type) in the order rows are written. Types: ``seq`` (the chain's
#: position, a 64-bit integer), ``text``, ``integer``; a ``?`` marks a column that may be
#: NULL.
RECORD_ROW: tuple[tuple[str, str], ...] = (
    ("seq", "seq"),
    ("id", "text"),
    ("type", "text"),          # kind.event, as the record gives it
    ("kind", "text"),          # the record kind (记录), the part before the dot
    ("event", "text"),         # the event (事件), the part after it
    ("at", "text"),            # when, ISO at +08:00, so text order is time order
    ("at_date", "text"),       # the date of ``at`` in China Standard Time
    ("matter", "text?"),       # the value of the kind's key field
    ("corrects", "text?"),     # the id of the record this one corrects
    ("data", "text"),          # the kind's fields as canonical JSON
    ("content_hash", "text"),  # sha256 of the content columns (`CONTENT`)
    ("chain_hash", "text"),    # the link: the record before, this content, this seq
    ("batch", "integer"),      # the ingested file it came in (table ``batches``)
)

#: The column names, in order.
RECORD_COLUMNS: tuple[str, ...] = tuple(name for name, _ in RECORD_ROW)

#: The columns that are the record's content, hashed into ``content_hash``: everything
#: a record says and everything derived from it at ingest, so that editing any of them is
#: found by recomputing one hash — without parsing any JSON.
CONTENT: tuple[str, ...] = ("id", "type", "kind", "event", "at", "at_date", "matter",
                            "corrects", "data")

_TYPES = {"seq": int, "integer": int, "text": str, "text?": str | None}

#: A valid record in canonical form: its content columns and its content hash — the row
#: but seq, chain hash and batch. A named tuple, not an attrs class: a million are made
#: per million records, and a tuple is made several times faster.
Checked = NamedTuple("Checked", [(name, _TYPES[kind]) for name, kind in RECORD_ROW
                                 if name in (*CONTENT, "content_hash")])
Checked.__doc__ = "A checked record: the content columns of its row and its content hash."

#: A row of table ``records`` as read back, in `RECORD_COLUMNS` order.
StoredRecord = NamedTuple("StoredRecord", [(name, _TYPES[kind]) for name, kind in RECORD_ROW])
StoredRecord.__doc__ = "A row of table records, in RECORD_COLUMNS order."

#: Where, in a `StoredRecord`, the content columns are.
CONTENT_SLICE = slice(RECORD_COLUMNS.index(CONTENT[0]), RECORD_COLUMNS.index(CONTENT[-1]) + 1)

assert RECORD_COLUMNS[CONTENT_SLICE] == CONTENT and Checked._fields[:-1] == CONTENT

"""Checking one field value against its declared type, and its canonical form.

Each field type of the language (文本, 数值, 整数, 日期, 时间, 是否, 金额, 机关, 机构, 岗位,
人员, 职权, 引用, 之一) has a function ``value -> canonical value`` that raises `Bad` with a
message in the author's words. Names of agencies, bodies, posts and powers are checked
against the regime by `NameTable`; everything else needs only the value.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json

from respons.check.suggest import did_you_mean
from respons.store.canonical import normalise_at


class Bad(Exception):
    """A value that does not fit; ``code`` is the diagnostic code, ``help`` the fix."""

    def __init__(self, message: str, help: str | None = None, code: str = "R1107") -> None:
        super().__init__(message)
        self.message = message
        self.help = help
        self.code = code


def show(value) -> str:
    """A value as it was written in the record (JSON), shortened for a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def text(value):
    if not isinstance(value, str):
        raise Bad(f"must be text (a JSON string), not {show(value)}")
    if not value or value.isspace():
        raise Bad("is empty", "write the text; an optional field with nothing to say is left "
                  "out")
    return value


def number(value):
    if not _is_number(value):
        raise Bad(f"must be a number, not {show(value)}")
    # 3.0 and 3 are one number: give them one canonical form (and so one hash).
    return int(value) if isinstance(value, float) and value.is_integer() else value


def integer(value):
    if _is_number(value) and float(value).is_integer():
        return int(value)
    raise Bad(f"must be a whole number, not {show(value)}")


def date(value):
    if isinstance(value, str) and len(value) == 10:
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise Bad(f"must be a date written YYYY-MM-DD, not {show(value)}")


def datetime(value):
    try:
        return normalise_at(value)[0]
    except (ValueError, TypeError):
        raise Bad(f"must be a date-time written YYYY-MM-DDTHH:MM[:SS][±HH:MM], not "
                  f"{show(value)}", "without an offset the time is China Standard Time") \
            from None


def boolean(value):
    if isinstance(value, bool):
        return value
    raise Bad(f"must be true or false, not {show(value)}")


def money(value):
    """An amount in 元 with at most two decimals (分), kept as exact decimal text "12.50"."""
    if _is_number(value) or isinstance(value, str):
        try:
            amount = decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            amount = None
        if amount is not None and amount.is_finite() and amount.as_tuple().exponent >= -2:
            return f"{amount:.2f}"
    raise Bad(f"must be an amount in 元 with at most two decimals (1234.5 or \"1234.50\"), "
              f"not {show(value)}")


def choice(choices: tuple[str, ...]):
    allowed = frozenset(choices)
    listed = ", ".join(f'"{c}"' for c in choices)

    def check(value):
        if isinstance(value, str) and value in allowed:
            return value
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        raise Bad(f"must be one of {listed}, not {show(value)}{hint}")

    return check


SIMPLE = {"text": text, "number": number, "integer": integer, "date": date,
          "datetime": datetime, "boolean": boolean, "money": money, "officer": text,
          "ref": text}

#: How each kind of name reads in a message.
NOUNS = {"agency": "agency", "body": "body", "post": "post", "power": "power"}

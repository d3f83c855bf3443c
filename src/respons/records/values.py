"""Checking one field value against its declared type, and its canonical form.

Each field type of the language (文本, 数值, 整数, 日期, 时间, 是否, 金额, 机关, 机构, 岗位,
人员, 职权, 引用, 之一) has a function ``value -> canonical value`` that raises `Bad` with a
message in the author's words. Names of agencies, bodies, posts and powers are checked
against the regime by `NameTable`; everything else needs only the value.

Text is kept in Unicode Normalization Form C (`nfc`): two spellings of one text that print
alike — ``é`` as one character or as ``e`` and a combining accent, a CJK compatibility
ideograph (U+F900–U+FAFF) and the unified ideograph it stands for — are one value, so
that a key joins its matter's events, an id is found again and a record hashes alike
however it was typed (docs/records.md, "Unicode").
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import re
from unicodedata import is_normalized, normalize

from respons.diagnostics.suggest import did_you_mean
from respons.records.canonical import AT_FORMS, OutOfRange, normalise_at

#: Whole numbers (整数, and 数值 values) are those of a signed 64-bit integer: what SQLite
#: stores exactly and PostgreSQL's bigint holds, so that both stores read them alike.
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1

#: Amounts (金额) have at most this many digits before the decimal point: below 10 万亿
#: 元, an amount with its two decimals is 15 significant digits, which a JSON number (a
#: binary double) keeps exactly and a signed 64-bit count of 分 holds many times over.
MONEY_DIGITS = 13
_MONEY = re.compile(rf"-?([0-9]{{1,{MONEY_DIGITS}}})(?:\.([0-9]{{1,2}}))?")
_MONEY_LIMIT = 10 ** MONEY_DIGITS


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


def nfc(value: str) -> str:
    """``value`` in Unicode Normalization Form C; ASCII and text already in NFC (nearly
    every value) as they are, without a copy."""
    if value.isascii() or is_normalized("NFC", value):
        return value
    return normalize("NFC", value)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def text(value):
    if not isinstance(value, str):
        raise Bad(f"must be text (a JSON string), not {show(value)}")
    if not value or value.isspace():
        raise Bad("is empty", "write the text; an optional field with nothing to say is left "
                  "out")
    return nfc(value)


def _in_range(whole: int, value):
    if INT_MIN <= whole <= INT_MAX:
        return whole
    raise Bad(f"must be a whole number from {INT_MIN} to {INT_MAX}, not {show(value)}",
              "whole numbers are kept as signed 64-bit integers, exactly alike in SQLite and "
              "PostgreSQL; record a larger quantity in other units")


def number(value):
    if not _is_number(value):
        raise Bad(f"must be a number, not {show(value)}")
    if isinstance(value, float):
        if not math.isfinite(value):  # 1e400 reads as infinity
            raise Bad(f"must be a finite number, not {show(value)}")
        if not value.is_integer():
            return value
        # 3.0 and 3 are one number: give them one canonical form (and so one hash).
        return _in_range(int(value), value)
    return _in_range(value, value)


def integer(value):
    if type(value) is int and INT_MIN <= value <= INT_MAX:
        return value  # the usual case, without a call
    if isinstance(value, int) and not isinstance(value, bool):
        return _in_range(value, value)
    if isinstance(value, float) and value.is_integer():  # false for inf and nan
        return _in_range(int(value), value)
    raise Bad(f"must be a whole number, not {show(value)}")


def date(value):
    # With its dashes in place, fromisoformat takes only YYYY-MM-DD of ASCII digits (no
    # week or ordinal date has ten characters and dashes at 4 and 7).
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" == value[7]:
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise Bad(f"must be a date written YYYY-MM-DD, not {show(value)}",
              "a real calendar date, such as 2024-03-01")


def datetime(value):
    try:
        return normalise_at(value)[0]
    except OutOfRange as error:
        raise Bad(f"holds {value}, which {error}",
                  "write the time with the offset it was recorded at") from None
    except (ValueError, TypeError):
        raise Bad(f"must be a date-time written {AT_FORMS.partition(' or ')[2]}, not "
                  f"{show(value)}", "without an offset the time is China Standard Time") \
            from None


def boolean(value):
    if isinstance(value, bool):
        return value
    raise Bad(f"must be true or false, not {show(value)}")


def money(value):
    """An amount in 元 with at most two decimals (分), kept as exact decimal text "12.50".

    Text is plain decimal digits (``-``, at most `MONEY_DIGITS` digits, ``.`` and one or
    two decimals); a JSON number is taken by its shortest decimal spelling. Exponents
    (``"1e3"``), separators, spaces and other digits are refused, and so is any amount of
    10 万亿元 or more.
    """
    amount = None
    if isinstance(value, str):
        match = _MONEY.fullmatch(value)
        if match:  # the canonical text straight from the digits: no Decimal needed
            whole, cents = match.group(1).lstrip("0") or "0", (match.group(2) or "").ljust(2, "0")
            negative = value[0] == "-" and (whole != "0" or cents != "00")
            return f"{'-' if negative else ''}{whole}.{cents}"
        if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value):
            amount = decimal.Decimal(value) if len(value) < 60 else None
            _money_limit(value, amount)
    elif isinstance(value, int) and not isinstance(value, bool):
        _money_limit(value, value)
        amount = decimal.Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        _money_limit(value, value)
        amount = decimal.Decimal(repr(value))
    if amount is not None and amount.as_tuple().exponent >= -2:
        return f"{amount if amount else amount.copy_abs():.2f}"  # no "-0.00"
    raise Bad(f"must be an amount in 元 with at most two decimals (1234.5 or \"1234.50\"), "
              f"not {show(value)}", "write digits, a point and at most two decimals, "
              "without exponent, separators or spaces")


def _money_limit(value, amount) -> None:
    if amount is None or abs(amount) >= _MONEY_LIMIT:
        raise Bad(f"must be less than 10 万亿元 (at most {MONEY_DIGITS} digits before the "
                  f"decimal point), not {show(value)}",
                  "amounts are kept exactly, to the 分, up to 9999999999999.99")


def choice(choices: tuple[str, ...]):
    allowed = frozenset(nfc(c) for c in choices)
    listed = ", ".join(f'"{c}"' for c in choices)

    def check(value):
        if isinstance(value, str) and (value := nfc(value)) in allowed:
            return value
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        raise Bad(f"must be one of {listed}, not {show(value)}{hint}")

    return check


SIMPLE = {"text": text, "number": number, "integer": integer, "date": date,
          "datetime": datetime, "boolean": boolean, "money": money, "officer": text,
          "ref": text}

#: How each kind of name reads in a message.
NOUNS = {"agency": "agency", "body": "body", "post": "post", "power": "power"}

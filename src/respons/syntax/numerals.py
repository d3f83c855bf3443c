"""Chinese numerals as they appear in citations, ladders and wherever a number stands.

第四十六条, 第（三）项, 第1级 in citations and steps (`parse_number`); 期限 十五 日, 近 一 年,
>= 三 次, 扣 二 分, 轻重 三 wherever the grammar takes a number (`read_number`, which the
builder's ``number_of`` calls for every number token written in Chinese numerals).
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(text: str) -> int | None:
    """Read 46, ４６ or 四十六 as 46; None when the text is not a whole number written the
    way statutes write numbers (十十 and 三四 are typos, not numbers), or not below 10000."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text) if len(text) <= 4 else None
    number = _read_chinese(text)
    if number is None or not 0 < number < 10000:
        return None if number != 0 or text not in ("零", "〇") else 0
    # Only the statutes' own spelling of the number: 二十 or 两十? 二十. 一十 may stand for 十.
    spelled = text.replace("〇", "零").replace("两", "二")
    if spelled.startswith("一十"):
        spelled = spelled[1:]
    return number if spelled == to_chinese(number) else None


def _read_chinese(text: str) -> int | None:
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def to_chinese(number: int) -> str:
    """46 → 四十六, the way statutes number their articles (1 ≤ number < 10000)."""
    if number == 0:
        return "零"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    for unit_value, unit_name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, unit_value)
        if digit:
            parts.append(digits[digit] + unit_name)
        elif parts and number and parts[-1] != "零":
            parts.append("零")
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def read_number(text: str) -> int | None:
    """A whole number written in Chinese numerals the way statutes write them: 十五, 两,
    一百二十, and with 万 for amounts (五万, 一万二千, 一万零五百). None for anything else
    (十十, 三四, 一万五 — a colloquial 15000 — and 零 alone is 0)."""
    high, sep, low = text.strip().partition("万")
    if not sep:
        return parse_number(high)
    upper = parse_number(high) if high else None
    if not upper or "万" in low:
        return None
    if not low:
        return upper * 10000
    if low[0] in "零〇":  # 一万零五百: the 零 stands for the missing thousands
        lower = parse_number(low[1:])
        return upper * 10000 + lower if lower is not None and 0 < lower < 1000 else None
    lower = parse_number(low)
    return upper * 10000 + lower if lower is not None and lower >= 1000 else None

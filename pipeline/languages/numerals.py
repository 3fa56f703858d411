"""Numbers as the documents write them, in one form across languages.

Section numbers: 二 and II are both `II`. Digits: `1,000` is `1000`, `3.50` is `3.5`.
Chinese numerals (`二十二`, `一百一十一`) are read with cn2an, imported only when first needed.
"""

from __future__ import annotations

import functools
import re

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
# A number written in digits, with its thousands separators and decimals.
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int:
    values = {letters: number for number, letters in _ROMAN if len(letters) == 1}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def section_number(printed: str) -> str:
    """`二` → `II`; `II` stays `II`; Arabic numbers become Roman too."""
    if printed.isdigit():
        return to_roman(int(printed))
    if set(printed) <= set("IVXLCDM"):
        return printed
    import cn2an

    return to_roman(int(cn2an.cn2an(printed, "strict")))


def digit_value(token: str) -> str:
    """A number in digits as compared: `1,000` → `1000`, `3.50` → `3.5`."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(",", "")
    if "." in token:
        token = token.rstrip("0").rstrip(".")
    return token


@functools.cache
def chinese_value(numeral: str) -> str | None:
    """A run of Chinese numerals in digits (`二十二` → `22`), None when it reads as none."""
    import cn2an

    try:
        return str(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None

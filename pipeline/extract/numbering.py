"""Section numbers in one form across languages: 二 and II are both `II`."""

from __future__ import annotations

import cn2an

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


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
    return to_roman(int(cn2an.cn2an(printed, "strict")))

"""Characters that are not text, taken out before anything reads the text.

PDF text layers and the files converted from them carry characters no reader of the text
wants and XML 1.0 forbids: control characters, glyphs of the Private Use Area (symbol fonts,
glyphs whose font has no Unicode map), U+FFFD, non-characters and lone surrogates. They are
left out, and returned so that the reader can report them with their line or page. Others
stand for text and are replaced by it: ligatures (ﬁ → fi), a soft hyphen (a hyphen where the
line breaks, nothing inside a line), a word processor's manual line break U+000B (a space).
Nothing else is touched and nothing is reordered.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

SOFT_HYPHEN = "\u00ad"
# The Latin ligatures of Alphabetic Presentation Forms, ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ.
_LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
_REPLACED = {**_LIGATURES, "\v": " "}
# Tab, line feed and carriage return are the only controls XML keeps; tabs separate table cells.
_NOT_TEXT = (
    "\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufeff\ufffd\ufffe\uffff"
    "\U000f0000-\U0010ffff"
)
_NOT_TEXT_RUN = re.compile(f"[{_NOT_TEXT}]+")
_SPECIAL = re.compile(f"[{_NOT_TEXT}{SOFT_HYPHEN}\v{''.join(_LIGATURES)}]")


def needs_cleaning(text: str) -> bool:
    """Whether `clean_characters` would change anything in the text or a piece of it."""
    return _SPECIAL.search(text) is not None


def clean_characters(text: str) -> tuple[str, str]:
    """The text without what is not text, and what was left out (in order, repeats kept)."""
    if not needs_cleaning(text):
        return text, ""
    dropped = "".join(_NOT_TEXT_RUN.findall(text))
    text = _NOT_TEXT_RUN.sub("", text)
    text = "".join(_REPLACED.get(char, char) for char in text)
    body = text.rstrip(" ")
    if body.endswith(SOFT_HYPHEN):
        text = body[:-1] + "-" + text[len(body) :]
    return text.replace(SOFT_HYPHEN, ""), dropped


def not_text_warning(found: list[tuple[int, str]], where: str) -> str:
    """One warning for a document: each character left out, how often, and where it came first.

    `found` holds (line or page number, characters left out there); `where` says which.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for place, chars in found:
        for char in chars:
            counts[char] += 1
            first.setdefault(char, place)
    listed = ", ".join(
        f"U+{ord(char):04X} ×{counts[char]} (first on {where} {first[char]})"
        for char in sorted(first, key=first.__getitem__)  # stable: order of appearance
    )
    total = sum(counts.values())
    return f"{total} character(s) that are not text left out (no Unicode meaning): {listed}"

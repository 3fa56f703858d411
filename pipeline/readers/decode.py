"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK, detected; nothing else.

The encoding found is recorded as `utf-8`, `utf-8-bom`, `utf-16-le`, `utf-16-le-bom`,
`utf-16-be`, `utf-16-be-bom` or `gb18030` (GBK is a subset of GB18030).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.errors import InputError
from pipeline.languages import COMMON_CHAR, TABLES

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in converted documents (tab, LF, CR, FF are fine).
BINARY_BYTES = frozenset(range(9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
}
# Signatures of common binary formats: zip (docx, xlsx), gzip, PNG, JPEG, GIF.
MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
UNDECODABLE = "undecodable text: not UTF-8, UTF-16 or GB18030"


@dataclass
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: str) -> Decoded:
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(path, "UTF-32 text is not supported: save it as UTF-8")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, path), f"{encoding}-bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(_strict(data, utf16, path), utf16)
    if data.startswith(MAGIC) or _looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for language in TABLES.values():
        decoded = _legacy(data, path, language.legacy_encoding, language.plausible_legacy)
        if decoded is not None:
            return decoded
    raise InputError(path, UNDECODABLE, line=_bad_line(data, "utf-8"))


def _legacy(
    data: bytes, path: str, encoding: str | None, plausible: Callable[[str], bool]
) -> Decoded | None:
    """A language's legacy encoding (GB18030), which decodes almost any byte string: taken
    only when what it yields is plausible text of the language."""
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = ""
    if plausible(text):
        return Decoded(text, encoding)
    if plausible(data.decode(encoding, "replace").replace("\ufffd", "")):
        _strict(data, encoding, path)  # mostly this encoding: name the line of the bad bytes
    return None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            path, f"undecodable {encoding} text", line=_bad_line(data, encoding)
        ) from None


def _bad_line(data: bytes, encoding: str) -> int:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as err:
        return data[: err.start].decode(encoding, "replace").count("\n") + 1
    return 1


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: the NUL high bytes of ASCII (digits, newlines) fall on one side only."""
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 2 * even + 2:
        encoding = "utf-16-le"
    elif even > 2 * odd + 2:
        encoding = "utf-16-be"
    else:
        return None
    return encoding if _plausible_text(data.decode(encoding, "replace")) else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    controls = sum(1 for b in sample if b in BINARY_BYTES)
    return controls > max(2, len(sample) // 200)


def _plausible_text(text: str) -> bool:
    """Decoded text, not binary: no control characters; mostly characters common in the
    languages' documents (Latin, punctuation, CJK)."""
    if any(ord(ch) in BINARY_BYTES or 0x80 <= ord(ch) <= 0x9F for ch in text):  # C0, C1
        return False
    common = len(COMMON_CHAR.findall(text))
    return common >= 0.9 * len(text)

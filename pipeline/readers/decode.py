"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK, detected; nothing else.

The encoding found is recorded as `utf-8`, `utf-8-bom`, `utf-16-le`, `utf-16-le-bom`,
`utf-16-be`, `utf-16-be-bom` or `gb18030` (GBK is a subset of GB18030).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline.errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in converted documents (tab, LF, CR, FF are fine).
BINARY_BYTES = frozenset(range(9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                         27, 28, 29, 30, 31}
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
            return Decoded(_strict(data[len(bom):], encoding, path), f"{encoding}-bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(_strict(data, utf16, path), utf16)
    if data.startswith(MAGIC) or _looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if _plausible_chinese(text):
        return Decoded(text, "gb18030")
    if _plausible_chinese(data.decode("gb18030", "replace").replace("\ufffd", "")):
        _strict(data, "gb18030", path)  # mostly GB18030: name the line of the bad bytes
    raise InputError(path, UNDECODABLE, line=_bad_line(data, "utf-8"))


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, f"undecodable {encoding} text",
                         line=_bad_line(data, encoding)) from None


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
    """Decoded text, not binary: no control characters; mostly Latin, punctuation or CJK."""
    if any(ord(ch) in BINARY_BYTES for ch in text):
        return False
    common = sum(1 for ch in text if ch < "\u0250" or "\u2000" <= ch <= "\u2bff"
                 or "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef")
    return common >= 0.9 * len(text)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when it yields common CJK text."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in text if not ch.isspace())
    rare = sum(1 for ch in text if ord(ch) > 0xFFFF or "\ue000" <= ch <= "\uf8ff")
    return letters > 0 and han / letters > 0.3 and rare == 0

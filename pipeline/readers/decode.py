"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK, detected; nothing else."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline.errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in converted documents (tab, LF, CR, FF are fine).
BINARY_BYTES = frozenset(range(9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                         27, 28, 29, 30, 31}


@dataclass
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: str) -> Decoded:
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, encoding, path), encoding.replace("-sig", "-bom"))
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(_strict(data, utf16, path), utf16)
    if _looks_binary(data):
        raise InputError(path, "binary file, not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _plausible_chinese(text):
            break
        return Decoded(text, encoding)
    raise InputError(path, "undecodable text: not UTF-8, UTF-16 or GB18030", line=_bad_line(data))


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n" if encoding.startswith("utf-8") else b"\n\x00") + 1
        raise InputError(path, f"undecodable {encoding} text", line=line) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NUL bytes in every other position for ASCII and CJK."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for encoding, many, few in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if many >= 3 and few <= many // 20:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    controls = sum(1 for b in sample if b in BINARY_BYTES)
    return controls > max(2, len(sample) // 200)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when it yields common CJK text."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in text if not ch.isspace())
    rare = sum(1 for ch in text if ord(ch) > 0xFFFF or "\ue000" <= ch <= "\uf8ff")
    return letters > 0 and han / letters > 0.3 and rare == 0


def _bad_line(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return data[: err.start].count(b"\n") + 1
    return 1

"""Text converted from PDF: decode it and strip the debris of conversion, line by line.

What comes out is a list of `Line`s that still map one-to-one to the source lines, so every
later error or warning can name its line. Markup is cleaned here and only here:
HTML fragments (`<p>`, `<ul …>`, `<sup>1</sup>`), markdown residue (`##`, `\\*`, `<https://…>`).
Footnote markers are normalised to superscript digits (`¹`), the form the extractor reads.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.languages import BLANKS
from pipeline.model.inline import TO_SUPERSCRIPT
from pipeline.readers.decode import decode
from pipeline.readers.glyphs import clean_characters, not_text_warning

# Larger files are refused before they are read: the text of a 300-page UN document is about
# 1 MB, and its PDF rarely 20 MB; anything far beyond is not a document of this corpus.
MAX_BYTES = {"text": 32 * 2**20, "pdf": 256 * 2**20}

_SUP = re.compile(r"<sup>\s*(\d{1,3}|\*{1,3})\s*</sup>", re.IGNORECASE)
_MD_LINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>")
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:p|ul|ol|li|div|span|b|i|u|em|strong|font|a|br|sup|sub)\b[^>]*>", re.IGNORECASE
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_WIDE_BLANKS = str.maketrans(BLANKS, " " * len(BLANKS))
_MD_ESCAPE = re.compile(r"\\([*_#\[\]().\-+!`>|])")


@dataclass(slots=True)
class Line:
    no: int  # 1-based line number in the source file
    text: str  # cleaned, without leading/trailing blanks
    trailing_space: bool = False  # the source line ended in blanks (a paragraph end in PDF text)
    md_heading: bool = False  # the source marked it as a markdown heading
    indented: bool = False  # the source line started with blanks (a first-line indent)
    not_text: str = ""  # characters of the source line left out: controls, unmapped glyphs


@dataclass
class TextSource:
    path: str
    sha256: str
    encoding: str
    lines: list[Line]
    warnings: list[str] = field(default_factory=list)  # e.g. a PDF page without a text layer


def read_bytes(path: Path, name: str, kind: str = "text") -> bytes:
    """A file's bytes, or one line naming it when it cannot be read or is far too large."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES[kind]:
            raise InputError(
                name,
                f"too large for a {kind} document ({size / 2**20:.0f} MB; "
                f"the limit is {MAX_BYTES[kind] // 2**20} MB)",
            )
        return path.read_bytes()
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None


def read_text(path: Path, display: str | None = None) -> TextSource:
    name = display or str(path)
    data = read_bytes(path, name)
    decoded = decode(data, name)
    lines = [clean_line(no, raw) for no, raw in enumerate(_split_lines(decoded.text), 1)]
    if not any(ch.isalnum() for line in lines for ch in line.text):
        raise InputError(name, "no text: the file holds no letter or digit")
    found = [(line.no, line.not_text) for line in lines if line.not_text]
    warnings = [not_text_warning(found, "line")] if found else []
    return TextSource(name, hashlib.sha256(data).hexdigest(), decoded.encoding, lines, warnings)


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.split("\n")


def clean_line(no: int, raw: str) -> Line:
    raw, not_text = clean_characters(raw)
    stripped = raw.rstrip(f" {BLANKS}\r\n")  # tabs stay: they separate table cells
    trailing = len(stripped) < len(raw.rstrip("\r\n"))
    md_heading = bool(_MD_HEADING.match(stripped))
    text = _MD_HEADING.sub("", stripped) if md_heading else stripped
    indented = text[:1] in f" {BLANKS}"
    # Markup may spell what is not text too (`&#xE012;`).
    text, escaped = clean_characters(clean_markup(text.strip(f" {BLANKS}")))
    if escaped:
        text = re.sub(r"[ ]{2,}", " ", text).strip(" ")
    return Line(no, text, trailing, md_heading, indented, not_text + escaped)


def clean_markup(text: str) -> str:
    text = _SUP.sub(lambda m: m.group(1).translate(TO_SUPERSCRIPT), text)
    text = _MD_LINK.sub(r"\1", text)
    text = _LIST_ITEM.sub("• ", text)
    text = _TAG.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    text = text.replace("\u00a0", " ").translate(_WIDE_BLANKS)
    return re.sub(r"[ ]{2,}", " ", text).strip(" ")

"""A PDF read into the same `TextSource` as a converted text file, ready for extraction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Self

import pdfplumber

from pipeline.errors import InputError
from pipeline.languages import LanguageTable, table
from pipeline.readers.layout import layout
from pipeline.readers.pdf import PdfPage, open_pdf, read_pages
from pipeline.readers.text import Line, TextSource

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


FrontEnd = Callable[[list[str], LanguageTable], int]


def read_pdf(path: Path, display: str | None, lang: str | None, front_end: FrontEnd) -> TextSource:
    """`front_end` tells how many of the first page's lines are its first-page block."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    pdf = open_pdf(path, name)
    try:
        pages = read_pages(pdf, name)
    finally:
        pdf.close()
    _check_text_layer(pages, name)
    language = table(lang or detect_language(pages))
    with _Tables(path) as tables:
        texts = layout(pages, language, lambda lines: front_end(lines, language), tables.find)
    lines = [Line(no, text) for no, text in enumerate(texts, 1)]
    return TextSource(name, hashlib.sha256(data).hexdigest(), "pdf", lines)


def detect_language(pages: list[PdfPage]) -> str:
    text = "".join(line.text for page in pages[:5] for line in page.lines)
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in text if ch.isalpha())
    return "zh" if letters and han / letters > 0.2 else "en"


def _check_text_layer(pages: list[PdfPage], name: str) -> None:
    if all(page.chars == 0 for page in pages):
        first = pages[0].number
        what = "scanned images only" if any(p.images for p in pages) else "nothing"
        raise InputError(name, f"no text layer ({what}): OCR is out of scope", page=first)


class _Tables:
    """pdfplumber's table finder, opened only when a page looks like it holds a table."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self.pdf is not None:
            self.pdf.close()

    def find(self, page_number: int):
        if self.pdf is None:
            self.pdf = pdfplumber.open(self.path)
        page = self.pdf.pages[page_number - 1]
        return [[list(row.cells) for row in found.rows]
                for found in page.find_tables(TABLE_SETTINGS)]

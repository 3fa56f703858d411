"""A PDF read into the same `TextSource` as a converted text file, ready for extraction."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.errors import InputError
from pipeline.languages import LanguageTable, guess_language, table
from pipeline.readers.glyphs import not_text_warning
from pipeline.readers.layout import layout
from pipeline.readers.pdf import PdfPage, open_pdf, read_pages
from pipeline.readers.text import Line, TextSource, read_bytes

FrontEnd = Callable[[list[str], LanguageTable], int]


def read_pdf(path: Path, display: str | None, lang: str | None, front_end: FrontEnd) -> TextSource:
    """`front_end` tells how many of the first page's lines are its first-page block."""
    name = display or str(path)
    data = read_bytes(path, name, "pdf")
    pages = _read_all_pages(path, name)
    _check_text_layer(pages, name)
    language = table(lang or detect_language(pages))
    # Before the layout, which takes running headers and the first-page block off the pages.
    found = [(page.number, line.not_text) for page in pages for line in page.lines if line.not_text]
    texts = layout(pages, language, lambda lines: front_end(lines, language))
    lines = [Line(no, text) for no, text in enumerate(texts, 1)]
    warnings = [
        f"page {page.number}: no text layer (scanned image?), nothing read from it"
        for page in pages
        if not page.chars
    ]
    if found:
        warnings.append(not_text_warning(found, "page"))
    return TextSource(name, hashlib.sha256(data).hexdigest(), "pdf", lines, warnings)


def detect_language(pages: list[PdfPage]) -> str:
    return guess_language("".join(line.text for page in pages[:5] for line in page.lines))


def _check_text_layer(pages: list[PdfPage], name: str) -> None:
    if all(page.chars == 0 for page in pages):
        first = pages[0].number
        what = "scanned images only" if any(p.images for p in pages) else "nothing"
        raise InputError(name, f"no text layer ({what}): OCR is out of scope", page=first)


# Documents this long are read by a pool of processes, each taking a run of pages.
POOL_MIN_PAGES = 150


def _read_all_pages(path: Path, name: str) -> list[PdfPage]:
    pdf = open_pdf(path, name)
    try:
        count = len(pdf)
        workers = _workers(count)
        if workers < 2:
            return read_pages(pdf, name)
    finally:
        pdf.close()
    step = -(-count // (workers * 2))
    chunks = [(str(path), name, first, min(first + step, count)) for first in range(0, count, step)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return [page for pages in pool.map(_read_chunk, chunks) for page in pages]


def _workers(pages: int) -> int:
    """Use the machine's cores for a long PDF, but never from inside a pool worker."""
    if pages < POOL_MIN_PAGES or multiprocessing.parent_process() is not None:
        return 1
    return min(os.cpu_count() or 1, 4)


def _read_chunk(chunk: tuple[str, str, int, int]) -> list[PdfPage]:
    path, name, first, last = chunk
    pdf = open_pdf(Path(path), name)
    try:
        return read_pages(pdf, name, first, last)
    finally:
        pdf.close()

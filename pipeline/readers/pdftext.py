"""A PDF read into the same `TextSource` as a converted text file, ready for extraction."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from itertools import pairwise
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


# Documents this long are read by more than one process, each taking a run of pages.
SPLIT_MIN_PAGES = 40


def _read_all_pages(path: Path, name: str) -> list[PdfPage]:
    """The pages, read by this process and, for a long document, by helpers forked to read
    a run of pages each at the same time."""
    pdf = open_pdf(path, name)
    try:
        runs = _runs(len(pdf), reading_processes(len(pdf)))
        helpers = [_Helper(path, name, *run) for run in runs[1:]]
        try:
            pages = read_pages(pdf, name, *runs[0])
            for helper in helpers:
                pages += helper.pages()
            return pages
        finally:
            for helper in helpers:
                helper.stop()
    finally:
        pdf.close()


def reading_processes(pages: int) -> int:
    """How many processes read a PDF this long: the machine's cores for a long PDF; only this
    one inside a helper or a pool worker (its siblings have the other cores), or beside other
    threads (a fork copies a lock another thread may hold)."""
    if pages < SPLIT_MIN_PAGES or multiprocessing.parent_process() is not None:
        return 1
    if threading.active_count() > 1:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _runs(count: int, processes: int) -> list[tuple[int, int]]:
    """`count` pages cut into `processes` runs as even as can be, as (first, last + 1)."""
    bounds = [count * share // processes for share in range(processes + 1)]
    return list(pairwise(bounds))


class _Helper:
    """A forked process reading pages `first` to `last - 1` and sending them back."""

    def __init__(self, path: Path, name: str, first: int, last: int) -> None:
        self.name = name
        self.connection, theirs = multiprocessing.get_context("fork").Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(
            target=_read_run, args=(theirs, path, name, first, last), daemon=True
        )
        self.process.start()
        theirs.close()

    def pages(self) -> list[PdfPage]:
        kind, value = self.connection.recv()
        if kind == "input error":
            path, message, line, page = value
            raise InputError(path, message, line=line, page=page)
        if kind == "failed":
            raise RuntimeError(f"{self.name}: reading pages in a helper process: {value}")
        return value

    def stop(self) -> None:
        self.connection.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _read_run(connection, path: Path, name: str, first: int, last: int) -> None:
    """In a helper: its pages through `connection`, or why it could not read them (an
    `InputError`'s fields: the exception itself does not survive pickling)."""
    try:
        pdf = open_pdf(path, name)  # its own: the parent's handle shares a file offset
        try:
            connection.send(("pages", read_pages(pdf, name, first, last)))
        finally:
            pdf.close()
    except InputError as err:
        connection.send(("input error", (err.path, err.message, err.line, err.page)))
    except Exception as err:  # noqa: BLE001 - whatever it is, the parent reports it
        connection.send(("failed", f"{type(err).__name__}: {err}"))
    finally:
        connection.close()

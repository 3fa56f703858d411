"""A PDF read into the same `TextSource` as a converted text file, ready for extraction."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.errors import InputError
from pipeline.languages import LanguageTable, guess_language, table
from pipeline.readers.glyphs import not_text_warning
from pipeline.readers.layout import find_symbol, layout, prepare_page
from pipeline.readers.pdf import PdfPage, open_pdf, read_page, read_pages
from pipeline.readers.text import Line, TextSource, read_bytes

FrontEnd = Callable[[list[str], LanguageTable], int]


def read_pdf(path: Path, display: str | None, lang: str | None, front_end: FrontEnd) -> TextSource:
    """`front_end` tells how many of the first page's lines are its first-page block."""
    name = display or str(path)
    data = read_bytes(path, name, "pdf")
    pages, language = _read_all_pages(path, name, lang, data)
    _check_text_layer(pages, name)
    if language is None:  # not told before the pages were read: they are prepared here
        language = table(lang or detect_language(pages))
        symbol = find_symbol(pages[0])
        for page in pages:
            prepare_page(page, symbol, language)
    found = [(page.number, chars) for page in pages for chars in page.not_text]
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


# Documents this long are read by more than one process, each taking runs of pages.
SPLIT_MIN_PAGES = 40
# Pages a process takes at a time: small enough for the processes to finish together.
RUN_PAGES = 4
Prepare = Callable[[PdfPage], None]


def _read_all_pages(
    path: Path, name: str, lang: str | None, data: bytes
) -> tuple[list[PdfPage], LanguageTable | None]:
    """The pages, each through the layout's `prepare_page`, and their language; read by this
    process and, for a long document, by helpers forked to read runs of pages at the same
    time. The first page (the first five when the language is not given) is read first, for
    the symbol and the language the pages are prepared with; when the language cannot be
    told then (no table for the code given), the pages come back unprepared, and None."""
    pdf = open_pdf(path, name, data)
    try:
        head = read_pages(pdf, name, 0, min(len(pdf), 1 if lang else 5))
        try:
            language = table(lang or detect_language(head))
        except KeyError:
            return head + read_pages(pdf, name, len(head)), None
        symbol = find_symbol(head[0])

        def prepare(page: PdfPage) -> None:
            prepare_page(page, symbol, language)

        for page in head:
            prepare(page)
        return head + _read_rest(pdf, name, len(head), prepare), language
    finally:
        pdf.close()


def _read_rest(pdf: pdfium.PdfDocument, name: str, first: int, prepare: Prepare) -> list[PdfPage]:
    """Pages `first` to the last: this process takes runs from the front, its helpers from
    the back, until they meet. A page that cannot be read stops the process reading it; the
    first such page is the one reported, as when one process reads them all in turn."""
    processes = reading_processes(len(pdf))
    pages: list[PdfPage] = []
    if processes == 1:
        pages = read_pages(pdf, name, first)
        for page in pages:
            prepare(page)
        return pages
    claims = _Claims(first, len(pdf))
    helpers = [_Helper(pdf, name, claims, prepare) for _ in range(processes - 1)]
    try:
        failures: list[tuple[int, Exception]] = []
        while (run := claims.take(front=True)) is not None:
            failure = _read_run(pdf, name, run, prepare, pages)
            for helper in helpers:
                failures += helper.receive(pages, wait=False)
            if failure is not None:
                failures.append(failure)
                break
        for helper in helpers:
            failures += helper.receive(pages, wait=True)
        if failures:
            raise min(failures, key=lambda failed: failed[0])[1]
        return sorted(pages, key=lambda page: page.number)
    finally:
        for helper in helpers:
            helper.stop()


def _read_run(
    pdf: pdfium.PdfDocument, name: str, run: range, prepare: Prepare, pages: list[PdfPage]
) -> tuple[int, Exception] | None:
    """The run's pages, prepared, onto `pages`; or where it stopped (the page's index) and why."""
    for index in run:
        try:
            page = read_page(pdf, index, name)
            prepare(page)
        except Exception as err:  # noqa: BLE001 - raised once every earlier page is known
            return index, err
        pages.append(page)
    return None


class _Claims:
    """Which pages are still to be read, shared by the processes reading them: a run is taken
    from the front or the back."""

    def __init__(self, first: int, last: int) -> None:
        self.bounds = multiprocessing.get_context("fork").Array("i", [first, last])

    def take(self, front: bool) -> range | None:
        with self.bounds.get_lock():
            first, last = self.bounds[0], self.bounds[1]
            if first >= last:
                return None
            if front:
                self.bounds[0] = min(first + RUN_PAGES, last)
                return range(first, self.bounds[0])
            self.bounds[1] = max(last - RUN_PAGES, first)
            return range(self.bounds[1], last)


def reading_processes(pages: int) -> int:
    """How many processes read a PDF this long: the cores free for a long PDF; only this one
    inside a helper or a pool worker (its siblings have the other cores), or beside other
    threads (a fork copies a lock another thread may hold)."""
    if pages < SPLIT_MIN_PAGES or multiprocessing.parent_process() is not None:
        return 1
    if threading.active_count() > 1:
        return 1
    return max(1, min(_free_cores(), 4))


def _free_cores() -> int:
    """The cores this process may run on, less those that other work keeps busy right now: a
    helper that has to share a core reads more slowly than this process alone would (44 % of
    pdftotext's pace against 53 %, with the other core of two kept busy)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            return cores - busy_elsewhere(loadavg.read())
    except OSError:
        return cores


def busy_elsewhere(loadavg: str) -> int:
    """How many tasks other than this one are ready to run, by Linux's /proc/loadavg (its
    fourth field: those ready to run, this one among them, over all there are)."""
    try:
        running = int(loadavg.split()[3].split("/")[0])
    except (ValueError, IndexError):
        return 0
    return max(0, running - 1)


class _Helper:
    """A forked process reading runs of pages from the back and sending each back."""

    def __init__(
        self, pdf: pdfium.PdfDocument, name: str, claims: _Claims, prepare: Prepare
    ) -> None:
        self.name = name
        self.done = False
        self.connection, theirs = multiprocessing.get_context("fork").Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(
            target=_help, args=(theirs, pdf, name, claims, prepare), daemon=True
        )
        self.process.start()
        theirs.close()

    def receive(self, pages: list[PdfPage], wait: bool) -> list[tuple[int, Exception]]:
        """Its pages read so far onto `pages` (with `wait`, all of them, once it is done), and
        where it stopped, if it did, and why."""
        failures: list[tuple[int, Exception]] = []
        while not self.done and (wait or self.connection.poll()):
            try:
                kind, index, value = self.connection.recv()
            except EOFError:
                kind, index, value = "failed", -1, "it ended without a word"
            if kind == "pages":
                pages += value
                continue
            self.done = True
            if kind == "input error":
                path, message, line, page = value
                failures.append((index, InputError(path, message, line=line, page=page)))
            elif kind == "failed":
                problem = f"{self.name}: reading pages in a helper process: {value}"
                failures.append((index, RuntimeError(problem)))
        return failures

    def stop(self) -> None:
        """Once it has said its last word it ends by itself: waiting for its exit (the
        kernel taking its memory down) would hold the document up by a millisecond or two.
        multiprocessing reaps it when the next helper starts, or when this process ends."""
        self.connection.close()
        if self.done:
            return
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _help(
    connection, pdf: pdfium.PdfDocument, name: str, claims: _Claims, prepare: Prepare
) -> None:
    """In a helper: runs of pages through `connection` as it reads them, then "done"; or where
    it stopped and why. `pdf` is the parent's document, read from memory, as the fork copied
    it (with the fonts its first page loaded)."""
    try:
        while (run := claims.take(front=False)) is not None:
            pages: list[PdfPage] = []
            failure = _read_run(pdf, name, run, prepare, pages)
            connection.send(("pages", -1, pages))
            if failure is not None:
                _report(connection, *failure)
                return
        connection.send(("done", -1, None))
    finally:
        connection.close()


def _report(connection, index: int, err: Exception) -> None:
    """Why a helper stopped at page `index`: an `InputError`'s fields (the exception itself
    does not survive pickling), or what any other exception says."""
    if isinstance(err, InputError):
        connection.send(("input error", index, (err.path, err.message, err.line, err.page)))
    else:
        connection.send(("failed", index, f"{type(err).__name__}: {err}"))

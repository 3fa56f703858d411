"""A long PDF is read by this process and forked helpers, each taking runs of pages: what comes
out is what one process reading every page in turn gives, unit for unit and warning for
warning, and a page that cannot be read is reported as it would be then."""

from __future__ import annotations

from pathlib import Path

import pdfgen
import pypdfium2 as pdfium
import pytest

from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.readers import pdftext
from pipeline.readers.pdf import open_pdf, read_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    """Three fixtures, four times over, in one PDF: running text, notes, ruled tables."""
    folder = tmp_path_factory.mktemp("long")
    combined = pdfium.PdfDocument.new()
    for name in ("oslo", "appendix", "dubrovnik"):
        part = folder / f"{name}.pdf"
        pdfgen.render_file(ROOT / "tests" / "fixtures" / "en" / f"{name}.txt", part, "en", name)
        for _ in range(4):
            combined.import_pages(pdfium.PdfDocument(str(part)))
    path = folder / "long.pdf"
    combined.save(str(path))
    return path


def read(path: Path, processes: int, monkeypatch, lang: str | None = "en"):
    """The document and its warnings (or the error it stops with), read by `processes`
    processes taking a page at a time, so that their runs interleave."""
    with monkeypatch.context() as patch:
        patch.setattr(pdftext, "reading_processes", lambda pages: processes)
        patch.setattr(pdftext, "RUN_PAGES", 1)
        helpers = []
        start = pdftext._Helper.__init__

        def counted(self, *args):
            helpers.append(self)
            start(self, *args)

        patch.setattr(pdftext._Helper, "__init__", counted)
        try:
            result = extract_file(path, "long", lang)
        except InputError as err:
            result = str(err)
    assert len(helpers) == processes - 1
    return result


@pytest.mark.parametrize("lang", ["en", None])
def test_helpers_read_what_one_process_reads(long_pdf, monkeypatch, lang):
    alone = read(long_pdf, 1, monkeypatch, lang)
    shared = read(long_pdf, 2, monkeypatch, lang)
    assert len(pdfium.PdfDocument(str(long_pdf))) >= 12
    assert alone.actions() and alone.footnotes
    assert shared == alone


def test_the_first_page_that_cannot_be_read_is_named(long_pdf, tmp_path, monkeypatch):
    """Pages without a Unicode map near both ends: whichever process meets which first, the
    error names the earlier, as one process reading in turn does."""
    chinese = tmp_path / "zh.pdf"
    pdfgen.render_file(ROOT / "corpus" / "002_0c1cfc0310d863da.txt", chinese, "zh", "nmap")
    garbage = pdfium.PdfDocument(str(pdfgen.make_no_unicode_map(chinese, tmp_path / "no.pdf")))
    mixed = pdfium.PdfDocument(str(long_pdf))
    mixed.import_pages(garbage, [0], index=3)
    mixed.import_pages(garbage, [0])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    pages = open_pdf(path, "mixed")
    unreadable = []
    for index in range(len(pages)):
        try:
            read_page(pages, index, "mixed")
        except InputError as err:
            unreadable.append(err.page)
    assert len(unreadable) == 2 and unreadable[-1] == len(pages)
    alone = read(path, 1, monkeypatch)
    assert f"page {unreadable[0]}: text without a Unicode mapping" in alone
    assert read(path, 2, monkeypatch) == alone


def test_pages_pickle_back_whole(long_pdf):
    """Pages cross from a helper pickled: every line comes back with every field it had (a
    field added to `PdfLine` but left out of its compact pickle would fail here)."""
    import pickle

    pdf = open_pdf(long_pdf, "long.pdf")
    try:
        pages = [read_page(pdf, index, "long.pdf") for index in range(3)]
    finally:
        pdf.close()
    back = pickle.loads(pickle.dumps(pages))
    lines = [line for page in pages for line in page.lines]
    assert len(lines) > 50 and any(line.bold for line in lines)
    assert [line for page in back for line in page.lines] == lines
    assert [p.rules for p in back] == [p.rules for p in pages]


def test_what_measure_needs_made_where_the_page_was_read_measures_as_the_whole(long_pdf):
    """`prepare_page` keeps each page's running lines top to bottom and its type sizes for
    `measure`, done by the helpers; the geometry is the one measured from the lines alone."""
    from pipeline.readers.layout import measure

    data = long_pdf.read_bytes()
    pages, _ = pdftext._read_all_pages(long_pdf, "long.pdf", "en", data)
    assert any(page.ruled_tables for page in pages)  # running lines leave their cells out
    kept = measure(pages)
    for page in pages:
        page.running = page.size_weights = None
    assert measure(pages) == kept
    assert kept.size > 0 and kept.pitch > kept.size


def test_body_type_of_a_one_page_resolution_is_not_its_first_page_blocks():
    """A page drawn for this test: a first-page block in 10-point type fills the upper half,
    the body is set in 11 points below it, the notes in 9. Read above the middle of the page,
    the block's type would win; left out, the body's does, read above the notes."""
    from pipeline.readers.layout import measure
    from pipeline.readers.pdf import PdfLine, PdfPage

    def line(text: str, top: float, size: float) -> PdfLine:
        return PdfLine(1, text, 72.0, 72.0 + 5 * len(text), top, top + size, size, False)

    block = [
        line(f"Front block line {k}, a heading or a distribution note", 60 + 20 * k, 10)
        for k in range(15)
    ]
    body = [
        line("Recalling its resolution of the year before, " * 2, 420 + 16 * k, 11)
        for k in range(8)
    ]
    notes = [
        line("A note at the foot of the page, set smaller. " * 3, 600 + 11 * k, 9) for k in range(6)
    ]
    page = PdfPage(1, 612.0, 792.0, block + body + notes)
    assert measure([page]).size == 10.0
    assert measure([page], front=len(block)).size == 11.0


def test_a_short_document_that_fills_no_line_has_its_columns_edge_from_its_symbol():
    """Lines drawn for this test: a resolution of short paragraphs, none filling its line
    (the longest stops at 480 points); its symbol, in the first-page block, is set flush with
    the column's edge at 538. That edge is the grid's, so the longest line is not taken for
    full. Over many lines the body's own lines are trusted."""
    from pipeline.readers.layout import measure
    from pipeline.readers.pdf import PdfLine, PdfPage

    def line(text: str, top: float, x1: float, size: float = 10.5) -> PdfLine:
        return PdfLine(1, text, 57.0, x1, top, top + size, size, False)

    block = [line("A/C.3/99/L.30", 40, 538, 14), line("Distr.: Limited", 60, 420, 9)]
    lengths = (330, 320, 480, 190, 250, 165, 270, 300, 366)
    short = [line("回顾其决议，" * 4, 200 + 18 * k, x1) for k, x1 in enumerate(lengths)]
    grid = measure([PdfPage(1, 595.0, 842.0, block + short)], front=len(block))
    assert (grid.right, grid.edge) == (538, 538)
    many = [line("回顾其决议，" * 4, 80 + 6 * k, lengths[k % 9]) for k in range(120)]
    grid = measure([PdfPage(1, 595.0, 842.0, block + many)], front=len(block))
    assert grid.edge == 480


def test_a_short_last_line_ends_its_paragraph_in_a_script_without_spaces():
    """Lines drawn for this test. A line that stops well short of the column's edge ends its
    paragraph, unless the next line's first word would not have fitted after it: in Chinese,
    a line may break after any character, so that word is one character, not the whole line."""
    from pipeline.readers.layout import Geometry, _full
    from pipeline.readers.pdf import PdfLine

    grid = Geometry(size=12.5, left=61, right=534, pitch=21.0, edge=534)

    def line(text: str, x1: float) -> PdfLine:
        return PdfLine(6, text, 61.0, x1, 700.0, 712.0, 12.5, False)

    short = line("受害人，包括社会中的幸存者，能够充分、平等和有效地参与。", 389.0)
    next_chinese = line("缔约国认识到，对受害人的援助要做到长期可持续，就应被纳入与残疾人权", 528.0)
    assert not _full(short, next_chinese, grid)
    ragged = line("the Programme of Action and the commitments made for the", 500.0)
    next_english = line("implementation of the present resolution by all States", 390.0)
    assert _full(ragged, next_english, grid)  # "implementation" would not have fitted
    assert not _full(ragged, line("to the Decade and to all", 200.0), grid)


def test_a_full_last_line_is_told_from_the_next_paragraph_by_what_opens_it():
    """Lines drawn for the test, set as a word processor sets 12-point type at 1.5 lines with
    a little space after each paragraph: the step from a paragraph's full last line to the
    next paragraph (24 points) is less than a quarter more than the line pitch (20.5), so what
    opens the next line must say where it starts."""
    from pipeline.languages import table
    from pipeline.readers.blocks import PageBlock
    from pipeline.readers.layout import Geometry, _continues
    from pipeline.readers.pdf import PdfLine

    grid = Geometry(size=12.0, left=57, right=537, pitch=20.5, edge=538)
    en, zh = table("en"), table("zh")

    def line(text: str, x0: float = 57.0, x1: float = 537.0, top: float = 400.0, page: int = 3):
        return PdfLine(page, text, x0, x1, top, top + 9.0, 12.0, False)

    def goes_on(lines: list[PdfLine], nxt: PdfLine, lang=en) -> bool:
        return _continues(PageBlock(lines, "paragraph"), nxt, grid, lang)

    full = line(
        "Increase in 2011 the number of States Parties that have declared the full", top=400
    )
    assert goes_on([full], line("completion of their obligations under the Convention.", top=420.5))
    assert not goes_on([full], line("Action #21: Report each year on the stockpiles.", top=424))
    assert not goes_on(
        [line("为加强国际合作和援助，缔约国将采取以下行动：", top=400)],
        line("行动 #38: 尽最大努力，尽快拨出所需的资源。", top=424),
        zh,
    )
    # A preambular paragraph's opening word, capitalised after a comma (a reference aside).
    concerned = line("Deeply concerned about the lack of resources for the commitments,¹", x1=530)
    assert not goes_on([concerned], line("Bearing in mind the report of the Secretary-", top=425))
    assert goes_on([concerned], line("bearing in mind the report of the Secretary-", top=420.5))
    # A paragraph's number opens one at the head of a page, where no step tells.
    foot = line("Bearing in mind the report of the Secretary-General on the follow-up", top=700)
    head = line("1. Takes note of the report of the Secretary-General;", top=80, page=4)
    assert not goes_on([foot], head)
    assert goes_on([foot], line("to the Programme of Action,", top=80, page=4))
    # A paragraph that hangs beside its number: a line back under the number opens the next.
    hanging = [
        line("1. Any Member may bring any dispute to the attention of the Council"),
        line("referred to in Article 34, to the attention of the Security", x0=85, top=420.5),
    ]
    assert not goes_on(hanging, line("2. A state which is not a Member may bring", top=445))
    assert goes_on(hanging, line("or of the General Assembly.", x0=85, top=441), en)
    # A sub-paragraph's letter opens no item after a line ending in a reference to its
    # paragraph (the Charter's Article 13: "mentioned in paragraph 1" + "(b) above").
    refers = [
        line("2. The further responsibilities of the General Assembly mentioned in paragraph 1"),
        line("and powers with respect to matters", x0=85, top=420.5),
    ]
    below = line("(b) above are set forth in Chapters IX and X.", x0=85, top=441)
    assert not goes_on(refers, below)
    refers[-1] = line("with respect to matters mentioned in paragraph 1", x0=85, top=420.5)
    assert goes_on(refers, below)
    # A line in capitals after one that is not (the Charter's preamble), but not a symbol.
    peoples = line("to employ international machinery for the advancement of all peoples,")
    assert not goes_on([peoples], line("HAVE RESOLVED TO COMBINE OUR EFFORTS", top=424))
    assert goes_on([peoples], line("CCM/CONF/2020/12) and the decisions", top=420.5))


def test_a_heading_goes_on_where_its_next_word_would_not_have_fitted():
    """Lines drawn for the test: a chapter heading in 11-point bold over 9-point type stops 48
    points short of the column's edge, where "Aggression" (51 points) would not have fitted."""
    from pipeline.readers.layout import Geometry, _heading_wraps
    from pipeline.readers.pdf import PdfLine

    grid = Geometry(size=9.0, left=57, right=537.7, pitch=12.0, edge=537.9)
    head = PdfLine(
        7,
        "Chapter VII: Action with Respect to Threats to the Peace, Breaches of the "
        "Peace, and Acts of",
        57.3,
        489.2,
        122.3,
        130.1,
        11.0,
        True,
    )
    wrapped = PdfLine(7, "Aggression", 56.9, 108.3, 137.2, 144.5, 11.0, True)
    assert _heading_wraps(head, wrapped, grid)
    short = PdfLine(7, "Chapter VII", 57.3, 120.0, 122.3, 130.1, 11.0, True)
    assert not _heading_wraps(short, wrapped, grid)


def test_a_line_running_over_a_rule_between_two_cells_is_cut_at_it(tmp_path):
    """A PDF drawn for the test: two cells' texts 2 points apart, which pdfium reads as one
    line; where a vertical rule runs between them (and only there), they are two."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    left, right = "the number of States Parties reporting", "Number of States Parties that have"
    out = tmp_path / "cells.pdf"
    canvas = Canvas(str(out), pagesize=(595, 842))
    for ruled in (True, False):
        canvas.setFont("Times-Roman", 10)
        for y in (700, 688):
            canvas.drawString(299 - stringWidth(left, "Times-Roman", 10), y, left)
            canvas.drawString(301, y, right)
        canvas.drawString(60, 500, "Text outside the table, across no rule")
        if ruled:
            canvas.setLineWidth(0.5)
            canvas.rect(100, 660, 400, 60)
            canvas.line(300, 720, 300, 660)
        canvas.showPage()
    canvas.save()
    pdf = open_pdf(out, "cells.pdf")
    ruled, unruled = (read_page(pdf, index, "cells.pdf") for index in (0, 1))
    assert [ln.text for ln in unruled.lines[:2]] == [f"{left} {right}"] * 2  # pdfium's reading
    assert [(ln.text, round(ln.x0)) for ln in ruled.lines[:4]] == [
        (left, 148),
        (right, 301),
        (left, 148),
        (right, 301),
    ]
    assert ruled.lines[4].text == "Text outside the table, across no rule"


def test_pdfiums_space_at_a_slash_in_a_justified_line_is_no_word_break(tmp_path):
    """A PDF drawn for the test: a justified Chinese line leaves gaps around "和/或", where
    pdfium makes up spaces; they go, as its spaces before punctuation do. A space typed in
    the text stays."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    pdfgen.register_fonts()
    out = tmp_path / "slash.pdf"
    canvas = Canvas(str(out), pagesize=(595, 842))
    canvas.setFont("WQY", 10.5)
    x = 72.0
    for piece in ("让幸存者和", "/", "或其代表组织参与"):
        canvas.drawString(x, 700, piece)
        x += stringWidth(piece, "WQY", 10.5) + 4  # the gap justification left
    canvas.drawString(72, 680, "either / or")
    canvas.save()
    page = read_page(open_pdf(out, "slash.pdf"), 0, "slash.pdf")
    assert [ln.text for ln in page.lines] == ["让幸存者和/或其代表组织参与", "either / or"]


def test_tasks_ready_to_run_elsewhere_are_read_off_linux_loadavg():
    """/proc/loadavg's fourth field counts the tasks ready to run, the reader among them."""
    assert pdftext.busy_elsewhere("0.78 0.72 0.63 3/112 11564\n") == 2
    assert pdftext.busy_elsewhere("0.09 0.03 0.01 1/115 1738\n") == 0
    assert pdftext.busy_elsewhere("no such field") == 0


@pytest.mark.skipif(not Path("/proc/loadavg").exists(), reason="the count is Linux's")
def test_a_core_kept_busy_by_other_work_gets_no_helper():
    """A process spinning on a core of its own: a long PDF is then read with a helper fewer
    than the cores (on two cores, by this process alone)."""
    import os
    import subprocess
    import sys
    import time

    cores = len(os.sched_getaffinity(0))
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        deadline = time.monotonic() + 10
        while pdftext.busy_elsewhere(Path("/proc/loadavg").read_text()) < 1:
            assert time.monotonic() < deadline, "the spinning process never ran"
            time.sleep(0.01)
        assert pdftext._free_cores() <= cores - 1
        assert pdftext.reading_processes(100) <= max(1, min(cores - 1, 4))
    finally:
        spinner.kill()
        spinner.wait()
    assert pdftext.reading_processes(10) == 1  # a short PDF: one process whatever the load

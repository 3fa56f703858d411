"""The page foot on pages written for the tests: where a note run on from the page before
ends and the body's own smaller type (a table's source line) begins; a footer lifted by a
tall margin."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.extract import extract_file
from pipeline.readers.pdf import PdfLine, PdfPage

SOURCE_LINE = "Source: national reports submitted in 2024."
NOTE_START = "The first note, which begins on the first page and"
NOTE_MIDDLE = "goes on over several lines of its own"
NOTE_END = "and ends on the second page."


def _two_pages(path: Path, note_runs_on: bool) -> Path:
    """Page 1: numbered paragraphs, the last referencing note 1, set under a short rule. Page 2:
    more paragraphs, then a source line in 8-point type right under them; with `note_runs_on`,
    the rest of note 1 under a rule at the page foot."""
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    top = A4[1] - 100
    page.setFont("Times-Roman", 14)
    page.drawString(72, top, "PLANALIGN/TEST/NOTES")
    page.setFont("Times-Roman", 11)
    for n in range(1, 22):
        page.drawString(
            72, top - 26 - 14 * n, f"{n}. Paragraph {n} of a page written for the tests."
        )
    last = "22. A paragraph that carries the reference to a note at its end"
    page.drawString(72, top - 26 - 14 * 22, last)
    page.setFont("Times-Roman", 7)
    page.drawString(72 + page.stringWidth(last, "Times-Roman", 11), top - 22 - 14 * 22, "1")
    _note_rule(page)
    page.setFont("Times-Roman", 6)
    page.drawString(72, 121, "1")
    page.setFont("Times-Roman", 9)
    page.drawString(78, 118, NOTE_START)
    page.drawString(72, 107, NOTE_MIDDLE)
    page.showPage()
    page.setFont("Times-Roman", 11)
    for n in range(23, 33):
        page.drawString(
            72, top - 14 * (n - 23), f"{n}. Paragraph {n} of a page written for the tests."
        )
    page.setFont("Times-Roman", 8)
    page.drawString(72, top - 14 * 10, SOURCE_LINE)
    if note_runs_on:
        _note_rule(page)
        page.setFont("Times-Roman", 9)
        page.drawString(72, 118, NOTE_END)
    page.showPage()
    page.save()
    return path


def _note_rule(page: canvas.Canvas) -> None:
    page.setLineWidth(0.5)
    page.line(72, 130, 172, 130)


@pytest.mark.parametrize("note_runs_on", [False, True])
def test_smaller_type_under_the_body_is_not_the_note_run_on(tmp_path, note_runs_on):
    pdf = _two_pages(tmp_path / "notes.pdf", note_runs_on)
    doc = extract_file(pdf, "notes", "en")
    note = f"{NOTE_START} {NOTE_MIDDLE}" + (f" {NOTE_END}" if note_runs_on else "")
    assert [(n.n, n.body.text) for n in doc.footnotes] == [("1", note)]
    bodies = [block.body.text for block in doc.blocks()]
    # The source line is the body's, a block of its own: its type is not the paragraph's.
    assert bodies[-2].endswith("Paragraph 32 of a page written for the tests.")
    assert bodies[-1] == SOURCE_LINE and sum(SOURCE_LINE in text for text in bodies) == 1


def _line(text: str, x0: float, top: float) -> PdfLine:
    return PdfLine(2, text, x0, x0 + 6 * len(text), top, top + 10, 10.0, False)


def test_a_footer_above_the_usual_band_goes_but_a_figure_in_a_tables_last_row_stays():
    """A tall bottom margin lifts the footer (job number, page number) above the band where
    footers usually stand: the page's bottom row goes when it holds nothing else. A table's
    last row, a figure in one cell beside words in another, is the body's."""
    from pipeline.readers.layout import strip_page_furniture

    body = [_line("2. A paragraph of a page written for the tests.", 72, 100)]
    footer = [_line("GE.24-01234 (E)", 72, 700), _line("3", 500, 700)]
    page = PdfPage(2, 595, 842, lines=[*body, *footer])
    strip_page_furniture(page, "PLANALIGN/TEST/NOTES")
    assert [line.text for line in page.lines] == [body[0].text]
    last_row = [_line("Registers kept", 72, 700), _line("12", 300, 700)]
    page = PdfPage(2, 595, 842, lines=[*body, *last_row])
    strip_page_furniture(page, "PLANALIGN/TEST/NOTES")
    assert [line.text for line in page.lines] == [body[0].text, "Registers kept", "12"]

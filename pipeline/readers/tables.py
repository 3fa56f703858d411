"""Tables on a PDF page: cell boxes, the lines each cell holds, a row's cells as text.

A ruled table's cells come from its ruling lines (pdfplumber's lattice method on the rules
pdfium reports). What comes out is one `PageBlock` of kind "row" per table row, its cells'
texts joined line by line, for `pipeline.readers.layout` to place in the page's flow.
"""

from __future__ import annotations

import re

from pdfplumber import table

from pipeline.languages import LanguageTable
from pipeline.model import Text
from pipeline.model.inline import join_text
from pipeline.readers.blocks import PageBlock
from pipeline.readers.pdf import PdfLine, PdfPage

_TABLE_ITEM = re.compile(r"^[•·▪●]")
Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


def find_tables(page: PdfPage) -> list[list[list[Cell]]]:
    """Ruled tables, as rows of cells, by pdfplumber's lattice method on the page's rules."""
    edges = table.merge_edges(page.rules, 3, 3, 3, 3)
    cells = table.intersections_to_cells(table.edges_to_intersections(edges, 1, 1))
    found = []
    for cells_of_table in table.cells_to_tables(cells):
        rows: dict[float, list[Cell]] = {}
        for cell in cells_of_table:
            rows.setdefault(round(cell[1], 1), []).append(cell)
        found.append([sorted(rows[top]) for top in sorted(rows)])
    return found


def table_rows(
    page: PdfPage, lines: list[PdfLine], lang: LanguageTable
) -> tuple[list[PdfLine], list[PageBlock]]:
    """The page's table rows, and the body lines left outside every table."""
    found = find_tables(page) if page.rules else []
    if not found:
        return lines, []
    used: set[int] = set()
    rows: list[PageBlock] = []
    for ruled in found:
        for cells in ruled:
            cell_lines = [_in_cell(lines, cell, used) for cell in cells]
            if not any(cell_lines):
                continue
            rows.append(_row(cell_lines, lang))
    body = [ln for index, ln in enumerate(lines) if index not in used]
    return body, rows


def _in_cell(lines: list[PdfLine], cell, used: set[int]) -> list[PdfLine]:
    x0, top, x1, bottom = cell
    inside = []
    for index, line in enumerate(lines):
        centre_y = (line.top + line.bottom) / 2
        if x0 - 1 <= line.x0 <= x1 and top <= centre_y <= bottom:
            inside.append(line)
            used.add(index)
    return inside


def _row(cells: list[list[PdfLine]], lang: LanguageTable) -> PageBlock:
    lines = [ln for cell in cells for ln in cell]
    texts = [_cell_text(cell, lang) for cell in cells]
    header = bool(lang.table_header.match("\t".join(t.text for t in texts)))
    return PageBlock(lines, "row", cells=texts, header=header)


def _cell_text(lines: list[PdfLine], lang: LanguageTable) -> Text:
    """A cell's lines joined; in an indicator cell each bullet starts a new indicator."""
    text = Text("")
    for line in lines:
        if not text.text:
            text = Text(line.text)
        elif _TABLE_ITEM.match(line.text):
            text = Text(f"{text.text} {line.text}", text.refs)
        else:
            text = join_text(text, Text(line.text), lang.joiner)
    return text


def continues_row(row: PageBlock) -> bool:
    """The first row on a page that opens without a number goes on with the row before."""
    if row.header or len(row.cells) < 2:
        return False
    return not re.match(r"^(\d+\.|\(?[a-z]\))", row.cells[0].text)


def merge_rows(row: PageBlock, more: PageBlock, lang: LanguageTable) -> None:
    cells = row.cells
    for index, extra in enumerate(more.cells):
        if index >= len(cells) or not cells[index].text:
            cells[index : index + 1] = [extra]
        elif extra.text and _TABLE_ITEM.match(extra.text):
            cells[index] = Text(f"{cells[index].text} {extra.text}", cells[index].refs)
        elif extra.text:
            cells[index] = join_text(cells[index], extra, lang.joiner)
    row.lines.extend(more.lines)


def row_text(row: PageBlock) -> str:
    text = "\t".join(cell.text for cell in row.cells)
    return text if len(row.cells) > 1 else text + "\t"  # a spanning label is a row too

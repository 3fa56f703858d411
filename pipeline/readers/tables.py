"""Tables on a PDF page: cell boxes, the lines each cell holds, a row's cells as text.

A ruled table's cells come from its ruling lines (pdfplumber's lattice method on the rules
pdfium reports). What comes out is one `PageBlock` of kind "row" per table row, its cells'
texts joined line by line, for `pipeline.readers.layout` to place in the page's flow.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import groupby, pairwise
from operator import attrgetter, itemgetter

from pdfplumber import table

from pipeline.languages import LanguageTable
from pipeline.model import Text
from pipeline.model.inline import join_text
from pipeline.readers.blocks import PageBlock
from pipeline.readers.pdf import PdfLine, PdfPage

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


def find_tables(page: PdfPage) -> list[list[list[Cell]]]:
    """Ruled tables, as rows of cells, by pdfplumber's lattice method on the page's rules;
    found once a page (the layout asks twice: for the line pitch and for the rows)."""
    if page.ruled_tables is None:
        page.ruled_tables = _lattice(page.rules) if _may_close_cells(page.rules) else []
    return page.ruled_tables


def _may_close_cells(rules: list[dict]) -> bool:
    """Two rules of each direction at least: fewer close no cell (a header's rule, a
    footnote separator), and the lattice need not be built."""
    vertical = sum(1 for rule in rules if rule["orientation"] == "v")
    return vertical >= 2 and len(rules) - vertical >= 2


def _lattice(rules: list[dict]) -> list[list[list[Cell]]]:
    edges = merge_edges(rules)
    cells = _cells(table.edges_to_intersections(edges, 1, 1))
    found = []
    for cells_of_table in table.cells_to_tables(cells):
        rows: dict[float, list[Cell]] = {}
        for cell in cells_of_table:
            rows.setdefault(round(cell[1], 1), []).append(cell)
        found.append([sorted(rows[top]) for top in sorted(rows)])
    return found


# How close ruling lines snap to one line and join end to end: pdfplumber's lattice defaults.
SNAP, JOIN = 3, 3


def merge_edges(rules: list[dict]) -> list[dict]:
    """pdfplumber's `merge_edges(rules, SNAP, SNAP, JOIN, JOIN)`, edge for edge and in its
    order (a test compares them), without its copy of every edge at every step: vertical
    rules snapped by x0, horizontal ones by top, then each line's pieces joined."""
    vertical = _snapped([e for e in rules if e["orientation"] == "v"], "x0", "x1")
    horizontal = _snapped([e for e in rules if e["orientation"] == "h"], "top", "bottom")
    merged: list[dict] = []
    for (orientation, _), group in groupby(sorted(vertical + horizontal, key=_line_of), _line_of):
        low, high = ("x0", "x1") if orientation == "h" else ("top", "bottom")
        merged += _joined(list(group), low, high)
    return merged


def _line_of(edge: dict) -> tuple[str, float]:
    return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])


def _snapped(edges: list[dict], at: str, other: str) -> list[dict]:
    """The edges in clusters of `at` values each within SNAP of the next, each moved (`at`
    and `other` alike) to its cluster's mean, cluster by cluster."""
    cluster_of: dict[float, int] = {}
    index, previous = -1, None
    for value in sorted({e[at] for e in edges}):
        if previous is None or value > previous + SNAP:
            index += 1
        cluster_of[value] = index
        previous = value
    clusters: dict[int, list[dict]] = {}
    for edge in sorted(edges, key=lambda e: cluster_of[e[at]]):
        clusters.setdefault(cluster_of[edge[at]], []).append(edge)
    snapped = []
    for cluster in clusters.values():
        mean = sum(e[at] for e in cluster) / len(cluster)
        for edge in cluster:
            shift = mean - edge[at]
            snapped.append({**edge, at: edge[at] + shift, other: edge[other] + shift})
    return snapped


def _joined(edges: list[dict], low: str, high: str) -> list[dict]:
    """Edges along one line, those that touch or come within JOIN of each other as one."""
    joined: list[dict] = []
    for edge in sorted(edges, key=itemgetter(low)):
        last = joined[-1] if joined else None
        if last is None or edge[low] > last[high] + JOIN:
            joined.append(edge)
        elif edge[high] > last[high]:
            joined[-1] = _grown(last, high, edge[high])
    return joined


def _grown(edge: dict, high: str, value: float) -> dict:
    """The edge reaching to `value`, its length figured as pdfplumber's `resize_object` does."""
    if high == "x1":
        return {**edge, "x1": value, "width": value - edge["x0"]}
    return {**edge, "bottom": value, "height": edge["height"] + (value - edge["bottom"])}


_BOX = itemgetter("x0", "top", "x1", "bottom")


def _cells(intersections: dict) -> list[Cell]:
    """pdfplumber's `intersections_to_cells`, cell for cell and in its order, with each
    point's edges gathered once and the points below and right of each looked up rather than
    searched for (its own gathers them again at every comparison: most of a ruled page's
    time). A cell runs from a point to the nearest one below and right that edges join."""
    vertical = {
        point: {_BOX(edge) for edge in edges["v"]} for point, edges in intersections.items()
    }
    horizontal = {
        point: {_BOX(edge) for edge in edges["h"]} for point, edges in intersections.items()
    }

    def connects(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return (a[0] == b[0] and not vertical[a].isdisjoint(vertical[b])) or (
            a[1] == b[1] and not horizontal[a].isdisjoint(horizontal[b])
        )

    points = sorted(intersections)
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for point in points:  # each in the order of the points: top down, left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    cells = []
    for point in points:
        column, row = columns[point[0]], rows[point[1]]
        below = column[column.index(point) + 1 :]
        right = row[row.index(point) + 1 :]
        cell = next(
            (
                (point[0], point[1], corner[0], corner[1])
                for down in below
                if connects(point, down)
                for across in right
                if connects(point, across)
                for corner in [(across[0], down[1])]
                if corner in intersections and connects(corner, across) and connects(corner, down)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def table_rows(
    page: PdfPage,
    lines: list[PdfLine],
    lang: LanguageTable,
    compounds: frozenset[str] = frozenset(),
) -> tuple[list[PdfLine], list[PageBlock]]:
    """The page's table rows, and the body lines left outside every table."""
    found = find_tables(page) or _unruled(page, lines, lang)
    if not found:
        return lines, []
    used: set[int] = set()
    rows: list[PageBlock] = []
    by_height = _LinesByHeight(lines)
    for ruled in found:
        for cells in ruled:
            cell_lines = [by_height.in_cell(cell, used) for cell in cells]
            if not any(cell_lines):
                continue
            rows.append(_row(cell_lines, lang, compounds))
    body = [ln for index, ln in enumerate(lines) if index not in used]
    return body, rows


def find_unruled(page: PdfPage, lang: LanguageTable) -> None:
    """The page's tables without rules, found on all its lines where it was read (the layout
    lays out most pages so: those without notes), kept with the lines they were found on."""
    if not find_tables(page):
        ordered = in_reading_order(page.lines)
        page.unruled = (ordered, [ln.text for ln in ordered], unruled_tables(ordered, lang))


def _unruled(page: PdfPage, lines: list[PdfLine], lang: LanguageTable) -> list[list[list[Cell]]]:
    """`unruled_tables` of the lines: those `find_unruled` found when they are the lines it
    saw, texts unchanged."""
    if page.unruled is not None:
        seen, texts, tables = page.unruled
        if len(seen) == len(lines) and all(
            line is before and line.text == text
            for line, before, text in zip(lines, seen, texts, strict=True)
        ):
            return tables
    return unruled_tables(lines, lang)


_READING_KEY = attrgetter("top", "x0")


def in_reading_order(lines: list[PdfLine]) -> list[PdfLine]:
    return sorted(lines, key=_READING_KEY)


# Tables without rules: columns from the gutters no line crosses, rows from what starts one.
def unruled_tables(lines: list[PdfLine], lang: LanguageTable) -> list[list[list[Cell]]]:
    """The page's table set without rules, as rows of cell boxes: its columns are the runs of
    text between gutters that no line of a side-by-side band crosses; it reaches over the
    bands from the first side-by-side band to the last, and the bands after them whose lines
    each stay inside one column."""
    bands = _bands(lines)
    side_by_side = [index for index, band in enumerate(bands) if _side_by_side(band)]
    if not side_by_side or (
        len(side_by_side) == 1 and not _is_header(bands[side_by_side[0]], lang)
    ):
        return []
    columns = _columns([bands[index] for index in side_by_side])
    if len(columns) < 2:
        return []
    first, last = side_by_side[0], side_by_side[-1]
    steps = sorted(b[0].top - a[0].top for a, b in pairwise(bands[first : last + 1]))
    # The distance between one line of a cell and the next, the commonest in the table.
    pitch = steps[len(steps) // 2] if steps else bands[first][0].size * 1.2
    # Rows set apart by their cells' padding are as far apart after the last side-by-side
    # band as between the side-by-side ones; a header row alone (repeated on a page that a
    # row runs on to) has a row under it, however padded its cells.
    reach = max(pitch * 1.5, steps[-1] * 1.05 if steps else 0.0)
    if first == last and _is_header(bands[first], lang):
        reach = max(reach, 3 * bands[first][0].size)
        # The row that runs on under it may have left its first cell on the page before:
        # lines in the later columns only, set down by both rows' padding and tall lines.
        after = bands[last + 1] if last + 1 < len(bands) else []
        if after and all((_column_of(ln, columns) or 0) > 0 for ln in after):
            reach = max(reach, _RUN_ON_REACH * bands[first][0].size)
    while last + 1 < len(bands) and _goes_on(bands[last], bands[last + 1], columns, reach):
        last += 1
    region = bands[first : last + 1]
    return [[_row_cells(row, columns) for row in _rows(region, columns, pitch, lang)]]


Band = list[PdfLine]  # lines printed side by side, in reading order
# How far below a header row alone the rest of a row run on from the page before may start,
# in type sizes (a word processor's tall lines and padded cells: 5.5 seen).
_RUN_ON_REACH = 8


def _bands(lines: list[PdfLine]) -> list[Band]:
    """The lines in horizontal bands: a line joins the band whose extent holds its middle."""
    bands: list[Band] = []
    top = bottom = 0.0  # the last band's extent
    for line in in_reading_order(lines):
        if bands and top <= (line.top + line.bottom) / 2 <= bottom:
            bands[-1].append(line)
            bottom = max(bottom, line.bottom)
        else:
            bands.append([line])
            top, bottom = line.top, line.bottom
    for band in bands:
        band.sort(key=lambda ln: ln.x0)
    return bands


def _side_by_side(band: Band) -> bool:
    """Two lines of one band are two cells: the reader cut them apart where the text jumps."""
    return any(b.x0 > a.x1 for a, b in pairwise(band))


def _is_header(band: Band, lang: LanguageTable) -> bool:
    return bool(lang.table_header.match("\t".join(ln.text for ln in band)))


def _columns(bands: list[Band]) -> list[tuple[float, float]]:
    """The spans of text between gutters, left to right."""
    spans = sorted((ln.x0, ln.x1) for band in bands for ln in band)
    columns = [spans[0]]
    for x0, x1 in spans[1:]:
        left, right = columns[-1]
        if x0 <= right:
            columns[-1] = (left, max(right, x1))
        else:
            columns.append((x0, x1))
    return columns


def _column_of(line: PdfLine, columns: list[tuple[float, float]]) -> int | None:
    """The column the line starts in, or None when it runs into the next one. A line may
    start a little left of its column's edge (a type size, at most half the gutter): a
    word processor's wrapped lines do not all start at the same point."""
    for index in range(len(columns) - 1, -1, -1):
        x0 = columns[index][0]
        gutter = x0 - columns[index - 1][1] if index else 2 * line.size
        if line.x0 >= x0 - min(line.size, gutter / 2):
            after = columns[index + 1][0] if index + 1 < len(columns) else float("inf")
            return index if line.x1 < after else None
    return None


def _goes_on(band: Band, after: Band, columns: list[tuple[float, float]], reach: float) -> bool:
    """Whether the band after the last side-by-side one is still the table's: no farther
    below it than `reach`, each of its lines inside one column."""
    close = after[0].top - band[0].top <= reach
    return close and all(_column_of(ln, columns) is not None for ln in after)


def _rows(
    bands: list[Band], columns: list[tuple[float, float]], pitch: float, lang: LanguageTable
) -> list[list[Band]]:
    rows: list[list[Band]] = []
    for index, band in enumerate(bands):
        gap = band[0].top - bands[index - 1][0].top if index else 0.0
        if not rows or gap > pitch * 1.5 or _starts_row(band, rows[-1], columns, lang):
            rows.append([band])
        else:
            rows[-1].append(band)
    return rows


_ROW_START = re.compile(r"^(\d+\.|\(?[a-z]\))\s")


def _starts_row(
    band: Band, row: list[Band], columns: list[tuple[float, float]], lang: LanguageTable
) -> bool:
    """A header, a line across the gutters (a group label), a bold first cell, a numbered
    first cell, a lettered one with nothing beside it, or the first band after a header or a
    label."""
    previous = row[-1]
    if _is_header(band, lang) or _is_header(previous, lang):
        return True
    if any(_column_of(ln, columns) is None for ln in [*band, *previous]):
        return True
    first = band[0]
    if _column_of(first, columns) != 0:
        return False
    if first.bold:
        return True
    # A sub-item (a), b) …) with the action's indicators still beside it is in the action's
    # cell; in a row of its own it has no indicators.
    numbered = _ROW_START.match(first.text)
    return bool(numbered) and (first.text[0].isdigit() or len(band) == 1)


def _row_cells(row: list[Band], columns: list[tuple[float, float]]) -> list[Cell]:
    top = min(ln.top for band in row for ln in band)
    bottom = max(ln.bottom for band in row for ln in band)
    if any(_column_of(ln, columns) is None for band in row for ln in band):
        return [(columns[0][0] - 1, top, columns[-1][1], bottom)]  # one cell across the table
    return [(x0 - 1, top, x1 + 1, bottom) for x0, x1 in columns]


class _LinesByHeight:
    """A page's lines by the height of their centre, for the lines of a cell to be found
    without going through the page's every line for every cell."""

    def __init__(self, lines: list[PdfLine]):
        self.lines = lines
        centres = sorted(((ln.top + ln.bottom) / 2, index) for index, ln in enumerate(lines))
        self.heights = [height for height, _ in centres]
        self.order = [index for _, index in centres]

    def in_cell(self, cell: Cell, used: set[int]) -> list[PdfLine]:
        """The lines whose centre the cell holds and whose start is inside its width, in the
        page's order; their indices added to `used`."""
        x0, top, x1, bottom = cell
        span = self.order[bisect_left(self.heights, top) : bisect_right(self.heights, bottom)]
        inside = sorted(index for index in span if x0 - 1 <= self.lines[index].x0 <= x1)
        used.update(inside)
        return [self.lines[index] for index in inside]


def _row(cells: list[list[PdfLine]], lang: LanguageTable, compounds: frozenset[str]) -> PageBlock:
    lines = [ln for cell in cells for ln in cell]
    items = [_cell_items(cell, lang, index == 0, compounds) for index, cell in enumerate(cells)]
    header = bool(lang.table_header.match("\t".join(ln.text for ln in lines)))
    return PageBlock(lines, "row", cells=items, header=header)


def _cell_items(
    lines: list[PdfLine], lang: LanguageTable, first_column: bool, compounds: frozenset[str]
) -> list[Text]:
    """A cell's items, each of its wrapped lines joined. An item starts with a mark, or, in
    the cells after the first, with a line at the cell's left edge after a line that ended
    one (with one of the language's terminal marks: ；。;.). In the first cell, where a sentence may end at a line's end, only marks
    count: its items (an action's lettered sub-items) become rows of their own."""
    items: list[Text] = []
    left = min((ln.x0 for ln in lines), default=0.0)
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is None or _starts_item(previous, line, left, first_column, lang):
            items.append(Text(line.text))
        else:
            items[-1] = join_text(items[-1], Text(line.text), lang.joiner, compounds)
    return items


def _starts_item(
    previous: PdfLine, line: PdfLine, left: float, first_column: bool, lang: LanguageTable
) -> bool:
    if lang.cell_item.match(line.text):
        return True
    at_edge = line.x0 - left < line.size * 0.5
    return not first_column and at_edge and previous.text.rstrip()[-1:] in lang.terminal


def continues_row(row: PageBlock) -> bool:
    """The first row on a page that opens without a number goes on with the row before."""
    if row.header or len(row.cells) < 2:
        return False
    first = row.cells[0][0].text if row.cells[0] else ""
    return not re.match(r"^(\d+\.|\(?[a-z]\))", first)


def merge_rows(
    row: PageBlock, more: PageBlock, lang: LanguageTable, compounds: frozenset[str] = frozenset()
) -> None:
    """A row the page broke, put together: each cell's first item goes on with the item the
    page cut, unless it opens with a mark of its own."""
    for index, items in enumerate(more.cells):
        if index >= len(row.cells):
            row.cells.append(items)
            continue
        cell = row.cells[index]
        if cell and items and not lang.cell_item.match(items[0].text):
            cell[-1] = join_text(cell[-1], items[0], lang.joiner, compounds)
            items = items[1:]
        cell.extend(items)
    row.lines.extend(more.lines)


def row_text(row: PageBlock) -> list[str]:
    """The row as logical lines: the first cell's first item with every other cell's items,
    one to a tab-separated cell; each further item of the first cell a row of its own. A row
    of one cell (a label across the table) is a row too."""
    first, *others = row.cells
    items = first or [Text("")]
    rest = [item.text for cell in others for item in cell] or [""]
    return ["\t".join([items[0].text, *rest]), *(f"{item.text}\t" for item in items[1:])]

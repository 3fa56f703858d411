"""Tables by geometry (pipeline/readers/tables.py), on lines placed by hand: each test pins one
behaviour. The words are written for the tests. Whole renderings are held against their texts
in tests/test_engines.py."""

from __future__ import annotations

from pipeline.languages import ENGLISH
from pipeline.readers.blocks import PageBlock
from pipeline.readers.pdf import PdfLine, PdfPage
from pipeline.readers.tables import (
    find_unruled,
    merge_rows,
    row_text,
    table_rows,
    unruled_tables,
)

SIZE = 10.0
PITCH = 12.0
LEFT, SPLIT, RIGHT = 60.0, 300.0, 530.0  # first column from LEFT, second from SPLIT


def line(text: str, x0: float, row: int, x1: float | None = None, bold: bool = False) -> PdfLine:
    top = 100 + row * PITCH
    return PdfLine(1, text, x0, x1 or x0 + 6 * len(text), top, top + SIZE, SIZE, bold)


def page(*lines: PdfLine) -> PdfPage:
    return PdfPage(1, 595, 842, lines=list(lines))


def rows_text(lines: list[PdfLine]) -> list[str]:
    _, rows = table_rows(page(*lines), lines, ENGLISH)
    return [text for row in rows for text in row_text(row)]


HEADER = [line("Action", LEFT, 0, bold=True), line("Indicators", SPLIT, 0, bold=True)]


def test_columns_from_gutters_and_rows_from_their_numbers():
    lines = [
        *HEADER,
        line("1. Keep the register", LEFT, 2, 290),
        line("up to date.", LEFT + 1, 3),
        line("• Registers kept;", SPLIT, 2),
        line("2. Report each year.", LEFT, 5),
        line("• Reports made.", SPLIT, 5),
        line(
            "A paragraph after the table runs across the whole width of the page.", LEFT, 8, RIGHT
        ),
    ]
    body, rows = table_rows(page(*lines), lines, ENGLISH)
    assert [ln.text for ln in body] == [lines[-1].text]  # the paragraph is not the table's
    texts = [text for row in rows for text in row_text(row)]
    assert texts == [
        "Action\tIndicators",
        "1. Keep the register up to date.\t• Registers kept;",
        "2. Report each year.\t• Reports made.",
    ]
    assert rows[0].header and not rows[1].header


def test_a_line_across_the_gutter_is_a_row_of_one_cell():
    lines = [
        *HEADER,
        line("Good practice in carrying out the Convention", LEFT, 1, 420, bold=True),
        line("1. Keep the register.", LEFT, 2),
        line("• Registers kept.", SPLIT, 2),
    ]
    assert rows_text(lines)[1:] == [
        "Good practice in carrying out the Convention\t",
        "1. Keep the register.\t• Registers kept.",
    ]


def test_columns_set_without_padding_stay_apart():
    """Cells touching: the gutter is only where no line of a side-by-side band crosses."""
    lines = [
        *HEADER,
        line("1. Keep the register of every", LEFT, 1, SPLIT - 2),
        line("• Registers kept.", SPLIT, 1),
        line("site.", LEFT, 2),
    ]
    assert rows_text(lines)[1] == "1. Keep the register of every site.\t• Registers kept."


def test_new_items_in_a_cell_start_at_a_mark_or_after_an_ended_line_at_the_left_edge():
    lines = [
        *HEADER,
        line("1. Keep the register.", LEFT, 1),
        line("• Registers kept in", SPLIT, 1),
        line("every district;", SPLIT + 12, 2),  # hanging indent: the same item
        line("Registers opened to the", SPLIT, 3),  # at the edge after ";": a new item
        line("public, by district;", SPLIT, 4),  # at the edge, but the line before went on
        line("(a) in the capital.", SPLIT, 5),  # a letter
    ]
    assert rows_text(lines)[1].split("\t") == [
        "1. Keep the register.",
        "• Registers kept in every district;",
        "Registers opened to the public, by district;",
        "(a) in the capital.",
    ]


def test_lettered_items_of_the_first_cell_become_rows_and_sentences_do_not():
    lines = [
        *HEADER,
        line("1. Promote the norm. It holds", LEFT, 1, 290),
        line("everywhere:", LEFT, 2),
        line("a) by talks;", LEFT, 3),
        line("b) by visits.", LEFT, 4),
        line("• Talks held.", SPLIT, 1),
    ]
    assert rows_text(lines)[1:] == [
        "1. Promote the norm. It holds everywhere:\t• Talks held.",
        "a) by talks;\t",
        "b) by visits.\t",
    ]


def test_sub_items_beside_their_actions_indicators_stay_in_the_actions_row():
    """Without rules, a lettered line with an indicator going on beside it is in the action's
    cell: the indicator is not cut at it."""
    lines = [
        *HEADER,
        line("1. Promote the norm:", LEFT, 1, 290),
        line("a) by talks;", LEFT, 2),
        line("b) by visits.", LEFT, 3),
        line("• Talks held with the States", SPLIT, 1),
        line("not yet party;", SPLIT, 2),
        line("• Visits made to", SPLIT, 3),
        line("the capitals.", SPLIT, 4),
    ]
    indicators = "• Talks held with the States not yet party;\t• Visits made to the capitals."
    assert rows_text(lines)[1:] == [
        f"1. Promote the norm:\t{indicators}",
        "a) by talks;\t",
        "b) by visits.\t",
    ]


def test_one_side_by_side_band_is_no_table_unless_it_is_a_header():
    lines = [line("Geneva", LEFT, 0), line("1 January 2025", SPLIT + 100, 0)]
    assert unruled_tables(lines, ENGLISH) == []
    assert len(unruled_tables(HEADER, ENGLISH)[0]) == 1


def test_tables_found_where_the_page_was_read_serve_only_the_lines_they_were_found_on():
    """`find_unruled` (run where the page is read) keeps the page's unruled tables with the
    lines it saw: the layout takes them for those lines, texts unchanged, and looks again
    for any other set of lines (the page without its notes, a text rewritten since)."""
    on_page = page(line("Action", LEFT, 0, bold=True), line("Indicators", SPLIT, 0, bold=True))
    find_unruled(on_page, ENGLISH)
    assert on_page.unruled is not None
    seen, _, tables = on_page.unruled
    assert len(tables) == 1 and seen == sorted(on_page.lines, key=lambda ln: (ln.top, ln.x0))
    _, rows = table_rows(on_page, seen, ENGLISH)
    assert [text for row in rows for text in row_text(row)] == ["Action\tIndicators"]
    # Not found on these lines: a header no more, so no table (what a stale memo would give).
    on_page.lines[0].text = "Geneva"
    body, rows = table_rows(on_page, seen, ENGLISH)
    assert rows == [] and body == seen
    # Fewer lines than it saw: looked for again.
    body, rows = table_rows(on_page, seen[1:], ENGLISH)
    assert rows == [] and body == seen[1:]


def test_a_row_the_page_broke_goes_on_unless_its_cell_opens_an_item():
    def row(*cells: list[str]) -> PageBlock:
        from pipeline.model import Text

        return PageBlock([], "row", cells=[[Text(t) for t in cell] for cell in cells])

    cut = row(["1. Keep the register of"], ["• Registers kept in every"])
    merge_rows(cut, row(["every site."], ["district;", "• Reports made."]), ENGLISH)
    assert row_text(cut) == [
        "1. Keep the register of every site.\t• Registers kept in every district;\t• Reports made."
    ]


def test_chinese_marks_open_items_in_a_cell_and_wrapped_lines_do_not():
    """Chinese lists number their items （一）, 一、, ①, 1、 or （a）, and each opens an item
    even after a line that ended none (，); a wrapped line that starts with a figure (1.5亿)
    or a numeral word (一些) goes on with its item."""
    from pipeline.languages import CHINESE

    def at(text: str, row: int, x0: float = SPLIT) -> PdfLine:
        return PdfLine(
            1,
            text,
            x0,
            x0 + 10 * len(text),
            100 + row * PITCH,
            100 + row * PITCH + SIZE,
            SIZE,
            False,
        )

    lines = [
        at("行动", 0, LEFT),
        at("指标", 0),
        at("1. 保存登记册。", 1, LEFT),
        at("（一）各区保存登记册，共计", 1),
        at("1.5亿条记录，", 2),
        at("一、登记册向", 3),
        at("一些公众开放，", 4),
        at("①年度报告，", 5),
        at("1、（a）款所述的报告。", 6),
    ]
    _, rows = table_rows(page(*lines), lines, CHINESE)
    assert [text for row in rows for text in row_text(row)][1].split("\t") == [
        "1. 保存登记册。",
        "（一）各区保存登记册，共计1.5亿条记录，",
        "一、登记册向一些公众开放，",
        "①年度报告，",
        "1、（a）款所述的报告。",
    ]


def test_ruled_cells_come_from_the_ruling_lines_snapped_and_joined():
    """A 2 × 2 grid drawn as a renderer may draw it: each rule in two pieces, one piece off by
    a point. The cells are the boxes the rules close, row by row."""
    from pipeline.readers.pdf import _edge
    from pipeline.readers.tables import find_tables

    rules = [
        _edge("h", LEFT, 100, SPLIT, 100),
        _edge("h", SPLIT, 101, RIGHT, 101),  # the same rule, a point lower
        _edge("h", LEFT, 150, RIGHT, 150),
        _edge("h", LEFT, 230, RIGHT, 230),
        *(_edge("v", x, 100, x, 150) for x in (LEFT, SPLIT, RIGHT)),
        *(_edge("v", x, 150, x, 230) for x in (LEFT, SPLIT, RIGHT)),
    ]
    ruled = PdfPage(1, 595, 842, rules=rules)
    (table,) = find_tables(ruled)
    assert [
        [(round(x0), round(top), round(x1), round(bottom)) for x0, top, x1, bottom in row]
        for row in table
    ] == [
        [(60, 100, 300, 150), (300, 100, 530, 150)],
        [(60, 150, 300, 230), (300, 150, 530, 230)],
    ]


def test_a_wrapped_line_a_point_left_of_its_column_is_in_that_column():
    """A word processor's wrapped lines in a cell do not all start at one point: one starting
    a point left of the column's edge is the column's, not a line across the table."""
    lines = [
        *HEADER,
        line("1. Keep the register.", LEFT, 1),
        line("Registers kept in every", SPLIT, 1),
        line("district and in every", SPLIT - 1, 2, RIGHT - 10),
        line("province;", SPLIT, 3),
        line("2. Open it.", LEFT, 4),
        line("Registers opened.", SPLIT, 4),
    ]
    assert rows_text(lines)[1:] == [
        "1. Keep the register.\tRegisters kept in every district and in every province;",
        "2. Open it.\tRegisters opened.",
    ]


def test_the_rest_of_a_row_run_on_under_a_header_alone_is_the_tables():
    """On the page a row runs on to, the header row is repeated and the rest of the row's
    indicators stand far below it (tall lines, padded cells), its first cell left on the page
    before: they are the table's row, not paragraphs."""
    far = 6  # rows of PITCH: 72 points below the header, in 10-point type
    lines = [
        *HEADER,
        line("• Incidents near marked areas;", SPLIT, far),
        line("• Warning signs renewed.", SPLIT, far + 1),
    ]
    assert rows_text(lines) == [
        "Action\tIndicators",
        "\t• Incidents near marked areas;\t• Warning signs renewed.",
    ]

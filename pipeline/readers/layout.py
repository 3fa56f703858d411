"""Positioned PDF lines to the logical lines the extractor reads, rebuilt from geometry.

Running headers and footers go; the first-page block stays one line per printed line;
paragraphs are rebuilt from vertical gaps, indents and line lengths and joined across
lines and pages; the footnote zone (smaller type at the page foot) becomes footnote
definitions; ruled indicator tables become tab-separated rows, their header rows and
page-split rows handled. What comes out is what a careful conversion to text would
have produced, so the text path's extractor does the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from operator import attrgetter, itemgetter

from pipeline.languages import FIRST_WORD, LanguageTable
from pipeline.model import Text
from pipeline.model.inline import (
    FROM_SUPERSCRIPT,
    SUPERSCRIPT_DIGITS,
    TO_SUPERSCRIPT,
    hyphenated_words,
    join_text,
)
from pipeline.readers.blocks import PageBlock
from pipeline.readers.pdf import PdfLine, PdfPage
from pipeline.readers.tables import (
    Cell,
    continues_row,
    find_tables,
    find_unruled,
    in_reading_order,
    merge_rows,
    row_text,
    table_rows,
)

_JOB_NUMBER = re.compile(r"^GE\.\d{2}-\d{4,6}\s*\([A-Z]\)")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_NOTE_START = re.compile(f"^([{SUPERSCRIPT_DIGITS}]+|\\*{{1,3}}) ")
_PLAIN_NOTE_NUMBER = re.compile(r"^(\d{1,3})(?!\d)\.?")
_RAISED_NUMBER = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
# A paragraph's number, which may hang in the margin with the text beside it.
_LABEL = re.compile(r"^(\d+(\.\d+)*\.?|\(?[a-z][.)])\s?")
# A label alone, which a tab sets apart from its text (pdfium gives the two as two pieces).
_LABEL_ALONE = re.compile(r"^(\d+\.|\(?[a-z][.)])$")
_SMALL_LETTER = re.compile(r"[a-z]")
_CAPITAL_WORD = re.compile(r"\b[A-Z]{2,}\b")
_ITEM_START = re.compile(r"^([•·▪●–-]|\(?[a-z]\)|[a-z]\.)\s?(?=\S)")


@dataclass
class Geometry:
    """The page grid the document is set on, measured from its own lines."""

    size: float  # body type size
    left: float  # text column left edge
    right: float  # text column right edge
    pitch: float  # baseline-to-baseline distance inside a paragraph
    edge: float = 0.0  # the farthest full lines reach (a ragged right margin's limit)


_X0, _X1 = attrgetter("x0"), attrgetter("x1")
# Fewer body lines than this (a page or two) say too little of where the column ends.
_FEW_LINES = 100


def measure(pages: list[PdfPage], front: int = 0) -> Geometry:
    """The grid, from the pages' lines; `front`: how many of the first page's lines are its
    first-page block (symbol, distribution, agenda, title), whose type is not the body's."""
    size = _body_size(pages, front)
    body = [ln for p in pages for ln in p.lines if abs(ln.size - size) < 0.5]
    lefts = Counter(map(round, map(_X0, body)))
    left = min((x for x, n in lefts.items() if n >= max(2, len(body) // 20)), default=72)
    rights = sorted(map(_X1, body))
    right = rights[int(len(rights) * 0.9)] if rights else 523
    # The column's edge, which full lines reach: a few may overshoot it (hanging punctuation).
    edge = rights[int(len(rights) * 0.98)] if rights else 523
    # A page or two of short paragraphs may fill no line: the first-page block's symbol, set
    # flush with the column's right edge, tells where it is.
    block_edge = max((ln.x1 for ln in pages[0].lines[:front]), default=0.0)
    if len(body) < _FEW_LINES and block_edge > edge + size:
        right = edge = block_edge
    return Geometry(size, left, right, _pitch(pages, size, edge), edge)


def _body_size(pages: list[PdfPage], front: int = 0) -> float:
    """The type most of the text is set in, read above the footnote zones: in the upper half
    of the pages, where a long note that runs on from page to page never reaches. On the
    first page, the first-page block (`front` lines) is left out, and the upper half is of
    the space below it: on a resolution of a page or two, the block may fill more of the
    upper halves than the body does."""
    sizes = dict(_size_weights(pages[0], front)) if front else {}
    for page in pages[1:] if front else pages:
        weights = page.size_weights if page.size_weights is not None else _size_weights(page)
        for size, weight in weights.items():  # Counter.update's own loop costs a page more
            sizes[size] = sizes.get(size, 0) + weight
    # The first of the heaviest, as Counter.most_common(1) gives it.
    return max(sizes.items(), key=itemgetter(1))[0] if sizes else 10.0


def _size_weights(page: PdfPage, below: int = 0) -> dict[float, int]:
    """The length of text in each type size in the upper half of the page (all of it when
    nothing is there); with `below`, of the space under the page's first `below` lines."""
    lines = page.lines[below:]
    top = min(ln.top for ln in lines) if below and lines else 0.0
    half = (top + page.height) / 2
    return _text_by_size([ln for ln in lines if ln.bottom < half] or lines)


def _text_by_size(lines: list[PdfLine]) -> dict[float, int]:
    weights: dict[float, int] = {}
    for line in lines:
        size = round(line.size, 1)
        weights[size] = weights.get(size, 0) + len(line.text)
    return weights


def _pitch(pages: list[PdfPage], size: float, edge: float) -> float:
    """The commonest step from a full line of running text to the next: inside a paragraph,
    whatever the share of one-line paragraphs (with hardly a full line, the commonest step
    of all). Table cells are left out: their lines may be set closer."""
    after_full: Counter[float] = Counter()
    every: Counter[float] = Counter()
    low, high, full = size * 0.5, 3 * size, edge - size
    for a, b in _running_pairs(pages, size):
        step = min(b.top - a.top, b.bottom - a.bottom)  # `_step`, inlined: every pair asks
        if low < step < high:
            key = round(step * 2) / 2
            every[key] += 1
            if a.x1 >= full:
                after_full[key] += 1
    steps = after_full or every
    return steps.most_common(1)[0][0] if steps else size * 1.5


def _running_pairs(pages: list[PdfPage], size: float) -> list[tuple[PdfLine, PdfLine]]:
    """Each line of running text (body type, outside ruled tables) with the one below it."""
    pairs: list[tuple[PdfLine, PdfLine]] = []
    for page in pages:
        lines = page.running if page.running is not None else _running(page, _tables(page))
        pairs += pairwise([ln for ln in lines if abs(ln.size - size) < 0.5])
    return pairs


Boxed = list[tuple[Cell, list[tuple[Cell, list[Cell]]]]]


def _tables(page: PdfPage) -> Boxed:
    """The page's ruled tables, each and each of its rows with the box around it (asked
    before its cells)."""
    tables = [[(_bounds(row), row) for row in table if row] for table in find_tables(page)]
    return [(_bounds([box for box, _ in rows]), rows) for rows in tables if rows]


def _running(page: PdfPage, tables: Boxed) -> list[PdfLine]:
    """The page's lines outside its ruled `tables`, top to bottom."""
    return sorted((ln for ln in page.lines if not _in_a_cell(ln, tables)), key=_line_top)


def _in_a_cell(line: PdfLine, tables: Boxed) -> bool:
    for box, rows in tables:
        if not _inside(line, box):
            continue
        for row_box, row in rows:
            if _inside(line, row_box) and any(_inside(line, cell) for cell in row):
                return True
    return False


def _bounds(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The box holding all the boxes: a line inside one of them is inside it."""
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )


def _line_top(line: PdfLine) -> float:
    return line.top


def _inside(line: PdfLine, cell: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = cell
    return x0 - 1 <= line.x0 <= x1 and top <= (line.top + line.bottom) / 2 <= bottom


def _step(a: PdfLine, b: PdfLine) -> float:
    """How far `b` sits below `a`. A line's box is that of its first and last characters, so
    its top drops when both are short (a bullet, a full stop, `e`) and its bottom when one
    descends (`g`, a comma): of the steps between tops and between bottoms, the smaller."""
    return min(b.top - a.top, b.bottom - a.bottom)


def prepare_page(page: PdfPage, symbol: str | None, lang: LanguageTable) -> None:
    """What the layout does to each page alone, before it looks at the document as a whole
    (done where the page was read, by a helper process for a long PDF): the characters left
    out of the text layer noted, the running header and footer taken off, labels glued to
    their text, ruled tables (then its rules let go) and tables without rules found, what
    `measure` needs of it measured, the hyphenated words listed. `symbol`: `find_symbol`'s
    on the first page."""
    page.not_text = [line.not_text for line in page.lines if line.not_text]
    strip_page_furniture(page, symbol)
    page.lines = _glue_labels(page.lines, lang)
    tables = _tables(page)
    page.running = _running(page, tables)
    page.separators = _separators(page, tables)
    page.rules = []  # not sent back by a helper: its tables are found
    page.size_weights = _size_weights(page)
    find_unruled(page, lang)
    page.compounds = hyphenated_words(line.text for line in page.lines)


def _separators(page: PdfPage, tables: Boxed) -> list[float]:
    """The tops of the page's horizontal rules that are not the edges of its ruled `tables`."""
    boxes = [box for box, _ in tables]
    return sorted(
        rule["top"]
        for rule in page.rules
        if rule["orientation"] == "h"
        and not any(
            x0 - 2 <= rule["x0"] <= x1 + 2 and top - 2 <= rule["top"] <= bottom + 2
            for x0, top, x1, bottom in boxes
        )
    )


def strip_page_furniture(page: PdfPage, symbol: str | None) -> None:
    """Running headers (the symbol), footers (job number, page number) off the page.
    Only what reads as furniture goes: a word processor may set the body's first line, or a
    note's last, inside the band where another engine prints its header or footer. Where a
    page's margins are taller than those bands, its top or bottom row goes when it holds
    furniture only (not a table's last row with a figure in one cell)."""
    if not page.lines:
        return
    outer = _outer_furniture(page, symbol)
    page.lines = [
        line
        for line in page.lines
        if not (_in_margin(line, page) and _furniture(line, page, symbol))
    ]
    if outer:
        page.lines = [line for line in page.lines if id(line) not in outer]


def _outer_furniture(page: PdfPage, symbol: str | None) -> set[int]:
    """The lines (by id) of the page's top and bottom rows, where such a row stands outside
    the usual bands and holds furniture only."""
    top, bottom = min(page.lines, key=_TOP), max(page.lines, key=_BOTTOM)
    rows = []
    if _outside_bands_furniture(top, page, symbol):
        rows.append([line for line in page.lines if line.top <= top.bottom])
    if _outside_bands_furniture(bottom, page, symbol):
        rows.append([line for line in page.lines if line.bottom >= bottom.top])
    return {
        id(line) for row in rows if all(_furniture(ln, page, symbol) for ln in row) for line in row
    }


def _outside_bands_furniture(line: PdfLine, page: PdfPage, symbol: str | None) -> bool:
    return not _in_margin(line, page) and _furniture(line, page, symbol)


_TOP, _BOTTOM = attrgetter("top"), attrgetter("bottom")


def _furniture(line: PdfLine, page: PdfPage, symbol: str | None) -> bool:
    text = line.text.strip()
    return bool(
        _JOB_NUMBER.match(text) or _PAGE_NUMBER.match(text) or (page.number > 1 and text == symbol)
    )


def _in_margin(line: PdfLine, page: PdfPage) -> bool:
    return line.bottom < page.height * 0.085 or line.top > page.height * 0.93


def _glue_labels(lines: list[PdfLine], lang: LanguageTable) -> list[PdfLine]:
    """A paragraph's number or letter and its text, set apart on one line by a tab, as one."""
    out: list[PdfLine] = []
    for line in lines:
        label = out[-1] if out else None
        if (
            label is not None
            and _label_alone(label, lang)
            and abs(line.top - label.top) < 0.4 * line.size
            and 0 < line.x0 - label.x1 < 4 * line.size
        ):
            label.text = f"{label.text} {line.text}"
            label.x1, label.bottom = line.x1, max(label.bottom, line.bottom)
            label.top = min(label.top, line.top)
            continue
        out.append(line)
    return out


def _label_alone(line: PdfLine, lang: LanguageTable) -> bool:
    """A number or letter alone: what, with text after it, opens a (sub-)paragraph ((子))."""
    if " " in line.text:
        return False
    sub = lang.article_subitem
    return bool(_LABEL_ALONE.match(line.text) or (sub and sub.match(f"{line.text} x")))


def find_symbol(first: PdfPage) -> str | None:
    """The document symbol: the largest type at the top of the first page."""
    top = [ln for ln in first.lines if ln.bottom < first.height * 0.12]
    if not top:
        return None
    biggest = max(top, key=lambda ln: ln.size)
    # Without the marks of the notes it may carry: the running header prints it bare.
    text = biggest.text.strip().rstrip(f"*{SUPERSCRIPT_DIGITS}")
    return text if "/" in text and " " not in text else None


def layout(
    pages: list[PdfPage], lang: LanguageTable, front_end: Callable[[list[str]], int]
) -> list[str]:
    """The document's logical lines, from pages each through `prepare_page`; `front_end`
    says where the first-page block ends."""
    first = pages[0].lines
    front_count = front_end([ln.text for ln in first])
    grid = measure(pages, front_count)
    compounds = frozenset().union(*(page.compounds for page in pages))
    out: list[str] = []
    out.extend(_front_lines(first[:front_count], grid, lang, compounds))
    pages[0].lines = first[front_count:]
    blocks: list[PageBlock] = []
    pending_notes: list[PageBlock] = []
    last_note: PageBlock | None = None  # the previous page's last note, which may go on here
    for page in pages:
        body, notes = _split_notes(page, grid, continuing=last_note is not None)
        body, rows = table_rows(page, body, lang, compounds)
        _flow(body, rows, blocks, pending_notes, grid, lang, page.number, compounds)
        page_notes = _notes(notes, lang, last_note, compounds)
        pending_notes.extend(page_notes)
        last_note = page_notes[-1] if page_notes else None
    blocks.extend(pending_notes)
    for block in blocks:
        out.extend(row_text(block) if block.kind == "row" else [block.text.text])
    return out


def _front_lines(
    lines: list[PdfLine], grid: Geometry, lang: LanguageTable, compounds: frozenset[str]
) -> list[str]:
    """The first-page block, one line per line of its text: a line wrapped on the page (a
    long title, a disclaimer) joined again. The block has a column of its own: from its
    lines' left edge as far right as the symbol, set flush with the column's edge."""
    left = min((ln.x0 for ln in lines), default=grid.left)
    right = max((ln.x1 for ln in lines), default=grid.right)
    column = replace(grid, left=left, right=right, edge=right)
    out: list[tuple[PdfLine, Text]] = []
    for line in lines:
        if out and _front_wraps(out[-1][0], line, column, lang):
            out[-1] = line, join_text(out[-1][1], Text(line.text), lang.joiner, compounds)
        else:
            out.append((line, Text(line.text)))
    return [text.text for _, text in out]


def _front_wraps(previous: PdfLine, line: PdfLine, column: Geometry, lang: LanguageTable) -> bool:
    """A first-page line too long for the column goes on, in its type and from where it
    started, on the next: it ends no sentence, and it fills the column, or the next line
    opens with a closing mark, which opens no line of its own (a typesetter that keeps a
    Latin phrase whole in Chinese breaks before "; not a …"). Lines set in from the column's
    left (the distribution, the date, the languages, at the right) are short: never wrapped."""
    return (
        previous.x0 < column.left + line.size
        and abs(line.size - previous.size) < 0.5
        and line.bold == previous.bold
        and abs(line.x0 - previous.x0) < 0.5 * line.size
        and not previous.text.endswith(tuple(lang.terminal))
        and (line.text[:1] in _closing_marks(lang) or _full(previous, line, column))
        and 0 < _step(previous, line) < 1.25 * column.pitch * line.size / column.size
    )


def _closing_marks(lang: LanguageTable) -> str:
    return lang.ending_marks + lang.list_separators + lang.brackets_close


def _split_notes(
    page: PdfPage, grid: Geometry, continuing: bool
) -> tuple[list[PdfLine], list[PdfLine]]:
    """The footnote zone: in the run of smaller type at the foot of the page, from a
    separator on (a rule, or a gap of more than a line), opening with a note's marker or,
    when the previous page ended with a note, with the rest of that note. Without a
    separator, the zone opens at the run's first marker: smaller type right under the body
    (a table's source line) is the body's, not a note run on from the page before."""
    lines = in_reading_order(page.lines)
    cut = len(lines)
    while cut > 0 and lines[cut - 1].size < grid.size * 0.9:
        cut -= 1
    body, small = lines[:cut], lines[cut:]
    if not small:
        return lines, []
    _raise_note_numbers(small, _referenced(body))
    start = _set_off_at(body, small, page.separators, grid.pitch)
    if start is None or not (continuing or _NOTE_START.match(small[start].text)):
        start = next((k for k, ln in enumerate(small) if _NOTE_START.match(ln.text)), len(small))
    return body + small[:start], small[start:]


def _set_off_at(
    body: list[PdfLine], small: list[PdfLine], separators: list[float], pitch: float
) -> int | None:
    """Where in the run of smaller type a rule stands above a line or, with no rule among
    them, a gap of more than a line's pitch: the first such line."""
    above = max((ln.bottom for ln in body), default=0.0)
    first_gap = None
    for k, line in enumerate(small):
        if any(above - 1 <= y <= line.top + 1 for y in separators):
            return k
        if first_gap is None and line.top - above > pitch:
            first_gap = k
        above = max(above, line.bottom)
    return first_gap


def _referenced(lines: list[PdfLine]) -> set[str]:
    """The note numbers the lines reference (raised digits), as plain digits."""
    return {
        match.group().translate(FROM_SUPERSCRIPT)
        for line in lines
        if not line.text.isascii()  # superscript digits are not ASCII
        for match in _RAISED_NUMBER.finditer(line.text)
    }


def _raise_note_numbers(notes: list[PdfLine], referenced: set[str]) -> None:
    """A word processor may set the number opening a footnote in full size, even glued to
    its text ("1See …"); when the page's body references that number, it is the marker."""
    for line in notes:
        match = _PLAIN_NOTE_NUMBER.match(line.text)
        if match and match.group(1) in referenced:
            rest = line.text[match.end() :].lstrip()
            line.text = f"{match.group(1).translate(TO_SUPERSCRIPT)} {rest}"


def _notes(
    lines: list[PdfLine],
    lang: LanguageTable,
    continued: PageBlock | None,
    compounds: frozenset[str],
) -> list[PageBlock]:
    """The page's notes; lines before the first marker go on with `continued`, the note a
    word processor broke across the page."""
    blocks: list[PageBlock] = []
    for line in lines:
        if _NOTE_START.match(line.text) or (not blocks and continued is None):
            blocks.append(PageBlock([line], "note", Text(line.text)))
        else:
            note = blocks[-1] if blocks else continued
            assert note is not None  # the condition above: blocks, or a note to go on with
            note.lines.append(line)
            note.text = join_text(note.text, Text(line.text), lang.joiner, compounds)
    return blocks


def _flow(
    lines: list[PdfLine],
    rows: list[PageBlock],
    blocks: list[PageBlock],
    notes: list[PageBlock],
    grid: Geometry,
    lang: LanguageTable,
    page: int,
    compounds: frozenset[str],
) -> None:
    """Paragraphs from the page's body lines (and its table rows, in place); `compounds`: the
    document's hyphenated words (`hyphenated_words`), whose hyphen a line may end on."""
    items: list[PdfLine | PageBlock] = sorted([*lines, *rows], key=_top)
    for item in items:
        if isinstance(item, PageBlock):
            _close(blocks, notes)
            previous = blocks[-1] if blocks and blocks[-1].kind == "row" else None
            if previous is not None and item.header:
                continue  # the header row repeated on a new page
            if previous is not None and previous.lines[-1].page != page and continues_row(item):
                merge_rows(previous, item, lang, compounds)
            else:
                blocks.append(item)
            continue
        current = blocks[-1] if blocks else None
        if current is not None and _continues(current, item, grid, lang):
            current.lines.append(item)
            current.text = join_text(current.text, Text(item.text), lang.joiner, compounds)
            continue
        _close(blocks, notes)
        blocks.append(PageBlock([item], _kind(item, grid, lang), Text(item.text)))


def _top(item: PdfLine | PageBlock) -> float:
    return item.top if isinstance(item, PdfLine) else item.lines[0].top


def _close(blocks: list[PageBlock], notes: list[PageBlock]) -> None:
    """A new block starts: notes waiting since the last page break go in before it."""
    if notes:
        blocks.extend(notes)
        notes.clear()


def _kind(line: PdfLine, grid: Geometry, lang: LanguageTable) -> str:
    if _headline(line, grid):
        return "heading"
    return "item" if _opens_item(line, lang) else "paragraph"


def _opens_item(line: PdfLine, lang: LanguageTable) -> bool:
    """A bullet, a letter, or a treaty's sub-paragraph label in the language's style ((子))."""
    sub = lang.article_subitem
    return bool(_ITEM_START.match(line.text) or (sub and sub.match(line.text)))


def _in_capitals(line: PdfLine) -> bool:
    """Words in capitals, three or more and no small letter: a line set so opens a unit of
    its own ("HAVE RESOLVED TO COMBINE OUR EFFORTS"); a symbol (CCM/CONF/2020/12) does not."""
    return not _SMALL_LETTER.search(line.text) and len(_CAPITAL_WORD.findall(line.text)) >= 3


def _refers_on(previous: PdfLine, lang: LanguageTable) -> bool:
    """Whether the line ends in a reference whose sub-paragraph's letter opens the next."""
    return bool(lang.reference_end and lang.reference_end.search(previous.text))


def _opens_unit(previous: PdfLine, line: PdfLine, lang: LanguageTable) -> bool:
    """An action's label opens a unit wherever it stands, whatever the step before it (which
    a line set taller, by a raised reference or a bold label, may make no wider than the gap
    between two paragraphs). A paragraph's number does only at the head of a page, where there
    is no step to tell: on the page, a wrapped line may open with a number ending a sentence."""
    if lang.action_inline.match(line.text) or lang.action_line.match(line.text):
        return True
    if _opens_preambular(previous, line, lang):
        return True
    return line.page != previous.page and bool(lang.paragraph.match(line.text))


def _opens_preambular(previous: PdfLine, line: PdfLine, lang: LanguageTable) -> bool:
    """A capitalised opening word ("Bearing in mind") after a line ending as a preambular
    paragraph does (a comma): in running text a capital follows no comma. Openings without
    case (回顾) say nothing: a wrapped line may start with one."""
    if not line.text[:1].isupper():
        return False
    ending = previous.text.rstrip(SUPERSCRIPT_DIGITS + "*")  # a note's reference aside
    if not ending or ending[-1] not in lang.preambular_endings:
        return False
    return line.text.startswith(tuple(f"{opening} " for opening in lang.preambular_openings))


def _labelled(line: PdfLine, lang: LanguageTable) -> bool:
    """Opening with a number or a letter (一、 in Chinese), which the text may hang beside."""
    number = lang.article_paragraph
    return bool(_LABEL.match(line.text) or (number and number.match(line.text)))


def _headline(line: PdfLine, grid: Geometry) -> bool:
    """Bold, or larger than the body: a line too long to be asked whether it is bold (a
    heading that fills its line) is known by its type size."""
    return line.bold or line.size >= grid.size + 1


def _continues(block: PageBlock, line: PdfLine, grid: Geometry, lang: LanguageTable) -> bool:
    """Whether `line` goes on with `block` rather than starting something new."""
    if block.kind == "heading":
        return _heading_wraps(block.lines[-1], line, grid)
    if block.kind not in ("paragraph", "item") or _headline(line, grid):
        return False
    previous = block.lines[-1]
    if abs(line.size - previous.size) > 1:
        return False  # type of another size: a table's source line under the last paragraph
    if _opens_item(line, lang) and not _refers_on(previous, lang):
        return False
    if _opens_unit(previous, line, lang) or (_in_capitals(line) and not _in_capitals(previous)):
        return False
    if not _full(previous, line, grid):
        return False
    if line.page == previous.page and _step(previous, line) > grid.pitch * 1.25:
        return False
    first = block.lines[0]
    # A hanging indent: continuation lines sit right of the bullet or the paragraph's number.
    hanging = block.kind == "item" or _labelled(first, lang)
    indent = first.x0 + grid.size * 0.5
    if hanging and line.x0 > indent:
        return True
    if hanging and len(block.lines) > 1 and block.lines[1].x0 > indent:
        return False  # the block hangs: a line back under its label opens the next one
    return block.kind == "paragraph" and line.x0 < grid.left + grid.size


def _full(previous: PdfLine, line: PdfLine, grid: Geometry) -> bool:
    """Whether `previous` ends where its paragraph goes on: near the column's edge, or, in a
    ragged margin, too close to it for the next line's first word."""
    if previous.x1 >= grid.right - 2 * grid.size:
        return True
    word = FIRST_WORD.match(line.text).group()  # type: ignore[union-attr]  # always matches
    # The width of a letter, spaces aside (they are narrower), then a space before the word;
    # letters vary in width: half a type size of slack.
    per_letter = (line.x1 - line.x0) / max(len(line.text.replace(" ", "")), 1)
    return previous.x1 + grid.size * 0.25 + per_letter * len(word) > grid.edge - grid.size * 0.5


def _heading_wraps(previous: PdfLine, line: PdfLine, grid: Geometry) -> bool:
    """A heading too long for its line goes on, in its type, on the next one."""
    return (
        _headline(line, grid)
        and previous.page == line.page
        and abs(line.size - previous.size) < 0.5
        # near the edge (a heading's words are wider), or the next word would not have fitted
        and (previous.x1 >= grid.right - 3 * previous.size or _full(previous, line, grid))
        and 0 < _step(previous, line) < 1.25 * grid.pitch * line.size / grid.size
    )

"""PDF pages to positioned lines, read with pypdfium2 (characters) and pdfplumber (tables).

Speed matters here: the page's text comes out in one call with pdfium's own line breaks,
and what is known of each character (box, type size, bold, whether pdfium made it up) in one
more, by the C module `_pdfchars` (through ctypes, each such question would cost about a
microsecond, some hundred thousand of them in a long PDF). What comes out is a list of
`PdfLine`s per page, in top-down coordinates, for `pipeline.readers.layout` to rebuild
paragraphs, notes and tables from.
"""

from __future__ import annotations

import codecs
import ctypes
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pypdfium2 import raw

from pipeline.errors import InputError
from pipeline.model.inline import SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT

# Thresholds shared with the C module, defined there: RAISED_SHIFT, how far above the
# character before it a raised number's foot sits, in its type size; SUPERSCRIPT_RATIO, the
# largest fraction of its line's type size a superscript is drawn at.
from pipeline.readers._pdfchars import (
    CHAR_FIELDS,
    CHECK_CLEAN,
    CHECK_DIGITS,
    CHECK_GAPS,
    RAISED_SHIFT,
    SUPERSCRIPT_RATIO,
    page_lines,
    page_paths,
    read_chars,
)
from pipeline.readers.glyphs import clean_characters, needs_cleaning

# pdfium writes a hyphen that ends a printed line as U+FFFE and joins the two lines; the line
# is cut after it again and the hyphen written as one, so that a PDF joins as its text does.
PDFIUM_LINE_END_HYPHEN = "\ufffe"
# What may stand apart at the start of a line: a number, a bullet, a letter, an action label.
_MARKER = re.compile(r"^(\d+(\.\d+)*\.?|[•·▪●–-]|\(?[a-z]\)|\S{1,8}\s*#?\d+(\.\d+)?:?)$")
# A space before punctuation or a slash, or after a slash: where pdfium makes one up, for the
# gap a justified line leaves there, it is no word break (污染 /紧急). Before a bracket it may
# be: a PDF may draw its words without the spaces between them.
_SPACE_AT_PUNCTUATION = re.compile(r" (?=[,.;:!?)/])|(?<=/) ")
_MAYBE_RAISED = re.compile(r"[0-9*]")
# A number right after a word or a mark, which a word processor may raise at full size.
_GLUED_NUMBER = re.compile(r"(?<=[^\s\d])\d+")
_GLUED_START = SUPERSCRIPT_DIGITS + "*"
_BLANKS = re.compile(r"[ \t]+")
# The asterisk opening a barcode's text (*9966657*) is no note's marker.
_MARKER_GLUED = re.compile(
    f"^([{SUPERSCRIPT_DIGITS}]+|\\*{{1,3}})(?![\\s*{SUPERSCRIPT_DIGITS}]|\\d{{7,8}}\\*$)"
)
_LETTER = re.compile(r"[^\s\d.,;:()\[\]]")
# Characters that a font without a Unicode map turns text into.
_GARBAGE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]")


@dataclass(slots=True)
class PdfLine:
    page: int  # 1-based
    text: str  # superscript markers already written as ¹²³ (footnotes) or * (document notes)
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float  # type size of the line's body text
    bold: bool
    not_text: str = ""  # characters of the text layer left out: controls, unmapped glyphs

    def __reduce__(self):
        # Pages read by a helper process come back pickled: as plain fields, a line pickles
        # and unpickles several times faster than through the slots' generic state.
        return PdfLine, (
            self.page,
            self.text,
            self.x0,
            self.x1,
            self.top,
            self.bottom,
            self.size,
            self.bold,
            self.not_text,
        )


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    lines: list[PdfLine] = field(default_factory=list)
    images: int = 0
    chars: int = 0
    # Ruling lines, as pdfplumber's edge dicts (top-down);
    # `prepare_page` lets them go once it has found the ruled tables.
    rules: list[dict] = field(default_factory=list)
    # The cell boxes of its ruled tables, once the layout has asked (readers/tables.py).
    ruled_tables: list | None = None
    # Where its horizontal rules outside ruled tables stand (their tops, top-down), kept by
    # `prepare_page` when it lets the rules go: a footnote zone's separator is one of them.
    separators: list[float] = field(default_factory=list)
    # Set by the layout's `prepare_page`: what its lines left out of the text layer (before
    # the running header and footer went), and the hyphenated words they hold.
    not_text: list[str] = field(default_factory=list)
    compounds: frozenset[str] = frozenset()
    # Set by `prepare_page` for the layout's `measure`, so that it is done where the page was
    # read: its lines outside its ruled tables (the running text the line pitch is measured
    # on), top to bottom; and the length of text set in each type size (rounded to 0.1) in
    # the upper half of the page (all of it when nothing is there). None: not measured yet.
    running: list[PdfLine] | None = None
    size_weights: dict[float, int] | None = None
    # Its tables without rules as `prepare_page` found them on all its lines: (the lines in
    # reading order, their texts then, the tables); None where it has ruled ones.
    unruled: tuple[list[PdfLine], list[str], list] | None = None


def open_pdf(path: Path, display: str, data: bytes | None = None) -> pdfium.PdfDocument:
    """The PDF at `path`, or held in `data` (its bytes, read already): a document read from
    memory holds no file, so a forked helper may go on reading the one it inherited."""
    try:
        pdf = pdfium.PdfDocument(str(path) if data is None else data)
    except pdfium.PdfiumError:
        raise InputError(display, _why_unreadable(path)) from None
    if len(pdf) == 0:
        pdf.close()
        raise InputError(display, "PDF without pages")
    return pdf


def _why_unreadable(path: Path) -> str:
    """pdfium's error codes are not reliable after a failure: ask pdfminer what it sees (once
    the file is known to be a PDF at all: pdfminer would search a large non-PDF for minutes)."""
    with path.open("rb") as stream:
        if b"%PDF-" not in stream.read(1024):
            return "not a PDF (no %PDF- header)"
    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
    except Exception as err:  # noqa: BLE001 - any failure here means the file is broken
        causes = {type(err), *(type(a) for a in getattr(err, "args", ()))}
        if PDFPasswordIncorrect in causes or "password" in repr(err).lower():
            return "encrypted PDF: it needs a password"
        return "corrupt or truncated PDF"
    return "PDF without pages" if count == 0 else "corrupt PDF: pdfium cannot load it"


def read_pages(
    pdf: pdfium.PdfDocument, display: str, first: int = 0, last: int | None = None
) -> list[PdfPage]:
    return [
        read_page(pdf, index, display) for index in range(first, len(pdf) if last is None else last)
    ]


def read_page(pdf: pdfium.PdfDocument, index: int, display: str) -> PdfPage:
    # pdfium's own page and text page, without pypdfium2's objects around them: their
    # finalizers cost a page as much as reading its text does (some 50 µs).
    page = raw.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        result = _read_page(page, index + 1, display)
    finally:
        raw.FPDF_ClosePage(page)
    if not result.chars:
        result.images = _count_images(pdf, index)
    return result


def _read_page(page, number: int, display: str) -> PdfPage:
    height = raw.FPDF_GetPageHeightF(page)
    result = PdfPage(number, raw.FPDF_GetPageWidthF(page), height)
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise pdfium.PdfiumError("Failed to load text page.")
    try:
        text = _page_text(textpage)
        result.chars = len(text.strip())
        if result.chars and len(_GARBAGE.findall(text)) > 0.2 * result.chars:
            raise InputError(
                display,
                "text without a Unicode mapping (the fonts lack one): it reads as garbage",
                page=number,
            )
        result.rules = _rules(page, height)
        result.lines = _lines(textpage, text, number, height, result.rules)
    finally:
        raw.FPDFText_ClosePage(textpage)
    return result


def _page_text(textpage) -> str:
    """The text page's text, as pypdfium2's `PdfTextPage.get_text_range()` gives it: from
    the first character pdfium writes out to the last (one it leaves out at either end would
    make it read past the range: crbug.com/pdfium/2079)."""
    count = raw.FPDFText_CountChars(textpage)
    if count == -1:
        raise pdfium.PdfiumError("Failed to get character count.")
    first, last = 0, count - 1
    while first <= last and raw.FPDFText_GetTextIndexFromCharIndex(textpage, first) == -1:
        first += 1
    while first <= last and raw.FPDFText_GetTextIndexFromCharIndex(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    start = raw.FPDFText_GetTextIndexFromCharIndex(textpage, first)
    end = raw.FPDFText_GetTextIndexFromCharIndex(textpage, last)
    buffer = (ctypes.c_ushort * (end + 2 - start))()  # with the closing NUL
    written = raw.FPDFText_GetText(textpage, first, last + 1 - first, buffer)
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")


def _rules(page, height: float) -> list[dict]:
    """Thin path objects as horizontal and vertical edges; a rectangle gives its four sides."""
    edges: list[dict] = []
    address = ctypes.cast(page, ctypes.c_void_p).value or 0
    bounds = memoryview(page_paths(address, _PATH_FUNCTIONS)).cast("d")
    for at in range(0, len(bounds), 4):
        x0, x1 = bounds[at], bounds[at + 2]
        y0, y1 = height - bounds[at + 3], height - bounds[at + 1]
        if y1 - y0 <= 2 and x1 - x0 > 2:
            edges.append(_edge("h", x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
        elif x1 - x0 <= 2 and y1 - y0 > 2:
            edges.append(_edge("v", (x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
        elif x1 - x0 > 2 and y1 - y0 > 2:
            edges += [
                _edge("h", x0, y0, x1, y0),
                _edge("h", x0, y1, x1, y1),
                _edge("v", x0, y0, x0, y1),
                _edge("v", x1, y0, x1, y1),
            ]
    return edges


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def _addresses(*functions) -> tuple[int | None, ...]:
    """pdfium's functions as pypdfium2 loaded them, as addresses for `_pdfchars` to call."""
    return tuple(ctypes.cast(function, ctypes.c_void_p).value for function in functions)


# What `_pdfchars.page_paths` and `_pdfchars.read_chars` call, in their order.
_PATH_FUNCTIONS = _addresses(
    raw.FPDFPage_CountObjects,
    raw.FPDFPage_GetObject,
    raw.FPDFPageObj_GetType,
    raw.FPDFPageObj_GetBounds,
)
_CHAR_FUNCTIONS = _addresses(
    raw.FPDFText_GetCharBox,
    raw.FPDFText_GetFontSize,
    raw.FPDFText_IsGenerated,
    raw.FPDFText_GetTextObject,
    raw.FPDFText_GetFontWeight,
    raw.FPDFText_GetFontInfo,
    raw.FPDFTextObj_GetTextRenderMode,
)


class _Probe:
    """The page's characters, read from pdfium in one call (`_pdfchars`): each field of
    their records as a sequence indexed by character (box, type size, bold), and a byte per
    character saying whether pdfium made it up."""

    def __init__(self, textpage, count: int):
        self.textpage = textpage
        address = ctypes.cast(textpage, ctypes.c_void_p).value or 0
        self.records, self.made_up = read_chars(address, count, _CHAR_FUNCTIONS)
        fields = memoryview(self.records).cast("d")
        self.lefts, self.rights, self.feet, self.tops, self.sizes, self.bolds = (
            cast(Sequence[float], fields[at::CHAR_FIELDS]) for at in range(CHAR_FIELDS)
        )
        # Whether the page holds digits or asterisks, spaces at punctuation, characters
        # that are not text: what its lines are searched for.
        self.digits = self.gaps = self.clean = True

    def line_size(self, first: int, last: int) -> float:
        """The line's type size: the largest of its first, middle and last characters'."""
        sizes = self.sizes
        return max(sizes[first], sizes[first + (last - first) // 2], sizes[last])

    def generated(self, index: int) -> bool:
        """Whether pdfium made the character up (a space for a gap, a line break)."""
        return self.made_up[index] == 1

    def bold(self, index: int) -> bool:
        """A heavy weight, "Bold" in the font's name, or bold simulated by stroking the
        outline (render mode fill + stroke)."""
        return self.bolds[index] == 1.0


def _lines(
    textpage,
    text: str,
    number: int,
    height: float,
    rules: list[dict],
) -> list[PdfLine]:
    """The page's printed lines: cut at pdfium's line breaks, each line's box, type size and
    boldness measured and its text taken as it is by `_pdfchars.page_lines`; what needs more
    (pieces side by side, raised numbers, characters to clean) done here. A line running
    over one of the page's vertical `rules` is cut at it."""
    probe = _Probe(textpage, len(text))
    # What no line of the page holds need not be looked for line by line (a line's text is a
    # piece of the page's, and its line-end hyphen is written as a hyphen).
    probe.digits = _MAYBE_RAISED.search(text) is not None
    probe.gaps = _SPACE_AT_PUNCTUATION.search(text) is not None
    probe.clean = needs_cleaning(text.replace(PDFIUM_LINE_END_HYPHEN, ""))
    checks = (
        (CHECK_DIGITS if probe.digits else 0)
        | (CHECK_GAPS if probe.gaps else 0)
        | (CHECK_CLEAN if probe.clean else 0)
    )
    lines: list[PdfLine] = []
    spans: list[tuple[int, int]] = []  # each line's first and last character
    found = page_lines(text, probe.records, probe.made_up, checks, _GLUED_START)
    for start, end, first, last, x0, x1, top, foot, size, bold, plain, cuts in found:
        if cuts and not _all_markers(text, start, cuts):
            # pdfium bridged a gap inside it: perhaps two cells side by side
            for piece_first, piece_last in _pieces(probe, text, start, end, cuts):
                lines.append(_line(probe, text, piece_first, piece_last, number, height))
                spans.append((piece_first, piece_last))
            continue
        line_text, not_text = (
            (text[first : last + 1], "") if plain else _line_text(probe, text, first, last, size)
        )
        lines.append(
            PdfLine(
                number, line_text, x0, x1, height - top, height - foot, size, bold == 1, not_text
            )
        )
        spans.append((first, last))
    verticals = _VerticalRules(rules)
    if verticals.xs:
        lines = [
            cut
            for line, (first, last) in zip(lines, spans, strict=True)
            for cut in _cut_at_rules(probe, text, line, first, last, verticals, height)
        ]
    return _rejoin(lines)


class _VerticalRules:
    """A page's vertical ruling lines: the x of each, left to right, and the stretches of the
    page it runs down there."""

    def __init__(self, rules: list[dict]):
        runs: dict[float, list[tuple[float, float]]] = {}
        for edge in rules:
            if edge["orientation"] == "v":
                runs.setdefault(round(edge["x0"], 1), []).append((edge["top"], edge["bottom"]))
        self.xs = sorted(runs)
        self.runs = [runs[x] for x in self.xs]

    def crossing(self, line: PdfLine) -> list[float]:
        """The rules the line runs over, a type size and more inside each of its ends."""
        low = bisect_right(self.xs, line.x0 + line.size)
        high = bisect_left(self.xs, line.x1 - line.size)
        middle = (line.top + line.bottom) / 2
        return [
            x
            for x, runs in zip(self.xs[low:high], self.runs[low:high], strict=True)
            if any(top <= middle <= bottom for top, bottom in runs)
        ]


def _cut_at_rules(
    probe: _Probe,
    text: str,
    line: PdfLine,
    first: int,
    last: int,
    verticals: _VerticalRules,
    height: float,
) -> list[PdfLine]:
    """The line, in pieces where it runs over a rule between two cells: cells padded so
    little that their texts nearly touch are read by pdfium as one line."""
    rules = verticals.crossing(line)
    if not rules:
        return [line]
    pieces: list[tuple[int, int]] = []
    start = first
    for x in rules:
        cut = _first_right_of(probe, text, start, last, x)
        if cut is None:
            break
        if (piece := _trimmed(text, start, cut - 1)) is not None:
            pieces.append(piece)
        start = cut
    if (piece := _trimmed(text, start, last)) is not None:
        pieces.append(piece)
    return [_line(probe, text, a, b, line.page, height) for a, b in pieces]


def _first_right_of(probe: _Probe, text: str, first: int, last: int, x: float) -> int | None:
    """The first printed character from `first` on that starts right of `x`; None if one of
    those before it runs over `x` (text across the rule: no cell border)."""
    for index in range(first, last + 1):
        if text[index].isspace():
            continue
        if probe.lefts[index] >= x:
            return index
        if probe.rights[index] > x + 0.5:
            return None
    return None


def _rejoin(lines: list[PdfLine]) -> list[PdfLine]:
    """pdfium starts a new line after a raised footnote marker; put the line back together."""
    out: list[PdfLine] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and abs(line.top - previous.top) < 0.4 * line.size
            and 0 <= line.x0 - previous.x1 < 1.2 * line.size
            and previous.text[-1:] in SUPERSCRIPT_DIGITS + "*"
        ):
            previous.text = (
                f"{previous.text} {line.text}"
                if line.text[:1].isascii() and line.text[:1].isalnum()
                else previous.text + line.text
            )
            previous.x1, previous.bottom = line.x1, max(previous.bottom, line.bottom)
            continue
        out.append(line)
    return out


def _all_markers(text: str, start: int, cuts: tuple[int, ...]) -> bool:
    """Whether what comes before each of the line's possible cuts is a marker (a paragraph's
    number, a bullet), which its text hangs beside: then `_pieces` keeps it whole."""
    return all(_MARKER.match(text[start:at].strip()) for at in cuts)


def _pieces(
    probe: _Probe, text: str, start: int, end: int, cuts: tuple[int, ...]
) -> list[tuple[int, int]]:
    """A printed line cut where pdfium bridged a wide gap with a space of its own making:
    two table cells side by side are two pieces (a paragraph number and its hanging text
    are one). `cuts`: page_lines' spaces where it may be cut (before a bullet, which opens a
    cell of its own however close it is set, or across a gap wider than CELL_GAP)."""
    if raw.FPDFText_CountRects(probe.textpage, start, end - start) <= 1:
        piece = _trimmed(text, start, end - 1)  # one run of text: nothing stands apart
        return [piece] if piece is not None else []
    pieces = []
    first = start
    for index in cuts:
        if not _MARKER.match(text[first:index].strip()):
            pieces.append((first, index - 1))
            first = index + 1
    pieces.append((first, end - 1))
    return [piece for a, b in pieces if (piece := _trimmed(text, a, b)) is not None]


def _trimmed(text: str, first: int, last: int) -> tuple[int, int] | None:
    """The piece from `first` to `last` without the blanks at its ends; None if all blank."""
    segment = text[first : last + 1]
    unindented = segment.lstrip()
    first += len(segment) - len(unindented)
    last = first + len(unindented.rstrip()) - 1
    return (first, last) if last >= first else None


def _line(probe: _Probe, text: str, first: int, last: int, number: int, height: float) -> PdfLine:
    x0, x1 = probe.lefts[first], probe.rights[last]
    size = probe.line_size(first, last)
    segment = text[first : last + 1]
    line_text, not_text = _line_text(probe, text, first, last, size)
    top = height - max(probe.tops[first], probe.tops[last])
    bottom = height - min(probe.feet[first], probe.feet[last])
    # Bold marks headings; one set in the body's size may fill its line, so every line is asked.
    letter = _LETTER.search(segment, (last - first) // 2) or _LETTER.search(segment)
    bold = letter is not None and probe.bold(first + letter.start())
    return PdfLine(number, line_text, x0, x1, top, bottom, size, bold, not_text)


def _line_text(probe: _Probe, text: str, first: int, last: int, size: float) -> tuple[str, str]:
    """The line's text, with its raised numbers as superscripts and what is not text left
    out, and what was left out."""
    line_text, not_text = _marked(probe, text[first : last + 1], first, size), ""
    if probe.clean:
        line_text, not_text = clean_characters(line_text)
    if "\t" in line_text or "  " in line_text:
        line_text = _BLANKS.sub(" ", line_text)
    if line_text[:1] in _GLUED_START:
        # A note definition opens with its raised marker: "¹text" reads "¹ text".
        line_text = _MARKER_GLUED.sub(r"\1 ", line_text)
    return line_text, not_text


def _raised(probe: _Probe, index: int, size: float) -> bool:
    """A reference set in full size but raised: its foot well above the character before."""
    return probe.feet[index] - probe.feet[index - 1] > RAISED_SHIFT * size


def _superscripts(probe: _Probe, segment: str, first: int, size: float) -> list[str] | None:
    """The segment's characters with its raised digits as superscripts; None if it has none."""
    chars: list[str] | None = None
    sizes, smaller = probe.sizes, SUPERSCRIPT_RATIO * size
    for match in _MAYBE_RAISED.finditer(segment):
        if sizes[first + match.start()] < smaller:
            chars = chars or list(segment)
            chars[match.start()] = match.group().translate(TO_SUPERSCRIPT)
    for match in _GLUED_NUMBER.finditer(segment):
        if _raised(probe, first + match.start(), size):
            chars = chars or list(segment)
            chars[match.start() : match.end()] = match.group().translate(TO_SUPERSCRIPT)
    return chars


def _marked(probe: _Probe, segment: str, first: int, size: float) -> str:
    """The segment with its raised digits as superscripts, pdfium's spaces at punctuation
    left out and its line-end hyphen as a hyphen."""
    chars = _superscripts(probe, segment, first, size) if probe.digits else None
    if probe.gaps:
        for match in _SPACE_AT_PUNCTUATION.finditer(segment):
            if probe.generated(first + match.start()):
                chars = chars or list(segment)
                chars[match.start()] = ""  # pdfium's, for the gap a word processor left (法 ,)
    if chars is None:
        if segment[-1] == PDFIUM_LINE_END_HYPHEN:
            return segment[:-1] + "-"
        return segment
    chars[-1] = "-" if chars[-1] == PDFIUM_LINE_END_HYPHEN else chars[-1]
    return "".join(chars)


def _count_images(pdf: pdfium.PdfDocument, index: int) -> int:
    """The images on a page without text (a scan), those inside its forms too."""
    page = pdf[index]
    try:
        return sum(1 for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_IMAGE)
    finally:
        page.close()

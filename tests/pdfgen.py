"""Test PDFs: a document rendered as a UN-style PDF, and deliberately broken PDFs.

`render` typesets a `pipeline.model.Document` (extracted from converted text) on reportlab's
canvas, so the PDF says what the text says: the UN first-page block, running headers and
footers, paragraph numbers hanging in the first-line indent, actions, footnotes at the foot of
the page that references them (one too long for it broken there and continued at the head of
the next page's notes), and the indicator appendix as a ruled table whose rows split across
pages. The `make_*` functions write the broken PDFs the reader's error tests need.

    python tests/pdfgen.py SRC.txt OUT.pdf [--lang zh|en] [--id ID]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

if __name__ == "__main__":  # run as a script: make `pipeline` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract import extract_file
from pipeline.languages.numerals import to_roman
from pipeline.languages.zh import BRANCHES
from pipeline.model import (
    Action,
    Article,
    Document,
    Item,
    Paragraph,
    Restatement,
    Section,
    Text,
    block_lists,
)
from pipeline.readers.text import read_text

W, H = A4
TOP, BOTTOM = 72.0, 60.0
PARA_GAP = 6.0  # gap between paragraphs
NOTE_SPLIT = 2  # a note broken across pages keeps this many lines at least on each
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
# Styles: r regular, b bold, i italic (bold in Chinese: no italic face), s superscript marker.
FONTS = {
    "zh": {"r": "WQY", "b": "WQY-Bold", "i": "WQY-Bold"},
    "en": {"r": "Times-Roman", "b": "Times-Bold", "i": "Times-Italic"},
}
CLOSE = set("，。；：、）》”’！？」』〉】")  # never at a line start
OPEN = set("（《“‘「『〈【")  # never at a line end
LANG_NAMES = {
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WORDS = {"zh": ("指标", "行动项目"), "en": ("Indicators", "Action")}
ACTION_LABELS = {
    "line": ("行动 {n}", "Action #{n}"),
    "inline": ("行动 #{n}:", "Action #{n}:"),
    "dash": ("行动 {n} –", "Action {n} –"),
}
INLINE = re.compile(r"^(?:行动\s*#\d+\s*[:：]|Action\s*#\d+:?\s+\S)")
DASH = re.compile(r"^(?:行动|Action)\s*#?\d+(?:\.\d+)*\s+[–—-]\s+\S")

Seg = tuple[str, str]  # (text, style)


@dataclass(frozen=True)
class Look:
    """What varies between documents drawn this way."""

    margin: float = 72.0  # left and right, points
    top: float = 72.0  # the top margin on pages after the first, points
    bottom: float = 60.0
    size: float = 10.0  # body type (Chinese: half a point more)
    leading: float = 1.5  # line distance, as a proportion of the type size
    column_split: float = 0.55  # the indicator table's first column, of the text width
    padding: float = 4.0  # table cell padding, points
    rules: bool = True  # the table's cells ruled
    separator: float = 100.0  # the footnote rule's length, points
    note_size: float = 8.0
    subitems_in_cell: bool = False  # an action's lettered sub-items inside its table cell


LOOKS = {
    "plain": Look(),
    # Another office: narrow margins, a short top and a tall bottom one, larger type set
    # tight, a wide first column, no rules.
    "varied": Look(
        margin=54.0,
        top=56.0,
        bottom=80.0,
        size=11.0,
        leading=1.25,
        column_split=0.62,
        padding=2.0,
        rules=False,
        separator=200.0,
        note_size=9.0,
    ),
    # Small type on a narrow column, set close; a short separator, a narrow first column
    # whose cells hold an action's sub-items under it.
    "tight": Look(
        margin=90.0,
        size=9.0,
        leading=1.15,
        column_split=0.45,
        padding=1.5,
        separator=60.0,
        note_size=7.0,
        subitems_in_cell=True,
    ),
    # Large type set loose, cells padded wide and not ruled, so that their rows stand apart,
    # an action's sub-items in its cell; headings in the body's size, bold, fill their line;
    # a tall top margin, a short bottom one.
    "loose": Look(
        margin=60.0,
        top=90.0,
        bottom=48.0,
        size=12.0,
        leading=1.7,
        column_split=0.5,
        padding=6.0,
        rules=False,
        separator=150.0,
        note_size=10.0,
        subitems_in_cell=True,
    ),
}


@dataclass
class Line:
    """One line of type: runs of segments, each run starting at its own x."""

    pieces: list[tuple[float, list[Seg]]]
    size: float
    lead: float
    refs: list[str] = field(default_factory=list)  # note markers drawn on this line


def register_fonts() -> None:
    """The CJK font twice, under two PDF names, so a reader can tell bold from regular."""
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        for name, face in (("WQY", b"WenQuanYiMicroHei"), ("WQY-Bold", b"WenQuanYiMicroHei-Bold")):
            font = TTFont(name, WQY, subfontIndex=0)
            font.face.name, font.face.subfontNameX = face, b""  # BaseFont: AAAAAA+<face>
            pdfmetrics.registerFont(font)


def zh_numeral(roman: str) -> str:
    """A section number as the Chinese version prints it: XI -> 十一."""
    values = [{"I": 1, "V": 5, "X": 10, "L": 50}.get(ch, 0) for ch in roman.upper()]
    if not values or 0 in values:
        return roman
    n = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    tens, ones = divmod(n, 10)
    digits = "零一二三四五六七八九"
    return ("" if not tens else "十" if tens == 1 else digits[tens] + "十") + (
        digits[ones] if ones or not tens else ""
    )


def first_page_block(meta, lang: str) -> list[str]:
    """The lines of the block at the top right of a UN document's first page."""
    original = meta.original_language
    lines = (
        "Distr.: General",
        english_date(meta.date),
        LANG_NAMES[lang],
        original and f"Original: {LANG_NAMES.get(original, original)}",
    )
    return [line for line in lines if line]


def english_date(iso: str | None) -> str | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m[3])} {MONTHS[int(m[2]) - 1]} {m[1]}" if m else None


def runs_of(text: Text, style: str = "r") -> list[Seg]:
    """The text cut at its note offsets, each marker a superscript run ("* **" when adjacent)."""
    runs: list[Seg] = []
    pos = 0
    for ref in sorted(text.refs, key=lambda r: r.offset):
        offset = min(max(ref.offset, 0), len(text.text))
        if offset > pos:
            runs.append((text.text[pos:offset], style))
            pos = offset
        elif runs and runs[-1][1] == "s":
            runs.append((" ", "s"))
        runs.append((ref.n, "s"))
    runs.append((text.text[pos:], style))
    return [run for run in runs if run[0]]


def guess_action_style(lines: list[str]) -> str:
    """How a source heads its actions: "dash" (Action 4.1 – …), "inline" (行动 #1: …), "line"."""
    if any(DASH.match(line) for line in lines):
        return "dash"
    return "inline" if any(INLINE.match(line) for line in lines) else "line"


def sup_size(size: float) -> float:
    return min(6.5, 0.75 * size)  # 6.5 pt in the text, 6 pt in 8-pt footnotes


def trailing_spaces(chars: list[Seg]) -> int:
    return len(chars) - len("".join(ch for ch, _ in chars).rstrip(" "))  # markers are not " "


def merge(chars: list[Seg]) -> list[Seg]:
    return [
        ("".join(ch for ch, _ in group), style)
        for style, group in groupby(chars, key=lambda seg: seg[1])
    ]


class Typesetter:
    def __init__(
        self,
        doc: Document,
        out: Path,
        symbol: str,
        job_number: str,
        action_style: str,
        look: Look = LOOKS["plain"],
    ) -> None:
        self.doc, self.symbol, self.job, self.style = doc, symbol, job_number, action_style
        self.lang = "zh" if doc.meta.language == "zh" else "en"
        if self.lang == "zh":
            register_fonts()
        self.fonts = FONTS[self.lang]
        self.look = look
        self.left, self.x1 = look.margin, W - look.margin  # the text block's edges
        self.mid = self.left + look.column_split * (self.x1 - self.left)  # the table's border
        self.size = look.size + (0.5 if self.lang == "zh" else 0.0)
        self.lead = look.leading * self.size
        self.note_size, self.note_lead = look.note_size, 1.25 * look.note_size
        self.label = ACTION_LABELS[action_style][self.lang == "en"]
        self.c = Canvas(str(out), pagesize=A4, invariant=True)  # same bytes every run
        self.widths: dict[tuple[str, str, float], float] = {}
        self.page, self.y, self.top_y = 1, H - look.top, H - look.top
        self.page_notes: list[list[Line]] = []
        # The lines of a note broken at the foot of the page: drawn at the head of this page's
        # footnote zone (`carried`), or at the next page's (`carry`).
        self.carried: list[Line] = []
        self.carry: list[Line] = []
        self.placed: set = set()
        self.note_cache: dict = {}
        # Notes by key: the marker for referenced notes and document notes, ("u", index) for
        # footnotes nobody references (placed by source line, after the unit before them).
        self.defs: dict = {note.n: (note.n, note.body) for note in doc.doc_notes}
        self.unref: list[tuple[int, tuple[str, int]]] = []
        for i, note in enumerate(doc.footnotes):
            key = note.n if note.referenced_by else ("u", i)
            self.defs.setdefault(key, (note.n, note.body))
            self.unref += [] if note.referenced_by else [(note.line, key)]
        self.tabled = {id(a) for a in doc.actions() if a.restatements}
        self.host = self.table_host()
        self.table_done = not self.tabled

    # -- measuring and breaking ------------------------------------------------------------
    def width(self, text: str, style: str, size: float) -> float:
        key = (text, style, size)
        if key not in self.widths:
            font = self.fonts["r" if style == "s" else style]
            self.widths[key] = pdfmetrics.stringWidth(
                text, font, sup_size(size) if style == "s" else size
            )
        return self.widths[key]

    def chunks(self, runs: list[Seg]) -> list[list[Seg]]:
        """Unbreakable pieces: English words; Chinese characters, each kept with the closing
        punctuation after it, the opening punctuation before it, adjacent spaces, the rest of
        an ASCII word and note markers."""
        out: list[list[Seg]] = []
        prev = ""
        for text, style in runs:
            for ch in text:
                pair = prev + ch
                if self.lang == "en":
                    glue = style == "s" or prev != " " or ch == " "
                else:
                    glue = (
                        style == "s"
                        or ch in CLOSE
                        or prev in OPEN
                        or " " in pair
                        or (len(pair) == 2 and pair.isascii() and pair.isalnum())
                    )
                if glue and out:
                    out[-1].append((ch, style))
                else:
                    out.append([(ch, style)])
                prev = ch
        return out

    def wrap(self, runs: list[Seg], size: float, first: float, rest: float) -> list[list[Seg]]:
        """Greedy line breaking: lines `first`, then `rest` points wide."""
        lines: list[list[Seg]] = [[]]
        used, limit = 0.0, first
        stack = self.chunks(runs)[::-1]
        while stack:
            chunk = stack.pop()
            widths = [self.width(ch, st, size) for ch, st in chunk]
            fit = sum(widths[: len(chunk) - trailing_spaces(chunk)])
            if lines[-1] and used + fit > limit:
                lines.append([])
                used, limit = 0.0, rest
            if not lines[-1] and fit > limit and len(chunk) > 1:  # longer than a line: cut it
                k = next(k for k in range(len(chunk), 0, -1) if sum(widths[:k]) <= limit or k == 1)
                stack += [chunk[k:], chunk[:k]]
                continue
            lines[-1] += chunk
            used += sum(widths)
        return [merge(line[: len(line) - trailing_spaces(line)]) for line in lines]

    def hang(
        self,
        runs: list[Seg],
        first_x: float,
        rest_x: float,
        size: float | None = None,
        label: tuple[float, list[Seg]] | None = None,
        right: float | None = None,
        lead: float | None = None,
    ) -> list[Line]:
        """The lines of a unit: the first from `first_x`, the others from `rest_x`, with an
        optional label (a number, a bullet) at its own x on the first line."""
        size = size or self.size
        right = self.x1 if right is None else right
        lines = []
        for i, row in enumerate(self.wrap(runs, size, right - first_x, right - rest_x)):
            pieces = [label] if i == 0 and label else []
            marks = [m for text, st in row if st == "s" for m in text.split() if m]
            lines.append(
                Line(
                    pieces + [(rest_x if i else first_x, row)],
                    size,
                    lead or self.look.leading * size,
                    marks,
                )
            )
        return lines

    # -- drawing and pages -----------------------------------------------------------------
    def segs(self, x: float, y: float, segs: list[Seg], size: float) -> None:
        t = self.c.beginText(x, y)
        for text, style in segs:
            font = self.fonts["r" if style == "s" else style]
            t.setFont(font, sup_size(size) if style == "s" else size)
            t.setRise((3.5 if size >= 9 else 3.0) if style == "s" else 0)
            t.setTextRenderMode(2 if font == "WQY-Bold" else 0)  # bold: fill and stroke
            t.textOut(text)
        self.c.saveState()  # the text state (Tr, Ts) outlives ET: keep it to this line
        self.c.setLineWidth(0.3)
        self.c.drawText(t)
        self.c.restoreState()

    def text(self, x: float, y: float, s: str, style: str, size: float, right=False) -> None:
        self.segs(x - self.width(s, style, size) if right else x, y, [(s, style)], size)

    def draw_line(self, line: Line, top: float) -> None:
        for x, segs in line.pieces:
            self.segs(x, top - line.lead / 2 - 0.35 * line.size, segs, line.size)

    def rule(self, x0: float, y: float, x1: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)

    def note_lines(self, key) -> list[Line]:
        if key not in self.note_cache:
            n, body = self.defs[key]
            self.note_cache[key] = self.hang(
                runs_of(body),
                self.left + 14,
                self.left + 14,
                self.note_size,
                (self.left + 6, [(n, "s")]),
                lead=self.note_lead,
            )
        return self.note_cache[key]

    def new_notes(self, keys) -> list[list[Line]]:
        return [
            self.note_lines(k)
            for k in dict.fromkeys(keys)
            if k in self.defs and k not in self.placed
        ]

    def zone_height(self, notes: list[int]) -> float:
        """A footnote zone's height from its notes' line counts: 10 points for the rule,
        2 after each note."""
        return sum(n * self.note_lead + 2 for n in notes) + 10 if notes else 0.0

    def zone(self, keys=()) -> float:
        """Height of this page's footnote zone, with the notes of `keys` added."""
        return self.zone_height(self.note_counts(self.new_notes(keys)))

    def note_counts(self, more: list[list[Line]]) -> list[int]:
        """The line counts of this page's notes, the one carried here first, and of `more`."""
        notes = [self.carried] * bool(self.carried) + self.page_notes + more
        return [len(lines) for lines in notes]

    def fits(self, height: float, keys=()) -> bool:
        return self.y - height >= self.look.bottom + self.zone(keys)

    def note_break(self, height: float, keys) -> int:
        """How many lines of the last of `keys`' notes fit under a line `height` high, the
        notes before it whole, when the rest can run on to the next page (0: it cannot).
        As word processors break a note: two lines at least on either page."""
        notes = self.new_notes(keys)
        if not notes or self.carry:
            return 0
        counts = self.note_counts(notes[:-1]) + [0]
        room = self.y - height - self.look.bottom - self.zone_height(counts)
        lines = int(room // self.note_lead)
        return lines if NOTE_SPLIT <= lines <= len(notes[-1]) - NOTE_SPLIT else 0

    def add_notes(self, keys, lines_here: int = 0) -> None:
        """The notes of `keys` onto this page; with `lines_here`, the last of them broken
        after that many lines, the rest carried to the next page."""
        for key in keys:
            if key in self.defs and key not in self.placed:
                self.placed.add(key)
                self.page_notes.append(self.note_lines(key))
        if lines_here:
            self.page_notes[-1], self.carry = (
                self.page_notes[-1][:lines_here],
                self.page_notes[-1][lines_here:],
            )

    def finish_page(self) -> None:
        y = self.look.bottom + self.zone()
        if self.page_notes or self.carried:
            self.rule(self.left, y - 4, self.left + self.look.separator)
        y -= 10
        notes = [self.carried] * bool(self.carried) + self.page_notes
        for line in (line for lines in notes for line in lines + [None]):
            if line is None:
                y -= 2  # between notes
            else:
                self.draw_line(line, y)
                y -= line.lead
        self.text(self.left, 30, self.job, "r", 8)
        if self.page > 1:
            self.text(self.x1, 30, str(self.page), "r", 9, right=True)

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.page += 1
        self.page_notes = []
        self.carried, self.carry = self.carry, []
        self.y = self.top_y = H - self.look.top
        room = self.y - self.look.bottom - self.zone_height([0]) - 3 * self.lead  # three body lines
        if len(self.carried) > room // self.note_lead:  # a note longer than a page: on again
            keep = int(room // self.note_lead)
            self.carried, self.carry = self.carried[:keep], self.carried[keep:]
        odd = self.page % 2 == 1
        self.text(self.x1 if odd else self.left, self.y + 30, self.symbol, "r", 9, right=odd)
        self.rule(self.left, self.y + 25, self.x1, 0.3)

    def place(self, lines: list[Line], gap: float = 0.0, keep: float = 0.0) -> None:
        """Lines into the flow. With `keep` (headings) the first line is kept with the others
        and `keep` points more; a line whose footnotes do not fit moves on with them, unless
        the last of them can be broken and run on to the next page."""
        if self.y < self.top_y:
            self.y -= gap
        head = sum(line.lead for line in lines[1:]) + keep if keep else 0.0
        for i, line in enumerate(lines):
            height, lines_here = line.lead + (0 if i else head), 0
            if self.y < self.top_y and not self.fits(height, line.refs):
                lines_here = self.note_break(height, line.refs)
                if not lines_here:
                    self.new_page()
            self.draw_line(line, self.y)
            self.y -= line.lead
            self.add_notes(line.refs, lines_here)

    def flush_unreferenced(self, before: int | None) -> None:
        """Unreferenced notes, at the foot of the page of the unit that precedes them."""
        while self.unref and (before is None or self.unref[0][0] < before):
            key = self.unref.pop(0)[1]
            if self.y < self.top_y and not self.fits(0, [key]):
                self.new_page()
            self.add_notes([key])

    # -- the document ------------------------------------------------------------------------
    def run(self) -> int:
        self.first_page()
        if self.doc.meta.family == "treaty":
            self.treaty()
        else:
            for block in self.doc.preamble:
                self.block(block)
            for section in self.doc.sections:
                self.section(section)
        if not self.table_done:
            self.table()
        self.flush_unreferenced(None)
        self.add_notes([k for k in self.defs if k not in self.placed and self.fits(0, [k])])
        while self.carry:  # the last note broken: its rest on a page of its own
            self.new_page()
        self.finish_page()
        self.c.save()
        return self.page

    def first_page(self) -> None:
        meta = self.doc.meta
        self.text(self.x1, 790, self.symbol, "b", 14, right=True)
        self.rule(self.left, 782, self.x1)
        block = first_page_block(meta, self.lang)
        for i, line in enumerate(block):
            self.text(self.x1 - 110, 768 - 11 * i, line, "r", 9)
        self.y = 768 - 11 * len(block) - 6
        self.add_notes([note.n for note in self.doc.doc_notes])  # document notes: foot of page 1
        for front in meta.front:
            if front.text == meta.printed_title:
                self.place(self.hang(runs_of(front, "b"), self.left, self.left, 12.0), gap=10)
                self.y -= 6
            elif front.text.strip() not in block:
                self.place(self.hang(runs_of(front), self.left, self.left, 10.0), gap=3)
        self.y = self.top_y = self.y - 12

    def section(self, section: Section) -> None:
        self.flush_unreferenced(section.line)
        size = self.size if section.kind == "subsection" else 11.0
        x, label = self.left, None
        if section.n:
            number = (zh_numeral(section.n) if self.lang == "zh" else section.n) + "."
            label, x = (self.left, [(number, "b")]), self.left + self.width(number, "b", size) + 8
        self.place(self.hang(runs_of(section.head, "b"), x, x, size, label), 12, 2 * self.lead)
        for block in section.blocks:
            self.block(block)
        if section is self.host:
            self.table()
        for sub in section.subsections:
            self.section(sub)

    def block(self, block: Paragraph | Action) -> None:
        self.flush_unreferenced(block.line)
        if isinstance(block, Action):
            self.action(block)
        elif block.kind == "group":  # a row of the indicator table, or a bold line
            if not self.tabled:
                self.place(self.hang(runs_of(block.body, "b"), self.left, self.left), PARA_GAP)
        else:
            self.paragraph(block.body, block.n)
            self.items(block.items)

    def paragraph(self, body: Text, n: str | None, head: str | None = None) -> None:
        """UN style: the number (or an inline action head) hangs in the first-line indent."""
        if head is not None:
            lines = self.hang([(head + " ", "b")] + runs_of(body), self.left + 28, self.left)
        elif n:
            lines = self.hang(
                runs_of(body), self.left + 56, self.left, None, (self.left + 28, [(f"{n}.", "r")])
            )
        else:
            lines = self.hang(runs_of(body), self.left + 56, self.left) if body.text else []
        self.place(lines, PARA_GAP)

    def items(self, items: list[Item]) -> None:
        for item in items:
            self.flush_unreferenced(item.line)
            mark, x = (f"({item.n})", self.left + 84) if item.n else ("•", self.left + 70)
            self.place(
                self.hang(runs_of(item.body), x, x, None, (self.left + 56, [(mark, "r")])), PARA_GAP
            )

    def action(self, action: Action) -> None:
        label = self.label.format(n=action.n)
        if action.numbered_as_paragraph:  # Maputo: "1. The States Parties will …"
            self.paragraph(action.body, action.n)
        elif self.style == "line":
            self.place(self.hang([(label, "b")], self.left, self.left), PARA_GAP, self.lead)
            self.paragraph(action.body, None)
        else:
            self.paragraph(action.body, None, label)
        for more in action.more:  # the action's text in further paragraphs
            self.paragraph(more, None)
        self.items(action.subitems)
        if action.indicators and id(action) not in self.tabled:
            self.place(
                self.hang([(WORDS[self.lang][0], "i")], self.left, self.left), PARA_GAP, self.lead
            )
            self.items(action.indicators)

    # -- a treaty ------------------------------------------------------------------------------
    def treaty(self) -> None:
        for part in treaty_parts(self.doc):
            if isinstance(part, Section):
                size = 12.0 if part.kind == "chapter" else self.size
                lines = self.hang(runs_of(part.head, "b"), self.left, self.left, size)
                self.place(lines, 12, 2 * self.lead)
            elif isinstance(part, Article):
                self.article(part)
            else:
                self.place(self.hang(runs_of(part.body), self.left, self.left), PARA_GAP)

    def article(self, article: Article) -> None:
        self.place(self.hang(runs_of(article.head, "b"), self.left, self.left), 10, self.lead)
        indent = self.left + 2 * self.size  # a Chinese paragraph's two ideographs
        for paragraph in article.paragraphs:
            if self.lang == "zh":
                label = clause_label(paragraph.n)
                runs = ([(label, "r")] if label else []) + runs_of(paragraph.body)
                self.place(self.hang(runs, indent, self.left), PARA_GAP)
            else:
                self.paragraph(paragraph.body, paragraph.n)
            for item in paragraph.items:
                label = (self.left + 56, [(letter_label(item.n, self.lang), "r")])
                lines = self.hang(runs_of(item.body), self.left + 84, self.left + 84, None, label)
                self.place(lines, PARA_GAP)

    # -- the indicator appendix ----------------------------------------------------------------
    def table_host(self) -> Section | None:
        """The section the indicator table ends: the one holding its group labels, else the
        innermost last part of the last appendix (None: after everything)."""
        sections = self.doc.all_sections(("section", "subsection", "appendix"))
        for section in sections:
            if any(isinstance(b, Paragraph) and b.kind == "group" for b in section.blocks):
                return section
        host = next((s for s in reversed(sections) if s.kind == "appendix"), None)
        while host is not None and host.subsections:
            host = host.subsections[-1]
        return host

    def table(self) -> None:
        """Rows in source order: group labels across both columns, then each restatement
        (`N. text` | its action's indicators, `a) text` | nothing)."""
        self.table_done = True
        size, lead = self.size, round(1.3 * self.size, 1)

        def cell(runs: list[Seg], x0: float, x1: float, mark: str = "") -> list[Line]:
            x = x0 + self.look.padding + (10 if mark else 0)
            return self.hang(
                runs,
                x,
                x,
                size,
                (x0 + self.look.padding, [(mark, "r")]) if mark else None,
                x1 - self.look.padding,
                lead,
            )

        rows = [
            (b.line, True, cell(runs_of(b.body, "b"), self.left, self.x1), [])
            for blocks in block_lists(self.doc.preamble, self.doc.sections)
            for b in blocks
            if isinstance(b, Paragraph) and b.kind == "group"
        ]
        for action in (a for a in self.doc.actions() if id(a) in self.tabled):
            main = next((r for r in action.restatements if r.of_n is None), action.restatements[0])
            right = [
                line
                for ind in action.indicators
                for line in cell(runs_of(ind.body), self.mid, self.x1, "•")
            ]
            texts = [
                cell([(restatement_label(action, r), "r")] + runs_of(r.body), self.left, self.mid)
                for r in action.restatements
            ]
            if self.look.subitems_in_cell:  # one row: the action, then its sub-items
                rows.append((main.line, False, [line for lines in texts for line in lines], right))
            else:
                rows += [
                    (r.line, False, lines, right if r is main else [])
                    for r, lines in zip(action.restatements, texts, strict=True)
                ]
        rows.sort(key=lambda row: row[0])
        header = [
            cell([(word, "b")], x0, x1)
            for word, x0, x1 in (
                (WORDS[self.lang][1], self.left, self.mid),
                (WORDS[self.lang][0], self.mid, self.x1),
            )
        ]
        self.y -= PARA_GAP if self.y < self.top_y else 0
        if not self.fits(4 * self.look.padding + 3 * lead):
            self.new_page()
        self.row(*header, False)
        fresh = self.y  # only the header row above: a row that does not fit here is cut
        for _, span, left, right in rows:
            i, n = 0, max(len(left), len(right))
            while i < n:
                k = n - i
                while k and not self.fits(
                    2 * self.look.padding + k * lead,
                    [r for line in left[i : i + k] + right[i : i + k] for r in line.refs],
                ):
                    k -= 1
                if k >= min(2, n - i) or self.y >= fresh:
                    k = max(k, 1)
                    self.row(left[i : i + k], right[i : i + k], span)
                    i += k
                if i < n:  # the rest of the row, or all of it, on the next page
                    self.new_page()
                    self.row(*header, False)
                    fresh = self.y

    def row(self, left: list[Line], right: list[Line], span: bool) -> None:
        lead = (left or right)[0].lead
        height, top = 2 * self.look.padding + max(len(left), len(right)) * lead, self.y
        for i, line in enumerate(left + right):
            self.draw_line(
                line, top - self.look.padding - (i if i < len(left) else i - len(left)) * lead
            )
        if self.look.rules:
            self.c.setLineWidth(0.5)
            self.c.rect(self.left, top - height, self.x1 - self.left, height)
            if not span:
                self.c.line(self.mid, top, self.mid, top - height)
        self.y = top - height
        self.add_notes([r for line in left + right for r in line.refs])


def treaty_parts(doc: Document) -> Iterator[Section | Paragraph | Article]:
    """A treaty in reading order, as both test engines set it: each chapter or sub-heading
    (the preamble has no heading of its own), then its recitals and articles."""

    def walk(section: Section) -> Iterator[Section | Paragraph | Article]:
        if section.kind != "preamble":
            yield section
        yield from (b for b in section.blocks if isinstance(b, Article | Paragraph))
        for sub in section.subsections:
            yield from walk(sub)

    for section in doc.sections:
        yield from walk(section)


def restatement_label(action: Action, restatement: Restatement) -> str:
    """`N. ` before an action's restatement in the table, `a) ` before its sub-item's."""
    return f"{action.n}. " if restatement.of_n is None else f"{restatement.of_n}) "


def clause_label(n: str | None) -> str:
    """A Chinese article's paragraph number as printed: 一、 二、 …"""
    return f"{zh_numeral(to_roman(int(n)))}、" if n else ""


def letter_label(n: str | None, lang: str) -> str:
    """A sub-paragraph's label: (子) (丑) … in Chinese, a. b. … in English."""
    if not n:
        return "•"
    return f"({BRANCHES['abcdefghijkl'.index(n)]})" if lang == "zh" else f"{n}."


def render(
    doc: Document,
    out: Path,
    *,
    symbol: str,
    job_number: str,
    action_style: str = "line",
    look: Look = LOOKS["plain"],
) -> int:
    """Render `doc` to `out` as a UN-style PDF; returns the page count. `action_style`:
    "line" (`行动 1` / `Action #1` on a line of its own), "inline" (`行动 #1: text`) or
    "dash" (`Action 4.1 – text`)."""
    if action_style not in ACTION_LABELS:
        raise ValueError(f"unknown action_style {action_style!r}")
    return Typesetter(doc, Path(out), symbol, job_number, action_style, look).run()


def render_file(
    src: Path,
    out: Path,
    lang: str | None = None,
    doc_id: str | None = None,
    look: Look = LOOKS["plain"],
) -> int:
    """Extract `src` (converted text) and render it as `PLANALIGN/TEST/<id>`, `GE.00-00000 (C)`
    (`(E)` for English), with the action style guessed from the source lines."""
    doc, marks = rendering_marks(src, lang, doc_id)
    return render(doc, out, **marks, look=look)


def rendering_marks(
    src: Path, lang: str | None = None, doc_id: str | None = None
) -> tuple[Document, dict[str, str]]:
    """`src` extracted, and how a test engine marks its rendering: symbol, job number and the
    action style of the source lines."""
    doc = extract_file(Path(src), doc_id, lang)
    letter = "C" if doc.meta.language == "zh" else "E"
    return doc, {
        "symbol": f"PLANALIGN/TEST/{doc.id}",
        "job_number": f"GE.00-00000 ({letter})",
        "action_style": guess_action_style([line.text for line in read_text(Path(src)).lines]),
    }


# -- deliberately bad PDFs -----------------------------------------------------------------
def make_encrypted(out: Path, password: str = "secret") -> Path:
    """A one-page PDF that opens only with the user password."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    c = Canvas(str(out), pagesize=A4, encrypt=StandardEncryption(password, ownerPassword="owner"))
    c.setFont("Times-Roman", 10)
    c.drawString(72, 770, "1. This test document is encrypted.")
    c.save()
    return Path(out)


def make_image_only(out: Path) -> Path:
    """A scanned-looking page: a raster image and shapes, no text at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (900, 1200), 255)
    for i in range(40):  # grey bars where the lines of text would be
        ImageDraw.Draw(img).rectangle((80, 80 + 26 * i, 820 - i % 5 * 60, 92 + 26 * i), fill=90)
    c = Canvas(str(out), pagesize=A4)
    c.drawImage(ImageReader(img), 72, BOTTOM, W - 144, H - TOP - BOTTOM)
    c.rect(72, H - TOP + 8, W - 144, 20)
    c.circle(W / 2, 35, 8, fill=1)
    c.save()
    return Path(out)


def make_no_unicode_map(src_pdf: Path, out: Path) -> Path:
    """A copy of a CJK PDF whose fonts lose their /ToUnicode maps (a same-length key rename,
    so the xref offsets stay valid): the CJK text then extracts as control characters."""
    data = Path(src_pdf).read_bytes()
    if b"/ToUnicode" not in data:
        raise ValueError(f"{src_pdf}: no /ToUnicode entry to break")
    Path(out).write_bytes(data.replace(b"/ToUnicode", b"/XoUnicode"))
    return Path(out)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF written byte by byte: the objects numbered from 1 (the catalog first), the
    cross-reference table and the trailer."""
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(data)


def make_zero_pages(out: Path) -> Path:
    """A well-formed PDF whose page tree is empty (/Count 0)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    Path(out).write_bytes(pdf_file(objects))
    return Path(out)


def make_truncated(src_pdf: Path, out: Path) -> Path:
    """The first half of a PDF's bytes: no xref table, no trailer."""
    data = Path(src_pdf).read_bytes()
    Path(out).write_bytes(data[: len(data) // 2])
    return Path(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render converted text as a UN-style test PDF.")
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("zh", "en"))
    parser.add_argument("--id", dest="doc_id")
    args = parser.parse_args(argv)
    pages = render_file(args.src, args.out, args.lang, args.doc_id)
    print(f"{args.out}: {pages} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Test PDFs from a second, independent engine: a word processor.

`write_fodt` writes a `pipeline.model.Document` (extracted from converted text) as a flat
OpenDocument text file the way a UN document is made in a word processor — real footnotes
under a separator rule, a running header (the symbol) and footer (job number, page number),
justified text in a Song/Ming Chinese face (AR PL UMing) or a Times-metric Latin one
(Liberation Serif), numbered paragraphs hanging on a tab, and the indicator appendix as a
table whose header row repeats on every page and whose rows may break across pages.
`convert` has LibreOffice (headless) typeset the files to PDF, all of them in one run.

Nothing is shared with `pdfgen.py`'s typesetting: only the labels a document prints.

    python tests/wpgen.py SRC.txt OUT.pdf [--lang zh|en] [--id ID]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __name__ == "__main__":  # run as a script: make `pipeline` and `pdfgen` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from lxml import etree
from pdfgen import (
    ACTION_LABELS,
    WORDS,
    clause_label,
    first_page_block,
    letter_label,
    rendering_marks,
    treaty_parts,
    zh_numeral,
)

from pipeline.model import (
    Action,
    Article,
    Document,
    Item,
    Paragraph,
    Section,
    Text,
    block_lists,
)

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
FACES = {"zh": "AR PL UMing CN", "en": "Liberation Serif"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@dataclass(frozen=True)
class Look:
    """What varies between documents made in a word processor."""

    size: float = 10.0  # body type, points (Chinese: half a point more)
    spacing: float = 1.15  # line spacing, as a proportion
    margin_cm: float = 2.5  # left and right
    top_cm: float = 1.5  # the page's top margin, the running header below it
    bottom_cm: float = 1.5
    separator: int = 25  # footnote rule, per cent of the text width
    rules: bool = True  # the table's cells ruled
    padding_cm: float = 0.1
    column_split: int = 55  # the table's first column, per cent of its width
    bullets: bool = True  # indicators bulleted, or each a paragraph of its own
    subitems_in_cell: bool = False  # an action's lettered sub-items inside its cell


# Looks a real document may have: the house defaults, another office's settings, and the two
# ends of what offices use (small type, tall lines, narrow first column, no cell padding; large
# type, tight lines, wide first column, a separator across the page; large type in tall lines;
# ruled cells all but unpadded; double spacing; margins of 1 cm; top and bottom margins
# other than the house's 1.5 cm), and how cells hold their items (indicators without bullets;
# an action's sub-items inside its cell).
LOOKS = {
    "plain": Look(),
    "varied": Look(
        size=11.0,
        spacing=1.0,
        margin_cm=2.0,
        top_cm=1.0,
        bottom_cm=2.0,
        separator=40,
        rules=False,
        padding_cm=0.2,
        column_split=45,
        bullets=False,
    ),
    "small": Look(
        size=9.0,
        spacing=1.5,
        margin_cm=3.0,
        top_cm=2.0,
        bottom_cm=2.5,
        separator=15,
        rules=False,
        padding_cm=0.0,
        column_split=35,
    ),
    "large": Look(
        size=12.0,
        spacing=1.0,
        margin_cm=1.5,
        separator=100,
        rules=True,
        padding_cm=0.3,
        column_split=65,
        subitems_in_cell=True,
    ),
    # Tall lines in large type, paragraphs set apart by a little space only: a paragraph whose
    # last line is full is told from the next by its label or opening words, not its step.
    "wide": Look(
        size=12.0,
        spacing=1.5,
        margin_cm=2.0,
        separator=30,
        rules=False,
        padding_cm=0.4,
        column_split=50,
    ),
    # Small type in ruled cells padded so little that two cells' texts nearly touch.
    "dense": Look(
        size=9.0,
        spacing=1.0,
        margin_cm=3.5,
        separator=50,
        rules=True,
        padding_cm=0.05,
        column_split=60,
        bullets=False,
        subitems_in_cell=True,
    ),
    # Double spacing, as drafts are set: a paragraph's step is little more than a line's.
    "double": Look(
        size=10.0,
        spacing=2.0,
        margin_cm=2.5,
        separator=30,
        rules=False,
        padding_cm=0.2,
        column_split=45,
    ),
    # Margins of a centimetre: on a short document no line fills the column.
    "narrow": Look(
        size=10.0,
        spacing=1.15,
        margin_cm=1.0,
        separator=20,
        rules=False,
        padding_cm=0.1,
        column_split=55,
        subitems_in_cell=True,
    ),
}


def _prop(key: str) -> str:
    """`fo_text_align` -> `fo:text-align` (keyword arguments cannot hold `:` or `-`)."""
    prefix, _, local = key.partition("_")
    return f"{prefix}:{local.replace('_', '-')}" if local else key


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(tag: str, attrs: dict[str, str] | None = None, *children, text: str | None = None):
    attributes = {_q(k): v for k, v in (attrs or {}).items()}
    node = etree.Element(_q(tag), attributes, nsmap=NS if tag == "office:document" else None)
    node.text = text
    for child in children:
        node.append(child)
    return node


class Writer:
    def __init__(self, doc: Document, symbol: str, job: str, style: str, look: Look) -> None:
        self.doc, self.symbol, self.job, self.look = doc, symbol, job, look
        self.lang = "zh" if doc.meta.language == "zh" else "en"
        self.label = ACTION_LABELS[style][self.lang == "en"]
        self.style = style
        self.notes = {note.n: note.body for note in doc.footnotes if note.referenced_by}
        self.notes.update({note.n: note.body for note in doc.doc_notes})
        self.tabled = {id(a) for a in doc.actions() if a.restatements}
        self.body = el("office:text")
        self.note_ids = itertools.count(1)
        self.next_number = 1  # what the word processor numbers the next footnote

    # -- running text with its notes -----------------------------------------------------------
    def runs(self, parent, text: Text) -> None:
        """The text into `parent`, each note reference a real footnote at its offset."""
        pos, last = 0, parent[-1] if len(parent) else None
        placed = None  # where the last reference went
        for ref in sorted(text.refs, key=lambda r: r.offset):
            offset = min(max(ref.offset, 0), len(text.text))
            # Two references at one place are typed a space apart, as the text has them ("* **").
            self._append(parent, last, " " if offset == placed else text.text[pos:offset])
            pos = placed = offset
            # A reference whose note the document lacks (lost in conversion) cannot be a
            # footnote, which always has a body: it is typed as a raised number.
            last = self.note(ref.n) if ref.n in self.notes else self.raised(ref.n)
            parent.append(last)
        self._append(parent, last, text.text[pos:])

    @staticmethod
    def _append(parent, last, chunk: str) -> None:
        if not chunk:
            return
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    @staticmethod
    def raised(n: str):
        return el("text:span", {"text:style-name": "Raised"}, text=n)

    def note(self, n: str):
        body = el("text:p", {"text:style-name": "Footnote"})
        self.runs(body, self.notes[n])
        # Numbered by the word processor while the numbers run on; a note after a gap (a note
        # the document lacks) keeps its own number as a label.
        numbered = n.isdigit() and int(n) == self.next_number
        self.next_number += numbered
        citation = el("text:note-citation", {} if numbered else {"text:label": n}, text=n)
        return el(
            "text:note",
            {"text:id": f"note{next(self.note_ids)}"},
            citation,
            el("text:note-body", {}, body),
        )

    def para(self, style: str, text: Text | None = None, head: str = "", parent=None):
        node = el("text:p", {"text:style-name": style})
        node.text = head or None
        if text is not None:
            self.runs(node, text)
        (self.body if parent is None else parent).append(node)
        return node

    def hanging(self, label: str, text: Text, style: str = "Numbered", parent=None):
        node = self.para(style, None, parent=parent)
        node.text = label
        node.append(el("text:tab"))
        self.runs(node, text)
        return node

    # -- the document ------------------------------------------------------------------------
    def write(self) -> bytes:
        self.first_page()
        if self.doc.meta.family == "treaty":
            self.treaty()
        else:
            for block in self.doc.preamble:
                self.block(block)
            for section in self.doc.sections:
                self.section(section)
        if self.tabled:
            self.table()
        root = el(
            "office:document",
            {"office:version": "1.3", "office:mimetype": "application/vnd.oasis.opendocument.text"},
            self.fonts(),
            self.styles(),
            self.automatic_styles(),
            self.master_styles(),
            el("office:body", {}, self.body),
        )
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def first_page(self) -> None:
        meta = self.doc.meta
        symbol = self.para("Symbol", head=self.symbol)
        # A document note the text references nowhere (its mark lost in conversion) hangs on
        # the symbol, as "Reissued for technical reasons" does in UN documents.
        for note in self.doc.doc_notes:
            if not note.referenced_by:
                symbol.append(self.note(note.n))
        block = first_page_block(meta, self.lang)
        for line in block:
            self.para("Block", head=line)
        for front in meta.front:
            if front.text.strip() in block:
                continue  # the converted text's copy of the first-page block
            self.para("Title" if front.text == meta.printed_title else "Standard", front)

    def section(self, section: Section) -> None:
        number = ""
        if section.n:
            number = (zh_numeral(section.n) if self.lang == "zh" else section.n) + ".\t"
        self.para("Heading", section.head, head=number)
        for block in section.blocks:
            self.block(block)
        for sub in section.subsections:
            self.section(sub)

    def block(self, block: Paragraph | Action) -> None:
        if isinstance(block, Action):
            self.action(block)
        elif block.kind == "group":
            if not self.tabled:
                self.para("Heading", block.body)
        elif block.n:
            self.hanging(f"{block.n}.", block.body)
            self.items(block.items)
        else:
            self.para("Standard", block.body)
            self.items(block.items)

    def items(self, items: list[Item], parent=None) -> None:
        for item in items:
            self.hanging(f"({item.n})" if item.n else "•", item.body, "Item", parent)

    def action(self, action: Action) -> None:
        label = self.label.format(n=action.n)
        if action.numbered_as_paragraph:
            self.hanging(f"{action.n}.", action.body)
        elif self.style == "line":
            self.para("Heading", head=label)
            self.para("Standard", action.body)
        else:
            node = self.para("Standard", None)
            node.append(el("text:span", {"text:style-name": "Bold"}, text=label + " "))
            self.runs(node, action.body)
        for more in action.more:
            self.para("Standard", more)
        self.items(action.subitems)
        if action.indicators and id(action) not in self.tabled:
            self.para("Heading", head=WORDS[self.lang][0])
            self.items(action.indicators)

    # -- a treaty ------------------------------------------------------------------------------
    def treaty(self) -> None:
        for part in treaty_parts(self.doc):
            if isinstance(part, Section):
                self.para("Chapter" if part.kind == "chapter" else "Heading", part.head)
            elif isinstance(part, Article):
                self.article(part)
            else:
                self.para("Recital", part.body)

    def article(self, article: Article) -> None:
        self.para("Heading", article.head)
        for paragraph in article.paragraphs:
            if paragraph.n and self.lang == "zh":
                self.para("Clause", paragraph.body, head=clause_label(paragraph.n))
            elif paragraph.n:
                self.hanging(f"{paragraph.n}.", paragraph.body)
            else:
                self.para("Clause", paragraph.body)
            for item in paragraph.items:
                self.hanging(letter_label(item.n, self.lang), item.body, "Item")

    def table(self) -> None:
        """The indicator appendix: group labels across both columns, then each restatement
        beside its action's indicators."""
        table = el(
            "table:table",
            {"table:name": "Indicators", "table:style-name": "Table"},
            el("table:table-column", {"table:style-name": "ColA"}),
            el("table:table-column", {"table:style-name": "ColB"}),
        )
        header = el("table:table-row")
        for word in (WORDS[self.lang][1], WORDS[self.lang][0]):
            header.append(self.cell([("TableHead", word, None)]))
        table.append(el("table:table-header-rows", {}, header))
        rows: list[tuple[int, object]] = []
        for blocks in block_lists(self.doc.preamble, self.doc.sections):
            for b in blocks:
                if isinstance(b, Paragraph) and b.kind == "group":
                    row = el("table:table-row")
                    row.append(self.cell([("TableHead", "", b.body)], span=2))
                    row.append(el("table:covered-table-cell"))
                    rows.append((b.line, row))
        for action in (a for a in self.doc.actions() if id(a) in self.tabled):
            rows += self.action_rows(action)
        for _, row in sorted(rows, key=lambda pair: pair[0]):
            table.append(row)
        self.body.append(table)

    def action_rows(self, action: Action) -> list[tuple[int, object]]:
        """An action restated beside its indicators: its lettered sub-items in rows of their
        own, or, in a look that says so, as paragraphs of the action's cell."""
        main = next((r for r in action.restatements if r.of_n is None), action.restatements[0])
        mark = ("TableItem", "•\t") if self.look.bullets else ("TableText", "")
        right = [(*mark, ind.body) for ind in action.indicators]
        texts = [
            ("TableText", f"{action.n}. " if r.of_n is None else f"{r.of_n}) ", r.body)
            for r in action.restatements
        ]
        if self.look.subitems_in_cell:
            return [(main.line, el("table:table-row", {}, self.cell(texts), self.cell(right)))]
        return [
            (
                r.line,
                el("table:table-row", {}, self.cell([text]), self.cell(right if r is main else [])),
            )
            for r, text in zip(action.restatements, texts, strict=True)
        ]

    def cell(self, paragraphs: list[tuple[str, str, Text | None]], span: int = 1):
        attrs = {"office:value-type": "string", "table:style-name": "Cell"}
        if span > 1:
            attrs["table:number-columns-spanned"] = str(span)
        cell = el("table:table-cell", attrs)
        for style, head, text in paragraphs or [("TableText", "", None)]:
            node = el("text:p", {"text:style-name": style})
            if head.endswith("\t"):
                node.text = head[:-1]
                node.append(el("text:tab"))
                if text is not None:
                    self.runs(node, text)
            else:
                node.text = head or None
                if text is not None:
                    self.runs(node, text)
            cell.append(node)
        return cell

    # -- styles ----------------------------------------------------------------------------
    def fonts(self):
        return el(
            "office:font-face-decls",
            {},
            *[
                el("style:font-face", {"style:name": face, "svg:font-family": f"'{face}'"})
                for face in FACES.values()
            ],
        )

    def text_props(self, size: float, bold: bool = False) -> object:
        asian = size + 0.5
        attrs = {
            "style:font-name": FACES["en"],
            "fo:font-size": f"{size}pt",
            "style:font-name-asian": FACES["zh"],
            "style:font-size-asian": f"{asian}pt",
        }
        if bold:
            attrs.update({"fo:font-weight": "bold", "style:font-weight-asian": "bold"})
        return el("style:text-properties", attrs)

    def pstyle(self, name: str, size: float, bold=False, **para: str):
        # No hanging punctuation: LibreOffice 7.4 leaves a comma hung in the margin unprinted.
        spacing = f"{round(self.look.spacing * 100)}%"
        props = {"fo:line-height": spacing, "style:punctuation-wrap": "simple", **para}
        return el(
            "style:style",
            {"style:name": name, "style:family": "paragraph"}
            | ({"style:master-page-name": "First"} if name == "Symbol" else {}),
            el("style:paragraph-properties", {_prop(k): v for k, v in props.items()}),
            self.text_props(size, bold),
        )

    def styles(self):
        size = self.look.size
        hang = {"fo_margin-left": "1cm", "fo_text-indent": "-1cm"}
        return el(
            "office:styles",
            {},
            self.pstyle("Standard", size, fo_text_align="justify", fo_margin_bottom="6pt"),
            self.pstyle("Numbered", size, fo_text_align="justify", fo_margin_bottom="6pt", **hang),
            self.pstyle(
                "Item",
                size,
                fo_text_align="justify",
                fo_margin_bottom="4pt",
                **{"fo_margin-left": "2cm", "fo_text-indent": "-0.8cm"},
            ),
            self.pstyle("Heading", size + 1, True, fo_margin_top="10pt", fo_margin_bottom="6pt"),
            self.pstyle("Chapter", size + 2, True, fo_margin_top="14pt", fo_margin_bottom="8pt"),
            # A treaty's recitals; its articles' paragraphs (in Chinese two ideographs indented).
            self.pstyle("Recital", size, fo_text_align="justify", fo_margin_bottom="6pt"),
            self.pstyle(
                "Clause",
                size,
                fo_text_align="justify",
                fo_margin_bottom="6pt",
                **({"fo_text-indent": f"{2 * (size + 0.5)}pt"} if self.lang == "zh" else {}),
            ),
            self.pstyle("Title", size + 3, True, fo_margin_top="12pt", fo_margin_bottom="12pt"),
            self.pstyle("Symbol", size + 4, True, fo_text_align="end"),  # opens page 1
            self.pstyle("Block", size - 1, fo_margin_left="11cm"),
            self.pstyle("Footnote", size - 2, fo_text_align="justify"),
            self.pstyle("Header", size - 1),
            self.pstyle("TableText", size, fo_text_align="start"),
            self.pstyle(
                "TableItem", size, **{"fo_margin-left": "0.5cm", "fo_text-indent": "-0.5cm"}
            ),
            self.pstyle("TableHead", size, True),
            el(
                "style:style",
                {"style:name": "Bold", "style:family": "text"},
                el(
                    "style:text-properties",
                    {"fo:font-weight": "bold", "style:font-weight-asian": "bold"},
                ),
            ),
            el(
                "style:style",
                {"style:name": "Raised", "style:family": "text"},
                el("style:text-properties", {"style:text-position": "super 58%"}),
            ),
        )

    def automatic_styles(self):
        look = self.look
        width = 21.0 - 2 * look.margin_cm
        border = "0.5pt solid #000000" if look.rules else "none"
        separator = el(
            "style:footnote-sep",
            {
                "style:width": "0.018cm",
                "style:distance-before-sep": "0.1cm",
                "style:distance-after-sep": "0.1cm",
                "style:rel-width": f"{look.separator}%",
                "style:adjustment": "left",
                "style:line-style": "solid",
            },
        )
        margin = f"{look.margin_cm}cm"
        layout = el(
            "style:page-layout",
            {"style:name": "Page"},
            el(
                "style:page-layout-properties",
                {
                    "fo:page-width": "21cm",
                    "fo:page-height": "29.7cm",
                    "fo:margin-top": f"{look.top_cm}cm",
                    "fo:margin-bottom": f"{look.bottom_cm}cm",
                    "fo:margin-left": margin,
                    "fo:margin-right": margin,
                },
                separator,
            ),
        )
        split = look.column_split / 100
        return el(
            "office:automatic-styles",
            {},
            layout,
            el(
                "style:style",
                {"style:name": "Table", "style:family": "table"},
                el(
                    "style:table-properties",
                    {"style:width": f"{width}cm", "table:align": "margins"},
                ),
            ),
            *[
                el(
                    "style:style",
                    {"style:name": name, "style:family": "table-column"},
                    el(
                        "style:table-column-properties",
                        {"style:column-width": f"{width * share:.2f}cm"},
                    ),
                )
                for name, share in (("ColA", split), ("ColB", 1 - split))
            ],
            el(
                "style:style",
                {"style:name": "Cell", "style:family": "table-cell"},
                el(
                    "style:table-cell-properties",
                    {"fo:border": border, "fo:padding": f"{look.padding_cm}cm"},
                ),
            ),
        )

    def master_styles(self):
        """Page 1 as UN documents have it: no running header, the job number alone below;
        the pages after it: the symbol above, job number and page number below."""
        header = el(
            "style:header", {}, el("text:p", {"text:style-name": "Header"}, text=self.symbol)
        )
        footer_line = el("text:p", {"text:style-name": "Header"}, text=self.job + "    ")
        footer_line.append(el("text:page-number", {"text:select-page": "current"}, text="1"))
        first_footer = el("text:p", {"text:style-name": "Header"}, text=self.job)
        return el(
            "office:master-styles",
            {},
            el(
                "style:master-page",
                {
                    "style:name": "First",
                    "style:page-layout-name": "Page",
                    "style:next-style-name": "Standard",
                },
                el("style:footer", {}, first_footer),
            ),
            el(
                "style:master-page",
                {"style:name": "Standard", "style:page-layout-name": "Page"},
                header,
                el("style:footer", {}, footer_line),
            ),
        )


def write_fodt(
    doc: Document,
    out: Path,
    *,
    symbol: str,
    job_number: str,
    action_style: str = "line",
    look: Look = Look(),
) -> Path:
    out.write_bytes(Writer(doc, symbol, job_number, action_style, look).write())
    return out


def convert(sources: list[Path], outdir: Path) -> list[Path]:
    """Every `.fodt` typeset to `outdir/<stem>.pdf` by one headless LibreOffice run."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: `make test` installs it")
    with tempfile.TemporaryDirectory() as profile:  # a private profile: runs never collide
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    outputs = [outdir / f"{source.stem}.pdf" for source in sources]
    missing = [str(p) for p in outputs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return outputs


def fodt_file(
    src: Path, out: Path, lang: str | None = None, doc_id: str | None = None, look: Look = Look()
) -> Path:
    doc, marks = rendering_marks(src, lang, doc_id)
    return write_fodt(doc, out, look=look, **marks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang")
    parser.add_argument("--id")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = fodt_file(args.src, Path(tmp) / f"{args.out.stem}.fodt", args.lang, args.id)
        pdf = convert([source], Path(tmp))[0]
        shutil.move(pdf, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The document model: the single source of truth between readers, extractors and writers.

Every unit that can be aligned carries a stable `uid` (the part after `<doc-id>.` in its
xml:id), assigned by `pipeline.extract.ids` once the structure is complete.
Inline footnote and document-note references are kept as offsets into the unit's text,
so writers can place the note exactly where the source put its marker.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class NoteRef:
    """A footnote (`1`) or document-note (`*`) marker at `offset` in its unit's text."""

    n: str
    offset: int


@dataclass(slots=True)
class Text:
    """Running text of one unit with its note markers removed and recorded as offsets."""

    text: str
    refs: list[NoteRef] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A bullet, a lettered sub-item (`n` = "a": `(a)`, `a.`, `(子)`) or an indicator."""

    body: Text
    n: str | None = None
    restored: bool = False  # letter lost in conversion and restored from the order
    uid: str = ""
    line: int = 0


@dataclass(slots=True)
class Restatement:
    """The same text repeated elsewhere in the document (an appendix row), tied to its unit."""

    body: Text
    of_uid: str = ""  # uid of the unit it restates (the action or one of its sub-items)
    of_n: str | None = None  # sub-item letter it restates, None for the action itself
    uid: str = ""
    line: int = 0


@dataclass(slots=True)
class Paragraph:
    """A numbered (`n`) or unnumbered paragraph, with the list that belongs to it."""

    body: Text
    n: str | None = None
    restored: bool = False  # number lost in conversion and restored from the sequence
    items: list[Item] = field(default_factory=list)
    kind: str = "text"  # text | group (a table group label in an appendix)
    uid: str = ""
    line: int = 0


@dataclass(slots=True)
class Action:
    """One action of an action plan; `n` as printed (`1`, `4.1`)."""

    n: str
    body: Text
    more: list[Text] = field(default_factory=list)  # further paragraphs of the action's text
    subitems: list[Item] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)
    restatements: list[Restatement] = field(default_factory=list)
    numbered_as_paragraph: bool = False  # Maputo style: "1. The States Parties will …"
    uid: str = ""
    line: int = 0


@dataclass
class Article:
    """An article of a treaty: `n` in Arabic digits (第一百一十一条 and Article 111 are "111"),
    its label as printed (`head`), and its paragraphs: numbered (`一、`, `1.`) when it has
    several, one unnumbered paragraph otherwise."""

    n: str
    head: Text
    paragraphs: list[Paragraph] = field(default_factory=list)
    uid: str = ""
    line: int = 0


Block = Paragraph | Action | Article


@dataclass(slots=True)
class Section:
    """A chapter (`n` = roman numeral, None when unnumbered), an appendix or a subsection."""

    head: Text
    n: str | None = None
    # section | subsection | appendix (plans, reports); chapter | preamble (treaties);
    # resolution (its head the addressing line) | preamble | operative (resolutions)
    kind: str = "section"
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    uid: str = ""
    line: int = 0


def block_lists(preamble: list[Block], sections: list[Section]) -> Iterator[list[Block]]:
    """Every list of blocks, in document order: the preamble, then each (sub)section's."""
    yield preamble
    for section in sections:
        yield section.blocks
        yield from block_lists([], section.subsections)


@dataclass
class Footnote:
    n: str
    body: Text
    uid: str = ""
    line: int = 0
    referenced_by: str = ""  # uid of the unit holding the reference, "" when unreferenced


@dataclass
class DocumentNote:
    """An editorial note of the whole document, marked `*`, `**`."""

    n: str
    body: Text
    uid: str = ""
    line: int = 0
    referenced_by: str = ""


Note = Footnote | DocumentNote


@dataclass
class Metadata:
    title: str = ""  # as a person would cite it (the manifest's), else the printed title
    printed_title: str = ""  # the title as the document prints it
    translation_of: str | None = None
    date: str | None = None  # YYYY-MM-DD
    language: str = ""  # zh | en
    original_language: str | None = None  # zh | en | fr | ...
    symbol: str | None = None
    convention: str | None = None  # APMBC | CCM | ...
    kind: str | None = None  # action-plan | report | treaty | resolution | ... (the manifest's)
    # The family whose structure the text has: plan | treaty | resolution | report, or
    # paragraphs (no known family: numbered and unnumbered paragraphs).
    family: str = ""
    plan: str | None = None
    follows: str | None = None
    meeting: list[str] = field(default_factory=list)  # e.g. 缔约国第五次审议会议, 第二次筹备会议
    meeting_date_place: str | None = None
    agenda_item: str | None = None
    agenda_title: list[str] = field(default_factory=list)
    submitted_by: str | None = None
    annex: str | None = None  # e.g. 附件二
    # A resolution's heading block.
    distribution: str | None = None  # General | Limited | Restricted
    session: str | None = None  # e.g. Fifty-sixth session
    committee: str | None = None  # e.g. Third Committee
    sponsors: str | None = None  # e.g. South Africa: draft resolution
    job_number: str | None = None  # e.g. 01-66657 (E), from the page footer
    front: list[Text] = field(default_factory=list)  # front-matter lines as printed


@dataclass
class Source:
    path: str  # as given (relative to the corpus root in batch runs)
    sha256: str
    encoding: str


@dataclass
class Document:
    id: str
    meta: Metadata
    source: Source
    sections: list[Section] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)  # body text before the first section
    footnotes: list[Footnote] = field(default_factory=list)
    doc_notes: list[DocumentNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    # Walkers used by writers and tests; they never re-parse anything.
    def all_sections(self, kinds: tuple[str, ...] = ("section",)) -> list[Section]:
        found: list[Section] = []

        def walk(sections: list[Section]) -> None:
            for section in sections:
                if section.kind in kinds:
                    found.append(section)
                walk(section.subsections)

        walk(self.sections)
        return found

    def blocks(self) -> list[Block]:
        return [block for blocks in block_lists(self.preamble, self.sections) for block in blocks]

    def articles(self) -> list[Article]:
        return [b for b in self.blocks() if isinstance(b, Article)]

    def paragraphs(self, numbered: bool | None = None) -> list[Paragraph]:
        """The text paragraphs, an article's among them."""
        paras = [
            p
            for b in self.blocks()
            for p in (b.paragraphs if isinstance(b, Article) else [b])
            if isinstance(p, Paragraph) and p.kind == "text"
        ]
        if numbered is None:
            return paras
        return [p for p in paras if (p.n is not None) == numbered]

    def actions(self) -> list[Action]:
        return [b for b in self.blocks() if isinstance(b, Action)]

    def notes(self) -> list[Note]:
        """The footnotes, then the document notes."""
        return [*self.footnotes, *self.doc_notes]

    def indicators(self) -> list[Item]:
        return [i for a in self.actions() for i in a.indicators]

    def texts(self) -> list[tuple[str, Text]]:
        """Every piece of text with the uid of the unit it belongs to, in document order."""
        out: list[tuple[str, Text]] = [("front", t) for t in self.meta.front]

        def block_texts(block: Block) -> None:
            if isinstance(block, Article):
                out.append((block.uid, block.head))
                for paragraph in block.paragraphs:
                    block_texts(paragraph)
                return
            out.append((block.uid, block.body))
            items = block.items if isinstance(block, Paragraph) else block.subitems
            out.extend((item.uid, item.body) for item in items)
            if isinstance(block, Action):
                out.extend((block.uid, text) for text in block.more)
                out.extend((item.uid, item.body) for item in block.indicators)
                out.extend((r.uid, r.body) for r in block.restatements)

        def walk(sections: list[Section]) -> None:
            for section in sections:
                out.append((section.uid, section.head))
                for block in section.blocks:
                    block_texts(block)
                walk(section.subsections)

        for block in self.preamble:
            block_texts(block)
        walk(self.sections)
        out.extend((note.uid, note.body) for note in self.footnotes)
        out.extend((note.uid, note.body) for note in self.doc_notes)
        return out

    def unit_ids(self) -> set[str]:
        """The uids of every unit (the part of its xml:id after the document's id)."""
        return {uid for uid, _ in self.texts() if uid and uid != "front"}

    def to_dict(self) -> dict:
        return asdict(self)

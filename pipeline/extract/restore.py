"""Paragraph numbers lost in conversion, restored from the sequence around them.

Seed 003 lost the numbers of its first five paragraphs: they came out as five bullets
before paragraph 6. Where the units between two numbered paragraphs fill the gap between
their numbers exactly, each unit gets its number back.
"""

from __future__ import annotations

from pipeline.model import Block, Document, Item, Paragraph, Section

Slot = tuple[list[Block], Paragraph]


def restore_paragraph_numbers(doc: Document) -> int:
    """Number the unnumbered paragraphs that fill a gap exactly; returns how many were."""
    restored = 0
    pending: list[Slot] = []
    previous = 0
    for blocks, paragraph in list(_paragraph_slots(doc)):
        if paragraph.n is None:
            pending.append((blocks, paragraph))
            continue
        if not paragraph.n.isdigit():
            continue
        number = int(paragraph.n)
        units = sum(len(p.items) if _is_bare_list(p) else 1 for _, p in pending)
        if pending and units == number - previous - 1:
            restored += _renumber(pending, previous + 1)
        pending = []
        previous = number
    return restored


def _paragraph_slots(doc: Document):
    yield from ((doc.preamble, b) for b in doc.preamble if _is_text(b))

    def walk(sections: list[Section]):
        for section in sections:
            yield from ((section.blocks, b) for b in section.blocks if _is_text(b))
            yield from walk(section.subsections)

    yield from walk(doc.sections)


def _is_text(block: Block) -> bool:
    return isinstance(block, Paragraph) and block.kind == "text"


def _is_bare_list(paragraph: Paragraph) -> bool:
    return not paragraph.body.text and bool(paragraph.items)


def _renumber(pending: list[Slot], first: int) -> int:
    number = first
    for blocks, paragraph in pending:
        if not _is_bare_list(paragraph):
            paragraph.n, paragraph.restored = str(number), True
            number += 1
            continue
        index = blocks.index(paragraph)
        replacement = [_paragraph_from_item(item, number + k) for k, item in
                       enumerate(paragraph.items)]
        blocks[index : index + 1] = replacement
        number += len(replacement)
    return number - first


def _paragraph_from_item(item: Item, number: int) -> Paragraph:
    return Paragraph(item.body, str(number), restored=True, line=item.line)

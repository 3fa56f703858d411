"""Paragraph numbers lost in conversion, restored from the sequence around them.

Seed 003 lost the numbers of its first five paragraphs: they came out as five bullets
before paragraph 6. Where the units between two numbered paragraphs fill the gap between
their numbers exactly, each unit gets its number back.
"""

from __future__ import annotations

from pipeline.model import Action, Block, Document, Item, Paragraph, block_lists

Slot = tuple[list[Block], Paragraph]  # a paragraph and the list that holds it


def restore_paragraph_numbers(doc: Document) -> int:
    """Number the unnumbered paragraphs that fill a gap exactly; returns how many were."""
    restored = 0
    pending: list[Slot] = []
    previous = 0
    for blocks, block in list(_numbered_slots(doc)):
        if isinstance(block, Paragraph) and block.n is None:
            pending.append((blocks, block))
            continue
        if not block.n.isdigit():
            continue
        number = int(block.n)
        units = sum(len(p.items) if _is_bare_list(p) else 1 for _, p in pending)
        if pending and units == number - previous - 1:
            restored += _renumber(pending, previous + 1)
        pending = []
        previous = number
    return restored


def _numbered_slots(doc: Document):
    """Paragraphs, and actions numbered in the paragraph sequence, in document order."""
    for blocks in block_lists(doc.preamble, doc.sections):
        for block in blocks:
            if _is_text(block) or (isinstance(block, Action) and block.numbered_as_paragraph):
                yield blocks, block


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
        replacement = [
            _paragraph_from_item(item, number + k) for k, item in enumerate(paragraph.items)
        ]
        blocks[index : index + 1] = replacement
        number += len(replacement)
    return number - first


def _paragraph_from_item(item: Item, number: int) -> Paragraph:
    return Paragraph(item.body, str(number), restored=True, line=item.line)

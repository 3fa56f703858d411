"""Every unit of a document with an xml:id, in document order, with its kind, number and parent.

The order is `Document.texts()`'s: the preamble, each section's heading then its blocks (an
action with its sub-items, further paragraphs, indicators and restatements), the subsections,
then the footnotes and the document notes. A unit's parent is the unit its TEI element sits
in: a block's section, an item's paragraph or action, an article's paragraphs' article, a
subsection's section, and a note's referencing unit (TEI puts the note where it is
referenced); "" for none.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model.document import (
    Action,
    Article,
    Block,
    Document,
    Item,
    Note,
    Paragraph,
    Section,
    Text,
)


@dataclass(frozen=True)
class Unit:
    uid: str  # the part of its xml:id after the document's id
    kind: str  # a section's kind (section, chapter, …), paragraph, action, subitem, …
    n: str  # its number or letter as printed, "" when it has none
    parent: str  # the uid of the unit it sits in, "" for none
    text: str  # its text; an action's paragraphs one a line
    texts: tuple[Text, ...] = ()  # the same with its marks: an action may run to several


def units(doc: Document) -> list[Unit]:
    """The document's units in document order (`Document.texts()`'s)."""
    found = [unit for block in doc.preamble for unit in _block(block, "")]
    found += _sections(doc.sections, "")
    found += [_note(note, "footnote") for note in doc.footnotes]
    found += [_note(note, "document-note") for note in doc.doc_notes]
    return [unit for unit in found if unit.uid]


def _sections(sections: list[Section], parent: str) -> list[Unit]:
    out: list[Unit] = []
    for section in sections:
        head = section.head
        out.append(Unit(section.uid, section.kind, section.n or "", parent, head.text, (head,)))
        out += [unit for block in section.blocks for unit in _block(block, section.uid)]
        out += _sections(section.subsections, section.uid)
    return out


def _block(block: Block, parent: str) -> list[Unit]:
    if isinstance(block, Article):
        head = Unit(block.uid, "article", block.n, parent, block.head.text, (block.head,))
        return [head, *(unit for p in block.paragraphs for unit in _block(p, block.uid))]
    if isinstance(block, Paragraph):
        kind = "paragraph" if block.kind == "text" else block.kind
        own = Unit(block.uid, kind, block.n or "", parent, block.body.text, (block.body,))
        return [own, *_items(block.items, "item", block.uid)]
    return _action(block, parent)


def _action(action: Action, parent: str) -> list[Unit]:
    texts = (action.body, *action.more)
    return [
        Unit(action.uid, "action", action.n, parent, "\n".join(t.text for t in texts), texts),
        *_items(action.subitems, "subitem", action.uid),
        *_items(action.indicators, "indicator", action.uid),
        *(
            Unit(r.uid, "restatement", "", action.uid, r.body.text, (r.body,))
            for r in action.restatements
        ),
    ]


def _items(items: list[Item], kind: str, parent: str) -> list[Unit]:
    return [
        Unit(item.uid, kind, item.n or "", parent, item.body.text, (item.body,)) for item in items
    ]


def _note(note: Note, kind: str) -> Unit:
    return Unit(note.uid, kind, note.n, note.referenced_by, note.body.text, (note.body,))

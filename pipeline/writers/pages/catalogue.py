"""Every unit of a document with what a page shows of it: kind, label, text, place in order.

The side-by-side and lineage pages show units out of their document's flow (a row per
link); this catalogue gives them each unit's text and label by uid, and the document order
to sort rows by.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Action, Article, Block, Document, Item, Section, Text


@dataclass(frozen=True)
class PageUnit:
    uid: str
    kind: str  # section | paragraph | action | item | indicator | restatement | article | note
    label: str  # as printed: "II", "5", "a", "Article 2", "" when unnumbered
    texts: tuple[Text, ...]  # an action may run to several paragraphs
    position: int  # document order

    @property
    def plain(self) -> str:
        return " ".join(t.text for t in self.texts)


Entry = tuple[str, str, str, tuple[Text, ...]]  # uid, kind, label, texts


def catalogue(doc: Document) -> dict[str, PageUnit]:
    """uid → its unit, in document order (dicts keep it)."""
    units: list[Entry] = [entry for block in doc.preamble for entry in _block_units(block)]
    units += _section_units(doc.sections)
    units += [(n.uid, "note", n.n, (n.body,)) for n in doc.notes()]
    return {
        uid: PageUnit(uid, kind, label, texts, position)
        for position, (uid, kind, label, texts) in enumerate(units)
        if uid
    }


def _section_units(sections: list[Section]) -> list[Entry]:
    out: list[Entry] = []
    for section in sections:
        out.append((section.uid, "section", section.n or "", (section.head,)))
        out += [entry for block in section.blocks for entry in _block_units(block)]
        out += _section_units(section.subsections)
    return out


def _block_units(block: Block) -> list[Entry]:
    if isinstance(block, Article):
        head: Entry = (block.uid, "article", block.n, (block.head,))
        return [head, *(entry for p in block.paragraphs for entry in _block_units(p))]
    if isinstance(block, Action):
        return [
            (block.uid, "action", block.n, (block.body, *block.more)),
            *_item_units("subitem", block.subitems),
            *_item_units("indicator", block.indicators),
            *((r.uid, "restatement", block.n, (r.body,)) for r in block.restatements),
        ]
    return [
        (block.uid, "paragraph", block.n or "", (block.body,)),
        *_item_units("item", block.items),
    ]


def _item_units(kind: str, items: list[Item]) -> list[Entry]:
    return [(i.uid, kind, i.n or "", (i.body,)) for i in items]

"""Every unit of a document with what a page shows of it: kind, label, text, place in order.

The side-by-side and lineage pages show units out of their document's flow (a row per
link); this catalogue gives them each unit's text and label by uid, and the document order
to sort rows by. It is the model's outline (`pipeline.model.outline`) in the page's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Document, Text
from pipeline.model.outline import units

# The outline's kinds a page shows under another name; a section's kinds (chapter, appendix,
# preamble …) all show as "section".
_PAGE_KINDS = {"group": "paragraph", "footnote": "note", "document-note": "note"}
_SAME_KINDS = {"article", "paragraph", "action", "subitem", "indicator", "restatement", "item"}


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


def catalogue(doc: Document) -> dict[str, PageUnit]:
    """uid → its unit, in document order (dicts keep it). A restatement is labelled with its
    action's number."""
    found: dict[str, PageUnit] = {}
    for position, unit in enumerate(units(doc)):
        parent = found.get(unit.parent)
        label = parent.label if unit.kind == "restatement" and parent else unit.n
        found[unit.uid] = PageUnit(unit.uid, _page_kind(unit.kind), label, unit.texts, position)
    return found


def _page_kind(kind: str) -> str:
    if kind in _SAME_KINDS:
        return kind
    return _PAGE_KINDS.get(kind, "section")

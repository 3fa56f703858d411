"""Which documents are language versions of each other: same symbol, or `translation_of`."""

from __future__ import annotations

from pipeline.languages import DRAFTING_LANGUAGE
from pipeline.model import Document


def translation_pairs(docs: list[Document]) -> list[tuple[Document, Document]]:
    """Each pair once, the original-language version first when the metadata says which
    (else the one in the language UN documents are drafted in)."""
    by_id = {doc.id: doc for doc in docs}
    pairs: list[tuple[Document, Document]] = []
    seen: set[frozenset[str]] = set()

    def add(x: Document, y: Document) -> None:
        key = frozenset((x.id, y.id))
        if x.id == y.id or key in seen or x.meta.language == y.meta.language:
            return
        seen.add(key)
        pairs.append(_ordered(x, y))

    for doc in docs:
        partner = by_id.get(doc.meta.translation_of or "")
        if partner is not None:
            add(doc, partner)
    for x in docs:
        for y in docs:
            if x.meta.symbol and x.meta.symbol == y.meta.symbol:
                add(x, y)
    return pairs


def _ordered(x: Document, y: Document) -> tuple[Document, Document]:
    drafted = DRAFTING_LANGUAGE
    if y.meta.language == (x.meta.original_language or "") and x.meta.language != drafted:
        return y, x
    if x.meta.language != drafted and y.meta.language == drafted:
        return y, x
    return x, y

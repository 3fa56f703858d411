"""Each unit's sentences, numbered within the unit (`<uid>.s1`, `<uid>.s2`, …) across the
pieces of its text (an action's paragraphs): the TEI writer marks them `<s xml:id>`, the
sentence aligner aligns them, and the sentence links point at them by these numbers."""

from __future__ import annotations

from pipeline.languages.splitting import sentence_spans
from pipeline.model.document import Document
from pipeline.model.findings import FRONT


def unit_sentences(doc: Document) -> dict[str, list[str]]:
    """uid → its sentences in order (the first-page block, which has no ids, left out)."""
    out: dict[str, list[str]] = {}
    lang = doc.meta.language
    for uid, text in doc.texts():
        if uid == FRONT or not uid:
            continue
        spans = sentence_spans(text.text, lang)
        out.setdefault(uid, []).extend(text.text[start:end] for start, end in spans)
    return out


def sentence_id(unit_id: str, index: int) -> str:
    """The id of the sentence `index` (0-based) of the unit whose xml:id is `unit_id`."""
    return f"{unit_id}.s{index + 1}"

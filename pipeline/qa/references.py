"""Footnotes and document notes: references without a definition, definitions never referenced.

A UN document puts its `*` note on the symbol in the first-page block; when the text lacks
that block's symbol (converted text often does), the reference cannot be seen and the note is
not reported.
"""

from __future__ import annotations

from pipeline.model import Document
from pipeline.model.findings import Finding, context
from pipeline.qa.common import TextUnit, finding, units

CHECK = "notes"
EVIDENCE_CHARS = 30  # of a note's text shown as the evidence


def note_references(doc: Document) -> list[Finding]:
    return _undefined(doc) + _unreferenced(doc)


def _undefined(doc: Document) -> list[Finding]:
    defined = {note.n for note in doc.notes()}
    found = []
    for unit in units(doc):
        for ref in unit.text.refs:
            if ref.n not in defined:
                found.append(_at_reference(unit, ref.n, ref.offset))
    return found


def _at_reference(unit: TextUnit, n: str, offset: int) -> Finding:
    text = unit.text.text
    shown = text[:offset] + f"[{n}]" + text[offset:]
    start, end = offset, offset + len(n) + 2
    return Finding(
        unit.doc.id,
        unit.xml_id,
        CHECK,
        "error",
        f"{_kind(n)} {n} is referenced but never defined{unit.where}",
        shown[start:end],
        context(shown, start, end),
    )


def _unreferenced(doc: Document) -> list[Finding]:
    found = []
    for note in doc.notes():
        if note.referenced_by or (note.n == "*" and not _prints_symbol(doc)):
            continue
        found.append(
            finding(
                TextUnit(doc, note.uid, note.body),
                CHECK,
                "warning",
                f"{_kind(note.n)} {note.n} is defined but never referenced",
                0,
                min(len(note.body.text), EVIDENCE_CHARS),
            )
        )
    return found


def _kind(n: str) -> str:
    return "document note" if n.startswith("*") else "footnote"


def _prints_symbol(doc: Document) -> bool:
    symbol = doc.meta.symbol
    if not symbol:
        return False
    return any(symbol in line.text for line in doc.meta.front)

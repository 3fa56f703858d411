"""Tie every footnote and document note to the unit whose text carries its marker."""

from __future__ import annotations

from pipeline.model import Document, Note


def link_notes(doc: Document) -> None:
    footnotes: dict[str, Note] = {note.n: note for note in doc.footnotes}
    doc_notes: dict[str, Note] = {note.n: note for note in doc.doc_notes}
    for uid, text in doc.texts():
        for ref in text.refs:
            note = (doc_notes if ref.n.startswith("*") else footnotes).get(ref.n)
            if note is None:
                doc.warnings.append(f"{uid}: note {ref.n} is referenced but never defined")
            elif not note.referenced_by:
                note.referenced_by = uid
    for note in doc.notes():
        if not note.referenced_by:
            doc.warnings.append(f"line {note.line}: note {note.n} is defined but never referenced")

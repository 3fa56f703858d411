"""Tie every footnote and document note to the unit whose text carries its marker.

A marker whose note the text lacks stays where it is (the TEI writes an empty note of type
`undefined` there): one warning for the document names them all.
"""

from __future__ import annotations

from pipeline.model import Document, Note


def link_notes(doc: Document) -> None:
    footnotes: dict[str, Note] = {note.n: note for note in doc.footnotes}
    doc_notes: dict[str, Note] = {note.n: note for note in doc.doc_notes}
    undefined: dict[str, str] = {}  # marker → the first unit that carries it
    for uid, text in doc.texts():
        for ref in text.refs:
            note = (doc_notes if ref.n.startswith("*") else footnotes).get(ref.n)
            if note is None:
                undefined.setdefault(ref.n, uid)
            elif not note.referenced_by:
                note.referenced_by = uid
    if undefined:
        where = ", ".join(f"{n} ({uid})" for n, uid in undefined.items())
        one = len(undefined) == 1
        what, place = ("note is", "its place") if one else ("notes are", "their places")
        doc.warnings.append(
            f"{len(undefined)} {what} referenced but never defined, kept at {place}: {where}"
        )
    for note in doc.notes():
        if not note.referenced_by:
            doc.warnings.append(f"line {note.line}: note {note.n} is defined but never referenced")
        if not note.body.text.strip():
            doc.warnings.append(f"line {note.line}: note {note.n} has no text")

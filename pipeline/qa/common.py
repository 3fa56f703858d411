"""What every check shares: the texts it reads, and findings about them in their context."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.languages import table
from pipeline.model import Document, Text
from pipeline.model.findings import FRONT, Finding, context, xml_id


@dataclass(frozen=True)
class TextUnit:
    """One piece of text a check reads: its document, uid (or "front") and text."""

    doc: Document
    uid: str
    text: Text

    @property
    def xml_id(self) -> str:
        return xml_id(self.doc, self.uid)

    @property
    def where(self) -> str:
        """How a message names the place when the unit has no xml:id."""
        return " (front matter)" if self.uid == FRONT else ""


def units(doc: Document) -> list[TextUnit]:
    """Everything the document says, restatements, notes and front matter included."""
    return [TextUnit(doc, uid, text) for uid, text in doc.texts()]


def script_text(doc: Document) -> list[TextUnit]:
    """The texts the checks of the document's own script read (full-width punctuation,
    Latin words in Chinese): the first-page block carries English lines by design
    ("Original: English"); of it only lines in the document's script count."""
    language = table(doc.meta.language)
    return [
        unit
        for unit in units(doc)
        if unit.uid != FRONT or language.script_char.search(unit.text.text)
    ]


def finding(
    unit: TextUnit, check: str, severity: str, message: str, start: int, end: int
) -> Finding:
    """A finding about text[start:end] of `unit`, shown in its context."""
    text = unit.text.text
    return Finding(
        unit.doc.id,
        unit.xml_id,
        check,
        severity,
        message + unit.where,
        text[start:end],
        context(text, start, end),
    )

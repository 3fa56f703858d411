"""What every check shares: the texts it reads, xml:ids, and findings with their context."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Document, Text
from pipeline.qa.findings import Finding
from pipeline.qa.tables import HAN_CHAR

CONTEXT_CHARS = 30  # of surroundings shown on each side of the evidence
FRONT = "front"  # uid Document.texts() gives the first-page block's lines


@dataclass(frozen=True)
class Unit:
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


def xml_id(doc: Document, uid: str) -> str:
    """The file-qualified xml:id; "" for the front matter, which has none."""
    return f"{doc.id}.{uid}" if uid and uid != FRONT else ""


def units(doc: Document) -> list[Unit]:
    """Everything the document says, restatements, notes and front matter included."""
    return [Unit(doc, uid, text) for uid, text in doc.texts()]


def chinese_running_text(doc: Document) -> list[Unit]:
    """The texts of a Chinese document the Chinese checks apply to. The first-page block
    carries English lines by design ("Original: English"); of it only Chinese lines count."""
    if doc.meta.language != "zh":
        return []
    return [unit for unit in units(doc)
            if unit.uid != FRONT or HAN_CHAR.search(unit.text.text)]


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The evidence text[start:end] with up to `width` characters either side."""
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def finding(unit: Unit, check: str, severity: str, message: str, start: int,
            end: int) -> Finding:
    """A finding about text[start:end] of `unit`, shown in its context."""
    text = unit.text.text
    return Finding(unit.doc.id, unit.xml_id, check, severity, message + unit.where,
                   text[start:end], context(text, start, end))

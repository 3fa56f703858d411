"""One QA or terminology finding: what every check returns and every report writes; with the
pieces every check shares to make one (the unit's xml:id, the evidence in its context)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from pipeline.model.document import Document
from pipeline.model.outline import units

SEVERITIES = ("error", "warning", "info")  # most severe first
CONTEXT_CHARS = 30  # of surroundings shown on each side of the evidence
FRONT = "front"  # uid Document.texts() gives the first-page block's lines


@dataclass(frozen=True, order=True)
class Finding:
    doc: str  # document id
    unit: str  # file-qualified xml:id of the unit, e.g. "srap-draft-zh.a21" ("" for the document)
    check: str  # short check name, e.g. "untranslated", "term-variant"
    severity: str  # one of SEVERITIES
    message: str  # one line a translator can act on
    evidence: str = ""  # the offending text itself
    context: str = ""  # the offending text with some of its surroundings
    # The unit's place in its document's order (`in_place`); not part of what a report shows.
    place: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "place"}


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """The findings as severe as `severity` or more."""
    cutoff = SEVERITIES.index(severity)
    return [f for f in findings if SEVERITIES.index(f.severity) <= cutoff]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Duplicates dropped; by document, then in document order (the places `in_place` gave:
    `p2` before `p12`, paragraphs and actions as they alternate), then check and the rest."""
    return sorted(set(findings), key=_order)


def _order(f: Finding) -> tuple:
    return (f.doc, f.place, f.unit, f.check, f.severity, f.message, f.evidence, f.context)


def in_place(findings: list[Finding], documents: list[Document]) -> list[Finding]:
    """The findings with their units' places in their documents: the first-page block and
    the document as a whole first, then each unit in document order (`outline.units`), then
    what names no unit of the document."""
    places = {doc.id: _places(doc) for doc in documents}
    placed = []
    for f in findings:
        known = places.get(f.doc, {})
        placed.append(replace(f, place=known.get(f.unit, len(known) + 1)))
    return placed


def _places(doc: Document) -> dict[str, int]:
    places = {"": 0}
    for index, unit in enumerate(units(doc), 1):
        places.setdefault(xml_id(doc, unit.uid), index)
    return places


def xml_id(doc: Document, uid: str) -> str:
    """The file-qualified xml:id; "" for the front matter, which has none."""
    return f"{doc.id}.{uid}" if uid and uid != FRONT else ""


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The evidence text[start:end] with up to `width` characters either side."""
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

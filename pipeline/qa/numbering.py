"""Gaps and duplicates in the numbering of actions, paragraphs and footnotes.

The numbers are those the document prints, together with paragraph numbers the extractor
restored (it restores only numbers that fill a gap exactly, so a lost number in the converted
text is not reported as a gap in the document). Paragraphs are numbered once through the body
and afresh in each appendix; Maputo-style actions are numbered as paragraphs. Dotted numbers
(Dubrovnik's 4.1, 4.2, 5.1) go on at any level: 4.2 → 4.3, 4.3 → 5.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.model import Action, Article, Block, Document, Paragraph, Section, Text, block_lists
from pipeline.model.findings import Finding, context, xml_id

CHECK = "numbering"
OPENING_CHARS = 40  # of the unit's text shown after its number


@dataclass(frozen=True)
class Numbered:
    n: str
    uid: str
    text: Text


def numbering(doc: Document) -> list[Finding]:
    found = _sequence(
        doc,
        "action",
        [Numbered(a.n, a.uid, a.body) for a in doc.actions() if not a.numbered_as_paragraph],
    )
    for blocks in _paragraph_scopes(doc):
        found += _sequence(
            doc,
            "paragraph",
            [Numbered(b.n or "", b.uid, b.body) for b in blocks if not isinstance(b, Article)],
        )
    found += _sequence(doc, "article", [Numbered(a.n, a.uid, a.head) for a in doc.articles()])
    for article in doc.articles():  # an article numbers its paragraphs afresh
        found += _sequence(
            doc, "paragraph", [Numbered(p.n, p.uid, p.body) for p in article.paragraphs if p.n]
        )
    found += _sequence(doc, "footnote", [Numbered(f.n, f.uid, f.body) for f in doc.footnotes])
    return found


def _paragraph_scopes(doc: Document) -> Iterator[list[Block]]:
    """Numbered paragraphs (and actions numbered as paragraphs) of the body, then of each
    appendix, in document order."""
    body = [b for b in doc.preamble if _numbered_paragraph(b)]
    appendices = []
    for section in doc.sections:
        blocks = [b for b in _section_blocks(section) if _numbered_paragraph(b)]
        if section.kind == "appendix":
            appendices.append(blocks)
        else:
            body += blocks
    yield body
    yield from appendices


def _section_blocks(section: Section) -> list[Block]:
    """The blocks of a section and of its subsections, in document order."""
    return [block for blocks in block_lists([], [section]) for block in blocks]


def _numbered_paragraph(block: Block) -> bool:
    if isinstance(block, Action):
        return block.numbered_as_paragraph
    return isinstance(block, Paragraph) and block.kind == "text" and block.n is not None


def _sequence(doc: Document, kind: str, units: list[Numbered]) -> list[Finding]:
    found = []
    seen: dict[tuple[int, ...], Numbered] = {}
    previous: tuple[int, ...] | None = None
    last_n = ""
    for unit in units:
        number = _parse(unit.n)
        if number is None:
            continue
        problem = _problem(doc, kind, number, unit.n, previous, last_n, seen)
        if problem:
            found.append(_finding(doc, unit, problem))
        seen.setdefault(number, unit)
        previous, last_n = number, unit.n
    return found


def _problem(
    doc: Document,
    kind: str,
    number: tuple[int, ...],
    n: str,
    previous: tuple[int, ...] | None,
    last_n: str,
    seen: dict[tuple[int, ...], Numbered],
) -> str:
    if previous is None or _follows(previous, number):
        return ""
    if number in seen:
        return f"{kind} {n} is numbered twice (first: {xml_id(doc, seen[number].uid)})"
    if number < previous:
        return f"{kind} {n} comes after {kind} {last_n}: out of sequence"
    missing = _missing(previous, number)
    return f"{kind} numbers jump from {last_n} to {n}" + (f": {missing} missing" if missing else "")


def _parse(n: str) -> tuple[int, ...] | None:
    parts = n.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def _follows(previous: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """One step on at some level, lower levels starting at 1: 4 → 5, 4.2 → 4.3, 4.3 → 5.1,
    and 4 → 4.1."""
    for level in range(len(number)):
        expected = previous[level] + 1 if level < len(previous) else 1
        if (
            number[:level] == previous[:level]
            and number[level] == expected
            and all(part == 1 for part in number[level + 1 :])
        ):
            return True
    return False


def _missing(previous: tuple[int, ...], number: tuple[int, ...]) -> str:
    """The numbers skipped between two plain numbers (or at the last level), e.g. "13"."""
    if len(previous) != len(number) or previous[:-1] != number[:-1]:
        return ""
    prefix = "".join(f"{part}." for part in number[:-1])
    skipped = [f"{prefix}{k}" for k in range(previous[-1] + 1, number[-1])]
    return ", ".join(skipped) if len(skipped) <= 5 else f"{skipped[0]}–{skipped[-1]}"


def _finding(doc: Document, unit: Numbered, problem: str) -> Finding:
    shown = f"{unit.n} {unit.text.text}"
    return Finding(
        doc.id,
        xml_id(doc, unit.uid),
        CHECK,
        "warning",
        problem,
        unit.n,
        context(shown, 0, len(unit.n), OPENING_CHARS),
    )

"""One QA or terminology finding: what every check returns and every report writes; with the
pieces every check shares to make one (the unit's xml:id, the evidence in its context)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from pipeline.model.document import Document

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

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """The findings as severe as `severity` or more."""
    cutoff = SEVERITIES.index(severity)
    return [f for f in findings if SEVERITIES.index(f.severity) <= cutoff]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """A stable, deterministic order: by document, unit, check, then the rest."""
    return sorted(set(findings))


def xml_id(doc: Document, uid: str) -> str:
    """The file-qualified xml:id; "" for the front matter, which has none."""
    return f"{doc.id}.{uid}" if uid and uid != FRONT else ""


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The evidence text[start:end] with up to `width` characters either side."""
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

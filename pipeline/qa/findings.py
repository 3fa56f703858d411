"""One QA or terminology finding: what every check returns and every report writes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")  # most severe first


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

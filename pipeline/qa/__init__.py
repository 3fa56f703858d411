"""Terminology and translation QA: checks over the document model and the cross-language links.

`run_checks` reads everything each document says (restatements, notes and front matter
included) and returns the findings sorted. A check that fails on one document becomes a
finding about that document; the other documents and checks go on.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.align.translation import Translation
from pipeline.model import Document
from pipeline.qa.crosslang import number_mismatches
from pipeline.qa.findings import Finding, sort_findings
from pipeline.qa.glossary import latin_terms, load_glossary, term_findings
from pipeline.qa.notes import note_references
from pipeline.qa.numbering import numbering
from pipeline.qa.punctuation import brackets, half_width, repeated
from pipeline.qa.restatements import restatements
from pipeline.qa.script import untranslated

__all__ = ["Finding", "load_glossary", "run_checks"]

DocumentCheck = Callable[[Document], list[Finding]]
DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (
    half_width, repeated, brackets, note_references, numbering, restatements,
)


def run_checks(documents: list[Document], translations: list[Translation],
               glossary) -> list[Finding]:
    terms = latin_terms(glossary)
    found: list[Finding] = []
    for doc in documents:
        found += _guarded(doc.id, "untranslated", lambda doc=doc: untranslated(doc, terms))
        for check in DOCUMENT_CHECKS:
            found += _guarded(doc.id, check.__name__, lambda doc=doc, check=check: check(doc))
    for translation in translations:
        found += _guarded(translation.alignment.b.id, "numbers",
                          lambda translation=translation: number_mismatches(translation))
    found += _guarded("", "terminology",
                      lambda: term_findings(documents, translations, glossary))
    return sort_findings(found)


def _guarded(doc_id: str, name: str, check: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return check()
    except Exception as err:  # noqa: BLE001 - one failing check must not stop the others
        return [Finding(doc_id, "", "check-failed", "error",
                        f"the {name} check failed: {type(err).__name__}: {err}")]

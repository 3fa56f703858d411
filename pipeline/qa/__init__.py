"""Terminology and translation QA: checks over the document model and the cross-language links.

`run_checks` reads everything each document says (restatements, notes and front matter
included) and returns the findings sorted: by document, then in document order. A check
that fails on one document becomes a finding about that document; the other documents and
checks go on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from pipeline.align.lexicon import Lexicon
from pipeline.align.translation import Translation
from pipeline.model import Document
from pipeline.model.findings import Finding, in_place, sort_findings
from pipeline.qa.crosslang import number_mismatches
from pipeline.qa.numbering import numbering
from pipeline.qa.punctuation import brackets, half_width, repeated
from pipeline.qa.references import note_references
from pipeline.qa.restatements import restatements
from pipeline.qa.script import untranslated
from pipeline.qa.terms import latin_terms, load_glossary, term_checks

__all__ = ["Finding", "corpus_findings", "document_findings", "load_glossary", "run_checks"]

DocumentCheck = Callable[[Document], list[Finding]]
DOCUMENT_CHECKS: tuple[DocumentCheck, ...] = (
    half_width,
    repeated,
    brackets,
    note_references,
    numbering,
    restatements,
)


def run_checks(
    documents: list[Document], translations: list[Translation], glossary, lexicon: Lexicon
) -> list[Finding]:
    found = [f for doc in documents for f in document_findings(doc, glossary)]
    return sort_findings(found + corpus_findings(documents, translations, glossary, lexicon))


def document_findings(doc: Document, glossary) -> list[Finding]:
    """The checks that read one document alone (a batch run runs them in parallel)."""
    terms = latin_terms(glossary)
    found = _guarded(doc.id, "untranslated", lambda: untranslated(doc, terms))
    for check in DOCUMENT_CHECKS:
        found += _guarded(doc.id, check.__name__, functools.partial(check, doc))
    return sort_findings(in_place(found, [doc]))


def corpus_findings(
    documents: list[Document],
    translations: list[Translation],
    glossary,
    lexicon: Lexicon,
    terms=None,
) -> list[Finding]:
    """The checks that read several documents: numbers across each translation, terms
    across the corpus. `terms`, the corpus's `pipeline.terminology.TermChecks` when the
    caller wants its renderings table too, saves reading the terms twice."""
    if terms is None:
        terms = term_checks(documents, translations, glossary, lexicon)
    found: list[Finding] = []
    for translation in translations:
        found += _guarded(
            translation.alignment.b.id, "numbers", functools.partial(number_mismatches, translation)
        )
    found += _guarded("", "terminology", terms.findings)
    return sort_findings(in_place(found, documents))


def _guarded(doc_id: str, name: str, check: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return check()
    except Exception as err:  # noqa: BLE001 - one failing check must not stop the others
        return [
            Finding(
                doc_id,
                "",
                "check-failed",
                "error",
                f"the {name} check failed: {type(err).__name__}: {err}",
            )
        ]

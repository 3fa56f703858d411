"""The terminology checks over a corpus: Chinese-only ones over the documents, bilingual ones
over the translations, and the renderings table."""

from __future__ import annotations

from pipeline.align.translation import Translation
from pipeline.model import Document
from pipeline.qa.findings import Finding, sort_findings
from pipeline.terminology.bitext import aligned_units
from pipeline.terminology.glossary import Glossary
from pipeline.terminology.homophones import homophone_findings
from pipeline.terminology.matching import ChineseMatcher
from pipeline.terminology.mining import mine, mined_findings
from pipeline.terminology.near import near_variant_findings
from pipeline.terminology.occurrences import chinese_texts, glossary_occurrences
from pipeline.terminology.renderings import inconsistent_findings, missing_findings, term_uses
from pipeline.terminology.table import RenderingsTable, build_table
from pipeline.terminology.variants import glossary_variant_findings, pattern_findings


def term_findings(documents: list[Document], translations: list[Translation],
                  glossary: Glossary) -> list[Finding]:
    """Every terminology finding, sorted; where a bilingual finding and a Chinese-only one name
    the same unit and form, the bilingual one (it cites the source) is kept."""
    chinese = chinese_findings(documents, glossary)
    units = aligned_units(translations)
    uses = term_uses(units, glossary)
    bilingual = (missing_findings(uses, glossary) + inconsistent_findings(uses, glossary)
                 + mined_findings(mine(units, glossary)))
    return sort_findings(bilingual + _not_said(chinese, bilingual))


def chinese_findings(documents: list[Document], glossary: Glossary) -> list[Finding]:
    """The checks that need no English: variants, patterns, near-variants, homophones."""
    by_id = {doc.id: doc for doc in documents}
    texts = chinese_texts(documents)
    matcher = ChineseMatcher(glossary)
    found = glossary_occurrences(texts, matcher)
    return (glossary_variant_findings(glossary, found, by_id) + pattern_findings(texts, by_id)
            + near_variant_findings(texts, glossary, matcher)
            + homophone_findings(texts, glossary, by_id))


def _not_said(chinese: list[Finding], bilingual: list[Finding]) -> list[Finding]:
    """The Chinese-only findings, less those about a unit and a form that a bilingual finding
    already names (with the English source, it says more)."""
    said = {(f.unit, f.evidence) for f in bilingual}
    return [f for f in chinese if (f.unit, f.evidence) not in said]


def term_renderings(documents: list[Document], translations: list[Translation],
                    glossary: Glossary) -> RenderingsTable:
    units = aligned_units(translations)
    found = glossary_occurrences(chinese_texts(documents), ChineseMatcher(glossary))
    return build_table(glossary, term_uses(units, glossary), found, mine(units, glossary))

"""The terminology checks over a corpus: Chinese-only ones over the documents, bilingual ones
over the translations, and the renderings table.

The findings and the table read the same evidence (the glossary's forms in the Chinese
documents, the glossary's terms and the mined pairs in the aligned units); `TermChecks`
gathers each piece once, when first asked for, so a caller wanting both pays for one pass.
"""

from __future__ import annotations

from functools import cached_property

from pipeline.align.lexicon import Lexicon
from pipeline.align.translation import Translation
from pipeline.model import Document
from pipeline.model.findings import Finding, sort_findings
from pipeline.terminology.aligned import AlignedUnit, aligned_units
from pipeline.terminology.glossary import Glossary
from pipeline.terminology.homophones import homophone_findings
from pipeline.terminology.matching import ChineseMatcher
from pipeline.terminology.mining import Candidate, mine, mined_findings
from pipeline.terminology.near import near_variant_findings
from pipeline.terminology.occurrences import (
    DocumentText,
    Occurrence,
    chinese_texts,
    glossary_occurrences,
)
from pipeline.terminology.renderings import (
    TermUse,
    inconsistent_findings,
    missing_findings,
    term_uses,
)
from pipeline.terminology.table import RenderingsTable, build_table
from pipeline.terminology.variants import glossary_variant_findings, pattern_findings


class TermChecks:
    """The terminology checks of one corpus: `findings()` and `renderings()` share what they
    both read. A piece that fails is tried again by the next call that needs it."""

    def __init__(
        self,
        documents: list[Document],
        translations: list[Translation],
        glossary: Glossary,
        lexicon: Lexicon,
    ):
        self.documents, self.translations, self.glossary = documents, translations, glossary
        self.lexicon = lexicon  # for the mined terms' support in the dictionary

    def findings(self) -> list[Finding]:
        """Every terminology finding, sorted; where a bilingual finding and a Chinese-only one
        name the same unit and form, the bilingual one (it cites the source) is kept."""
        chinese = self._chinese_findings()
        bilingual = (
            missing_findings(self.uses, self.glossary)
            + inconsistent_findings(self.uses, self.glossary)
            + mined_findings(self.candidates)
        )
        return sort_findings(bilingual + _not_said(chinese, bilingual))

    def renderings(self) -> RenderingsTable:
        return build_table(self.glossary, self.uses, self.occurrences, self.candidates)

    def _chinese_findings(self) -> list[Finding]:
        """The checks that need no English: variants, patterns, near-variants, homophones."""
        by_id = {doc.id: doc for doc in self.documents}
        texts, glossary = self.texts, self.glossary
        return (
            glossary_variant_findings(glossary, self.occurrences, by_id)
            + pattern_findings(texts, by_id)
            + near_variant_findings(texts, glossary, self.matcher)
            + homophone_findings(texts, glossary, by_id)
        )

    @cached_property
    def texts(self) -> list[DocumentText]:
        return chinese_texts(self.documents)

    @cached_property
    def matcher(self) -> ChineseMatcher:
        return ChineseMatcher(self.glossary)

    @cached_property
    def occurrences(self) -> dict[int, list[Occurrence]]:
        return glossary_occurrences(self.texts, self.matcher)

    @cached_property
    def units(self) -> list[AlignedUnit]:
        return aligned_units(self.translations)

    @cached_property
    def uses(self) -> list[TermUse]:
        return term_uses(self.units, self.glossary)

    @cached_property
    def candidates(self) -> list[Candidate]:
        return mine(self.units, self.glossary, self.lexicon)


def term_findings(
    documents: list[Document], translations: list[Translation], glossary: Glossary, lexicon: Lexicon
) -> list[Finding]:
    return TermChecks(documents, translations, glossary, lexicon).findings()


def term_renderings(
    documents: list[Document], translations: list[Translation], glossary: Glossary, lexicon: Lexicon
) -> RenderingsTable:
    return TermChecks(documents, translations, glossary, lexicon).renderings()


def _not_said(chinese: list[Finding], bilingual: list[Finding]) -> list[Finding]:
    """The Chinese-only findings, less those about a unit and a form that a bilingual finding
    already names (with the English source, it says more)."""
    said = {(f.unit, f.evidence) for f in bilingual}
    return [f for f in chinese if (f.unit, f.evidence) not in said]

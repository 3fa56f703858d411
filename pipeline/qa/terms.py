"""The one place QA meets the terminology package (`pipeline.terminology`): loading the
glossary, the term checks, and the Latin-script vocabulary the untranslated-words check
must know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import terminology
from pipeline.align.lexicon import Lexicon
from pipeline.model import Document


@dataclass(frozen=True)
class LatinTerms:
    """What the glossary knows in Latin script: `knows` an acronym or other Latin form it
    accepts in Chinese text (ISU, SDGs); `english` its English terms (lower case) with their
    Chinese rendering."""

    knows: Callable[[str], bool]
    english: dict[str, str]


def load_glossary(path: Path | None) -> terminology.Glossary:
    """The glossary to check against: the project's own unless `path` names another."""
    return terminology.load_glossary(path)


def term_checks(
    documents: list[Document], translations: list, glossary: terminology.Glossary, lexicon: Lexicon
) -> terminology.TermChecks:
    return terminology.TermChecks(documents, translations, glossary, lexicon)


def latin_terms(glossary: terminology.Glossary) -> LatinTerms:
    abbreviations = glossary.acronyms
    english = {
        form.lower(): chinese
        for form, chinese in glossary.english_to_chinese().items()
        if form not in abbreviations
    }
    return LatinTerms(glossary.knows_latin, english)

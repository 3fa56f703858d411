"""Latin-script words left inside Chinese running text: untranslated fragments.

Not every Latin word is one. Symbols, URLs, e-mail addresses and file names (a word touching
`/ . @ : _` or a digit), names (capitalised words: "Symbio Impact"), sub-item letters and
lower-case roman numerals ("(b)", "(iii)"), unit symbols after a number, and an English gloss
in brackets after its Chinese term are left alone; acronyms the glossary knows (ISU, IMAS)
too, while one it does not know is reported for a look (info). An English term the glossary
translates is untranslated whatever its capitals.
"""

from __future__ import annotations

import re

from pipeline.languages import LanguageTable, table
from pipeline.model import Document
from pipeline.model.findings import Finding
from pipeline.qa.common import TextUnit, finding, script_text
from pipeline.qa.latin import LATIN_RUN, NAME_PARTICLES, ROMAN_LOWER, SYMBOL_NEIGHBOUR, UNIT_SYMBOLS
from pipeline.qa.terms import LatinTerms

CHECK, ACRONYM_CHECK = "untranslated", "acronym"


def untranslated(doc: Document, terms: LatinTerms) -> list[Finding]:
    """Latin-script words in the running text of a language in whose script they are
    foreign (Chinese)."""
    language = table(doc.meta.language)
    if not language.latin_is_foreign:
        return []
    found: list[Finding] = []
    for unit in script_text(doc):
        for run in LATIN_RUN.finditer(unit.text.text):
            result = _judge(unit, run, terms, language)
            if result is not None:
                found.append(result)
    return found


def _judge(
    unit: TextUnit, run: re.Match[str], terms: LatinTerms, language: LanguageTable
) -> Finding | None:
    text, words = unit.text.text, run.group().split()
    if _in_symbol(text, run.start(), run.end()) or _is_marker(words, text, run.start()):
        return None
    if _is_gloss(text, run.start(), run.end(), language):
        return None
    term = terms.english.get(run.group().lower())
    if term is not None:
        return finding(
            unit,
            CHECK,
            "error",
            f"English term ‘{run.group()}’ left untranslated (glossary: {term})",
            run.start(),
            run.end(),
        )
    if all(word.isupper() and len(word) > 1 for word in words):
        if all(terms.knows(word) for word in words):
            return None
        return finding(
            unit,
            ACRONYM_CHECK,
            "info",
            f"acronym ‘{run.group()}’ is not in the "
            "glossary: check that it is meant to stay in Latin script",
            run.start(),
            run.end(),
        )
    if _is_name(words):
        return None
    return finding(
        unit,
        CHECK,
        "error",
        f"English ‘{run.group()}’ left in Chinese text",
        run.start(),
        run.end(),
    )


def _in_symbol(text: str, start: int, end: int) -> bool:
    """Part of a symbol, URL or file name: touching `/`, `.`, `@`, a digit and the like."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(
        SYMBOL_NEIGHBOUR.match(before)
        or SYMBOL_NEIGHBOUR.match(after)
        or re.search(r"['’-]$", text[start:end])
    )


def _is_marker(words: list[str], text: str, start: int) -> bool:
    """A sub-item letter, a lower-case roman numeral or a unit symbol after a number."""
    if len(words) != 1:
        return False
    word = words[0]
    if len(word) == 1 or ROMAN_LOWER.match(word):
        return True
    return word in UNIT_SYMBOLS and bool(re.search(r"\d\s*$", text[:start]))


def _is_gloss(text: str, start: int, end: int, language: LanguageTable) -> bool:
    """The whole content of a bracket right after text in the language's script:
    执行支助股(ISU)."""
    before, after = language.gloss_before, language.gloss_after
    if before is None or after is None:
        return False
    return bool(before.search(text[:start])) and bool(after.match(text[end:]))


def _is_name(words: list[str]) -> bool:
    """Capitalised words, with particles between them: "Mine Action Review", "Côte d'Ivoire"."""
    if not words[0][0].isupper():
        return False
    return all(
        word[0].isupper() or word.lower() in NAME_PARTICLES or "’" in word or "'" in word
        for word in words
    )

"""How each glossary term is rendered across aligned units, and what is wrong with that.

For every aligned unit whose source has a glossary term, the target's renderings of it: the
glossary's forms found there, or none. Findings: `term-missing` where none of the glossary's
forms is in the target, `term-inconsistent` where one term is rendered by different accepted
forms (受害者 here, 受害人 there) in the aligned units of one target document. Phrases
(援助受害者) count as a rendering but are not compared; deprecated forms are left to the
Chinese-only check. Either language may be the source: the original's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pipeline.qa.findings import Finding
from pipeline.terminology.bitext import AlignedUnit
from pipeline.terminology.consistency import Concept
from pipeline.terminology.forms import HAN, en_key, en_words, strip_titles, zh_key
from pipeline.terminology.glossary import Entry, Glossary
from pipeline.terminology.matching import ChineseMatcher, EnglishMatcher

SHORTEST_ZH = 2  # an entry whose Chinese is one character (条) is not checked
CONTEXT = 60  # characters of the target shown with a finding


@dataclass(frozen=True)
class TermUse:
    """One glossary term in the source of one aligned unit, and what the target has for it."""

    entry: int
    source_form: str  # as written in the source
    unit: AlignedUnit
    renderings: tuple[str, ...]  # the glossary's forms found in the target, longest first


class Sides:
    """The glossary seen from each language: terms found in a text, renderings of a term."""

    def __init__(self, glossary: Glossary):
        self.matchers = {"en": EnglishMatcher(glossary), "zh": ChineseMatcher(glossary)}

    def terms(self, text: str, lang: str) -> list[tuple[int, str]]:
        return [(m.entry, text[m.start:m.end]) for m in self.matchers[lang].find(text)]

    def renderings(self, entry: Entry, text: str, lang: str) -> tuple[str, ...]:
        if lang == "zh":
            found = [f for f in dict.fromkeys(map(strip_titles, entry.chinese_forms))
                     if f in text]
            return tuple(f for f in sorted(found, key=len, reverse=True)
                         if not any(f != g and f in g for g in found))
        keys = [en_key(w.group()) for w in en_words(text)]
        words = {w.group() for w in en_words(text)}
        found = [f for f in entry.english_forms if f in words or _contains(keys, f)]
        return tuple(found)


def _contains(keys: list[str], term: str) -> bool:
    wanted = [en_key(w.group()) for w in en_words(term)]
    n = len(wanted)
    return n > 0 and any(keys[i:i + n] == wanted for i in range(len(keys) - n + 1))


def term_uses(units: list[AlignedUnit], glossary: Glossary) -> list[TermUse]:
    sides = Sides(glossary)
    uses = []
    for unit in units:
        target_lang = "zh" if unit.source_lang == "en" else "en"
        seen = set()
        for index, form in sides.terms(unit.source_text, unit.source_lang):
            entry = glossary.entries[index]
            if index in seen or not _checked(entry):
                continue
            seen.add(index)
            uses.append(TermUse(index, form, unit,
                                sides.renderings(entry, unit.target_text, target_lang)))
    return uses


def _checked(entry: Entry) -> bool:
    return len(strip_titles(entry.chinese)) >= SHORTEST_ZH


def missing_findings(uses: list[TermUse], glossary: Glossary) -> list[Finding]:
    findings = []
    for use in uses:
        if use.renderings:
            continue
        entry = glossary.entries[use.entry]
        wanted = entry.compared if use.unit.source_lang == "en" else entry.english_forms
        message = (f"{entry.label}: the source ({use.unit.source_unit}) has "
                   f"'{use.source_form}', this unit has none of {' / '.join(wanted)}")
        findings.append(Finding(use.unit.target_doc, use.unit.target_unit, "term-missing",
                                "warning", message, use.source_form,
                                use.unit.target_text[:CONTEXT]))
    return findings


def inconsistent_findings(uses: list[TermUse], glossary: Glossary) -> list[Finding]:
    """One term rendered by several of its compared forms within one target document (how
    documents differ from one another is the Chinese-only check's `term-variant-across`)."""
    groups: dict[tuple[str, int], list[tuple[TermUse, str]]] = defaultdict(list)
    for use in uses:
        entry = glossary.entries[use.entry]
        compared = [r for r in use.renderings if r in _compared(entry, use)]
        if compared:
            groups[use.unit.target_doc, use.entry].append((use, compared[0]))
    findings = []
    for (_, index), renderings in sorted(groups.items()):
        findings += _inconsistent(glossary.entries[index], renderings)
    return findings


def _compared(entry: Entry, use: TermUse) -> tuple[str, ...]:
    if use.unit.source_lang == "en":
        return tuple(map(strip_titles, entry.compared))
    return (entry.english, *entry.english_variants)


def _inconsistent(entry: Entry, renderings: list[tuple[TermUse, str]]) -> list[Finding]:
    units: dict[str, list[str]] = defaultdict(list)
    for use, form in renderings:
        units[_key(form)].append(use.unit.target_unit)
    if len(units) < 2:
        return []
    concept = Concept(entry.label, tuple(_key(strip_titles(f)) for f in entry.compared))
    usual = min(units, key=lambda k: (-len(units[k]), concept.rank(k), k))
    usual_form = next(form for use, form in renderings if _key(form) == usual)
    findings = []
    for use, form in renderings:
        if _key(form) == usual:
            continue
        message = (f"{entry.label}: '{use.source_form}' ({use.unit.source_unit}) rendered "
                   f"{form} here, {usual_form} in {len(units[usual])} aligned units of this document "
                   f"({', '.join(units[usual][:4])})")
        findings.append(Finding(use.unit.target_doc, use.unit.target_unit, "term-inconsistent",
                                "warning", message, form, use.unit.target_text[:CONTEXT]))
    return findings


def _key(form: str) -> str:
    return zh_key(form) if HAN.search(form) else " ".join(en_key(w.group()) for w in en_words(form))

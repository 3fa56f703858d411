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
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.languages import CHINESE, ENGLISH
from pipeline.model.findings import Finding
from pipeline.terminology.aligned import AlignedUnit
from pipeline.terminology.consistency import Concept, most_used
from pipeline.terminology.forms import en_key, en_words, strip_titles, zh_key
from pipeline.terminology.glossary import Glossary, GlossaryEntry
from pipeline.terminology.matching import SHORTEST_ZH, ChineseMatcher, EnglishMatcher

CONTEXT = 60  # characters of the target shown with a finding


@dataclass(frozen=True)
class TermUse:
    """One glossary term in the source of one aligned unit, and what the target has for it."""

    entry: int
    source_form: str  # as written in the source
    unit: AlignedUnit
    renderings: tuple[str, ...]  # the glossary's forms found in the target, longest first


def _chinese_renderings(entry: GlossaryEntry, text: str) -> tuple[str, ...]:
    """The entry's Chinese forms in the text, longest first, none inside another one found."""
    found = [f for f in dict.fromkeys(map(strip_titles, entry.chinese_forms)) if f in text]
    return tuple(
        f for f in sorted(found, key=len, reverse=True) if not any(f != g and f in g for g in found)
    )


def _english_renderings(entry: GlossaryEntry, text: str) -> tuple[str, ...]:
    """The entry's English terms and abbreviations in the text, terms compared word by word."""
    words = en_words(text)
    keys = [en_key(w.group()) for w in words]
    written = {w.group() for w in words}
    return tuple(f for f in entry.english_forms if f in written or _contains(keys, f))


def _contains(keys: list[str], term: str) -> bool:
    wanted = [en_key(w.group()) for w in en_words(term)]
    n = len(wanted)
    return n > 0 and any(keys[i : i + n] == wanted for i in range(len(keys) - n + 1))


@dataclass(frozen=True)
class Target:
    """What renders an entry in one target language."""

    find: Callable[[GlossaryEntry, str], tuple[str, ...]]  # the entry's forms found in a text
    compared: Callable[[GlossaryEntry], tuple[str, ...]]  # the forms whose mixing is reported
    wanted: Callable[[GlossaryEntry], tuple[str, ...]]  # the forms a `term-missing` message names


TARGETS = {
    CHINESE.code: Target(
        _chinese_renderings, lambda e: tuple(map(strip_titles, e.compared)), lambda e: e.compared
    ),
    ENGLISH.code: Target(
        _english_renderings, lambda e: (e.english, *e.english_variants), lambda e: e.english_forms
    ),
}


def term_uses(units: list[AlignedUnit], glossary: Glossary) -> list[TermUse]:
    matchers: dict[str, ChineseMatcher | EnglishMatcher] = {
        ENGLISH.code: EnglishMatcher(glossary),
        CHINESE.code: ChineseMatcher(glossary),
    }
    uses = []
    for unit in units:
        find, seen = TARGETS[unit.target_lang].find, set[int]()
        for match in matchers[unit.source_lang].find(unit.source_text):
            entry = glossary.entries[match.entry]
            if match.entry in seen or not _checked(entry):
                continue
            seen.add(match.entry)
            uses.append(
                TermUse(
                    match.entry,
                    unit.source_text[match.start : match.end],
                    unit,
                    find(entry, unit.target_text),
                )
            )
    return uses


def _checked(entry: GlossaryEntry) -> bool:
    """An entry whose Chinese is one character (条) is not checked."""
    return len(strip_titles(entry.chinese)) >= SHORTEST_ZH


def missing_findings(uses: list[TermUse], glossary: Glossary) -> list[Finding]:
    findings = []
    for use in uses:
        if use.renderings:
            continue
        entry = glossary.entries[use.entry]
        wanted = TARGETS[use.unit.target_lang].wanted(entry)
        message = (
            f"{entry.label}: the source ({use.unit.source_unit}) has "
            f"'{use.source_form}', this unit has none of {' / '.join(wanted)}"
        )
        findings.append(
            Finding(
                use.unit.target_doc,
                use.unit.target_unit,
                "term-missing",
                "warning",
                message,
                use.source_form,
                use.unit.target_text[:CONTEXT],
            )
        )
    return findings


def inconsistent_findings(uses: list[TermUse], glossary: Glossary) -> list[Finding]:
    """One term rendered by several of its compared forms within one target document (how
    documents differ from one another is the Chinese-only check's `term-variant-across`)."""
    groups: dict[tuple[str, int], list[tuple[TermUse, str]]] = defaultdict(list)
    for use in uses:
        forms = TARGETS[use.unit.target_lang].compared(glossary.entries[use.entry])
        compared = [r for r in use.renderings if r in forms]
        if compared:
            groups[use.unit.target_doc, use.entry].append((use, compared[0]))
    findings = []
    for (_, index), renderings in sorted(groups.items()):
        findings += _inconsistent(glossary.entries[index], renderings)
    return findings


def _inconsistent(entry: GlossaryEntry, renderings: list[tuple[TermUse, str]]) -> list[Finding]:
    units: dict[str, list[str]] = defaultdict(list)
    for use, form in renderings:
        units[_key(form)].append(use.unit.target_unit)
    if len(units) < 2:
        return []
    concept = Concept(entry.label, tuple(_key(strip_titles(f)) for f in entry.compared))
    usual = most_used(concept, units)
    usual_form = next(form for use, form in renderings if _key(form) == usual)
    findings = []
    for use, form in renderings:
        if _key(form) == usual:
            continue
        message = (
            f"{entry.label}: '{use.source_form}' ({use.unit.source_unit}) rendered "
            f"{form} here, {usual_form} in {len(units[usual])} aligned units of this document "
            f"({', '.join(units[usual][:4])})"
        )
        findings.append(
            Finding(
                use.unit.target_doc,
                use.unit.target_unit,
                "term-inconsistent",
                "warning",
                message,
                form,
                use.unit.target_text[:CONTEXT],
            )
        )
    return findings


def _key(form: str) -> str:
    return (
        zh_key(form)
        if CHINESE.script_char.search(form)
        else " ".join(en_key(w.group()) for w in en_words(form))
    )

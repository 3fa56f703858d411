"""Near-identical variants: a glossary form with one character more or less, not listed itself.

国家主权 where the glossary has 国家自主权 is worth a look. To keep to variants and away from
other words, the string must be a whole run of words (jieba) of four characters or more, keep
the form's first and last characters (the edit is inside), not differ by a number or by what
never makes a difference (的, spaces), and not overlap a form the glossary lists. A changed
character is left to the homophone check: 国家/国际 and 保留/遗留 are other words, not
variants. The search is anchored on the two halves of each form — a string one character
longer or shorter keeps one half whole — so only a few windows are compared, with rapidfuzz.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from pipeline.languages.zh import ZH_NUMERALS
from pipeline.model.findings import Finding
from pipeline.terminology.forms import is_han, positions, strip_titles, zh_key
from pipeline.terminology.glossary import Glossary, GlossaryEntry
from pipeline.terminology.matching import ChineseMatcher
from pipeline.terminology.occurrences import DocumentText
from pipeline.terminology.words import zh_boundaries

SHORTEST = 4  # characters, of the form's variant
NUMERALS = frozenset(ZH_NUMERALS)


def near_variant_findings(
    texts: list[DocumentText], glossary: Glossary, matcher: ChineseMatcher
) -> list[Finding]:
    forms: dict[str, GlossaryEntry] = {}
    for entry in glossary.entries:
        for form in map(strip_titles, entry.chinese_forms):
            if len(form) >= SHORTEST and is_han(form):
                forms.setdefault(form, entry)
    findings = []
    for text in texts:
        known = [(m.start, m.end) for m in text.matches(matcher)]
        seen = set()
        for form, entry in forms.items():
            for start, end in _near(text.text, form):
                window = text.text[start:end]
                if _overlaps(known, start, end) or not _whole_words(text, start, end):
                    continue
                o = text.occurrence(start, end, window)
                if (o.unit, window) in seen or o.in_title:
                    continue
                seen.add((o.unit, window))
                message = (
                    f"{entry.label}: {window} looks like a variant of {form} that the "
                    "glossary does not list"
                )
                findings.append(
                    Finding(
                        o.doc, o.unit, "term-near-variant", "warning", message, window, o.context
                    )
                )
    return findings


def _near(text: str, form: str) -> list[tuple[int, int]]:
    """Spans of `text` with one character more or fewer than `form`, inside it."""
    half = len(form) // 2
    lefts, rights = positions(text, form[:half]), positions(text, form[half:])
    spans = set()
    for length in (len(form) - 1, len(form) + 1):
        for start in lefts:
            end = start + length
            if end <= len(text) and text[end - 1] == form[-1]:
                spans.add((start, end))
        for at in rights:
            end = at + len(form) - half
            start = end - length
            if start >= 0 and text[start] == form[0]:
                spans.add((start, end))
    return sorted(s for s in spans if _one_inside_edit(text[s[0] : s[1]], form))


def _one_inside_edit(window: str, form: str) -> bool:
    if len(window) < SHORTEST or not is_han(window) or zh_key(window) == zh_key(form):
        return False
    if window[0] != form[0] or window[-1] != form[-1]:
        return False
    if Levenshtein.distance(window, form, score_cutoff=1) != 1:
        return False
    return not (set(window) ^ set(form)) & NUMERALS


def _overlaps(known: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in known)


def _whole_words(text: DocumentText, start: int, end: int) -> bool:
    unit, offset = text.unit_text(start)
    boundaries = zh_boundaries(unit)
    return start - offset in boundaries and end - offset in boundaries

"""Finding a glossary's terms in text: Chinese forms by substring, English terms by words.

Both matchers take the leftmost, then longest, match and never let two matches overlap, so
加强合作与援助事务委员会 is the committee, not also 合作与援助, and `mine risk education` is not
also `risk education`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.terminology.forms import en_key, en_words, strip_titles
from pipeline.terminology.glossary import Glossary

SHORTEST_ZH = 2  # one-character forms (条 for Article) would be found inside other words


@dataclass(frozen=True, order=True)
class Match:
    start: int
    end: int
    form: str  # the form as listed in the glossary (title marks removed)
    entry: int  # index of the entry in the glossary


def leftmost_longest(spans: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    for span in sorted(spans, key=lambda m: (m.start, m.start - m.end, m.entry)):
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    return chosen


class ChineseMatcher:
    """Every Chinese form of every entry; a form listed twice belongs to its first entry.
    One regular expression, longest forms first, finds them leftmost-longest."""

    def __init__(self, glossary: Glossary):
        self.forms: dict[str, int] = {}
        for index, entry in enumerate(glossary.entries):
            for form in map(strip_titles, entry.chinese_forms):
                if len(form) >= SHORTEST_ZH:
                    self.forms.setdefault(form, index)
        ordered = sorted(self.forms, key=lambda f: (-len(f), f))
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def find(self, text: str) -> list[Match]:
        if self.pattern is None:
            return []
        return [
            Match(m.start(), m.end(), m.group(), self.forms[m.group()])
            for m in self.pattern.finditer(text)
        ]


class EnglishMatcher:
    """English terms and abbreviations as sequences of compared words (see `forms.en_key`);
    an abbreviation must be written as listed (ISU, SDGs)."""

    def __init__(self, glossary: Glossary):
        self.terms: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        self.abbreviations: dict[str, tuple[str, int]] = {}
        for index, entry in enumerate(glossary.entries):
            for term in (entry.english, *entry.english_variants):
                keys = tuple(en_key(m.group()) for m in en_words(term))
                if keys:
                    self.terms.setdefault(keys[0], []).append((keys, term, index))
            for abbreviation in entry.abbreviations:
                self.abbreviations.setdefault(abbreviation, (abbreviation, index))
        for candidates in self.terms.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def find(self, text: str) -> list[Match]:
        words = en_words(text)
        keys = [en_key(w.group()) for w in words]
        spans = []
        for i, word in enumerate(words):
            if word.group() in self.abbreviations:
                form, entry = self.abbreviations[word.group()]
                spans.append(Match(word.start(), word.end(), form, entry))
            for term_keys, term, entry in self.terms.get(keys[i], ()):
                if tuple(keys[i : i + len(term_keys)]) == term_keys:
                    end = words[i + len(term_keys) - 1].end()
                    spans.append(Match(word.start(), end, term, entry))
                    break
        return leftmost_longest(spans)

"""Homophone variants: two two-character words read alike (pypinyin, tones included) that
differ in one character, such as 制定/制订 or 作出/做出, used within or across documents.

Sounding alike is not enough — 权利 and 权力, 必须 and 必需 are different words. A pair is
reported only when its two characters are a known variant pair (`VARIANT_CHARACTERS`) or the
two words share at least `SHARED_NEIGHBOURS` neighbours (the two characters before or after
them: 勘察和清理, 勘查和清理). Pairs the glossary lists as forms of one concept are left to the
glossary's check.

The words are the character pairs of the text that jieba's dictionary knows, so the text is
not segmented as a whole; a pair is not counted where it straddles two words (工作出色 holds
作出, but as 工作 and 出色).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from itertools import combinations

from pypinyin import Style, lazy_pinyin

from pipeline.languages import CHINESE
from pipeline.languages.zh import NOT_VARIANTS, VARIANT_CHARACTERS
from pipeline.model import Document
from pipeline.model.findings import Finding
from pipeline.terminology.consistency import Checks, Concept, concept_findings
from pipeline.terminology.forms import is_han, positions
from pipeline.terminology.glossary import Glossary
from pipeline.terminology.occurrences import DocumentText, Occurrence
from pipeline.terminology.words import is_word

HOMOPHONE = Checks("term-homophone", "term-homophone-across")
SHARED_NEIGHBOURS = 2
HAN = CHINESE.script_char


def homophone_findings(
    texts: list[DocumentText], glossary: Glossary, documents: dict[str, Document]
) -> list[Finding]:
    words = _words(texts)
    findings = []
    for a, b in _pairs(words, texts, glossary):
        occurrences = _occurrences(texts, a) + _occurrences(texts, b)
        label = f"{a} / {b} (read {' '.join(_reading(a))})"
        findings += concept_findings(Concept(label), occurrences, HOMOPHONE, documents)
    return findings


def _words(texts: list[DocumentText]) -> list[str]:
    """The two-character words of the texts: character pairs jieba's dictionary knows."""
    pairs = set()
    for text in texts:
        t = text.text
        pairs |= {t[i : i + 2] for i in range(len(t) - 1)}
    return sorted(p for p in pairs if _is_word(p) and is_han(p))


def _pairs(
    words: list[str], texts: list[DocumentText], glossary: Glossary
) -> list[tuple[str, str]]:
    by_reading: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for word in words:
        by_reading[_reading(word)].append(word)
    pairs = []
    for group in by_reading.values():
        for a, b in combinations(group, 2):
            if (
                _one_apart(a, b)
                and not _glossary_knows(glossary, a, b)
                and (_known_variants(a, b) or _shared_neighbours(texts, a, b))
            ):
                pairs.append((a, b))
    return pairs


def _one_apart(a: str, b: str) -> bool:
    return (
        sum(x != y for x, y in zip(a, b, strict=True)) == 1
        and frozenset((a, b)) not in NOT_VARIANTS
    )


def _known_variants(a: str, b: str) -> bool:
    return any(frozenset((x, y)) in VARIANT_CHARACTERS for x, y in zip(a, b, strict=True) if x != y)


def _shared_neighbours(texts: list[DocumentText], a: str, b: str) -> bool:
    return len(_neighbours(texts, a) & _neighbours(texts, b)) >= SHARED_NEIGHBOURS


def _neighbours(texts: list[DocumentText], word: str) -> set[str]:
    """The two characters before ('<') and after ('>') each use of the word."""
    found = set()
    for text in texts:
        for at in _uses(text.text, word):
            before, after = text.text[max(0, at - 2) : at], text.text[at + 2 : at + 4]
            if len(before) == 2 and HAN.match(before):
                found.add("<" + before)
            if len(after) == 2 and HAN.match(after):
                found.add(">" + after)
    return found


def _uses(text: str, word: str) -> list[int]:
    """Where the word is used as a word, not straddling two (工作出色 for 作出)."""
    return [
        at
        for at in positions(text, word)
        if not (_is_word(text[max(0, at - 1) : at + 1]) and _is_word(text[at + 1 : at + 3]))
    ]


def _occurrences(texts: list[DocumentText], word: str) -> list[Occurrence]:
    return [
        text.occurrence(at, at + len(word), word) for text in texts for at in _uses(text.text, word)
    ]


def _glossary_knows(glossary: Glossary, a: str, b: str) -> bool:
    return any(
        any(a in f for f in e.chinese_forms) and any(b in f for f in e.chinese_forms)
        for e in glossary.entries
    )


def _is_word(text: str) -> bool:
    return len(text) == 2 and is_word(text)


@functools.lru_cache(maxsize=65536)
def _reading(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word, style=Style.TONE))

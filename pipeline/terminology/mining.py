"""Term candidates mined from aligned units: English n-grams against Chinese words.

Over the aligned units (English source, Chinese target; a pair of texts repeated word for word
counted once), each English n-gram of one to three words (no stop word at either end) and
each Chinese word or run of up to three words (jieba) is counted once per unit. A pair's
association is its Dice coefficient, 2·both / (English + Chinese), and Dunning's
log-likelihood ratio G² over the 2×2 table of units. Pairs seen together in at least
`MIN_UNITS` units, passing both thresholds and given some support by the lexicon (CC-CEDICT
and the glossary: one of the n-gram's words among the translations of the Chinese) are linked
competitively — strongest first, each n-gram and each Chinese candidate once, never inside
or around a stronger pair — so 国家 is not also taken for "national ownership". Pairs whose
n-gram is part of a glossary term, or whose Chinese holds or is part of a glossary form, are
the glossary's.

A second rendering is mined from the units where the n-gram's first rendering is missing: a
Chinese candidate found in at least `MIN_SECOND` of them, never beside the first rendering,
with lexical support. Both show in the renderings table; the units with the rarer one are
reported (info) when the n-gram has two words or more.

The statistics need many aligned units to mean much: on a pair of plans (some 30 units) only
words repeated in three units or more come out.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from pipeline.align.lexicon import Lexicon
from pipeline.languages import CHINESE, ENGLISH
from pipeline.languages.en import stem
from pipeline.languages.numerals import DIGITS
from pipeline.model.findings import Finding
from pipeline.terminology.aligned import AlignedUnit
from pipeline.terminology.forms import en_key, en_words, is_han, strip_titles
from pipeline.terminology.glossary import Glossary
from pipeline.terminology.matching import SHORTEST_ZH
from pipeline.terminology.words import zh_words

STOP_EN, ZH_STOP = ENGLISH.stop_words, CHINESE.stop_words

MAX_WORDS = 3  # English n-grams up to trigrams, Chinese runs of up to three words
MAX_CHARS = 8  # a Chinese candidate of several words is at most this long
MIN_UNITS = 3  # units a pair must share
MIN_SECOND = 2  # units a second rendering must have
MIN_DICE = 0.6
MIN_LLR = 10.83  # G², p < 0.001 with one degree of freedom
INSIDE_EN = frozenset(["of", "and", "the", "for", "on", "to", "in", "with"])  # inside a term


@dataclass(frozen=True)
class Candidate:
    english: str  # the n-gram, words as compared (lower case, singular)
    chinese: str
    both: int  # units with both
    english_units: int
    chinese_units: int
    dice: float
    llr: float
    units: tuple[str, ...]  # target xml:ids of the units with both
    rank: int = 1  # 1 for the n-gram's first rendering, 2 for a second one


def mine(units: list[AlignedUnit], glossary: Glossary, lexicon: Lexicon) -> list[Candidate]:
    """The candidates of the units whose source is English (the glossary's source)."""
    pairs = _distinct([u for u in units if u.source_lang == ENGLISH.code])
    grams = [english_grams(u.source_text) for u in pairs]
    words = [chinese_candidates(u.target_text) for u in pairs]
    english_counts, chinese_counts = _counts(grams), _counts(words)
    scored = _scored(grams, words, english_counts, chinese_counts)
    linked = _link(
        (
            c
            for c in scored
            if c.dice >= MIN_DICE and c.llr >= MIN_LLR and not _glossary_covers(glossary, c)
        ),
        lexicon,
    )
    found = [_with_units(c, pairs, grams, words) for c in linked]
    taken = {c.chinese for c in linked}
    seconds = [
        s
        for c in found
        if (s := _second(c, pairs, grams, words, english_counts, chinese_counts, taken, lexicon))
    ]
    return sorted(found + seconds, key=lambda c: (c.english, c.rank, c.chinese))


def _scored(
    grams: list[set[str]], words: list[set[str]], english: Counter, chinese: Counter
) -> list[Candidate]:
    """Every pair of an n-gram and a Chinese candidate seen together in `MIN_UNITS` units."""
    frequent = [
        ({g for g in gs if english[g] >= MIN_UNITS}, {w for w in ws if chinese[w] >= MIN_UNITS})
        for gs, ws in zip(grams, words, strict=True)
    ]
    both = Counter((g, w) for gs, ws in frequent for g in gs for w in ws)
    return [
        _candidate(g, w, n, english, chinese, len(grams))
        for (g, w), n in both.items()
        if n >= MIN_UNITS
    ]


def _distinct(units: list[AlignedUnit]) -> list[AlignedUnit]:
    """One unit for each pair of texts: a segment repeated word for word (a restatement, a
    document copied) is no new evidence."""
    seen: set[tuple[str, str]] = set()
    out = []
    for unit in units:
        if (unit.source_text, unit.target_text) not in seen:
            seen.add((unit.source_text, unit.target_text))
            out.append(unit)
    return out


def english_grams(text: str) -> set[str]:
    keys = [en_key(w.group()) for w in en_words(text)]
    grams = set()
    for n in range(1, MAX_WORDS + 1):
        for i in range(len(keys) - n + 1):
            gram = keys[i : i + n]
            if gram[0] in STOP_EN or gram[-1] in STOP_EN or any(DIGITS.search(k) for k in gram):
                continue
            if any(k in STOP_EN and k not in INSIDE_EN for k in gram[1:-1]):
                continue
            grams.add(" ".join(gram))
    return grams


def chinese_candidates(text: str) -> set[str]:
    words = [w for w, _ in zh_words(text)]
    content = [w if is_han(w) and w not in ZH_STOP else "" for w in words]
    found = {w for w in content if len(w) >= 2}
    for n in range(2, MAX_WORDS + 1):
        for i in range(len(content) - n + 1):
            run = content[i : i + n]
            if all(run) and len("".join(run)) <= MAX_CHARS:
                found.add("".join(run))
    return found


def _counts(sets: list[set[str]]) -> Counter[str]:
    return Counter(x for s in sets for x in s)


def _candidate(
    gram: str, word: str, n: int, english: Counter, chinese: Counter, total: int
) -> Candidate:
    fe, fz = english[gram], chinese[word]
    return Candidate(
        gram,
        word,
        n,
        fe,
        fz,
        round(2 * n / (fe + fz), 3),
        round(log_likelihood(n, fe, fz, total), 2),
        (),
    )


def log_likelihood(both: int, first: int, second: int, total: int) -> float:
    """Dunning's G² for a 2×2 table: units with both, with the first, the second, in all."""
    cells = (both, first - both, second - both, total - first - second + both)
    rows, cols = (first, total - first), (second, total - second)
    expected = (rows[0] * cols[0], rows[0] * cols[1], rows[1] * cols[0], rows[1] * cols[1])
    return 2 * sum(
        k * math.log(k * total / e) for k, e in zip(cells, expected, strict=True) if k and e
    )


def _glossary_covers(glossary: Glossary, c: Candidate) -> bool:
    """The pair is the glossary's: its n-gram is in a glossary term, or its Chinese holds or
    is in one of the glossary's forms."""
    return c.english in _glossary_grams(glossary) or any(
        c.chinese in form or form in c.chinese for form in _glossary_forms(glossary)
    )


@functools.lru_cache(maxsize=8)
def _glossary_grams(glossary: Glossary) -> frozenset[str]:
    """Every run of words inside a glossary term, as compared."""
    grams = set()
    for e in glossary.entries:
        for term in (e.english, *e.english_variants):
            keys = [en_key(w.group()) for w in en_words(term)]
            grams |= {
                " ".join(keys[i:j]) for i in range(len(keys)) for j in range(i + 1, len(keys) + 1)
            }
    return frozenset(grams)


@functools.lru_cache(maxsize=8)
def _glossary_forms(glossary: Glossary) -> tuple[str, ...]:
    return tuple(
        strip_titles(f)
        for e in glossary.entries
        for f in e.chinese_forms
        if len(strip_titles(f)) >= SHORTEST_ZH
    )


def _link(candidates: Iterable[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Strongest first; each n-gram and each Chinese candidate in one pair only. A pair must
    have some support in the lexicon (one of its English words among the dictionary's
    translations of its Chinese); pairs the counts cannot tell apart (words always used
    together) are ordered by that support, then by how well their lengths agree."""
    scored = [(c, lexical_support(c.english, c.chinese, lexicon)) for c in candidates]
    order = sorted(
        ((c, s) for c, s in scored if s > 0),
        key=lambda cs: (
            -cs[0].llr,
            -cs[0].dice,
            -cs[1],
            _granularity(cs[0]),
            -_words(cs[0].english),
            cs[0].english,
            cs[0].chinese,
        ),
    )
    linked: list[Candidate] = []
    grams: set[str] = set()
    words: set[str] = set()
    for c, _ in order:
        if c.english in grams or c.chinese in words or _nested(c, linked):
            continue
        linked.append(c)
        grams.add(c.english)
        words.add(c.chinese)
    return linked


def lexical_support(english: str, chinese: str, lexicon: Lexicon) -> float:
    """The share of the n-gram's words that CC-CEDICT or the glossary gives for the Chinese."""
    stems = {stem(w) for w in re.split(r"[\s-]+", english) if w and w not in STOP_EN}
    given = frozenset().union(*(lexicon.translations(w) for w, _ in zh_words(chinese)))
    return len(stems & given) / len(stems) if stems else 0.0


def _words(english: str) -> int:
    return len(re.split(r"[\s-]+", english))


def _granularity(c: Candidate) -> float:
    """How far apart the two sides' lengths are, at about two characters an English word."""
    return abs(len(c.chinese) / 2 - _words(c.english))


def _nested(c: Candidate, linked: list[Candidate]) -> bool:
    """Inside a stronger pair on both sides (`ownership`/自主权 and `national ownership`/
    国家自主权), or around one (`affected community`/影响社区 and `affected`/影响)."""

    def inside(a: Candidate, b: Candidate) -> bool:
        return f" {a.english} " in f" {b.english} " and a.chinese in b.chinese

    return any(inside(c, k) or inside(k, c) for k in linked)


def _with_units(c: Candidate, pairs, grams, words) -> Candidate:
    units = tuple(
        u.target_unit
        for u, gs, ws in zip(pairs, grams, words, strict=True)
        if c.english in gs and c.chinese in ws
    )
    return replace(c, units=units)


def _second(
    first: Candidate,
    pairs,
    grams,
    words,
    english: Counter,
    chinese: Counter,
    taken: set[str],
    lexicon: Lexicon,
) -> Candidate | None:
    """Another rendering of the n-gram, in the units where its first one is missing; never a
    Chinese candidate a linked pair has `taken`."""
    rest = [
        (u, ws)
        for u, gs, ws in zip(pairs, grams, words, strict=True)
        if first.english in gs and first.chinese not in ws
    ]
    beside = {w for ws in words if first.chinese in ws for w in ws}
    counts = Counter(
        w
        for _, ws in rest
        for w in ws
        if w not in beside
        and w not in taken
        and w not in first.chinese
        and first.chinese not in w
        and lexical_support(first.english, w, lexicon) > 0
    )
    if not counts:
        return None
    word, n = min(
        counts.items(), key=lambda item: (-item[1], abs(len(item[0]) - len(first.chinese)), item[0])
    )
    if n < MIN_SECOND:
        return None
    c = _candidate(first.english, word, n, english, chinese, len(pairs))
    units = tuple(u.target_unit for u, ws in rest if word in ws)
    return replace(c, units=units, rank=2)


def mined_findings(candidates: list[Candidate]) -> list[Finding]:
    """Units with the rarer of two mined renderings of one n-gram of two words or more (a
    single word — `use`, 使用 and 利用 — is more often plain language than a term)."""
    by_gram: dict[str, list[Candidate]] = {}
    for c in candidates:
        if _words(c.english) >= 2:
            by_gram.setdefault(c.english, []).append(c)
    findings = []
    for gram, found in sorted(by_gram.items()):
        if len(found) < 2:
            continue
        usual, rare = sorted(found, key=lambda c: (-len(c.units), c.rank))[:2]
        for unit in rare.units:
            message = (
                f"mined term '{gram}': rendered {rare.chinese} here, {usual.chinese} in "
                f"{len(usual.units)} other aligned units ({', '.join(usual.units[:4])})"
            )
            findings.append(
                Finding(
                    unit.split(".", 1)[0], unit, "term-inconsistent", "info", message, rare.chinese
                )
            )
    return findings

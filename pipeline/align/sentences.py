"""Sentences: aligning two lists of sentences (split by `pipeline.languages.splitting`).

Alignment is the bead dynamic programme of `beads.py` — beads 1-1, 1-0, 0-1, 1-2, 2-1, 1-3,
3-1, 2-2, 1-4, 4-1, 2-3, 3-2, 1-5, 5-1 — in the style of Gale–Church and vecalign. A bead's score, in
[0, 1], mixes how well the lengths fit (Gale–Church: the two-sided p-value of the length
difference, the ratio estimated on the two texts themselves) with the lexical evidence of
`lexicon.py` (the share of tokens on both sides that find a translation on the other). The
programme maximises the sum of bead scores, less a penalty per sentence left unaligned.
Because each bead adds at most 1, two good 1-1 beads beat one 2-2 bead, and a 1-2 bead
beats 1-1 + 0-1 only when its second sentence really adds to the match. The search is
confined to a band around the diagonal that the lengths predict, widened when the best
path runs along its edge.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.align.beads import Move, best_path
from pipeline.align.lexicon import Bag, Lexicon, overlap
from pipeline.languages import table
from pipeline.languages.splitting import split_sentences

__all__ = ["Bead", "SentenceSettings", "align_sentences", "split_sentences"]


@dataclass(frozen=True)
class SentenceSettings:
    """The sentence aligner's tuning, on mac-dev (Chinese–English literary text)."""

    beads: tuple[tuple[int, int], ...] = (
        (1, 1),
        (1, 0),
        (0, 1),
        (1, 2),
        (2, 1),
        (1, 3),
        (3, 1),
        (2, 2),
        (1, 4),
        (4, 1),
        (2, 3),
        (3, 2),
        (1, 5),
        (5, 1),
    )
    # Weight of the lexical score against the length fit, and the variance of the length
    # difference per unit of length.
    lexical_weight: float = 0.9
    length_variance: float = 16.0
    # What leaving a sentence unaligned costs.
    skip_penalty: float = 0.05
    # Half-width, in target sentences, of the first band searched around the diagonal.
    first_band: int = 12

    @property
    def aligned(self) -> tuple[tuple[int, int], ...]:
        return tuple((a, b) for a, b in self.beads if a and b)

    @property
    def skips(self) -> tuple[tuple[int, int], ...]:
        return tuple((a, b) for a, b in self.beads if not (a and b))


SETTINGS = SentenceSettings()


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices aligned together; score is a confidence in [0, 1]
    (0 for a sentence left unaligned)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


# -- alignment ---------------------------------------------------------------------------


def text_length(text: str, lang: str) -> float:
    """Length in units of one Chinese character: characters other than spaces, per language."""
    return sum(1 for ch in text if not ch.isspace()) / table(lang).letters_per_unit


class _Scorer:
    """Bead scores for one pair of texts, with the lexical matches of sentence pairs cached."""

    def __init__(
        self,
        src: list[str],
        tgt: list[str],
        src_lang: str,
        tgt_lang: str,
        lexicon: Lexicon | None,
        settings: SentenceSettings,
    ):
        self.weight = settings.lexical_weight
        self.variance = settings.length_variance
        self.skip_penalty = settings.skip_penalty
        self.aligned, self.skips = settings.aligned, settings.skips
        # How many target sentences a bead can span when it has more than d source
        # sentences, and how many source sentences when it has more than d target sentences.
        self.src_reach = tuple(
            max(b for a, b in self.aligned if a > d) for d in range(max(a for a, _ in self.aligned))
        )
        self.tgt_reach = tuple(
            max(a for a, b in self.aligned if b > d) for d in range(max(b for _, b in self.aligned))
        )
        src_len = [text_length(s, src_lang) for s in src]
        tgt_len = [text_length(t, tgt_lang) for t in tgt]
        ratio = (sum(tgt_len) / sum(src_len)) if sum(src_len) and sum(tgt_len) else 1.0
        self.src_cum = _cumulative(src_len)
        self.tgt_cum = _cumulative([t / ratio for t in tgt_len])
        self.src_bags: list[Bag] = []
        self.tgt_bags: list[Bag] = []
        if self.weight:
            if lexicon is None:
                raise ValueError("a lexical weight without a lexicon")
            self.src_bags = [lexicon.bag(s, src_lang, tgt_lang) for s in src]
            self.tgt_bags = [lexicon.bag(t, tgt_lang, src_lang) for t in tgt]
        self.src_size = _cumulative([b.size for b in self.src_bags])
        self.tgt_size = _cumulative([b.size for b in self.tgt_bags])
        self.pairs: dict[tuple[int, int], tuple[int, int]] = {}
        self.src_cache: dict[tuple[int, int], list[int]] = {}
        self.tgt_cache: dict[tuple[int, int], list[int]] = {}

    def center(self, i: int) -> int:
        """The target position that the lengths predict for source position i."""
        return bisect.bisect_left(self.tgt_cum, self.src_cum[i] - 1e-9)

    def length_fit(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Gale–Church: the two-sided p-value of the difference of the normalised lengths."""
        x = self.src_cum[i1] - self.src_cum[i0]
        y = self.tgt_cum[j1] - self.tgt_cum[j0]
        return math.erfc(abs(y - x) / math.sqrt(self.variance * (x + y))) if x + y else 1.0

    def scores(self, i: int, j: int) -> list[Move]:
        """(a, b, score) of every bead of a source and b target sentences ending at (i, j)."""
        out = [(a, b, -self.skip_penalty * (a + b)) for a, b in self.skips if a <= i and b <= j]
        if not (i and j):
            return out
        weight = self.weight
        lexical = self.lexical(i, j) if weight else []
        for k, (a, b) in enumerate(self.aligned):
            if a <= i and b <= j:
                fit = self.length_fit(i - a, i, j - b, j)
                out.append((a, b, fit + weight * (lexical[k] - fit) if weight else fit))
        return out

    def lexical(self, i: int, j: int) -> list[float]:
        """Per aligned bead shape ending at (i, j): the Dice share of its tokens, both sides,
        that are matched on the other side of the bead."""
        src_or = [self.src_matches(i - 1 - da, j) for da in range(min(i, len(self.src_reach)))]
        tgt_or = [self.tgt_matches(j - 1 - db, i) for db in range(min(j, len(self.tgt_reach)))]
        src_size, tgt_size = self.src_size, self.tgt_size
        out = []
        for a, b in self.aligned:
            if a > i or b > j:
                out.append(0.0)
                continue
            covered = 0
            for da in range(a):
                covered += src_or[da][b - 1]
            for db in range(b):
                covered += tgt_or[db][a - 1]
            size = src_size[i] - src_size[i - a] + tgt_size[j] - tgt_size[j - b]
            out.append(covered / size if size else 0.0)
        return out

    def src_matches(self, k: int, j: int) -> list[int]:
        """How many tokens of source k the targets j-1, j-2 … j-b match, for b = 1, 2 …"""
        found = self.src_cache.get((k, j))
        if found is None:
            found = self.src_cache[k, j] = _unions(
                [self.pair(k, j - 1 - db)[0] for db in range(min(j, self.src_reach[0]))]
            )
        return found

    def tgt_matches(self, k: int, i: int) -> list[int]:
        """How many tokens of target k the sources i-1, i-2 … i-a match, for a = 1, 2 …"""
        found = self.tgt_cache.get((k, i))
        if found is None:
            found = self.tgt_cache[k, i] = _unions(
                [self.pair(i - 1 - da, k)[1] for da in range(min(i, self.tgt_reach[0]))]
            )
        return found

    def pair(self, i: int, j: int) -> tuple[int, int]:
        found = self.pairs.get((i, j))
        if found is None:
            found = self.pairs[i, j] = overlap(self.src_bags[i], self.tgt_bags[j])
        return found


def _unions(masks: list[int]) -> list[int]:
    """Token counts of the growing unions of `masks`: [|m0|, |m0 ∪ m1|, …]."""
    out, union = [], 0
    for mask in masks:
        union |= mask
        out.append(union.bit_count())
    return out


def _cumulative(values: list[float] | list[int]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def align_sentences(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    lexicon: Lexicon | None,
    settings: SentenceSettings = SETTINGS,
) -> list[Bead]:
    """Beads covering every sentence of both lists once, in order.

    Either direction (zh→en, en→zh) and one language (zh→zh, en→en, where the lexical
    evidence is the tokens the two sentences share). A lexical weight of 0 in `settings`
    gives a length-only aligner (Gale–Church), which needs no lexicon.
    """
    scorer = _Scorer(src, tgt, src_lang, tgt_lang, lexicon, settings)
    n, m = len(src), len(tgt)
    width = settings.first_band
    spans = [(scorer.center(i), scorer.center(i)) for i in range(n + 1)]
    while True:
        bands = _bands(spans, width, m)
        beads = [
            Bead(i, j, max(0.0, round(score, 4)))
            for i, j, score in best_path(n, m, scorer.scores, bands)
        ]
        if not _held(beads, bands, m) or width > max(n, m):
            return beads
        # Search again around the path just found, and more widely: the band held it back.
        spans = _path_spans(beads, n)
        width += width // 2


def _held(beads: list[Bead], bands: Sequence[tuple[int, int]], m: int) -> bool:
    """Whether the path runs along the edge of its band somewhere: held back by the band,
    it may belong further out."""
    i = j = 0
    for bead in beads:
        i, j = i + len(bead.src), j + len(bead.tgt)
        lo, hi = bands[i]
        if (j - lo < 2 and lo > 0) or (hi - j < 2 and hi < m):
            return True
    return False


def _bands(spans: list[tuple[int, int]], width: int, m: int) -> list[tuple[int, int]]:
    """Per source position, the target positions searched: `width` either side of its span,
    each band reaching back to the one before so that a path always exists."""
    bands: list[tuple[int, int]] = []
    n = len(spans) - 1
    for i, (first, last) in enumerate(spans):
        lo = 0 if i == 0 else max(0, first - width)
        hi = m if i == n else min(m, last + width)
        if bands:
            lo = min(lo, bands[-1][1])
        bands.append((lo, hi))
    return bands


def _path_spans(beads: list[Bead], n: int) -> list[tuple[int, int]]:
    """Per source position, the target positions that the path of `beads` passes through."""
    spans: list[list[int]] = [[] for _ in range(n + 1)]
    i = j = 0
    spans[0].append(0)
    for bead in beads:
        i1, j1 = i + len(bead.src), j + len(bead.tgt)
        for row in range(i + 1, i1):
            spans[row] += (j, j1)
        spans[i1].append(j1)
        i, j = i1, j1
    return [(min(js), max(js)) for js in spans]

"""Sentences: aligning two lists of sentences (split by `pipeline.languages.splitting`).

Alignment is the bead dynamic programme of `beads.py` — beads 1-1, 1-0, 0-1, 1-2, 2-1, 1-3,
3-1, 2-2, 1-4, 4-1, 2-3, 3-2, 1-5, 5-1 — in the style of Gale–Church and vecalign. A bead's
score, in [0, 1], mixes three signals:
- how well the lengths fit (Gale–Church: the two-sided p-value of the length difference, the
  ratio estimated on the two texts themselves);
- the lexical evidence of `lexicon.py`: the share of the bead's tokens, both sides, that find
  a translation on the other side;
- when an encoder is given (`encoder.py`), the cosine of the two sides' vectors: two
  neighbouring sentences are encoded as one text, a longer run as its last two so read
  added to the run before them.
A bead gains its score times (k / 2) ** size_exponent, k the number of its sentences that
match tokens on the other side (at least 2), and a sentence left unaligned costs a penalty;
the programme maximises the sum. With an exponent below 1, two good 1-1 beads still beat one
2-2 bead; a 1-2 bead beats 1-1 + 0-1 only when its second sentence really adds to the match,
and a sentence with nothing in common with its neighbours is left unaligned, not absorbed.
With sentence vectors, neighbouring beads of the path found are then merged where the bead
of both scores clearly better than either (`merge_margin`): the sum favours two fair beads
over one good one where the languages cut one thought at different places.

The search is coarse to fine, so that time and memory grow linearly with the texts: runs of
`block` sentences are aligned first as if each were one sentence (their lengths, tokens and
vectors added up), recursively until the problem is small; the path found there, widened by
`margin` sentences each side, is the band searched at the level below.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import erfc

from pipeline.align.beads import best_path
from pipeline.align.encoder import Encoder
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
    # Weights of the lexical and the semantic score; the length fit has the rest. Without an
    # encoder the semantic weight goes to the lexical score.
    lexical_weight: float = 0.5
    semantic_weight: float = 0.4
    # Cosines at or below `semantic_floor` say nothing; `semantic_span` above it, everything.
    semantic_floor: float = 0.15
    semantic_span: float = 0.6
    # The variance of the length difference per unit of length.
    length_variance: float = 16.0
    # What leaving a sentence unaligned costs, and how a bead's gain grows with its size.
    skip_penalty: float = 0.05
    size_exponent: float = 0.3
    # What a bead costs when it ends inside a quotation on one side only (`quote_states`).
    quote_penalty: float = 0.125
    # Two neighbouring beads become one when the bead of both scores at least this much
    # above the better of the two: a sentence boundary that falls at a different place in
    # each language (`_merge_crossings`). Applied with sentence vectors only: by the lengths
    # and the lexicon alone, such a bead looks no better than two (mac-dev: 0.887 -> 0.885).
    merge_margin: float = 0.13
    # The coarse-to-fine search: items per block, items added either side of the path found
    # on blocks, and the number of cells below which a level is searched whole.
    block: int = 8
    margin: int = 8
    whole: int = 4096
    # Blocks are compared by their tokens while they hold at most this many on average
    # (about 64 sentences), above that by their lengths and vectors alone.
    block_tokens: int = 1500
    # A path found by lengths alone is less sure: the band around it is this many times wider.
    length_only_widening: int = 4

    def __post_init__(self):
        object.__setattr__(self, "beads", tuple((int(a), int(b)) for a, b in self.beads))
        if not self.aligned or any(a < 0 or b < 0 or not (a or b) for a, b in self.beads):
            raise ValueError("bead shapes are pairs of counts, not both 0, and one aligns both")
        if not (0 <= self.lexical_weight and 0 <= self.semantic_weight):
            raise ValueError("weights must not be negative")
        if self.quote_penalty < 0 or self.merge_margin < 0:
            raise ValueError("the quote penalty and the merge margin must not be negative")
        if self.lexical_weight + self.semantic_weight > 1:
            raise ValueError("the lexical and semantic weights add up to more than 1")
        if self.block < 2 or self.margin < 1:
            raise ValueError("a block holds two sentences or more, and the margin is positive")

    @property
    def aligned(self) -> tuple[tuple[int, int], ...]:
        return tuple((a, b) for a, b in self.beads if a and b)


SETTINGS = SentenceSettings()


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices aligned together; score is a confidence in [0, 1]
    (0 for a sentence left unaligned)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float

    @property
    def label(self) -> str:
        """As mac-dev's gold files write a bead: `[0, 1]:[0]`, `[]` for an empty side."""
        return f"{list(self.src)}:{list(self.tgt)}"


def text_length(text: str, lang: str) -> float:
    """Length in units of one Chinese character: characters other than spaces, per language."""
    return sum(1 for ch in text if not ch.isspace()) / table(lang).letters_per_unit


# -- one side of a level -------------------------------------------------------------------


@dataclass
class _Side:
    """A side's sentences (or blocks of them) as the scores need them: running sums of their
    lengths, token counts and vectors, and their bags of keys."""

    lengths: np.ndarray  # (n + 1,)
    sizes: np.ndarray  # (n + 1,)
    vectors: np.ndarray | None  # (n + 1, dimensions)
    bags: list[Bag]
    quoted: np.ndarray  # (n + 1,): whether the text is inside a quotation after k items
    span: int = 1  # sentences per item
    # The vector of each two neighbouring items read together (sentences only; half
    # precision is plenty for a cosine, and halves the memory).
    pairs: np.ndarray | None = None  # (n - 1, dimensions)

    @property
    def n(self) -> int:
        return len(self.lengths) - 1

    def blocks(self, size: int, most_tokens: int) -> tuple[_Side, list[int]]:
        """Runs of `size` items as one, and where each run starts (with the end last). Their
        bags are merged while blocks hold at most `most_tokens` tokens on average: larger
        ones, with masks of thousands of bits, would cost more than they tell."""
        cuts = [*range(0, self.n, size), self.n]
        vectors = None if self.vectors is None else self.vectors[cuts]
        bags = []
        if self.bags and self.sizes[-1] <= most_tokens * (len(cuts) - 1):
            bags = [_merged(self.bags[a:b]) for a, b in itertools.pairwise(cuts)]
        span = self.span * size
        side = _Side(self.lengths[cuts], self.sizes[cuts], vectors, bags, self.quoted[cuts], span)
        return side, cuts


def _merged(bags: list[Bag]) -> Bag:
    """One bag for several texts: each text's tokens numbered after the ones before."""
    keys: dict[str, int] = {}
    size = 0
    for bag in bags:
        for key, mask in bag.keys.items():
            keys[key] = keys.get(key, 0) | mask << size
        size += bag.size
    return Bag(keys, size)


def _running(values) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(np.asarray(values, dtype=np.float64))))


def _side(
    texts: Sequence[str], lang: str, other: str, lexicon: Lexicon | None, encoder: Encoder | None
) -> _Side:
    bags = [lexicon.bag(t, lang, other) for t in texts] if lexicon is not None else []
    running = pairs = None
    if encoder is not None:
        singles, neighbours = encoder.run_vectors(texts)
        running = np.zeros((len(texts) + 1, singles.shape[1]), dtype=np.float32)
        np.cumsum(singles, axis=0, out=running[1:])
        pairs = neighbours.astype(np.float16) if len(neighbours) else None
    return _Side(
        _running([text_length(t, lang) for t in texts]),
        _running([b.size for b in bags]) if bags else np.zeros(len(texts) + 1),
        running,
        bags,
        np.array([False, *table(lang).quote_states(texts)]),
        pairs=pairs,
    )


# -- bead scores -------------------------------------------------------------------------


class _Scorer:
    """The scores of every bead shape ending in a row's band, for one level searched in
    `bands`. Scores are computed for the grid of a source and b target sentences (a, b from
    1 to the largest in the bead shapes) at once, as arrays (a, b, column)."""

    def __init__(
        self,
        src: _Side,
        tgt: _Side,
        settings: SentenceSettings,
        bands: Sequence[tuple[int, int]],
        keep: bool = False,
    ):
        self.src, self.tgt = src, tgt
        self.shapes = settings.beads
        self.settings = settings
        total_src, total_tgt = src.lengths[-1], tgt.lengths[-1]
        self.ratio = total_tgt / total_src if total_src and total_tgt else 1.0
        semantic = settings.semantic_weight if src.vectors is not None else 0.0
        lexical = settings.lexical_weight + settings.semantic_weight - semantic
        self.lexical_weight = lexical if src.bags and tgt.bags else 0.0
        self.semantic_weight = semantic
        self.length_weight = 1.0 - self.lexical_weight - self.semantic_weight
        self.most_src = max(a for a, _ in settings.aligned)
        self.most_tgt = max(b for _, b in settings.aligned)
        # Which shapes hold sentences of both sides, and where they are on the grid.
        self.both_sides = [s for s, (a, b) in enumerate(self.shapes) if a and b]
        aligned_shape = np.array([self.shapes[s] for s in self.both_sides])
        self.grid_a, self.grid_b = aligned_shape[:, 0] - 1, aligned_shape[:, 1] - 1
        self.skips = [(s, (a, b)) for s, (a, b) in enumerate(self.shapes) if not (a and b)]
        self.depth = np.arange(1, self.most_src + 1)[:, None, None]  # a, on the grid
        self.width = np.arange(1, self.most_tgt + 1)[None, :, None]  # b
        self.lexicon = (
            _LexicalMatches(src.bags, tgt.bags, self.most_src, self.most_tgt, bands)
            if self.lexical_weight
            else None
        )
        self.kept: dict[int, tuple[int, np.ndarray]] | None = {} if keep else None
        self.src_runs = _Runs(src, self.most_src) if semantic else None
        self.tgt_runs = _Runs(tgt, self.most_tgt) if semantic else None
        # Leaving a block unaligned costs what leaving its sentences would.
        self.skip_penalty = settings.skip_penalty * src.span

    def gains(self, i: int, lo: int, hi: int) -> np.ndarray:
        """What each bead shape ending at (i, j), lo <= j <= hi, adds to a path."""
        out = np.full((len(self.shapes), hi - lo + 1), -math.inf)
        scores, growth = self._grid(i, lo, hi)
        aligned = scores[self.grid_a, self.grid_b]
        out[self.both_sides] = aligned * growth[self.grid_a, self.grid_b]
        for s, (a, b) in self.skips:
            if a <= i:
                out[s, max(b, lo) - lo :] = -self.skip_penalty * (a + b)
        if self.kept is not None:
            self.kept[i] = (lo, aligned.astype(np.float32))
        out[:, self.src.quoted[i] != self.tgt.quoted[lo : hi + 1]] -= self.settings.quote_penalty
        return out

    def score(self, xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
        """The score of a bead of the path just searched (kept while searching)."""
        assert self.kept is not None
        lo, scores = self.kept[xs[-1] + 1]
        s = self.both_sides.index(self.shapes.index((len(xs), len(ys))))
        return float(scores[s, ys[-1] + 1 - lo])

    def _grid(self, i: int, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores in [0, 1] (-inf where a bead cannot end) and growths, on the grid."""
        columns = np.arange(lo, hi + 1)
        score = self.length_weight * self._length_fit(i, columns)
        growth = np.ones_like(score)  # no sentence is known to match without a lexicon
        if self.lexicon is not None:
            lexical, evidence = self.lexicon.row(i, lo, hi)
            score += self.lexical_weight * lexical
            # Only the sentences that match tokens on the other side make a bead grow, so
            # that a sentence with nothing in common with a bead is left out, not absorbed.
            growth = (np.maximum(evidence, 2) / 2) ** self.settings.size_exponent
        if self.semantic_weight:
            score += self.semantic_weight * self._semantic(i, columns)
        score[(self.depth > i) | (self.width > columns)] = -math.inf
        return score, growth

    def _length_fit(self, i: int, columns: np.ndarray) -> np.ndarray:
        """Gale–Church: the two-sided p-value of the difference of the normalised lengths."""
        starts = np.maximum(i - self.depth[:, 0, 0], 0)
        x = (self.src.lengths[i] - self.src.lengths[starts])[:, None, None]
        ends = self.tgt.lengths
        y = ((ends[columns] - ends[np.maximum(columns - self.width[0, :, :], 0)]) / self.ratio)[
            None
        ]
        total = x + y
        spread = np.sqrt(self.settings.length_variance * np.maximum(total, 1e-9))
        return np.where(total > 0, erfc(np.abs(y - x) / spread), 1.0)

    def _semantic(self, i: int, columns: np.ndarray) -> np.ndarray:
        """The cosine of the bead's source and target vectors, rescaled to [0, 1]."""
        assert self.src_runs is not None and self.tgt_runs is not None
        sources = self.src_runs.at(i, i)[:, 0]  # (a, dimensions)
        targets = self.tgt_runs.at(int(columns[0]), int(columns[-1]))  # (b, column, dimensions)
        cosine = np.einsum("ad,bcd->abc", sources, targets)
        floor, span = self.settings.semantic_floor, self.settings.semantic_span
        return np.clip((cosine - floor) / span, 0.0, 1.0)


def _run_vectors(side: _Side, ends: np.ndarray, most: int) -> np.ndarray:
    """The vectors of the runs of 1 to `most` items ending before each of `ends`, as
    (run length, end, dimensions), of unit length. With pairs, a run of two is its pair, and
    a longer one its last two items read together added to the run before them; without, the
    items' vectors are added up. A run reaching before the first item gets a vector that
    means nothing (no bead holds it)."""
    running = side.vectors
    assert running is not None
    counts = np.arange(1, most + 1)[:, None]
    if side.pairs is None:
        return _unit(running[ends][None] - running[np.maximum(ends[None] - counts, 0)])
    pairs = side.pairs

    def run(last: np.ndarray, count: int) -> np.ndarray:
        if count == 1:
            return running[last] - running[np.maximum(last - 1, 0)]
        pair = pairs[np.maximum(last - 2, 0)].astype(np.float32)
        return pair if count == 2 else _unit(pair + run(np.maximum(last - 2, 0), count - 2))

    return _unit(np.stack([run(ends, count) for count in range(1, most + 1)]))


class _Runs:
    """The run vectors of a side's ends (`_run_vectors`), computed a stretch at a time as the
    rows move on and forgotten behind them: the bands of the rows only move forward."""

    STRETCH = 64

    def __init__(self, side: _Side, most: int):
        self.side, self.most = side, most
        self.first = 0  # the end of the first run vectors known
        self.known = np.zeros((most, 0, 0), dtype=np.float32)

    def at(self, lo: int, hi: int) -> np.ndarray:
        """(run length, end, dimensions) for the ends lo to hi."""
        if lo < self.first:  # not met in a search, whose bands only move forward
            return _run_vectors(self.side, np.arange(lo, hi + 1), self.most)
        last = self.first + self.known.shape[1] - 1
        if hi > last:
            start = last + 1 if lo <= last else lo
            stop = min(self.side.n, max(hi, start + self.STRETCH - 1))
            new = _run_vectors(self.side, np.arange(start, stop + 1), self.most)
            if lo <= last:
                new = np.concatenate([self.known[:, lo - self.first :], new], axis=1)
            self.known, self.first = new, lo
        return self.known[:, lo - self.first : hi - self.first + 1]


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


@dataclass(frozen=True)
class _Compared:
    """A source sentence against the targets its rows search: from target `start` on, the
    masks of the targets' tokens it matches; from end column `first_end` on, how many of its
    own tokens the b = 1, 2 … targets before each column match (`counts[column, b - 1]`)."""

    start: int
    tgt_masks: list[int]
    first_end: int
    counts: np.ndarray


class _LexicalMatches:
    """The lexical score of beads: the share of their tokens, both sides, that share a key
    with the other side. A bead's matches are unions of its sentence pairs' matches: each pair
    in the bands is compared once, when its source is first needed, and forgotten once the
    rows that need it are searched."""

    def __init__(
        self,
        src: list[Bag],
        tgt: list[Bag],
        most_src: int,
        most_tgt: int,
        bands: Sequence[tuple[int, int]],
    ):
        self.src, self.tgt = src, tgt
        self.most_src, self.most_tgt = most_src, most_tgt
        self.bands = bands
        self.src_sizes = _running([b.size for b in src])
        self.tgt_sizes = _running([b.size for b in tgt])
        self.sources: dict[int, _Compared] = {}  # the sources the next rows need

    def row(self, i: int, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """The lexical score and the number of sentences with a match, on the (a, b, column)
        grid at row i."""
        most_src, most_tgt = self.most_src, self.most_tgt
        width = hi - lo + 1
        self._forget(i)
        # Source side: tokens of the a last sources matched by the b targets before j.
        by_source = np.zeros((most_src, most_tgt, width))
        for d in range(min(i, most_src)):
            compared = self._source(i - 1 - d)
            first = compared.first_end
            by_source[d] = compared.counts[lo - first : hi - first + 1].T
        src_cover = np.cumsum(by_source, axis=0)
        src_evidence = np.cumsum(by_source > 0, axis=0)
        # Target side: tokens of each target from lo - b matched by the a last sources.
        first = lo - most_tgt
        by_target = np.zeros((hi - first, most_src))
        unions = [0] * (hi - first)
        for d in range(min(i, most_src)):
            compared = self._source(i - 1 - d)
            start, tgt_masks = compared.start, compared.tgt_masks
            for c in range(max(0, -first), hi - first):
                unions[c] |= tgt_masks[first + c - start]
                by_target[c, d] = unions[c].bit_count()
        tgt_prefix = np.vstack([np.zeros(most_src), np.cumsum(by_target, axis=0)])
        matched_prefix = np.vstack([np.zeros(most_src), np.cumsum(by_target > 0, axis=0)])
        ends = np.arange(lo, hi + 1) - first  # (column,)
        starts = ends[None, :] - np.arange(1, most_tgt + 1)[:, None]  # (b, column)
        tgt_cover = (tgt_prefix[ends][None] - tgt_prefix[starts]).transpose(2, 0, 1)
        tgt_evidence = (matched_prefix[ends][None] - matched_prefix[starts]).transpose(2, 0, 1)
        columns = np.arange(lo, hi + 1)
        before = np.maximum(columns[None, :] - np.arange(1, most_tgt + 1)[:, None], 0)
        tgt_size = self.tgt_sizes[columns][None] - self.tgt_sizes[before]  # (b, column)
        src_first = np.maximum(i - np.arange(1, most_src + 1), 0)
        src_size = self.src_sizes[i] - self.src_sizes[src_first]  # (a,)
        size = src_size[:, None, None] + tgt_size[None]
        cover = src_cover + tgt_cover
        score = np.divide(cover, size, out=np.zeros_like(size), where=size > 0)
        return score, src_evidence + tgt_evidence

    def _source(self, k: int) -> _Compared:
        found = self.sources.get(k)
        if found is None:
            found = self.sources[k] = self._compare(k)
        return found

    def _compare(self, k: int) -> _Compared:
        """Source k against every target that the rows k + 1 … k + most_src search."""
        last_row = min(k + self.most_src, len(self.bands) - 1)
        first_end, last_end = self.bands[k + 1][0], self.bands[last_row][1]
        start = max(0, first_end - self.most_tgt)
        bag = self.src[k]
        pairs = [overlap(bag, self.tgt[j]) for j in range(start, last_end)]
        src_masks = [p[0] for p in pairs]
        tgt_masks = [p[1] for p in pairs]
        counts = np.zeros((last_end - first_end + 1, self.most_tgt))
        for c, end in enumerate(range(first_end, last_end + 1)):
            union = 0
            for b in range(self.most_tgt):
                j = end - 1 - b
                if j >= start:
                    union |= src_masks[j - start]
                counts[c, b] = union.bit_count()
        return _Compared(start, tgt_masks, first_end, counts)

    def _forget(self, i: int) -> None:
        """Drop the sources that only rows before i needed."""
        for k in [k for k in self.sources if k < i - self.most_src]:
            del self.sources[k]


# -- the search --------------------------------------------------------------------------


def align_sentences(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    lexicon: Lexicon | None,
    settings: SentenceSettings = SETTINGS,
    encoder: Encoder | None = None,
) -> list[Bead]:
    """Beads covering every sentence of both lists once, in order.

    Either direction (zh→en, en→zh) and one language (zh→zh, en→en, where the lexical
    evidence is the tokens the two sentences share). A lexical weight of 0 in `settings`
    and no encoder give a length-only aligner (Gale–Church), which needs no lexicon.
    """
    if not src or not tgt:
        return [Bead((i,), (), 0.0) for i in range(len(src))] + [
            Bead((), (j,), 0.0) for j in range(len(tgt))
        ]
    if settings.lexical_weight and lexicon is None:
        raise ValueError("a lexical weight without a lexicon")
    use_lexicon = lexicon if settings.lexical_weight else None
    use_encoder = encoder if settings.semantic_weight else None
    src_side = _side(src, src_lang, tgt_lang, use_lexicon, use_encoder)
    tgt_side = _side(tgt, tgt_lang, src_lang, use_lexicon, use_encoder)
    path, scorer = _search(src_side, tgt_side, settings, keep=True)
    if use_encoder is not None:
        path = _merge_crossings(path, scorer, settings)
    return [
        Bead(xs, ys, max(0.0, min(1.0, round(scorer.score(xs, ys), 4))) if xs and ys else 0.0)
        for xs, ys in path
    ]


def _search(
    src: _Side, tgt: _Side, settings: SentenceSettings, keep: bool = False
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...]]], _Scorer]:
    """The best path of beads at this level, and its scorer: the whole matrix is searched
    when it is small, else the band around the path found on blocks."""
    n, m = src.n, tgt.n
    if (n + 1) * (m + 1) <= settings.whole or max(n, m) <= settings.block:
        bands = [(0, m)] * (n + 1)
    else:
        coarse, src_cuts, tgt_cuts, guessed = _coarse_path(src, tgt, settings)
        margin = settings.margin * (settings.length_only_widening if guessed else 1)
        bands = _bands_around(coarse, src_cuts, tgt_cuts, margin, m)
    scorer = _Scorer(src, tgt, settings, bands, keep)
    steps = best_path(n, m, settings.beads, bands, scorer.gains)
    return [(xs, ys) for xs, ys, _ in steps], scorer


def _merge_crossings(
    path: list[tuple[tuple[int, ...], tuple[int, ...]]], scorer: _Scorer, settings: SentenceSettings
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The path with neighbouring beads merged where the bead of both, a shape of the
    settings, scores `merge_margin` or more above the better of the two. Where two merges
    would share a bead, the larger gain wins (the left one on a tie); passes repeat until
    none is left, each linear in the path. The sum the search maximises favours two
    fair beads over one good one; this catches the good one where the two languages cut
    one thought at different places."""
    shapes = set(settings.aligned)

    def gain(first, second) -> float:
        (x1, y1), (x2, y2) = first, second
        xs, ys = x1 + x2, y1 + y2
        if not (x1 and y1 and x2 and y2) or (len(xs), len(ys)) not in shapes:
            return -math.inf
        return scorer.score(xs, ys) - max(scorer.score(x1, y1), scorer.score(x2, y2))

    while True:
        gains = [gain(a, b) for a, b in itertools.pairwise(path)] + [-math.inf]
        merged: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        k = 0
        while k < len(path):
            if gains[k] >= settings.merge_margin and gains[k] >= gains[k + 1]:
                (x1, y1), (x2, y2) = path[k], path[k + 1]
                merged.append((x1 + x2, y1 + y2))
                k += 2
            else:
                merged.append(path[k])
                k += 1
        if len(merged) == len(path):
            return path
        path = merged


def _coarse_path(src: _Side, tgt: _Side, settings: SentenceSettings):
    """The path on blocks, where the blocks start on each side, and whether the path was
    found by the blocks' lengths alone; the blocks themselves are gone once it is found."""
    coarse_src, src_cuts = src.blocks(settings.block, settings.block_tokens)
    coarse_tgt, tgt_cuts = tgt.blocks(settings.block, settings.block_tokens)
    path, _ = _search(coarse_src, coarse_tgt, settings)
    guessed = not (coarse_src.bags and coarse_tgt.bags) and coarse_src.vectors is None
    return path, src_cuts, tgt_cuts, guessed


def _bands_around(
    coarse: list[tuple[tuple[int, ...], tuple[int, ...]]],
    src_cuts: list[int],
    tgt_cuts: list[int],
    margin: int,
    m: int,
) -> list[tuple[int, int]]:
    """Per source position, the target positions within `margin` of the blocks' path, each
    band reaching back to the one before so that a path always exists."""
    n = src_cuts[-1]
    first = [m] * (n + 1)
    last = [0] * (n + 1)
    i = j = 0
    for xs, ys in coarse:
        i1, j1 = i + len(xs), j + len(ys)
        lo, hi = tgt_cuts[j], tgt_cuts[j1]
        for row in range(src_cuts[i], src_cuts[i1] + 1):
            first[row], last[row] = min(first[row], lo), max(last[row], hi)
        i, j = i1, j1
    bands: list[tuple[int, int]] = []
    for row in range(n + 1):
        lo = 0 if row == 0 else max(0, first[row] - margin)
        hi = m if row == n else min(m, last[row] + margin)
        if bands:
            lo = max(bands[-1][0], min(lo, bands[-1][1]))
            hi = max(hi, bands[-1][1])
        bands.append((lo, hi))
    return bands

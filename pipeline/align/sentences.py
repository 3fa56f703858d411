"""Sentences: splitting Chinese and English text, and aligning two lists of sentences.

Alignment is a dynamic programme over beads — 1-1, 1-0, 0-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4,
4-1, 2-3, 3-2, 1-5, 5-1 — in the style of Gale–Church and vecalign. A bead's score, in
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
import re
from dataclasses import dataclass

from pipeline.align.lexicon import overlap, text_bag

BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1),
         (2, 3), (3, 2), (1, 5), (5, 1))
# Weight of the lexical score against the length fit, and the variance of the length
# difference per unit of length; both tuned on mac-dev (Chinese–English literary text).
LEXICAL_WEIGHT = 0.9
LENGTH_VARIANCE = 16.0
SKIP_PENALTY = 0.05
# Characters (spaces aside) per unit of length: a unit is one Chinese character, and an
# English translation has 3.4 characters for each (mac-dev). The ratio of the two texts at
# hand is estimated again on them; the unit only sets the scale of LENGTH_VARIANCE.
CHARS_PER_UNIT = {"zh": 1.0, "en": 3.4}
# Half-width, in target sentences, of the first band searched around the diagonal.
FIRST_BAND = 12
ALIGNED = tuple((a, b) for a, b in BEADS if a and b)
SKIPS = tuple((a, b) for a, b in BEADS if not (a and b))
# How many target sentences a bead can span when it has more than d source sentences, and
# how many source sentences when it has more than d target sentences.
SRC_REACH = tuple(max(b for a, b in ALIGNED if a > d) for d in range(max(a for a, _ in ALIGNED)))
TGT_REACH = tuple(max(a for a, b in ALIGNED if b > d) for d in range(max(b for _, b in ALIGNED)))


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices aligned together; score is a confidence in [0, 1]
    (0 for a sentence left unaligned)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


# -- splitting ---------------------------------------------------------------------------

ZH_END = re.compile(r"[。！？!?]+[”’」』）)】》\s]*|(?:……|…)[”’」』]+\s*")
ZH_ATTRIBUTION = re.compile(r"[^“”‘’「」。！？]{1,10}?[问说道答喊叫][。！]")
ZH_CONTINUES = "，、：；,"
ZH_CLOSING_QUOTES = "”’」』"
EN_END = re.compile(r"(?:[.!?]+|…|\.\.\.)['\"’”)\]]*(?=\s+['\"‘“(\[]?[A-Z0-9])")
EN_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "gen", "col", "capt", "lt",
    "sgt", "mt", "vs", "cf", "fig", "figs", "vol", "vols", "para", "paras", "art", "arts",
    "sect", "ch", "pp", "p", "ed", "eds", "e.g", "i.e", "approx", "dept", "est", "inc", "ltd",
    "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.n", "u.s", "u.k", "a.m", "p.m",
})
# Abbreviations that are also words ("I said no."): abbreviations only before a number.
EN_BEFORE_NUMBER = frozenset({"no", "nos"})


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of `text`, in order and with their own punctuation.

    A sentence never runs across a paragraph; a line break is a paragraph break unless the
    line clearly stops mid-sentence (English: the next line starts in lower case; Chinese:
    the line ends with a comma). As in the mac-dev gold: Chinese ends after 。！？ (with the
    closing quotes and brackets that follow), also inside quotations, but not at ； or inside
    《》, and a short attribution after a quotation stays with it (“……？” 汪淼问。); English
    ends after . ! ? … when the next sentence starts with a capital, a digit or a quotation,
    except after abbreviations and initials.
    """
    split = _split_zh if lang == "zh" else _split_en
    return [s for para in _paragraphs(text, lang) for s in split(para)]


def _paragraphs(text: str, lang: str) -> list[str]:
    paras: list[str] = []
    joining = False
    for line in text.splitlines():
        line = line.strip()
        if not line:
            joining = False
            continue
        if joining and paras and _continues(paras[-1], line, lang):
            paras[-1] += ("" if lang == "zh" else " ") + line
        else:
            paras.append(line)
        joining = True
    return paras


def _continues(before: str, line: str, lang: str) -> bool:
    if lang == "zh":
        return before[-1] in ZH_CONTINUES
    return line[0].islower() and before[-1] not in ".!?:"


def _split_zh(para: str) -> list[str]:
    out, start = [], 0
    for m in ZH_END.finditer(para):
        if para.count("《", 0, m.start()) > para.count("》", 0, m.start()):
            continue  # inside a title
        end = m.end()
        if m.group().rstrip()[-1] in ZH_CLOSING_QUOTES:
            tail = ZH_ATTRIBUTION.match(para, end)
            end = tail.end() if tail else end
        if end > start:
            out.append(para[start:end].strip())
            start = end
    rest = para[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def _split_en(para: str) -> list[str]:
    out, start = [], 0
    for m in EN_END.finditer(para):
        if m.start() < start or _abbreviation(para, m.start(), m.group()):
            continue
        out.append(para[start : m.end()].strip())
        start = m.end()
    rest = para[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def _abbreviation(para: str, at: int, mark: str) -> bool:
    """Is the full stop at `at` part of an abbreviation or an initial (U.N., J. Smith)?"""
    if not mark.startswith(".") or mark.startswith("..."):
        return False
    word = re.search(r"[\w.]*$", para[:at]).group().lower().rstrip(".")
    if word in EN_ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return word in EN_BEFORE_NUMBER and re.match(r"\.\s+\d", para[at:]) is not None


# -- alignment ---------------------------------------------------------------------------

def text_length(text: str, lang: str) -> float:
    """Length in units of one Chinese character: characters other than spaces, per language."""
    return sum(1 for ch in text if not ch.isspace()) / CHARS_PER_UNIT.get(lang, 1.0)


class _Scorer:
    """Bead scores for one pair of texts, with the lexical matches of sentence pairs cached."""

    def __init__(self, src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
                 lexical_weight: float):
        self.weight = lexical_weight
        src_len = [text_length(s, src_lang) for s in src]
        tgt_len = [text_length(t, tgt_lang) for t in tgt]
        ratio = (sum(tgt_len) / sum(src_len)) if sum(src_len) and sum(tgt_len) else 1.0
        self.src_cum = _cumulative(src_len)
        self.tgt_cum = _cumulative([t / ratio for t in tgt_len])
        self.src_bags = [text_bag(s, src_lang, tgt_lang) for s in src] if lexical_weight else []
        self.tgt_bags = [text_bag(t, tgt_lang, src_lang) for t in tgt] if lexical_weight else []
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
        return math.erfc(abs(y - x) / math.sqrt(LENGTH_VARIANCE * (x + y))) if x + y else 1.0

    def scores(self, i: int, j: int) -> list[tuple[int, int, float]]:
        """(a, b, score) of every bead of a source and b target sentences ending at (i, j)."""
        out = [(a, b, -SKIP_PENALTY * (a + b)) for a, b in SKIPS if a <= i and b <= j]
        if not (i and j):
            return out
        weight = self.weight
        lexical = self.lexical(i, j) if weight else None
        for k, (a, b) in enumerate(ALIGNED):
            if a <= i and b <= j:
                fit = self.length_fit(i - a, i, j - b, j)
                out.append((a, b, fit + weight * (lexical[k] - fit) if weight else fit))
        return out

    def lexical(self, i: int, j: int) -> list[float]:
        """Per bead shape of ALIGNED ending at (i, j): the Dice share of its tokens, both
        sides, that are matched on the other side of the bead."""
        src_or = [self.src_matches(i - 1 - da, j) for da in range(min(i, len(SRC_REACH)))]
        tgt_or = [self.tgt_matches(j - 1 - db, i) for db in range(min(j, len(TGT_REACH)))]
        src_size, tgt_size = self.src_size, self.tgt_size
        out = []
        for a, b in ALIGNED:
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
                [self.pair(k, j - 1 - db)[0] for db in range(min(j, SRC_REACH[0]))])
        return found

    def tgt_matches(self, k: int, i: int) -> list[int]:
        """How many tokens of target k the sources i-1, i-2 … i-a match, for a = 1, 2 …"""
        found = self.tgt_cache.get((k, i))
        if found is None:
            found = self.tgt_cache[k, i] = _unions(
                [self.pair(i - 1 - da, k)[1] for da in range(min(i, TGT_REACH[0]))])
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


def _cumulative(values: list[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def align_sentences(src: list[str], tgt: list[str], src_lang: str = "zh",
                    tgt_lang: str = "en", *, lexical_weight: float = LEXICAL_WEIGHT
                    ) -> list[Bead]:
    """Beads covering every sentence of both lists once, in order.

    Either direction (zh→en, en→zh) and one language (zh→zh, en→en, where the lexical
    evidence is the tokens the two sentences share). `lexical_weight=0` gives a
    length-only aligner (Gale–Church).
    """
    scorer = _Scorer(src, tgt, src_lang, tgt_lang, lexical_weight)
    n, m = len(src), len(tgt)
    width = FIRST_BAND
    spans = [(scorer.center(i), scorer.center(i)) for i in range(n + 1)]
    while True:
        beads, held = _search(scorer, n, m, _bands(spans, width, m))
        if not held or width > max(n, m):
            return beads
        # Search again around the path just found, and more widely: the band held it back.
        spans = _path_spans(beads, n)
        width += width // 2


def _search(scorer: _Scorer, n: int, m: int, bands: list[tuple[int, int]]
            ) -> tuple[list[Bead], list[int]]:
    """The best path through the bands; and the source positions where it runs along their
    edge (held back by the band, it may belong further out)."""
    best: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int, float]]] = [{} for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        lo, hi = bands[i]
        for j in range(max(lo, 1 if i == 0 else 0), hi + 1):
            top, arg = -math.inf, None
            for a, b, score in scorer.scores(i, j):
                prev = best[i - a].get(j - b)
                if prev is not None and prev + score > top:
                    top, arg = prev + score, (a, b, score)
            if arg is not None:
                best[i][j], back[i][j] = top, arg
    beads, held = [], []
    i, j = n, m
    while i or j:
        a, b, score = back[i][j]
        lo, hi = bands[i]
        if (j - lo < 2 and lo > 0) or (hi - j < 2 and hi < m):
            held.append(i)
        confidence = max(0.0, round(score, 4))
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), confidence))
        i, j = i - a, j - b
    return beads[::-1], held


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

